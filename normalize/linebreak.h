// linebreak: line and paragraph repair (hard wraps, one-paragraph-per-line files, paragraphs
// broken by page or column breaks, displaced fragments).
#ifndef HANTIDY_NORMALIZE_LINEBREAK_H_
#define HANTIDY_NORMALIZE_LINEBREAK_H_

#include <memory>

#include "core/filter.h"

namespace hantidy {

/// Decides, line by line, where paragraphs end, with the evidence a careful reader uses:
/// terminal punctuation (。！？…, closing quotes after them, ASCII .!? since punct runs later),
/// brackets and quotes still open, a line's width against the document's typical wrapped width,
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

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_LINEBREAK_H_
