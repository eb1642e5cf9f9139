// Character classes for punctuation context, derived from ICU properties (script, East Asian
// Width, alphabetic), never from hand-written code point ranges.
#ifndef HANTIDY_NORMALIZE_CJK_CLASS_H_
#define HANTIDY_NORMALIZE_CJK_CLASS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hantidy {

/// Bits of a code point's class. A code point may have several (an ideograph is kWide and
/// kIdeograph).
enum CharBits : std::uint8_t {
  /// East Asian Width W or F, not a space, not Hangul, not an emoji: the characters that make
  /// the text around them "Chinese" (ideographs, kana, full-width punctuation and forms).
  kWide = 1,
  /// Script Han, Hiragana, Katakana or Bopomofo: the characters CJK–Latin spacing is about.
  kIdeograph = 2,
  /// Alphabetic and not wide (Latin, Greek, Cyrillic letters...).
  kLetter = 4,
  /// A decimal digit that is not wide.
  kDigit = 8,
  /// Punctuation or a symbol (general category P* or S*), wide or not.
  kMark = 16,
};

/// The class bits of the BMP, one byte per code point, computed once from ICU (so the hot loop
/// makes no ICU call). Thread-safe to call; the table never changes.
const std::uint8_t* bmp_char_bits();

/// The class bits of a code point outside the BMP (asks ICU).
std::uint8_t astral_char_bits(char32_t cp);

/// The class bits of `cp`.
inline std::uint8_t char_bits(char32_t cp) {
  static const std::uint8_t* const table = bmp_char_bits();
  return cp < 0x10000 ? table[cp] : astral_char_bits(cp);
}

/// Decodes the code point at text[at]; sets `len` to its byte length (1 for a stray byte, which
/// decodes to U+FFFD so that malformed input never stops the scan).
inline char32_t decode_at(std::string_view text, std::size_t at, std::size_t& len) {
  auto b = static_cast<unsigned char>(text[at]);
  if (b < 0x80) {
    len = 1;
    return b;
  }
  std::size_t need = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 4;
  if (need == 4 || need >= text.size() - at) {
    len = 1;
    return 0xFFFD;
  }
  char32_t cp = b & (0x3F >> need);
  for (std::size_t k = 1; k <= need; ++k) {
    auto c = static_cast<unsigned char>(text[at + k]);
    if ((c & 0xC0) != 0x80) {
      len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  len = need + 1;
  return cp;
}

/// Decodes the code point that ends just before text[end]; sets `begin` to where it starts.
char32_t decode_before(std::string_view text, std::size_t end, std::size_t& begin);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_CJK_CLASS_H_
