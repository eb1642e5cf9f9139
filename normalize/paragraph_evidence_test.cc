#include "normalize/paragraph_evidence.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "normalize/cjk_text.h"

namespace hantidy {
namespace {

TEST_CASE("ends_terminal sees sentence ends through closing quotes", "[linebreak][evidence]") {
  CHECK(ends_terminal("推进改革。"));
  CHECK(ends_terminal("他说：“要健康。”"));
  CHECK(ends_terminal("It ends here."));
  CHECK(ends_terminal("同志们："));
  CHECK_FALSE(ends_terminal("继续深化医药卫生体制改革,加"));
  CHECK_FALSE(ends_terminal("以“四个聚焦”"));
  CHECK_FALSE(ends_terminal(""));
}

TEST_CASE("the evidence functions read ideographs from their bytes exactly", "[evidence]") {
  // Their fast path takes U+4E00..U+9FFF for Han characters without decoding them.
  for (char32_t c = 0x4E00; c <= 0x9FFF; ++c) REQUIRE(is_han(c));
  // is_body counts ideographs to 40; one short, punctuation or spacing decides.
  std::string han39, han40;
  for (int k = 0; k < 39; ++k) han39 += "国";
  han40 = han39 + "家";
  CHECK_FALSE(is_body("国家电网南方电网五大发电集团地方政府或下属"));
  CHECK(is_body(han40));
  CHECK(is_body(han39 + "。"));
  CHECK(is_body("国家电网、南方电网、五大发电集团、地方政府或下属"));
  CHECK_FALSE(is_body("国家电网、南方电网、五大发电集团、地方政府或下属 姜旭"));
  // Sentence punctuation anywhere and 12 visible characters settle it, whichever comes first.
  std::string han9;
  for (int k = 0; k < 9; ++k) han9 += "国";
  CHECK_FALSE(is_body("国。" + han9));
  CHECK(is_body("国。" + han9 + "家"));
  CHECK_FALSE(is_body(han9 + "国家"));
  CHECK(is_body(han9 + "国家。"));
  CHECK_FALSE(is_body(han9 + "国。"));
  // ends_sentence_soon stops at five ideographs, at a non-Han character, or at a full stop.
  CHECK(ends_sentence_soon("工作。当前"));
  CHECK(ends_sentence_soon("　工作！当前"));
  CHECK_FALSE(ends_sentence_soon("工作。"));
  CHECK_FALSE(ends_sentence_soon("一二三四五。当前"));
  CHECK_FALSE(ends_sentence_soon("工a作。当前"));
  CHECK_FALSE(ends_sentence_soon("。当前"));
  // is_label_line finds sentence punctuation between ideographs.
  CHECK_FALSE(is_label_line("北京市卫生健康委主任，于鲁明"));
  CHECK_FALSE(is_label_line("北京市卫生健康委主任；于鲁明"));
  CHECK(is_label_line("北京市卫生健康委主任 于鲁明"));
}

TEST_CASE("starts_like_opener knows how report paragraphs begin", "[linebreak][evidence]") {
  CHECK(starts_like_opener("2022年，重庆市卫生健康系统"));
  CHECK(starts_like_opener("新的一年，自治区卫生健康系统"));
  CHECK(starts_like_opener("三是以资源布局为切入点"));
  CHECK(starts_like_opener("（一）坚持慎终如始"));
  CHECK(starts_like_opener("二、致力赶超跨越"));
  CHECK_FALSE(starts_like_opener("快紧密型医联体建设"));
  CHECK_FALSE(starts_like_opener("更加清晰,医疗卫生服务体系"));
  CHECK_FALSE(starts_like_opener(""));
}

TEST_CASE("numbered headings, labels and body text are told apart", "[linebreak][evidence]") {
  CHECK(is_enumerated_heading("一、着力精准施策，毫不放松抓好常态化疫情防控"));
  CHECK(is_enumerated_heading("（二）加快改革创新"));
  CHECK_FALSE(is_enumerated_heading("（一）坚持慎终如始。当前疫情形势严峻复杂"));
  CHECK_FALSE(is_enumerated_heading("一是疫情防控有力有效"));
  CHECK(is_label_line("北京市政协副主席、北京市卫生健康委主任 于鲁明"));
  CHECK(is_label_line("于鲁明"));
  CHECK_FALSE(is_label_line("公司主要通过参与国家电网、南方电网、五大发电集团、地方政府或下属"));
  CHECK_FALSE(is_label_line("刚才，XX主任回顾总结了全市卫生健康工作"));
  CHECK(is_body("公司主要通过参与国家电网、南方电网、五大发电集团、地方政府或下属"));
  CHECK(is_body("着力加强全人群健康保障。聚焦"));
  CHECK_FALSE(is_body("云南省卫生健康委党组书记、主任 姜旭"));
  CHECK_FALSE(is_body("守正创新 推动健康中国建设"));
}

TEST_CASE("line-end evidence: open brackets, soon-ending sentences, dangling words",
          "[linebreak][evidence]") {
  CHECK(open_brackets("将深入落实《关于推进公立医院") == 1);
  CHECK(open_brackets("XX县（市、区)开展") == 0);  // mixed widths still close
  CHECK(open_brackets("”》）") == 0);              // closers alone never go negative
  CHECK(ends_sentence_soon("工作。当前疫情形势严峻复杂"));
  CHECK_FALSE(ends_sentence_soon("当前，医药卫生体制改革已进入深水区。"));
  CHECK_FALSE(ends_sentence_soon("工作。"));  // the whole line: no evidence either way
  CHECK(ends_in_word("以“四个聚焦”"));
  CHECK(ends_in_word("推进医疗服务模式创"));
  CHECK_FALSE(ends_in_word("推进改革。"));
  CHECK(continues_after(U'，'));
  CHECK(continues_after(U'、'));
  CHECK_FALSE(continues_after(U'。'));
  CHECK(indented("　　新的一年"));
  CHECK_FALSE(indented(" 四个方面的意见。"));
}

// The line-end tests as they read before their shortcut for a line ending in an ideograph:
// decoding backwards past blanks.
char32_t reference_last(std::string_view s, bool skip_closing) {
  for (std::size_t end = s.size(); end > 0;) {
    char32_t c = previous_code_point(s, end);
    if (is_blank_char(c) || c == '\n' || (skip_closing && is_closing(c))) continue;
    return c;
  }
  return 0;
}

bool reference_ends_in_word(std::string_view s) {
  for (std::size_t end = s.size(); end > 0;) {
    char32_t c = previous_code_point(s, end);
    if (is_blank_char(c) || c == '\n' || c == U'”' || c == U'’' || c == U'」' || c == U'》') {
      continue;
    }
    return is_han(c);
  }
  return false;
}

// ends_sentence_soon as it read before its shortcut for five ideographs.
bool reference_ends_sentence_soon(std::string_view line) {
  std::size_t n = 0;
  for (std::size_t at = 0; at < line.size() && n < 5;) {
    char32_t c = next_code_point(line, at);
    if (is_blank_char(c)) continue;
    if (c == U'。' || c == U'！' || c == U'？') return n > 0 && at < line.size();
    if (!is_han(c)) return false;
    ++n;
  }
  return false;
}

// is_label_line as it read before its one-pass form.
bool reference_is_label_line(std::string_view line) {
  std::size_t n = visible_length(line, 31);
  if (n > 30 || ends_terminal(line)) return false;
  std::string_view inner = line.substr(0, line.find_last_not_of(" \t") + 1);
  inner.remove_prefix(std::min(inner.size(), inner.find_first_not_of(" \t")));
  bool spaced = inner.find(' ') != std::string_view::npos ||
                inner.find("\xE3\x80\x80") != std::string_view::npos;
  if (!spaced && n > 16) return false;
  for (std::size_t at = 0; at < line.size();) {
    char32_t c = next_code_point(line, at);
    if (c == U'，' || c == ',' || c == U'。' || c == U'；' || c == ';') return false;
  }
  return true;
}

void check_line_ends(std::string_view s) {
  INFO(s);
  char32_t terminal = reference_last(s, true);
  CHECK(ends_terminal(s) == (terminal != 0 && is_terminal(terminal)));
  CHECK(last_visible(s) == reference_last(s, false));
  CHECK(ends_terminal(s, last_visible(s)) == ends_terminal(s));
  // first_visible's own loop decodes forwards past blanks: its shortcut must agree with it.
  CHECK(first_visible(s) == paragraph_evidence_detail::first_visible_decoded(s));
  CHECK(ends_in_word(s) == reference_ends_in_word(s));
  if (ends_in_word(s)) CHECK_FALSE(ends_terminal(s));  // linebreak's dangles() relies on it
  CHECK(ends_sentence_soon(s) == reference_ends_sentence_soon(s));
}

TEST_CASE("the line-end tests' shortcut for ideographs gives the decoded answer",
          "[linebreak][evidence]") {
  // The shortcut takes an ideograph at a line's end for no blank, closing bracket or sentence
  // end, and for Han; and 。 at the end, after any bytes, for a sentence end and no Han.
  // last_visible decodes any other three bytes at the end that are well-formed alone (not a
  // surrogate, not overlong) itself.
  for (char32_t c = 0x4E00; c <= 0x9FFF; ++c) {
    REQUIRE_FALSE(is_blank_char(c));
    REQUIRE_FALSE(is_closing(c));
    REQUIRE_FALSE(is_terminal(c));
  }
  // Every line end and start: ideographs (the first and last of the range), their neighbours
  // that share lead bytes, malformed and cut-short sequences, blanks, closers and sentence ends.
  std::vector<std::string> alphabet = {
      "一", "鿿", "中", "䷀", "㐀",       "\xEA\xB0\x80", "\x80", "\xE4\xB8", "\xE9",
      " ",  "\t",  "\n", "　", "\xC2\xA0", "。",           "”",    "）",       "》",
      "」", "’",   "』", "a",  ".",        "，",           "😀"};
  // Three bytes cut short, a surrogate, an overlong form and a noncharacter.
  alphabet.insert(alphabet.end(),
                  {"\xE3\x80", "\xE3", "\xED\xA0\x80", "\xE0\x80\x80", "\xEF\xBF\xBF"});
  for (const std::string& a : alphabet) {
    check_line_ends(a);
    for (const std::string& b : alphabet) {
      check_line_ends(a + b);
      for (const std::string& c : alphabet) check_line_ends(a + b + c);
    }
  }
  std::mt19937 rng(3);
  for (int k = 0; k < 2000; ++k) {
    std::string s;
    int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    check_line_ends(s);
  }
  // Mostly ideographs (the first three of the alphabet), so that lines often start with five.
  for (int k = 0; k < 4000; ++k) {
    std::string s;
    int n = static_cast<int>(rng() % 9);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % (rng() % 4 == 0 ? alphabet.size() : 3)];
    check_line_ends(s);
  }
}

TEST_CASE("is_label_line's one pass gives the answer of its definition", "[linebreak][evidence]") {
  // Lengths around 16 and 30 visible characters, spaces and tabs at the ends and inside, U+3000,
  // NBSP, the punctuation it looks for, sentence ends, and bytes that are not well-formed.
  const std::vector<std::string> alphabet = {
      "中", "文", "国", "a",  "1",  " ", " ",  "\t",       "\n",   "　",   "\xC2\xA0", "，",
      ",",  "；", ";",  "。", "！", "”", "、", "\xE3\x80", "\x80", "\xF0", "😀"};
  std::mt19937 rng(17);
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    int n = static_cast<int>(rng() % 50);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    INFO(s);
    REQUIRE(is_label_line(s) == reference_is_label_line(s));
  }
  // Punctuation-free lines of Han and ASCII with one kind of blank, now and then, inside or at
  // the ends: which blank counts as ROLE NAME spacing, and where, decides them.
  const std::vector<std::string> blanks = {" ", "\t", "\n", "　", "\xC2\xA0"};
  for (int k = 0; k < 20000; ++k) {
    const std::string& blank = blanks[rng() % blanks.size()];
    std::string s;
    int n = static_cast<int>(rng() % 36);
    for (int i = 0; i < n; ++i) {
      int r = static_cast<int>(rng() % 16);
      s += r == 0 ? blank : r < 12 ? alphabet[rng() % 3] : alphabet[3 + rng() % 2];
    }
    if (rng() % 3 == 0) s = blank + s;
    if (rng() % 3 == 0) s += blank;
    INFO(s);
    REQUIRE(is_label_line(s) == reference_is_label_line(s));
  }
}

