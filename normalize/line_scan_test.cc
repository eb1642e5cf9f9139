#include "normalize/line_scan.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "normalize/cjk_text.h"
#include "normalize/paragraph_evidence.h"
#include "normalize/utf8.h"

namespace hantidy {
namespace {

// The measures as linebreak defined them before line_scan, decoding every code point.
int reference_count_with_spaces(std::string_view line) {
  std::size_t b = 0, e = line.size();
  while (b < e && (line[b] == ' ' || line[b] == '\t')) ++b;
  while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t')) --e;
  int n = 0;
  for (std::size_t at = b; at < e;) {
    next_code_point(line, at);
    ++n;
  }
  return n;
}

int reference_open_brackets(std::string_view s) {
  int open = 0;
  for (std::size_t at = 0; at < s.size();) {
    char32_t c = next_code_point(s, at);
    if (c == U'《' || c == U'“' || c == U'（' || c == U'「' || c == '(') ++open;
    if (c == U'》' || c == U'”' || c == U'）' || c == U'」' || c == ')')
      open = std::max(0, open - 1);
  }
  return open;
}

// is_body as it was written before its one-pass form.
bool reference_is_body(std::string_view s) {
  std::size_t n = visible_length(s, 40);
  if (n >= 40) return true;
  if (n < 12) return false;
  bool enumeration = false, spaced = false;
  for (std::size_t at = 0; at < s.size();) {
    char32_t c = next_code_point(s, at);
    if (c == U'，' || c == ',' || c == U'。' || c == U'；' || c == ';' || c == U'！' ||
        c == U'？') {
      return true;
    }
    enumeration |= c == U'、';
    spaced |= c == ' ' || c == 0x3000;
  }
  return enumeration && !spaced && n >= 20;
}

void check_measures(std::string_view line) {
  INFO("line bytes: " << line.size());
  line_scan::LineLengths l = line_scan::measure_line(line);
  CHECK(l.width == line_width(line));
  CHECK(l.count == static_cast<int>(visible_length(line)));
  CHECK(l.count_with_spaces == reference_count_with_spaces(line));
  for (std::size_t cap : {0, 1, 9, 31, 40}) {
    CHECK(line_scan::visible_length(line, cap) == visible_length(line, cap));
    CHECK(line_scan::visible_lower_bound(line, cap) <= visible_length(line));
  }
#if defined(HANTIDY_LINE_SCAN_AVX2)
  // measure_line takes the 32-byte rounds where the CPU has them: they must answer, and fail,
  // exactly where the 16-byte rounds do, whichever one measure_line took.
  if (cpu_has_avx2()) {
    int width16 = -1, count16 = -1, all16 = -1, width32 = -1, count32 = -1, all32 = -1;
    bool by16 = line_scan::measure_line_simd(line, width16, count16, all16);
    bool by32 = line_scan::measure_line_avx2(line, width32, count32, all32);
    CHECK(by16 == by32);
    if (by16 && by32) {
      CHECK(width16 == width32);
      CHECK(count16 == count32);
      CHECK(all16 == all32);
    }
  }
#endif
}

TEST_CASE("the widths measure_line's 16-byte path takes for granted are display_width's",
          "[linebreak][line_scan]") {
  auto all = [](char32_t first, char32_t last, int width) {
    for (char32_t c = first; c <= last; ++c) {
      if (display_width(c) != width) return false;
    }
    return true;
  };
  CHECK(all(0x00, 0x7F, 1));
  CHECK(all(0x4E00, 0x9FFF, 2));
  CHECK(all(0x3001, 0x303E, 2));
  CHECK(all(0x2000, 0x206F, 1));
  CHECK(all(0xFF01, 0xFF60, 2));
  for (char32_t c = 0x4E00; c <= 0x9FFF; ++c) REQUIRE(is_han(c));
  // Kangxi and CJK radicals look like Han but are symbols.
  CHECK_FALSE(is_han(U'⼀'));
  CHECK_FALSE(is_han(U'⺈'));
  CHECK(is_han(U'〇'));
  CHECK(is_han(0x20000));
}

#if defined(__SSE2__)
TEST_CASE("the byte classes of the 16-byte rounds hold for every byte", "[linebreak][line_scan]") {
  for (int b = 0; b < 256; ++b) {
    __m128i v = _mm_set1_epi8(static_cast<char>(b));
    INFO(b);
    CHECK(_mm_movemask_epi8(line_scan::simd::ascii(v)) == (b < 0x80 ? 0xFFFF : 0));
    CHECK(_mm_movemask_epi8(line_scan::simd::continuation(v)) == ((b & 0xC0) == 0x80 ? 0xFFFF : 0));
    CHECK(_mm_movemask_epi8(line_scan::simd::at_most(v, 0xBF)) == (b <= 0xBF ? 0xFFFF : 0));
  }
}
#endif

TEST_CASE("measure_line gives line_width, visible_length and the spaced count in one pass",
          "[linebreak][line_scan]") {
  check_measures("");
  check_measures("   ");
  check_measures("推进医疗服务模式创新，");
  check_measures("  　　新的一年 2022年，GDP 增长 5.5%。\t");
  check_measures("一\xE2\xBC\x80二");               // a Kangxi radical between Han characters
  check_measures("０１２ＡＢＣ“引号”—…");           // full-width forms, curly quotes
  check_measures("䷀䷁㐀㐁\xC2\xA0 \xE3\x80\x80");  // Yijing (narrow), Ext A (wide), NBSP, U+3000
  check_measures("甲\n乙");                         // '\n' counts in width, not in count
  check_measures("\xE4\xB8\x41\xE4\xB8\xAD\x80\xF0\x9F\x98\x80 ");
  // Random mixes of the characters the fast path special-cases and the ones it leaves to ICU.
  const std::vector<std::string> alphabet = {
      "中",       "文", "，", "。",       " ",    "\t",           "\n",          "　",
      "\xC2\xA0", "a",  "1",  "“",        "”",    "１",           "䷀",          "㐀",
      "⼀",       "é",  "😀",  "\xE4\xB8", "\x80", "\xE9\xBF\xBF", "\xE4\xB8\x80"};
  std::mt19937 rng(7);
  for (int k = 0; k < 500; ++k) {
    std::string line;
    int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) line += alphabet[rng() % alphabet.size()];
    check_measures(line);
  }
}

TEST_CASE("measure_line's 16-byte path answers long lines exactly", "[linebreak][line_scan]") {
  // Longer than one stretch of 127 rounds of 16 bytes, with and without a character the fast
  // path leaves to the decoder at the very end.
  std::string line;
  for (int i = 0; i < 400; ++i) line += "中文，一丁。　“引”ａ1 ";
  check_measures(line);
  check_measures(line + "─");
  check_measures("─" + line);
  check_measures(line + "\xE4\xB8");
  check_measures(line.substr(0, 2032));
  check_measures(line.substr(0, 2033));
  // Without U+3000 (which the rounds leave to the decoder), so that they run to the end: at the
  // edges of a stretch of 127 rounds of 16 and of 32 bytes.
  std::string fast;
  for (int i = 0; i < 400; ++i) fast += "中文，一丁。“引”ａ1 ";
  for (std::size_t length : {2031, 2032, 2033, 2034, 4063, 4064, 4065, 4066, 4067}) {
    check_measures(fast.substr(0, length));
  }
  // Random lines of only the characters the 16-byte path answers for, so that it does.
  const std::vector<std::string> alphabet = {"中", "，", "。", "　", " ", "\t", "\n", "a", "“",
                                             "”",  "１", "一", "、", "—", "〇", "～", "｠"};
  std::mt19937 rng(13);
  for (int k = 0; k < 1000; ++k) {
    std::string random_line;
    int n = static_cast<int>(rng() % 80);
    for (int i = 0; i < n; ++i) random_line += alphabet[rng() % alphabet.size()];
    check_measures(random_line);
  }
}

TEST_CASE("measure_line's ideograph-only rounds give way to the full round exactly",
          "[linebreak][line_scan]") {
  // Mostly ideographs and ASCII (the rounds count_round tells first), with now and then a
  // byte or character it must leave to the decoder: a stray continuation byte,
  // a cut-short ideograph, U+4DC0 (lead E4 below B8), CJK punctuation, Latin-1.
  const std::vector<std::string> alphabet = {"中",   "文",       "一", "鿿", "a",  " ",
                                             "\t",   "\n",       "1",  "中",  "文", "䷀",
                                             "\x80", "\xE4\xB8", "，", "é"};
  std::mt19937 rng(29);
  for (int k = 0; k < 2000; ++k) {
    std::string line;
    int n = static_cast<int>(rng() % 60);
    bool plain = k % 2 == 0;  // half the lines use only the first ten (the fast rounds' own)
    for (int i = 0; i < n; ++i) {
      line += alphabet[rng() % (plain ? 10 : alphabet.size())];
    }
    check_measures(line);
    if (!line.empty()) check_measures(line.substr(1));
    if (!line.empty()) check_measures(line.substr(0, line.size() - 1));
  }
}

TEST_CASE("measure_line's common rounds stop exactly at the edges of the ranges they take",
          "[linebreak][line_scan]") {
  // The first and last code points of each range count_round answers for, and their
  // neighbours outside it (which the decoder must answer for), between ideographs
  // and ASCII, at every offset of a 16-byte window.
  const std::string edges[] = {"\xE3\x80\x80", "\xE3\x80\x81", "\xE3\x80\xBE", "\xE3\x80\xBF",
                               "\xE3\x81\x80", "\xEF\xBC\x80", "\xEF\xBC\x81", "\xEF\xBD\xA0",
                               "\xEF\xBD\xA1", "\xEF\xBE\x80", "\xE2\x80\x80", "\xE2\x80\xBF",
                               "\xE2\x81\x80", "\xE2\x81\xAF", "\xE2\x81\xB0", "\xE4\xB7\xBF",
                               "\xE4\xB8\x80", "\xE9\xBF\xBF", "\xEA\x80\x80", "\xE3\x80",
                               "\xEF\xBC",     "\xE2\x80"};
  std::string run;
  for (int i = 0; i < 8; ++i) run += "中a，“";
  for (const std::string& edge : edges) {
    for (std::size_t k = 0; k <= run.size(); ++k) {
      std::string line = run.substr(0, k) + edge + run.substr(k);
      check_measures(line);
      check_measures(edge + line);
    }
  }
}

TEST_CASE("measure_line stops exactly where a run of Han ends", "[linebreak][line_scan]") {
  // Long runs of Han with one other character (a narrow Yijing symbol U+4DC0 and Ext A U+3400
  // share lead bytes with Han; a Kangxi radical; U+4E00 itself; ASCII; a cut-short sequence) at
  // every offset, so that each lands inside, at the edge of and just past a 16-byte window.
  std::string run;
  for (int i = 0; i < 12; ++i) run += "中文一丁";
  const std::string others[] = {"䷀", "㐀", "⼀", "一", "a", " ", "　", "\xE4\xB8", "\xE9\xBF"};
  for (const std::string& other : others) {
    for (std::size_t k = 0; k <= 40; ++k) {
      std::string line = run.substr(0, 3 * k) + other + run.substr(3 * k);
      check_measures(line);
      check_measures(line.substr(1));
      check_measures(line.substr(0, line.size() - 1));
    }
  }
}

TEST_CASE("measure_line's last round reads the line's last 16 or 32 bytes exactly",
          "[linebreak][line_scan]") {
  // Every length around one, two and three rounds (of 16 bytes, and of 32 with AVX2), with another
  // character (one count_round takes, or one it leaves to the decoder) at every position: inside
  // the bytes the last round re-reads (counted already) as well as inside the part it counts.
  const std::string others[] = {"，", "\x80", "é", "\xE4\xB8", "䷀", "　"};
  for (std::size_t length = 0; length <= 100; ++length) {
    std::string base;
    for (std::size_t i = 0; i < length; ++i) base += i % 3 == 2 ? " " : "a";
    check_measures(base);
    for (const std::string& other : others) {
      for (std::size_t at = 0; at <= length; ++at) {
        check_measures(base.substr(0, at) + other + base.substr(at));
      }
    }
  }
}

TEST_CASE("visible_length's byte-level bound settles long texts exactly",
          "[linebreak][line_scan]") {
  // Blanks that are not ASCII (U+3000, NBSP) and malformed bytes between Han and ASCII, at
  // lengths around the caps the evidence functions use: long texts settled by the byte-level
  // bound, short ones (16 to 256 bytes) counted whole by measure_line's rounds.
  const std::vector<std::string> alphabet = {"中", "　", "\xC2\xA0", " ",        "\n", "\t",
                                             "a",  "。", "\x80",     "\xE4\xB8", "😀",  "é"};
  std::mt19937 rng(5);
  for (int k = 0; k < 2000; ++k) {
    std::string text;
    int n = static_cast<int>(rng() % 120);
    for (int i = 0; i < n; ++i) text += alphabet[rng() % alphabet.size()];
    for (std::size_t cap : {9, 31, 40}) {
      INFO(text);
      CHECK(line_scan::visible_length(text, cap) == visible_length(text, cap));
    }
    CHECK(is_body(text) == reference_is_body(text));
    // The bound settles a cap exactly when the byte test on the whole 8-byte words does.
    std::size_t bytes_counted = 0;
    for (std::size_t at = 0; at < text.size() / 8 * 8; ++at) {
      unsigned char b = static_cast<unsigned char>(text[at]);
      bytes_counted +=
          (b & 0xC0) != 0x80 && b != ' ' && b != '\t' && b != '\n' && b != 0xE3 && b != 0xC2;
    }
    for (std::size_t cap : {1, 9, 31, 40, 100}) {
      CHECK((line_scan::visible_lower_bound(text, cap) >= cap) == (bytes_counted >= cap));
    }
  }
  std::string han;
  for (int i = 0; i < 60; ++i) han += "中";
  CHECK(line_scan::visible_length(han, 40) == 40);
  CHECK(is_body(han));
  std::string spaced;
  for (int i = 0; i < 60; ++i) spaced += "中　";
  CHECK(line_scan::visible_length(spaced, 40) == 40);
  std::string blanks(200, ' ');
  CHECK(line_scan::visible_length(blanks + "中", 40) == 1);
}

TEST_CASE("open_brackets counts by bytes exactly what decoding counts", "[linebreak][line_scan]") {
  // Brackets placed across the 8-byte words the scan skips by.
  std::string text;
  for (int i = 0; i < 5; ++i) text += "中文中文";
  for (std::size_t at = 0; at <= text.size(); ++at) {
    for (std::string bracket : {"(", "“", "《", "（", "「"}) {
      std::string s = text.substr(0, at) + bracket + text.substr(at);
      INFO(s);
      CHECK(open_brackets(s) == 1);
    }
  }
  const std::vector<std::string> alphabet = {"中", "，", "。", "(",        ")",           "“",
                                             "”",  "《", "》", "（",       "）",          "「",
                                             "」", "、", "a",  "\xE2\x80", "\xE3\x80\x8A"};
  // Up to a few hundred bytes: several 16-byte rounds and the byte loop after them.
  std::mt19937 rng(11);
  for (int k = 0; k < 2000; ++k) {
    std::string s;
    int n = static_cast<int>(rng() % 120);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    INFO(s);
    CHECK(open_brackets(s) == reference_open_brackets(s));
  }
}

}  // namespace
}  // namespace hantidy
