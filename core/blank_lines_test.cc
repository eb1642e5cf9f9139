#include "core/blank_lines.h"

#include <catch2/catch.hpp>
#include <utility>
#include <vector>

namespace hantidy {
namespace {

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

// The ranges for_each_blank_line_space visits.
Ranges blank_line_space(std::string_view text, std::size_t from, std::size_t to) {
  Ranges ranges;
  for_each_blank_line_space(
      text, from, to, [&](std::size_t begin, std::size_t end) { ranges.emplace_back(begin, end); });
  return ranges;
}

TEST_CASE("blank_line_space: the white space of lines holding nothing else", "[blank_lines]") {
  // "段一\n  \n\t　\n\n段二": the lines "  " (bytes 7-9) and "\t　" (10-14); the empty line has
  // none.
  std::string text = "段一\n  \n\t　\n\n段二";
  CHECK(blank_line_space(text, 6, 16) == Ranges{{7, 9}, {10, 14}});
  // A line counts only when it lies wholly inside the range.
  CHECK(blank_line_space(text, 8, 16) == Ranges{{10, 14}});
  CHECK(blank_line_space(text, 6, 12) == Ranges{{7, 9}});
  // The last line of the text ends at its end.
  CHECK(blank_line_space("段\n   ", 3, 7) == Ranges{{4, 7}});
  // Text on a line, indentation, a non-breaking space: not blank lines.
  CHECK(blank_line_space("段\n  x\n\xC2\xA0\n", 0, 11).empty());
  CHECK(blank_line_space(" \n", 0, 2) == Ranges{{0, 1}});
}

TEST_CASE("blank_line_space: hostile input", "[blank_lines]") {
  CHECK(blank_line_space("", 0, 0).empty());
  CHECK(blank_line_space("abc", 5, 9).empty());  // a range past the end
  std::string nul("\0 \n \n", 5);
  CHECK(blank_line_space(nul, 0, nul.size()) == Ranges{{3, 4}});
  std::string lines;
  for (int i = 0; i < 100000; ++i) lines += " \n";
  CHECK(blank_line_space(lines, 0, lines.size()).size() == 100000);
  // A lone E3 byte at the end is not U+3000.
  CHECK(blank_line_space("\n\xE3", 0, 2).empty());
}

}  // namespace
}  // namespace hantidy
