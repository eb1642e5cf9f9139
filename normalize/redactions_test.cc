#include "normalize/redactions.h"

#include <catch2/catch.hpp>
#include <random>

#include "normalize/structure_text.h"
#include "tests/support.h"

namespace hantidy {
namespace {

std::vector<std::string> found(const std::string& text) {
  std::vector<std::string> out;
  for (const Mark& m : find_redactions(text)) {
    CHECK(m.kind == "redaction");
    out.push_back(text.substr(m.begin, m.end - m.begin));
  }
  return out;
}

TEST_CASE("placeholders inside Chinese text are redactions", "[structure][redaction]") {
  CHECK(found("刚才，XX主任回顾总结了工作") == std::vector<std::string>{"XX"});
  CHECK(found("xxxx年，全省卫生健康系统深入学习贯彻习近平总书记考察xx以及") ==
        std::vector<std::string>{"xxxx", "xx"});
  CHECK(found("果断处置X例境外输入病例") == std::vector<std::string>{"X"});
  CHECK(found("精准管控XXX万名人员") == std::vector<std::string>{"XXX"});
  CHECK(found("××市卫生健康委") == std::vector<std::string>{"××"});
  CHECK(found("ＸＸ县") == std::vector<std::string>{"ＸＸ"});
}

TEST_CASE("Latin words, roman numerals, X-rays and multiplication are not redactions",
          "[structure][redaction]") {
  CHECK(found("使用Windows XP系统").empty());
  CHECK(found("第XIV届会议").empty());
  CHECK(found("拍X光片").empty());
  CHECK(found("做X射线检查").empty());
  CHECK(found("面积3×4米").empty());
  CHECK(found("the box is XX large").empty());
  CHECK(found("").empty());
}

TEST_CASE("placeholders are found by their bytes, wherever they stand", "[structure][redaction]") {
  // At the text's ends, full-width and × forms, the character before read backwards (also after
  // malformed bytes), and the commas of Chinese text (EF BC 8C, the lead byte of Ｘ) in between.
  CHECK(found("中X") == std::vector<std::string>{"X"});
  CHECK(found("X中") == std::vector<std::string>{"X"});
  CHECK(found("中，文，中Ｘ文") == std::vector<std::string>{"Ｘ"});
  CHECK(found("中ｘｘ文") == std::vector<std::string>{"ｘｘ"});
  CHECK(found("中×文") == std::vector<std::string>{"×"});
  CHECK(found("中\xE4\xB8X文") == std::vector<std::string>{"X"});
  CHECK(found(std::string(40, ' ') + "中文X") == std::vector<std::string>{"X"});
  CHECK(found("中文×5").empty());
  CHECK(found("aX中").empty());
}

// The vector search returns candidates that are no placeholder (８ is EF BC 98, ｸ EF BD B8, é
// C3 A9): they must be passed over, and a placeholder after them still found, at every offset
// of the 16-byte steps.
TEST_CASE("bytes like a placeholder's are passed over", "[structure][redaction]") {
  for (std::size_t pad = 0; pad < 20; ++pad) {
    std::string lead(pad, ' ');
    INFO(pad);
    CHECK(found(lead + "中８文ｸ文é中，中文中文中文中文中文").empty());
    CHECK(found(lead + "中８文ｸé中文中文中文中文XX中文中文") == std::vector<std::string>{"XX"});
    CHECK(found(lead + "８８８８８８８８中ｘ文８８８８８８") == std::vector<std::string>{"ｘ"});
  }
}

// The rule of find_redactions applied to the text decoded whole, code point by code point: what
// the byte search with its skipping must find on any text.
std::vector<std::pair<std::size_t, std::size_t>> decoded_redactions(std::string_view text) {
  auto placeholder = [](char32_t c) {
    return c == U'X' || c == U'x' || c == U'Ｘ' || c == U'ｘ' || c == U'×';
  };
  std::vector<CodePoint> cps = decode_utf8(text);
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < cps.size();) {
    if (!placeholder(cps[i].c)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < cps.size() && placeholder(cps[j].c)) ++j;
    char32_t before = i > 0 ? cps[i - 1].c : 0;
    char32_t after = j < cps.size() ? cps[j].c : 0;
    bool latin = is_latin_letter(before) || is_latin_letter(after);
    bool han = is_han(before) || is_han(after);
    bool times_sign = cps[i].c == U'×' && (is_digit(before) || is_digit(after));
    bool x_ray = after == U'光' || after == U'射' || after == U'線' || after == U'线';
    if (!latin && han && !times_sign && !(j - i == 1 && x_ray)) {
      out.emplace_back(cps[i].begin, cps[j - 1].end);
    }
    i = j;
  }
  return out;
}

TEST_CASE("the byte search finds what a whole decode finds, on random text",
          "[structure][redaction]") {
  // Placeholders, characters whose bytes look like theirs (８ EF BC 98, ｸ EF BD B8, é C3 A9),
  // lone lead bytes, and the neighbours the rule looks at; long texts pass the 64-byte steps.
  const std::vector<std::string> pieces = {"X",
                                           "x",
                                           "Ｘ",
                                           "ｘ",
                                           "×",
                                           "中",
                                           "文",
                                           "a",
                                           "5",
                                           "８",
                                           "ｸ",
                                           "é",
                                           "，",
                                           " ",
                                           "光",
                                           "\xEF",
                                           "\xC3",
                                           "\xE4\xB8",
                                           "\xEF\xBC",
                                           "\x98",
                                           "\xB8",
                                           "abcdefghijklmnop",
                                           "中文中文中文中文"};
  std::mt19937 rng(20261123);
  for (int round = 0; round < 20000; ++round) {
    std::string text = test::random_text(pieces, rng() % 40, rng);
    std::vector<std::pair<std::size_t, std::size_t>> got;
    for (const Mark& m : find_redactions(text)) got.emplace_back(m.begin, m.end);
    INFO(text);
    REQUIRE(got == decoded_redactions(text));
  }
}

// Long texts are passed over 64 bytes a step (32-byte compares where the CPU has AVX2): a
// placeholder of each kind at every byte offset of a few such steps, after text with none, and
// bytes like a placeholder's (８, é) among that text, must still be found.
TEST_CASE("the 64-byte steps pass over no placeholder, at any offset", "[structure][redaction]") {
  for (std::string_view placeholder : {"X", "ｘ", "×"}) {
    for (std::string_view decoy : {"", "８", "é"}) {
      for (std::size_t shift = 0; shift < 3; ++shift) {
        for (std::size_t before = 0; before < 80; ++before) {
          std::string text(shift, ' ');
          // The decoy never next to the placeholder (８ before × makes a multiplication).
          for (std::size_t k = 0; k < before; ++k) {
            text += k == before / 2 && k + 1 < before ? decoy : "中";
          }
          text += placeholder;
          for (int k = 0; k < 30; ++k) text += "文";
          std::vector<std::pair<std::size_t, std::size_t>> got;
          for (const Mark& m : find_redactions(text)) got.emplace_back(m.begin, m.end);
          INFO(text);
          REQUIRE(got == decoded_redactions(text));
          REQUIRE(got.size() == 1);
        }
      }
    }
  }
}

}  // namespace
}  // namespace hantidy
