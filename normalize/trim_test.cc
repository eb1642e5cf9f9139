#include "normalize/trim.h"

#include <catch2/catch.hpp>

#include "core/blank_lines.h"
#include "tests/support.h"

namespace hantidy {
namespace {

TEST_CASE("trim: white space at line ends goes, recorded as changes", "[trim]") {
  Document doc = test::run_chain("trim", "加快 \n建设\t　\n\n完成。  ");
  CHECK(doc.blocks[0].text == "加快\n建设");
  CHECK(doc.blocks[1].text == "完成。");
  CHECK(doc.changes.size() == 3);
  CHECK(doc.changes[0].rule == "trailing-space");
  CHECK(doc.blocks[0].original_text() == "加快 \n建设\t　");
}

TEST_CASE("trim: leading indentation and inner spaces stay", "[trim]") {
  Document doc = test::run_chain("trim", "　　缩进 的段落\n  two  spaces");
  CHECK(doc.blocks[0].text == "　　缩进 的段落\n  two  spaces");
  CHECK(doc.changes.empty());
}

TEST_CASE("trim: the white space of blank lines between blocks is logged, one change a line",
          "[trim]") {
  // A PDF dump's paragraph separators: " \n" lines, which no block holds.
  Document doc = test::run_chain("trim", "段一 \n \n\t　\n\n段二\n  ");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].text == "段一");
  REQUIRE(doc.changes.size() == 4);
  CHECK(doc.changes[0].rule == "trailing-space");
  CHECK(doc.changes[1].rule == "blank-line-space");
  CHECK(doc.changes[1].orig == " ");
  CHECK(doc.changes[1].span.begin == 8);
  CHECK(doc.changes[2].orig == "\t　");
  CHECK(doc.changes[3].orig == "  ");  // the text's last line
  CHECK(doc.changes[3].reg.empty());
  CHECK(blank_lines_trimmed(doc));
  CHECK_FALSE(blank_lines_trimmed(test::run_chain("", "段一\n \n段二")));
}

TEST_CASE("trim: hostile input", "[trim]") {
  CHECK(test::run_chain("trim", "").blocks.empty());
  std::string huge(1'000'000, ' ');
  huge = "x" + huge;
  CHECK(test::run_chain("trim", huge).blocks[0].text == "x");
}

}  // namespace
}  // namespace hantidy
