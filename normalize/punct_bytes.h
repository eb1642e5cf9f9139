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
/// of them. Five at a time where SSE2 is available: one step of sixteen bytes answers a run
/// shorter than five as well, where a loop of is_unified_ideograph takes one step per ideograph.
inline std::size_t skip_unified_ideographs(std::string_view text, std::size_t from,
                                           std::size_t limit) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
#if defined(__SSE2__)
  // Most calls are at something else: one test settles those.
  if (from + 3 > limit || !is_unified_ideograph(s + from)) return from;
  from += 3;
  while (from + 16 <= text.size() && from + 15 <= limit) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + from));
    __m128i second = _mm_srli_si128(v, 1);  // lane k: the byte after lane k's
    // Lanes whose byte lies in [lo, lo + span] (unsigned).
    auto in = [](__m128i x, char lo, char span) {
      __m128i off = _mm_sub_epi8(x, _mm_set1_epi8(lo));
      return _mm_cmpeq_epi8(_mm_subs_epu8(off, _mm_set1_epi8(span)), _mm_setzero_si128());
    };
    // is_unified_ideograph's lead test: E5..E9, or E4 before B8..BF.
    __m128i lead = _mm_or_si128(
        in(v, '\xE5', 0xE9 - 0xE5),
        _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\xE4')), in(second, '\xB8', 0xBF - 0xB8)));
    __m128i continuation = in(v, '\x80', 0xBF - 0x80);
    auto leads = static_cast<unsigned>(_mm_movemask_epi8(lead));
    auto continuations = static_cast<unsigned>(_mm_movemask_epi8(continuation));
    // Bit 3k: the k-th three bytes are one ideograph (k < 5). The first that is not ends the run.
    unsigned whole = leads & (continuations >> 1) & (continuations >> 2) & 0x1249u;
    unsigned end = static_cast<unsigned>(__builtin_ctz((~whole & 0x1249u) | 0x8000u));
    from += end;
    if (end < 15) return from;
  }
#endif
  while (from + 3 <= limit && is_unified_ideograph(s + from)) from += 3;
  return from;
}

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_PUNCT_BYTES_H_
