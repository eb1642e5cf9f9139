// The filter interface and the filter table entry. Filters live in normalize/.
#ifndef HANTIDY_CORE_FILTER_H_
#define HANTIDY_CORE_FILTER_H_

#include <memory>
#include <string_view>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/filter_args.h"

namespace hantidy {

/// One normalization step. Filters are immutable after construction, so one instance may serve
/// many documents and threads (cf. ICU: "Transliterators are stateless"). All changes go through
/// Document::rewrite / log / join_blocks so they are counted and recorded.
class Filter {
 public:
  virtual ~Filter() = default;
  /// Rewrites `doc` in place. Recoverable problems go to `diag`; throws Error only when the
  /// document cannot be processed at all.
  virtual void apply(Document& doc, Diagnostics& diag) const = 0;

  /// True when apply() only annotates: it types blocks (never as furniture) and adds speakers,
  /// persons and marks, but changes no block's text, the blocks' number or their order. Corpus
  /// mode skips such filters when the records it writes back show nothing but the text.
  virtual bool annotates_only() const { return false; }
};

struct FilterInfo {
  std::string_view name;     ///< "punct"
  std::string_view summary;  ///< one line, shown by --list-filters
  /// Builds the filter; throws Error{kUsage} on bad arguments.
  std::unique_ptr<Filter> (*make)(const FilterArgs& args);
};

}  // namespace hantidy

#endif  // HANTIDY_CORE_FILTER_H_
