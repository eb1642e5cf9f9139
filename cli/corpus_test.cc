#include "cli/corpus.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/run.h"
#include "tests/support.h"

namespace hantidy {
namespace {

using Json = nlohmann::ordered_json;
using test::run;

std::vector<Json> parse_lines(const std::string& out) {
  std::vector<Json> records;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) records.push_back(Json::parse(line));
  return records;
}

std::string record(const std::string& id, const std::string& text) {
  return Json({{"id", id}, {"text", text}}).dump() + "\n";
}

// A few MB of records of real text (SIGHAN test files and LegCo hansard) when ../shared is
// there, of generated text otherwise: enough records for many batches on several threads.
std::string corpus_input() {
  std::vector<std::string> texts;
  if (test::have_shared()) {
    for (const char* f : {"corpora/legacy-encodings/testing/msr_test.utf8",
                          "corpora/legacy-encodings/testing/as_test.utf8",
                          "corpora/legco-hansard/txt/12-13-cm0110-translate-c.txt",
                          "corpora/legco-hansard/txt/12-13-cm1129-translate-c.txt"}) {
      texts.push_back(test::slurp(test::shared_path(f)));
    }
  } else {
    WARN("../shared is missing: corpus tests run on generated text");
    std::string text;
    for (int i = 0; i < 40000; ++i) text += "第" + std::to_string(i) + "行 内容  \n\n";
    texts.push_back(text);
  }
  std::string input;
  std::size_t n = 0;
  for (const std::string& text : texts) {
    for (std::size_t at = 0; at < text.size();) {
      // Records of 1 to 8 KB, cut at line ends.
      std::size_t end = text.find('\n', at + 1024 + (n % 8) * 1024);
      if (end == std::string::npos) end = text.size();
      Json j;
      j["id"] = "r" + std::to_string(n++);
      j["text"] = text.substr(at, end - at);
      j["meta"] = {{"n", n}, {"odd", n % 2 == 1}};
      input += j.dump() + "\n";
      at = end;
    }
  }
  return input;
}

std::filesystem::path temp_dir() {
  auto dir = std::filesystem::temp_directory_path() /
             ("hantidy-corpus-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

void write_file(const std::filesystem::path& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
  REQUIRE(out.good());
}

TEST_CASE("corpus records pass through with every other field intact and in order", "[corpus]") {
  std::string input =
      R"({"id":"a","text":"第一段  \n\n## 標題\n第二段\t","source":"legco","metadata":{"z":1,"a":[1,2.5,null,true],"名":"值"},"added":"2024-01-01"})"
      "\n"
      R"({"text":"","id":7,"source":"empty"})"
      "\n"
      R"({"zeta":{},"id":"c","alpha":[],"text":"不用改"})"
      "\n";
  auto r = run({"-f", "jsonl", "-t", "jsonl"}, input);
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(
      r.out ==
      R"({"id":"a","text":"第一段\n\n## 標題\n第二段","source":"legco","metadata":{"z":1,"a":[1,2.5,null,true],"名":"值"},"added":"2024-01-01"})"
      "\n"
      R"({"text":"","id":7,"source":"empty"})"
      "\n"
      R"({"zeta":{},"id":"c","alpha":[],"text":"不用改"})"
      "\n");
}

TEST_CASE("with the identity chain a record's text comes back byte for byte", "[corpus]") {
  for (std::string text : std::vector<std::string>{
           "", " ", "\n\n", "甲", "  縮排\n\n\n乙  \n", "## 標題\n正文\n\n### 小節", "\f分頁\f",
           std::string("NUL\0byte", 8), "\xEE\x80\x80 PUA \xCC\x81",
           "((((((((((((((((((((深))))))))))))))))))))"}) {
    INFO(Json(text).dump());
    auto r = run({"-f", "jsonl", "-t", "jsonl", "-F", ""}, record("x", text));
    REQUIRE(r.status == 0);
    CHECK(parse_lines(r.out).at(0)["text"] == text);
  }
}

TEST_CASE("blank lines between records are skipped; CRLF inside text is read as LF", "[corpus]") {
  auto r = run({"-f", "jsonl", "-t", "jsonl", "-F", ""},
               "\n" + record("a", "一\r\n二") + "  \r\n" + record("b", "三"));
  CHECK(r.status == 0);
  auto records = parse_lines(r.out);
  REQUIRE(records.size() == 2);
  CHECK(records[0]["text"] == "一\n二");
}

TEST_CASE("a record with a 50 MB text is cleaned correctly", "[corpus][huge]") {
  std::string line = "立法會會議過程正式紀錄，主席宣布會議開始。  \n";
  std::string text, expected;
  text.reserve(50'000'000);
  while (text.size() < 50'000'000) {
    text += line;
    expected += line.substr(0, line.size() - 3) + "\n";
  }
  expected.pop_back();  // the last line's newline ends the block: kept as in the source
  expected += "\n";
  std::string input = record("big", text) + record("after", "尾  ");
  text.clear();
  text.shrink_to_fit();
  // trim only: this is about corpus mode carrying a huge record, not about the other filters.
  auto r = run({"-f", "jsonl", "-t", "jsonl", "-j", "2", "-F", "trim"}, input);
  input.clear();
  input.shrink_to_fit();
  REQUIRE(r.status == 0);
  auto records = parse_lines(r.out);
  REQUIRE(records.size() == 2);
  CHECK(records[0]["id"] == "big");
  CHECK(records[0]["text"].get_ref<const std::string&>().size() == expected.size());
  CHECK(records[0]["text"] == expected);
  CHECK(records[1]["text"] == "尾");
}

TEST_CASE("a text field that is not a string is an error naming the line", "[corpus]") {
  std::string input = record("a", "好") + R"({"id":"b","text":42})" + "\n" + record("c", "好");
  auto r = run({"-f", "jsonl", "-t", "jsonl"}, input);
  CHECK(r.status == kExitInputError);
  CHECK_THAT(r.err, Catch::Contains("<stdin>:2: field 'text' is a number, not a string"));
  CHECK(r.out == record("a", "好"));  // what came before the bad record is written

  CHECK_THAT(run({"-f", "jsonl"}, R"({"text":["x"]})").err,
             Catch::Contains("<stdin>:1: field 'text' is an array"));
  CHECK_THAT(run({"-f", "jsonl"}, R"({"text":null})").err, Catch::Contains("is null"));
  CHECK_THAT(run({"-f", "jsonl"}, R"({"body":"x"})").err,
             Catch::Contains("<stdin>:1: record has no 'text' field"));
  CHECK_THAT(run({"-f", "jsonl"}, R"(["text"])").err,
             Catch::Contains("<stdin>:1: a record must be a JSON object, not an array"));
}

TEST_CASE("invalid JSON fails by default and is skipped with a count under --on-invalid=skip",
          "[corpus]") {
  std::string input = record("a", "一 ") + "{\"id\":\"b\",\"text\":\"未完\n" + record("c", "三") +
                      "not json\n" + R"({"id":"e","text":1})" + "\n" + record("f", "六");
  auto fail = run({"-f", "jsonl", "-t", "jsonl"}, input);
  CHECK(fail.status == kExitInputError);
  CHECK_THAT(fail.err, Catch::Contains("<stdin>:2: invalid JSON"));
  CHECK(parse_lines(fail.out).size() == 1);

  auto skip = run({"-f", "jsonl", "-t", "jsonl", "--on-invalid=skip"}, input);
  CHECK(skip.status == 0);
  auto records = parse_lines(skip.out);
  REQUIRE(records.size() == 3);
  CHECK(records[0]["id"] == "a");
  CHECK(records[0]["text"] == "一");
  CHECK(records[1]["id"] == "c");
  CHECK(records[2]["id"] == "f");
  CHECK_THAT(skip.err, Catch::Contains("<stdin>:2: warning: invalid JSON"));
  CHECK_THAT(skip.err, Catch::Contains("<stdin>:4: warning: invalid JSON"));
  CHECK_THAT(skip.err, Catch::Contains("<stdin>:5: warning: field 'text' is a number"));
  CHECK_THAT(skip.err, Catch::Contains("skipped 3 invalid records of 6"));
  CHECK(run({"-f", "jsonl", "--on-invalid=skip", "--fail-on-warnings"}, input).status ==
        kExitWarnings);
  CHECK(run({"--on-invalid=skip"}, "x").status == kExitUsage);  // skip is for records
}

TEST_CASE("invalid UTF-8 in a record fails, or becomes U+FFFD with --on-invalid=replace",
          "[corpus]") {
  std::string input = "{\"id\":\"a\",\"text\":\"\xE4\xB8\x80\xFF\"}\n";
  auto fail = run({"-f", "jsonl", "-t", "jsonl"}, input);
  CHECK(fail.status == kExitInputError);
  CHECK_THAT(fail.err, Catch::Contains("<stdin>:1: invalid JSON"));
  auto replace = run({"-f", "jsonl", "-t", "jsonl", "--on-invalid=replace"}, input);
  CHECK(replace.status == 0);
  CHECK(parse_lines(replace.out).at(0)["text"] == "一\xEF\xBF\xBD");
  CHECK_THAT(replace.err, Catch::Contains("U+FFFD"));
}

TEST_CASE("deeply nested records are refused, not a crash", "[corpus]") {
  std::string deep = std::string(5000, '[') + std::string(5000, ']');
  auto r = run({"-f", "jsonl"}, R"({"text":"x","m":)" + deep + "}\n");
  CHECK(r.status == kExitInputError);
  CHECK_THAT(r.err, Catch::Contains("<stdin>:1: invalid JSON: nested deeper"));
}

TEST_CASE("corpus mode reads text and id from the fields --text-field and --id-field name",
          "[corpus]") {
  auto r = run({"-f", "jsonl", "-t", "jsonl", "--text-field", "content", "--id-field", "doc_id",
                "--unit", "block"},
               R"({"doc_id":"d9","content":"甲  \n\n乙","text":"不動  "})"
               "\n");
  CHECK(r.status == 0);
  auto records = parse_lines(r.out);
  REQUIRE(records.size() == 2);
  CHECK(records[0]["id"] == "d9/b1");
  CHECK(records[0]["doc"] == "d9");
  CHECK(records[0]["text"] == "甲");
  CHECK(records[1]["text"] == "乙");
}

TEST_CASE("sub-records of --unit block and --unit turn carry the parent id", "[corpus]") {
  std::string input = record("p1", "## 題\n\n一段  \n\n二段") + R"({"text":"無編號"})" + "\n";
  auto blocks =
      parse_lines(run({"-f", "jsonl", "-t", "jsonl", "-F", "trim", "--unit", "block"}, input).out);
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0]["id"] == "p1/b1");
  CHECK(blocks[0]["doc"] == "p1");
  CHECK(blocks[0]["type"] == "heading");
  CHECK(blocks[0]["level"] == 2);
  CHECK(blocks[1]["text"] == "一段");
  CHECK(blocks[2]["seq"] == 3);
  CHECK(blocks[3]["doc"] == "<stdin>:2");  // no id: the record's place stands in

  auto turns =
      parse_lines(run({"-f", "jsonl", "-t", "jsonl", "-F", "trim", "--unit", "turn"}, input).out);
  REQUIRE(turns.size() == 2);
  CHECK(turns[0]["id"] == "p1/t1");
  CHECK(turns[0]["doc"] == "p1");
  CHECK(turns[0]["text"] == "題\n\n一段\n\n二段");
  CHECK(turns[0]["blocks"] == 3);
}

TEST_CASE("turn sub-records group statements as the jsonl writer does, labels cut from the text",
          "[corpus]") {
  std::string input = record("h1",
                             "會議過程正式紀錄\n\n主席：各位議員，現在開會。\n\n"
                             "李卓人議員：主席，我想問一個問題。\n\n主席：請局長答覆。");
  auto turns = parse_lines(run({"-f", "jsonl", "-t", "jsonl", "--unit", "turn"}, input).out);
  REQUIRE(turns.size() == 4);
  CHECK(turns[0]["type"] == "text");
  CHECK(turns[1]["type"] == "turn");
  CHECK(turns[1]["label"] == "主席：");
  CHECK(turns[1]["text"] == "各位議員，現在開會。");
  CHECK(turns[2]["id"] == "h1/t3");
  CHECK(turns[2]["speakers"][0]["name"] == "李卓人");
  CHECK(turns[2]["text"] == "主席，我想問一個問題。");
  CHECK(turns[3]["seq"] == 4);
}

TEST_CASE("corpus mode with --annotate adds a hantidy object with the changes per filter",
          "[corpus]") {
  auto r = run({"-f", "jsonl", "-t", "jsonl", "--annotate"},
               R"({"id":"a","text":"一  \n二 ","hantidy":"old"})"
               "\n");
  auto records = parse_lines(r.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0]["hantidy"]["changes"]["trim"] == 2);
  CHECK(records[0].dump().find("\"hantidy\":{") != std::string::npos);
}

