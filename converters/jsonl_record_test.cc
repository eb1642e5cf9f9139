#include "converters/jsonl_record.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/error.h"

namespace hantidy {
namespace {

Record parse(std::string_view line, RecordFields fields = {}) {
  Diagnostics diag;
  return parse_record(line, "c.jsonl", 9, fields, ReadOptions{}, diag);
}

TEST_CASE("a record's text takes over the buffer handed in, never its old contents",
          "[jsonl_record]") {
  Diagnostics diag;
  std::string buffer(100, 'x');
  const char* room = buffer.data();
  Record r = parse_record(R"({"text":"甲乙"})", "c.jsonl", 9, {}, ReadOptions{}, diag, 0,
                          std::move(buffer));
  CHECK(r.text == "甲乙");
  CHECK(r.text.data() == room);  // no new allocation for a text that fits
  // simdjson refuses a number beyond 64 bits and nlohmann reads the record: the same text.
  r = parse_record(R"({"n":123456789012345678901234567890,"text":"丙"})", "c.jsonl", 9, {},
                   ReadOptions{}, diag, 0, std::string(50, 'y'));
  CHECK(r.text == "丙");
  r = parse_record(R"({"text":""})", "c.jsonl", 9, {}, ReadOptions{}, diag, 0, "old text");
  CHECK(r.text.empty());
}

TEST_CASE("a record keeps its fields in input order and its id as text", "[jsonl_record]") {
  Record r = parse(R"({"z":1,"text":"甲","id":"x","a":{"b":[1,"2",null]}})");
  CHECK(r.id == "x");
  CHECK(r.text == "甲");
  using Members = std::vector<std::pair<std::string, std::string>>;
  CHECK(r.members ==
        Members{{"z", "1"}, {"text", R"("")"}, {"id", R"("x")"}, {"a", R"({"b":[1,"2",null]})"}});
  // A repeated key keeps its first place and its last value.
  r = parse(R"({"a":1,"text":"x","a":[true],"text":"y"})");
  CHECK(r.members == Members{{"a", "[true]"}, {"text", R"("")"}});
  CHECK(r.text == "y");
  CHECK(parse(R"({"text":"","id":12})").id == "12");
  CHECK(parse(R"({"text":"","id":null})").id == "c.jsonl:9");
  CHECK(parse(R"({"text":""})").id == "c.jsonl:9");
  // Values are kept as written, without the space between tokens: a number beyond 64 bits keeps
  // every digit (it used to become a double with 17), escapes stay, nested repeats stay.
  r = parse(R"({"text":"","n":123456789012345678901234567890,"id":98765432109876543210})");
  CHECK(r.members.at(1).second == "123456789012345678901234567890");
  CHECK(r.id == "98765432109876543210");
  r = parse(R"( { "text" : "x" , "m" : { "a" : [ 1.50 , 1E2 , "\u00e9\/ x" ] , "a" : 2 } } )");
  CHECK(r.members == Members{{"text", R"("")"}, {"m", R"({"a":[1.50,1E2,"\u00e9\/ x"],"a":2})"}});
}

TEST_CASE("records that cannot be cleaned are errors that name the line", "[jsonl_record]") {
  CHECK_THROWS_WITH(parse("{"), Catch::StartsWith("c.jsonl:9: invalid JSON"));
  CHECK_THROWS_WITH(parse(""), Catch::StartsWith("c.jsonl:9: invalid JSON"));
  CHECK_THROWS_WITH(parse("3"), Catch::Contains("must be a JSON object, not a number"));
  CHECK_THROWS_WITH(parse(R"({"text":true})"), Catch::Contains("'text' is a boolean"));
  CHECK_THROWS_WITH(parse(R"({"text":{}})"), Catch::Contains("'text' is an object"));
  CHECK_THROWS_WITH(parse(R"({"body":"x"})", {"content", "id"}),
                    Catch::Contains("no 'content' field"));
  CHECK_THROWS_WITH(parse("{\"text\":\"\xC3\"}"), Catch::StartsWith("c.jsonl:9: invalid JSON"));
}

TEST_CASE("a line is parsed in place when the bytes after it may be read", "[jsonl_record]") {
  // What follows the line in the buffer (here: more JSON, and no padding of spaces) is not read
  // as part of it.
  for (std::string line : {R"({"id":7,"text":"甲\n乙","m":{"k":[1.5,"x"]}})", R"({"text":"")",
                           R"([1,2])", R"({"text":"a", "id": {"z":null}} )"}) {
    std::string buffer = line + R"(,"id":"後","text":{"not":"this"}})" + std::string(64, '"');
    Diagnostics diag;
    auto read = [&](std::size_t readable) -> std::string {
      try {
        Record r = parse_record(std::string_view(buffer).substr(0, line.size()), "c.jsonl", 9, {},
                                ReadOptions{}, diag, readable);
        std::string all = r.id + "|" + r.text;
        for (const auto& [key, value] : r.members) all += "|" + key + "=" + value;
        return all;
      } catch (const Error& e) {
        return e.what();
      }
    };
    INFO(line);
    CHECK(read(buffer.size()) == read(0));
  }
}

TEST_CASE("a record's text becomes a document named after its place", "[jsonl_record]") {
  Diagnostics diag;
  Record r = parse(R"({"id":"d","text":"## 題\r\n\r\n正文"})");
  Document doc = record_document(r, diag);
  REQUIRE(doc.sources.size() == 1);
  CHECK(doc.sources[0].name == "c.jsonl:9");
  CHECK(doc.sources[0].text == "## 題\n\n正文");
  CHECK(doc.meta["id"] == "d");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].kind == BlockKind::kHeading);
  CHECK(r.text.empty());  // moved out, not copied
}

TEST_CASE("the jsonl reader reads every record of a source as blocks tagged with the record",
          "[jsonl_record]") {
  Document doc;
  doc.sources.push_back(
      {"in.jsonl", "UTF-8",
       "{\"id\":\"a\",\"text\":\"一\\n\\n二\"}\n\n{\"id\":\"b\",\"text\":\"三\"}\n", 0, ""});
  Diagnostics diag;
  JsonlReader().read(0, doc, diag);
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.sources.size() == 3);
  CHECK(doc.blocks[1].text == "二");
  CHECK(doc.blocks[1].attrs.at("record") == "a");
  CHECK(doc.blocks[2].attrs.at("record") == "b");
  CHECK(doc.blocks[2].span.source == 2);
  CHECK(doc.sources[2].text == "三");
}

}  // namespace
}  // namespace hantidy
