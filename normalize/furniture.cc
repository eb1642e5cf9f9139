#include "normalize/furniture.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "normalize/block_pieces.h"
#include "normalize/cjk_text.h"
#include "normalize/paragraph_evidence.h"
#include "normalize/punct_bytes.h"
#include "normalize/utf8.h"

namespace hantidy {
namespace {

constexpr std::string_view kFilter = "furniture";
constexpr std::size_t kMaxHeaderLength = 40;  // code points; running headers are one short line
// A header key holds at most kMaxHeaderLength code points of at most 4 bytes each.
constexpr std::size_t kMaxKeyBytes = kMaxHeaderLength * 4;

using furniture_detail::Shape;

struct Line {
  std::size_t block = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool first = false;  // first line of its block
  bool last = false;
  bool break_before = false;  // a page break (form feed) or the document start precedes it
  bool break_after = false;
  Shape shape = Shape::kNone;
  // The first code point that is not white space (0: none): the first of the key below. Most
  // lines are compared by it alone.
  char32_t first_visible = 0;
  // The line without white space, when short enough to be a header and not a page-number shape:
  // key_size bytes (0: no key). Measured when first needed (key_known); `key` is the line itself
  // when it holds no white space, else built by spaced_key() when first needed.
  bool key_known = false;
  std::size_t key_size = 0;
  bool spaced = false;
  std::string_view key;
  bool page_number = false;
  bool header = false;
};

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool is_dash(char32_t c) {
  return c == '-' || c == U'—' || c == U'–' || c == U'─' || c == U'－' || c == U'―' || c == U'·' ||
         c == U'•';
}

// Whether a page number can start with `c`: every shape below begins with a dash, a digit
// (ASCII or full-width) or 第.
bool may_start_page_number(char32_t c) {
  return is_digit(c) || (c >= 0xFF10 && c <= 0xFF19) || is_dash(c) || c == U'第';
}

// Whether a page number's shape may hold `c` (full-width digits read as ASCII): digits, dashes
// and the characters of "3/10" and "第 3 页，共 10 页".
bool may_be_in_page_number(char32_t c) {
  return is_digit(c) || is_dash(c) || c == '/' || c == U'第' || c == U'页' || c == U'頁' ||
         c == U'共' || c == ',' || c == U'，' || c == U'、';
}

// Sets line.key_size, line.spaced and, when the line holds no white space, line.key. A long line
// costs no more than its first kMaxHeaderLength + 1 visible characters.
void measure_key(std::string_view content, Line& line) {
  std::size_t n = 0, size = 0;
  bool spaced = false;
  const auto* bytes = reinterpret_cast<const unsigned char*>(content.data());
  for (std::size_t at = 0; at < content.size();) {
    // ASCII and U+4E00–U+9FFF decoded from their bytes (what next_code_point gives for them):
    // nearly every character of a line.
    if (bytes[at] < 0x80 && bytes[at] != ' ' && bytes[at] != '\t') {
      if (++n > kMaxHeaderLength) return;
      ++size;
      ++at;
      continue;
    }
    if (std::size_t end = skip_unified_ideographs(content, at, content.size()); end > at) {
      n += (end - at) / 3;
      if (n > kMaxHeaderLength) return;
      size += end - at;
      at = end;
      continue;
    }
    std::size_t begin = at;
    char32_t c = next_code_point(content, at);
    if (c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0) {
      spaced = true;
      continue;
    }
    if (++n > kMaxHeaderLength) return;
    size += at - begin;
  }
  line.key_size = size;
  line.spaced = spaced;
  if (!spaced) line.key = content;
}

// Room for the keys built by spaced_key: chunks that never move, so the views into them stay
// valid, and one allocation holds many keys (a line's own string each cost one).
class KeyStore {
 public:
  // `size` bytes of room.
  char* take(std::size_t size) {
    if (size > room_) {
      std::size_t chunk = std::max(size, kChunkBytes);
      chunks_.push_back(std::make_unique_for_overwrite<char[]>(chunk));
      next_ = chunks_.back().get();
      room_ = chunk;
    }
    char* out = next_;
    next_ += size;
    room_ -= size;
    return out;
  }

