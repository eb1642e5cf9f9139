// jsonl: one JSON object per block, in reading order (the schema of ../shared/eval/README.md).
#ifndef HANTIDY_FORMATS_JSONL_WRITER_H_
#define HANTIDY_FORMATS_JSONL_WRITER_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

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

/// The people of `ids` as [{name, role}] (ids without a person are skipped).
nlohmann::ordered_json speakers_json(const Document& doc, const std::vector<std::string>& ids);

/// One block's jsonl object, keys in schema order: id, doc, seq, type, text, level, speakers,
/// source ({begin, end, line, end_line}; `lines` indexes doc.sources), edits, and marks when
/// `with_marks`. Shared by this writer and corpus mode's block sub-records.
nlohmann::ordered_json block_json(const Document& doc, const Block& block, std::size_t seq,
                                  const std::vector<LineIndex>& lines, std::string id,
                                  std::string doc_name, bool with_marks);

}  // namespace hantidy

#endif  // HANTIDY_FORMATS_JSONL_WRITER_H_
