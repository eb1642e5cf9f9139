// The reader interface and the reader table entry. Readers live in converters/.
#ifndef HANTIDY_CORE_READER_H_
#define HANTIDY_CORE_READER_H_

#include <memory>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/document.h"

namespace hantidy {

/// Options that reach readers (from the CLI).
struct ReadOptions {
  std::string encoding = "utf-8";   ///< "utf-8", "auto", or an ICU name ("GB18030", "Big5", ...)
  std::string on_invalid = "fail";  ///< "fail", "replace", or "skip" (JSON records only)
  /// Compute Source::raw_sha256. Only TEI names it, and hashing costs a tenth of a fast run, so
  /// the CLI asks for it when the writer is tei.
  bool hash = false;
};

/// Parses one input into a Document. Decoding is done before (converters/decode.h) for text
/// formats; a reader gets the decoded Source already appended to doc.sources.
class Reader {
 public:
  virtual ~Reader() = default;
  /// Parses doc.sources[source].text and appends blocks to `doc`.
  virtual void read(std::size_t source, Document& doc, Diagnostics& diag) const = 0;
};

struct ReaderInfo {
  std::string_view name;
  std::string_view summary;
  std::unique_ptr<Reader> (*make)();
};

}  // namespace hantidy

#endif  // HANTIDY_CORE_READER_H_
