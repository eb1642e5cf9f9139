// The script filter against the installed libopencc, called directly: every unit of text in
// ../shared/corpora for s2t, t2s and s2twp, and OpenCC's own upstream test cases for every
// config Debian ships. Slow (libopencc is the slow side); tagged [opencc].
#include <SimpleConverter.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "converters/decode.h"
#include "core/tables.h"
#include "normalize/script.h"
#include "tests/support.h"

namespace hantidy {
namespace {

namespace fs = std::filesystem;

void collect_strings(const nlohmann::json& j, std::vector<std::string>& out) {
  if (j.is_string()) {
    out.push_back(j.get<std::string>());
  } else if (j.is_array() || j.is_object()) {
    for (const auto& item : j) collect_strings(item, out);
  }
}

// The documents one corpus file yields: JSON string values as blocks of their own, everything
// else decoded (legacy encodings detected) and read with the text reader.
std::vector<Document> corpus_documents(const fs::path& path) {
  std::string raw = test::slurp(path.string());
  std::vector<Document> docs;
  std::string ext = path.extension().string();
  if (ext == ".json" || ext == ".jsonl") {
    std::vector<std::string> strings;
    try {
      if (ext == ".json") {
        collect_strings(nlohmann::json::parse(raw), strings);
      } else {
        std::istringstream lines(raw);
        for (std::string line; std::getline(lines, line);) {
          if (!line.empty()) collect_strings(nlohmann::json::parse(line), strings);
        }
      }
    } catch (const nlohmann::json::exception&) {
      strings.clear();  // not strict JSON (OpenCC's testcases.json): read as text below
    }
    if (!strings.empty()) {
      Document doc;
      for (std::string& s : strings) {
        Block b;
        b.text = std::move(s);
        doc.blocks.push_back(std::move(b));
      }
      docs.push_back(std::move(doc));
      return docs;
    }
  }
  Diagnostics diag;
  ReadOptions options;
  options.encoding = "auto";
  options.on_invalid = "replace";
  Document doc;
  doc.sources.push_back(decode_source(raw, path.string(), options, diag));
  find_reader("text").make()->read(0, doc, diag);
  docs.push_back(std::move(doc));
  return docs;
}

TEST_CASE("the script filter gives libopencc's output byte for byte on every corpus text",
          "[script][opencc]") {
  if (!test::have_shared()) {
    WARN("../shared is missing: corpus comparison skipped");
    return;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(test::shared_path("corpora"))) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 100);
  for (std::string config : {"s2t", "t2s", "s2twp"}) {
    opencc::SimpleConverter opencc_converter("/usr/share/opencc/" + config + ".json");
    auto filter = find_filter("script").make(FilterArgs("script", {{"config", config}}));
    std::size_t units = 0, bytes = 0, changed = 0, differing = 0, differing_bytes = 0, with_nul = 0;
    for (const fs::path& file : files) {
      for (Document& doc : corpus_documents(file)) {
        std::vector<std::string> originals;
        for (const Block& b : doc.blocks) originals.push_back(b.text);
        Diagnostics diag;
        filter->apply(doc, diag);
        for (std::size_t i = 0; i < originals.size(); ++i) {
          if (originals[i].find('\0') != std::string::npos) {
            ++with_nul;  // libopencc stops at NUL; compared in script_test.cc instead
            continue;
          }
          std::string expected = opencc_converter.Convert(originals[i]);
          ++units;
          bytes += originals[i].size();
          changed += expected != originals[i];
          if (doc.blocks[i].text != expected) {
            ++differing;
            const std::string& got = doc.blocks[i].text;
            for (std::size_t k = 0; k < std::max(got.size(), expected.size()); ++k) {
              differing_bytes += k >= got.size() || k >= expected.size() || got[k] != expected[k];
            }
            INFO(config << " " << file.string() << " unit " << i);
            CHECK(got == expected);
          }
          // The recorded edits undo to the input: TEI can show both readings.
          if (doc.blocks[i].original_text() != originals[i]) {
            INFO(config << " " << file.string() << " unit " << i);
            CHECK(doc.blocks[i].original_text() == originals[i]);
          }
        }
      }
    }
    WARN(config << ": " << files.size() << " files, " << units << " units, " << bytes << " bytes, "
                << changed << " units changed by OpenCC; " << differing << " units / "
                << differing_bytes << " bytes differ from libopencc (" << with_nul
                << " units with NUL skipped)");
    CHECK(differing == 0);
    CHECK(differing_bytes == 0);
  }
}

TEST_CASE("OpenCC's upstream cases agree with libopencc for every config Debian ships",
          "[script][opencc]") {
  if (!test::have_shared()) {
    WARN("../shared is missing: upstream cases skipped");
    return;
  }
  nlohmann::json cases = nlohmann::json::parse(
      test::slurp(test::shared_path("corpora/peer-opencc/testcases/testcases.strict.json")));
  // The document-level goldens (without the jieba plugin, which Debian does not ship).
  std::string golden_input =
      test::slurp(test::shared_path("corpora/peer-opencc/golden/input/us_constitution_zhs.txt"));
  std::vector<std::string> installed = script_configs();
  std::map<std::string, std::unique_ptr<opencc::SimpleConverter>> opencc_converters;
  std::size_t total = 0, agree = 0, untested = 0;
  std::ostringstream disagreements;
  auto check = [&](const std::string& id, const std::string& config, const std::string& input,
                   const std::string& expected) {
    if (!std::binary_search(installed.begin(), installed.end(), config)) {
      ++untested;  // s2hkp, hk2sp: newer OpenCC only
      return;
    }
    auto& converter = opencc_converters[config];
    if (!converter) {
      converter =
          std::make_unique<opencc::SimpleConverter>("/usr/share/opencc/" + config + ".json");
    }
    std::string ours;
    script_engine(config)->convert(input, ours);
    std::string theirs = converter->Convert(input);
    INFO(id << " " << config << " input " << input);
    CHECK(ours == theirs);
    ++total;
    if (ours == expected) {
      ++agree;
    } else if (input.size() < 400) {
      disagreements << "  " << id << " " << config << ": " << input << " → " << ours
                    << " (upstream " << expected << ")\n";
    } else {
      disagreements << "  " << id << " " << config << ": (document) differs from upstream\n";
    }
  };
  for (const auto& c : cases["cases"]) {
    for (const auto& [config, expected] : c["expected"].items()) {
      check(c["id"].get<std::string>(), config, c["input"].get<std::string>(),
            expected.get<std::string>());
    }
  }
  for (std::string config : {"s2t", "s2tw", "s2twp", "s2hk"}) {
    check("golden us_constitution", config, golden_input,
          test::slurp(test::shared_path("corpora/peer-opencc/golden/output/us_constitution_zhs." +
                                        config + ".txt")));
  }
  WARN("upstream agreement: " << agree << "/" << total << " ("
                              << (total ? 100.0 * static_cast<double>(agree) / total : 0.0)
                              << "%), " << untested
                              << " expectations for configs Debian does not ship; every one "
                                 "equals libopencc. Disagreements:\n"
                              << disagreements.str());
  CHECK(total > 400);
}

TEST_CASE("random text built from dictionary keys converts as libopencc does under every config",
          "[script][opencc]") {
  // Phrases cut and glued at random positions exercise the segmentation and every step's
  // longest-prefix and dictionary-group rules where they are hardest: at key boundaries.
  std::mt19937 random(20261123);
  for (const std::string& config : script_configs()) {
    ScriptChainData data = script_chain_data(config);
    std::vector<std::string> pieces = {" ", "A", "1", "，", "\n", "。"};
    auto add_keys = [&](const ScriptDict& dict) {
      for (std::size_t i = 0; i < dict.size(); i += 1 + dict.size() / 400) {
        pieces.push_back(dict[i].key);
      }
    };
    for (const ScriptDict& d : data.segmentation) add_keys(d);
    for (const auto& group : data.steps) {
      for (const ScriptDict& d : group) add_keys(d);
    }
    opencc::SimpleConverter converter("/usr/share/opencc/" + config + ".json");
    std::shared_ptr<const ScriptEngine> engine = script_engine(config);
    std::size_t differing = 0;
    for (int n = 0; n < 1500; ++n) {
      std::string text;
      int count = 1 + static_cast<int>(random() % 12);
      for (int k = 0; k < count; ++k) {
        const std::string& piece = pieces[random() % pieces.size()];
        // Sometimes only the head or the tail of a key, cut at a character boundary.
        std::vector<std::size_t> starts;
        for (std::size_t b = 0; b < piece.size(); ++b) {
          if ((static_cast<unsigned char>(piece[b]) & 0xC0) != 0x80) starts.push_back(b);
        }
        if (random() % 3 == 0 && starts.size() > 1) {
          std::size_t at = starts[1 + random() % (starts.size() - 1)];
          text += random() % 2 ? piece.substr(0, at) : piece.substr(at);
        } else {
          text += piece;
        }
      }
      std::string ours;
      engine->convert(text, ours);
      std::string theirs = converter.Convert(text);
      if (ours != theirs) {
        ++differing;
        INFO(config << ": " << text);
        CHECK(ours == theirs);
      }
    }
    INFO(config);
    CHECK(differing == 0);
  }
}

}  // namespace
}  // namespace hantidy
