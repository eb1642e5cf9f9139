#include "normalize/unicode_stops.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "normalize/stop_finder.h"

namespace hantidy {
namespace {

using unicode_stops::CleanSpecial;
using unicode_stops::NfcSpecial;

// The sixteen-byte forms work lane by lane, so a vector of one byte value settles that value.
template <typename Stops>
std::size_t lanes_differing_from_stops() {
  std::size_t differ = 0;
#if defined(__SSE2__)
  for (int b = 0; b < 256; ++b) {
    __m128i v = _mm_set1_epi8(static_cast<char>(b));
    int mask = _mm_movemask_epi8(Stops::lanes(v));
    differ += mask != (Stops::stops(static_cast<unsigned char>(b)) ? 0xFFFF : 0);
  }
#endif
  return differ;
}

TEST_CASE("unicode's sixteen-byte stop tests answer as the byte tests do", "[unicode]") {
  CHECK(lanes_differing_from_stops<CleanSpecial>() == 0);
  CHECK(lanes_differing_from_stops<NfcSpecial>() == 0);
}

// The first stop at or after `from`, one byte at a time.
template <typename Stops>
std::size_t next_stop_by_bytes(std::string_view text, std::size_t from) {
  while (from < text.size() && !Stops::stops(static_cast<unsigned char>(text[from]))) ++from;
  return from;
}

template <typename Stops>
std::size_t finder_differs(std::mt19937& rng) {
  // Stops a few bytes apart and far apart, each asked from just after the last one found (as
  // the filter does), from further on, and now and then from before it.
  const std::string bytes = std::string("a中,; \n\x7F\x01") + "\xEF\xBC\x8C\xE3\x80\x82\xC2\xA0";
  std::size_t differ = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    std::size_t n = rng() % 200;  // up to three rounds of 64 bytes, and the rest
    bool sparse = rng() % 2 == 0;
    for (std::size_t k = 0; k < n; ++k) {
      text += sparse && rng() % 8 != 0 ? 'a' : bytes[rng() % bytes.size()];
    }
    StopFinder<Stops> finder(text);
    for (std::size_t from = 0; from <= text.size();) {
      std::size_t found = finder.next(from);
      differ += found != next_stop_by_bytes<Stops>(text, from);
      switch (rng() % 4) {
        case 0:
          from = found + 1;
          break;
        case 1:
          from = found + 1 + rng() % 20;
          break;
        case 2:
          from = from + rng() % 3;
          break;
        default:
          from = found + 1 + rng() % 3;
          break;
      }
    }
  }
  return differ;
}

TEST_CASE("StopFinder finds the stops the byte-by-byte scan finds", "[unicode]") {
  std::mt19937 rng(41);
  CHECK(finder_differs<CleanSpecial>(rng) == 0);
  CHECK(finder_differs<NfcSpecial>(rng) == 0);
}

}  // namespace
}  // namespace hantidy
