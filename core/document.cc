#include "core/document.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace hantidy {
namespace {

struct KindName {
  BlockKind kind;
  std::string_view name;
};

// The names are the JSONL `type` values of ../shared/eval/README.md.
constexpr std::array<KindName, 12> kKindNames = {{
    {BlockKind::kTitle, "title"},
    {BlockKind::kHeading, "heading"},
    {BlockKind::kParagraph, "paragraph"},
    {BlockKind::kSpeakerLabel, "speaker"},
    {BlockKind::kCaption, "caption"},
    {BlockKind::kSalutation, "salutation"},
    {BlockKind::kListItem, "list-item"},
    {BlockKind::kNote, "note"},
    {BlockKind::kPageNumber, "page-number"},
    {BlockKind::kRunningHeader, "running-header"},
    {BlockKind::kRunningFooter, "running-footer"},
    {BlockKind::kPageBreak, "page-break"},
}};

// Where old positions land after `reps` (sorted, non-overlapping) are applied. A pure insertion
// at `pos` counts as before it when `insertions_before` is set. `shift[k]` is the size change
// made by reps[0, k). Queries mostly come in increasing order, so a cursor answers them in
// amortized constant time (a binary search when one goes back): a filter that makes 10^5 changes
// in one block (script conversion of a long line) stays linear, not quadratic.
class PositionMap {
 public:
  // `shift` is scratch space the caller keeps between calls (no allocation per rewrite).
  PositionMap(const std::vector<Replacement>& reps, std::vector<std::ptrdiff_t>& shift)
      : reps_(reps), shift_(shift) {
    shift_.assign(reps.size() + 1, 0);
    for (std::size_t k = 0; k < reps.size(); ++k) {
      shift_[k + 1] = shift_[k] + static_cast<std::ptrdiff_t>(reps[k].text.size()) -
                      static_cast<std::ptrdiff_t>(reps[k].end - reps[k].begin);
    }
  }

  std::size_t operator()(std::size_t pos, bool insertions_before) {
    auto before = [&](const Replacement& r) {
      return r.end < pos || (r.end == pos && (r.begin < pos || insertions_before));
    };
    if (cursor_ > 0 && !before(reps_[cursor_ - 1])) {
      cursor_ = static_cast<std::size_t>(std::partition_point(reps_.begin(), reps_.end(), before) -
                                         reps_.begin());
    }
    while (cursor_ < reps_.size() && before(reps_[cursor_])) ++cursor_;
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(pos) + shift_[cursor_]);
  }

 private:
  const std::vector<Replacement>& reps_;
  std::vector<std::ptrdiff_t>& shift_;
  std::size_t cursor_ = 0;  // reps_[0, cursor_) are before the last position asked for
};

// The source offset of text position `pos` when `e` is the last edit beginning at or before it.
std::size_t source_through(const Edit& e, std::size_t pos) {
  if (pos < e.end) return e.source + std::min(pos - e.begin, e.orig.size());
  return e.source + e.orig.size() + (pos - e.end);
}

// Block::source_offset for positions asked in increasing order (a rewrite's sorted
// replacements): a cursor over the edits instead of a binary search per position.
class SourceCursor {
 public:
  explicit SourceCursor(const Block& block) : block_(block) {}

  std::size_t operator()(std::size_t pos) {
    const std::vector<Edit>& edits = block_.edits;
    if (next_ > 0 && edits[next_ - 1].begin > pos) return block_.source_offset(pos);  // went back
    while (next_ < edits.size() && edits[next_].begin <= pos) ++next_;
    if (next_ == 0) return block_.span.begin + pos;
    return source_through(edits[next_ - 1], pos);
  }

 private:
  const Block& block_;
  std::size_t next_ = 0;  // edits[0, next_) begin at or before the last position asked for
};

bool overlaps(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
  return b1 < e2 && b2 < e1;
}

}  // namespace

