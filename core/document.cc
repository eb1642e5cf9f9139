#include "core/document.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <memory>
#include <type_traits>

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
      if (!r.text.empty()) {  // most shortening replacements are removals
        std::memcpy(data + write, r.text.data(), r.text.size());
        write += r.text.size();
      }
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

// The texts live in chunks that are never moved or freed while the store lives. Most blocks keep a
// few short texts (a space, a full-width digit): those fit in the first chunk, which is part of
// the store's own allocation.
struct EditTexts::Chunks {
  static constexpr std::size_t kFirst = 120;
  static constexpr std::size_t kMaxChunk = std::size_t{1} << 16;
  struct Chunk {
    std::unique_ptr<char[]> data;
    std::size_t size;
  };
  std::array<char, kFirst> first;
  std::vector<Chunk> more;
  char* free = first.data();
  std::size_t left = kFirst;
  std::size_t last_size = kFirst;
};

char* EditTexts::room(std::size_t size) {
  if (!chunks_) chunks_ = std::make_shared<Chunks>();
  Chunks& c = *chunks_;
  if (size > c.left) {
    // Each chunk twice the last, up to a cap: a block with many edits makes few allocations, and
    // a rewrite with more originals than that gets a chunk of its own size.
    std::size_t chunk = std::max(size, std::min(2 * c.last_size, Chunks::kMaxChunk));
    c.more.push_back({std::make_unique_for_overwrite<char[]>(chunk), chunk});
    c.free = c.more.back().data.get();
    c.left = chunk;
    c.last_size = chunk;
  }
  char* at = c.free;
  c.free += size;
  c.left -= size;
  return at;
}

std::string_view EditTexts::keep(std::string_view text) {
  if (text.empty()) return {};
  char* at = room(text.size());
  std::memcpy(at, text.data(), text.size());
  return {at, text.size()};
}

// What EditTexts is for: vectors of edits grow, shift and split as plain memory.
static_assert(std::is_trivially_copyable_v<Edit>);

void EditTexts::share(EditTexts& other) {
  if (chunks_) return;
  if (!other.chunks_) other.chunks_ = std::make_shared<Chunks>();
  chunks_ = other.chunks_;
}

bool EditTexts::same_store(const EditTexts& other) const {
  return chunks_ != nullptr && chunks_ == other.chunks_;
}

