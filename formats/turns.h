// turns: the blocks of a document grouped into speech turns (statements), for writers that emit
// one record or element per turn (jsonl --unit turn, TEI <u>).
#ifndef HANTIDY_FORMATS_TURNS_H_
#define HANTIDY_FORMATS_TURNS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "core/document.h"

namespace hantidy {

/// One turn: consecutive content blocks of the same speakers. A turn without speakers is a run of
/// unattributed text (title, lead, headings, ...).
struct Turn {
  std::vector<std::string> speakers;  ///< person ids
  std::vector<std::size_t> blocks;    ///< indexes into Document::blocks, furniture left out
  std::string label;  ///< the label as printed ("主席：", "…主任 于鲁明"), if any
  std::string text;   ///< the statement text: paragraphs joined by a blank line
};

/// Groups `doc.blocks` into turns. A turn starts at a speaker label (standalone, or run-in as a
/// "speaker" mark) or where the speakers change. Captions and notes stay inside the turn they sit
/// in but are not part of its text (a caption names a person; it is not something said), and a
/// run-in label is cut from the text it starts.
std::vector<Turn> group_turns(const Document& doc);

}  // namespace hantidy

#endif  // HANTIDY_FORMATS_TURNS_H_
