#include "normalize/bmp_table.h"

#include <catch2/catch.hpp>

#include "normalize/cjk_class.h"
#include "normalize/cjk_text.h"

namespace hantidy {
namespace {

// The tables fill kUniformBmpBlocks from their first code points; the astral functions ask ICU
// about any code point, so they give what asking about every one would have given.
TEST_CASE("bmp tables answer for every code point as asking ICU about it does", "[unicode]") {
  const std::uint8_t* punct_bits = bmp_char_bits();
  const std::uint8_t* repair_bits = cjk_text_detail::bmp_bits();
  std::size_t punct_differ = 0, repair_differ = 0;
  for (char32_t c = 0; c < 0x10000; ++c) {
    punct_differ += punct_bits[c] != astral_char_bits(c);
    repair_differ += repair_bits[c] != cjk_text_detail::astral_bits(c);
  }
  CHECK(punct_differ == 0);
  CHECK(repair_differ == 0);
}

TEST_CASE("uniform BMP blocks are found where they start and nowhere else", "[unicode]") {
  std::size_t starts = 0;
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (const CodePointRange* block = uniform_block_at(c)) {
      ++starts;
      CHECK(block->first == c);
      CHECK(block->last >= c);
      CHECK(block->last < 0x10000);
    }
  }
  CHECK(starts == kUniformBmpBlocks.size());
}

}  // namespace
}  // namespace hantidy