 private:
  static constexpr std::size_t kChunkBytes = 4096;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* next_ = nullptr;
  std::size_t room_ = 0;
};

// The line without its white space, built in `store`.
std::string_view spaced_key(std::string_view content, KeyStore& store) {
  char* key = store.take(content.size());
  std::size_t size = 0;
  auto append = [&](std::string_view part) {
    std::copy(part.begin(), part.end(), key + size);
    size += part.size();
  };
  std::size_t run = 0;  // start of the current run of non-blank characters
  // Only where white space may start is anything decoded: ' ', '\t', U+3000 (E3 80 80) and NBSP
  // (C2 A0) start with bytes no decoder takes for a continuation, so each found is where a forward
  // decode starts a code point, and it decodes as a decoder walking the whole line would.
  for (std::size_t at = 0;
       (at = find_any_of_bytes(content, at, ' ', '\t', 0xE3, 0xC2)) < content.size();) {
    std::size_t begin = at;
    char32_t c = next_code_point(content, at);
    if (c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0) {
      append(content.substr(run, begin - run));
      run = at;
    }
  }
  append(content.substr(run));
  return {key, size};
}

}  // namespace

namespace furniture_detail {

// The line's shape as a page number: "— 3 —", "- 12 -", "第3页", "第 3 页 共 10 页", "3/10", "3".
// Only asked of a line whose first visible character may_start_page_number (most lines are text:
// that character already rules a page number out; a tab anywhere does too, below: a table row).
Shape page_number_shape(std::string_view line, bool stop_early) {
  std::array<char32_t, 25> buf;  // a longer line is no page number
  std::size_t n = 0;
  bool gap = false;  // white space since the last character
  for (std::size_t at = 0; at < line.size();) {
    char32_t c = next_code_point(line, at);
    if (c == '\t') return Shape::kNone;  // a table row ("63\t28")
    if (c == ' ' || c == 0x3000 || c == 0xA0) {
      gap = n > 0;
      continue;
    }
    if (c >= 0xFF10 && c <= 0xFF19) c -= 0xFEE0;
    // A character no shape holds ("2022年"): the line is no page number, whatever follows.
    if (stop_early && !may_be_in_page_number(c)) return Shape::kNone;
    if (gap && is_digit(c) && is_digit(buf[n - 1])) return Shape::kNone;  // "63 28"
    gap = false;
    buf[n++] = c;
    if (n > 24) return Shape::kNone;
  }
  if (n == 0) return Shape::kNone;
  std::u32string_view s(buf.data(), n);
  std::size_t b = 0, e = s.size();
  while (b < e && is_dash(s[b])) ++b;
  while (e > b && is_dash(s[e - 1])) --e;
  bool dashed = b > 0 && e < s.size();
  std::u32string_view core = s.substr(b, e - b);
  auto digits = [&](std::size_t& at) {
    std::size_t start = at;
    while (at < core.size() && is_digit(core[at])) ++at;
    return at > start && at - start <= 5;
  };
  std::size_t at = 0;
  if (digits(at) && at == core.size()) return dashed ? Shape::kPageNumber : Shape::kBareNumber;
  at = 0;
  if (digits(at) && at < core.size() && core[at] == '/' && (++at, digits(at)) &&
      at == core.size()) {
    return Shape::kBareNumber;
  }
  at = 0;
  if (!core.empty() && core[0] == U'第') {
    at = 1;
    if (!digits(at) || at >= core.size() || (core[at] != U'页' && core[at] != U'頁')) {
      return Shape::kNone;
    }
    ++at;
    if (at == core.size()) return Shape::kPageNumber;
    if (core[at] == ',' || core[at] == U'，' || core[at] == '/' || core[at] == U'、') ++at;
    if (at < core.size() && core[at] == U'共') {
      ++at;
      if (digits(at) && at + 1 == core.size() && (core[at] == U'页' || core[at] == U'頁')) {
        return Shape::kPageNumber;
      }
    }
  }
  return Shape::kNone;
}

// The last byte of `content` without its trailing white space, -1 when nothing is left: the
// last byte of the line's key, when it has one. The white space is found by its bytes at the end:
// ' ', '\t', U+3000 (E3 80 80) and NBSP (C2 A0) start with bytes no decoder takes for a
// continuation, so such bytes there are those characters to a decoder walking the whole line.
int last_key_byte(std::string_view content) {
  while (!content.empty()) {
    if (content.back() == ' ' || content.back() == '\t') {
      content.remove_suffix(1);
    } else if (content.ends_with("\u3000")) {
      content.remove_suffix(3);
    } else if (content.ends_with("\u00A0")) {
      content.remove_suffix(2);
    } else {
      return static_cast<unsigned char>(content.back());
    }
  }
  return -1;
}

}  // namespace furniture_detail

void FurnitureFilter::apply(Document& doc, Diagnostics&) const {
  furniture_detail::find_furniture(doc, true);
}

void furniture_detail::find_furniture(Document& doc, bool shortcuts) {
  std::vector<Line> lines;
  lines.reserve(doc.blocks.size());  // about a line a block at least: saves the first regrowths
  KeyStore keys;                     // header keys of lines with white space
  // The lines that may be page numbers or at page boundaries (page-number shapes, their
  // neighbours, lines at page breaks): the passes that only concern those visit only those.
  std::vector<std::size_t> evidence;
  bool pending_break = false;
  bool page_breaks = false;
  bool shapes = false;  // some line has a page number's shape
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const Block& block = doc.blocks[b];
    if (block.kind == BlockKind::kPageBreak) {
      if (!lines.empty()) {
        lines.back().break_after = true;
        evidence.push_back(lines.size() - 1);
      }
      pending_break = true;
      page_breaks = true;
      continue;
    }
    if (is_furniture(block.kind) || block.text.empty()) continue;
    std::string_view text = block.text;
    std::size_t at = 0;
    bool first = true;
    while (at <= text.size()) {
      std::size_t nl = text.find('\n', at);
      std::size_t end = nl == std::string_view::npos ? text.size() : nl;
      Line& line = lines.emplace_back();  // filled in place: a Line is large, and lines are many
      line.block = b;
      line.begin = at;
      line.end = end;
      line.first = first;
      line.last = nl == std::string_view::npos;
      line.break_before = pending_break;
      if (pending_break) evidence.push_back(lines.size() - 1);
      pending_break = false;
      first = false;
      std::string_view content = text.substr(at, end - at);
      // paragraph_evidence's, inline for a first ideograph or ASCII character: it skips '\n' too,
      // which a line does not hold.
      line.first_visible = first_visible(content);
      line.shape = may_start_page_number(line.first_visible)
                       ? furniture_detail::page_number_shape(content, true)
                       : Shape::kNone;
      line.key_known = line.shape != Shape::kNone;  // no key
      shapes |= line.key_known;
      if (line.shape != Shape::kNone) {  // the line and both its neighbours
        std::size_t i = lines.size() - 1;
        evidence.insert(evidence.end(), {i == 0 ? i : i - 1, i, i + 1});
      }
      if (nl == std::string_view::npos) break;
      at = nl + 1;
    }
  }
  // With neither, nothing is furniture: no page number without its shape, and a header needs
  // two occurrences at a page boundary, of which there is one (the document's end).
  if (lines.empty() || (shortcuts && !shapes && !page_breaks)) return;
  lines.back().break_after = true;
  evidence.push_back(lines.size() - 1);
  if (shortcuts) {
    std::sort(evidence.begin(), evidence.end());
    evidence.erase(std::unique(evidence.begin(), evidence.end()), evidence.end());
    if (evidence.back() >= lines.size()) evidence.pop_back();  // the last line's next
  } else {
    evidence.resize(lines.size());
    std::iota(evidence.begin(), evidence.end(), std::size_t{0});
  }
  // The size of line i's key (0: it has none).
  auto key_size = [&](std::size_t i) {
    Line& l = lines[i];
    if (!l.key_known) {
      std::string_view text = doc.blocks[l.block].text;
      measure_key(text.substr(l.begin, l.end - l.begin), l);
      l.key_known = true;
    }
    return l.key_size;
  };
  // Line i's key (key_size(i) > 0).
  auto key = [&](std::size_t i) {
    Line& l = lines[i];
    if (l.spaced && l.key.empty()) {
      std::string_view text = doc.blocks[l.block].text;
      l.key = spaced_key(text.substr(l.begin, l.end - l.begin), keys);
    }
    return l.key;
  };

