// trim: removes white space at the end of lines and blocks.
#ifndef HANTIDY_NORMALIZE_TRIM_H_
#define HANTIDY_NORMALIZE_TRIM_H_

#include <memory>

#include "core/filter.h"

namespace hantidy {

/// Trailing spaces, tabs and U+3000 at the end of each line of a block carry no meaning in any
/// input we know (Word and PDF exports leave them), and they would hide a line's last character
/// from line repair. Leading white space is kept: indentation (　　) is paragraph evidence.
class TrimFilter : public Filter {
 public:
  void apply(Document& doc, Diagnostics& diag) const override;
};

std::unique_ptr<Filter> make_trim_filter(const FilterArgs& args);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_TRIM_H_
