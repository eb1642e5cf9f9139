// The teiHeader: title, publication, source (file, encoding, SHA-256), the software and the
// editorial decisions with counts of what each filter changed, languages, speakers, revision.
#ifndef HANTIDY_FORMATS_TEI_HEADER_H_
#define HANTIDY_FORMATS_TEI_HEADER_H_

#include <string>

#include "formats/tei_context.h"
#include "formats/tei_xml.h"

namespace hantidy {

/// The document's title: its first title block, else meta "title", else the source file name.
std::string tei_title(const Document& doc);

/// Writes <teiHeader> (the TEI element is open).
void write_tei_header(TeiXml& xml, const TeiContext& ctx);

}  // namespace hantidy

#endif  // HANTIDY_FORMATS_TEI_HEADER_H_
