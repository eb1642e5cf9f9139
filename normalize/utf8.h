// The one UTF-8 decoder every filter steps with (forward and backward). Inline, because punct's
// scanner and the repair filters call it once per code point.
//
// Document text is valid UTF-8 (converters/decode replaces or rejects invalid bytes), so on the
// text filters see this decodes exactly as any decoder would. It still never fails: bytes that
// are not well-formed UTF-8 (stray continuation bytes, C0/C1/F5-FF leads, overlong forms,
// surrogates, truncated sequences) decode to U+FFFD one byte at a time, so every loop over
// hostile input makes progress.
#ifndef HANTIDY_NORMALIZE_UTF8_H_
#define HANTIDY_NORMALIZE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace hantidy {

/// U+3000 IDEOGRAPHIC SPACE in UTF-8: the space CJK text indents and pads with, which several
/// filters strip or skip by its bytes.
inline constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

/// Appends `c` to `out` in UTF-8 (`c` must be a scalar value: no surrogate, at most U+10FFFF).
inline void append_utf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

/// Decodes the code point at text[at] and advances `at` past it (one byte, as U+FFFD, when the
/// bytes there are not well-formed UTF-8). Requires at < text.size().
inline char32_t next_code_point(std::string_view text, std::size_t& at) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char b = byte(at);
  if (b < 0x80) {
    ++at;
    return b;
  }
  // Three bytes (all of CJK and its punctuation) decoded straight; anything unusual about them
  // (truncated, a bad continuation byte, overlong, a surrogate) goes to the general path below.
  if (b >= 0xE0 && b < 0xF0 && text.size() - at >= 3) {
    unsigned char b1 = byte(at + 1), b2 = byte(at + 2);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      char32_t c = (static_cast<char32_t>(b & 0x0F) << 12) |
                   (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        at += 3;
        return c;
      }
    }
  }
  std::size_t n = b >= 0xF0 && b < 0xF5   ? 4
                  : b >= 0xE0 && b < 0xF0 ? 3
                  : b >= 0xC2 && b < 0xE0 ? 2
                                          : 0;
  if (n == 0 || n > text.size() - at) {
    ++at;
    return 0xFFFD;
  }
  char32_t c = n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(at + k) & 0xC0) != 0x80) {
      ++at;
      return 0xFFFD;
    }
    c = (c << 6) | (byte(at + k) & 0x3F);
  }
  if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
      (c >= 0xD800 && c <= 0xDFFF)) {
    ++at;
    return 0xFFFD;
  }
  at += n;
  return c;
}

/// The code point that ends just before text[end]; moves `end` back to its first byte (one
/// byte, as U+FFFD, when the bytes there are not well-formed UTF-8). Requires end > 0.
inline char32_t previous_code_point(std::string_view text, std::size_t& end) {
  std::size_t start = end - 1;
  std::size_t limit = end >= 4 ? end - 4 : 0;
  while (start > limit && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  std::size_t at = start;
  char32_t c = next_code_point(text, at);
  if (at != end) {
    end -= 1;
    return 0xFFFD;
  }
  end = start;
  return c;
}

/// Number of code points: the bytes that are not continuation bytes (so on malformed input a
/// stray continuation byte counts none; a length check, not a decoder).
inline std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (char ch : text) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

/// Whether `c` is a CJK Unified Ideograph U+4E00..U+9FFF: most characters of Chinese text.
inline bool is_unified_ideograph(char32_t c) { return c - 0x4E00u <= 0x9FFFu - 0x4E00u; }

/// Whether the 3 bytes at `s` are one CJK Unified Ideograph U+4E00..U+9FFF: E4 B8..BF xx or
/// E5..E9 xx xx with continuation bytes xx (well-formed by their bytes alone: never overlong,
/// never a surrogate).
inline bool is_unified_ideograph(const unsigned char* s) {
  unsigned lead = s[0], second = s[1], third = s[2];
  // Lead and second byte read as one number lie in E4B8..E9BF, and the second and third are
  // continuation bytes (so the second is at most BF after E4 .. E8 too).
  return ((lead << 8 | second) - 0xE4B8u <= 0xE9BFu - 0xE4B8u) &
         (((second | third << 8) & 0xC0C0u) == 0x8080u);
}

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_UTF8_H_
