// Writing corpus records back (--from jsonl --to jsonl): the same record with its text cleaned,
// or sub-records per block or per turn that carry the parent id.
#ifndef HANTIDY_FORMATS_RECORD_WRITER_H_
#define HANTIDY_FORMATS_RECORD_WRITER_H_

#include <string>

#include "converters/jsonl_record.h"
#include "core/document.h"

namespace hantidy {

struct RecordWriteOptions {
  RecordFields fields;
  std::string unit = "document";  ///< "document", "block" or "turn"
  bool annotate = false;          ///< add a "hantidy" object (--annotate)
};

/// The cleaned text of a document as one string, laid out like its source: what stood between
/// two blocks in the source (blank lines, a heading's `## `) is kept, so the identity chain gives
/// the record's text back byte for byte (after CRLF → LF); once the trim filter ran, without the
/// white space of blank lines (core/blank_lines.h). Furniture and blocks a filter
/// emptied are left out, and where something was left out the blocks are separated by one blank
/// line.
std::string document_text(const Document& doc);

/// Appends the output lines for one processed record to `out`:
///  - unit "document": the record with its text field replaced by document_text(doc), all other
///    fields as they were, in their order (Dolma's id, source, metadata, ...); with `annotate`,
///    a "hantidy" object {changes: {filter: count}, blocks, and script/lang when a filter set
///    them in doc.meta} is added (or replaced);
///  - unit "block": one object per block, the block schema of the jsonl writer with id
///    "PARENT/bN" and doc = the parent id;
///  - unit "turn": one object per turn as formats/turns.h groups them (a speaker label starts
///    one, captions and notes are not part of its text), with id "PARENT/tN", doc, seq, type
///    ("turn", or "text" for unattributed runs), speakers, label (when printed), text (paragraphs
///    joined by a blank line), blocks (how many) and source {begin, end}.
/// The record's text field is consumed (moved from).
void write_record(Record& record, const Document& doc, const RecordWriteOptions& options,
                  std::string& out);

}  // namespace hantidy

#endif  // HANTIDY_FORMATS_RECORD_WRITER_H_
