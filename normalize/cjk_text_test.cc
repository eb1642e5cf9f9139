#include "normalize/cjk_text.h"

#include <catch2/catch.hpp>

namespace hantidy {
namespace {

// The punctuation tests answer for the ideographs U+4E00–U+9FFF without their lists: on every
// code point they must give the lists' answer.
TEST_CASE("the punctuation tests' shortcut for ideographs gives the lists' answer", "[evidence]") {
  using namespace cjk_text_detail;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (is_terminal(c) != listed_terminal(c) || is_closing(c) != listed_closing(c) ||
        is_opening(c) != listed_opening(c) || is_no_line_start(c) != listed_no_line_start(c)) {
      INFO("U+" << std::hex << static_cast<unsigned>(c));
      REQUIRE(is_terminal(c) == listed_terminal(c));
      REQUIRE(is_closing(c) == listed_closing(c));
      REQUIRE(is_opening(c) == listed_opening(c));
      REQUIRE(is_no_line_start(c) == listed_no_line_start(c));
    }
  }
  CHECK(is_terminal(U'。'));
  CHECK(is_no_line_start(U'，'));
  CHECK_FALSE(is_no_line_start(U'中'));
}

}  // namespace
}  // namespace hantidy
