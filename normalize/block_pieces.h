// Cutting blocks into pieces, for the filters that find two things in one block (a paragraph and
// a page number; several paragraphs of a file with no blank lines).
#ifndef HANTIDY_NORMALIZE_BLOCK_PIECES_H_
#define HANTIDY_NORMALIZE_BLOCK_PIECES_H_

#include <cstddef>
#include <utility>
#include <vector>

#include "core/document.h"

namespace hantidy {

/// A part of a block's text, [begin, end), and the kind it becomes. Pieces of one block are
/// sorted, do not overlap and start at 0 and end at the text's end; what lies between two pieces
/// (a line break) is dropped.
struct Piece {
  std::size_t begin = 0;
  std::size_t end = 0;
  BlockKind kind = BlockKind::kParagraph;
};

/// Cuts every block named in `plan` (block index → its pieces, sorted by index) in one pass over
/// doc.blocks, so that a document with many cuts is rebuilt in linear time. Returns, for each
/// block of the result, whether it was cut from the block before it (no blank line between).
std::vector<bool> cut_blocks(Document& doc,
                             std::vector<std::pair<std::size_t, std::vector<Piece>>> plan);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_BLOCK_PIECES_H_
