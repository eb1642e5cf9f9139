#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <ostream>

namespace hantidy {

Progress::Progress(std::ostream& err, bool enabled)
    : err_(err), enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_) {}

Progress::~Progress() {
  if (drawn_) err_ << '\n' << std::flush;
}

void Progress::update(std::size_t records, std::size_t bytes) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  draw(records, bytes);
}

void Progress::finish(std::size_t records, std::size_t bytes) {
  if (!enabled_ || !drawn_) return;
  draw(records, bytes);
  err_ << '\n' << std::flush;
  drawn_ = false;
}

void Progress::draw(std::size_t records, std::size_t bytes) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double mb = static_cast<double>(bytes) / 1e6;
  char line[128];
  std::snprintf(line, sizeof line, "\rhantidy: %zu records, %.1f MB, %.1f MB/s ", records, mb,
                seconds > 0 ? mb / seconds : 0.0);
  err_ << line << std::flush;
  drawn_ = true;
}

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

}  // namespace hantidy
