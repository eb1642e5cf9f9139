// Corpus mode (--from jsonl): records are streamed from the inputs, cleaned one by one on -j
// worker threads, and written in input order. Memory is bounded by a few batches of records,
// whatever the size of the input.
#ifndef HANTIDY_CLI_CORPUS_H_
#define HANTIDY_CLI_CORPUS_H_

#include <iosfwd>

#include "cli/options.h"

namespace hantidy {

/// Runs corpus mode and returns the exit code. Each input line is a record (blank lines are
/// skipped); inputs follow each other as one stream. An invalid record stops the run with
/// Error{kInput} after every record before it was written, unless --on-invalid=skip, which
/// reports it and goes on. `progress`: draw the progress line on `err`.
int run_corpus(const Options& options, std::istream& in, std::ostream& out, std::ostream& err,
               bool progress);

}  // namespace hantidy

#endif  // HANTIDY_CLI_CORPUS_H_
