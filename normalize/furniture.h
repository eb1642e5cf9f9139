// furniture: finds page numbers and running headers/footers and types them as furniture.
#ifndef HANTIDY_NORMALIZE_FURNITURE_H_
#define HANTIDY_NORMALIZE_FURNITURE_H_

#include <memory>
#include <string_view>

#include "core/filter.h"

namespace hantidy {

/// PDF dumps interleave layout with content: `— 3 —`, `第 3 页 共 10 页`, a bare `3237` after
/// `立法會 ─ 2013年 1月 10日`. Left in place they end up inside paragraphs. This filter moves each
/// such line into a block of its own typed kPageNumber, kRunningHeader or kRunningFooter (kept,
/// so nothing is lost, but not content), splitting the block it sat in. Evidence: the shape of a
/// page number, and for headers a short line that repeats next to page numbers or page breaks
/// (the first occurrence of a title that is also the running header stays content). Joining the
/// text around the furniture is left to linebreak, which has the paragraph evidence.
class FurnitureFilter : public Filter {
 public:
  void apply(Document& doc, Diagnostics& diag) const override;
};

std::unique_ptr<Filter> make_furniture_filter(const FilterArgs& args);

namespace furniture_detail {
enum class Shape { kNone, kBareNumber, kPageNumber };
/// The line's shape as a page number: "— 3 —", "- 12 -", "第3页", "第 3 页 共 10 页" (kPageNumber),
/// "3/10", "3" (kBareNumber). With `stop_early`, a character no shape holds ends the search at
/// once; without, the line is read to its end or its 25th visible character (furniture_test
/// compares the two).
Shape page_number_shape(std::string_view line, bool stop_early);
/// The last byte of `line` without its trailing white space (' ', '\t', U+3000, NBSP), found by
/// bytes; -1 when nothing is left. Two lines with the same header key (the line without white
/// space) have the same one, so it rules out most lines before their key is measured.
int last_key_byte(std::string_view line);
/// FurnitureFilter::apply. With `shortcuts`, a document with no line shaped like a page number
/// and no page break is left at once (nothing in it can be furniture), and the passes that only
/// concern page numbers and page boundaries visit only the lines near shapes and breaks; without,
/// every document and pass takes every line (furniture_test compares the two).
void find_furniture(Document& doc, bool shortcuts);
}  // namespace furniture_detail

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_FURNITURE_H_
