// One byte of class bits per BMP code point, computed once from a function that asks ICU.
//
// Why a table: the filters ask for a character's class at almost every code point, and an ICU
// property lookup costs more than the rest of their work. cjk_text.h (the repair filters'
// classes) and cjk_class.h (punct's classes) keep different bits, so each builds its own table
// with this one builder.
#ifndef HANTIDY_NORMALIZE_BMP_TABLE_H_
#define HANTIDY_NORMALIZE_BMP_TABLE_H_

#include <array>
#include <cstdint>

namespace hantidy {

/// A range of code points [first, last].
struct CodePointRange {
  char32_t first;
  char32_t last;
};

/// Blocks of the BMP whose code points all have the same Unicode properties (script, East Asian
/// Width, general category, the binary properties, NFC quick check and boundaries): CJK
/// Extension A and the Unified Ideographs (both wholly assigned since Unicode 13), the Hangul
/// syllables, the surrogates and the private-use area. A table built from ICU properties asks
/// ICU about the first of each only: they are 70% of the BMP, and asking about every code point
/// cost more than scanning a few megabytes of text. cjk_class_test and unicode_cleanup_test
/// check every code point of them against ICU.
inline constexpr std::array<CodePointRange, 5> kUniformBmpBlocks = {
    {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0xD800, 0xDFFF}, {0xE000, 0xF8FF}}};

/// The uniform block that starts at `c`, or nullptr.
inline const CodePointRange* uniform_block_at(char32_t c) {
  for (const CodePointRange& block : kUniformBmpBlocks) {
    if (block.first == c) return &block;
  }
  return nullptr;
}

/// The table of `compute` over U+0000..U+FFFF, built on first use (thread-safe: a function-local
/// static) and never changed. One table per `compute` function, which must answer from the
/// properties kUniformBmpBlocks are uniform in.
template <std::uint8_t (*compute)(char32_t)>
const std::uint8_t* bmp_table() {
  static const std::array<std::uint8_t, 0x10000> table = [] {
    std::array<std::uint8_t, 0x10000> bits{};
    for (char32_t c = 0; c < 0x10000; ++c) {
      bits[c] = compute(c);
      if (const CodePointRange* block = uniform_block_at(c)) {
        for (; c < block->last; ++c) bits[c + 1] = bits[c];
      }
    }
    return bits;
  }();
  return table.data();
}

/// The class bits of `c`: read from the table `bmp()` returns (asked once) inside the BMP, from
/// `astral` (which asks ICU) outside it. cjk_text.h's and cjk_class.h's lookups are this one.
template <const std::uint8_t* (*bmp)(), std::uint8_t (*astral)(char32_t)>
inline std::uint8_t table_bits(char32_t c) {
  static const std::uint8_t* const table = bmp();
  return c < 0x10000 ? table[c] : astral(c);
}

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_BMP_TABLE_H_
