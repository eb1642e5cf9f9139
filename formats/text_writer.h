// text: the clean text, one block per paragraph, blocks separated by one blank line.
#ifndef HANTIDY_FORMATS_TEXT_WRITER_H_
#define HANTIDY_FORMATS_TEXT_WRITER_H_

#include <memory>

#include "core/writer.h"

namespace hantidy {

/// Writes content blocks only: layout furniture (page numbers, running headers, page breaks) is
/// not text a reader wants, and stays available in jsonl and tei output. Headings read with
/// Markdown markers get them back, so clean Markdown-style input round-trips unchanged.
class TextWriter : public Writer {
 public:
  void write(const Document& doc, std::ostream& out, Diagnostics& diag) const override;
};

std::unique_ptr<Writer> make_text_writer(const WriteOptions& options);

}  // namespace hantidy

#endif  // HANTIDY_FORMATS_TEXT_WRITER_H_