TEST_CASE("corpus mode --stats counts the changes of every record, on any number of jobs",
          "[corpus]") {
  std::string input = record("a", "一  \n二 ") + record("b", "三,四") + record("c", "五");
  for (const char* jobs : {"1", "2"}) {
    INFO("-j " << jobs);
    auto r = run({"-f", "jsonl", "-t", "jsonl", "-j", jobs, "--stats"}, input);
    CHECK(r.status == 0);
    CHECK(parse_lines(r.out).size() == 3);
    CHECK(r.err.find("trim/trailing-space 2\n") != std::string::npos);
    CHECK(r.err.find("punct/comma 1\n") != std::string::npos);
    CHECK(r.err.find("total 3\n") != std::string::npos);
  }
  auto json = run({"-f", "jsonl", "-t", "jsonl", "--stats=json", "-q"}, input);
  CHECK(Json::parse(json.err)["total"] == 3);
}

TEST_CASE("options that need whole documents are refused in corpus mode, not ignored", "[corpus]") {
  for (const char* option : {"--check", "--diff", "--trace", "--verify"}) {
    INFO(option);
    auto r = run({"-f", "jsonl", option}, record("a", "三,四"));
    CHECK(r.status == 2);
    CHECK(r.err.find(option) != std::string::npos);
    CHECK(r.err.find("--from jsonl") != std::string::npos);
  }
}

