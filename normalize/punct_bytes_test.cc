#include "normalize/punct_bytes.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "normalize/utf8.h"

namespace hantidy {
namespace {

// What skip_unified_ideographs answers, one ideograph at a time.
std::size_t skip_one_by_one(std::string_view text, std::size_t from, std::size_t limit) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  while (from + 3 <= limit && is_unified_ideograph(s + from)) from += 3;
  return from;
}

// Texts for the byte tests: ideographs at the edges of U+4E00..U+9FFF and just outside,
// malformed and truncated sequences, digits, spaces, marks and other CJK.
std::string random_bytes(std::mt19937& rng, std::size_t pieces) {
  static const std::vector<std::string> kPieces = {"中",
                                                   "国",
                                                   "一",
                                                   "\xE4\xB8\x80",
                                                   "\xE4\xB7\xBF",
                                                   "\xE9\xBF\xBF",
                                                   "\xEA\xB0\x80",
                                                   "。",
                                                   "，",
                                                   "、",
                                                   "a",
                                                   " ",
                                                   "  ",
                                                   "7",
                                                   "2024",
                                                   "\n",
                                                   "\xE5\x41\x80",
                                                   "\xE5\x80\x41",
                                                   "\xE5\x80",
                                                   "\xE9\xC0\x80",
                                                   "\x80",
                                                   "\xE4",
                                                   "\xE4\xC0\x80",
                                                   "\xE4\xB8",
                                                   "𠀀",
                                                   "é",
                                                   std::string(1, '\0')};
  std::string text;
  bool han = rng() % 2;
  for (std::size_t k = 0; k < pieces; ++k) {
    // Mostly ideographs in half the texts, so that long runs come up too.
    text += han && rng() % 4 ? std::string("国") : kPieces[rng() % kPieces.size()];
  }
  return text;
}

TEST_CASE("skip_unified_ideographs ends runs where the byte-by-byte test does", "[punct]") {
  std::mt19937 rng(31);
  std::size_t differ = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = random_bytes(rng, rng() % 24);
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

TEST_CASE("quiet_bytes classes sixteen bytes as one by one does", "[punct]") {
  std::mt19937 rng(5);
  std::size_t differ = 0;
  for (int round = 0; round < 50000; ++round) {
    std::string text = random_bytes(rng, 18);
    text.resize(std::max<std::size_t>(text.size(), 34));
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for (bool spaces : {false, true}) {
      unsigned one = quiet_bytes_one_by_one(p, spaces);
      differ += quiet_bytes(p, spaces) != one;
#if defined(HANTIDY_PUNCT_BYTES_AVX2)
      if (cpu_has_avx2()) {
        std::uint64_t two = one | std::uint64_t{quiet_bytes_one_by_one(p + 16, spaces)} << 16;
        differ += quiet_bytes_avx2(p, spaces) != two;
      }
#endif
    }
  }
  CHECK(differ == 0);
  // The bits: digits, a space, an ideograph (with its bytes after the sixteen), a comma.
  std::string text = "12 中，" + std::string(5, 'x') + "国" + std::string(4, 'x');
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  CHECK(quiet_bytes(p, true) == 0b1'1100'0000'0011'1111u);
  CHECK(quiet_bytes(p, false) == 0b1'1100'0000'0011'1011u);
}

// The end of the quiet run at `from`, one code point at a time.
std::size_t quiet_run_end(std::string_view text, std::size_t from, bool spaces) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  while (from < text.size()) {
    if ((s[from] >= '0' && s[from] <= '9') || (spaces && s[from] == ' ')) {
      ++from;
    } else if (text.size() - from >= 3 && is_unified_ideograph(s + from)) {
      from += 3;
    } else {
      break;
    }
  }
  return from;
}

TEST_CASE("QuietRuns ends runs where a scan by code points does", "[punct]") {
  const std::array<char, 5> kWatch = {':', 'w', '@', '`', '&'};
  std::mt19937 rng(11);
  std::vector<std::uint16_t> stops;
  std::size_t differ = 0, texts = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = random_bytes(rng, rng() % 60);
    for (bool spaces : {false, true}) {
      for (bool avx2 : {false, true}) {
#if defined(HANTIDY_PUNCT_BYTES_AVX2)
        if (avx2 && !cpu_has_avx2()) continue;
#else
        if (avx2) continue;
#endif
        ++texts;
        bool saw = find_quiet_stops(text, spaces, avx2, kWatch, stops);
        differ += saw != (text.find_first_of(":w@`&") != std::string::npos);
        // Every place a scan by code points stops at (next_code_point's steps).
        for (std::size_t from = 0;;) {
          std::size_t word = from / 16;
          unsigned rest = stops[word] & (0xFFFFu << (from % 16));
          while (rest == 0) rest = stops[++word];
          differ += word * 16 + static_cast<std::size_t>(__builtin_ctz(rest)) !=
                    quiet_run_end(text, from, spaces);
          if (from == text.size()) break;
          next_code_point(text, from);
        }
      }
      // QuietRuns itself (with the CPU's form), searching four words at a time.
      std::vector<std::uint16_t> scratch;
      QuietRuns runs(text, spaces, kWatch, scratch);
      for (std::size_t from = 0;; next_code_point(text, from)) {
        differ += runs.end(from) != quiet_run_end(text, from, spaces);
        if (from == text.size()) break;
      }
    }
  }
  CHECK(texts >= 40000);
  CHECK(differ == 0);
  std::vector<std::uint16_t> scratch;
  std::string run;
  for (int k = 0; k < 40; ++k) run += "国";
  std::string text = run + "，1 2";
  QuietRuns runs(text, true, kWatch, scratch);
  CHECK_FALSE(runs.saw_watched());
  CHECK(runs.end(0) == run.size());
  CHECK(runs.end(run.size()) == run.size());
  CHECK(runs.end(run.size() + 3) == text.size());
  QuietRuns empty("", true, kWatch, scratch);
  CHECK(empty.end(0) == 0);
  QuietRuns watched(text + "&", true, kWatch, scratch);
  CHECK(watched.saw_watched());
}

}  // namespace
}  // namespace hantidy
