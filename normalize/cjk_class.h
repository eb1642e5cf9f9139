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
};

/// The class bits of `cp`. BMP code points come from a table computed once from ICU (so the
/// hot loop makes no ICU call); others ask ICU directly.
std::uint8_t char_bits(char32_t cp);

/// Decodes the code point at text[at]; sets `len` to its byte length (1 for a stray byte, which
/// decodes to U+FFFD so that malformed input never stops the scan).
char32_t decode_at(std::string_view text, std::size_t at, std::size_t& len);

/// Decodes the code point that ends just before text[end]; sets `begin` to where it starts.
char32_t decode_before(std::string_view text, std::size_t end, std::size_t& begin);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_CJK_CLASS_H_
