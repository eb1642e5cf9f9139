// tei: a TEI P5 edition (valid against tei_all) whose header documents every normalization the
// filters made, with counts, and whose body can show both readings of every change.
#ifndef HANTIDY_FORMATS_TEI_WRITER_H_
#define HANTIDY_FORMATS_TEI_WRITER_H_

#include <memory>

#include "core/writer.h"

namespace hantidy {

/// Writes one TEI document per input document. Options: WriteOptions::tei_* (--tei-publisher,
/// --tei-date, --tei-changes, --tei-lines). Characters XML cannot hold are replaced by U+FFFD
/// and reported as a warning.
class TeiWriter : public Writer {
 public:
  explicit TeiWriter(WriteOptions options) : options_(std::move(options)) {}
  void write(const Document& doc, std::ostream& out, Diagnostics& diag) const override;

 private:
  WriteOptions options_;
};

std::unique_ptr<Writer> make_tei_writer(const WriteOptions& options);

}  // namespace hantidy

#endif  // HANTIDY_FORMATS_TEI_WRITER_H_