TEST_CASE("corpus mode writes text with other writers", "[corpus]") {
  auto r = run({"-f", "jsonl"}, record("a", "一  \n\n二") + record("b", "三"));
  CHECK(r.status == 0);
  CHECK(r.out == "一\n\n二\n三\n");
}

TEST_CASE("corpus output is the same with -j1, -j2 and -j3", "[corpus][jobs]") {
  std::string input = corpus_input();
  auto one = run({"-f", "jsonl", "-t", "jsonl", "-j", "1", "--annotate"}, input);
  REQUIRE(one.status == 0);
  CHECK(parse_lines(one.out).size() ==
        static_cast<std::size_t>(std::count(input.begin(), input.end(), '\n')));
  for (const char* jobs : {"2", "3"}) {
    INFO("-j " << jobs);
    auto many = run({"-f", "jsonl", "-t", "jsonl", "-j", jobs, "--annotate"}, input);
    CHECK(many.status == 0);
    CHECK(many.out == one.out);
    CHECK(many.err == one.err);
  }
}

TEST_CASE("records written back whole are the same whether or not structure runs", "[corpus]") {
  // Plain -f jsonl -t jsonl drops the filters that only annotate (structure); -v keeps them
  // (their notes are printed) and -q silences the notes again.
  std::string input = corpus_input();
  for (const auto& [path, text] : test::sample_and_seed_texts()) input += record(path, text);
  auto elided = run({"-f", "jsonl", "-t", "jsonl", "-j", "1"}, input);
  auto full = run({"-f", "jsonl", "-t", "jsonl", "-j", "1", "-v", "-q"}, input);
  REQUIRE(elided.status == 0);
  REQUIRE(full.status == 0);
  CHECK(elided.out == full.out);
  // A structure that a text-changing filter follows runs: linebreak keeps a numbered heading
  // that structure typed apart from the paragraph after it (the review's case).
  std::string heading = record("h", "一、關於房屋政策（\n\n本條例的目的是規定有關事宜的條文。");
  auto chain = run({"-f", "jsonl", "-t", "jsonl", "-F", "structure; linebreak"}, heading);
  auto chain_full =
      run({"-f", "jsonl", "-t", "jsonl", "-F", "structure; linebreak", "-v", "-q"}, heading);
  CHECK(chain.out == chain_full.out);
  CHECK(chain.out.find("（\\n\\n本條例") != std::string::npos);
  // And structure did run under -v: it reports what it found.
  auto noted = run({"-f", "jsonl", "-t", "jsonl", "-v"}, input);
  CHECK(noted.err.find("speaker labels") != std::string::npos);
}

