#include "normalize/script.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "cli/options.h"
#include "core/error.h"
#include "core/pipeline.h"
#include "core/tables.h"
#include "tests/support.h"

namespace hantidy {
namespace {

std::string convert(const std::string& config, const std::string& text) {
  std::string out;
  script_engine(config)->convert(text, out);
  return out;
}

ScriptChainData synthetic(std::vector<ScriptDict> segmentation,
                          std::vector<std::vector<ScriptDict>> steps) {
  return ScriptChainData{std::move(segmentation), std::move(steps)};
}

TEST_CASE("every config the installed OpenCC ships is available", "[script]") {
  std::vector<std::string> configs = script_configs();
  for (const char* name : {"s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "t2tw",
                           "t2hk", "tw2t", "hk2t", "t2jp", "jp2t"}) {
    INFO(name);
    CHECK(std::find(configs.begin(), configs.end(), name) != configs.end());
    CHECK_NOTHROW(script_engine(name));
  }
}

TEST_CASE("bare script detects and changes nothing", "[script]") {
  Document doc = test::run_chain("script", "這是繁體中文的句子。");
  CHECK(doc.blocks.at(0).text == "這是繁體中文的句子。");
  CHECK(doc.meta.at("lang") == "zh-Hant");
}

TEST_CASE("an unknown config is a usage error that lists the installed ones", "[script]") {
  try {
    find_filter("script").make(FilterArgs("script", {{"config", "s2x"}}));
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kUsage);
    std::string message = e.what();
    CHECK(message.find("s2x") != std::string::npos);
    CHECK(message.find("s2twp") != std::string::npos);
    CHECK(message.find("hk2t") != std::string::npos);
  }
  CHECK_THROWS_AS(find_filter("script").make(FilterArgs("script", {{"to", "latin"}})), Error);
  CHECK_THROWS_AS(find_filter("script").make(FilterArgs("script", {{"colour", "red"}})), Error);
}

TEST_CASE("phrases convert as phrases, characters as characters", "[script]") {
  CHECK(convert("s2t", "头发") == "頭髮");
  CHECK(convert("s2t", "发展") == "發展");
  CHECK(convert("s2t", "后来") == "後來");
  CHECK(convert("s2twp", "软件和内存") == "軟體和記憶體");
  CHECK(convert("t2s", "頭髮與發展") == "头发与发展");
  CHECK(convert("s2hk", "着") == "着");
  CHECK(convert("t2jp", "國") == "国");
  // What must not change: Latin, digits, punctuation, text already in the target script.
  CHECK(convert("s2t", "ABC 123, ok.") == "ABC 123, ok.");
  CHECK(convert("t2s", "中国人民") == "中国人民");
  CHECK(convert("s2t", "中國人民") == "中國人民");
}

TEST_CASE("a dictionary group takes the first dictionary that matches, not the longest match",
          "[script]") {
  // OpenCC's DictGroup: the phrase dictionary answers whenever it has any prefix; only then the
  // character dictionary is asked.
  ScriptDict phrases = {{"AB", "x"}};
  ScriptDict chars = {{"A", "a"}, {"ABC", "long"}, {"C", "c"}};
  ScriptEngine engine(synthetic({{{"Q", "q"}}}, {{phrases, chars}}));
  std::string out;
  engine.convert("ABCAC", out);
  CHECK(out == "xcac");
}

TEST_CASE("conversion never reaches across a segment", "[script]") {
  // Segmentation makes "DE" one segment; the step's key "EF" would span two segments.
  ScriptDict seg = {{"DE", ""}};
  ScriptDict step = {{"EF", "!"}, {"E", "e"}, {"F", "f"}};
  ScriptEngine engine(synthetic({seg}, {{step}}));
  std::string out;
  std::vector<ScriptSegment> segments;
  engine.convert("DEF", out, &segments);
  CHECK(out == "Def");
  REQUIRE(segments.size() == 2);
  CHECK(segments[0].phrase);
  CHECK(segments[0].in_end == 2);
  CHECK_FALSE(segments[1].phrase);
}

TEST_CASE("steps of a chain each run on the output of the step before", "[script]") {
  ScriptEngine engine(synthetic({{}}, {{{{"a", "b"}}}, {{{"b", "c"}}}, {{{"c", "d"}}}}));
  std::string out;
  engine.convert("abcx", out);
  CHECK(out == "dddx");
}

TEST_CASE("the filter converts content blocks and records each converted segment", "[script]") {
  Document doc = test::run_chain("script(config=s2t)", "我们的头发很长。\n\n后来发展了。\n");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].text == "我們的頭髮很長。");
  CHECK(doc.blocks[1].text == "後來發展了。");
  CHECK(doc.blocks[0].original_text() == "我们的头发很长。");
  // Phrase-level records: 头发 → 頭髮 is one change, not two.
  bool phrase = false;
  for (const ChangeRecord& c : doc.changes) {
    CHECK(c.filter == "script");
    CHECK(c.rule == "s2t");
    phrase = phrase || (c.orig == "头发" && c.reg == "頭髮");
    CHECK(c.orig != "我们的头发很长。");  // not the whole block
  }
  CHECK(phrase);
  CHECK(doc.meta["lang"] == "zh-Hant");
}

