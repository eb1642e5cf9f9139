#include "normalize/furniture.h"

#include <catch2/catch.hpp>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "core/pipeline.h"
#include "normalize/utf8.h"
#include "tests/support.h"

namespace hantidy {
namespace {

using test::run_chain;

// "kind:text" for every block, for compact expectations.
std::string kinds(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) {
    if (!out.empty()) out += " | ";
    out += std::string(kind_name(b.kind)) + ":" + b.text;
  }
  return out;
}

TEST_CASE("furniture recognises page-number shapes on lines of their own", "[furniture]") {
  struct Case {
    const char* prose;
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"em-dash page number between paragraphs", "正文第一段。\n\n— 3 —\n\n正文第二段。",
       "paragraph:正文第一段。 | page-number:— 3 — | paragraph:正文第二段。"},
      {"hyphen page number at the end of a block is split out", "正文第一段，\n- 12 -",
       "paragraph:正文第一段， | page-number:- 12 -"},
      {"第 N 页 共 M 页", "正文甲。\n\n第 3 页 共 10 页\n\n正文乙。",
       "paragraph:正文甲。 | page-number:第 3 页 共 10 页 | paragraph:正文乙。"},
      {"第N页", "正文。\n第3页", "paragraph:正文。 | page-number:第3页"},
      {"a bare number next to a page break", "正文。\n3\f下一页。",
       "paragraph:正文。 | page-number:3 | page-break: | paragraph:下一页。"},
  };
  for (const Case& c : cases) {
    INFO(c.prose);
    CHECK(kinds(run_chain("furniture", c.input)) == c.expected);
  }
}

TEST_CASE("furniture leaves numbers and repeated lines that are content alone", "[furniture]") {
  struct Case {
    const char* prose;
    const char* input;
  };
  const Case cases[] = {
      {"a bare number inside running text", "全省共有\n3\n个试点城市。"},
      {"a bare number alone, with no page evidence around it", "第一段。\n\n2\n\n第二段。"},
      {"a table row of numbers", "甲\t乙\n63\t28\n丙"},
      {"digits separated by a space are not a page number", "合计\n\n63 28\n\n完"},
      {"a repeated speaker label is not a running header",
       "主席：\n\n第一段。\n\n主席：\n\n第二段。"},
  };
  for (const Case& c : cases) {
    INFO(c.prose);
    Document doc = run_chain("furniture", c.input);
    for (const Block& b : doc.blocks) CHECK_FALSE(is_furniture(b.kind));
  }
}

TEST_CASE("furniture types a line repeated at page boundaries as a running header, not the title",
          "[furniture]") {
  std::string text =
      "披坚执锐 奋楫扬帆\n正文第一页，\n\n第 1 页 共 3 页\n\n披坚执锐 奋楫扬帆\n\n第二页正文，\n\n"
      "第 2 页 共 3 页\n\n披坚执锐 奋楫扬帆\n\n第三页正文。";
  Document doc = run_chain("furniture", text);
  REQUIRE(doc.blocks.size() == 7);
  CHECK(doc.blocks[0].kind == BlockKind::kParagraph);
  CHECK(doc.blocks[0].text == "披坚执锐 奋楫扬帆\n正文第一页，");
  std::size_t headers = 0, numbers = 0;
  for (const Block& b : doc.blocks) {
    headers += b.kind == BlockKind::kRunningHeader;
    numbers += b.kind == BlockKind::kPageNumber;
  }
  CHECK(headers == 2);
  CHECK(numbers == 2);
  // Each piece keeps an exact span into the source.
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kPageBreak) continue;
    CHECK(doc.sources[0].text.substr(b.span.begin, b.span.end - b.span.begin) == b.text);
  }
}

