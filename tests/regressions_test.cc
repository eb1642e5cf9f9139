// Replays every input in tests/regressions/ (fuzz findings and hand-made hostile files) through
// every encoding, invalid-byte mode, writer and chain, with --verify. See regressions/README.md.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/pipeline.h"
#include "core/tables.h"
#include "support.h"

namespace hantidy {
namespace {

namespace fs = std::filesystem;

// Every filter of the table that builds without arguments, in table order.
std::string every_filter() {
  std::string spec;
  for (const FilterInfo& f : filters()) {
    try {
      Pipeline::build(f.name);
    } catch (const Error&) {
      continue;  // needs arguments
    }
    spec += std::string(f.name) + ";";
  }
  return spec;
}

TEST_CASE("every regression input ends in output or a clean input error", "[regressions]") {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(test::source_path("tests/regressions"))) {
    if (entry.is_regular_file() && entry.path().extension() != ".md") {
      inputs.push_back(entry.path());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(!inputs.empty());
  for (const fs::path& path : inputs) {
    std::string data = test::slurp(path.string());
    for (const char* encoding : {"utf-8", "auto", "GB18030", "Big5", "Big5-HKSCS", "UTF-16LE"}) {
      for (const char* mode : {"fail", "replace"}) {
        for (const WriterInfo& writer : writers()) {
          for (const std::string& chain : {std::string("default"), every_filter()}) {
            std::vector<std::string> args = {"--verify",
                                             "--encoding",
                                             encoding,
                                             "--on-invalid",
                                             mode,
                                             "-t",
                                             std::string(writer.name)};
            if (chain != "default") {
              args.push_back("--filters");
              args.push_back(chain);
            }
            auto r = test::run(args, data);
            INFO(path.filename().string() << " --encoding " << encoding << " --on-invalid " << mode
                                          << " -t " << writer.name << " chain " << chain);
            INFO("stderr: " << r.err);
            CHECK((r.status == 0 || r.status == 1));
            CHECK(r.err.find("internal error") == std::string::npos);
            CHECK(r.err.find("not accounted for") == std::string::npos);
            if (std::string_view(mode) == "replace") CHECK(r.status == 0);
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace hantidy
