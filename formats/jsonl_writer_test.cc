#include "formats/jsonl_writer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support.h"

namespace hantidy {
namespace {

std::vector<nlohmann::json> write_jsonl(const Document& doc) {
  std::ostringstream out;
  Diagnostics diag;
  JsonlWriter({}).write(doc, out, diag);
  std::vector<nlohmann::json> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

TEST_CASE("jsonl: one object per block with type, text, level and source", "[jsonl]") {
  Document doc = test::read_text("## 标题\n\n第一段\n续\n");
  auto lines = write_jsonl(doc);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["type"] == "heading");
  CHECK(lines[0]["level"] == 2);
  CHECK(lines[0]["text"] == "标题");
  CHECK(lines[0]["id"] == "b1");
  CHECK(lines[1]["seq"] == 2);
  CHECK(lines[1]["text"] == "第一段\n续");
  CHECK(lines[1]["source"]["line"] == 3);
  CHECK(lines[1]["source"]["end_line"] == 4);
  CHECK(lines[1]["doc"] == "test.txt");
  CHECK_FALSE(lines[1].contains("level"));
  CHECK_FALSE(lines[1].contains("speakers"));
}

TEST_CASE("jsonl: speakers carry name and role; furniture is typed", "[jsonl]") {
  Document doc = test::read_text("甲\n\n乙\n");
  doc.persons.push_back({"p1", "于鲁明", "北京市卫生健康委主任"});
  doc.blocks[0].speakers = {"p1"};
  doc.blocks[1].kind = BlockKind::kPageNumber;
  auto lines = write_jsonl(doc);
  CHECK(lines[0]["speakers"][0]["name"] == "于鲁明");
  CHECK(lines[0]["speakers"][0]["role"] == "北京市卫生健康委主任");
  CHECK(lines[1]["type"] == "page-number");
}

TEST_CASE("jsonl: control characters, quotes and backslashes are escaped", "[jsonl]") {
  Document doc = test::read_text(std::string("a\"b\\c\x01\td\0e", 10));
  auto lines = write_jsonl(doc);
  CHECK(lines[0]["text"] == std::string("a\"b\\c\x01\td\0e", 10));
}

}  // namespace
}  // namespace hantidy
