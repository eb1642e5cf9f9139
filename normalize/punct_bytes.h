// Byte-level searches for the punct and structure filters: finding the few bytes where a rule
// could fire without decoding the code points in between. Internal to normalize/.
#ifndef HANTIDY_NORMALIZE_PUNCT_BYTES_H_
#define HANTIDY_NORMALIZE_PUNCT_BYTES_H_

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "normalize/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// 32-byte steps for CPUs that have AVX2, chosen at run time (the build targets plain x86-64).
#include "core/cpu.h"
#if defined(HANTIDY_CPU_X86_64)
#define HANTIDY_PUNCT_BYTES_AVX2 1
#include <immintrin.h>
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

/// Which of the sixteen bytes at `p` are quiet for the punct scanner: bit k for p[k] (bits 16
/// and 17: the last ideograph's bytes in the sixteen after them). Quiet are ASCII digits, ASCII
/// spaces when `spaces_quiet`, and the three bytes of every CJK Unified Ideograph U+4E00..U+9FFF
/// (is_unified_ideograph) that starts at p[0] or later. Reads p[0..18). One byte at a time: the
/// definition, and the form where SSE2 is not there.
inline unsigned quiet_bytes_one_by_one(const unsigned char* p, bool spaces_quiet) {
  unsigned ascii = 0, ideographs = 0;
  for (unsigned k = 0; k < 16; ++k) {
    if ((p[k] >= '0' && p[k] <= '9') || (spaces_quiet && p[k] == ' ')) ascii |= 1u << k;
    if (is_unified_ideograph(p + k)) ideographs |= 1u << k;
  }
  return ascii | ideographs | ideographs << 1 | ideographs << 2;
}

#if defined(__SSE2__)
/// quiet_bytes_one_by_one, sixteen bytes at a time.
inline unsigned quiet_bytes(const unsigned char* p, bool spaces_quiet) {
  auto load = [&](int k) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k)); };
  __m128i v0 = load(0), v1 = load(1), v2 = load(2);  // lane k: p[k], p[k + 1], p[k + 2]
  // Lanes whose byte is in [lo, hi]: moved down to start at -128, then one signed compare.
  auto in = [](__m128i v, unsigned char lo, unsigned char hi) {
    __m128i moved = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
    return _mm_cmplt_epi8(moved, _mm_set1_epi8(static_cast<char>(0x80 + hi - lo + 1)));
  };
  // is_unified_ideograph: E5..E9 before a continuation byte, or E4 before B8..BF; then a
  // continuation byte.
  __m128i lead =
      _mm_or_si128(_mm_and_si128(in(v0, 0xE5, 0xE9), in(v1, 0x80, 0xBF)),
                   _mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8('\xE4')), in(v1, 0xB8, 0xBF)));
  auto ideographs =
      static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(lead, in(v2, 0x80, 0xBF))));
  __m128i spaces = _mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8(' ')),
                                 _mm_set1_epi8(static_cast<char>(spaces_quiet ? 0xFF : 0)));
  auto ascii = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(in(v0, '0', '9'), spaces)));
  return ascii | ideographs | ideographs << 1 | ideographs << 2;
}
#else
inline unsigned quiet_bytes(const unsigned char* p, bool spaces_quiet) {
  return quiet_bytes_one_by_one(p, spaces_quiet);
}
#endif

#if defined(HANTIDY_PUNCT_BYTES_AVX2)
#define HANTIDY_AVX2_TARGET __attribute__((target("avx2")))
/// Lanes of `v` whose byte is in [lo, hi] (as quiet_bytes finds them), for quiet_bytes_avx2.
HANTIDY_AVX2_TARGET inline __m256i bytes_in_avx2(__m256i v, unsigned char lo, unsigned char hi) {
  __m256i moved = _mm256_add_epi8(v, _mm256_set1_epi8(static_cast<char>(0x80 - lo)));
  return _mm256_cmpgt_epi8(_mm256_set1_epi8(static_cast<char>(0x80 + hi - lo + 1)), moved);
}

/// quiet_bytes for the 32 bytes at `p` (bits 32 and 33: the last ideograph's bytes after them),
/// for a CPU with AVX2 (cpu_has_avx2()). Reads p[0..34).
HANTIDY_AVX2_TARGET inline std::uint64_t quiet_bytes_avx2(const unsigned char* p,
                                                          bool spaces_quiet) {
  const auto* at = reinterpret_cast<const __m256i*>(p);
  __m256i v0 = _mm256_loadu_si256(at);
  __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
  __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2));
  auto in = bytes_in_avx2;
  __m256i lead = _mm256_or_si256(
      _mm256_and_si256(in(v0, 0xE5, 0xE9), in(v1, 0x80, 0xBF)),
      _mm256_and_si256(_mm256_cmpeq_epi8(v0, _mm256_set1_epi8('\xE4')), in(v1, 0xB8, 0xBF)));
  std::uint64_t ideographs =
      static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_and_si256(lead, in(v2, 0x80, 0xBF))));
  __m256i spaces = _mm256_and_si256(_mm256_cmpeq_epi8(v0, _mm256_set1_epi8(' ')),
                                    _mm256_set1_epi8(static_cast<char>(spaces_quiet ? 0xFF : 0)));
  std::uint64_t ascii =
      static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(in(v0, '0', '9'), spaces)));
  return ascii | ideographs | ideographs << 1 | ideographs << 2;
}

