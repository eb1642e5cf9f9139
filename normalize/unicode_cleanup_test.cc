#include "normalize/unicode_cleanup.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/pipeline.h"
#include "normalize/bmp_table.h"
#include "normalize/cjk_text.h"
#include "normalize/utf8.h"
#include "tests/support.h"

namespace hantidy {
namespace {

using test::run_chain;
using test::run_chain_text;

struct Case {
  const char* prose;
  const char* input;
  const char* expected;
};

std::string clean(const std::string& text) {
  Document doc = run_chain("unicode", text);
  std::string out;
  for (const Block& b : doc.blocks) out += (out.empty() ? "" : "|") + b.text;
  return out;
}

TEST_CASE("unicode folds look-alike ideographs through ICU data", "[unicode]") {
  const Case cases[] = {
      {"Kangxi radicals from a PDF font become the unified ideograph", "⽤户使⽤⽂件",
       "用户使用文件"},
      {"a CJK compatibility ideograph (U+F98E) becomes 年", "2013\uF98E", "2013年"},
      {"compatibility ideograph U+FA08 becomes 行", "\uFA08政", "行政"},
      {"in simplified text a radical that folds to a traditional form is simplified",
       "这是一个简体文件，取⾧补短，⼤门", "这是一个简体文件，取长补短，大门"},
      {"in traditional text the traditional form stays", "這個議員說的⾧者", "這個議員說的長者"},
      {"the radical dot between Han characters is 主 (PDF font mapping)", "马克思⼂义",
       "马克思主义"},
      {"unified ideographs are left alone", "主要任务", "主要任务"},
  };
  for (const Case& c : cases) {
    INFO(c.prose);
    CHECK(clean(c.input) == c.expected);
  }
}

TEST_CASE("unicode removes invisible characters but keeps tabs and line breaks", "[unicode]") {
  const Case cases[] = {
      {"zero-width space removed", "卫\u200B生", "卫生"},
      {"BOM inside text removed", "卫\uFEFF生", "卫生"},
      {"C0 control removed", "卫\x01生", "卫生"},
      {"tab kept", "a\tb", "a\tb"},
      {"soft line break kept", "第一行\n第二行", "第一行\n第二行"},
  };
  for (const Case& c : cases) {
    INFO(c.prose);
    CHECK(clean(c.input) == c.expected);
  }
}

TEST_CASE("unicode makes full-width letters and digits half-width, not punctuation", "[unicode]") {
  CHECK(clean("２０２２年ＡＢＣ") == "2022年ABC");
  CHECK(clean("你好，世界！") == "你好，世界！");  // full-width punctuation is punct's business
}

TEST_CASE("unicode removes spaces between CJK characters but keeps meaningful ones", "[unicode]") {
  const Case cases[] = {
      {"OCR space between two Han characters", "确保 常态化疫情防控各项措施落地落实。",
       "确保常态化疫情防控各项措施落地落实。"},
      {"space between Han and CJK punctuation", "高质量发展 。以开展医共体建设为抓手，推进",
       "高质量发展。以开展医共体建设为抓手，推进"},
      {"space before an ASCII comma after Han", "各族群众 ,主要健康指标进一步改善。推进",
       "各族群众,主要健康指标进一步改善。推进"},
      {"spaces between Latin words stay", "hello world 你好", "hello world 你好"},
      {"ROLE NAME label keeps its space", "北京市政协副主席、北京市卫生健康委主任 于鲁明",
       "北京市政协副主席、北京市卫生健康委主任 于鲁明"},
      {"a short title keeps its space", "披坚执锐 奋楫扬帆", "披坚执锐 奋楫扬帆"},
      {"indentation at a line start stays", "　　新的一年，我们要推进改革。",
       "　　新的一年，我们要推进改革。"},
  };
  for (const Case& c : cases) {
    INFO(c.prose);
    CHECK(clean(c.input) == c.expected);
  }
}

// The office word before a ROLE NAME label's space is found by comparing the line's last six
// bytes with each word's as one number: every word must be found, and a word that shares only
// its last character or its last bytes with one must not.
TEST_CASE("unicode keeps the space after every office word and after no other word", "[unicode]") {
  const std::string kLong = "这是一段足够长的文字用来确保不是标题行";  // no mark, over 20
  const std::string kOfficeWords[] = {
      "主任", "书记", "書記", "主席", "局长", "局長", "委员", "委員", "部长", "部長", "厅长",
      "廳長", "市长", "市長", "省长", "省長", "院长", "院長", "司长", "司長", "议员", "議員"};
  for (const std::string& word : kOfficeWords) {
    INFO(word);
    std::string label = kLong + word + " 于鲁明";
    CHECK(clean(label) == label);
    // The same last character after another one, and the first one before another last one.
    std::string other_first = "新" + word.substr(3);
    CHECK(clean(kLong + other_first + " 于鲁明") == kLong + other_first + "于鲁明");
    std::string other_last = word.substr(0, 3) + "人";
    CHECK(clean(kLong + other_last + " 于鲁明") == kLong + other_last + "于鲁明");
  }
  // 地 (U+5730) ends in the same byte as 记 (U+8BB0), 宰 (U+5BB0) in the same two.
  CHECK(clean(kLong + "书地 于鲁明") == kLong + "书地于鲁明");
  CHECK(clean(kLong + "书宰 于鲁明") == kLong + "书宰于鲁明");
}

// A short line keeps its spaces unless a mark of a sentence stands in it. Its ideographs are
// stepped over by their bytes, everything else is decoded: whichever way a line is made of
// ideographs, look-alikes, allowed marks and sentence marks, the space goes exactly when one of
// the sentence marks is in the line.
TEST_CASE("unicode keeps the spaces of a short line without a sentence mark", "[unicode]") {
  const std::vector<std::string> allowed = {"中", "文", "⼈", "、", "·", "（", "）", "a", "1"};
  const std::vector<std::string> marks = {"，", "。", ",", "！", "？", "；", "：", "“"};
  std::mt19937 rng(31);
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string> pieces = allowed;
    bool with_mark = rng() % 2 == 0;
    if (with_mark) pieces.push_back(marks[rng() % marks.size()]);
    std::string before = test::random_text(pieces, rng() % 8, rng);
    std::string after = test::random_text(pieces, rng() % 8, rng);
    bool has_mark = false;
    for (const std::string& m : marks) {
      has_mark |= (before + after).find(m) != std::string::npos;
    }
    std::string out = clean(before + "中 文" + after);
    INFO("line: " << before << "中 文" << after);
    CHECK((out.find("中 文") == std::string::npos) == has_mark);
  }
}

// NFC runs segment by segment, and what ICU makes of a segment is remembered and used again:
// whatever the segments and however often they come back, the text comes out as from the same
// text made NFC whole by ICU.
TEST_CASE("unicode's NFC of each segment is ICU's NFC of the text", "[unicode]") {
  const std::vector<std::string> pieces = {"a",      "中",     "e\u0301", "\u0301", "\u0327",
                                           "\uF98E", "\uFA08", "\u1100",  "\u1161", "\u212B",
                                           "，",     "。",     "\n",      "Å",      "\u0065"};
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  REQUIRE(U_SUCCESS(status));
  std::mt19937 rng(37);
  std::size_t differ = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = test::random_text(pieces, 1 + rng() % 12, rng);
    icu::UnicodeString normalized = nfc->normalize(icu::UnicodeString::fromUTF8(text), status);
    REQUIRE(U_SUCCESS(status));
    std::string expected;
    normalized.toUTF8String(expected);
    if (clean(text) != clean(expected)) {
      ++differ;
      UNSCOPED_INFO("input: " << text);
    }
  }
  CHECK(differ == 0);
}

