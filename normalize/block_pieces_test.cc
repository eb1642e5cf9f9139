#include "normalize/block_pieces.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "tests/support.h"

namespace hantidy {
namespace {

using Plan = std::vector<std::pair<std::size_t, std::vector<Piece>>>;

// cut_blocks by its definition: each planned block cut with Document::split_block where it
// stands, the last block first so that the indices of the plan stay right.
std::vector<bool> cut_one_by_one(Document& doc, const Plan& plan) {
  std::vector<bool> continued(doc.blocks.size(), false);
  for (auto it = plan.rbegin(); it != plan.rend(); ++it) {
    const auto& [index, pieces] = *it;
    if (pieces.empty()) continue;
    if (pieces.size() == 1) {
      doc.blocks[index].kind = pieces[0].kind;
      continue;
    }
    for (std::size_t k = pieces.size() - 1; k > 0; --k) {
      doc.split_block(index, pieces[k - 1].end, pieces[k].begin);
    }
    for (std::size_t k = 0; k < pieces.size(); ++k) {
      Block& piece = doc.blocks[index + k];
      piece.kind = pieces[k].kind;
      if (piece.kind != BlockKind::kHeading) piece.level = 0;
    }
    continued.insert(continued.begin() + static_cast<std::ptrdiff_t>(index) + 1, pieces.size() - 1,
                     true);
  }
  return continued;
}

// A block of a few lines, each line with an edit now and then, a mark, attributes, speakers.
Block random_block(std::mt19937& rng, std::size_t source_at) {
  const std::vector<std::string> pieces = {"中", "文", "a", "1", " ", "，", "。"};
  Block b;
  b.kind = rng() % 4 == 0 ? BlockKind::kHeading : BlockKind::kParagraph;
  b.level = b.kind == BlockKind::kHeading ? 1 + static_cast<int>(rng() % 3) : 0;
  if (rng() % 3 == 0) b.speakers = {"p1"};
  if (rng() % 3 == 0) b.attrs["page"] = std::to_string(rng() % 9);
  std::size_t lines = 1 + rng() % 5;
  for (std::size_t k = 0; k < lines; ++k) {
    if (k > 0) b.text += '\n';
    std::size_t begin = b.text.size();
    b.text += test::random_text(pieces, 1 + rng() % 6, rng);
    if (rng() % 2 == 0) {  // a removal or a replacement inside the line
      std::size_t at = begin + rng() % (b.text.size() - begin + 1);
      std::size_t end = rng() % 2 == 0 ? at : b.text.size();
      b.edits.push_back({at, end, rng() % 2 == 0 ? " " : "ｘ", source_at + at, "unicode", "r"});
    }
    if (rng() % 4 == 0) b.marks.push_back({begin, b.text.size(), "redaction"});
  }
  b.span = {0, source_at, source_at + b.text.size() + 3};
  return b;
}

TEST_CASE("cut_blocks cuts as split_block does, block by block", "[furniture][linebreak]") {
  std::mt19937 rng(29);
  const BlockKind kinds[] = {BlockKind::kParagraph, BlockKind::kHeading, BlockKind::kPageNumber,
                             BlockKind::kRunningHeader};
  for (int round = 0; round < 2000; ++round) {
    Document doc;
    std::size_t blocks = rng() % 7;
    for (std::size_t i = 0; i < blocks; ++i) doc.blocks.push_back(random_block(rng, i * 100));
    // Each block planned now and then: cut at some of its line breaks (pieces of one line or
    // more), or given a new kind as one piece, or with no pieces at all.
    Plan plan;
    for (std::size_t i = 0; i < blocks; ++i) {
      if (rng() % 3 == 0) continue;
      const std::string& text = doc.blocks[i].text;
      std::vector<Piece> pieces;
      if (rng() % 8 != 0) {
        std::size_t begin = 0;
        for (std::size_t nl = text.find('\n'); nl != std::string::npos;
             nl = text.find('\n', nl + 1)) {
          if (rng() % 2 == 0) continue;
          pieces.push_back({begin, nl, kinds[rng() % 4]});
          begin = nl + 1;
        }
        pieces.push_back({begin, text.size(), kinds[rng() % 4]});
      }
      plan.emplace_back(i, std::move(pieces));
    }
    Document expected = doc;
    std::vector<bool> expected_continued = cut_one_by_one(expected, plan);
    std::vector<bool> continued = cut_blocks(doc, plan);
    INFO("round " << round);
    REQUIRE(continued == expected_continued);
    REQUIRE(doc.blocks == expected.blocks);
  }
}

}  // namespace
}  // namespace hantidy
