#include "core/suggest.h"

#include <algorithm>
#include <numeric>

namespace hantidy {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string closest(std::string_view name, const std::vector<std::string_view>& candidates) {
  // ninja allows 3 edits; for short names that matches almost anything, so scale it.
  std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, name.size() / 3 + 1));
  std::string best;
  std::size_t best_distance = limit + 1;
  for (std::string_view c : candidates) {
    std::size_t d = edit_distance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

std::string unknown_name_message(std::string_view kind, std::string_view name,
                                 const std::vector<std::string_view>& candidates) {
  std::string message = "unknown " + std::string(kind) + " '" + std::string(name) + "'";
  std::string guess = closest(name, candidates);
  if (!guess.empty()) return message + ", did you mean '" + guess + "'?";
  message += " (known: ";
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (i) message += ", ";
    message += candidates[i];
  }
  return message + ")";
}

}  // namespace hantidy
