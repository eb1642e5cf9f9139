// Byte-level searches for the punct and structure filters: finding the few bytes where a rule
// could fire without decoding the code points in between. Internal to normalize/.
#ifndef HANTIDY_NORMALIZE_PUNCT_BYTES_H_
#define HANTIDY_NORMALIZE_PUNCT_BYTES_H_

#include <cstddef>
#include <string_view>

#include "normalize/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hantidy {

/// The first position at or after `from` holding byte `a`, `b`, `c` or `d`; text.size() when
/// there is none. Like memchr for four bytes at once (16 bytes a step where SSE2 is available).
inline std::size_t find_any_of_bytes(std::string_view text, std::size_t from, unsigned char a,
                                     unsigned char b, unsigned char c, unsigned char d) {
  const std::size_t n = text.size();
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(static_cast<char>(a));
  const __m128i vb = _mm_set1_epi8(static_cast<char>(b));
  const __m128i vc = _mm_set1_epi8(static_cast<char>(c));
  const __m128i vd = _mm_set1_epi8(static_cast<char>(d));
  while (from + 16 <= n) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, va), _mm_cmpeq_epi8(chunk, vb)),
                               _mm_or_si128(_mm_cmpeq_epi8(chunk, vc), _mm_cmpeq_epi8(chunk, vd)));
    if (int mask = _mm_movemask_epi8(hit))
      return from + static_cast<std::size_t>(__builtin_ctz(mask));
    from += 16;
  }
#endif
  for (; from < n; ++from) {
    auto byte = static_cast<unsigned char>(text[from]);
    if (byte == a || byte == b || byte == c || byte == d) return from;
  }
  return n;
}

/// The end of the run of CJK Unified Ideographs U+4E00..U+9FFF that starts at `from` and lies
/// wholly before `limit` (`from` itself when there is none); the run holds (end - from) / 3
/// of them. (Runs between marks are short: a SIMD version measured slower.)
inline std::size_t skip_unified_ideographs(std::string_view text, std::size_t from,
                                           std::size_t limit) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  while (from + 3 <= limit && is_unified_ideograph(s + from)) from += 3;
  return from;
}

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_PUNCT_BYTES_H_
