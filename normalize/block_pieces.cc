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
  std::size_t next = 0;
  Document scratch;  // holds the block being cut; split_block works on a document
  std::vector<Block> reversed;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    if (next >= plan.size() || plan[next].first != i || plan[next].second.size() < 2) {
      if (next < plan.size() && plan[next].first == i) {
        if (!plan[next].second.empty()) doc.blocks[i].kind = plan[next].second.front().kind;
        ++next;
      }
      out.push_back(std::move(doc.blocks[i]));
      continued.push_back(false);
      continue;
    }
    const std::vector<Piece>& pieces = plan[next++].second;
    // Cut from the end so that each cut moves only the piece it makes.
    scratch.blocks.clear();
    scratch.blocks.push_back(std::move(doc.blocks[i]));
    reversed.clear();
    for (std::size_t k = pieces.size() - 1; k > 0; --k) {
      scratch.split_block(0, pieces[k - 1].end, pieces[k].begin);
      Block& piece = reversed.emplace_back(std::move(scratch.blocks[1]));
      scratch.blocks.pop_back();
      piece.kind = pieces[k].kind;
      if (piece.kind != BlockKind::kHeading) piece.level = 0;
    }
    Block first = std::move(scratch.blocks[0]);
    first.text.shrink_to_fit();  // cutting kept the whole block's capacity
    first.kind = pieces[0].kind;
    if (first.kind != BlockKind::kHeading) first.level = 0;
    out.push_back(std::move(first));
    continued.push_back(false);
    std::move(reversed.rbegin(), reversed.rend(), std::back_inserter(out));
    continued.resize(out.size(), true);
  }
  doc.blocks = std::move(out);
  return continued;
}

}  // namespace hantidy
