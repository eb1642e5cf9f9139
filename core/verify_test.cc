#include "core/verify.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/pipeline.h"
#include "tests/support.h"

namespace hantidy {
namespace {

using namespace std::string_literals;

TEST_CASE("a document as the text reader made it accounts for every character", "[verify]") {
  Document doc =
      test::read_text("## 第一章　總則\n\n第一條  為保障\n人民權利，\n\f\n特制定本法。\n");
  CHECK(blocks_are_source_slices(doc));
  CHECK_FALSE(find_lost_in_sources(doc));
  CHECK_FALSE(find_lost_since(doc, doc));
}

TEST_CASE("recorded rewrites, deletions and joins lose nothing", "[verify]") {
  Document doc = test::read_text("北京市 卫生,健康\n\n委员会。\n");
  Document before = doc;
  doc.rewrite(0, {{9, 10, "", "cjk-space"}, {16, 17, "，", "ascii-comma"}}, "test");
  doc.join_blocks(0, 1, "", "\n\n", "test", "join");
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "北京市卫生，健康委员会。");
  CHECK_FALSE(find_lost_since(before, doc));
  CHECK_FALSE(find_lost_in_sources(doc));
  CHECK_NOTHROW(verify_conservation(before, doc));
}

TEST_CASE("a block dropped with a logged change is accounted for, one dropped silently is not",
          "[verify]") {
  Document doc = test::read_text("正文一\n\n- 3 -\n\n正文二\n");
  Document before = doc;
  SECTION("logged") {
    doc.log("furniture", "page-number", doc.blocks[1].span, doc.blocks[1].text, "");
    doc.blocks.erase(doc.blocks.begin() + 1);
    CHECK_FALSE(find_lost_since(before, doc));
  }
  SECTION("silent") {
    doc.blocks.erase(doc.blocks.begin() + 1);
    auto lost = find_lost_since(before, doc);
    REQUIRE(lost);
    CHECK(lost->character == "-");  // the first of "- 3 -"
    CHECK(lost->position.line == 3);
    CHECK(lost->position.column == 1);
    CHECK_THROWS_AS(verify_conservation(before, doc), Error);
  }
}

TEST_CASE("text changed behind the document's back is reported with its place", "[verify]") {
  Document doc = test::read_text("第一行\n第二行有字\n", "law.txt");
  Document before = doc;
  doc.blocks[0].text = "第一行\n第二行有";  // "字" gone, no edit recorded
  auto lost = find_lost_since(before, doc);
  REQUIRE(lost);
  CHECK(lost->character == "字");
  CHECK(lost->position.line == 2);
  CHECK(lost->position.column == 5);
  try {
    verify_conservation(before, doc);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kInternal);
    CHECK(std::string(e.what()).find("law.txt:2:5: '字' (U+5B57) is not accounted for") == 0);
  }
}

TEST_CASE("white space may come and go, characters may move if they stay", "[verify]") {
  Document doc = test::read_text("甲　乙\u00A0丙 丁\n");
  Document before = doc;
  doc.blocks[0].text = "甲乙丙丁";  // only spaces gone
  CHECK_FALSE(find_lost_since(before, doc));
  doc.blocks[0].text = "丁丙乙甲";  // all there, out of place: accounted for by character
  CHECK_FALSE(find_lost_since(before, doc));
  doc.blocks[0].text = "丁丙乙";
  REQUIRE(find_lost_since(before, doc));
}

TEST_CASE("the reader check catches a source character no block holds", "[verify]") {
  Document doc = test::read_text("甲\n\n乙\n");
  doc.blocks.pop_back();
  auto lost = find_lost_in_sources(doc);
  REQUIRE(lost);
  CHECK(lost->character == "乙");
  CHECK(lost->position.line == 3);
}

TEST_CASE("verification of hostile documents terminates and passes", "[verify]") {
  std::string huge(2 << 20, 'a');
  std::string nested = std::string(100000, '(') + std::string(100000, ')');
  std::string odd = "\xCC\x81\xEE\x80\x80 \xE2\x80\x8B x\0y"s;
  for (const std::string& text : {std::string(), std::string("\n\n  \n"), huge, nested, odd}) {
    Document doc = test::read_text(text);
    Document before = doc;
    Diagnostics diag;
    Pipeline::build(kDefaultChain).run(doc, diag);
    CHECK_NOTHROW(verify_conservation(before, doc));
  }
}

}  // namespace
}  // namespace hantidy
