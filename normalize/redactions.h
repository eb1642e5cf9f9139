// redactions: placeholders such as "XX主任", "xxxx年", "××市" that stand for removed text.
#ifndef HANTIDY_NORMALIZE_REDACTIONS_H_
#define HANTIDY_NORMALIZE_REDACTIONS_H_

#include <string_view>
#include <vector>

#include "core/document.h"

namespace hantidy {

/// Ranges of `text` that are redaction placeholders: runs of X, x, Ｘ, ｘ or × next to Han text
/// and not next to Latin letters, so English words, roman numerals ("XIV") and "X光" (X-ray)
/// are left alone. Returned as Marks of kind "redaction", sorted.
std::vector<Mark> find_redactions(std::string_view text);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_REDACTIONS_H_
