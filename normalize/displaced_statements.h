// displaced_statements: statement text printed before its speaker's label.
#ifndef HANTIDY_NORMALIZE_DISPLACED_STATEMENTS_H_
#define HANTIDY_NORMALIZE_DISPLACED_STATEMENTS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace hantidy {

/// The place names a role starts with, for matching statement text to its speaker:
/// "重庆市卫生健康委…" → full "重庆市", short "重庆"; "新疆维吾尔自治区…" → also the generic
/// "自治区" that the text may use alone ("新的一年，自治区卫生健康系统…").
struct RegionKeys {
  std::string full;
  std::string short_name;
  std::string generic;
};
RegionKeys region_keys(const std::string& role);

/// The opening words of a paragraph, where a statement names who it is about: its first
/// kOpeningCodePoints code points among its first 200 bytes, or the whole text when it has no
/// more than that there.
inline constexpr std::size_t kOpeningCodePoints = 24;
std::string_view opening(std::string_view text);

/// Magazine features sometimes print the first part of several statements on the opening pages,
/// before any label, and continue each after its label. Such text names its organisation in its
/// opening words ("2022年，重庆市卫生健康系统…"). Paragraphs before the first label that carry
/// no speakers are given, in reading order, to the labels (`labels`: block indexes of "ROLE
/// NAME" labels, in order) whose region they name; paragraphs before the first that names one
/// (the lead) stay unattributed, and a paragraph naming no region continues the statement before
/// it. Returns how many paragraphs were attributed.
std::size_t attribute_displaced(Document& doc, const std::vector<std::size_t>& labels);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_DISPLACED_STATEMENTS_H_
