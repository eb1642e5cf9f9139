#include "normalize/trim.h"

#include <catch2/catch.hpp>

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

TEST_CASE("trim: hostile input", "[trim]") {
  CHECK(test::run_chain("trim", "").blocks.empty());
  std::string huge(1'000'000, ' ');
  huge = "x" + huge;
  CHECK(test::run_chain("trim", huge).blocks[0].text == "x");
}

}  // namespace
}  // namespace hantidy
