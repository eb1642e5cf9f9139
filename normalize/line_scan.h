// Fast character tests and line measures for the line filters (furniture, linebreak).
//
// Chinese text is mostly ASCII and CJK Unified Ideographs (U+4E00–U+9FFF, UTF-8 lead bytes
// E4–E9). These helpers answer for those code points without ICU and hand every other code point
// to the ICU-backed functions of cjk_text.h, so each result equals the general one exactly
// (line_scan_test-style checks in linebreak_test.cc compare them over whole ranges).
#ifndef HANTIDY_NORMALIZE_LINE_SCAN_H_
#define HANTIDY_NORMALIZE_LINE_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "normalize/cjk_text.h"
#include "normalize/utf8.h"

namespace hantidy::line_scan {

/// Same result as next_code_point (including U+FFFD for malformed bytes): ASCII and well-formed
/// 3-byte sequences, nearly all of Chinese text, are decoded inline; the rest goes through it.
inline char32_t next(std::string_view text, std::size_t& at) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char b = byte(at);
  if (b < 0x80) {
    ++at;
    return b;
  }
  if ((b & 0xF0) == 0xE0 && text.size() - at >= 3) {
    unsigned char b1 = byte(at + 1), b2 = byte(at + 2);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      char32_t c = (char32_t{b & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
      // Overlong forms and surrogates are malformed: leave them to the general decoder.
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        at += 3;
        return c;
      }
    }
  }
  return next_code_point(text, at);
}

/// is_han(c), without ICU for the CJK Unified Ideographs block (all of it is Script=Han
/// letters) and for code points below U+2E80 (none is Han).
inline bool han(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  if (c < 0x2E80) return false;
  return is_han(c);
}

/// display_width(c), without ICU for ASCII (narrow or neutral: 1), the CJK Unified Ideographs
/// (wide: 2), CJK punctuation U+3001–U+303E (wide: 2), general punctuation U+2000–U+206F such as
/// “”—… (ambiguous or neutral: 1) and the full-width forms U+FF01–U+FF60 (2).
inline int width(char32_t c) {
  if (c < 0x80) return 1;
  if (c >= 0x4E00 && c <= 0x9FFF) return 2;
  if (c >= 0x3001 && c <= 0x303E) return 2;
  if (c >= 0x2000 && c <= 0x206F) return 1;
  if (c >= 0xFF01 && c <= 0xFF60) return 2;
  return display_width(c);
}

/// The three lengths linebreak measures a line by, in one pass.
struct LineLengths {
  int width = 0;              ///< line_width(line)
  int count = 0;              ///< visible_length(line)
  int count_with_spaces = 0;  ///< code points between the line's leading and trailing ' '/'\t'
};

/// Whether the three bytes at `p` are a well-formed U+4E00–U+9FFF (lead E4 with B8–BF next, or
/// E5–E9): a Han character, 2 columns wide, never blank.
inline bool han3(const unsigned char* p) {
  return p[0] >= 0xE4 && p[0] <= 0xE9 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
         (p[0] != 0xE4 || p[1] >= 0xB8);
}

/// Whether the 15 bytes at `p` are five han3 characters; reads 16 bytes.
inline bool five_han3(const unsigned char* p) {
#if defined(__SSE2__)
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto mask = [](__m128i m) { return static_cast<unsigned>(_mm_movemask_epi8(m)); };
  const __m128i zero = _mm_setzero_si128();
  unsigned continuation =
      mask(_mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))),
                          _mm_set1_epi8(static_cast<char>(0x80))));
  // E4..E9: v - E4 is at most 5 (unsigned, wrapping).
  unsigned lead = mask(_mm_cmpeq_epi8(
      _mm_subs_epu8(_mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(0xE4))), _mm_set1_epi8(5)),
      zero));
  unsigned e4 = mask(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE4))));
  unsigned below_b8 = mask(
      _mm_cmpeq_epi8(_mm_subs_epu8(v, _mm_set1_epi8(static_cast<char>(0xB7))), zero));  // v <= B7
  constexpr unsigned kLeads = 0x1249;          // bytes 0, 3, 6, 9, 12
  constexpr unsigned kContinuations = 0x6DB6;  // bytes 1, 2, 4, 5, 7, 8, 10, 11, 13, 14
  return (lead & kLeads) == kLeads && (continuation & kContinuations) == kContinuations &&
         (((e4 & kLeads) << 1) & below_b8) == 0;
#else
  return han3(p) && han3(p + 3) && han3(p + 6) && han3(p + 9) && han3(p + 12);
#endif
}

inline LineLengths measure_line(std::string_view line) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t size = line.size();
  int width = 0, count = 0, all = 0;  // `all` counts every code point
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
    if (size - at >= 3 && han3(bytes + at)) {
      // A run of Han characters: five at a time while they last, then one by one.
      int han = 0;
      while (size - at >= 16 && five_han3(bytes + at)) {
        han += 5;
        at += 15;
      }
      while (size - at >= 3 && han3(bytes + at)) {
        ++han;
        at += 3;
      }
      all += han;
      count += han;
      width += 2 * han;
      continue;
    }
    char32_t c = next(line, at);
    ++all;
    // line_width and visible_length both skip U+3000 and NBSP.
    if (c == 0x3000 || c == 0xA0) continue;
    width += line_scan::width(c);
    ++count;
  }
  // Leading and trailing ' '/'\t' are one byte and one code point each.
  std::size_t b = 0, e = size;
  while (b < e && (line[b] == ' ' || line[b] == '\t')) ++b;
  while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t')) --e;
  return {width, count, all - static_cast<int>(b + (size - e))};
}

/// A lower bound on the code points of `text` other than ' ', '\t', '\n', U+3000 and NBSP,
/// counted no further than `cap` (may stop a little past it). Reads eight bytes at a time:
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
  for (std::size_t at = 0; n < cap && text.size() - at >= 8; at += 8) {
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
  // A long text settles a "short?" test from its bytes.
  if (cap <= text.size() / 3 && visible_lower_bound(text, cap) >= cap) return cap;
  std::size_t n = 0;
  for (std::size_t at = 0; at < text.size() && n < cap;) {
    char32_t c = next(text, at);
    if (c != ' ' && c != '\t' && c != '\n' && c != 0x3000 && c != 0xA0) ++n;
  }
  return n;
}

}  // namespace hantidy::line_scan

#endif  // HANTIDY_NORMALIZE_LINE_SCAN_H_