TEST_CASE("unicode maps the LegCo private-use dash and reports other private-use characters",
          "[unicode]") {
  CHECK(clean("歲 \uF8E7\uF8E7 因為") == "歲——因為");
  Document doc = test::read_text("前\uE000後");
  Diagnostics diag;
  UnicodeCleanupFilter().apply(doc, diag);
  CHECK(doc.blocks[0].text == "前\uE000後");
  REQUIRE(diag.warnings() == 1);
  CHECK(diag.all()[0].message.find("private-use") != std::string::npos);
}

TEST_CASE("unicode reports repeated punctuation without changing it", "[unicode]") {
  Document doc = test::read_text("我们，，推进改革。。");
  Diagnostics diag;
  UnicodeCleanupFilter().apply(doc, diag);
  CHECK(doc.blocks[0].text == "我们，，推进改革。。");
  CHECK(diag.warnings() == 2);
}

TEST_CASE("unicode records every change with its rule and original", "[unicode]") {
  Document doc = run_chain("unicode", "推进⼀体化 发展，到２０２２年。");
  CHECK(doc.blocks[0].text == "推进一体化发展，到2022年。");
  CHECK(doc.blocks[0].original_text() == "推进⼀体化 发展，到２０２２年。");
  bool kangxi = false, space = false, digit = false;
  for (const ChangeRecord& c : doc.changes) {
    CHECK(c.filter == "unicode");
    kangxi |= c.rule == "kangxi-radical" && c.orig == "⼀";
    space |= c.rule == "cjk-space";
    digit |= c.rule == "fullwidth-alnum";
  }
  CHECK((kangxi && space && digit));
}

