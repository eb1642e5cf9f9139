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

/// The table of `compute` over U+0000..U+FFFF, built on first use (thread-safe: a function-local
/// static) and never changed. One table per `compute` function.
template <std::uint8_t (*compute)(char32_t)>
const std::uint8_t* bmp_table() {
  static const std::array<std::uint8_t, 0x10000> table = [] {
    std::array<std::uint8_t, 0x10000> bits{};
    for (char32_t c = 0; c < 0x10000; ++c) bits[c] = compute(c);
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