void apply_replacements(std::string& text, const std::vector<Replacement>& reps) {
  if (reps.empty()) return;
  // Most filters only delete or shorten (spaces, soft line breaks, full-width digits): then the
  // text is rewritten in its own buffer from the first replacement on, since the write position
  // never passes the read position. Otherwise a new string is built.
  bool shrinks = std::all_of(reps.begin(), reps.end(),
                             [](const Replacement& r) { return r.text.size() <= r.end - r.begin; });
  if (shrinks) {
    char* data = text.data();
    std::size_t write = reps.front().begin, read = reps.front().begin;
    for (const Replacement& r : reps) {
      std::memmove(data + write, data + read, r.begin - read);
      write += r.begin - read;
      std::memcpy(data + write, r.text.data(), r.text.size());
      write += r.text.size();
      read = r.end;
    }
    std::memmove(data + write, data + read, text.size() - read);
    text.resize(write + text.size() - read);
    return;
  }
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t at = 0;
  for (const Replacement& r : reps) {
    out.append(text, at, r.begin - at);
    out += r.text;
    at = r.end;
  }
  out.append(text, at, std::string::npos);
  text = std::move(out);
}

std::string_view kind_name(BlockKind kind) {
  for (const KindName& k : kKindNames) {
    if (k.kind == kind) return k.name;
  }
  return "paragraph";
}

bool kind_from_name(std::string_view name, BlockKind& kind) {
  for (const KindName& k : kKindNames) {
    if (k.name == name) {
      kind = k.kind;
      return true;
    }
  }
  return false;
}

bool is_furniture(BlockKind kind) {
  return kind == BlockKind::kPageNumber || kind == BlockKind::kRunningHeader ||
         kind == BlockKind::kRunningFooter || kind == BlockKind::kPageBreak;
}

std::size_t Block::source_offset(std::size_t pos) const {
  // Only the last edit that begins at or before `pos` matters; edits are sorted and disjoint, so
  // a binary search keeps this O(log n) (filters call it once per change on big blocks).
  auto it = std::upper_bound(edits.begin(), edits.end(), pos,
                             [](std::size_t p, const Edit& e) { return p < e.begin; });
  if (it == edits.begin()) return span.begin + pos;
  return source_through(*std::prev(it), pos);
}

std::string Block::original_text() const {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const Edit& e : edits) {
    out.append(text, at, e.begin - at);
    out += e.orig;
    at = e.end;
  }
  out.append(text, at, std::string::npos);
  return out;
}

