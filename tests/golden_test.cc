// Golden outputs for samples/: each sample through the default chain, as text and as jsonl.
// HANTIDY_UPDATE_GOLDEN=1 rewrites tests/golden/ instead of comparing; review the diff before
// committing (OpenCC's --update, pandoc's --accept).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "support.h"

namespace hantidy {
namespace {

namespace fs = std::filesystem;

TEST_CASE("golden: every sample gives its golden text and jsonl", "[golden]") {
  bool update = std::getenv("HANTIDY_UPDATE_GOLDEN") != nullptr;
  int samples = 0;
  for (const auto& entry : fs::directory_iterator(test::source_path("samples"))) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".txt") continue;  // README.md describes them
    std::string input = test::slurp(entry.path().string());
    for (const char* to : {"text", "jsonl"}) {
      // Samples are read from standard input so the output does not depend on the checkout's
      // path; every sample is read with encoding detection, as its damage may be the encoding.
      auto r = test::run({"--encoding", "auto", "-t", to}, input);
      std::string golden = test::source_path("tests/golden/" + name + "." + to);
      INFO(name << " -t " << to << "\n" << r.err);
      REQUIRE(r.status == 0);
      if (update) {
        std::ofstream(golden, std::ios::binary) << r.out;
      } else {
        CHECK(r.out == test::slurp(golden));
      }
    }
    ++samples;
  }
  CHECK(samples >= 5);
}

}  // namespace
}  // namespace hantidy
