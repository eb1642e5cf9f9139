// Fast character tests and line measures for the line filters (furniture, linebreak).
//
// Chinese text is mostly ASCII, CJK Unified Ideographs (U+4E00–U+9FFF, UTF-8 lead bytes E4–E9)
// and a little CJK punctuation. These helpers answer for those code points from their bytes
// (16 at a time where they settle it) and hand every other code point to the functions of
// cjk_text.h and the decoder of utf8.h, so each result equals the general one
// exactly, malformed UTF-8 included: line_scan_test.cc compares them over whole code point
// ranges and random text.
#ifndef HANTIDY_NORMALIZE_LINE_SCAN_H_
#define HANTIDY_NORMALIZE_LINE_SCAN_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// 32-byte rounds for CPUs that have AVX2, chosen at run time (the build targets plain x86-64).
#include "core/cpu.h"
#if defined(HANTIDY_CPU_X86_64)
#define HANTIDY_LINE_SCAN_AVX2 1
#include <immintrin.h>
#endif

#include "normalize/cjk_text.h"
#include "normalize/utf8.h"

namespace hantidy::line_scan {

/// The three lengths linebreak measures a line by, in one pass.
struct LineLengths {
  int width = 0;              ///< line_width(line)
  int count = 0;              ///< visible_length(line)
  int count_with_spaces = 0;  ///< code points between the line's leading and trailing ' '/'\t'
};

#if defined(__SSE2__)
namespace simd {

inline __m128i splat(unsigned char c) { return _mm_set1_epi8(static_cast<char>(c)); }
// Byte masks, 0xFF where the comparison holds (unsigned bytes).
inline __m128i equal(__m128i v, unsigned char c) { return _mm_cmpeq_epi8(v, splat(c)); }
inline __m128i at_most(__m128i v, unsigned char c) {
  return _mm_cmpeq_epi8(_mm_subs_epu8(v, splat(c)), _mm_setzero_si128());
}
inline __m128i at_least(__m128i v, unsigned char c) {
  return _mm_cmpeq_epi8(_mm_subs_epu8(splat(c), v), _mm_setzero_si128());
}
inline __m128i between(__m128i v, unsigned char lo, unsigned char hi) {
  return at_most(_mm_sub_epi8(v, splat(lo)), static_cast<unsigned char>(hi - lo));
}
// ASCII bytes (00–7F) and continuation bytes (80–BF), by one signed comparison each.
inline __m128i ascii(__m128i v) { return _mm_cmpgt_epi8(v, _mm_set1_epi8(-1)); }
inline __m128i continuation(__m128i v) { return _mm_cmplt_epi8(v, _mm_set1_epi8(-64)); }
inline unsigned sum_bytes(__m128i v) {
  __m128i sums = _mm_sad_epu8(v, _mm_setzero_si128());
  return static_cast<unsigned>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
}

// Per-byte counters of one stretch of at most 127 rounds (each byte adds at most 2).
struct Counters {
  __m128i all = _mm_setzero_si128();    // code points (ASCII bytes and 3-byte leads)
  __m128i count = _mm_setzero_si128();  // code points that visible_length counts
  __m128i width = _mm_setzero_si128();  // columns
  __m128i leads = _mm_setzero_si128();
};

// The 16 positions starting at b0 (b1, b2: the same bytes shifted by one and two), of which
// `in_line` masks those that belong to the line, when they hold only ASCII, continuation bytes
// and the leads of well-formed 3-byte characters among CJK Unified Ideographs (U+4E00–U+9FFF),
// CJK punctuation U+3001–U+303E and full-width forms U+FF01–U+FF60 (two columns each) and
// general punctuation U+2000–U+203F (“”—…, one column): adds their counts and returns true.
// Returns false, adding nothing, when some position holds anything else (U+3000, Latin-1, ─,
// a stray byte...): the line is left to the decoder. (Taking U+3000 here too cost more on
// every round than it saved.) Rounds of ideographs alone are told first, by the fewest tests.
inline bool count_round(Counters& k, __m128i b0, __m128i b1, __m128i b2, __m128i in_line) {
  __m128i plain = at_most(b0, 0xBF);  // ASCII or a continuation byte
  __m128i followed = _mm_and_si128(continuation(b1), continuation(b2));
  __m128i han =
      _mm_or_si128(between(b0, 0xE5, 0xE9), _mm_and_si128(equal(b0, 0xE4), at_least(b1, 0xB8)));
  __m128i wide = _mm_and_si128(han, followed);  // two columns
  __m128i narrow = _mm_setzero_si128();         // one column
  if (_mm_movemask_epi8(_mm_or_si128(plain, wide)) != 0xFFFF) {
    __m128i cjk_punct = _mm_and_si128(_mm_and_si128(equal(b0, 0xE3), equal(b1, 0x80)),
                                      between(b2, 0x81, 0xBE));  // U+3001–U+303E
    __m128i full_width = _mm_and_si128(
        equal(b0, 0xEF), _mm_or_si128(_mm_and_si128(equal(b1, 0xBC), at_least(b2, 0x81)),
                                      _mm_and_si128(equal(b1, 0xBD), at_most(b2, 0xA0))));
    wide = _mm_and_si128(_mm_or_si128(_mm_or_si128(han, cjk_punct), full_width), followed);
    narrow = _mm_and_si128(_mm_and_si128(equal(b0, 0xE2), equal(b1, 0x80)), followed);
    if (_mm_movemask_epi8(_mm_or_si128(plain, _mm_or_si128(wide, narrow))) != 0xFFFF) {
      return false;
    }
  }
  __m128i ascii_byte = ascii(b0);
  __m128i ascii_blank = _mm_or_si128(equal(b0, ' '), equal(b0, '\t'));
  __m128i lead_in_line = _mm_and_si128(_mm_or_si128(wide, narrow), in_line);
  __m128i starts = _mm_or_si128(_mm_and_si128(ascii_byte, in_line), lead_in_line);
  __m128i hidden = _mm_or_si128(ascii_blank, equal(b0, '\n'));
  // Masks are -1 where true: subtracting adds one (a wide character adds two columns).
  k.all = _mm_sub_epi8(k.all, starts);
  k.count = _mm_sub_epi8(k.count, _mm_andnot_si128(hidden, starts));
  k.width =
      _mm_sub_epi8(k.width, _mm_and_si128(_mm_andnot_si128(ascii_blank, ascii_byte), in_line));
  k.width = _mm_sub_epi8(k.width, _mm_add_epi8(lead_in_line, _mm_and_si128(wide, in_line)));
  k.leads = _mm_sub_epi8(k.leads, lead_in_line);
  return true;
}

}  // namespace simd

/// measure_line's answer from 16 bytes at a time, for a line made only of ASCII and well-formed
/// 3-byte characters in the ranges count_round knows the display_width of (most lines); false
/// otherwise. (A general round for the other characters, kept in the loop, cost more in
/// register spills on every line than it saved on the few lines that need it.)
/// Well-formed: every 3-byte lead (E2 E3 E4–E9 EF only, so no overlong form or surrogate) is
/// followed by two continuation bytes and there are no other continuation bytes (their count is
/// twice the leads'), so the decoder reads exactly one code point per ASCII byte and per lead.
inline bool measure_line_simd(std::string_view line, int& width, int& count, int& all) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t size = line.size();
  unsigned total_all = 0, total_count = 0, total_width = 0, leads = 0;
  std::size_t at = 0;
  while (at < size) {
    simd::Counters k;
    for (int round = 0; round < 127 && at < size; ++round, at += 16) {
      __m128i b0, b1, b2, in_line = _mm_set1_epi8(-1);
      if (size - at >= 18) {  // inside the line: a round of its own, with no mask to apply
        b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
        b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at + 1));
        b2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at + 2));
        if (!simd::count_round(k, b0, b1, b2, _mm_set1_epi8(-1))) return false;
        continue;
      }
      if (size - at < 16 && size >= 16) {
        // The line's end, read as its last 16 bytes shifted so that bytes past the end read as
        // zero (as in the copy below), with the positions counted already masked out.
        b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + size - 16));
        b1 = _mm_srli_si128(b0, 1);
        b2 = _mm_srli_si128(b0, 2);
        static constexpr unsigned char kLast[32] = {0,    0,    0,    0,    0,    0,    0,    0,
                                                    0,    0,    0,    0,    0,    0,    0,    0,
                                                    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                                    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
        in_line = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kLast + (size - at)));
      } else {  // a short line's end: a zero-padded copy, positions past the end masked out
        alignas(16) unsigned char tail[34] = {};
        std::memcpy(tail, bytes + at, size - at);
        b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(tail));
        b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(tail + 1));
        b2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(tail + 2));
        if (size - at < 16) {
          alignas(16) unsigned char mask[16] = {};
          std::memset(mask, 0xFF, size - at);
          in_line = _mm_load_si128(reinterpret_cast<const __m128i*>(mask));
        }
      }
      if (!simd::count_round(k, b0, b1, b2, in_line)) return false;
    }
    total_all += simd::sum_bytes(k.all);
    total_count += simd::sum_bytes(k.count);
    total_width += simd::sum_bytes(k.width);
    leads += simd::sum_bytes(k.leads);
  }
  // Every byte was ASCII, a lead or a continuation byte (count_round says so), and the first two
  // are the code points: the rest are the continuation bytes.
  if (size - total_all != 2 * leads) return false;
  all = static_cast<int>(total_all);
  count = static_cast<int>(total_count);
  width = static_cast<int>(total_width);
  return true;
}
#endif