std::size_t Document::rewrite(std::size_t index, std::vector<Replacement> reps,
                              std::string_view filter) {
  Block& block = blocks.at(index);
  std::erase_if(reps, [&](const Replacement& r) {
    return r.end < r.begin || r.end > block.text.size() ||
           block.text.compare(r.begin, r.end - r.begin, r.text) == 0;
  });
  if (reps.empty()) return 0;
  // Scratch kept per thread: a rewrite per block per filter is the hot path of the whole chain,
  // and these would otherwise be two allocations each time.
  thread_local std::vector<std::ptrdiff_t> shift;
  PositionMap map_position(reps, shift);

  const Name filter_name(filter);  // interned once per call, not once per change

  // Log each change against the source before the text moves.
  SourceCursor source_of(block);
  for (const Replacement& r : reps) {
    std::size_t source_begin = source_of(r.begin);
    changes.push_back({filter_name, r.rule,
                       SourceSpan{block.span.source, source_begin, source_of(r.end)},
                       block.text.substr(r.begin, r.end - r.begin), r.text});
  }

  // Group old edits and new replacements that overlap; each group becomes one edit. Both lists
  // are sorted, so one merge orders them (old edits first among equals, as before).
  struct Item {
    std::size_t begin, end;
    Edit* old;               // null for a replacement
    const Replacement* rep;  // null for an old edit
  };
  auto by_position = [](const Item& a, const Item& b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
  };
  thread_local std::vector<Item> items;
  items.clear();
  items.reserve(block.edits.size() + reps.size());
  {
    std::size_t e = 0, r = 0;
    while (e < block.edits.size() || r < reps.size()) {
      Item next_old{0, 0, nullptr, nullptr}, next_rep{0, 0, nullptr, nullptr};
      if (e < block.edits.size()) {
        next_old = {block.edits[e].begin, block.edits[e].end, &block.edits[e], nullptr};
      }
      if (r < reps.size()) next_rep = {reps[r].begin, reps[r].end, nullptr, &reps[r]};
      if (r == reps.size() || (e < block.edits.size() && !by_position(next_rep, next_old))) {
        items.push_back(next_old);
        ++e;
      } else {
        items.push_back(next_rep);
        ++r;
      }
    }
  }
  if (!std::is_sorted(items.begin(), items.end(), by_position)) {  // a list was out of order
    std::stable_sort(items.begin(), items.end(), by_position);
  }

  // Two passes over the groups: the first finds them and the source offset of each new group
  // (which reads the old edits), so that the second may move the old edits instead of copying.
  struct Group {
    std::size_t first, last;  // items[first, last)
    std::size_t end;          // the furthest end in the group
    std::size_t source;       // source offset of a new group's begin
  };
  thread_local std::vector<Group> groups;
  groups.clear();
  SourceCursor group_source(block);
  for (std::size_t i = 0; i < items.size();) {
    std::size_t j = i + 1;
    std::size_t group_end = items[i].end;
    while (j < items.size() && overlaps(items[i].begin, group_end, items[j].begin, items[j].end)) {
      group_end = std::max(group_end, items[j].end);
      ++j;
    }
    bool untouched = j == i + 1 && items[i].old;
    std::size_t source = untouched || items[i].old ? 0 : group_source(items[i].begin);
    groups.push_back({i, j, group_end, source});
    i = j;
  }

  std::vector<Edit> edits;
  edits.reserve(items.size());
  for (const Group& group : groups) {
    std::size_t i = group.first, j = group.last, group_end = group.end;
    const Item& first = items[i];
    if (j == i + 1 && first.old) {
      Edit e = std::move(*first.old);  // an edit no replacement touched: only its range moves
      e.begin = map_position(e.begin, true);
      e.end = std::max(e.begin, map_position(e.end, false));
      edits.push_back(std::move(e));
    } else {
      std::size_t gb = first.begin, ge = group_end;
      // The original of the group: old text with old edits undone.
      std::string orig;
      std::size_t at = gb;
      const Replacement* last_rep = nullptr;
      for (std::size_t k = i; k < j; ++k) {
        if (items[k].rep) last_rep = items[k].rep;
        if (!items[k].old) continue;
        orig.append(block.text, at, items[k].begin - at);
        orig += items[k].old->orig;
        at = items[k].end;
      }
      orig.append(block.text, at, ge - at);
      Edit e;
      // A pure insertion is a group of its own (it overlaps nothing): its edit must cover the
      // text it inserts. Any other group must not reach over a neighbouring insertion.
      bool insertion = gb == ge;
      e.begin = map_position(gb, !insertion);
      e.end = std::max(e.begin, map_position(ge, insertion));
      e.source = first.old ? first.old->source : group.source;
      e.orig = std::move(orig);
      e.filter = filter_name;
      e.rule = last_rep ? last_rep->rule : Name();
      edits.push_back(std::move(e));
    }
  }

  for (Mark& m : block.marks) {
    m.begin = map_position(m.begin, true);
    m.end = std::max(m.begin, map_position(m.end, false));
  }

  // An old edit that removed text at a point where a replacement now inserts maps after the
  // inserted text (insertions count as before it) but came first in `items`: put it back in
  // order, or original_text() and source offsets would read the edits backwards.
  auto by_begin = [](const Edit& a, const Edit& b) { return a.begin < b.begin; };
  if (!std::is_sorted(edits.begin(), edits.end(), by_begin)) {
    std::stable_sort(edits.begin(), edits.end(), by_begin);
  }
  block.edits = std::move(edits);
  apply_replacements(block.text, reps);
  return reps.size();
}

void Document::log(std::string_view filter, std::string_view rule, SourceSpan span,
                   std::string orig, std::string reg) {
  changes.push_back({Name(filter), Name(rule), span, std::move(orig), std::move(reg)});
}

