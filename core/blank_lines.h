// The white space of blank lines between blocks: readers leave it out of every block (a line of
// only spaces closes a paragraph), so no filter's rewrite can reach it. The trim filter logs it
// and marks the document; writers that lay the text out like its source (document_text) then
// leave it out, so a PDF dump's " \n" separators come out as empty lines.
#ifndef HANTIDY_CORE_BLANK_LINES_H_
#define HANTIDY_CORE_BLANK_LINES_H_

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "core/document.h"

namespace hantidy {

/// doc.meta key set by the trim filter: writers that copy what stands between blocks from the
/// source leave the white space of blank lines out.
inline constexpr std::string_view kBlankLinesKey = "blank-lines";
inline constexpr std::string_view kBlankLinesTrimmed = "trimmed";

/// Length of the white space (' ', '\t', U+3000) that ends text[0, end): what the trim filter
/// removes at the end of a line, and all of a blank line.
inline std::size_t trailing_space(std::string_view text, std::size_t end) {
  std::size_t at = end;
  while (at > 0) {
    if (text[at - 1] == ' ' || text[at - 1] == '\t') {
      --at;
    } else if (at >= 3 && text[at - 1] == '\x80' &&  // its last byte first: a cheap "no"
               text.substr(at - 3, 3) == "\xE3\x80\x80") {
      at -= 3;
    } else {
      break;
    }
  }
  return end - at;
}

/// Calls visit(begin, end) for each range of `text` inside [from, to) that is the white space
/// (' ', '\t', U+3000) of a line holding nothing else, in order. A line counts only when it lies
/// wholly inside [from, to): it starts at `from` when that is a line start, else after the first
/// '\n', and ends at a '\n' or at the end of `text`. (A visitor, not a vector: the writer asks
/// about every gap between blocks.)
template <class Visit>
void for_each_blank_line_space(std::string_view text, std::size_t from, std::size_t to,
                               Visit&& visit) {
  to = std::min(to, text.size());
  std::size_t at = from;
  if (at > 0 && at <= to && text[at - 1] != '\n') {  // inside a line: start at the next one
    std::size_t newline = text.find('\n', at);
    if (newline == std::string_view::npos || newline >= to) return;
    at = newline + 1;
  }
  while (at < to) {
    std::size_t line_end = text.find('\n', at);
    if (line_end == std::string_view::npos) line_end = text.size();
    if (line_end > to) return;  // the line goes on past the range
    // text[at - 1] is '\n' or `at` is 0, so the white space cannot reach back past the line.
    if (line_end > at && trailing_space(text, line_end) == line_end - at) visit(at, line_end);
    at = line_end + 1;
  }
}

/// Whether a filter asked writers to leave out the white space of blank lines (see above).
bool blank_lines_trimmed(const Document& doc);

}  // namespace hantidy

#endif  // HANTIDY_CORE_BLANK_LINES_H_