TEST_CASE("furniture types a line repeated just before page breaks as a running footer",
          "[furniture]") {
  Document doc =
      run_chain("furniture",
                "正文第一段，\n内部资料 注意保存\n\f正文第二段，\n内部资料 注意保存\n\f第三段。");
  CHECK(kinds(doc) ==
        "paragraph:正文第一段， | running-footer:内部资料 注意保存 | page-break: | "
        "paragraph:正文第二段， | running-footer:内部资料 注意保存 | page-break: | "
        "paragraph:第三段。");
}

TEST_CASE("furniture logs each furniture line as a change", "[furniture]") {
  Document doc = run_chain("furniture", "正文，\n- 2 -");
  REQUIRE(doc.changes.size() == 1);
  CHECK(doc.changes[0].filter == "furniture");
  CHECK(doc.changes[0].rule == "page-number");
  CHECK(doc.changes[0].orig == "- 2 -");
}

TEST_CASE("furniture on a LegCo hansard leaves no header or page number in content",
          "[furniture][legco]") {
  if (!test::have_shared()) {
    WARN("../shared not found; skipping");
    return;
  }
  std::string text =
      test::slurp(test::shared_path("corpora/legco-hansard/txt/12-13-cm0110-translate-c.txt"));
  text = text.substr(0, text.find("\n", 120000));  // about 40 pages
  Document doc = run_chain("trim; unicode; furniture; linebreak", text);
  std::regex header("立法會\\s*─\\s*2013年");
  std::regex page_number("\\s*3[0-9]{3}\\s*");
  std::size_t headers = 0, numbers = 0;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kRunningHeader) ++headers;
    if (b.kind == BlockKind::kPageNumber) ++numbers;
    if (is_furniture(b.kind)) continue;
    INFO(b.text.substr(0, 120));
    CHECK_FALSE(std::regex_search(b.text, header));
    CHECK_FALSE(std::regex_match(b.text, page_number));
  }
  CHECK(headers >= 30);
  CHECK(numbers >= 30);
}

TEST_CASE("furniture survives hostile input", "[furniture]") {
  CHECK(run_chain("furniture", "").blocks.empty());
  CHECK_NOTHROW(run_chain("furniture", " \n\t\n"));
  CHECK_NOTHROW(run_chain("furniture", std::string("1\0\n2", 4)));
  CHECK_NOTHROW(run_chain("furniture", "\uE000\n- 1 -\n\u0301"));
  std::string many;
  for (int page = 1; page < 20000; ++page) many += "正文，\n- " + std::to_string(page) + " -\n";
  Document doc = run_chain("furniture", many);
  CHECK(doc.blocks.size() == 2 * 19999);
  std::string line(1 << 20, 'x');
  CHECK(run_chain("furniture", line).blocks.size() == 1);
}

TEST_CASE("furniture takes no options", "[furniture]") {
  CHECK_THROWS(Pipeline::build("furniture(x)"));
}

}  // namespace
}  // namespace hantidy

namespace hantidy {
namespace {

// page_number_shape rules most lines out by their first visible character; these lines must
// still get through that test (or be rejected for their own reasons).
TEST_CASE("furniture's first-character test keeps every page-number shape", "[furniture]") {
  struct Case {
    const char* prose;
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"blanks before an em-dash page number", "正文。\n\n 　— 3 —\n\n正文乙。",
       "paragraph:正文。 | page-number: 　— 3 — | paragraph:正文乙。"},
      {"a full-width digit first", "正文。\n\n－ ３ －\n\n正文乙。",
       "paragraph:正文。 | page-number:－ ３ － | paragraph:正文乙。"},
      {"NBSP before 第", "正文。\n\xC2\xA0第3页", "paragraph:正文。 | page-number:\xC2\xA0第3页"},
      {"a middle dot and a bullet as dashes", "正文。\n\n· 7 ·\n\n• 8 •\n\n正文乙。",
       "paragraph:正文。 | page-number:· 7 · | page-number:• 8 • | paragraph:正文乙。"},
      {"a tab first is a table row", "正文。\n\n\t3\n\n正文乙。",
       "paragraph:正文。 | paragraph:\t3 | paragraph:正文乙。"},
      {"a Han character first is text", "正文。\n\n页3\n\n正文乙。",
       "paragraph:正文。 | paragraph:页3 | paragraph:正文乙。"},
  };
  for (const Case& c : cases) {
    INFO(c.prose);
    CHECK(kinds(run_chain("furniture", c.input)) == c.expected);
  }
}

}  // namespace
}  // namespace hantidy

