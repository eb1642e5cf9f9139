// Fast character tests and line measures for the line filters (furniture, linebreak).
//
// Chinese text is mostly ASCII and CJK Unified Ideographs (U+4E00–U+9FFF, UTF-8 lead bytes
// E4–E9). These helpers answer for those code points without ICU and hand every other code point
// to the ICU-backed functions of cjk_text.h, so each result equals the general one exactly
// (line_scan_test-style checks in linebreak_test.cc compare them over whole ranges).
#ifndef HANTIDY_NORMALIZE_LINE_SCAN_H_
#define HANTIDY_NORMALIZE_LINE_SCAN_H_

#include <cstddef>
#include <string_view>

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
    // A well-formed U+4E00–U+9FFF (lead E4 with B8–BF next, or E5–E9): Han, 2 columns, visible.
    if (b >= 0xE4 && b <= 0xE9 && size - at >= 3 && (bytes[at + 1] & 0xC0) == 0x80 &&
        (bytes[at + 2] & 0xC0) == 0x80 && (b != 0xE4 || bytes[at + 1] >= 0xB8)) {
      ++all;
      at += 3;
      width += 2;
      ++count;
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

/// visible_length(text, cap): code points other than ' ', '\t', '\n', U+3000 and NBSP, counted
/// no further than `cap`.
inline std::size_t visible_length(std::string_view text,
                                  std::size_t cap = static_cast<std::size_t>(-1)) {
  std::size_t n = 0;
  for (std::size_t at = 0; at < text.size() && n < cap;) {
    char32_t c = next(text, at);
    if (c != ' ' && c != '\t' && c != '\n' && c != 0x3000 && c != 0xA0) ++n;
  }
  return n;
}

}  // namespace hantidy::line_scan

#endif  // HANTIDY_NORMALIZE_LINE_SCAN_H_