bool EditTexts::holds(std::string_view text) const {
  if (!chunks_) return false;
  auto inside = [&](const char* data, std::size_t size) {
    std::less_equal<const char*> at_or_before;  // total order, unlike <= on unrelated pointers
    return at_or_before(data, text.data()) && at_or_before(text.data() + text.size(), data + size);
  };
  if (inside(chunks_->first.data(), chunks_->first.size())) return true;
  return std::any_of(chunks_->more.begin(), chunks_->more.end(),
                     [&](const Chunks::Chunk& c) { return inside(c.data.get(), c.size); });
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

namespace {

// (begin, end) order of the general path's merge, old edits first among equals.
template <class A, class B>
bool by_position(const A& a, const B& b) {
  return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
}

// Marks keep covering their text: they move with it, as the edits do.
void map_marks(std::vector<Mark>& marks, PositionMap map_position) {
  for (Mark& m : marks) {
    m.begin = map_position(m.begin, true);
    m.end = std::max(m.begin, map_position(m.end, false));
  }
}

// The fewest edits a block's vector is given room for when it must grow.
constexpr std::size_t kMinEdits = 8;

// The size change a replacement makes.
std::ptrdiff_t growth(const Replacement& r) {
  return static_cast<std::ptrdiff_t>(r.text.size()) - static_cast<std::ptrdiff_t>(r.end - r.begin);
}

// The item fits_untouched placed last, old edit or replacement, for checking the next against.
struct LastPlaced {
  std::size_t begin = 0, end = 0, new_begin = 0;  // new_begin: where it begins once moved
  bool old = false;
  bool any = false;

  // Whether an item [begin, end), at `new_begin` once moved, may follow: in (begin, end) order,
  // apart, and not moved before it. If so it becomes the last.
  bool take(std::size_t b, std::size_t e, std::size_t nb, bool is_old) {
    if (any) {
      bool out_of_order = b < begin || (b == begin && e < end);
      if (out_of_order || overlaps(begin, end, b, e) || nb < new_begin) return false;
    }
    *this = {b, e, nb, is_old, true};
    return true;
  }
};

// Whether merge_untouched may place `reps` among `edits`: merged in (begin, end) order, old edits
// first among equals, the items must stay in order and apart, in the text as it is and as it
// will be. Sets `total` to the size change of all the replacements.
bool fits_untouched(const std::vector<Edit>& edits, const std::vector<Replacement>& reps,
                    std::ptrdiff_t& total) {
  // When these checks pass, every replacement merged before an item ends at or before it and
  // every one after begins at or after its end: the position map moves the item by the size
  // change of those before it, kept here as it goes. The one exception fails the checks.
  std::ptrdiff_t shift = 0;
  auto moved = [&](std::size_t pos) {
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(pos) + shift);
  };
  LastPlaced last;
  std::size_t e = 0;
  auto take_old = [&](const Edit& old) {
    return last.take(old.begin, old.end, moved(old.begin), true);
  };
  for (const Replacement& rep : reps) {
    // The old edits merged before this replacement; a run of them (most of a block, when a
    // filter changes a few places) costs no merge decision per item.
    for (; e < edits.size() && !by_position(rep, edits[e]); ++e) {
      if (!take_old(edits[e])) return false;
    }
    // An insertion where the item before is an old edit that removed text at the same point:
    // the map counts the insertion before that edit, which so lands after the inserted text, out
    // of order.
    if (rep.begin == rep.end && last.old && last.begin == rep.begin && last.end == rep.begin) {
      return false;
    }
    if (!last.take(rep.begin, rep.end, moved(rep.begin), false)) return false;
    shift += growth(rep);
  }
  for (; e < edits.size(); ++e) {
    if (!take_old(edits[e])) return false;
  }
  total = shift;
  return true;
}

// The usual rewrite: no replacement touches an earlier edit (they are one-item groups of the
// general path below), and the new order needs no re-sort. Then each old edit only moves
// within the block's own vector and the new edits fill the gaps, from the back, so nothing is
// allocated unless the vector must grow. Returns false, having changed nothing, when the
// general path is needed. `sources[k]` is the source offset of reps[k].begin.
bool merge_untouched(Block& block, const std::vector<Replacement>& reps,
                     const std::vector<std::size_t>& sources, Name filter) {
  std::vector<Edit>& edits = block.edits;
  std::ptrdiff_t shift = 0;  // the size change of the replacements not yet placed
  if (!fits_untouched(edits, reps, shift)) return false;
  auto moved = [&](std::size_t pos) {
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(pos) + shift);
  };
  const std::size_t n = edits.size(), m = reps.size();
  // Most blocks take a few edits from each of several filters: room for a few more saves a
  // reallocation on the next rewrite.
  if (n + m > edits.capacity()) edits.reserve(std::max({n + m, 2 * edits.capacity(), kMinEdits}));
  edits.resize(n + m);
  // The new originals, copied into one piece of the block's store, from its end as the merge goes.
  std::size_t orig_bytes = 0;
  for (const Replacement& rep : reps) orig_bytes += rep.end - rep.begin;
  char* orig_end = block.edit_texts.room(orig_bytes) + orig_bytes;
  // The merge again, from the back: the checks passed, so both lists are in order and no old
  // edit has a replacement's (begin, end), and the last of the two is the one the merge placed
  // last.
  std::size_t out = n + m, e = n, r = m;
  while (r > 0) {  // once every replacement has its place, the old edits left are at theirs
    --out;
    Edit& slot = edits[out];
    if (e > 0 && by_position(reps[r - 1], edits[e - 1])) {
      --e;
      if (e != out) slot = std::move(edits[e]);
      std::size_t new_begin = moved(slot.begin);
      slot.end = std::max(new_begin, moved(slot.end));
      slot.begin = new_begin;
    } else {
      const Replacement& rep = reps[--r];
      shift -= growth(rep);
      std::size_t orig_size = rep.end - rep.begin;
      orig_end -= orig_size;
      std::copy_n(block.text.data() + rep.begin, orig_size, orig_end);
      slot.orig = {orig_end, orig_size};
      slot.source = sources[r];
      slot.filter = filter;
      slot.rule = rep.rule;
      slot.begin = moved(rep.begin);
      slot.end = slot.begin + rep.text.size();
    }
  }
  // The old edits before every replacement keep their place: edits[0, out) are left as they are.
  return true;
}

