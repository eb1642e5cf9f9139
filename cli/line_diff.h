// A line diff (Myers' O((N+M)D) algorithm), for --diff.
#ifndef HANTIDY_CLI_LINE_DIFF_H_
#define HANTIDY_CLI_LINE_DIFF_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace hantidy {

/// One step of an edit script: keep a[a_index] == b[b_index], delete a[a_index], or insert
/// b[b_index].
struct DiffOp {
  enum Kind : char { kKeep = ' ', kDelete = '-', kInsert = '+' };
  Kind kind;
  std::size_t a_index;
  std::size_t b_index;
};

/// A shortest edit script turning lines `a` into lines `b`. Common prefix and suffix are
/// stripped first; when the middle needs more than `max_cost` edits, the rest of the middle is
/// reported as deleted then inserted (still a correct diff, only not minimal) so that time and
/// memory stay bounded on huge, very different inputs.
std::vector<DiffOp> diff_lines(const std::vector<std::string_view>& a,
                               const std::vector<std::string_view>& b, std::size_t max_cost = 4000);

/// Splits `text` into lines without their '\n'; a final line without '\n' is a line too.
std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace hantidy

#endif  // HANTIDY_CLI_LINE_DIFF_H_
