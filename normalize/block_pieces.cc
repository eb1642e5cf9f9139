#include "normalize/block_pieces.h"

#include <algorithm>

namespace hantidy {

std::vector<bool> cut_blocks(Document& doc,
                             std::vector<std::pair<std::size_t, std::vector<Piece>>> plan) {
  std::vector<bool> continued;
  if (plan.empty()) {
    continued.assign(doc.blocks.size(), false);
    return continued;
  }
  // The exact size: a one-paragraph-per-line file cuts one block into thousands of pieces, and
  // growing by doubling would briefly hold one and a half copies of every block.
  std::size_t total = doc.blocks.size();
  for (const auto& [index, pieces] : plan) total += pieces.empty() ? 0 : pieces.size() - 1;
  std::vector<Block> out;
  out.reserve(total);
  continued.assign(total, false);
  std::size_t next = 0;
  Document scratch;  // holds the block being cut; split_block works on a document
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    if (next >= plan.size() || plan[next].first != i || plan[next].second.size() < 2) {
      if (next < plan.size() && plan[next].first == i) {
        if (!plan[next].second.empty()) doc.blocks[i].kind = plan[next].second.front().kind;
        ++next;
      }
      out.push_back(std::move(doc.blocks[i]));
      continue;
    }
    const std::vector<Piece>& pieces = plan[next++].second;
    // Cut from the end so that each cut moves only the piece it makes, straight into its place.
    std::size_t first = out.size();
    out.resize(first + pieces.size());
    scratch.blocks.clear();
    scratch.blocks.push_back(std::move(doc.blocks[i]));
    for (std::size_t k = pieces.size() - 1; k > 0; --k) {
      scratch.split_block(0, pieces[k - 1].end, pieces[k].begin);
      out[first + k] = std::move(scratch.blocks[1]);
      scratch.blocks.pop_back();
      continued[first + k] = true;
    }
    out[first] = std::move(scratch.blocks[0]);
    // Cutting kept the whole block's capacity: given back when it is more than twice the text
    // (a one-paragraph-per-line file cuts a block into thousands of pieces).
    if (out[first].text.capacity() / 2 > out[first].text.size()) out[first].text.shrink_to_fit();
    for (std::size_t k = 0; k < pieces.size(); ++k) {
      Block& piece = out[first + k];
      piece.kind = pieces[k].kind;
      if (piece.kind != BlockKind::kHeading) piece.level = 0;
    }
  }
  doc.blocks = std::move(out);
  return continued;
}

}  // namespace hantidy
