// Plain text and the Markdown-style text the seeds are written in.
#ifndef HANTIDY_CONVERTERS_TEXT_READER_H_
#define HANTIDY_CONVERTERS_TEXT_READER_H_

#include <memory>

#include "core/reader.h"

namespace hantidy {

/// Splits text into blocks, syntax only (no guessing; the filters decide what blocks mean):
///  - blank lines (only spaces, tabs, U+3000) separate blocks; the lines of a block stay
///    joined by '\n' (soft breaks for line repair to judge);
///  - an ATX heading line (`## 标题`) is a heading block of that level on its own, even without
///    blank lines around it; the marker is kept in attrs["markup"] so text output round-trips;
///  - a form feed is a page break block.
/// Block text is the exact source text, so Block::span maps every byte back.
class TextReader : public Reader {
 public:
  void read(std::size_t source, Document& doc, Diagnostics& diag) const override;
};

std::unique_ptr<Reader> make_text_reader();

}  // namespace hantidy

#endif  // HANTIDY_CONVERTERS_TEXT_READER_H_
