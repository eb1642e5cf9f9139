// The conservation check behind --verify: hantidy may retype, rewrite and regroup text, but it
// must never silently drop it. Every non-space character of the input has to be accounted for
// by the output document: in a block (content or furniture), in a recorded change (an Edit's
// orig, a ChangeRecord's orig) or in markup the reader consumed (attrs["markup"], e.g. "## ").
#ifndef HANTIDY_CORE_VERIFY_H_
#define HANTIDY_CORE_VERIFY_H_

#include <cstddef>
#include <optional>
#include <string>

#include "core/document.h"

namespace hantidy {

/// The first input character the document does not account for.
struct LostCharacter {
  std::size_t source = 0;  ///< index into Document::sources
  std::size_t offset = 0;  ///< byte offset in that source's text
  Position position;       ///< line and column of `offset`
  std::string character;   ///< the character, UTF-8
  std::string context;     ///< a few characters around it, newlines shown as "⏎"
};

/// True when every block's text (with its markup before it) is the exact source text at its
/// span, as the text reader promises. Only then can a document be checked against its sources
/// byte for byte; readers that decode syntax (JSON strings, XML entities) are checked from what
/// they produced onwards.
bool blocks_are_source_slices(const Document& doc);

/// Checks `doc` against its sources: walks each source's non-space characters in order and
/// returns the first that no block, markup or recorded change covers.
std::optional<LostCharacter> find_lost_in_sources(const Document& doc);

/// Checks that `after` (filters run) still accounts for every non-space character `before`
/// (the same document as the reader made it) held.
std::optional<LostCharacter> find_lost_since(const Document& before, const Document& after);

/// What --verify runs: the reader check (when blocks_are_source_slices(as_read)) and the filter
/// check. Throws Error{kInternal} "FILE:LINE:COL: ... not accounted for" on the first loss: a
/// loss is a bug in hantidy, never a property of the input.
void verify_conservation(const Document& as_read, const Document& result);

/// The message verify_conservation throws for `lost`; `stage` says who lost it.
std::string lost_message(const Document& doc, const LostCharacter& lost, std::string_view stage);

}  // namespace hantidy

#endif  // HANTIDY_CORE_VERIFY_H_
