#include "cli/options.h"

#include <boost/program_options.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/pipeline.h"
#include "core/tables.h"
#include "formats/tei_context.h"

namespace po = boost::program_options;

namespace hantidy {
namespace {

// The options a config file may set: everything but the modes that print and exit.
po::options_description settable(Options& o) {
  po::options_description d("Options");
  // clang-format off
  d.add_options()
    ("from,f", po::value(&o.from)->value_name("FORMAT"), "input format (see --list-readers; default: text)")
    ("to,t", po::value(&o.to)->value_name("FORMAT"), "output format (see --list-writers; default: text)")
    ("output,o", po::value(&o.output)->value_name("FILE"), "write to FILE instead of standard output")
    ("filters,F", po::value(&o.filters)->value_name("SPEC"), "filter chain, e.g. 'trim; punct(quotes=corner)'; '' runs none")
    ("unit", po::value(&o.unit)->value_name("UNIT"), "jsonl records: block (default; document with --from jsonl), turn (one per speech turn) or document")
    ("speaker-lexicon", po::value(&o.speaker_lexicon)->value_name("FILE"), "extra office titles (one per line) for finding speaker labels; sets structure(lexicon=FILE)")
    ("convert,c", po::value(&o.convert)->value_name("NAME"), "convert the script with OpenCC config NAME (s2t, t2s, s2twp, tw2sp, s2hk, ...): inserts script(config=NAME) before punct/structure")
    ("encoding", po::value(&o.read.encoding)->value_name("NAME"), "input encoding: utf-8 (default), auto, or an ICU name (GB18030, Big5, UTF-16LE, ...)")
    ("on-invalid", po::value(&o.read.on_invalid)->value_name("MODE"), "invalid input: fail (default), replace bad bytes with U+FFFD, or skip bad JSON records (--from jsonl)")
    ("jobs,j", po::value(&o.jobs)->value_name("N"), "process N records (--from jsonl) or N files at once (default: one per core); output order is kept")
    ("text-field", po::value(&o.text_field)->value_name("NAME"), "--from jsonl: the field that holds the text (default: text)")
    ("id-field", po::value(&o.id_field)->value_name("NAME"), "--from jsonl: the field that holds the record id (default: id)")
    ("annotate", po::bool_switch(&o.annotate), "--from jsonl --to jsonl: add a 'hantidy' object (changes per filter, script, lang) to each record")
    ("quiet,q", po::bool_switch(&o.quiet), "print no warnings")
    ("verbose,v", po::bool_switch(&o.verbose), "also print notes")
    ("fail-on-warnings", po::bool_switch(&o.fail_on_warnings), "exit with 3 when there were warnings")
    ("trace", po::bool_switch(&o.trace), "write the document as jsonl to standard error after each filter")
    ("check", po::bool_switch(&o.check), "print each change as FILE:LINE:COL: FILTER/RULE: 'old' → 'new' instead of the output; exit 1 if there is any")
    ("diff", po::bool_switch(&o.diff), "print a unified diff of input and output instead of the output; exit 1 if they differ")
    ("stats", po::value(&o.stats)->implicit_value("text")->value_name("FORMAT"), "count changes per filter and rule on standard error (text, or json with --stats=json)")
    ("tei-publisher", po::value(&o.tei_publisher)->value_name("NAME"), "tei: publisher in publicationStmt (default: Unpublished)")
    ("tei-date", po::value(&o.tei_date)->value_name("DATE"), "tei: publication and revision date, YYYY[-MM[-DD]] (default: today, or SOURCE_DATE_EPOCH)")
    ("tei-changes", po::bool_switch(&o.tei_changes), "tei: write every change in place as choice/orig/reg or choice/sic/corr")
    ("tei-lines", po::bool_switch(&o.tei_lines), "tei: mark source line breaks and repaired line joins with <lb break=\"no\"/>")
    ("verify", po::bool_switch(&o.verify), "check that every non-space input character is still accounted for; a loss is an error (exit 1)");
  // clang-format on
  return d;
}

po::options_description command_line_only(Options& o, std::string& config) {
  po::options_description d("Information");
  // clang-format off
  d.add_options()
    ("config", po::value(&config)->value_name("FILE"), "read options from FILE (lines 'name = value', same names as the long options)")
    ("detect-script", po::bool_switch(&o.detect_script), "print whether each input is Simplified, Traditional, mixed or neither, with the evidence")
    ("list-readers", po::bool_switch(&o.list_readers), "list input formats")
    ("list-filters", po::bool_switch(&o.list_filters), "list filters and show the default chain")
    ("list-writers", po::bool_switch(&o.list_writers), "list output formats")
    ("help,h", po::bool_switch(&o.help), "show this help")
    ("version", po::bool_switch(&o.version), "show the version");
  // clang-format on
  return d;
}

// Gives every `filter` in the chain `key=value` unless it already has that key.
std::string add_filter_option(const std::string& chain, std::string_view filter,
                              std::string_view key, const std::string& value) {
  if (value.find_first_of(",;()") != std::string::npos) {
    throw Error(ErrorKind::kUsage,
                "'" + value + "': a file name given to a filter may not hold , ; ( )");
  }
  std::string out;
  bool found = false;
  for (const FilterSpec& spec : parse_chain(chain)) {
    if (!out.empty()) out += "; ";
    if (spec.name != filter || spec.args.has(key)) {
      out += spec.text;
      found = found || spec.name == filter;
      continue;
    }
    found = true;
    out += spec.name + "(" + std::string(key) + "=" + value;
    for (const auto& [k, v] : spec.args.values()) out += ", " + k + (v.empty() ? "" : "=" + v);
    out += ")";
  }
  if (!found) {
    throw Error(ErrorKind::kUsage,
                "--speaker-lexicon needs the " + std::string(filter) + " filter in the chain");
  }
  return out;
}

}  // namespace

Options parse_options(const std::vector<std::string>& args) {
  Options o;
  std::string config;
  po::options_description config_file_options = settable(o);
  po::options_description all;
  all.add(config_file_options).add(command_line_only(o, config));
  po::options_description hidden;
  hidden.add_options()("input", po::value(&o.inputs));
  all.add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    // A bare --stats must not swallow the next argument (a file name) as its value.
    std::vector<std::string> argv = args;
    for (std::string& a : argv) {
      if (a == "--stats") a = "--stats=text";
    }
    po::store(po::command_line_parser(argv).options(all).positional(positional).run(), vm);
    if (vm.count("config")) {
      std::string file = vm["config"].as<std::string>();
      std::ifstream in(file);
      // A directory opens as a stream on Linux and reads as empty: refuse it like a missing file.
      std::error_code ec;
      if (!in || std::filesystem::is_directory(file, ec)) {
        throw Error(ErrorKind::kUsage, "cannot read config file '" + file + "'");
      }
      // Stored second, so options given on the command line win.
      po::store(po::parse_config_file(in, config_file_options), vm);
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw Error(ErrorKind::kUsage, e.what());
  }
  o.filters_given = vm.count("filters") > 0;
  o.unit_given = vm.count("unit") > 0;
  if (!o.filters_given) o.filters = std::string(kDefaultChain);
  if (o.unit != "block" && o.unit != "turn" && o.unit != "document") {
    throw Error(ErrorKind::kUsage,
                "bad value '" + o.unit + "' for --unit (block, turn or document)");
  }
  if (!o.speaker_lexicon.empty()) {
    o.filters = add_filter_option(o.filters, "structure", "lexicon", o.speaker_lexicon);
  }
  if (!o.convert.empty()) o.filters = insert_script(o.filters, o.convert);
  o.read.hash = o.to == "tei";
  if (o.read.on_invalid != "fail" && o.read.on_invalid != "replace" &&
      o.read.on_invalid != "skip") {
    throw Error(ErrorKind::kUsage,
                "bad value '" + o.read.on_invalid + "' for --on-invalid (fail, replace or skip)");
  }
  if (o.read.on_invalid == "skip" && o.from != "jsonl") {
    throw Error(ErrorKind::kUsage, "--on-invalid=skip skips JSON records: it needs --from jsonl");
  }
  if (o.text_field.empty() || o.id_field.empty()) {
    throw Error(ErrorKind::kUsage, "--text-field and --id-field need a name");
  }
  if (!o.stats.empty() && o.stats != "text" && o.stats != "json") {
    throw Error(ErrorKind::kUsage, "bad value '" + o.stats + "' for --stats (text or json)");
  }
  if (!o.tei_date.empty() && !is_tei_date(o.tei_date)) {
    throw Error(ErrorKind::kUsage,
                "bad value '" + o.tei_date + "' for --tei-date (YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  return o;
}

std::string insert_script(std::string_view chain, std::string_view config) {
  bool plain = !config.empty();
  for (char c : config) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  if (!plain) {
    throw Error(ErrorKind::kUsage, "bad value '" + std::string(config) +
                                       "' for --convert (an OpenCC config name such as s2t)");
  }
  std::vector<FilterSpec> specs = parse_chain(chain);
  std::string script = "script(config=" + std::string(config) + ")";
  std::size_t at = specs.size();
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].name == "punct" || specs[i].name == "structure") {
      at = i;
      break;
    }
  }
  std::string out;
  for (std::size_t i = 0; i <= specs.size(); ++i) {
    if (i == at) out += (out.empty() ? "" : "; ") + script;
    if (i < specs.size()) out += (out.empty() ? "" : "; ") + specs[i].text;
  }
  return out;
}

std::string help_text() {
  Options o;
  std::string config;
  std::ostringstream out;
  out << "Usage: hantidy [OPTIONS] [FILE...]\n"
         "Clean and structure Chinese text: repair lines and pages, normalize characters and\n"
         "punctuation, find speakers, and write text, JSONL or TEI.\n"
         "Reads standard input when no FILE is given or FILE is '-'.\n\n"
      << settable(o) << '\n'
      << command_line_only(o, config) << '\n'
      << "Default filter chain: " << kDefaultChain << "\n";
  // The filter list comes from the table, so --help cannot drift from the code.
  out << "Filters (--list-filters; details in hantidy(1)):\n";
  for (const FilterInfo& f : filters()) out << "  " << f.name << "  " << f.summary << '\n';
  out << '\n'
      << "Exit status: 0 ok, 1 input or I/O error, 2 usage error,\n"
         "3 warnings with --fail-on-warnings. See hantidy(1).\n";
  return out.str();
}

}  // namespace hantidy