#if defined(HANTIDY_LINE_SCAN_AVX2)
#define HANTIDY_AVX2 __attribute__((target("avx2")))
namespace avx2 {

// 32 copies of each byte value: count_round's constants, read from memory. They do not all fit
// in registers, and GCC then rebuilds each one on every round (a broadcast from a general
// register, three instructions) where a load would fold into the instruction that uses it.
struct SplatTable {
  alignas(32) unsigned char rows[256][32];
};
inline constexpr SplatTable kSplatTable = [] {
  SplatTable t{};
  for (int c = 0; c < 256; ++c) {
    for (unsigned char& b : t.rows[c]) b = static_cast<unsigned char>(c);
  }
  return t;
}();

// The table behind an empty asm, so that the compiler cannot see the values and rebuild them.
struct Splats {
  const SplatTable* table;
  Splats() : table(&kSplatTable) { asm("" : "+r"(table)); }
  HANTIDY_AVX2 __m256i operator()(unsigned char c) const {
    return _mm256_load_si256(reinterpret_cast<const __m256i*>(table->rows[c]));
  }
};

// simd's byte masks and count_round over 32 bytes: the same tests, twice as many at a time.
HANTIDY_AVX2 inline __m256i equal(__m256i v, __m256i c) { return _mm256_cmpeq_epi8(v, c); }
HANTIDY_AVX2 inline __m256i at_most(__m256i v, __m256i c) {
  return _mm256_cmpeq_epi8(_mm256_min_epu8(v, c), v);
}
HANTIDY_AVX2 inline __m256i at_least(__m256i v, __m256i c) {
  return _mm256_cmpeq_epi8(_mm256_max_epu8(v, c), v);
}
// lo <= v <= lo + span.
HANTIDY_AVX2 inline __m256i between(__m256i v, __m256i lo, __m256i span) {
  return at_most(_mm256_sub_epi8(v, lo), span);
}
HANTIDY_AVX2 inline unsigned sum_bytes(__m256i v) {
  __m256i sums = _mm256_sad_epu8(v, _mm256_setzero_si256());
  __m128i halves = _mm_add_epi64(_mm256_castsi256_si128(sums), _mm256_extracti128_si256(sums, 1));
  return static_cast<unsigned>(_mm_cvtsi128_si32(halves) + _mm_extract_epi16(halves, 4));
}
HANTIDY_AVX2 inline bool all_set(__m256i mask) { return _mm256_movemask_epi8(mask) == -1; }

struct Counters {
  __m256i all, count, width, leads;
};

// simd::count_round over the 32 positions starting at b0; `s` gives the constants.
HANTIDY_AVX2 inline bool count_round(Counters& k, const Splats& s, __m256i b0, __m256i b1,
                                     __m256i b2, __m256i in_line) {
  // Signed comparisons: ASCII is above -1, a continuation byte (80–BF) below -64.
  __m256i ascii_byte = _mm256_cmpgt_epi8(b0, s(0xFF));
  __m256i plain = at_most(b0, s(0xBF));
  __m256i followed =
      _mm256_and_si256(_mm256_cmpgt_epi8(s(0xC0), b1), _mm256_cmpgt_epi8(s(0xC0), b2));
  __m256i han = _mm256_or_si256(between(b0, s(0xE5), s(4)),
                                _mm256_and_si256(equal(b0, s(0xE4)), at_least(b1, s(0xB8))));
  __m256i wide = _mm256_and_si256(han, followed);
  __m256i narrow = _mm256_setzero_si256();
  if (!all_set(_mm256_or_si256(plain, wide))) {
    __m256i cjk_punct = _mm256_and_si256(_mm256_and_si256(equal(b0, s(0xE3)), equal(b1, s(0x80))),
                                         between(b2, s(0x81), s(0x3D)));
    __m256i full_width = _mm256_and_si256(
        equal(b0, s(0xEF)),
        _mm256_or_si256(_mm256_and_si256(equal(b1, s(0xBC)), at_least(b2, s(0x81))),
                        _mm256_and_si256(equal(b1, s(0xBD)), at_most(b2, s(0xA0)))));
    wide = _mm256_and_si256(_mm256_or_si256(_mm256_or_si256(han, cjk_punct), full_width), followed);
    narrow = _mm256_and_si256(_mm256_and_si256(equal(b0, s(0xE2)), equal(b1, s(0x80))), followed);
    if (!all_set(_mm256_or_si256(plain, _mm256_or_si256(wide, narrow)))) return false;
  }
  __m256i ascii_blank = _mm256_or_si256(equal(b0, s(' ')), equal(b0, s('\t')));
  __m256i lead_in_line = _mm256_and_si256(_mm256_or_si256(wide, narrow), in_line);
  __m256i starts = _mm256_or_si256(_mm256_and_si256(ascii_byte, in_line), lead_in_line);
  __m256i hidden = _mm256_or_si256(ascii_blank, equal(b0, s('\n')));
  k.all = _mm256_sub_epi8(k.all, starts);
  k.count = _mm256_sub_epi8(k.count, _mm256_andnot_si256(hidden, starts));
  k.width = _mm256_sub_epi8(
      k.width, _mm256_and_si256(_mm256_andnot_si256(ascii_blank, ascii_byte), in_line));
  k.width =
      _mm256_sub_epi8(k.width, _mm256_add_epi8(lead_in_line, _mm256_and_si256(wide, in_line)));
  k.leads = _mm256_sub_epi8(k.leads, lead_in_line);
  return true;
}

}  // namespace avx2

