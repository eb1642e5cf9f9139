// Helpers shared by the tests: running the CLI in-process, reading files, running one filter.
#ifndef HANTIDY_TESTS_SUPPORT_H_
#define HANTIDY_TESTS_SUPPORT_H_

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"

namespace hantidy::test {

struct CliResult {
  int status = 0;
  std::string out;
  std::string err;
};

/// Runs run_cli with `args` and `input` as standard input.
CliResult run(const std::vector<std::string>& args, const std::string& input = "");

/// The whole file; fails the test when it cannot be read.
std::string slurp(const std::string& path);

/// Paths: the project source tree and ../shared.
std::string source_path(const std::string& relative);
std::string shared_path(const std::string& relative);
/// True when ../shared is present (it is beside every checkout CI and developers use).
bool have_shared();

/// The UTF-8 texts of samples/*.txt and (when ../shared is present) the seeds, by path: the
/// real documents tests check a contract on. The GB18030 sample is left out.
std::vector<std::pair<std::string, std::string>> sample_and_seed_texts();

/// A document read from UTF-8 `text` with the text reader, before any filter.
Document read_text(const std::string& text, const std::string& name = "test.txt");

/// Reads `text`, runs the filter chain `spec` and returns the document.
Document run_chain(const std::string& spec, const std::string& text);

/// Reads `text`, runs `spec` and renders it with the text writer.
std::string run_chain_text(const std::string& spec, const std::string& text);

/// `count` pieces drawn at random from `pieces`, joined: the random texts the tests compare a
/// fast path with its general form on.
std::string random_text(const std::vector<std::string>& pieces, std::size_t count,
                        std::mt19937& rng);

}  // namespace hantidy::test

#endif  // HANTIDY_TESTS_SUPPORT_H_
