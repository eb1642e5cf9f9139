// speakers: recognising speaker labels and the people they name.
#ifndef HANTIDY_NORMALIZE_SPEAKERS_H_
#define HANTIDY_NORMALIZE_SPEAKERS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/office_lexicon.h"

namespace hantidy {

/// The label shapes we know; each names who speaks in a different convention.
enum class LabelShape {
  kRoleName,   ///< PRC magazine: "北京市卫生健康委主任 于鲁明" (one line per person)
  kNameTitle,  ///< Hong Kong: "鄧家彪議員："
  kSurnameTitleGiven,  ///< Taiwan: "陳委員清寶："
  kOffice,             ///< the office alone: "主席：", "財經事務及庫務局局長："
};

/// One person a label names. For an office-only label, name and role are both the office.
struct LabelPerson {
  std::string name;
  std::string role;
};

struct SpeakerLabel {
  LabelShape shape = LabelShape::kRoleName;
  std::vector<LabelPerson> people;
  /// Byte offset just after the label (after the colon for colon labels) in the parsed text.
  std::size_t end = 0;
  /// Byte offset where the label starts (after indentation and an item number such as "1. ").
  std::size_t begin = 0;
  /// True when statement text follows the colon in the same block ("主席：現在開會。").
  bool run_in = false;
};

/// True when `name` looks like a personal name: 2-4 Han characters starting with a known
/// surname, or Han parts joined by a middle dot ("艾麦尔江·吐尼牙孜").
bool is_person_name(std::string_view name);

/// A whole block of one to four "ROLE NAME" lines, the role ending in an office (a trailing
/// "（兼）" is allowed). The block may not hold anything else.
std::optional<SpeakerLabel> parse_role_name_label(std::string_view block,
                                                  const OfficeLexicon& offices);

/// A label at the start of `text` ending in a colon (： or :): "主席：", "鄧家彪議員：",
/// "陳委員清寶：（在台下）…", "1. 林健鋒議員：據報…". Lines such as "程序委員會意見：" or
/// "出席議員：" are not labels: the head must be an office, NAME+office, SURNAME+office+GIVEN,
/// or an organisation + office.
std::optional<SpeakerLabel> parse_colon_label(std::string_view text, const OfficeLexicon& offices);

namespace speakers_detail {

/// False only when no block ending so can be a ROLE NAME label: the last character past
/// trailing spaces and line breaks is not Han (every label line ends with a name).
bool may_be_role_name_label(std::string_view block);
/// The parse behind parse_role_name_label, without that shortcut (tests compare the two).
std::optional<SpeakerLabel> parse_role_name_lines(std::string_view block,
                                                  const OfficeLexicon& offices);

}  // namespace speakers_detail
}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_SPEAKERS_H_