/// measure_line_simd in rounds of 32 bytes, for a CPU with AVX2 (cpu_has_avx2()): the same answer
/// (line_scan_test compares them). A line shorter than one round is left to the 16-byte rounds.
HANTIDY_AVX2 inline bool measure_line_avx2(std::string_view line, int& width, int& count,
                                           int& all) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t size = line.size();
  if (size < 32) return measure_line_simd(line, width, count, all);
  const __m256i ones = _mm256_set1_epi8(-1);
  const avx2::Splats splats;
  unsigned total_all = 0, total_count = 0, total_width = 0, leads = 0;
  std::size_t at = 0;
  while (at < size) {
    avx2::Counters k{_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256(),
                     _mm256_setzero_si256()};
    for (int round = 0; round < 127 && at < size; ++round, at += 32) {
      __m256i b0, b1, b2, in_line = ones;
      if (size - at >= 34) {  // inside the line: a round of its own, with no mask to apply
        b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + at));
        b1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + at + 1));
        b2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + at + 2));
        if (!avx2::count_round(k, splats, b0, b1, b2, ones)) return false;
        continue;
      }
      if (size - at < 32) {
        // The line's last 32 bytes, shifted by one and two across the lanes with zeros shifted
        // in (bytes past the end read as zero), the positions counted already masked out.
        b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + size - 32));
        __m256i upper = _mm256_permute2x128_si256(b0, b0, 0x81);  // b0's upper lane, then zeros
        b1 = _mm256_alignr_epi8(upper, b0, 1);
        b2 = _mm256_alignr_epi8(upper, b0, 2);
        static constexpr unsigned char kLast[64] = {
            0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,
            0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,
            0,    0,    0,    0,    0,    0,    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
        in_line = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(kLast + (size - at)));
      } else {  // 32 or 33 bytes left: a zero-padded copy, every position in the line
        alignas(32) unsigned char tail[66] = {};
        std::memcpy(tail, bytes + at, size - at);
        b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(tail));
        b1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(tail + 1));
        b2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(tail + 2));
      }
      if (!avx2::count_round(k, splats, b0, b1, b2, in_line)) return false;
    }
    total_all += avx2::sum_bytes(k.all);
    total_count += avx2::sum_bytes(k.count);
    total_width += avx2::sum_bytes(k.width);
    leads += avx2::sum_bytes(k.leads);
  }
  if (size - total_all != 2 * leads) return false;
  all = static_cast<int>(total_all);
  count = static_cast<int>(total_count);
  width = static_cast<int>(total_width);
  return true;
}
#undef HANTIDY_AVX2

