// What --check, --diff and --stats print. Works for every filter: all of them record their
// changes in Document::changes, and these reports read only that and the texts.
#ifndef HANTIDY_CLI_REPORT_H_
#define HANTIDY_CLI_REPORT_H_

#include <cstddef>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"

namespace hantidy {

/// Writes one line per change, `FILE:LINE:COL: FILTER/RULE: 'ORIG' → 'NEW'`, with the position
/// of the change in its source (line and column counted in code points, like compilers and
/// editors). Newlines and tabs in the texts are shown as \n and \t. Annotations (block typing,
/// attribution) leave the text as it is and are not listed. Returns the number of lines.
std::size_t write_check(const Document& doc, std::ostream& out);

/// Writes a unified diff (`diff -u` format, 3 lines of context) of `before` against `after`,
/// with headers naming `name`. Writes nothing when the texts are equal; returns whether they
/// differed.
bool write_diff(std::string_view before, std::string_view after, std::string_view name,
                std::ostream& out);

/// Counts of changes per filter and rule, summed over documents.
class ChangeStats {
 public:
  void add(const Document& doc);
  /// Adds another tally (corpus mode counts per batch on the worker threads).
  void merge(const ChangeStats& other);
  std::size_t total() const { return total_; }
  /// "FILTER/RULE COUNT" lines, then "total COUNT".
  void write_text(std::ostream& out) const;
  /// {"total": N, "filters": {"punct": {"total": N, "rules": {"comma": N, ...}}, ...}}
  void write_json(std::ostream& out) const;

 private:
  std::map<Name, std::map<Name, std::size_t>> counts_;  // ordered by text
  std::size_t total_ = 0;
};

}  // namespace hantidy

#endif  // HANTIDY_CLI_REPORT_H_
