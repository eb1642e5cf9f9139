// The text of one block with its in-text markup: names in speaker labels (persName, roleName),
// redactions (gap + supplied), recorded changes (choice) and line breaks (lb).
#ifndef HANTIDY_FORMATS_TEI_INLINE_H_
#define HANTIDY_FORMATS_TEI_INLINE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "core/document.h"
#include "formats/tei_context.h"
#include "formats/tei_xml.h"

namespace hantidy {

/// An element around [begin, end) of a block's text, e.g. <persName ref="#pers-p1">.
struct TeiWrap {
  std::size_t begin = 0;
  std::size_t end = 0;
  const char* element = "";
  const char* attribute = nullptr;  ///< optional attribute name
  std::string value;
};

/// persName/roleName wraps for a speaker label naming `block.speakers` (as printed in the label;
/// a name not found in the text gets no wrap).
std::vector<TeiWrap> speaker_wraps(const Block& block, const TeiContext& ctx);

/// Writes block.text inside the open element: with --tei-changes every edit as
/// <choice><orig|sic>…</orig|sic><reg|corr>…</reg|corr></choice>; with --tei-lines every soft
/// line break and every repaired line join as <lb break="no"/>; redaction marks as
/// <gap reason="anonymization"/><supplied reason="anonymization">…</supplied>; `wraps` around
/// their ranges. Markup that would overlap other markup is dropped (the text never is), so the
/// output always nests. The character content, reading <reg>/<corr>, is exactly block.text.
void write_inline(TeiXml& xml, const Block& block, const TeiContext& ctx,
                  std::vector<TeiWrap> wraps = {});

}  // namespace hantidy

#endif  // HANTIDY_FORMATS_TEI_INLINE_H_
