#include "cli/corpus.h"

#include <cerrno>
#include <cstring>
#include <optional>
#include <ostream>
#include <sstream>

#include "cli/line_reader.h"
#include "cli/parallel.h"
#include "cli/progress.h"
#include "cli/report.h"
#include "cli/run.h"
#include "converters/jsonl_record.h"
#include "core/error.h"
#include "core/pipeline.h"
#include "core/tables.h"
#include "formats/record_writer.h"

namespace hantidy {
namespace {

// A batch closes at this many bytes of input (or kBatchRecords records): large enough that
// handing batches between threads costs nothing next to cleaning them, small enough that
// 2 × jobs + 1 batches in flight stay far under the memory target.
constexpr std::size_t kBatchBytes = 128 * 1024;
constexpr std::size_t kBatchRecords = 512;
static_assert(LineReader::kPadding >= kRecordPadding);

// What every batch shares: the settings, and one pipeline and writer per worker (filters are
// immutable and thread-safe by contract, but one each costs little and rules out surprises).
struct Job {
  RecordFields fields;
  ReadOptions read;
  RecordWriteOptions record_options;
  bool jsonl = true;   // --to jsonl: records back; otherwise the writer renders each record
  bool stats = false;  // --stats: count changes per filter and rule
  // Whether documents keep their change log: --stats counts it, --annotate and the writers of
  // other formats read it; records written back as JSONL do not.
  bool log_changes = true;
  std::vector<Pipeline> pipelines;
  std::vector<std::unique_ptr<Writer>> writers;
};

class Batch : public Task {
 public:
  Batch(const Job& job, std::string file, std::size_t first_line)
      : job_(job), file_(std::move(file)), first_line_(first_line) {}

  // Lines stay in the reader's buffers (read once, never copied): the batch holds those buffers.
  void add_line(std::string_view line, const std::shared_ptr<const char[]>& buffer) {
    if (buffers_.empty() || buffers_.back() != buffer) buffers_.push_back(buffer);
    lines_.push_back(line);
    bytes_ += line.size() + 1;
  }
  std::size_t size() const { return lines_.size(); }
  std::size_t bytes() const { return bytes_; }

  void run(std::size_t worker) override {
    // The output is about as long as the input.
    output_.reserve(bytes_ + bytes_ / 8);
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      std::string_view line = lines_[i];
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      try {
        // The bytes after a line in the reader's buffer may be read: it is parsed in place.
        process(line, line.size() + LineReader::kPadding, first_line_ + i, worker);
        ++records_;
      } catch (const Error& e) {
        if (e.kind() != ErrorKind::kInput || job_.read.on_invalid != "skip") {
          error_ = e;
          break;
        }
        skip(e, first_line_ + i);
      }
    }
    // The input is done with: let go of it before the batch waits.
    std::vector<std::string_view>().swap(lines_);
    std::vector<std::shared_ptr<const char[]>>().swap(buffers_);
  }

  const std::string& output() const { return output_; }
  const Diagnostics& diag() const { return diag_; }
  const ChangeStats& stats() const { return stats_; }
  std::size_t records() const { return records_; }
  std::size_t skipped() const { return skipped_; }
  const std::optional<Error>& error() const { return error_; }

 private:
  void process(std::string_view line, std::size_t readable, std::size_t line_no,
               std::size_t worker) {
    // The last record's text buffer, kept for the next record on this thread: a record's text is
    // most of its bytes, and allocating room for it anew each time cost more than copying it.
    thread_local std::string spare_text;
    Record record = parse_record(line, file_, line_no, job_.fields, job_.read, diag_, readable,
                                 std::move(spare_text));
    Document doc = record_document(record, diag_);
    doc.log_changes = job_.log_changes;
    job_.pipelines[worker].run(doc, diag_);
    if (job_.stats) stats_.add(doc);
    if (job_.jsonl) {
      write_record(record, doc, job_.record_options, output_);
    } else {
      std::ostringstream text;
      job_.writers[worker]->write(doc, text, diag_);
      output_ += text.str();
    }
    spare_text = std::move(doc.sources.front().text);  // record_document made sources[0]
  }

  void skip(const Error& e, std::size_t line_no) {
    std::string message = e.what();
    std::string prefix = file_ + ":" + std::to_string(line_no) + ": ";
    if (message.starts_with(prefix)) message.erase(0, prefix.size());
    diag_.report({Severity::kWarning, "jsonl", file_, line_no, 0, message + "; record skipped"});
    ++skipped_;
  }

