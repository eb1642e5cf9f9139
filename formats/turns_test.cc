#include "formats/turns.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support.h"

namespace hantidy {
namespace {

TEST_CASE("turns group a speaker's blocks; captions and notes are not its text", "[turns]") {
  Document doc =
      test::run_chain("structure",
                      "唯有改革 唯有奋斗\n\n顾清\n\n天津市卫生健康委党委副书记、主任 顾清\n\n"
                      "2022年,天津市卫生健康委坚持把保障人民健康放在优先发展战略位置。\n\n"
                      "(計時器響起 )\n\n推进健康天津建设。\n\n主席：多謝。\n");
  std::vector<Turn> turns = group_turns(doc);
  REQUIRE(turns.size() == 3);
  CHECK(turns[0].speakers.empty());
  CHECK(turns[0].text == "唯有改革 唯有奋斗");  // the caption is in the run but not its text
  CHECK(turns[1].label == "天津市卫生健康委党委副书记、主任 顾清");
  CHECK(turns[1].text ==
        "2022年,天津市卫生健康委坚持把保障人民健康放在优先发展战略位置。\n\n推进健康天津建设。");
  CHECK(turns[2].label == "主席：");
  CHECK(turns[2].text == "多謝。");
  CHECK(group_turns(Document{}).empty());
}

TEST_CASE("the jsonl units turn and document write one record per turn or document", "[turns]") {
  std::string input = "主席：現在開會。\n\n鄧家彪議員：主席，我動議。\n\n我謹此陳辭。\n";
  auto turn = test::run({"--to", "jsonl", "--unit", "turn"}, input);
  REQUIRE(turn.status == 0);
  std::vector<nlohmann::json> records;
  std::size_t at = 0;
  while (at < turn.out.size()) {
    std::size_t nl = turn.out.find('\n', at);
    records.push_back(nlohmann::json::parse(turn.out.substr(at, nl - at)));
    at = nl + 1;
  }
  REQUIRE(records.size() == 2);
  CHECK(records[1]["type"] == "turn");
  CHECK(records[1]["speakers"][0]["name"] == "鄧家彪");
  CHECK(records[1]["speakers"][0]["role"] == "議員");
  CHECK(records[1]["text"] == "主席，我動議。\n\n我謹此陳辭。");
  CHECK(records[1]["blocks"].size() == 2);
  auto document = test::run({"--to", "jsonl", "--unit", "document"}, input);
  REQUIRE(document.status == 0);
  auto j = nlohmann::json::parse(document.out);
  CHECK(j["type"] == "document");
  CHECK(j["persons"].size() == 2);
  CHECK(test::run({"--unit", "paragraph"}, input).status == 2);
}

TEST_CASE("the speaker lexicon option adds offices to the structure filter", "[turns]") {
  std::string input = "首席执行官：各位股东，大家好。\n";
  auto plain = test::run({"--to", "jsonl", "--unit", "document"}, input);
  CHECK(nlohmann::json::parse(plain.out)["persons"].empty());
  std::string lexicon = test::source_path("build/hantidy_test_lexicon.txt");
  { std::ofstream(lexicon) << "首席执行官\n"; }
  auto extended =
      test::run({"--to", "jsonl", "--unit", "document", "--speaker-lexicon", lexicon}, input);
  REQUIRE(extended.status == 0);
  CHECK(nlohmann::json::parse(extended.out)["persons"].size() == 1);
  CHECK(test::run({"--filters", "trim", "--speaker-lexicon", lexicon}, input).status == 2);
  std::remove(lexicon.c_str());
}

}  // namespace
}  // namespace hantidy
