// Corpus records: one JSON object per line with a text field (Dolma, Data-Juicer, RedPajama).
// A record becomes a Document of its own; every other field rides along untouched.
#ifndef HANTIDY_CONVERTERS_JSONL_RECORD_H_
#define HANTIDY_CONVERTERS_JSONL_RECORD_H_

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/reader.h"

namespace hantidy {

/// Which fields of a record hold the text and the id (--text-field, --id-field).
struct RecordFields {
  std::string text = "text";
  std::string id = "id";
};

/// One record as read: the whole object (ordered_json keeps the input's key order, so records
/// are written back with their keys where they were), its id, and where it came from.
struct Record {
  nlohmann::ordered_json json;
  std::string id;    ///< the id field as text (a number is printed); "FILE:LINE" when absent
  std::string file;  ///< input name
  std::size_t line = 0;
};

/// Parses one JSONL line. Throws Error{kInput} naming FILE:LINE when the line is not a JSON
/// object, or when its text field is missing or not a string. With on_invalid "replace",
/// invalid UTF-8 bytes in the line become U+FFFD (one warning) before parsing; otherwise they
/// make the record invalid. The line must not contain the '\n' that ended it.
Record parse_record(std::string_view line, const std::string& file, std::size_t line_no,
                    const RecordFields& fields, const ReadOptions& options, Diagnostics& diag);

/// Reads a record's text into a Document with the text reader (blank-line paragraphs,
/// `## ` headings, CRLF/CR read as LF): doc.sources[0] is named "FILE:LINE" so diagnostics
/// point at the record, and doc.meta["id"] holds the record id. The text is moved out of
/// record.json (one copy of a large text, not two); writers put the cleaned text back.
Document record_document(Record& record, const RecordFields& fields, Diagnostics& diag);

/// The reader-table face of JSONL input, for whole-document use through the Reader interface:
/// each record's text becomes a Source of its own and its blocks carry attrs["record"] = id.
/// The CLI does not use it for --from jsonl: it streams records one by one (cli/corpus.h).
class JsonlReader : public Reader {
 public:
  void read(std::size_t source, Document& doc, Diagnostics& diag) const override;
};

std::unique_ptr<Reader> make_jsonl_reader();

}  // namespace hantidy

#endif  // HANTIDY_CONVERTERS_JSONL_RECORD_H_
