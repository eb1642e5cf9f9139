#include "converters/text_reader.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace hantidy {
namespace {

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000

bool is_blank(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t' || line[i] == '\v') {
      ++i;
    } else if (line[i] == '\xE3' && line.substr(i, 3) == kIdeographicSpace) {  // cheap "no" first
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

// The level of an ATX heading ("## x" → 2) and where its text starts; 0 when not a heading.
int heading_level(std::string_view line, std::size_t& text_start) {
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6 || hashes >= line.size() || line[hashes] != ' ') return 0;
  text_start = hashes + 1;
  while (text_start < line.size() && line[text_start] == ' ') ++text_start;
  if (text_start == line.size()) return 0;  // "## " alone is not a heading
  return static_cast<int>(hashes);
}

// The next '\n' or '\f' at or after `at`; `form_feed` caches the next '\f' between calls.
// (std::string::find_first_of with a two-character set calls memchr on the set once per text
// byte; two memchr scans over the text are several times faster on long documents.)
std::size_t find_line_end(std::string_view text, std::size_t at, std::size_t& form_feed) {
  if (form_feed != std::string_view::npos && form_feed < at) form_feed = text.find('\f', at);
  return std::min(text.find('\n', at), form_feed);
}

}  // namespace

void TextReader::read(std::size_t source, Document& doc, Diagnostics&) const {
  const std::string& text = doc.sources.at(source).text;
  // The blocks are found first and made after, so that doc.blocks is sized once: growing it
  // block by block moved every block made so far at each step.
  struct Piece {
    BlockKind kind;
    int level;
    std::size_t begin, end;  // the block's text; a heading's markup ends at `begin`
    std::size_t line;        // a heading's line start
  };
  std::vector<Piece> pieces;
  std::size_t block_begin = std::string::npos;  // start of the open paragraph
  std::size_t block_end = 0;                    // end of its last line

  auto close_block = [&] {
    if (block_begin == std::string::npos) return;
    pieces.push_back({BlockKind::kParagraph, 0, block_begin, block_end, 0});
    block_begin = std::string::npos;
  };

  std::size_t at = 0;
  std::size_t form_feed = text.find('\f');
  while (at < text.size()) {
    std::size_t line_end = find_line_end(text, at, form_feed);
    if (line_end == std::string::npos) line_end = text.size();
    std::string_view line(text.data() + at, line_end - at);
    std::size_t heading_text = 0;
    if (is_blank(line)) {
      close_block();
    } else if (int level = heading_level(line, heading_text); level > 0) {
      close_block();
      pieces.push_back({BlockKind::kHeading, level, at + heading_text, line_end, at});
    } else {
      if (block_begin == std::string::npos) block_begin = at;
      block_end = line_end;
    }
    if (line_end < text.size() && text[line_end] == '\f') {
      close_block();
      pieces.push_back({BlockKind::kPageBreak, 0, line_end, line_end + 1, 0});
    }
    at = line_end + 1;
  }
  close_block();

  doc.blocks.reserve(doc.blocks.size() + pieces.size());
  for (const Piece& piece : pieces) {
    Block& block = doc.blocks.emplace_back();
    block.kind = piece.kind;
    block.span = {source, piece.begin, piece.end};
    if (piece.kind == BlockKind::kPageBreak) continue;
    block.text = text.substr(piece.begin, piece.end - piece.begin);
    if (piece.kind == BlockKind::kHeading) {
      block.level = piece.level;
      block.attrs["markup"] = text.substr(piece.line, piece.begin - piece.line);
    }
  }
}

std::unique_ptr<Reader> make_text_reader() { return std::make_unique<TextReader>(); }

}  // namespace hantidy