std::size_t rewrite_block(Document& doc, std::size_t index, std::vector<Replacement>& reps,
                          std::string_view filter, bool allow_fast) {
  Block& block = doc.blocks.at(index);
  // Most replacements change the size (removals, full-width marks): those need no compare.
  std::erase_if(reps, [&](const Replacement& r) {
    return r.end < r.begin || r.end > block.text.size() ||
           (r.end - r.begin == r.text.size() &&
            block.text.compare(r.begin, r.end - r.begin, r.text) == 0);
  });
  if (reps.empty()) return 0;
  block.edit_texts.share(doc.edit_texts);
  // Pure insertions at one point are applied as one (texts in order, the first one's rule): kept
  // apart, each one's edit would cover both texts and original_text() would hold them.
  for (std::size_t k = 1; k < reps.size();) {
    Replacement& before = reps[k - 1];
    if (before.begin == before.end && reps[k].begin == reps[k].end &&
        reps[k].begin == before.begin) {
      before.text += reps[k].text;
      reps.erase(reps.begin() + static_cast<std::ptrdiff_t>(k));
    } else {
      ++k;
    }
  }
  // Scratch kept per thread: a rewrite per block per filter is the hot path of the whole chain,
  // and these would otherwise be allocations each time.
  thread_local std::vector<std::ptrdiff_t> shift;
  thread_local std::vector<std::size_t> sources;

  // Interned once per call, not once per change; a filter rewrites block after block, so the
  // name of the last call is usually the one asked for.
  thread_local Name filter_name;
  if (filter_name.view() != filter) filter_name = Name(filter);

  // Log each change against the source before the text moves; the record is filled in place.
  SourceCursor source_of(block);
  sources.clear();
  for (const Replacement& r : reps) {
    std::size_t source_begin = source_of(r.begin);
    sources.push_back(source_begin);
    if (!doc.log_changes) continue;
    ChangeRecord& c = doc.changes.emplace_back();
    c.filter = filter_name;
    c.rule = r.rule;
    c.span = SourceSpan{block.span.source, source_begin, source_of(r.end)};
    c.orig.assign(block.text, r.begin, r.end - r.begin);
    c.reg = r.text;
  }

  if (!allow_fast || !merge_untouched(block, reps, sources, filter_name)) {
    PositionMap map_position(reps, shift);
    // Group old edits and new replacements that overlap; each group becomes one edit. Both
    // lists are sorted, so one merge orders them (old edits first among equals, as before).
    struct Item {
      std::size_t begin, end;
      Edit* old;               // null for a replacement
      const Replacement* rep;  // null for an old edit
    };
    auto item_order = [](const Item& a, const Item& b) { return by_position(a, b); };
    thread_local std::vector<Item> items;
    items.clear();
    items.reserve(block.edits.size() + reps.size());
    {
      std::size_t e = 0, r = 0;
      while (e < block.edits.size() || r < reps.size()) {
        if (r == reps.size() || (e < block.edits.size() && !by_position(reps[r], block.edits[e]))) {
          items.push_back({block.edits[e].begin, block.edits[e].end, &block.edits[e], nullptr});
          ++e;
        } else {
          items.push_back({reps[r].begin, reps[r].end, nullptr, &reps[r]});
          ++r;
        }
      }
    }
    if (!std::is_sorted(items.begin(), items.end(), item_order)) {  // a list was out of order
      std::stable_sort(items.begin(), items.end(), item_order);
    }

    // Two passes over the groups: the first finds them and the source offset of each new group
    // (which reads the old edits), so that the second may move the old edits instead of
    // copying.
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
      while (j < items.size() &&
             overlaps(items[i].begin, group_end, items[j].begin, items[j].end)) {
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
        thread_local std::string orig;
        orig.clear();
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
        e.orig = block.edit_texts.keep(orig);
        e.filter = filter_name;
        e.rule = last_rep ? last_rep->rule : Name();
        edits.push_back(std::move(e));
      }
    }

    // An old edit that removed text at a point where a replacement now inserts maps after the
    // inserted text (insertions count as before it) but came first in `items`: put it back in
    // order, or original_text() and source offsets would read the edits backwards.
    auto by_begin = [](const Edit& a, const Edit& b) { return a.begin < b.begin; };
    if (!std::is_sorted(edits.begin(), edits.end(), by_begin)) {
      std::stable_sort(edits.begin(), edits.end(), by_begin);
    }
    block.edits = std::move(edits);
  }

  // Made only when there are marks: the usual rewrite places its edits without it.
  if (!block.marks.empty()) map_marks(block.marks, PositionMap(reps, shift));
  apply_replacements(block.text, reps);
  return reps.size();
}

}  // namespace