TEST_CASE("unicode survives hostile input", "[unicode]") {
  CHECK(run_chain_text("unicode", "").empty());
  CHECK_NOTHROW(clean("   \n  "));
  std::string nul("卫\0生", 7);
  CHECK(clean(nul) == "卫生");
  CHECK(clean("\u0301\u0301a") == "\u0301\u0301a");  // lone combining marks: NFC leaves them
  CHECK(clean("e\u0301") == "\u00E9");               // and composes what it can
  std::string brackets(3000, '(');
  CHECK(clean(brackets) == brackets);
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "２０２２年 全省 卫生⼀体化，";
  std::string out = clean(huge);
  CHECK(out.find("２") == std::string::npos);
  CHECK(out.find("⼀") == std::string::npos);
}

// The filter skips ASCII and U+4000–U+9FFF without asking ICU, and asks about other code points
// alone only when they need it. These are the facts of ICU's data that makes that exact.
TEST_CASE("unicode's fast paths rest on ICU's NFC data", "[unicode]") {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  REQUIRE(U_SUCCESS(status));
  auto plain = [&](UChar32 c) {
    return nfc->hasBoundaryBefore(c) &&
           u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
  };
  bool all_plain = true;
  for (UChar32 c = 0; c < 0x80; ++c) all_plain &= plain(c);
  for (UChar32 c = 0x4000; c <= 0x9FFF; ++c) all_plain &= plain(c);
  all_plain &= plain(0xFFFD);  // what malformed bytes decode to
  // The white space the cleanup pass steps over without looking at NFC.
  all_plain &= plain(0x3000) && plain(0xA0);
  CHECK(all_plain);
  // A code point whose quick check is Yes is normalized on its own.
  bool alone_normalized = true;
  for (UChar32 c = 0; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) continue;
    status = U_ZERO_ERROR;
    alone_normalized &= nfc->isNormalized(icu::UnicodeString(c), status) && U_SUCCESS(status);
  }
  CHECK(alone_normalized);
  // The NFC table asks about the first code point of each uniform block only (bmp_table.h).
  bool blocks_alike = true;
  for (const CodePointRange& block : kUniformBmpBlocks) {
    auto first = static_cast<UChar32>(block.first);
    for (auto c = first; c <= static_cast<UChar32>(block.last); ++c) {
      blocks_alike &= nfc->hasBoundaryBefore(c) == nfc->hasBoundaryBefore(first) &&
                      u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) ==
                          u_getIntPropertyValue(first, UCHAR_NFC_QUICK_CHECK);
    }
  }
  CHECK(blocks_alike);
}

TEST_CASE("cjk_text's tables answer as ICU does", "[unicode]") {
  bool same = true;
  for (char32_t c = 0; c < 0x10000; ++c) {
    auto u = static_cast<UChar32>(c);
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(u, &status);
    bool han = c == U'〇' || (c >= 0x2E80 && script == USCRIPT_HAN && u_isalpha(u));
    bool letter = c >= 0x1100 && (han || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
                                  script == USCRIPT_HANGUL);
    int width = u_getIntPropertyValue(u, UCHAR_EAST_ASIAN_WIDTH);
    bool wide = width == U_EA_WIDE || width == U_EA_FULLWIDTH;
    same &= is_han(c) == han && is_cjk_letter(c) == letter && (display_width(c) == 2) == wide;
    if (c >= 0xFF01 && c <= 0xFF65) same &= is_cjk_punct(c) == !u_isalnum(u);
  }
  CHECK(same);
  CHECK(is_cjk_punct(U'，'));
  CHECK(is_cjk_punct(U'“'));
  CHECK_FALSE(is_cjk_punct(U'中'));
  CHECK(is_han(0x20000));  // outside the BMP: asks ICU
}

