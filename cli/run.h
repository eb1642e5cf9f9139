// The hantidy program as a function, so tests run it in-process with string streams.
#ifndef HANTIDY_CLI_RUN_H_
#define HANTIDY_CLI_RUN_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace hantidy {

/// Exit codes (documented in man/hantidy.1, EXIT STATUS).
enum ExitCode : int {
  kExitOk = 0,
  kExitInputError = 1,
  kExitUsage = 2,
  kExitWarnings = 3,
};

/// Runs hantidy with `args` (without the program name). Standard input is `in`; output goes to
/// `out` unless -o is given; messages go to `err`. Never throws; returns the exit code.
int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
            std::ostream& err);

}  // namespace hantidy

#endif  // HANTIDY_CLI_RUN_H_
