#include "formats/text_writer.h"

namespace hantidy {

void TextWriter::write(const Document& doc, std::ostream& out, Diagnostics&) const {
  bool first = true;
  for (const Block& block : doc.blocks) {
    if (is_furniture(block.kind) || block.text.empty()) continue;
    if (!first) out << '\n';
    first = false;
    if (auto markup = block.attrs.find("markup"); markup != block.attrs.end()) {
      out << markup->second;
    }
    out << block.text << '\n';
  }
}

std::unique_ptr<Writer> make_text_writer(const WriteOptions&) {
  return std::make_unique<TextWriter>();
}

}  // namespace hantidy