#endif

inline LineLengths measure_line(std::string_view line) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t size = line.size();
  int width = 0, count = 0, all = 0;  // `all` counts every code point
#if defined(HANTIDY_LINE_SCAN_AVX2)
  bool fast = cpu_has_avx2() ? measure_line_avx2(line, width, count, all)
                             : measure_line_simd(line, width, count, all);
  if (!fast)
#elif defined(__SSE2__)
  if (!measure_line_simd(line, width, count, all))
#endif
  {
    width = count = all = 0;
    for (std::size_t at = 0; at < size;) {
      unsigned char b = bytes[at];
      if (b < 0x80) {
        ++all;
        ++at;
        // line_width skips ' ' and '\t'; visible_length skips '\n' too. ASCII is 1 column wide.
        if (b == ' ' || b == '\t') continue;
        ++width;
        count += b != '\n';
        continue;
      }
      if (size - at >= 3 && is_unified_ideograph(bytes + at)) {
        ++all;
        ++count;
        width += 2;
        at += 3;
        continue;
      }
      char32_t c = next_code_point(line, at);
      ++all;
      // line_width and visible_length both skip U+3000 and NBSP.
      if (c == 0x3000 || c == 0xA0) continue;
      width += display_width(c);
      ++count;
    }
  }
  // Leading and trailing ' '/'\t' are one byte and one code point each.
  std::size_t b = 0, e = size;
  while (b < e && (line[b] == ' ' || line[b] == '\t')) ++b;
  while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t')) --e;
  return {width, count, all - static_cast<int>(b + (size - e))};
}

