// The one exception type of the library. Only main() turns it into an exit code.
#ifndef HANTIDY_CORE_ERROR_H_
#define HANTIDY_CORE_ERROR_H_

#include <stdexcept>
#include <string>

namespace hantidy {

enum class ErrorKind {
  kUsage,     ///< bad option, unknown reader/writer/filter, bad filter argument: exit 2
  kInput,     ///< unreadable or malformed input (invalid bytes, bad JSON): exit 1
  kIo,        ///< reading or writing failed (ENOSPC, EISDIR, ...): exit 1
  kInternal,  ///< a bug: exit 1 with a message asking for a report
};

/// Fatal problems. Recoverable ones go to Diagnostics instead.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace hantidy

#endif  // HANTIDY_CORE_ERROR_H_
