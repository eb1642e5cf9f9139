// Character classes for punctuation context, derived from ICU properties (script, East Asian
// Width, alphabetic), never from hand-written code point ranges.
//
// Why not cjk_text.h's predicates: punct asks for a class at every code point, so the classes
// are bits in a BMP table built once (no ICU call in the loop), and they are the classes punct's
// rules are about, which deliberately differ: kIdeograph is Script Han, kana or Bopomofo (what
// CJK-Latin spacing is about, radicals included), where is_han is Han letters only (a Han
// ideograph, for the repair filters); kLetter/kDigit are any non-wide script, where
// structure_text.h's is_latin_letter/is_digit are ASCII and full-width Latin only.
#ifndef HANTIDY_NORMALIZE_CJK_CLASS_H_
#define HANTIDY_NORMALIZE_CJK_CLASS_H_

#include <cstddef>
#include <cstdint>

#include "normalize/bmp_table.h"

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
  return table_bits<bmp_char_bits, astral_char_bits>(cp);
}

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_CJK_CLASS_H_
