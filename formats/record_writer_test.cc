#include "formats/record_writer.h"

#include <catch2/catch.hpp>

#include "tests/support.h"

namespace hantidy {
namespace {

TEST_CASE("document_text gives the source back when nothing changed", "[record_writer]") {
  for (std::string text : std::vector<std::string>{"", "甲", "\n\n甲\n\n\n乙\n", "  縮排",
                                                   "# 一\n## 二\n正文", "甲\f乙", "　\n甲　\n"}) {
    INFO(text);
    CHECK(document_text(test::read_text(text)) == text);
  }
}

TEST_CASE("document_text leaves out furniture and emptied blocks, with a blank line instead",
          "[record_writer]") {
  Document doc = test::read_text("正文一\n\n- 3 -\n\n正文二\n\n\n## 尾\n");
  REQUIRE(doc.blocks.size() == 4);
  doc.blocks[1].kind = BlockKind::kPageNumber;
  CHECK(document_text(doc) == "正文一\n\n正文二\n\n\n## 尾\n");
  doc.rewrite(2, {{0, doc.blocks[2].text.size(), "", "drop"}}, "test");
  CHECK(document_text(doc) == "正文一\n\n## 尾\n");
}

TEST_CASE("document_text after joins keeps the joined text", "[record_writer]") {
  Document doc = test::read_text("上半\n\n下半\n\n另段");
  doc.join_blocks(0, 1, "", "\n\n", "test", "join");
  CHECK(document_text(doc) == "上半下半\n\n另段");
}

}  // namespace
}  // namespace hantidy
