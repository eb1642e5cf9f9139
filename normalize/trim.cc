#include "normalize/trim.h"

#include <string>
#include <string_view>
#include <vector>

#include "core/blank_lines.h"

namespace hantidy {
namespace {

// Interned once: making a Name from text looks the text up, and most lines of a PDF dump end in
// white space.
const Name kTrailingSpaceRule("trailing-space");

// The white space of blank lines between the blocks of each source (core/blank_lines.h): no
// block holds it, so it is logged here, one change a line, and left out by the writers that copy
// the gaps between blocks from the source.
void trim_blank_lines(Document& doc) {
  doc.meta[std::string(kBlankLinesKey)] = std::string(kBlankLinesTrimmed);
  if (!doc.log_changes) return;  // the writers find the lines themselves
  for (std::size_t s = 0; s < doc.sources.size(); ++s) {
    std::string_view text = doc.sources[s].text;
    std::size_t from = 0;  // end of the last block of this source, in order
    auto log_gap = [&](std::size_t to) {
      for_each_blank_line_space(text, from, to, [&](std::size_t begin, std::size_t end) {
        doc.log("trim", "blank-line-space", {s, begin, end}, text.substr(begin, end - begin), "");
      });
    };
    for (const Block& block : doc.blocks) {
      if (block.span.source != s || block.span.begin < from) continue;
      log_gap(block.span.begin);
      from = block.span.end;
    }
    log_gap(text.size());
  }
}

}  // namespace

void TrimFilter::apply(Document& doc, Diagnostics&) const {
  std::vector<Replacement> reps;  // one list for every block: rewrite_and_clear empties it
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    std::string_view text = doc.blocks[i].text;
    std::size_t line_end = 0;
    while (true) {
      std::size_t newline = text.find('\n', line_end);
      std::size_t end = newline == std::string_view::npos ? text.size() : newline;
      if (std::size_t n = trailing_space(text, end); n > 0) {
        // A block with one trailing space has several as a rule (a PDF dump's lines).
        if (reps.empty()) reps.reserve(8);
        reps.push_back({end - n, end, std::string(), kTrailingSpaceRule});
      }
      if (newline == std::string_view::npos) break;
      line_end = newline + 1;
    }
    if (!reps.empty()) doc.rewrite_and_clear(i, reps, "trim");
  }
  trim_blank_lines(doc);
}

std::unique_ptr<Filter> make_trim_filter(const FilterArgs& args) {
  args.allow({});
  return std::make_unique<TrimFilter>();
}

}  // namespace hantidy