TEST_CASE("starts_like_opener gives the answer of its definition", "[linebreak][evidence]") {
  // The definition: after the leading blanks, a digit, an opener word, an opening bracket, or a
  // numeral before 、 or 是.
  const std::vector<std::string> openers = {"新的一年", "今年", "去年", "近年来", "回望", "首先",
                                            "其次",     "最后", "此外", "另外",   "总之", "同时，",
                                            "同时,",    "第一", "第二", "第三",   "一是", "二是",
                                            "三是",     "四是", "五是", "六是",   "七是", "八是"};
  auto reference = [&](std::string_view line) {
    while (!line.empty() && (line[0] == ' ' || line[0] == '\t')) line.remove_prefix(1);
    if (line.empty()) return false;
    if (line[0] >= '0' && line[0] <= '9') return true;
    for (const std::string& w : openers) {
      if (line.starts_with(w)) return true;
    }
    if (line.starts_with("（") || line.starts_with("(")) return true;
    static const std::vector<std::string> numerals = {"一", "二", "三", "四", "五",
                                                      "六", "七", "八", "九", "十"};
    for (const std::string& n : numerals) {
      if (line.starts_with(n + "、") || line.starts_with(n + "是")) return true;
    }
    return false;
  };
  // Pieces of the openers, their neighbours by lead bytes, and bytes cut short.
  const std::vector<std::string> alphabet = {"新", "的", "一", "年",       "今",   "同", "，", ",",
                                             "第", "是", "、", "去",       "近",   "来", "(",  "（",
                                             " ",  "3",  "丁", "\xE6\x96", "\xE4", "a"};
  std::mt19937 rng(37);
  for (int k = 0; k < 50000; ++k) {
    std::string s;
    int n = static_cast<int>(rng() % 6);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    INFO(s);
    REQUIRE(starts_like_opener(s) == reference(s));
  }
  for (const std::string& w : openers) CHECK(starts_like_opener(w));
}

