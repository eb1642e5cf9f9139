// A filter chain: parsed from a spec string, run in the order written (no priorities, no sorting:
// what you read is what runs).
#ifndef HANTIDY_CORE_PIPELINE_H_
#define HANTIDY_CORE_PIPELINE_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/filter.h"
#include "core/filter_args.h"

namespace hantidy {

/// The chain `hantidy` runs when --filters is not given. Order and reasons: DESIGN.md.
extern const std::string_view kDefaultChain;

/// One element of a chain spec: `name` or `name(key=value, flag)`.
struct FilterSpec {
  std::string name;
  FilterArgs args;
  std::string text;  ///< as written, for --trace and provenance
};

/// Parses "a; b(k=v, flag); c". Empty (or blank) spec → empty chain. Throws Error{kUsage} on
/// syntax errors; names are not checked here.
std::vector<FilterSpec> parse_chain(std::string_view spec);

class Pipeline {
 public:
  /// Parses `spec` and builds every filter (unknown names and bad arguments throw kUsage).
  static Pipeline build(std::string_view spec);

  /// Called after each filter with its spec text, for --trace.
  using Observer = std::function<void(const FilterSpec&, const Document&)>;

  void run(Document& doc, Diagnostics& diag, const Observer& after_each = nullptr) const;

  /// Drops the filters at the end of the chain that only annotate (Filter::annotates_only), for
  /// an output that shows the text alone: the text comes out the same without them. One that a
  /// text-changing filter follows stays (linebreak reads the block types structure sets).
  /// Returns how many were dropped.
  std::size_t drop_trailing_annotating_filters();

  const std::vector<FilterSpec>& specs() const { return specs_; }
  bool empty() const { return filters_.empty(); }

 private:
  std::vector<FilterSpec> specs_;
  std::vector<std::unique_ptr<Filter>> filters_;
};

}  // namespace hantidy

#endif  // HANTIDY_CORE_PIPELINE_H_
