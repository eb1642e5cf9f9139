// structure: types blocks (title, headings, salutations, speaker labels, captions, notes), builds
// the table of persons, attributes every block of a statement to its speakers, and marks
// redaction placeholders.
#ifndef HANTIDY_NORMALIZE_STRUCTURE_H_
#define HANTIDY_NORMALIZE_STRUCTURE_H_

#include <memory>

#include "core/filter.h"
#include "normalize/office_lexicon.h"

namespace hantidy {

/// Runs last in the default chain: it reads the repaired, normalized text (punct has already made
/// ':' into '：'), so labels and headings are matched on one spelling; both are still accepted.
///
/// Options: `lexicon=FILE` adds office titles to the built-in list (set by --speaker-lexicon);
/// `redactions=false` leaves placeholders unmarked.
class StructureFilter : public Filter {
 public:
  StructureFilter(OfficeLexicon offices, bool redactions)
      : offices_(std::move(offices)), redactions_(redactions) {}
  void apply(Document& doc, Diagnostics& diag) const override;
  bool annotates_only() const override { return true; }

 private:
  OfficeLexicon offices_;
  bool redactions_;
};

std::unique_ptr<Filter> make_structure_filter(const FilterArgs& args);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_STRUCTURE_H_