  const Job& job_;
  std::string file_;
  std::size_t first_line_;
  std::vector<std::shared_ptr<const char[]>> buffers_;
  std::vector<std::string_view> lines_;
  std::size_t bytes_ = 0;
  std::string output_;
  Diagnostics diag_;
  ChangeStats stats_;
  std::size_t records_ = 0;
  std::size_t skipped_ = 0;
  std::optional<Error> error_;
};

Job make_job(const Options& options, std::size_t workers) {
  Job job;
  job.fields = {options.text_field, options.id_field};
  job.read = options.read;
  job.record_options.fields = job.fields;
  job.record_options.unit = options.unit_given ? options.unit : "document";
  job.record_options.annotate = options.annotate;
  job.jsonl = options.to == "jsonl";
  job.stats = !options.stats.empty();
  job.log_changes = !job.jsonl || job.stats || job.record_options.annotate;
  // Records written back whole show only their text: block types, speakers and marks (what
  // structure finds, a tenth of the time on LegCo records) cannot reach the output unless a
  // later filter reads them. --stats counts them and -v prints structure's notes, so those keep
  // every filter.
  bool text_only = job.jsonl && job.record_options.unit == "document" &&
                   !job.record_options.annotate && !job.stats && !options.verbose;
  const WriterInfo& writer = find_writer(options.to);
  WriteOptions write_options;
  write_options.unit = job.record_options.unit;
  for (std::size_t i = 0; i < workers; ++i) {
    job.pipelines.push_back(Pipeline::build(options.filters));
    if (text_only) job.pipelines.back().drop_trailing_annotating_filters();
    job.writers.push_back(writer.make(write_options));
  }
  return job;
}

}  // namespace

int run_corpus(const Options& options, std::istream& in, std::ostream& out, std::ostream& err,
               bool progress) {
  // These compare or trace whole documents; a stream of records has none to show.
  for (auto [given, name] : {std::pair{options.check, "--check"},
                             {options.diff, "--diff"},
                             {options.trace, "--trace"},
                             {options.verify, "--verify"}}) {
    if (given) {
      throw Error(ErrorKind::kUsage,
                  std::string(name) + " works on documents, not with --from jsonl (corpus mode)");
    }
  }
  std::size_t jobs = options.jobs == 0 ? default_jobs() : options.jobs;
  // -j1 runs on this thread; -jN starts N workers and this thread only reads and writes.
  std::size_t threads = jobs == 1 ? 0 : jobs;
  Job job = make_job(options, threads == 0 ? 1 : threads);

  std::size_t records = 0, skipped = 0, warnings = 0, bytes = 0;
  ChangeStats stats;
  Progress meter(err, progress);
  auto done = [&](Task& task) {
    auto& batch = static_cast<Batch&>(task);
    out.write(batch.output().data(), static_cast<std::streamsize>(batch.output().size()));
    if (!out) {
      throw Error(ErrorKind::kIo, "error writing output: " + std::string(std::strerror(errno)));
    }
    warnings += batch.diag().warnings();
    if (!options.quiet) {
      for (const Diagnostic& d : batch.diag().all()) {
        if (d.severity == Severity::kInfo && !options.verbose) continue;
        err << "hantidy: " << format_diagnostic(d) << '\n';
      }
    }
    records += batch.records();
    skipped += batch.skipped();
    stats.merge(batch.stats());
    meter.update(records, bytes);
    if (batch.error()) throw *batch.error();
  };
  OrderedPool pool(threads, 2 * jobs + 1, done);

  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("-");
  for (const std::string& input : inputs) {
    std::optional<LineReader> reader;
    std::string name = input == "-" ? "<stdin>" : input;
    if (input == "-") {
      reader.emplace(in);
    } else {
      reader.emplace(input);
    }
    std::size_t line = 1;
    std::size_t counted = 0;
    while (true) {
      auto batch = std::make_unique<Batch>(job, name, line);
      std::string_view text;
      while (batch->size() < kBatchRecords && batch->bytes() < kBatchBytes &&
             reader->next_line(text)) {
        batch->add_line(text, reader->buffer());
      }
      if (batch->size() == 0) break;
      line += batch->size();
      bytes += reader->bytes() - counted;
      counted = reader->bytes();
      pool.submit(std::move(batch));
    }
  }
  pool.finish();
  out.flush();
  if (!out) {
    throw Error(ErrorKind::kIo, "error writing output: " + std::string(std::strerror(errno)));
  }
  meter.finish(records, bytes);
  if (options.stats == "json") stats.write_json(err);
  if (options.stats == "text") stats.write_text(err);
  if (skipped > 0 && !options.quiet) {
    err << "hantidy: skipped " << skipped << " invalid record" << (skipped == 1 ? "" : "s")
        << " of " << (records + skipped) << '\n';
  }
  if (options.fail_on_warnings && warnings > 0) return kExitWarnings;
  return kExitOk;
}

}  // namespace hantidy