TEST_CASE("is_enumerated_heading gives the answer of its definition", "[linebreak][evidence]") {
  // The definition: after the leading blanks, "一、", "（一" or "(一" with any numeral to 十,
  // and no 。 anywhere.
  auto reference = [](std::string_view line) {
    while (!line.empty() && (line[0] == ' ' || line[0] == '\t')) line.remove_prefix(1);
    if (line.find("。") != std::string_view::npos) return false;
    static const std::vector<std::string> numerals = {"一", "二", "三", "四", "五",
                                                      "六", "七", "八", "九", "十"};
    for (const std::string& n : numerals) {
      if (line.starts_with(n + "、") || line.starts_with("（" + n) || line.starts_with("(" + n)) {
        return true;
      }
    }
    return false;
  };
  const std::vector<std::string> alphabet = {"一", "十", "中", "、", "（",       "(",
                                             "。", " ",  "\t", "a",  "\xE4\xB8", "\x80"};
  std::mt19937 rng(31);
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    int n = static_cast<int>(rng() % 8);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    INFO(s);
    REQUIRE(is_enumerated_heading(s) == reference(s));
  }
}

TEST_CASE("is_label_like's byte-length shortcut gives the answer of its definition",
          "[linebreak][evidence]") {
  // Texts around 30 bytes and 30 characters: one-byte ASCII and blanks, three-byte Han.
  const std::vector<std::string> alphabet = {"中", "文", "a", "1", " ", "\n", "，", "。", "、"};
  std::mt19937 rng(29);
  for (int k = 0; k < 20000; ++k) {
    Block b;
    int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) b.text += alphabet[rng() % (rng() % 2 == 0 ? 4 : alphabet.size())];
    INFO(b.text);
    bool label =
        !ends_terminal(b.text) && line_scan::visible_length(b.text, 31) <= 30 && !is_body(b.text);
    REQUIRE(is_label_like(b) == label);
  }
}