std::size_t Document::rewrite(std::size_t index, std::vector<Replacement> reps,
                              std::string_view filter) {
  return rewrite_block(*this, index, reps, filter, true);
}

std::size_t Document::rewrite_and_clear(std::size_t index, std::vector<Replacement>& reps,
                                        std::string_view filter) {
  std::size_t applied = rewrite_block(*this, index, reps, filter, true);
  reps.clear();
  return applied;
}

namespace document_internal {

std::size_t rewrite_general(Document& doc, std::size_t index, std::vector<Replacement> reps,
                            std::string_view filter) {
  return rewrite_block(doc, index, reps, filter, false);
}

}  // namespace document_internal

void Document::log(std::string_view filter, std::string_view rule, SourceSpan span,
                   std::string_view orig, std::string_view reg) {
  if (!log_changes) return;
  changes.push_back({Name(filter), Name(rule), span, std::string(orig), std::string(reg)});
}

void Document::annotate(std::string_view filter, std::string_view rule, SourceSpan span,
                        std::string_view from, std::string_view to) {
  if (!log_changes) return;
  changes.push_back({Name(filter), Name(rule), span, std::string(from), std::string(to), true});
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
  a.edit_texts.share(edit_texts);
  join.orig = a.edit_texts.keep(removed);
  join.source = b.span.begin >= removed.size() ? b.span.begin - removed.size() : 0;
  join.filter = Name(filter);
  join.rule = Name(rule);
  log(filter, rule, SourceSpan{a.span.source, a.span.end, b.span.begin}, removed, separator);
  a.text.append(separator);
  a.text += b.text;
  a.edits.push_back(std::move(join));
  // b goes, and its store with it unless a shares it (the blocks of one document do).
  const bool copy_origs = !a.edit_texts.same_store(b.edit_texts);
  for (Edit e : b.edits) {
    e.begin += shift;
    e.end += shift;
    if (copy_origs) e.orig = a.edit_texts.keep(e.orig);
    a.edits.push_back(e);
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
  b.edit_texts = a.edit_texts;  // the edits that move keep their texts there
  b.text = a.text.substr(begin_second);
  b.span = {a.span.source, a.source_offset(begin_second), a.span.end};
  std::size_t first_end_source = a.source_offset(end_first);
  // Edits and marks are sorted by begin: the tail that moves is found by binary search, so a
  // block cut into many pieces from its end costs time linear in its size.
  auto edit_tail = std::lower_bound(a.edits.begin(), a.edits.end(), begin_second,
                                    [](const Edit& e, std::size_t p) { return e.begin < p; });
  b.edits.assign(std::make_move_iterator(edit_tail), std::make_move_iterator(a.edits.end()));
  for (Edit& e : b.edits) {
    e.begin -= begin_second;
    e.end -= begin_second;
  }
  a.edits.erase(edit_tail, a.edits.end());
  while (!a.edits.empty() && a.edits.back().begin >= end_first &&
         !(a.edits.back().begin == end_first && a.edits.back().end == end_first)) {
    a.edits.pop_back();
  }
  if (!a.edits.empty()) a.edits.back().end = std::min(a.edits.back().end, end_first);
  auto mark_tail = std::lower_bound(a.marks.begin(), a.marks.end(), begin_second,
                                    [](const Mark& m, std::size_t p) { return m.begin < p; });
  b.marks.assign(std::make_move_iterator(mark_tail), std::make_move_iterator(a.marks.end()));
  for (Mark& m : b.marks) {
    m.begin -= begin_second;
    m.end -= begin_second;
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