TEST_CASE("unicode's byte scan stops wherever a rule may fire", "[unicode]") {
  // Every shift of the text against the scanner's 16-byte blocks.
  for (std::size_t shift = 0; shift < 40; ++shift) {
    std::string ascii(shift, 'a');
    std::string han;
    for (std::size_t i = 0; i < shift; ++i) han += "卫";
    INFO("shift " << shift);
    CHECK(clean(ascii + "卫生使⽤文件") == ascii + "卫生使用文件");  // Kangxi radical
    CHECK(clean(han + "使⽤文件") == han + "使用文件");
    // A curly quote (E2 80 9C) just before the radical (E2 BE A7), in its sixteen bytes or not.
    CHECK(clean(ascii + "这是一个简体文件，取“⾧”补短") == ascii + "这是一个简体文件，取“长”补短");
    // Found only if the radical is seen before the script guess: ⾧ folds to 長, simplified 长.
    CHECK(clean(ascii + "这是一个简体文件，取⾧补短") == ascii + "这是一个简体文件，取长补短");
    CHECK(clean(han + "２０２２年") == han + "2022年");  // full-width digits
    // A space between Han (in a line with a comma: not a short title, which keeps its spaces).
    CHECK(clean(han + "确保 常态化，") == han + "确保常态化，");
    CHECK(clean(han + "确保​常态化") == han + "确保常态化");  // zero-width space
    CHECK(clean(han + "生ế") == han + "生ế");                        // ê + acute: ế
    CHECK(clean(ascii + "éx") == ascii + "éx");                      // ASCII + acute: é
    CHECK(clean(han + "가") == han + "가");                        // conjoining jamo: 가
    CHECK(clean(han + "豈") == han + "豈");                          // compatibility ideograph
  }
}

// next_code_point decodes three-byte sequences on a fast path; it must agree with the general
// decoder (as it stood before the fast path) on every three bytes with an E0–EF lead.
TEST_CASE("next_code_point's three-byte path decodes as the general one", "[unicode]") {
  auto general = [](std::string_view text, std::size_t& at) -> char32_t {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    std::size_t n = 3;
    if (n > text.size() - at) {
      ++at;
      return 0xFFFD;
    }
    char32_t c = byte(at) & 0x0F;
    for (std::size_t k = 1; k < n; ++k) {
      if ((byte(at + k) & 0xC0) != 0x80) {
        ++at;
        return 0xFFFD;
      }
      c = (c << 6) | (byte(at + k) & 0x3F);
    }
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) {
      ++at;
      return 0xFFFD;
    }
    at += n;
    return c;
  };
  bool same = true;
  std::string bytes(3, '\0');
  for (int lead = 0xE0; lead <= 0xEF; ++lead) {
    for (int second = 0; second < 256; ++second) {
      for (int third = 0; third < 256; ++third) {
        bytes[0] = static_cast<char>(lead);
        bytes[1] = static_cast<char>(second);
        bytes[2] = static_cast<char>(third);
        std::size_t fast_at = 0, general_at = 0;
        same &=
            next_code_point(bytes, fast_at) == general(bytes, general_at) && fast_at == general_at;
      }
    }
    std::string_view truncated(bytes.data(), 2);
    std::size_t fast_at = 0, general_at = 0;
    same &= next_code_point(truncated, fast_at) == general(truncated, general_at) &&
            fast_at == general_at;
  }
  CHECK(same);
}

TEST_CASE("unicode counts a private-use character once when a block needs NFC after it",
          "[unicode]") {
  // The cleanup pass meets the private-use character, then the combining mark that sends the
  // block through NFC first, and starts over.
  Document doc = test::read_text("前\uE000後\u2E80，e\u0301，⽤\uE001");
  Diagnostics diag;
  UnicodeCleanupFilter().apply(doc, diag);
  CHECK(doc.blocks[0].text == "前\uE000後\u2E80，\u00E9，用\uE001");
  REQUIRE(diag.warnings() == 2);
  CHECK(diag.all()[0].message.starts_with("2 private-use"));
  CHECK(diag.all()[1].message.starts_with("1 CJK radical"));
}

TEST_CASE("unicode reports doubles that only removal makes", "[unicode]") {
  const Case cases[] = {
      {"ASCII commas", "我们说过,,推进改革", ""},
      {"a removed space between two CJK commas", "我们说过， ，推进改革", ""},
      {"a removed zero-width space between two full stops", "推进改革。​。", ""},
  };
  for (const Case& c : cases) {
    INFO(c.prose);
    Document doc = test::read_text(c.input);
    Diagnostics diag;
    UnicodeCleanupFilter().apply(doc, diag);
    CHECK(diag.warnings() == 1);
  }
  Document doc = test::read_text("我们， 推进，改革,a,");
  Diagnostics diag;
  UnicodeCleanupFilter().apply(doc, diag);
  CHECK(diag.warnings() == 0);
}

