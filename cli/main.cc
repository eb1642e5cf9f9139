// The hantidy program. Everything but stream setup lives in run_cli, so tests can run it.
#include <iostream>
#include <string>
#include <vector>

#include "cli/run.h"

int main(int argc, char** argv) {
  // SIGPIPE stays at its default: when the reader of our output goes away we stop quietly,
  // the traditional Unix filter behaviour (as ripgrep does).
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return hantidy::run_cli(args, std::cin, std::cout, std::cerr);
}
