#include "converters/text_reader.h"

#include <catch2/catch.hpp>

#include "tests/support.h"

namespace hantidy {
namespace {

TEST_CASE("text reader: blank lines separate blocks; lines of a block keep soft breaks",
          "[text-reader]") {
  Document doc = test::read_text("\n\n第一行\n第二行\n\n　\n第二段\n");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].text == "第一行\n第二行");
  CHECK(doc.blocks[0].kind == BlockKind::kParagraph);
  CHECK(doc.blocks[1].text == "第二段");
}

TEST_CASE("text reader: block text is the exact source text its span names", "[text-reader]") {
  std::string text = "　　缩进的段落 \n第二行\n\n\n最后";
  Document doc = test::read_text(text);
  for (const Block& b : doc.blocks) {
    CHECK(doc.sources[0].text.substr(b.span.begin, b.span.end - b.span.begin) == b.text);
  }
  CHECK(doc.blocks[0].text.starts_with("　　"));
}

TEST_CASE("text reader: ATX headings are blocks of their level, markup kept", "[text-reader]") {
  Document doc = test::read_text("## 披坚执锐 奋楫扬帆\n正文紧跟\n#没有空格\n###### 六级\n");
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[0].kind == BlockKind::kHeading);
  CHECK(doc.blocks[0].level == 2);
  CHECK(doc.blocks[0].text == "披坚执锐 奋楫扬帆");
  CHECK(doc.blocks[0].attrs.at("markup") == "## ");
  CHECK(doc.blocks[1].text == "正文紧跟\n#没有空格");
  CHECK(doc.blocks[2].level == 6);
}

TEST_CASE("text reader: a form feed is a page break block", "[text-reader]") {
  Document doc = test::read_text("第一页末行\f第二页首行\n");
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[0].text == "第一页末行");
  CHECK(doc.blocks[1].kind == BlockKind::kPageBreak);
  CHECK(doc.blocks[2].text == "第二页首行");
}

TEST_CASE("text reader: CRLF, CR and BOM input gives the same blocks as LF", "[text-reader]") {
  Document lf = test::read_text("甲\n乙\n\n丙\n");
  Document crlf = test::read_text("\xEF\xBB\xBF甲\r\n乙\r\n\r\n丙\r\n");
  Document cr = test::read_text("甲\r乙\r\r丙\r");
  REQUIRE(crlf.blocks.size() == 2);
  CHECK(crlf.blocks[0].text == lf.blocks[0].text);
  CHECK(cr.blocks[1].text == lf.blocks[1].text);
}

TEST_CASE("text reader: hostile input", "[text-reader]") {
  CHECK(test::read_text("").blocks.empty());
  CHECK(test::read_text("\n\n \n\t\n").blocks.empty());
  Document nul = test::read_text(std::string("a\0b\n", 4));
  REQUIRE(nul.blocks.size() == 1);
  CHECK(nul.blocks[0].text.size() == 3);
  std::string huge(2'000'000, 'x');
  CHECK(test::read_text(huge).blocks.at(0).text.size() == huge.size());
  std::string many;
  for (int i = 0; i < 100'000; ++i) many += "行\n\n";
  CHECK(test::read_text(many).blocks.size() == 100'000);
  CHECK(test::read_text("##\n## \n#\n").blocks.size() == 1);
}

}  // namespace
}  // namespace hantidy
