// unicode: character-level cleanup of PDF and OCR artefacts (filter name "unicode").
#ifndef HANTIDY_NORMALIZE_UNICODE_CLEANUP_H_
#define HANTIDY_NORMALIZE_UNICODE_CLEANUP_H_

#include <memory>

#include "core/filter.h"

namespace hantidy {

/// Puts characters back to what the author typed before a PDF font or an OCR engine got in the
/// way, so that later filters (line repair, punctuation, structure) compare like with like:
/// NFC; Kangxi radicals, CJK radical look-alikes and compatibility ideographs folded to the
/// unified ideograph through ICU's normalization data (never a hand table); the PDF private-use
/// em-dash piece U+F8E7 mapped, other private-use characters kept and reported; zero-width and
/// control characters removed (tab kept); full-width ASCII letters and digits made half-width;
/// spaces between CJK characters (and between CJK and punctuation) removed unless the line is a
/// short title or a `ROLE NAME` label. Repeated identical punctuation is reported, not changed.
class UnicodeCleanupFilter : public Filter {
 public:
  void apply(Document& doc, Diagnostics& diag) const override;
};

std::unique_ptr<Filter> make_unicode_filter(const FilterArgs& args);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_UNICODE_CLEANUP_H_
