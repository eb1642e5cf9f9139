#include "normalize/punct_bytes.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace hantidy {
namespace {

// What skip_unified_ideographs answers, one ideograph at a time.
std::size_t skip_one_by_one(std::string_view text, std::size_t from, std::size_t limit) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  while (from + 3 <= limit && is_unified_ideograph(s + from)) from += 3;
  return from;
}

TEST_CASE("skip_unified_ideographs ends runs where the byte-by-byte test does", "[punct]") {
  // Ideographs at the edges of U+4E00..U+9FFF and just outside it, malformed and truncated
  // sequences, ASCII and other CJK: runs of every length against every limit.
  const std::vector<std::string> pieces = {"中",
                                           "一",
                                           "\xE4\xB8\x80",
                                           "\xE4\xB7\xBF",
                                           "\xE9\xBF\xBF",
                                           "\xEA\xB0\x80",
                                           "\xE3\x80\x82",
                                           "，",
                                           "a",
                                           " ",
                                           "\xE5\x41\x80",
                                           "\xE5\x80\x41",
                                           "\xE5\x80",
                                           "\xE9\xC0\x80",
                                           "\x80",
                                           "\xE4",
                                           "\xE4\xC0\x80",
                                           "\xE4\xB8",
                                           "𠀀",
                                           "é"};
  std::mt19937 rng(31);
  std::size_t differ = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    std::size_t n = rng() % 24;
    bool han = rng() % 2;
    for (std::size_t k = 0; k < n; ++k) {
      // Mostly ideographs, so that long runs come up too.
      text += han && rng() % 8 ? std::string("国") : pieces[rng() % pieces.size()];
    }
    for (std::size_t from = 0; from <= text.size(); ++from) {
      std::size_t limit = from + rng() % (text.size() - from + 1);
      if (skip_unified_ideographs(text, from, limit) != skip_one_by_one(text, from, limit)) {
        ++differ;
      }
    }
  }
  CHECK(differ == 0);
  std::string run;
  for (int k = 0; k < 40; ++k) run += "国";
  CHECK(skip_unified_ideographs(run, 0, run.size()) == run.size());
  CHECK(skip_unified_ideographs(run + "a", 0, run.size() + 1) == run.size());
  CHECK(skip_unified_ideographs(run, 3, 59) == 57);
}

}  // namespace
}  // namespace hantidy
