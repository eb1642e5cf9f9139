// The TEI writer on real text: every file in samples/, every seed, five LegCo Hansard files and
// two Legislative Yuan gazettes, with and without --tei-changes and --tei-lines, must validate
// against tei_all with jing, and its text must round-trip to the JSONL output.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "converters/decode.h"
#include "core/pipeline.h"
#include "core/tables.h"
#include "formats/tei_test_util.h"
#include "formats/tei_writer.h"
#include "tests/support.h"

namespace hantidy {
namespace {

namespace fs = std::filesystem;
using tei_test::body_texts;
using tei_test::parse;

std::vector<std::string> files_in(const std::string& dir, std::size_t limit) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  if (files.size() > limit) files.resize(limit);
  return files;
}

// samples/ (all), seeds (all), 5 LegCo, 2 LY gazette files.
std::vector<std::string> corpus() {
  std::vector<std::string> files = files_in(test::source_path("samples"), 1000);
  if (!test::have_shared()) return files;
  for (const auto& [dir, limit] : {std::pair<std::string, std::size_t>{"seeds", 1000},
                                   {"corpora/legco-hansard/txt", 5},
                                   {"corpora/ly-gazette/md", 2}}) {
    for (std::string& f : files_in(test::shared_path(dir), limit)) files.push_back(std::move(f));
  }
  return files;
}

const std::vector<std::vector<std::string>> kVariants = {
    {}, {"--tei-changes"}, {"--tei-lines"}, {"--tei-changes", "--tei-lines"}};

std::vector<std::string> cli(const std::string& file, const std::string& to,
                             const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"--encoding", "auto",       "-q",        "-t",
                                   to,           "--tei-date", "2024-05-01"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(file);
  return args;
}

std::vector<std::string> jsonl_texts(const std::string& jsonl) {
  std::vector<std::string> texts;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    std::string text = nlohmann::json::parse(line).at("text").get<std::string>();
    if (!text.empty()) texts.push_back(std::move(text));
  }
  return texts;
}

std::string without_space(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '\v') out += c;
  }
  return out;
}

TEST_CASE("TEI of every sample, seed, LegCo and LY file validates with jing in all variants",
          "[tei][corpus]") {
  std::vector<std::string> inputs = corpus();
  if (inputs.empty() || !tei_test::have_jing()) {
    WARN("no corpus or no jing: TEI validation skipped");
    return;
  }
  std::string dir = tei_test::temp_dir("corpus");
  std::vector<std::string> outputs;
  for (std::size_t v = 0; v < kVariants.size(); ++v) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      auto r = test::run(cli(inputs[i], "tei", kVariants[v]));
      INFO(inputs[i] << " variant " << v << ": " << r.err);
      REQUIRE(r.status == 0);
      REQUIRE(parse(r.out));
      outputs.push_back(dir + "/" + std::to_string(v) + "-" +
                        fs::path(inputs[i]).filename().string() + ".xml");
      std::ofstream(outputs.back(), std::ios::binary) << r.out;
    }
  }
  // One jing run for all files: its start-up is most of its cost.
  std::string errors = tei_test::jing(test::shared_path("schemas/tei_all.rng"), outputs);
  CHECK(errors == "");
  if (errors.empty()) fs::remove_all(dir);  // kept for inspection when jing complains
  WARN("validated " << outputs.size() << " TEI files with jing");
}

TEST_CASE("the TEI's block texts (reg readings) equal the JSONL block texts of the same run",
          "[tei][corpus]") {
  for (const std::string& input : corpus()) {
    std::vector<std::string> expected = jsonl_texts(test::run(cli(input, "jsonl", {})).out);
    for (const auto& variant : kVariants) {
      auto r = test::run(cli(input, "tei", variant));
      auto doc = parse(r.out);
      REQUIRE(doc);
      std::vector<std::string> got = body_texts(doc.get(), true);
      INFO(input << " with " << variant.size() << " options");
      REQUIRE(got.size() == expected.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        INFO("block " << i);
        CHECK(got[i] == expected[i]);
      }
    }
  }
}