TEST_CASE("conversion does not join text across block boundaries", "[script]") {
  Document doc = test::read_text("头\n\n发\n");
  REQUIRE(doc.blocks.size() == 2);
  Diagnostics diag;
  Pipeline::build("script(config=s2t)").run(doc, diag);
  CHECK(doc.blocks[1].text == "發");  // alone, 发 is 發; with 头 before it, it would be 髮
  CHECK(test::run_chain_text("script(config=s2t)", "头发\n") == "頭髮\n");
}

TEST_CASE("furniture blocks are not converted", "[script]") {
  Document doc = test::read_text("这是页眉\n\n这是正文\n");
  doc.blocks[0].kind = BlockKind::kRunningHeader;
  Diagnostics diag;
  Pipeline::build("script(config=s2t)").run(doc, diag);
  CHECK(doc.blocks[0].text == "这是页眉");
  CHECK(doc.blocks[1].text == "這是正文");
}

TEST_CASE("the language tag and quote style follow the config's target", "[script]") {
  CHECK(test::run_chain("script(config=s2twp)", "软件").meta["lang"] == "zh-Hant-TW");
  CHECK(test::run_chain("script(config=s2twp)", "软件").meta["quotes"] == "corner");
  CHECK(test::run_chain("script(config=s2hk)", "软件").meta["lang"] == "zh-Hant-HK");
  CHECK(test::run_chain("script(config=t2s)", "軟件").meta["lang"] == "zh-Hans");
  CHECK(test::run_chain("script(config=t2s)", "軟件").meta.count("quotes") == 0);
  CHECK(script_config_lang("tw2sp") == "zh-Hans");
  CHECK(script_config_lang("t2jp") == "ja");
  CHECK(script_config_lang("jp2t") == "");
}

TEST_CASE("detection counts characters unique to each script", "[script]") {
  ScriptEvidence s = script_evidence("我们的头发");
  CHECK(s.simplified == 3);  // 们 头 发
  CHECK(s.traditional == 0);
  CHECK(classify_script(s) == ScriptClass::kSimplified);
  CHECK(classify_script(script_evidence("我們的頭髮")) == ScriptClass::kTraditional);
  CHECK(classify_script(script_evidence("我们的頭髮")) == ScriptClass::kMixed);
  // Characters shared by both scripts are no evidence.
  CHECK(classify_script(script_evidence("人民山水 ABC")) == ScriptClass::kNeither);
  CHECK(classify_script(script_evidence("")) == ScriptClass::kNeither);
  Document doc = test::run_chain("script(detect)", "我们的头发\n");
  CHECK(doc.meta["script"] == "Simplified");
  CHECK(doc.meta["lang"] == "zh-Hans");
  CHECK(doc.blocks[0].text == "我们的头发");
}

TEST_CASE("script(to=...) converts only documents not already in the target script", "[script]") {
  CHECK(test::run_chain_text("script(to=hans)", "我們的頭髮\n") == "我们的头发\n");
  CHECK(test::run_chain_text("script(to=hans)", "我们的头发\n") == "我们的头发\n");
  CHECK(test::run_chain("script(to=hans)", "我们的头发\n").changes.empty());
  CHECK(test::run_chain_text("script(to=hant)", "我们的头发\n") == "我們的頭髮\n");
  CHECK(test::run_chain_text("script(to=hant, config=s2twp)", "软件\n") == "軟體\n");
  CHECK(test::run_chain_text("script(to=hant)", "ABC\n") == "ABC\n");
}

