// "did you mean" for unknown names (ninja's SpellcheckString).
#ifndef HANTIDY_CORE_SUGGEST_H_
#define HANTIDY_CORE_SUGGEST_H_

#include <string>
#include <string_view>
#include <vector>

namespace hantidy {

/// Levenshtein distance over bytes (names are ASCII).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `name` within a small distance, or "" when none is close.
std::string closest(std::string_view name, const std::vector<std::string_view>& candidates);

/// "unknown KIND 'NAME'" plus ", did you mean 'X'?" when one is close, else the list of known
/// names. Used for filters, readers, writers and filter options alike.
std::string unknown_name_message(std::string_view kind, std::string_view name,
                                 const std::vector<std::string_view>& candidates);

}  // namespace hantidy

#endif  // HANTIDY_CORE_SUGGEST_H_
