// jsonl: one JSON object per block, in reading order (the schema of ../shared/eval/README.md).
#ifndef HANTIDY_FORMATS_JSONL_WRITER_H_
#define HANTIDY_FORMATS_JSONL_WRITER_H_

#include <memory>

#include "core/writer.h"

namespace hantidy {

/// Keys: id, doc, seq, type, text, level (headings), speakers ([{name, role}], blocks of a
/// statement), source ({begin, end} bytes of the decoded text, {line, end_line}), edits (number
/// of in-text changes, when any), marks ([{kind, begin, end}] byte ranges of the text: "redaction",
/// "speaker" for a run-in label). Furniture blocks are written too, typed, so nothing is lost.
/// WriteOptions::unit "turn" writes one record per speech turn instead (type "turn" with
/// speakers, label and text, or "text" for unattributed runs; blocks lists the block ids), and
/// "document" one record per document (title, persons, text).
class JsonlWriter : public Writer {
 public:
  explicit JsonlWriter(WriteOptions options) : options_(std::move(options)) {}
  void write(const Document& doc, std::ostream& out, Diagnostics& diag) const override;

 private:
  WriteOptions options_;
};

std::unique_ptr<Writer> make_jsonl_writer(const WriteOptions& options);

}  // namespace hantidy

#endif  // HANTIDY_FORMATS_JSONL_WRITER_H_