/// find_quiet_stops in steps of 32 bytes, for a CPU with AVX2.
HANTIDY_AVX2_TARGET inline bool find_quiet_stops_avx2(const unsigned char* s, std::size_t n,
                                                      bool spaces_quiet,
                                                      const std::array<char, 5>& watch,
                                                      std::uint16_t* stops) {
  std::uint64_t carry = 0;  // quiet bytes of an ideograph begun in the bytes before
  __m256i seen = _mm256_setzero_si256();
  const __m256i w0 = _mm256_set1_epi8(watch[0]), w1 = _mm256_set1_epi8(watch[1]),
                w2 = _mm256_set1_epi8(watch[2]), w3 = _mm256_set1_epi8(watch[3]),
                w4 = _mm256_set1_epi8(watch[4]);
  auto step = [&](const unsigned char* p, std::size_t at) HANTIDY_AVX2_TARGET {
    std::uint64_t quiet = carry | quiet_bytes_avx2(p, spaces_quiet);
    carry = quiet >> 32;
    auto bits = static_cast<std::uint32_t>(~quiet);
    std::memcpy(stops + at / 16, &bits, sizeof bits);  // two words, little-endian
    __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    __m256i hits =
        _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, w0), _mm256_cmpeq_epi8(v, w1)),
                        _mm256_or_si256(_mm256_cmpeq_epi8(v, w2), _mm256_cmpeq_epi8(v, w3)));
    seen = _mm256_or_si256(seen, _mm256_or_si256(hits, _mm256_cmpeq_epi8(v, w4)));
  };
  std::size_t at = 0;
  for (; n - at >= 34; at += 32) step(s + at, at);
  // The rest on a copy padded with NUL bytes, which are not quiet: they end every ideograph
  // that would run past the text, and put a stop past its end. (NUL is never watched for.)
  unsigned char padded[66] = {};
  if (at < n) std::memcpy(padded, s + at, n - at);
  for (std::size_t k = 0; at + k <= n; k += 32) step(padded + k, at + k);
  return !_mm256_testz_si256(seen, seen);
}
#endif

/// The bytes of `text` that are not quiet (see quiet_bytes), as `stops`: bit k % 16 of word
/// k / 16 for byte k, and one more bit, for the byte just past the text's end (so that a search
/// for the next stop needs no bounds check). With `avx2` (which the CPU must have), 32 bytes a
/// step. Returns whether the text holds any of the bytes `watch` (not NUL): the scanner watches
/// for those a protected span starts with, which most texts hold none of, and the pass that
/// looks at every byte anyway tells that for little more.
inline bool find_quiet_stops(std::string_view text, bool spaces_quiet, bool avx2,
                             const std::array<char, 5>& watch, std::vector<std::uint16_t>& stops) {
  const std::size_t n = text.size();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  // (The steps of 32 bytes write two words at a time, QuietRuns reads four.)
  stops.resize(n / 16 + 4);
#if defined(HANTIDY_PUNCT_BYTES_AVX2)
  if (avx2) return find_quiet_stops_avx2(s, n, spaces_quiet, watch, stops.data());
#else
  (void)avx2;
#endif
  std::uint64_t carry = 0;  // quiet bytes of an ideograph begun in the bytes before
  std::size_t at = 0;
  for (; n - at >= 18; at += 16) {
    std::uint64_t quiet = carry | quiet_bytes(s + at, spaces_quiet);
    carry = quiet >> 16;
    stops[at / 16] = static_cast<std::uint16_t>(~quiet);
  }
  // The rest on a copy padded with NUL bytes, which are not quiet: they end every ideograph that
  // would run past the text, and put a stop past its end.
  for (; at <= n; at += 16) {
    unsigned char padded[18] = {};
    if (at < n) std::memcpy(padded, s + at, std::min<std::size_t>(n - at, sizeof padded));
    std::uint64_t quiet = carry | quiet_bytes(padded, spaces_quiet);
    carry = quiet >> 16;
    stops[at / 16] = static_cast<std::uint16_t>(~quiet);
  }
  return std::any_of(watch.begin(), watch.end(),
                     [&](char c) { return text.find(c) != std::string_view::npos; });
}

/// The ends of the quiet runs of a text (see quiet_bytes): in them the punct scanner only
/// counts, so it passes each run at once. The bytes are classed once (find_quiet_stops); each
/// end is then a search for the next stop.
class QuietRuns {
 public:
  /// `stops` is scratch, kept by the caller from one text to the next so that it is not
  /// allocated afresh each time. The text must not change while this is used. `watch`: as
  /// find_quiet_stops.
  QuietRuns(std::string_view text, bool spaces_quiet, const std::array<char, 5>& watch,
            std::vector<std::uint16_t>& stops) {
#if defined(HANTIDY_PUNCT_BYTES_AVX2)
    saw_watched_ = find_quiet_stops(text, spaces_quiet, cpu_has_avx2(), watch, stops);
#else
    saw_watched_ = find_quiet_stops(text, spaces_quiet, false, watch, stops);
#endif
    stops_ = stops.data();
  }

  /// Whether the text holds any of the bytes `watch`.
  bool saw_watched() const { return saw_watched_; }

  /// The first byte at or after `from` (at most text.size()) that is not quiet, text.size() when
  /// there is none. `from` must not be inside an ideograph (at one of its continuation bytes),
  /// as no place a scan by code points stops at is.
  std::size_t end(std::size_t from) const {
    // Four words (64 bytes) at a time: most runs end in the first four.
    std::size_t word = from / 16;
    std::uint64_t rest = four_words(word) & (~std::uint64_t{0} << (from % 16));
    while (rest == 0) rest = four_words(word += 4);
    return word * 16 + static_cast<std::size_t>(__builtin_ctzll(rest));
  }

 private:
  std::uint64_t four_words(std::size_t word) const {
    static_assert(std::endian::native == std::endian::little);
    std::uint64_t bits;
    std::memcpy(&bits, stops_ + word, sizeof bits);  // little-endian: word k in bits 16k..
    return bits;
  }

  const std::uint16_t* stops_;
  bool saw_watched_;
};

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_PUNCT_BYTES_H_