// Punctuation and other BMP code points that only become the previous character take a short
// path (a table bit built from the rules' own tests). Code points a rule changes must not take
// it, whatever punctuation stands before them, and the short path must still see doubles.
TEST_CASE("unicode's short path for plain code points leaves rule characters to the rules",
          "[unicode]") {
  const Case cases[] = {
      {"full-width digits after a comma", "年份，２０２２年", "年份，2022年"},
      {"full-width letters after a full stop", "完成。ＡＢｃ", "完成。ABc"},
      {"a Kangxi radical after an enumeration comma", "卫生、使⽤文件", "卫生、使用文件"},
      {"a compatibility ideograph after a quote", "“豈”", "“豈”"},
      {"a zero-width space after a colon", "主席：\u200B议员", "主席：议员"},
      {"a soft hyphen after a semicolon", "甲；\u00AD乙", "甲；乙"},
      {"the PDF dash after a comma", "会议，\uF8E7议程", "会议，—议程"},
      {"a space between CJK after punctuation, in a long line",
       "这是一段足够长的文字，用来确保不是标题行。 我们继续写下去吧，",
       "这是一段足够长的文字，用来确保不是标题行。我们继续写下去吧，"},
      {"an ideographic space before Han after a comma in a long line",
       "这是一段足够长的文字，用来确保不是标题行，　我们继续写下去吧",
       "这是一段足够长的文字，用来确保不是标题行，我们继续写下去吧"},
      {"a tab after a comma stays", "甲，\t乙", "甲，\t乙"},
  };
  for (const Case& c : cases) {
    INFO(c.prose);
    CHECK(clean(c.input) == c.expected);
  }
  Document doc = test::read_text("我们“”，，“推进改革”、、好");
  Diagnostics diag;
  UnicodeCleanupFilter().apply(doc, diag);
  CHECK(diag.warnings() == 2);
}

// A run of white space is stepped over byte by byte while it is ASCII spaces and code point by
// code point after that: every mix of the three kinds of space is one run, removed or kept as one.
TEST_CASE("unicode treats every mix of spaces as one run", "[unicode]") {
  const std::string kinds[] = {" ", "\u3000", "\u00A0"};
  std::vector<std::string> runs = {""};
  for (int length = 1; length <= 3; ++length) {
    std::vector<std::string> longer;
    for (const std::string& run : runs) {
      for (const std::string& kind : kinds) longer.push_back(run + kind);
    }
    runs = longer;
    const std::string before = "这是一段足够长的文字，用来确保不是标题行";
    for (const std::string& run : runs) {
      INFO("run of " << run.size() << " bytes: " << run);
      CHECK(clean(before + run + "我们继续写下去吧，") == before + "我们继续写下去吧，");
      CHECK(clean(before + run + "abc，") == before + run + "abc，");  // Latin after it
      CHECK(clean(before + "，" + run) == before + "，" + run);        // the text's end
    }
  }
}

// The cleanup pass skips runs of ASCII and ideographs without classifying their last character,
// trusting that none is a repeatable mark: a doubled mark must still be reported wherever it
// stands, whatever was removed between its two halves.
TEST_CASE("unicode reports every doubled mark the cleaned text holds", "[unicode]") {
  const std::vector<std::string> pieces = {"中", "文", "a",  "1",  ",",      "；",    "，",
                                           "。", "、", "：", ";",  " ",      "\n",    "　",
                                           "２", "“",  "”",  "⼈", "\u200B", "\u00AD"};
  auto repeatable = [](char32_t c) {
    return c == U'，' || c == U'。' || c == U'、' || c == U'；' || c == U'：' || c == ',' ||
           c == ';';
  };
  std::mt19937 rng(29);
  std::size_t differ = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = test::random_text(pieces, 1 + rng() % 30, rng);
    Document doc = test::read_text(text);
    Diagnostics diag;
    UnicodeCleanupFilter().apply(doc, diag);
    std::size_t doubles = 0;
    for (const Block& b : doc.blocks) {
      char32_t previous = 0;
      std::size_t run = 1;
      for (std::size_t at = 0; at < b.text.size();) {
        char32_t c = next_code_point(b.text, at);
        run = c == previous && repeatable(c) ? run + 1 : 1;
        doubles += run == 2;
        previous = c;
      }
    }
    if (diag.warnings() != doubles) {
      ++differ;
      UNSCOPED_INFO("input: " << text);
    }
  }
  CHECK(differ == 0);
}

TEST_CASE("unicode takes no options", "[unicode]") {
  CHECK_THROWS(Pipeline::build("unicode(x=1)"));
}

}  // namespace
}  // namespace hantidy
