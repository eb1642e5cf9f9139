#include "support.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/run.h"
#include "converters/decode.h"
#include "core/pipeline.h"
#include "core/tables.h"

namespace hantidy::test {

std::string random_text(const std::vector<std::string>& pieces, std::size_t count,
                        std::mt19937& rng) {
  std::string text;
  for (std::size_t k = 0; k < count; ++k) text += pieces[rng() % pieces.size()];
  return text;
}

CliResult run(const std::vector<std::string>& args, const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out, err;
  CliResult r;
  r.status = run_cli(args, in, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  INFO("reading " << path);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string source_path(const std::string& relative) {
  return std::string(HANTIDY_SOURCE_DIR) + "/" + relative;
}

std::string shared_path(const std::string& relative) {
  return std::string(HANTIDY_SHARED_DIR) + "/" + relative;
}

bool have_shared() { return std::filesystem::is_directory(HANTIDY_SHARED_DIR); }

std::vector<std::pair<std::string, std::string>> sample_and_seed_texts() {
  std::vector<std::string> dirs = {source_path("samples")};
  if (have_shared()) dirs.push_back(shared_path("seeds"));
  std::vector<std::pair<std::string, std::string>> texts;
  for (const std::string& dir : dirs) {
    std::vector<std::string> paths;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() == ".txt") paths.push_back(e.path().string());
    }
    std::sort(paths.begin(), paths.end());  // directory order is the file system's
    for (const std::string& path : paths) {
      std::string text = slurp(path);
      if (find_invalid_utf8(text) == std::string::npos) texts.emplace_back(path, std::move(text));
    }
  }
  return texts;
}

Document read_text(const std::string& text, const std::string& name) {
  Diagnostics diag;
  Document doc;
  ReadOptions options;
  options.hash = true;  // as the CLI reads for TEI, so tests can check sourceDesc
  doc.sources.push_back(decode_source(text, name, options, diag));
  find_reader("text").make()->read(0, doc, diag);
  return doc;
}

Document run_chain(const std::string& spec, const std::string& text) {
  Document doc = read_text(text);
  Diagnostics diag;
  Pipeline::build(spec).run(doc, diag);
  return doc;
}

std::string run_chain_text(const std::string& spec, const std::string& text) {
  Document doc = run_chain(spec, text);
  Diagnostics diag;
  std::ostringstream out;
  find_writer("text").make({})->write(doc, out, diag);
  return out.str();
}

}  // namespace hantidy::test
