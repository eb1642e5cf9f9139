// The command line, parsed into one Options value (no global CLI state).
#ifndef HANTIDY_CLI_OPTIONS_H_
#define HANTIDY_CLI_OPTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/reader.h"

namespace hantidy {

struct Options {
  std::vector<std::string> inputs;  ///< files; empty or "-" means standard input
  std::string from = "text";
  std::string to = "text";
  std::string output;  ///< empty or "-" means standard output
  std::string filters;
  std::string unit = "block";   ///< jsonl record unit: block, turn or document
  std::string speaker_lexicon;  ///< extra office titles for the structure filter
  bool filters_given = false;   ///< --filters was given (even empty: the identity chain)
  std::string convert;          ///< --convert NAME: OpenCC config inserted as script(config=NAME)
  bool detect_script = false;   ///< --detect-script: print each input's script, convert nothing
  ReadOptions read;
  // TEI writer options (copied into WriteOptions).
  std::string tei_publisher;
  std::string tei_date;
  bool tei_changes = false;
  bool tei_lines = false;
  bool unit_given = false;          ///< --unit was given (corpus mode's default unit is document)
  std::size_t jobs = 0;             ///< -j; 0: one per core
  std::string text_field = "text";  ///< corpus mode: the field that holds the text
  std::string id_field = "id";      ///< corpus mode: the field that holds the record id
  bool annotate = false;            ///< corpus mode: add a "hantidy" object to each record
  bool quiet = false;
  bool verbose = false;
  bool fail_on_warnings = false;
  bool trace = false;
  bool check = false;   ///< --check: list changes instead of output, exit 1 when there are any
  bool diff = false;    ///< --diff: a unified diff of input and output instead of output
  std::string stats;    ///< --stats: "" (off), "text" or "json"; written to standard error
  bool verify = false;  ///< check that no input character was lost (core/verify.h)
  bool help = false;
  bool version = false;
  bool list_readers = false;
  bool list_filters = false;
  bool list_writers = false;
};

/// Parses `args` (without the program name), reading --config files too. Throws Error{kUsage}
/// on any problem, with a message that names the option.
Options parse_options(const std::vector<std::string>& args);

/// `chain` with `script(config=NAME)` inserted before punct (so that punct can follow the
/// target's quote style) or else before structure, or appended when neither is there.
std::string insert_script(std::string_view chain, std::string_view config);

/// The --help text.
std::string help_text();

}  // namespace hantidy

#endif  // HANTIDY_CLI_OPTIONS_H_
