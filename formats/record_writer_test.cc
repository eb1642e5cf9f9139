#include "formats/record_writer.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "formats/json_line.h"
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

TEST_CASE("document_text leaves out the white space of blank lines once trim logged it",
          "[record_writer]") {
  const std::string text = "段一 \n \n\t\n\n## 二\n　\n段三\n  ";
  // Without trim the gaps are the source's (the identity chain gives the text back).
  CHECK(document_text(test::run_chain("", text)) == text);
  CHECK(document_text(test::run_chain("trim", text)) == "段一\n\n\n\n## 二\n\n段三\n");
}

TEST_CASE("document_text after joins keeps the joined text", "[record_writer]") {
  Document doc = test::read_text("上半\n\n下半\n\n另段");
  doc.join_blocks(0, 1, "", "\n\n", "test", "join");
  CHECK(document_text(doc) == "上半下半\n\n另段");
}

// Records were written by setting the text (and "hantidy") in an nlohmann::ordered_json of the
// whole record and writing that with append_json_line; they are now written from their members
// as the input wrote them. Both must mean the same JSON (same tree, same order), and where the
// input was compact and spelled as nlohmann spells it, give the same bytes.
// Whether nlohmann writes `line`'s values back as they are written: compact, no repeated keys,
// and no number or escape it would spell otherwise.
bool canonical(std::string_view line) {
  using Json = nlohmann::ordered_json;
  Json j = Json::parse(line);
  for (auto& [key, value] : j.items()) {
    if (key == "text" || key == "hantidy") continue;
    std::string written = "\"" + key + "\":" + value.dump();
    if (line.find(written) == std::string_view::npos) return false;
  }
  return true;
}

TEST_CASE("write_record writes every other member as written, without the space between tokens",
          "[record_writer]") {
  Diagnostics diag;
  Record record = parse_record(
      R"( {"id" : 123456789012345678901234567890, "text" : "甲 ", "m" : { "k" : [ 1.50 , 2E3 ] ,)"
      R"( "k" : "\u00e9\/" }, "n" : -0.0 } )",
      "c.jsonl", 1, RecordFields{}, ReadOptions{}, diag);
  Document doc = record_document(record, diag);
  std::string out;
  write_record(record, doc, RecordWriteOptions{}, out);
  CHECK(out ==
        R"({"id":123456789012345678901234567890,"text":"甲 ","m":{"k":[1.50,2E3],"k":"\u00e9\/"},)"
        R"("n":-0.0})"
        "\n");
}

TEST_CASE("write_record writes what the record's JSON tree gave", "[record_writer]") {
  using Json = nlohmann::ordered_json;
  const char* lines[] = {
      R"({"z":1,"text":"甲\r\n乙","id":"x","a":{"b":[1,"2",null]}})",
      R"({"a":1,"text":"t","a":"two","text":"u\n\n## 題\n正文"})",
      R"({"text":"","f":1.5,"g":1e300,"h":-0.0,"i":1E2,"j":0.1,"k":[2.5e-8,-3.0]})",
      R"({"text":"","i":-9223372036854775808,"u":18446744073709551615,"z":0,"m":-1})",
      R"({"text":"x","n":123456789012345678901234567890})",
      R"({"te\"xt":"\u00e9\/\b\u0001\u001f","text":"a\"b\\c\td\u0000"})",
      R"({"text":"\ud83d\ude00 字\u3000"})",
      R"({"text":"","m":{"k":1,"k":2,"j":[{"x":1,"x":[]}]}})",
      R"({"hantidy":{"old":1},"text":"x"})",
      R"({"id":1,"hantidy":"文","text":"x"})",
      R"({"":"e","text":"","b":true,"c":false,"n":null,"arr":[],"obj":{}})",
      R"( { "text" : "x" , "id" : 3 , "s" : [ 1 , { } ] } )",
      R"({"id":{"a":[1]},"text":"- 3 -\n\n正文"})",
      R"({"text":"","m":{"\u00e9\"k":"\u0001v","d":[[[{"a":{"b":[true,false,null,-1,2.50]}}]]],"e":{},"f":[]}})",
      R"({"text":"","m":{"a":{"x":1,"y":{"z":[]},"x":3}},"big":{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k17":17,"k18":18,"k19":19}})",
  };
  for (const RecordFields& fields : {RecordFields{}, RecordFields{"hantidy", "id"}}) {
    for (const char* line : lines) {
      for (bool annotate : {false, true}) {
        INFO(line << " annotate " << annotate << " text field " << fields.text);
        Diagnostics diag;
        Record record;
        try {
          record = parse_record(line, "c.jsonl", 1, fields, ReadOptions{}, diag);
        } catch (const Error&) {
          Json j = Json::parse(line);
          CHECK(!(j.contains(fields.text) && j[fields.text].is_string()));
          continue;
        }
        Document doc = record_document(record, diag);
        RecordWriteOptions options;
        options.fields = fields;
        options.annotate = annotate;
        std::string out = "before\n";
        write_record(record, doc, options, out);

        Json j = Json::parse(line);
        j[fields.text] = document_text(doc);
        if (annotate) j["hantidy"] = {{"changes", Json::object()}, {"blocks", doc.blocks.size()}};
        std::string expected = "before\n";
        append_json_line(j, expected);
        CHECK(Json::parse(out.substr(7)) == Json::parse(expected.substr(7)));
        if (canonical(line)) CHECK(out == expected);
      }
    }
  }
}

}  // namespace
}  // namespace hantidy
