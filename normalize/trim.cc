#include "normalize/trim.h"

#include <string>
#include <string_view>
#include <vector>

namespace hantidy {
namespace {

// Length of the trailing white space of text[0, end).
std::size_t trailing_space(std::string_view text, std::size_t end) {
  std::size_t at = end;
  while (at > 0) {
    if (text[at - 1] == ' ' || text[at - 1] == '\t') {
      --at;
    } else if (at >= 3 && text.substr(at - 3, 3) == "\xE3\x80\x80") {
      at -= 3;
    } else {
      break;
    }
  }
  return end - at;
}

// Interned once: making a Name from text looks the text up, and most lines of a PDF dump end in
// white space.
const Name kTrailingSpaceRule("trailing-space");

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
}

std::unique_ptr<Filter> make_trim_filter(const FilterArgs& args) {
  args.allow({});
  return std::make_unique<TrimFilter>();
}

}  // namespace hantidy