/// A lower bound on the code points of `text` other than ' ', '\t', '\n', U+3000 and NBSP,
/// counted no further than `cap` (may stop a little past it). Reads 16 (SSE2) or 8 bytes at a
/// time, up to the last whole 8 bytes:
/// every byte that is not a continuation byte starts at least one decoded code point (the
/// decoder steps onto each), and one that is not ' ', '\t', '\n' or a lead byte of U+3000 (E3)
/// or NBSP (C2) starts a visible one.
inline std::size_t visible_lower_bound(std::string_view text, std::size_t cap) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  constexpr std::uint64_t kLows = 0x7F7F7F7F7F7F7F7FULL;
  // The high bit of each byte of `v` that is zero, exactly.
  auto zero_bytes = [](std::uint64_t v) { return ~(((v & kLows) + kLows) | v) & kHighs; };
  std::size_t n = 0;
  std::size_t at = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time first, by the same test; the eight-byte loop takes the rest.
  for (; n < cap && text.size() - at >= 16; at += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    __m128i excluded =
        _mm_or_si128(_mm_or_si128(simd::continuation(v), simd::equal(v, ' ')),
                     _mm_or_si128(_mm_or_si128(simd::equal(v, '\t'), simd::equal(v, '\n')),
                                  _mm_or_si128(simd::equal(v, 0xE3), simd::equal(v, 0xC2))));
    n += simd::sum_bytes(_mm_andnot_si128(excluded, simd::splat(1)));
  }
#endif
  for (; n < cap && text.size() - at >= 8; at += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + at, 8);
    std::uint64_t continuation = w & ~(w << 1) & kHighs;  // 10xxxxxx
    std::uint64_t excluded = zero_bytes(w ^ (kOnes * ' ')) | zero_bytes(w ^ (kOnes * '\t')) |
                             zero_bytes(w ^ (kOnes * '\n')) | zero_bytes(w ^ (kOnes * 0xE3)) |
                             zero_bytes(w ^ (kOnes * 0xC2));
    // One bit per counted byte, at the byte's bottom; the multiply sums the bytes into the top.
    std::uint64_t counted = (kHighs & ~continuation & ~excluded) >> 7;
    n += static_cast<std::size_t>((counted * kOnes) >> 56);
  }
  return n;
}

/// visible_length(text, cap): code points other than ' ', '\t', '\n', U+3000 and NBSP, counted
/// no further than `cap`.
inline std::size_t visible_length(std::string_view text,
                                  std::size_t cap = static_cast<std::size_t>(-1)) {
  if (cap <= text.size() / 3) {
    // A long text settles a "short?" test from its bytes.
    if (visible_lower_bound(text, cap) >= cap) return cap;
  } else if (text.size() >= 16 && text.size() <= 256) {
    // Short of a few times the cap, the text is read to about its end anyway: measure_line's
    // rounds count it whole (its count is visible_length) faster than the loop below decodes it.
    return std::min(static_cast<std::size_t>(measure_line(text).count), cap);
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = 0;
  for (std::size_t at = 0; at < text.size() && n < cap;) {
    // An ideograph U+4E00–U+9FFF (most of the text) counts, without decoding it.
    if (text.size() - at >= 3 && is_unified_ideograph(bytes + at)) {
      at += 3;
      ++n;
      continue;
    }
    char32_t c = next_code_point(text, at);
    if (c != ' ' && c != '\t' && c != '\n' && c != 0x3000 && c != 0xA0) ++n;
  }
  return n;
}

}  // namespace hantidy::line_scan

#endif  // HANTIDY_NORMALIZE_LINE_SCAN_H_
