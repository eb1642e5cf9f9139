// The progress line of long runs: records, MB and MB/s on standard error, redrawn in place.
#ifndef HANTIDY_CLI_PROGRESS_H_
#define HANTIDY_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <iosfwd>

namespace hantidy {

class Progress {
 public:
  /// Shows nothing unless `enabled` (the CLI enables it when standard error is a terminal and
  /// -q is not given: a progress line in a log file is noise).
  Progress(std::ostream& err, bool enabled);
  /// Ends a line left open (a run stopped by an error), so the error message starts a line.
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  /// Redraws the line, at most a few times a second.
  void update(std::size_t records, std::size_t bytes);
  /// Draws the final figures and ends the line.
  void finish(std::size_t records, std::size_t bytes);

 private:
  void draw(std::size_t records, std::size_t bytes);

  std::ostream& err_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  bool drawn_ = false;
};

/// True when standard error is a terminal (isatty).
bool stderr_is_terminal();

}  // namespace hantidy

#endif  // HANTIDY_CLI_PROGRESS_H_