TEST_CASE("the --convert option puts the script filter before punct or structure",
          "[script][cli]") {
  CHECK(insert_script("trim; unicode; furniture; linebreak; punct; structure", "s2t") ==
        "trim; unicode; furniture; linebreak; script(config=s2t); punct; structure");
  CHECK(insert_script("trim; structure", "t2s") == "trim; script(config=t2s); structure");
  CHECK(insert_script("trim", "s2twp") == "trim; script(config=s2twp)");
  CHECK(insert_script("", "s2t") == "script(config=s2t)");
  CHECK_THROWS_AS(insert_script("trim", "s2t); evil("), Error);
  test::CliResult r = test::run({"-c", "s2t"}, "头发\n");
  CHECK(r.status == 0);
  CHECK(r.out == "頭髮\n");
  r = test::run({"--convert", "nope"}, "头发\n");
  CHECK(r.status == 2);
  CHECK(r.err.find("s2twp") != std::string::npos);
}

TEST_CASE("the --detect-script option prints a classification with evidence per input",
          "[script][cli]") {
  test::CliResult r = test::run({"--detect-script"}, "我们的头发\n");
  CHECK(r.status == 0);
  CHECK(r.out == "<stdin>: Simplified (simplified-only 3, traditional-only 0)\n");
}

TEST_CASE("the --detect-script option classifies LegCo as Traditional and every seed as Simplified",
          "[script][cli]") {
  if (!test::have_shared()) {
    WARN("../shared is missing: skipped");
    return;
  }
  namespace fs = std::filesystem;
  std::size_t n = 0;
  for (const auto& dir : {"corpora/legco-hansard/txt", "corpora/legco-hansard/spec_fixture",
                          "corpora/legco-hansard/json", "seeds"}) {
    bool seed = std::string_view(dir) == "seeds";
    for (const auto& e : fs::directory_iterator(test::shared_path(dir))) {
      test::CliResult r = test::run({"--detect-script", e.path().string()});
      INFO(r.out << r.err);
      CHECK(r.status == 0);
      CHECK(r.out.find(seed ? ": Simplified (" : ": Traditional (") != std::string::npos);
      ++n;
    }
  }
  CHECK(n >= 60);
}

TEST_CASE("hostile input converts without trouble", "[script]") {
  CHECK(convert("s2t", "") == "");
  CHECK(test::run_chain_text("script(config=s2t)", "") == "");
  CHECK(test::run_chain_text("script(config=s2t)", " \n\t\n　\n") ==
        test::run_chain_text("", " \n\t\n　\n"));
  // NUL: libopencc stops at the first NUL; we convert straight through it.
  CHECK(convert("s2t", std::string("头\0发", 7)) == std::string("頭\0發", 7));
  // Lone combining marks, private use, noncharacters, astral characters pass through.
  std::string odd = "\xCC\x81\xEE\x80\x80\xEF\xBF\xBF\xF0\x9F\x98\x80\xF0\xA0\x80\x80";
  CHECK(convert("s2t", odd) == odd);
  CHECK(convert("t2s", odd) == odd);
  // Bytes that are not UTF-8 are copied, one at a time.
  CHECK(convert("s2t", "\xFF\x80头\xE5") == "\xFF\x80頭\xE5");
  std::string nested(3000, '(');
  nested += "头发";
  nested += std::string(3000, ')');
  CHECK(convert("s2t", nested) == std::string(3000, '(') + "頭髮" + std::string(3000, ')'));
  // A huge single line (> 1 MB): one block, every segment recorded.
  std::string line;
  for (int i = 0; i < 40000; ++i) line += "我们的头发发展了";
  Document doc = test::run_chain("script(config=s2t)", line + "\n");
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text.size() == line.size());
  CHECK(doc.blocks[0].original_text() == line);
  CHECK(doc.blocks[0].text.substr(0, 24) == "我們的頭髮發展了");
}

}  // namespace
}  // namespace hantidy