void Document::annotate(std::string_view filter, std::string_view rule, SourceSpan span,
                        std::string from, std::string to) {
  changes.push_back({Name(filter), Name(rule), span, std::move(from), std::move(to), true});
}

void Document::join_blocks(std::size_t first, std::size_t second, std::string_view separator,
                           std::string_view removed, std::string_view filter,
                           std::string_view rule) {
  Block& a = blocks.at(first);
  Block b = std::move(blocks.at(second));
  std::size_t shift = a.text.size() + separator.size();
  Edit join;
  join.begin = a.text.size();
  join.end = shift;
  join.orig = std::string(removed);
  join.source = b.span.begin >= removed.size() ? b.span.begin - removed.size() : 0;
  join.filter = Name(filter);
  join.rule = Name(rule);
  log(filter, rule, SourceSpan{a.span.source, a.span.end, b.span.begin}, std::string(removed),
      std::string(separator));
  a.text.append(separator);
  a.text += b.text;
  a.edits.push_back(std::move(join));
  for (Edit e : b.edits) {
    e.begin += shift;
    e.end += shift;
    a.edits.push_back(std::move(e));
  }
  for (Mark m : b.marks) {
    m.begin += shift;
    m.end += shift;
    a.marks.push_back(std::move(m));
  }
  if (a.span.source == b.span.source) {
    a.span.begin = std::min(a.span.begin, b.span.begin);
    a.span.end = std::max(a.span.end, b.span.end);
  }
  blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(second));
}

void Document::split_block(std::size_t index, std::size_t end_first, std::size_t begin_second) {
  Block& a = blocks.at(index);
  end_first = std::min(end_first, a.text.size());
  begin_second = std::clamp(begin_second, end_first, a.text.size());
  Block b;
  b.kind = a.kind;
  b.level = a.level;
  b.speakers = a.speakers;
  b.attrs = a.attrs;
  b.text = a.text.substr(begin_second);
  b.span = {a.span.source, a.source_offset(begin_second), a.span.end};
  std::size_t first_end_source = a.source_offset(end_first);
  // Edits and marks are sorted by begin: the tail that moves is found by binary search, so a
  // block cut into many pieces from its end costs time linear in its size.
  auto edit_tail = std::lower_bound(a.edits.begin(), a.edits.end(), begin_second,
                                    [](const Edit& e, std::size_t p) { return e.begin < p; });
  for (auto it = edit_tail; it != a.edits.end(); ++it) {
    Edit e = std::move(*it);
    e.begin -= begin_second;
    e.end -= begin_second;
    b.edits.push_back(std::move(e));
  }
  a.edits.erase(edit_tail, a.edits.end());
  while (!a.edits.empty() && a.edits.back().begin >= end_first &&
         !(a.edits.back().begin == end_first && a.edits.back().end == end_first)) {
    a.edits.pop_back();
  }
  if (!a.edits.empty()) a.edits.back().end = std::min(a.edits.back().end, end_first);
  auto mark_tail = std::lower_bound(a.marks.begin(), a.marks.end(), begin_second,
                                    [](const Mark& m, std::size_t p) { return m.begin < p; });
  for (auto it = mark_tail; it != a.marks.end(); ++it) {
    Mark m = std::move(*it);
    m.begin -= begin_second;
    m.end -= begin_second;
    b.marks.push_back(std::move(m));
  }
  a.marks.erase(mark_tail, a.marks.end());
  while (!a.marks.empty() && a.marks.back().begin >= end_first) a.marks.pop_back();
  for (Mark& m : a.marks) m.end = std::min(m.end, end_first);
  a.text.resize(end_first);
  a.span.end = first_end_source;
  blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(index) + 1, std::move(b));
}

const Person* Document::person(std::string_view id) const {
  for (const Person& p : persons) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    starts_.push_back(i + 1);
  }
}

Position LineIndex::at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin());
  std::size_t start = starts_[line - 1];
  // Columns count code points, as editors do for UTF-8.
  std::size_t column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

}  // namespace hantidy
