// Where readers, filters and writers report problems they can recover from. They never print:
// the CLI decides how and whether to show them (ninja's Warning(), pandoc's LogMessage).
#ifndef HANTIDY_CORE_DIAGNOSTICS_H_
#define HANTIDY_CORE_DIAGNOSTICS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace hantidy {

enum class Severity { kInfo, kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string origin;    ///< who reported it: "text", "punct", ...
  std::string file;      ///< empty when not tied to an input
  std::size_t line = 0;  ///< 1-based; 0 when unknown
  std::size_t column = 0;
  std::string message;
};

/// Renders "FILE:LINE:COL: warning: MESSAGE [origin]" (parts omitted when unknown).
std::string format_diagnostic(const Diagnostic& d);

class Diagnostics {
 public:
  void report(Diagnostic d);
  /// Shorthands for the common cases.
  void warn(std::string origin, std::string file, std::size_t line, std::string message);
  void info(std::string origin, std::string file, std::size_t line, std::string message);

  const std::vector<Diagnostic>& all() const { return all_; }
  std::size_t warnings() const { return warnings_; }
  std::size_t errors() const { return errors_; }
  void clear();

 private:
  std::vector<Diagnostic> all_;
  std::size_t warnings_ = 0;
  std::size_t errors_ = 0;
};

}  // namespace hantidy

#endif  // HANTIDY_CORE_DIAGNOSTICS_H_
