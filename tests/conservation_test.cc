// --verify over the real data: every seed and every text file of ../shared/corpora, with the
// default chain, must keep every non-space character (core/verify.h). A failure here is a bug in
// a reader or filter, whatever the input looks like.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "support.h"

namespace hantidy {
namespace {

namespace fs = std::filesystem;

// The text files of `dir`: .txt, .md and .utf8 (legacy encodings are decoded with auto).
std::vector<fs::path> text_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".txt" || ext == ".md" || ext == ".utf8") &&
        entry.path().filename() != "SOURCES.txt") {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void check_all(const std::vector<fs::path>& files) {
  std::size_t checked = 0;
  for (const fs::path& file : files) {
    for (const char* to : {"text", "jsonl"}) {
      std::vector<std::string> args = {"--verify", "--encoding", "auto", "-q", "-t", to};
      args.push_back(file.string());
      auto r = test::run(args);
      INFO(file.string() << " -t " << to);
      INFO("stderr: " << r.err);
      CHECK(r.status == 0);
      ++checked;
    }
  }
  CHECK(checked > 0);
}

TEST_CASE("the conservation check passes on every seed with the default chain",
          "[verify][shared]") {
  if (!test::have_shared()) {
    WARN("../shared not found: conservation check over the seeds skipped");
    return;
  }
  check_all(text_files(test::shared_path("seeds")));
}

TEST_CASE("the conservation check passes on every text file of the corpora", "[verify][shared]") {
  if (!test::have_shared()) {
    WARN("../shared not found: conservation check over the corpora skipped");
    return;
  }
  std::vector<fs::path> files = text_files(test::shared_path("corpora"));
  CHECK(files.size() > 50);
  check_all(files);
}

}  // namespace
}  // namespace hantidy