TEST_CASE("files are read one after another as one stream, with their own line numbers",
          "[corpus]") {
  auto dir = temp_dir();
  write_file(dir / "a.jsonl", record("a1", "一") + record("a2", "二"));
  write_file(dir / "b.jsonl", record("b1", "三") + "{oops}\n");
  auto r = run({"-f", "jsonl", "-t", "jsonl", (dir / "a.jsonl").string(),
                (dir / "b.jsonl").string(), "-j", "2"});
  CHECK(r.status == kExitInputError);
  CHECK(parse_lines(r.out).size() == 3);
  CHECK_THAT(r.err, Catch::Contains("b.jsonl:2: invalid JSON"));
  CHECK(run({"-f", "jsonl", (dir / "missing.jsonl").string()}).status == kExitInputError);
  std::filesystem::remove_all(dir);
}

TEST_CASE("GNU parallel --pipe -k gives byte-identical output to one process",
          "[corpus][parallel][gnu-parallel]") {
  if (std::system("command -v parallel >/dev/null 2>&1") != 0) {
    WARN("GNU parallel is not installed (apt-get install parallel): test skipped");
    return;
  }
  auto dir = temp_dir();
  std::string input = corpus_input();
  while (input.size() < 3'000'000) input += input;  // a few MB: several 1 MB blocks
  write_file(dir / "in.jsonl", input);
  std::string bin = HANTIDY_BINARY;
  std::string in = (dir / "in.jsonl").string();
  std::string single = (dir / "single.jsonl").string();
  std::string sharded = (dir / "sharded.jsonl").string();
  REQUIRE(std::system(
              (bin + " -q -f jsonl -t jsonl --annotate < " + in + " > " + single).c_str()) == 0);
  REQUIRE(std::system(("parallel --will-cite --pipe --block 1M -k " + bin +
                       " -q -f jsonl -t jsonl --annotate < " + in + " > " + sharded)
                          .c_str()) == 0);
  std::string a = test::slurp(single), b = test::slurp(sharded);
  CHECK(a.size() > 3'000'000);
  CHECK(a == b);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hantidy

namespace hantidy {
namespace {

TEST_CASE("several text files are converted in parallel with -j, output and messages in file order",
          "[jobs]") {
  auto dir = temp_dir();
  std::vector<std::string> args = {"-t", "jsonl"};
  for (int i = 0; i < 7; ++i) {
    std::string name = (dir / ("f" + std::to_string(i) + ".txt")).string();
    std::string text;
    for (int k = 0; k <= i * 300; ++k) text += "第" + std::to_string(k) + "段  \n\n";
    write_file(name, text);
    args.push_back(name);
    if (i == 3) args.push_back((dir / "missing.txt").string());
  }
  auto j1 = args, j3 = args;
  j1.insert(j1.end(), {"-j", "1"});
  j3.insert(j3.end(), {"-j", "3"});
  auto one = run(j1), three = run(j3);
  CHECK(one.status == kExitInputError);  // the missing file; the others are converted
  CHECK(three.status == one.status);
  CHECK(three.out == one.out);
  CHECK(three.err == one.err);
  CHECK_THAT(one.err, Catch::Contains("missing.txt"));
  CHECK(parse_lines(one.out).size() > 6000);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hantidy
