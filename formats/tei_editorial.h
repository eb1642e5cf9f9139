// What the TEI header says about editing: which editorialDecl part each filter's changes belong
// to, and how each in-text change is encoded (<orig>/<reg> or <sic>/<corr>). One table, so the
// header and the body cannot disagree.
#ifndef HANTIDY_FORMATS_TEI_EDITORIAL_H_
#define HANTIDY_FORMATS_TEI_EDITORIAL_H_

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace hantidy {

/// The parts of TEI's editorialDecl that hantidy fills, in the order it writes them.
enum class Editorial {
  kCorrection,
  kNormalization,
  kPunctuation,
  kQuotation,
  kHyphenation,
  kSegmentation
};
inline constexpr std::array<Editorial, 6> kEditorialParts = {
    Editorial::kCorrection, Editorial::kNormalization, Editorial::kPunctuation,
    Editorial::kQuotation,  Editorial::kHyphenation,   Editorial::kSegmentation};

/// The part a filter belongs to as a whole (unknown filters: normalization).
Editorial filter_part(std::string_view filter);

/// The part one change belongs to: its filter's part, except that a change whose original holds
/// a line break is a line join (hyphenation), a punct rule about quotes is quotation, and a rule
/// whose name says "ocr" is correction.
Editorial change_part(std::string_view filter, std::string_view rule, std::string_view orig);

/// True when a change is a repair of a transcription error, written <sic>/<corr>; all other
/// changes are regularizations, written <orig>/<reg>.
bool is_correction(std::string_view filter, std::string_view rule, std::string_view orig);

/// Counts of changes by part, then filter, then rule.
struct EditorialCounts {
  using Rules = std::map<std::string, std::size_t, std::less<>>;
  using Filters = std::map<std::string, Rules, std::less<>>;
  std::map<Editorial, Filters> parts;
  /// All changes of one part.
  std::size_t total(Editorial part) const;
};

EditorialCounts count_changes(const std::deque<ChangeRecord>& changes);

/// "punct 12 (ascii-comma 8, ascii-colon 4); trim 3 (trailing-space 3)": the filters of one
/// part, biggest first, rules biggest first.
std::string describe_counts(const EditorialCounts::Filters& filters);

/// The filter name of a chain element as written ("punct(quotes=corner)" → "punct").
std::string_view spec_filter_name(std::string_view spec);

}  // namespace hantidy

#endif  // HANTIDY_FORMATS_TEI_EDITORIAL_H_
