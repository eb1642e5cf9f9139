// office_lexicon: the titles of office that make a line a speaker label (主任, 議員, 局長, ...).
#ifndef HANTIDY_NORMALIZE_OFFICE_LEXICON_H_
#define HANTIDY_NORMALIZE_OFFICE_LEXICON_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hantidy {

/// A set of office titles, in simplified and traditional forms. Speaker labels are recognised by
/// shape plus an office ("北京市卫生健康委主任 于鲁明", "鄧家彪議員：", "陳委員清寶："), never by a
/// list of people, so a user with other offices extends this list (--speaker-lexicon FILE)
/// instead of the code.
class OfficeLexicon {
 public:
  /// The built-in list: party, government, legislature and institution titles.
  static OfficeLexicon built_in();

  /// Adds the offices in `path`: one per line, '#' starts a comment, blank lines ignored.
  /// Throws Error{kIo} when the file cannot be read, Error{kUsage} when it holds no office.
  void load(const std::string& path);
  void add(std::string_view office);

  /// Byte length of the longest office `text` ends with; 0 when none.
  std::size_t suffix(std::string_view text) const;
  /// Byte length of the longest office that starts at `text`'s beginning; 0 when none.
  std::size_t prefix(std::string_view text) const;
  /// True when `text` is exactly an office (possibly with 代理/署理/副 before it).
  bool is_office(std::string_view text) const;

  std::size_t size() const { return offices_.size(); }

 private:
  /// True when `text` is exactly one of the offices.
  bool listed(std::string_view text) const;

  std::vector<std::string> offices_;  ///< longest first, so the first match is the longest
  /// For each byte value, the offices ending in that byte (indices into offices_, in its
  /// order): suffix() looks only at those that can match the text's last byte.
  std::array<std::vector<std::uint32_t>, 256> by_last_byte_;
};

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_OFFICE_LEXICON_H_
