// Throughput of libopencc (called directly) against hantidy's script engine and script filter on
// the same input, and a byte comparison of their outputs. Used by bench/script.sh.
//
//   script_bench CONFIG FILE...   (UTF-8 files; each is converted as one text)
#include <SimpleConverter.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "converters/decode.h"
#include "core/diagnostics.h"
#include "core/tables.h"
#include "normalize/script.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: script_bench CONFIG FILE...\n";
    return 2;
  }
  std::string config = argv[1];
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    texts.push_back(s.str());
    bytes += texts.back().size();
  }
  double mb = static_cast<double>(bytes) / 1e6;

  auto t0 = std::chrono::steady_clock::now();
  opencc::SimpleConverter opencc_converter("/usr/share/opencc/" + config + ".json");
  double opencc_load = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  std::vector<std::string> expected;
  for (const std::string& t : texts) expected.push_back(opencc_converter.Convert(t));
  double opencc_time = seconds_since(t0);

  t0 = std::chrono::steady_clock::now();
  std::shared_ptr<const hantidy::ScriptEngine> engine = hantidy::script_engine(config);
  double engine_load = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  std::vector<std::string> got(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) engine->convert(texts[i], got[i]);
  double engine_time = seconds_since(t0);

  // The whole filter: text reader, then script (with its phrase-level change records).
  std::vector<hantidy::Document> docs;
  hantidy::Diagnostics diag;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    hantidy::Document doc;
    doc.sources.push_back(
        hantidy::decode_source(texts[i], argv[i + 2], hantidy::ReadOptions{}, diag));
    hantidy::find_reader("text").make()->read(0, doc, diag);
    docs.push_back(std::move(doc));
  }
  auto filter =
      hantidy::find_filter("script").make(hantidy::FilterArgs("script", {{"config", config}}));
  t0 = std::chrono::steady_clock::now();
  std::size_t changes = 0;
  for (hantidy::Document& doc : docs) {
    filter->apply(doc, diag);
    changes += doc.changes.size();
  }
  double filter_time = seconds_since(t0);

  std::size_t differing = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (got[i] != expected[i]) {
      ++differing;
      std::size_t at = 0;
      while (at < got[i].size() && at < expected[i].size() && got[i][at] == expected[i][at]) ++at;
      std::cerr << argv[i + 2] << ": first difference at byte " << at
                << "\n  opencc:  " << expected[i].substr(at > 30 ? at - 30 : 0, 90)
                << "\n  hantidy: " << got[i].substr(at > 30 ? at - 30 : 0, 90) << '\n';
    }
  }
  std::printf(
      "%-6s %7.2f MB  libopencc %7.2f MB/s (load %.3fs)  engine %7.2f MB/s (%.1fx, load %.3fs)"
      "  filter %7.2f MB/s (%.1fx, %zu changes)  outputs %s\n",
      config.c_str(), mb, mb / opencc_time, opencc_load, mb / engine_time,
      opencc_time / engine_time, engine_load, mb / filter_time, opencc_time / filter_time, changes,
      differing == 0 ? "identical" : "DIFFER");
  return differing == 0 ? 0 : 1;
}
