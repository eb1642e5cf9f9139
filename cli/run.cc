#include "cli/run.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/corpus.h"
#include "cli/options.h"
#include "cli/parallel.h"
#include "cli/progress.h"
#include "cli/report.h"
#include "converters/decode.h"
#include "core/error.h"
#include "core/pipeline.h"
#include "core/tables.h"
#include "core/verify.h"
#include "normalize/script.h"

#ifndef HANTIDY_VERSION
#define HANTIDY_VERSION "0.0.0"
#endif

namespace hantidy {
namespace {

constexpr std::string_view kStdinName = "<stdin>";

std::string read_stream(std::istream& in) {
  std::string data;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    data.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  return data;
}

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw Error(ErrorKind::kIo, path + ": is a directory");
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) throw Error(ErrorKind::kIo, path + ": " + std::strerror(errno));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(file, std::fclose);
  std::string data;
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) data.append(buffer, n);
  if (std::ferror(file)) throw Error(ErrorKind::kIo, path + ": " + std::strerror(errno));
  return data;
}

void print_table(std::ostream& out, std::string_view name, std::string_view summary) {
  out << name;
  for (std::size_t i = name.size(); i < 12; ++i) out << ' ';
  out << ' ' << summary << '\n';
}

std::string join_args(const std::vector<std::string>& args) {
  std::string line = "hantidy";
  for (const std::string& a : args) line += ' ' + a;
  return line;
}

// Standard output was closed or its reader went away (EBADF, EPIPE with SIGPIPE ignored): the
// run ends with exit 1 but without a message, like a filter killed by SIGPIPE.
struct OutputClosed {};

class Runner {
 public:
  Runner(const Options& options, std::istream& in, std::ostream& err, bool to_stdout)
      : options_(options), in_(in), err_(err), to_stdout_(to_stdout) {}

  int run(const std::vector<std::string>& args, std::ostream& out) {
    const ReaderInfo& reader_info = find_reader(options_.from);
    const WriterInfo& writer_info = find_writer(options_.to);
    Pipeline pipeline = Pipeline::build(options_.filters);
    WriteOptions write_options;
    write_options.unit = options_.unit;
    write_options.command = join_args(args);
    write_options.version = HANTIDY_VERSION;
    write_options.tei_publisher = options_.tei_publisher;
    write_options.tei_date = options_.tei_date;
    write_options.tei_changes = options_.tei_changes;
    write_options.tei_lines = options_.tei_lines;
    for (const FilterSpec& s : pipeline.specs()) write_options.filters.push_back(s.text);
    std::unique_ptr<Reader> reader = reader_info.make();
    std::unique_ptr<Writer> writer = writer_info.make(write_options);

    std::vector<std::string> inputs = options_.inputs;
    if (inputs.empty()) inputs.push_back("-");
    std::size_t jobs = options_.jobs == 0 ? default_jobs() : options_.jobs;
    // Several files and -j N: one file per thread, outputs in file order. --trace writes while
    // filters run, and --check, --diff and --stats gather over all files, so they keep to one
    // thread.
    bool serial = options_.trace || options_.check || options_.diff || !options_.stats.empty();
    if (jobs > 1 && inputs.size() > 1 && !serial) {
      return run_parallel(inputs, std::min(jobs, inputs.size()), write_options, out);
    }
    int status = kExitOk;
    for (const std::string& input : inputs) {
      Diagnostics diag;
      try {
        convert(input, *reader, pipeline, *writer, out, diag);
      } catch (const Error& e) {
        if (e.kind() == ErrorKind::kUsage) throw;
        err_ << "hantidy: " << e.what() << '\n';
        status = kExitInputError;
      }
      report(diag);
      check_output(out);
    }
    if (options_.stats == "json") stats_.write_json(err_);
    if (options_.stats == "text") stats_.write_text(err_);
    out.flush();
    check_output(out);
    if (status == kExitOk && changed_) return kExitInputError;  // --check, --diff: like diff(1)
    if (status == kExitOk && options_.fail_on_warnings && warnings_ > 0) return kExitWarnings;
    return status;
  }

 private:
  void check_output(const std::ostream& out) const {
    if (out) return;
    int error = errno;
    if (to_stdout_ && (error == EBADF || error == EPIPE)) throw OutputClosed{};
    throw Error(ErrorKind::kIo, "error writing output: " + std::string(std::strerror(error)));
  }

  // One file, converted on a worker thread into a string of its own.
  class FileTask : public Task {
   public:
    FileTask(Runner& runner, std::string input, const std::vector<Pipeline>& pipelines,
             const std::vector<std::unique_ptr<Reader>>& readers,
             const std::vector<std::unique_ptr<Writer>>& writers)
        : runner_(runner),
          input_(std::move(input)),
          pipelines_(pipelines),
          readers_(readers),
          writers_(writers) {}
    void run(std::size_t worker) override {
      std::ostringstream out;
      try {
        runner_.convert(input_, *readers_[worker], pipelines_[worker], *writers_[worker], out,
                        diag_);
      } catch (const Error& e) {
        error_ = e;
      }
      output_ = out.str();
    }
    Runner& runner_;
    std::string input_;
    const std::vector<Pipeline>& pipelines_;
    const std::vector<std::unique_ptr<Reader>>& readers_;
    const std::vector<std::unique_ptr<Writer>>& writers_;
    Diagnostics diag_;
    std::string output_;
    std::optional<Error> error_;
  };