TEST_CASE("with --tei-changes the orig readings reproduce each block's original text",
          "[tei][corpus]") {
  for (const std::string& input : corpus()) {
    // The CLI's path, in-process, so the blocks' original texts are at hand.
    Diagnostics diag;
    Document doc;
    ReadOptions read;
    read.encoding = "auto";
    doc.sources.push_back(decode_source(test::slurp(input), input, read, diag));
    find_reader("text").make()->read(0, doc, diag);
    Pipeline::build(kDefaultChain).run(doc, diag);
    for (bool lines : {false, true}) {
      WriteOptions o;
      o.tei_changes = true;
      o.tei_lines = lines;
      auto parsed = parse(tei_test::render(doc, o));
      REQUIRE(parsed);
      std::vector<std::string> orig = body_texts(parsed.get(), false);
      std::vector<std::string> expected;
      for (const Block& b : doc.blocks) {
        if (!b.text.empty()) expected.push_back(without_space(b.original_text()));
      }
      INFO(input << (lines ? " with --tei-lines" : ""));
      REQUIRE(orig.size() == expected.size());
      for (std::size_t i = 0; i < orig.size(); ++i) {
        INFO("block " << i);
        CHECK(without_space(orig[i]) == expected[i]);
      }
    }
  }
}

// Brackets are compared width-blind: the gold roles are in GB/T 15834 form, the pipeline may
// not have run punct.
std::string fold_brackets(std::string s) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"(", "（"}, {")", "）"}}) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at)) {
      s.replace(at, from.size(), to);
    }
  }
  return s;
}

TEST_CASE("on seed 001 particDesc lists the ten officials and sp/@who points at the right people",
          "[tei][corpus]") {
  if (!test::have_shared()) {
    WARN("../shared missing: skipped");
    return;
  }
  // The statements of seed 001 in the gold spec: "statement NAME=ROLE ; NAME=ROLE | ...".
  std::vector<std::vector<std::pair<std::string, std::string>>> gold;
  std::istringstream spec(test::slurp(test::shared_path("eval/seeds-gold.spec")));
  std::string line;
  bool in_001 = false;
  while (std::getline(spec, line)) {
    if (line.starts_with("doc ")) in_001 = line.find("001_") != std::string::npos;
    if (!in_001 || !line.starts_with("statement ")) continue;
    std::string people = line.substr(10, line.find(" |") - 10);
    std::vector<std::pair<std::string, std::string>> statement;
    std::istringstream parts(people);
    std::string part;
    while (std::getline(parts, part, ';')) {
      part.erase(0, part.find_first_not_of(' '));
      part.erase(part.find_last_not_of(' ') + 1);
      std::size_t eq = part.find('=');
      statement.push_back({part.substr(0, eq), fold_brackets(part.substr(eq + 1))});
    }
    gold.push_back(statement);
  }
  REQUIRE(gold.size() == 8);

  auto r = test::run(cli(test::shared_path("seeds/001_4d0cb0fecace14a5.txt"), "tei", {}));
  REQUIRE(r.status == 0);
  auto doc = parse(r.out);
  REQUIRE(doc);
  std::vector<std::string> names = tei_test::xpath(doc.get(), "//t:listPerson/t:person/t:persName");
  CHECK(names.size() == 10);
  std::vector<std::string> who =
      tei_test::xpath(doc.get(), "//t:div[@type='statement']/t:sp[1]/@who");
  REQUIRE(who.size() == gold.size());
  for (std::size_t i = 0; i < gold.size(); ++i) {
    std::string expected;
    for (const auto& [name, role] : gold[i]) {
      // The person each pointer names must have the gold name and role.
      std::string id =
          tei_test::xpath(doc.get(), "string(//t:person[t:persName='" + name + "']/@xml:id)")[0];
      INFO("statement " << i + 1 << ": " << name);
      REQUIRE(!id.empty());
      CHECK(fold_brackets(tei_test::xpath(
                doc.get(), "//t:person[@xml:id='" + id + "']/t:affiliation/t:roleName")[0]) ==
            role);
      expected += (expected.empty() ? "#" : " #") + id;
    }
    CHECK(who[i] == expected);
  }
  CHECK(who[0].find(' ') != std::string::npos);  // Beijing: joint statement
  CHECK(who[1].find(' ') != std::string::npos);  // Hebei: joint statement
}

}  // namespace
}  // namespace hantidy