TEST_CASE("original_lines undoes earlier edits line by line", "[linebreak][evidence]") {
  Document doc;
  doc.sources.push_back({"t", "UTF-8", "确保 常态化\n２０22年  ", 0, ""});
  const std::string& s = doc.sources[0].text;
  doc.blocks.push_back({BlockKind::kParagraph, s, 0, {}, {0, 0, s.size()}, {}, {}, {}, {}});
  std::size_t space = s.find(' ');
  std::size_t digits = s.find("２");
  std::size_t trailing = s.rfind("22年") + std::string("22年").size();
  doc.rewrite(0,
              {{space, space + 1, "", "cjk-space"},
               {digits, digits + 6, "20", "fullwidth-alnum"},
               {trailing, s.size(), "", "trailing-space"}},
              "test");
  CHECK(doc.blocks[0].text == "确保常态化\n2022年");
  std::vector<std::string> lines = original_lines(doc.blocks[0]);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "确保 常态化");
  CHECK(lines[1] == "２０22年  ");
}

TEST_CASE("for_each_measured_line measures every line as for_each_original_line does",
          "[linebreak][evidence]") {
  // Random lines with blanks at both ends and inside, edited as trim and unicode edit them:
  // blanks removed at a line's start or end or inside it (visited as they stand, unless the
  // blanks removed inside are next to the ends' blanks or before a continuation byte) and a
  // full-width digit folded (rebuilt), so that both kinds of line and their mixes are met.
  const std::vector<std::string> alphabet = {
      "中", "文", "。",   "，",       "”", "a",  " ",        "\t",   "　",      "２",
      "1",  ".",  "\x80", "\xE4\xB8", " ", "　", "\xC2\xA0", "\xE3", "\xEF\xBC"};
  auto blank_at = [](const std::string& text, std::size_t at) -> std::size_t {
    if (text[at] == ' ' || text[at] == '\t') return 1;
    if (text.compare(at, 3, "　") == 0) return 3;
    if (text.compare(at, 2, "\xC2\xA0") == 0) return 2;
    return 0;
  };
  std::mt19937 rng(23);
  // Lines visited as they stand with blanks removed inside: the case must be met to be tested.
  static int lines_with_hidden_blanks = 0;
  for (int k = 0; k < 3000; ++k) {
    std::string text;
    std::vector<Replacement> reps;
    int lines = 1 + static_cast<int>(rng() % 5);
    for (int l = 0; l < lines; ++l) {
      if (l > 0) text += '\n';
      std::size_t start = text.size();
      int n = static_cast<int>(rng() % 12);
      for (int i = 0; i < n; ++i) text += alphabet[rng() % alphabet.size()];
      std::size_t end = text.size();
      std::size_t lead = start, trail = end;
      while (lead < end && (text[lead] == ' ' || text[lead] == '\t')) ++lead;
      while (trail > lead && (text[trail - 1] == ' ' || text[trail - 1] == '\t')) --trail;
      if (lead > start && rng() % 2 == 0) reps.push_back({start, lead, "", "leading-space"});
      // Blanks removed inside, one or a run of them at a time, now and then a fold after them.
      for (std::size_t at = lead; at < trail;) {
        std::size_t size = blank_at(text, at);
        if (size == 0 || rng() % 3 != 0) {
          if (text.compare(at, 3, "２") == 0 && rng() % 4 == 0) {
            reps.push_back({at, at + 3, "2", "fold"});
            at += 3;
          } else {
            ++at;
          }
          continue;
        }
        std::size_t stop = at + size;
        while (stop < trail && rng() % 2 == 0 && blank_at(text, stop) > 0) {
          stop += blank_at(text, stop);
        }
        reps.push_back({at, stop, "", "inside"});
        at = stop;
      }
      if (trail < end && rng() % 2 == 0) reps.push_back({trail, end, "", "trailing-space"});
    }
    Document doc;
    doc.sources.push_back({"t", "UTF-8", text, 0, ""});
    const std::string& source = doc.sources[0].text;
    doc.blocks.push_back(
        {BlockKind::kParagraph, source, 0, {}, {0, 0, source.size()}, {}, {}, {}, {}});
    doc.rewrite(0, reps, "test");
    struct Seen {
      line_scan::LineLengths lengths;
      bool terminal;
      bool last;
    };
    auto seen = [](std::vector<Seen>& out) {
      return [&out](std::string_view line, bool last, int hidden_blanks = 0) {
        line_scan::LineLengths lengths = line_scan::measure_line(line);
        lengths.count_with_spaces += hidden_blanks;
        lines_with_hidden_blanks += hidden_blanks > 0;
        out.push_back({lengths, ends_terminal(line), last});
      };
    };
    std::vector<Seen> original, measured;
    std::string scratch;
    for_each_original_line(doc.blocks[0], scratch, seen(original));
    for_each_measured_line(doc.blocks[0], scratch, seen(measured));
    INFO(text);
    REQUIRE(original.size() == measured.size());
    for (std::size_t i = 0; i < original.size(); ++i) {
      CHECK(original[i].lengths.width == measured[i].lengths.width);
      CHECK(original[i].lengths.count == measured[i].lengths.count);
      CHECK(original[i].lengths.count_with_spaces == measured[i].lengths.count_with_spaces);
      CHECK(original[i].terminal == measured[i].terminal);
      CHECK(original[i].last == measured[i].last);
    }
  }
  CHECK(lines_with_hidden_blanks > 100);
}

}  // namespace
}  // namespace hantidy