  // Whole files are in memory at once on each thread (plain text is not streamed), so at most
  // two files per thread are in flight.
  int run_parallel(const std::vector<std::string>& inputs, std::size_t threads,
                   const WriteOptions& write_options, std::ostream& out) {
    std::vector<Pipeline> pipelines;
    std::vector<std::unique_ptr<Reader>> readers;
    std::vector<std::unique_ptr<Writer>> writers;
    for (std::size_t i = 0; i < threads; ++i) {
      pipelines.push_back(Pipeline::build(options_.filters));
      readers.push_back(find_reader(options_.from).make());
      writers.push_back(find_writer(options_.to).make(write_options));
    }
    int status = kExitOk;
    OrderedPool pool(threads, 2 * threads, [&](Task& task) {
      auto& file = static_cast<FileTask&>(task);
      out.write(file.output_.data(), static_cast<std::streamsize>(file.output_.size()));
      if (file.error_) {
        if (file.error_->kind() == ErrorKind::kUsage) throw *file.error_;
        err_ << "hantidy: " << file.error_->what() << '\n';
        status = kExitInputError;
      }
      report(file.diag_);
      check_output(out);
    });
    for (const std::string& input : inputs) {
      pool.submit(std::make_unique<FileTask>(*this, input, pipelines, readers, writers));
    }
    pool.finish();
    out.flush();
    check_output(out);
    if (status == kExitOk && options_.fail_on_warnings && warnings_ > 0) return kExitWarnings;
    return status;
  }

  void convert(const std::string& input, const Reader& reader, const Pipeline& pipeline,
               const Writer& writer, std::ostream& out, Diagnostics& diag) {
    bool is_stdin = input == "-";
    std::string raw = is_stdin ? read_stream(in_) : read_file(input);
    Document doc;
    doc.sources.push_back(
        decode_source(raw, is_stdin ? std::string(kStdinName) : input, options_.read, diag));
    raw.clear();
    raw.shrink_to_fit();
    reader.read(doc.sources.size() - 1, doc, diag);
    if (options_.detect_script) {
      ScriptEvidence e = script_evidence(doc);
      out << doc.sources.back().name << ": " << script_class_name(classify_script(e))
          << " (simplified-only " << e.simplified << ", traditional-only " << e.traditional
          << ")\n";
      return;
    }
    std::optional<Document> as_read;
    if (options_.verify) as_read = doc;
    Pipeline::Observer trace;
    std::unique_ptr<Writer> trace_writer;
    if (options_.trace) {
      trace_writer = find_writer("jsonl").make({});
      trace = [&](const FilterSpec& spec, const Document& d) {
        err_ << "# after " << spec.text << '\n';
        trace_writer->write(d, err_, diag);
      };
    }
    pipeline.run(doc, diag, trace);
    if (as_read) verify_conservation(*as_read, doc);
    stats_.add(doc);
    if (options_.check && write_check(doc, out) > 0) changed_ = true;
    if (options_.diff) {
      std::ostringstream rendered;
      writer.write(doc, rendered, diag);
      const Source& source = doc.sources.back();
      if (write_diff(source.text, rendered.str(), source.name, out)) changed_ = true;
    }
    if (!options_.check && !options_.diff) writer.write(doc, out, diag);
  }

  void report(const Diagnostics& diag) {
    warnings_ += diag.warnings();
    if (options_.quiet) return;
    for (const Diagnostic& d : diag.all()) {
      if (d.severity == Severity::kInfo && !options_.verbose) continue;
      err_ << "hantidy: " << format_diagnostic(d) << '\n';
    }
  }

  const Options& options_;
  std::istream& in_;
  std::ostream& err_;
  bool to_stdout_;
  std::size_t warnings_ = 0;
  ChangeStats stats_;
  bool changed_ = false;  ///< --check or --diff found a change
};

}  // namespace

int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
            std::ostream& err) {
  try {
    Options options = parse_options(args);
    if (options.help) {
      out << help_text();
      return kExitOk;
    }
    if (options.version) {
      out << "hantidy " << HANTIDY_VERSION << '\n';
      return kExitOk;
    }
    if (options.list_readers || options.list_filters || options.list_writers) {
      for (const ReaderInfo& r : options.list_readers ? readers() : std::span<const ReaderInfo>{})
        print_table(out, r.name, r.summary);
      for (const FilterInfo& f : options.list_filters ? filters() : std::span<const FilterInfo>{})
        print_table(out, f.name, f.summary);
      if (options.list_filters) out << "\ndefault chain: " << kDefaultChain << '\n';
      for (const WriterInfo& w : options.list_writers ? writers() : std::span<const WriterInfo>{})
        print_table(out, w.name, w.summary);
      return kExitOk;
    }
    std::ofstream file;
    std::ostream* target = &out;
    if (!options.output.empty() && options.output != "-") {
      file.open(options.output, std::ios::binary);
      if (!file) {
        throw Error(ErrorKind::kIo, options.output + ": " + std::strerror(errno));
      }
      target = &file;
    }
    if (options.from == "jsonl") {
      // Corpus mode streams records instead of reading whole documents (cli/corpus.h).
      bool progress = !options.quiet && &err == &std::cerr && stderr_is_terminal();
      return run_corpus(options, in, *target, err, progress);
    }
    Runner runner(options, in, err, target == &out);
    return runner.run(args, *target);
  } catch (const Error& e) {
    err << "hantidy: " << e.what() << '\n';
    if (e.kind() == ErrorKind::kUsage) {
      err << "Try 'hantidy --help' for more information.\n";
      return kExitUsage;
    }
    return kExitInputError;
  } catch (const OutputClosed&) {
    return kExitInputError;
  } catch (const std::bad_alloc&) {
    err << "hantidy: out of memory\n";
    return kExitInputError;
  } catch (const std::exception& e) {
    err << "hantidy: internal error: " << e.what() << " (please report this)\n";
    return kExitInputError;
  }
}

}  // namespace hantidy
