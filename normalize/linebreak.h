// linebreak: line and paragraph repair (hard wraps, one-paragraph-per-line files, paragraphs
// broken by page or column breaks, displaced fragments).
#ifndef HANTIDY_NORMALIZE_LINEBREAK_H_
#define HANTIDY_NORMALIZE_LINEBREAK_H_

#include <cstddef>
#include <memory>
#include <vector>

#include "core/filter.h"

namespace hantidy {

/// Decides, line by line, where paragraphs end, with the evidence a careful reader uses:
/// terminal punctuation (。！？…, closing quotes after them, ASCII .!? since punct runs later),
/// brackets and quotes still open, a line's width against the document's typical wrapped width
/// (in a document of a few lines, its widest lines; a few columns of slack, since digits, Latin
/// and half-width punctuation make a PDF line end early),
/// indentation (　　), punctuation that cannot start a line, and ICU's dictionary word break (a
/// break inside a word like 创|新 is a wrap). Within a block, wrapped lines are joined (nothing
/// between CJK, a space between Latin words, hyphenated words rejoined) and complete paragraphs
/// are split into blocks of their own. Across blocks, a paragraph cut by a page break (only
/// furniture between) or by a blank line is joined when the evidence says it continues, and an
/// orphan continuation displaced after a heading or label rejoins its dangling paragraph
/// (pairing in order). Headings, labels and name-only captions are never glued to body text:
/// precision over recall.
class LinebreakFilter : public Filter {
 public:
  void apply(Document& doc, Diagnostics& diag) const override;
};

std::unique_ptr<Filter> make_linebreak_filter(const FilterArgs& args);

namespace linebreak_detail {

/// The lines of `lengths` that are near a full line `full` long: lengths w with
/// w * 100 >= full * low and w * 100 <= full * 110. Read off `counts` (lines per length, its
/// size above the longest) when it is not empty, in time linear in the range of lengths near,
/// else counted line by line (linebreak_test compares the two).
std::size_t lines_near(const std::vector<int>& lengths, const std::vector<std::size_t>& counts,
                       int full, int low);

}  // namespace linebreak_detail

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_LINEBREAK_H_