namespace hantidy {
namespace {

// Header keys are measured lazily and compared by first character and size before any hashing:
// spaced, unspaced and indented forms of one header must still count as one key, and a line
// that shares only its first character must not.
TEST_CASE("furniture counts a header's spaced and unspaced forms as one key", "[furniture]") {
  std::string text =
      "標題 甲\n正文一，\n\n— 1 —\n\n標題甲\n\n正文二，\n\n— 2 —\n\n　標題 甲\n\n正文三，\n\n— 3 "
      "—\n\n"
      "標題乙\n\n正文四。";
  CHECK(kinds(run_chain("furniture", text)) ==
        "paragraph:標題 甲\n正文一， | page-number:— 1 — | running-header:標題甲 | "
        "paragraph:正文二， | page-number:— 2 — | running-header:　標題 甲 | paragraph:正文三， | "
        "page-number:— 3 — | paragraph:標題乙 | paragraph:正文四。");
  std::string short_header =
      "正文。\n\n第 1 页\n\n正 文\n\n正文甲，\n\n第 2 页\n\n正 文\n\n正文乙。\n\n第 3 页\n\n正文";
  CHECK(kinds(run_chain("furniture", short_header)) ==
        "paragraph:正文。 | page-number:第 1 页 | running-header:正 文 | paragraph:正文甲， | "
        "page-number:第 2 页 | running-header:正 文 | paragraph:正文乙。 | page-number:第 3 页 | "
        "running-header:正文");
}

// Keys skip runs of ideographs by their bytes and look for white space only where its bytes may
// start (' ', '\t', E3 for U+3000, C2 for NBSP): every kind of blank, marks that share those lead
// bytes (「」 E3, © C2) and headers of 40 visible characters (the most a key holds) and 41.
TEST_CASE("furniture's byte scans of header keys find every blank and count to the limit",
          "[furniture]") {
  auto pages = [](const std::vector<std::string>& headers) {
    std::string text = "正文。\n\n";
    for (std::size_t k = 0; k < headers.size(); ++k) {
      text += headers[k] + "\n\n正文" + std::to_string(k) + "，\n\n— " + std::to_string(k + 1) +
              " —\n\n";
    }
    return run_chain("furniture", text + "正文。");
  };
  auto headers = [](const Document& doc) {
    std::vector<std::string> found;
    for (const Block& b : doc.blocks) {
      if (b.kind == BlockKind::kRunningHeader) found.push_back(b.text);
    }
    return found;
  };
  std::vector<std::string> forms = {"©年度報告「摘要」第一部分總覽與說明",
                                    "©年度報告「摘要」 第一部分總覽與說明",
                                    "©年度報告「摘要」\t第一部分總覽與說明",
                                    "©年度報告「摘要」　第一部分總覽與說明",
                                    "©年度報告「摘要」\u00A0第一部分總覽與說明",
                                    "© 年度報告 「摘要」\u00A0\u00A0第一部分總覽與說明 "};
  CHECK(headers(pages(forms)) == forms);
  std::string forty;
  for (int k = 0; k < 38; ++k) forty += "國";
  forty += "　甲乙";  // 40 visible characters
  std::vector<std::string> at_limit = {forty, forty, forty};
  CHECK(headers(pages(at_limit)) == at_limit);
  std::vector<std::string> over(3, forty + "丙");
  CHECK(headers(pages(over)).empty());
}

// The last byte of the line's key as a decoder walking the whole line finds it: the last byte of
// its last code point that is no white space.
int decoded_last_key_byte(std::string_view line) {
  int last = -1;
  for (std::size_t at = 0; at < line.size();) {
    char32_t c = next_code_point(line, at);
    if (c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0) continue;
    last = static_cast<unsigned char>(line[at - 1]);
  }
  return last;
}

// Documents of short repeated lines, page-number shapes and page breaks, or of only some of
// them: the shortcuts (a document with no shape and no page break left at once, passes that visit
// only the lines near shapes and breaks) must find what the whole search finds.
TEST_CASE("furniture's shortcuts find what the search of every line finds", "[furniture]") {
  const std::vector<std::string> lines = {"年度報告", "年度報告", "正文甲，", "正文乙。", "— 3 —",
                                          "12",       "第2页",    "\f",       "",         "1 2"};
  std::mt19937 rng(8);
  int found = 0;  // documents where the search found furniture: the test must see some
  for (int round = 0; round < 4000; ++round) {
    // Now and then without the shapes, or without the page breaks, or without both.
    std::size_t kinds_of_lines = rng() % 3 == 0 ? 4 : rng() % 2 == 0 ? 8 : lines.size();
    std::string text;
    for (std::size_t k = rng() % 12; k > 0; --k) {
      std::size_t pick = rng() % kinds_of_lines;
      if (kinds_of_lines == 8 && pick >= 4) pick = 7;  // page breaks only
      text += lines[pick] + (rng() % 3 == 0 ? "\n\n" : "\n");
    }
    Document general = run_chain("trim", text);
    Document fast = general;
    furniture_detail::find_furniture(general, false);
    furniture_detail::find_furniture(fast, true);
    INFO(text);
    REQUIRE(kinds(fast) == kinds(general));
    REQUIRE(fast.blocks == general.blocks);
    REQUIRE(fast.changes == general.changes);
    found += kinds(general).find("page-number") != std::string::npos ||
             kinds(general).find("running-") != std::string::npos;
  }
  CHECK(found > 100);
}

// Lines of the characters page numbers are made of, blanks, tabs and characters no page number
// holds, malformed bytes among them: stopping at the first of those gives the whole reading's
// shape.
TEST_CASE("page_number_shape's early stop gives the shape of the whole line", "[furniture]") {
  const std::vector<std::string> pieces = {"3",  "12", "０", "９", "-",  "—",  "─",    "·",   "/",
                                           "第", "页", "頁", "共", ",",  "，", "、",   " ",   "　",
                                           "\t", "年", "a",  ".",  "中", "：", "\xE3", "\x80"};
  std::mt19937 rng(2026);
  int shapes = 0;  // lines with a shape: the test must see some
  for (int round = 0; round < 40000; ++round) {
    // Mostly the page numbers' own characters, so that whole shapes come up.
    std::string line;
    for (std::size_t k = rng() % 10; k > 0; --k) {
      line += pieces[rng() % (rng() % 4 == 0 ? pieces.size() : 16)];
    }
    INFO(line);
    furniture_detail::Shape whole = furniture_detail::page_number_shape(line, false);
    REQUIRE(furniture_detail::page_number_shape(line, true) == whole);
    shapes += whole != furniture_detail::Shape::kNone;
  }
  CHECK(shapes > 500);
}

TEST_CASE("a line's last key byte found from its end is the decoder's", "[furniture]") {
  // White space, characters ending like it (U+3080 E3 82 80 ends in 80, U+00E0 C3 A0 in A0),
  // truncated and stray bytes that a decoder reads as U+FFFD.
  const std::vector<std::string> pieces = {" ",    "\t",   "\u3000", "\u00A0",  "中",
                                           "a",    "む",   "à",      "\xE3",    "\xE3\x80",
                                           "\x80", "\xC2", "\xA0",   "\xF0\x80"};
  std::mt19937 rng(20261123);
  for (int round = 0; round < 20000; ++round) {
    std::string line = test::random_text(pieces, rng() % 8, rng);
    INFO(line);
    REQUIRE(furniture_detail::last_key_byte(line) == decoded_last_key_byte(line));
  }
}

}  // namespace
}  // namespace hantidy
