#include "cli/run.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "cli/options.h"
#include "tests/support.h"

namespace hantidy {
namespace {

using test::run;

TEST_CASE("cli: standard input to standard output", "[cli]") {
  auto r = run({}, "第一段 \n\n第二段\n");
  CHECK(r.status == 0);
  CHECK(r.out == "第一段\n\n第二段\n");
  CHECK(r.err.empty());
  CHECK(run({"-"}, "甲\n").out == "甲\n");
}

TEST_CASE("cli: invalid UTF-8 on stdin fails with exit 1 naming <stdin> and the offset", "[cli]") {
  auto r = run({}, "\xFF\xFE");
  CHECK(r.status == kExitInputError);
  CHECK_THAT(r.err, Catch::Contains("<stdin>") && Catch::Contains("at byte 0"));
  CHECK(r.out.empty());
}

TEST_CASE("cli: usage errors exit 2 with a hint", "[cli]") {
  auto r = run({"--nope"});
  CHECK(r.status == kExitUsage);
  CHECK_THAT(r.err, Catch::Contains("--nope") && Catch::Contains("--help"));
  CHECK(run({"-t", "jsnl"}).err.find("did you mean 'jsonl'") != std::string::npos);
  CHECK(run({"-t", "jsnl"}).status == kExitUsage);
  CHECK(run({"-F", "trim(bogus=1)"}).status == kExitUsage);
  CHECK(run({"--on-invalid", "ignore"}).status == kExitUsage);
  CHECK(run({"--encoding", "no-such-charset"}, "x").status == kExitUsage);
}

TEST_CASE("cli: a missing file exits 1, and other files are still processed", "[cli]") {
  auto r = run({"missing.txt"});
  CHECK(r.status == kExitInputError);
  CHECK_THAT(r.err, Catch::Contains("missing.txt: No such file or directory"));
  std::string sample = test::source_path("samples/speech-one-paragraph-per-line.txt");
  auto both = run({"missing.txt", sample});
  CHECK(both.status == kExitInputError);
  CHECK_FALSE(both.out.empty());
}

TEST_CASE("cli: a directory is an input error", "[cli]") {
  auto r = run({test::source_path("samples")});
  CHECK(r.status == kExitInputError);
  CHECK_THAT(r.err, Catch::Contains("is a directory"));
}

TEST_CASE("cli: --help and --version succeed and say what the program is", "[cli]") {
  auto help = run({"--help"});
  CHECK(help.status == 0);
  CHECK_THAT(help.out, Catch::StartsWith("Usage: hantidy"));
  CHECK_THAT(help.out, Catch::Contains("Exit status"));
  auto version = run({"--version"});
  CHECK(version.status == 0);
  CHECK(std::regex_match(version.out, std::regex("hantidy [0-9]+\\.[0-9]+\\.[0-9]+\n")));
}

TEST_CASE("cli: --list-* print the tables", "[cli]") {
  CHECK_THAT(run({"--list-readers"}).out, Catch::StartsWith("text"));
  CHECK_THAT(run({"--list-writers"}).out, Catch::Contains("jsonl"));
  auto filters = run({"--list-filters"});
  CHECK_THAT(filters.out, Catch::Contains("trim") && Catch::Contains("default chain: "));
}

TEST_CASE("cli: -F '' is the identity and --trace shows each filter", "[cli]") {
  CHECK(run({"-F", ""}, "行尾 \n").out == "行尾 \n");
  auto traced = run({"-F", "trim", "--trace"}, "行尾 \n");
  CHECK(traced.out == "行尾\n");
  CHECK_THAT(traced.err, Catch::StartsWith("# after trim\n{"));
}

TEST_CASE("cli: jsonl output is one valid JSON object per line", "[cli]") {
  auto r = run({"-t", "jsonl"}, "## 标题\n\n段落,一\n\n段落二\n");
  REQUIRE(r.status == 0);
  std::istringstream in(r.out);
  int n = 0;
  for (std::string line; std::getline(in, line); ++n) {
    CHECK_NOTHROW(nlohmann::json::parse(line));
  }
  CHECK(n == 3);
}

TEST_CASE("cli: -o writes the file; an unwritable output is an I/O error", "[cli]") {
  std::string path = "cli_test_output.txt";
  auto r = run({"-o", path}, "甲\n");
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(test::slurp(path) == "甲\n");
  std::remove(path.c_str());
  CHECK(run({"-o", "/nonexistent-dir/x.txt"}, "甲\n").status == kExitInputError);
}

TEST_CASE("cli: --config reads the same option names", "[cli]") {
  std::string path = "cli_test_config.ini";
  {
    std::ofstream config(path);
    config << "to = jsonl\nfilters = trim\n";
  }
  auto r = run({"--config", path}, "甲 \n");
  std::remove(path.c_str());
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::StartsWith("{\"id\":\"b1\""));
  CHECK(run({"--config", "missing.ini"}).status == kExitUsage);
}

TEST_CASE("cli: --fail-on-warnings turns warnings into exit 3", "[cli]") {
  auto r = run({"--on-invalid=replace", "--fail-on-warnings"}, "a\xFF");
  CHECK(r.status == kExitWarnings);
  CHECK_THAT(r.err, Catch::Contains("warning"));
  auto quiet = run({"--on-invalid=replace", "-q"}, "a\xFF");
  CHECK(quiet.status == 0);
  CHECK(quiet.err.empty());
}

// The man page must document every option --help lists.
TEST_CASE("cli: every long option in --help appears in man/hantidy.1", "[cli][docs]") {
  std::string man = test::slurp(test::source_path("man/hantidy.1"));
  man = std::regex_replace(man, std::regex("\\\\-"), "-");
  std::string help = help_text();
  std::set<std::string> options;
  std::regex long_option("--[a-z][a-z0-9-]+");
  for (auto it = std::sregex_iterator(help.begin(), help.end(), long_option);
       it != std::sregex_iterator(); ++it) {
    options.insert(it->str());
  }
  CHECK(options.size() > 10);
  for (const std::string& option : options) {
    INFO(option);
    CHECK(man.find(option) != std::string::npos);
  }
}

// ...and the README the same filters and writers as the tables.
TEST_CASE("cli: README and man page name every filter, reader and writer", "[cli][docs]") {
  std::string man = test::slurp(test::source_path("man/hantidy.1"));
  std::string readme = test::slurp(test::source_path("README.md"));
  for (const char* flag : {"--list-filters", "--list-readers", "--list-writers"}) {
    std::istringstream in(run({flag}).out);
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line.starts_with("default chain")) continue;
      std::string name = line.substr(0, line.find(' '));
      INFO(flag << " " << name);
      // An entry of its own: ".B name", ".BR name [(...)]" or ".BI name( options )".
      CHECK(std::regex_search(man, std::regex("\n\\.B[IR]? " + name + "[ (\n]")));
      CHECK(readme.find("`" + name + "`") != std::string::npos);
    }
  }
}

}  // namespace
}  // namespace hantidy
