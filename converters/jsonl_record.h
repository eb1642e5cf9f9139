// Corpus records: one JSON object per line with a text field (Dolma, Data-Juicer, RedPajama).
// A record becomes a Document of its own; every other field rides along untouched.
#ifndef HANTIDY_CONVERTERS_JSONL_RECORD_H_
#define HANTIDY_CONVERTERS_JSONL_RECORD_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/reader.h"

namespace hantidy {

/// Which fields of a record hold the text and the id (--text-field, --id-field).
struct RecordFields {
  std::string text = "text";
  std::string id = "id";
};

/// One record as read: its text, every other member as the JSON that is written back for it, its
/// id, and where it came from. Keeping members as text (not as a JSON tree) means a record's text
/// is copied once on the way in and escaped once on the way out, nothing more.
struct Record {
  /// The record's members in input order (a key given twice keeps its first place and its last
  /// value, as nlohmann::ordered_json keeps it), each value as the input wrote it, without the
  /// white space between its tokens: numbers keep every digit, strings their escapes. The text
  /// field's value is `""`: its text is in `text`.
  std::vector<std::pair<std::string, std::string>> members;
  std::string text;  ///< the text field's value (record_document moves it out)
  std::string id;    ///< the id field as text (a number is printed); "FILE:LINE" when absent
  std::string file;  ///< input name
  std::size_t line = 0;
};

/// Bytes past the end of a line that parse_record may read when the caller says they are there
/// (`readable`): then the JSON parser reads the line where it is instead of copying it.
inline constexpr std::size_t kRecordPadding = 64;

/// Parses one JSONL line. Throws Error{kInput} naming FILE:LINE when the line is not a JSON
/// object, or when its text field is missing or not a string. With on_invalid "replace",
/// invalid UTF-8 bytes in the line become U+FFFD (one warning) before parsing; otherwise they
/// make the record invalid. The line must not contain the '\n' that ended it. `readable` is how
/// many bytes may be read from line.data() on; when it is at least line.size() + kRecordPadding
/// (the bytes after the line may hold anything), the line is parsed in place. record.text takes
/// over `text_buffer`'s memory (not its contents): a caller that parses record after record hands
/// back the last one's text, so that a long text is not allocated anew for each.
Record parse_record(std::string_view line, const std::string& file, std::size_t line_no,
                    const RecordFields& fields, const ReadOptions& options, Diagnostics& diag,
                    std::size_t readable = 0, std::string text_buffer = {});

/// Reads a record's text into a Document with the text reader (blank-line paragraphs,
/// `## ` headings, CRLF/CR read as LF): doc.sources[0] is named "FILE:LINE" so diagnostics
/// point at the record, and doc.meta["id"] holds the record id. The text is moved out of
/// record.text (one copy of a large text, not two); writers put the cleaned text back.
Document record_document(Record& record, Diagnostics& diag);

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
