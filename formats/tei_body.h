// The <text><body> of a TEI edition: sections as div/head, statements as div type="statement"
// with sp/speaker/p, captions as figure/head, lists, stage notes, and page furniture as pb/fw.
#ifndef HANTIDY_FORMATS_TEI_BODY_H_
#define HANTIDY_FORMATS_TEI_BODY_H_

#include "formats/tei_context.h"
#include "formats/tei_xml.h"

namespace hantidy {

/// Writes <text><body>…</body></text> (the TEI element is open). Every block becomes exactly
/// one element with xml:id "bN" (N = its position, as the JSONL writer's id), except page breaks
/// without text, which become <pb/>. The structure always validates against tei_all: content
/// that would follow a nested div is wrapped in its own div, an sp never lacks content.
void write_tei_body(TeiXml& xml, const TeiContext& ctx);

}  // namespace hantidy

#endif  // HANTIDY_FORMATS_TEI_BODY_H_
