#include "normalize/block_types.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "normalize/structure_text.h"
#include "normalize/utf8.h"

namespace hantidy {
namespace {

// `c` in UTF-8 (`c` is no surrogate).
std::string utf8_of(char32_t c) {
  std::string out;
  append_utf8(c, out);
  return out;
}

TEST_CASE("starts_with_item_marker's first-character test decides as the full decoding does",
          "[structure]") {
  // A leading space takes the full decoding past the test on the first code point, and changes
  // nothing else for a marker this short: every first code point of the BMP, every astral plane's
  // first, and stray bytes, before the rest of each kind of marker, must get the same answer.
  CHECK(starts_with_item_marker("（十一）工作"));
  CHECK(starts_with_item_marker("- 要点"));
  CHECK_FALSE(starts_with_item_marker("主席："));
  CHECK_FALSE(starts_with_item_marker(""));
  std::vector<std::string> firsts;
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (c < 0xD800 || c > 0xDFFF) firsts.push_back(utf8_of(c));
  }
  for (char32_t c = 0x10000; c <= 0x10FFFF; c += 0x10000) firsts.push_back(utf8_of(c));
  for (int b = 0x80; b < 0x100; ++b) firsts.emplace_back(1, static_cast<char>(b));
  for (const std::string& first : firsts) {
    for (std::string_view rest : {" 要点", "、工作", "一）工作", "2. 要求", "十）"}) {
      std::string text = first + std::string(rest);
      INFO(text);
      REQUIRE(starts_with_item_marker(text) == starts_with_item_marker(" " + text));
    }
  }
}

TEST_CASE("numbered headings get their level from the numbering", "[structure]") {
  CHECK(numbered_heading_level("一、充分肯定去年卫生健康工作成效") == 1);
  CHECK(numbered_heading_level("一、着力精准施策，毫不放松抓好常态化疫情防控与突发疫情应急处置 ") ==
        1);
  CHECK(numbered_heading_level("（二）加快改革创新") == 2);
  CHECK(numbered_heading_level("(三 )对标优质高效") == 2);
  CHECK(numbered_heading_level("1. 总体要求") == 3);
  CHECK(numbered_heading_level("（1）工作目标") == 3);
}

TEST_CASE("run-in headings, list sentences and numbers stay paragraphs", "[structure]") {
  CHECK(numbered_heading_level(
            "（一）坚持慎终如始，毫不放松抓好常态化疫情防控工作。当前疫情形势严峻复杂") == 0);
  CHECK(numbered_heading_level("一是疫情防控有力有效。精准管控XXX万名中高风险地区来安返安人员") ==
        0);
  CHECK(numbered_heading_level("二要持续改进作风") == 0);
  CHECK(numbered_heading_level("1.5亿元") == 0);
  CHECK(numbered_heading_level("(二 )及 (三 )") == 0);
  CHECK(numbered_heading_level("1. 宣讀本院第四屆第三會期第三十二次會議議事錄。") == 0);
  CHECK(numbered_heading_level("二、你將報告交給社會大眾後，要社會大眾以什麼方法來進行討論？") ==
        0);
  CHECK(numbered_heading_level("一、充分肯定\n去年成效") == 0);
  CHECK(numbered_heading_level("") == 0);
}

TEST_CASE("salutations are short lines of address ending in a colon", "[structure]") {
  CHECK(is_salutation("同志们："));
  CHECK(is_salutation("各位代表:"));
  CHECK(is_salutation("尊敬的各位来宾、女士们、先生们："));
  CHECK_FALSE(is_salutation("主席："));
  CHECK_FALSE(is_salutation(" 就質詢的各部分，我們的答覆如下："));
  CHECK_FALSE(is_salutation("同志们，卫生健康事业是“国之大者”，今年的目标任务已经明确："));
  CHECK_FALSE(is_salutation("同志们：\n刚才，XX主任回顾总结了2021年全市卫生健康工作"));
}

TEST_CASE("stage notes are short blocks wholly in parentheses", "[structure]") {
  CHECK(is_stage_note("(計時器響起 )"));
  CHECK(is_stage_note("（在席位上）"));
  CHECK(is_stage_note("(主席恢復主持會議 )"));
  CHECK_FALSE(is_stage_note("(一 ) 除了委聘顧問進行一項有關零售業及飲食業的薪酬階梯的"));
  CHECK_FALSE(is_stage_note("(一 )"));
  CHECK_FALSE(is_stage_note("(甲) 和 (乙)"));
  CHECK_FALSE(is_stage_note("((("));
}

TEST_CASE("title candidates are short unpunctuated lines", "[structure]") {
  CHECK(is_title_like("唯有改革 唯有奋斗"));
  CHECK(is_title_like("守正创新 推动健康中国建设"));
  CHECK_FALSE(is_title_like("同志们："));
  CHECK_FALSE(is_title_like("一、充分肯定去年卫生健康工作成效"));
  CHECK_FALSE(
      is_title_like("2021年，全省卫生健康系统深入学习贯彻习近平总书记考察重要讲话指示批示精神。"));
  CHECK_FALSE(is_title_like("3000"));
}

TEST_CASE("shapes are rejected by their first or last character before decoding", "[structure]") {
  // Each first or last character that the byte-level checks must let through.
  CHECK(numbered_heading_level("１．加强组织管理") == 3);
  CHECK(numbered_heading_level("(1)加强组织管理") == 3);
  CHECK(numbered_heading_level("〇、加强组织管理") == 1);
  CHECK(numbered_heading_level("加强组织管理") == 0);
  CHECK(is_salutation("同志们:"));
  CHECK(is_salutation("同志们："));
  CHECK_FALSE(is_salutation("同志们：好"));
  CHECK(is_stage_note("(計時器響起 )"));
  CHECK(is_stage_note("（在席位上)"));
  CHECK_FALSE(is_stage_note("在席位上）"));
}

TEST_CASE("a short line is found without reading a long paragraph to its end", "[structure]") {
  std::string han;
  for (int i = 0; i < 300; ++i) han += "中";
  CHECK(single_short_line(han, 240).empty());
  CHECK(single_short_line("标题\n" + han, 240).empty());
  CHECK(single_short_line(han + "\n标题", 240).empty());
  // Blanks and U+3000 around a short line may make the raw line long; the line stays short.
  std::string ideographic_spaces;
  for (int i = 0; i < 100; ++i) ideographic_spaces += "　";
  CHECK(single_short_line(std::string(500, ' ') + "主席" + std::string(500, ' '), 240) == "主席");
  CHECK(single_short_line(ideographic_spaces + "主席" + ideographic_spaces + "\n \n", 240) ==
        "主席");
  CHECK(single_short_line(std::string(238, 'a') + "\t\r ", 240) == std::string(238, 'a'));
  CHECK(single_short_line(std::string(241, 'a'), 240).empty());
  CHECK(single_short_line(std::string(240, 'a'), 240) == std::string(240, 'a'));
  CHECK(short_line_end(han, 0, 240) == std::string_view::npos);
  CHECK(short_line_end("ab\ncd", 0, 240) == 2);
  CHECK(short_line_end("ab\ncd", 3, 240) == 5);
}

// The line forms of the shapes (structure finds a block's line once for all three) rest on this:
// a block's single short line under a smaller limit is its line under kMaxShapeLineBytes when
// that is no longer than the limit, else none.
TEST_CASE("a block's short line under a smaller limit is its longest-limit line, if short enough",
          "[structure]") {
  std::mt19937 rng(20261123);
  static const char* const kPieces[] = {" ", "\t", "\r", "\n", "　", "a", "标", "同志："};
  for (int round = 0; round < 20000; ++round) {
    std::string block;
    std::size_t pieces = rng() % 6;
    for (std::size_t k = 0; k < pieces; ++k) {
      std::string piece = kPieces[rng() % 8];
      for (std::size_t n = rng() % 3 == 0 ? rng() % 120 : 1; n > 0; --n) block += piece;
    }
    std::string_view line = single_short_line(block, kMaxShapeLineBytes);
    for (std::size_t limit : {96, 160, 240}) {
      INFO("round " << round << ", limit " << limit);
      REQUIRE(single_short_line(block, limit) ==
              (line.size() <= limit ? line : std::string_view()));
    }
  }
}

// The shapes decode into stack buffers of their longest length: a line one code point longer
// (ASCII, so its bytes are well within the line limit) is rejected, one of exactly that length is
// still looked at.
TEST_CASE("each shape takes lines up to its length in code points, not one more", "[structure]") {
  auto heading = [](std::size_t length) { return "1." + std::string(length - 4, 'a') + "标题"; };
  CHECK(numbered_heading_level(heading(60)) == 3);
  CHECK(numbered_heading_level(heading(61)) == 0);
  auto salutation = [](std::size_t length) { return std::string(length - 3, 'a') + "同志："; };
  CHECK(is_salutation(salutation(24)));
  CHECK_FALSE(is_salutation(salutation(25)));
  auto note = [](std::size_t length) { return "(" + std::string(length - 2, 'a') + ")"; };
  CHECK(is_stage_note(note(40)));
  CHECK_FALSE(is_stage_note(note(41)));
  auto title = [](std::size_t length) {
    std::string text = "a";
    for (std::size_t k = 1; k < length; ++k) text += "标";
    return text;
  };
  CHECK(is_title_like(title(30)));
  CHECK_FALSE(is_title_like(title(31)));
}

}  // namespace
}  // namespace hantidy
