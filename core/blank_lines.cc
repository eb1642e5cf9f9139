#include "core/blank_lines.h"

namespace hantidy {
std::vector<std::pair<std::size_t, std::size_t>> blank_line_space(std::string_view text,
                                                                  std::size_t from,
                                                                  std::size_t to) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  for_each_blank_line_space(
      text, from, to, [&](std::size_t begin, std::size_t end) { ranges.emplace_back(begin, end); });
  return ranges;
}

bool blank_lines_trimmed(const Document& doc) {
  auto it = doc.meta.find(kBlankLinesKey);
  return it != doc.meta.end() && it->second == kBlankLinesTrimmed;
}

}  // namespace hantidy
