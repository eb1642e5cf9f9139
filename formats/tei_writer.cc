#include "formats/tei_writer.h"

#include "formats/tei_body.h"
#include "formats/tei_context.h"
#include "formats/tei_header.h"
#include "formats/tei_xml.h"

namespace hantidy {

void TeiWriter::write(const Document& doc, std::ostream& out, Diagnostics& diag) const {
  TeiContext ctx = make_tei_context(doc, options_);
  TeiXml xml(out);
  xml.start("TEI");
  xml.attr("xmlns", "http://www.tei-c.org/ns/1.0");
  // A stable ASCII id: from the source bytes when hashed, never from the (Chinese) title.
  std::string sha = doc.sources.empty() ? "" : doc.sources.front().raw_sha256;
  xml.attr("xml:id", sha.empty() ? std::string("hantidy-doc") : "hantidy-" + sha.substr(0, 16));
  xml.attr("xml:lang", ctx.lang);
  write_tei_header(xml, ctx);
  write_tei_body(xml, ctx);
  xml.newline(0);
  xml.end();
  xml.finish();
  if (xml.replaced() > 0) {
    diag.warn(
        "tei", doc.sources.empty() ? "" : doc.sources.front().name, 0,
        std::to_string(xml.replaced()) + " character(s) not allowed in XML 1.0 replaced by U+FFFD");
  }
}

std::unique_ptr<Writer> make_tei_writer(const WriteOptions& options) {
  return std::make_unique<TeiWriter>(options);
}

}  // namespace hantidy
