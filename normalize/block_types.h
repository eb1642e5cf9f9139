// block_types: what a single block is by its own shape: a numbered heading, a salutation, a
// stage note, a title candidate. Context (labels, captions, turns) is the structure filter's.
#ifndef HANTIDY_NORMALIZE_BLOCK_TYPES_H_
#define HANTIDY_NORMALIZE_BLOCK_TYPES_H_

#include <cstddef>
#include <string_view>

namespace hantidy {

/// Every shape below is a single line of at most this many bytes (60 code points of 4 bytes):
/// a block whose text is not one such line is none of them.
inline constexpr std::size_t kMaxShapeLineBytes = 240;

/// The level of a numbered heading line: "一、…" 1, "（一）…" 2, "1.…"/"（1）…" 3; 0 when the
/// block is not one. A heading is one short line without sentence punctuation, so run-in
/// headings ("（一）坚持…工作。当前…") and list sentences ("一是…。") stay paragraphs.
int numbered_heading_level(std::string_view block);

/// Starts with a list item's marker: a numbering ("一、", "（一）", "1. ", "（1）") or a bullet
/// ("- ", "* ", "• "), after indentation. Such a block starts a unit of its own.
bool starts_with_item_marker(std::string_view text);

/// "同志们：", "各位代表：": one short line of address ending in a colon.
bool is_salutation(std::string_view block);

/// "(計時器響起 )", "（在席位上）": a short block wholly inside parentheses.
bool is_stage_note(std::string_view block);

/// The three above for a block whose one line is `line`: single_short_line(block,
/// kMaxShapeLineBytes), found once by a caller that asks all three (each takes lines only up to
/// its own length, as the block forms do).
int numbered_heading_level_of_line(std::string_view line);
bool is_salutation_line(std::string_view line);
bool is_stage_note_line(std::string_view line);

/// A short single line with no sentence punctuation and no numbering: "唯有改革 唯有奋斗".
bool is_title_like(std::string_view block);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_BLOCK_TYPES_H_