  // Whether a line's key occurs at least twice is asked only next to a page-number shape or a
  // page break (see the two uses below), so only those keys are counted. Most lines are skipped
  // by their key's length before any hashing.
  std::vector<char> asked(lines.size());
  for (std::size_t i : evidence) {
    const Line& l = lines[i];
    if (l.break_before || l.break_after) asked[i] = 1;
    if (l.shape != Shape::kNone) {
      if (i > 0) asked[i - 1] = 1;
      if (i + 1 < lines.size()) asked[i + 1] = 1;
    }
  }
  // A line can only share a key whose first code point it starts with: a filter on the low 16
  // bits of it (false alarms only cost the exact comparison).
  auto first_slot = [&](std::size_t i) { return lines[i].first_visible & 0xFFFF; };
  std::unordered_map<std::string_view, std::size_t> counts;
  std::array<bool, kMaxKeyBytes + 1> counted_size{};
  std::bitset<0x10000> counted_first;  // on the stack: no allocation per document
  // And with its last byte: a line whose last byte no counted key ends with is not measured.
  auto last_byte = [&](std::size_t i) {
    std::string_view text = doc.blocks[lines[i].block].text;
    return furniture_detail::last_key_byte(
        text.substr(lines[i].begin, lines[i].end - lines[i].begin));
  };
  std::bitset<256> counted_last;
  for (std::size_t i : evidence) {
    if (!asked[i] || key_size(i) == 0) continue;
    counts.try_emplace(key(i), 0);  // a node is made only for a new key (emplace makes one first)
    counted_size[key_size(i)] = true;
    counted_first[first_slot(i)] = true;
    counted_last[static_cast<std::size_t>(last_byte(i))] = true;
  }
  if (!counts.empty()) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!counted_first[first_slot(i)]) continue;
      if (int last = last_byte(i); last < 0 || !counted_last[static_cast<std::size_t>(last)]) {
        continue;
      }
      if (key_size(i) == 0 || !counted_size[key_size(i)]) continue;
      auto it = counts.find(key(i));
      if (it != counts.end()) ++it->second;
    }
  }
  // Meaningful for lines with asked[i] set (a line not counted is not repeated).
  auto repeated = [&](std::size_t i) {
    if (key_size(i) == 0) return false;
    auto it = counts.find(key(i));
    return it != counts.end() && it->second >= 2;
  };

  // Page numbers: a strong shape at a block edge, or a bare number next to a repeated line or a
  // page break (a bare number inside running text is content).
  std::vector<std::size_t> furniture_lines;  // page numbers and headers, in order
  for (std::size_t i : evidence) {
    Line& l = lines[i];
    if (l.shape == Shape::kNone) continue;
    bool edge = l.first || l.last;
    bool near_repeat = (i > 0 && repeated(i - 1)) || (i + 1 < lines.size() && repeated(i + 1));
    bool near_break = l.break_before || l.break_after;
    if (l.shape == Shape::kPageNumber) {
      l.page_number = edge || near_repeat || near_break;
    } else {
      l.page_number = edge && (near_repeat || near_break);
    }
    if (l.page_number) furniture_lines.push_back(i);
  }
  // Running headers/footers: repeated short lines next to page numbers or page breaks, when at
  // least two of their occurrences sit there.
  auto at_boundary = [&](std::size_t i) {
    const Line& l = lines[i];
    return l.break_before || l.break_after || (i > 0 && lines[i - 1].page_number) ||
           (i + 1 < lines.size() && lines[i + 1].page_number);
  };
  std::unordered_map<std::string_view, std::size_t> boundary_counts;
  std::array<bool, kMaxKeyBytes + 1> boundary_size{};
  std::bitset<0x10000> boundary_first;
  for (std::size_t i : evidence) {
    // at_boundary(i) implies asked[i]: a break at the line or a page number next to it.
    if (!lines[i].page_number && at_boundary(i) && repeated(i)) {
      ++boundary_counts[key(i)];
      boundary_size[key_size(i)] = true;
      boundary_first[first_slot(i)] = true;
    }
  }
  // A header repeats on a good share of the pages: "√是□否" next to two page numbers of a
  // 300-page report is content. A header that repeats on at least half of them is furniture at
  // any block edge too (a page whose number is missing), except as the document's first line,
  // where the same words are the title.
  std::size_t pages = 0;
  for (std::size_t i : evidence) pages += lines[i].page_number || lines[i].break_after;
  std::size_t needed = std::max<std::size_t>(2, pages / 10);
  for (std::size_t i = 0; i < lines.size() && !boundary_counts.empty(); ++i) {
    Line& l = lines[i];
    if (l.page_number || !boundary_first[first_slot(i)] || key_size(i) == 0 ||
        !boundary_size[key_size(i)]) {
      continue;
    }
    auto it = boundary_counts.find(key(i));
    if (it == boundary_counts.end()) continue;
    bool confirmed = it->second >= 2 && it->second * 2 >= pages;
    if ((at_boundary(i) && it->second >= needed) || (confirmed && i > 0 && (l.first || l.last))) {
      l.header = true;
      furniture_lines.push_back(i);
    }
  }
  std::sort(furniture_lines.begin(), furniture_lines.end());

  // Plan the cuts, block by block, and log each furniture line against the source.
  // A block's lines are next to each other: [i, j) around its first furniture line.
  std::vector<std::pair<std::size_t, std::vector<Piece>>> plan;
  for (std::size_t f = 0; f < furniture_lines.size();) {
    std::size_t b = lines[furniture_lines[f]].block;
    std::size_t i = furniture_lines[f], j = i + 1;
    while (i > 0 && lines[i - 1].block == b) --i;
    while (j < lines.size() && lines[j].block == b) ++j;
    while (f < furniture_lines.size() && furniture_lines[f] < j) ++f;
    const Block& block = doc.blocks[b];
    std::vector<Piece> pieces;
    pieces.reserve(j - i);  // at most one a line: allocated once, not grown piece by piece
    for (std::size_t k = i; k < j; ++k) {
      const Line& l = lines[k];
      BlockKind kind = block.kind;
      if (l.page_number) {
        kind = BlockKind::kPageNumber;
      } else if (l.header) {
        // A footer closes a page: a page break, or a page number and then a page break, follows
        // it. Anything else repeated at a page boundary heads the next page.
        bool next_number = k + 1 < lines.size() && lines[k + 1].page_number;
        bool bottom = (l.break_after && !(k > 0 && lines[k - 1].page_number)) ||
                      (next_number && lines[k + 1].break_after && !l.break_before);
        kind = bottom ? BlockKind::kRunningFooter : BlockKind::kRunningHeader;
      }
      bool furniture = l.page_number || l.header;
      if (furniture && doc.log_changes) {  // the source offsets cost a search each
        doc.log(kFilter, kind_name(kind),
                {block.span.source, block.source_offset(l.begin), block.source_offset(l.end)},
                std::string_view(block.text).substr(l.begin, l.end - l.begin), "");
      }
      if (!furniture && !pieces.empty() && !is_furniture(pieces.back().kind)) {
        pieces.back().end = l.end;
      } else {
        pieces.push_back({l.begin, l.end, kind});
      }
    }
    pieces.front().begin = 0;
    pieces.back().end = block.text.size();
    plan.emplace_back(b, std::move(pieces));
  }
  cut_blocks(doc, std::move(plan));
}

std::unique_ptr<Filter> make_furniture_filter(const FilterArgs& args) {
  args.allow({});
  return std::make_unique<FurnitureFilter>();
}

}  // namespace hantidy
