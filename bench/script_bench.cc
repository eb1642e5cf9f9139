// Throughput of libopencc (called directly) against hantidy's script engine and script filter on
// the same input, and a byte comparison of their outputs, in CPU seconds of one thread. Used by
// bench/script.sh.
//
//   script_bench CONFIG FILE...   (UTF-8 files; each is converted as one text)
#include <time.h>

#include <SimpleConverter.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
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

// CPU time of this thread: the machine is shared, so wall time would measure the neighbours.
double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double seconds_since(double start) { return cpu_now() - start; }

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

  const int repeat = std::getenv("BENCH_REPEAT") ? std::atoi(std::getenv("BENCH_REPEAT")) : 3;
  // Best of `repeat` runs of `f`, in CPU seconds.
  auto best = [repeat](auto&& f) {
    double fastest = 1e300;
    for (int r = 0; r < std::max(1, repeat); ++r) {
      double t0 = cpu_now();
      f();
      fastest = std::min(fastest, seconds_since(t0));
    }
    return fastest;
  };

  double t0 = cpu_now();
  opencc::SimpleConverter opencc_converter("/usr/share/opencc/" + config + ".json");
  double opencc_load = seconds_since(t0);
  std::vector<std::string> expected(texts.size());
  double opencc_time = best([&] {
    for (std::size_t i = 0; i < texts.size(); ++i) expected[i] = opencc_converter.Convert(texts[i]);
  });

  t0 = cpu_now();
  std::shared_ptr<const hantidy::ScriptEngine> engine = hantidy::script_engine(config);
  double engine_load = seconds_since(t0);
  std::vector<std::string> got(texts.size());
  double engine_time = best([&] {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      got[i].clear();
      engine->convert(texts[i], got[i]);
    }
  });

  // The whole filter on documents the text reader made (reading is not timed), with its change
  // records: per phrase (the default) and per block.
  std::vector<hantidy::Document> docs;
  hantidy::Diagnostics diag;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    hantidy::Document doc;
    doc.sources.push_back(
        hantidy::decode_source(texts[i], argv[i + 2], hantidy::ReadOptions{}, diag));
    hantidy::find_reader("text").make()->read(0, doc, diag);
    docs.push_back(std::move(doc));
  }
  std::size_t changes = 0;
  auto time_filter = [&](const char* mode) {
    auto filter = hantidy::find_filter("script").make(
        hantidy::FilterArgs("script", {{"config", config}, {"changes", mode}}));
    double fastest = 1e300;
    for (int r = 0; r < std::max(1, repeat); ++r) {
      std::vector<hantidy::Document> work = docs;
      double start = cpu_now();
      for (hantidy::Document& doc : work) filter->apply(doc, diag);
      fastest = std::min(fastest, seconds_since(start));
      changes = 0;
      for (std::size_t i = 0; i < work.size(); ++i) {
        changes += work[i].changes.size();
        std::string text;
        for (const hantidy::Block& b : work[i].blocks) text += b.text + "\n";
        std::string want;
        for (const hantidy::Block& b : docs[i].blocks) {
          want += opencc_converter.Convert(b.text) + "\n";
        }
        if (r == 0 && text != want) std::cerr << argv[i + 2] << ": filter output differs\n";
      }
    }
    return fastest;
  };
  double phrase_time = time_filter("phrase");
  std::size_t phrase_changes = changes;
  double block_time = time_filter("block");

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
      "%-6s %6.2f MB | libopencc %6.2f MB/s (load %.3fs) | engine %6.2f MB/s %5.1fx (load %.3fs) "
      "| filter changes=phrase %6.2f MB/s %5.1fx (%zu changes) | changes=block %6.2f MB/s %5.1fx "
      "| %s\n",
      config.c_str(), mb, mb / opencc_time, opencc_load, mb / engine_time,
      opencc_time / engine_time, engine_load, mb / phrase_time, opencc_time / phrase_time,
      phrase_changes, mb / block_time, opencc_time / block_time,
      differing == 0 ? "identical output" : "OUTPUT DIFFERS");
  return differing == 0 ? 0 : 1;
}
