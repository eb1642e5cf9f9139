#include "core/verify.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace hantidy {
namespace {

// A run of text a document claims came from `offset` in source `source`.
struct Piece {
  std::size_t source = 0;
  std::size_t offset = 0;
  std::string_view text;
};

// Length of the UTF-8 sequence that starts with `lead`; 1 for stray bytes, so a walk over
// damaged text still advances.
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Unicode White_Space, plus the zero-width characters that are invisible in every rendering:
// what may come and go with layout without counting as text.
bool is_space(std::string_view c) {
  if (c.size() == 1) {
    return c[0] == ' ' || c[0] == '\t' || c[0] == '\n' || c[0] == '\r' || c[0] == '\f' ||
           c[0] == '\v';
  }
  static constexpr std::string_view kSpaces[] = {
      "\xC2\x85",     "\xC2\xA0",     "\xE1\x9A\x80", "\xE2\x80\x80", "\xE2\x80\x81",
      "\xE2\x80\x82", "\xE2\x80\x83", "\xE2\x80\x84", "\xE2\x80\x85", "\xE2\x80\x86",
      "\xE2\x80\x87", "\xE2\x80\x88", "\xE2\x80\x89", "\xE2\x80\x8A", "\xE2\x80\x8B",
      "\xE2\x80\x8C", "\xE2\x80\x8D", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAF",
      "\xE2\x81\x9F", "\xE2\x81\xA0", "\xE3\x80\x80", "\xEF\xBB\xBF",
  };
  return std::find(std::begin(kSpaces), std::end(kSpaces), c) != std::end(kSpaces);
}

// The pieces a document accounts for: each block's original text (edits undone) cut at its
// edits so every run sits at its own source offset, the reader's markup just before the block,
// and the orig of every recorded change (a dropped block is logged, not kept).
std::vector<Piece> pieces_of(const Document& doc) {
  std::vector<Piece> out;
  for (const Block& b : doc.blocks) {
    std::size_t s = b.span.source;
    if (auto m = b.attrs.find("markup"); m != b.attrs.end() && !m->second.empty()) {
      std::size_t n = m->second.size();
      out.push_back({s, b.span.begin >= n ? b.span.begin - n : 0, m->second});
    }
    std::string_view text = b.text;
    std::size_t source = b.span.begin;
    std::size_t at = 0;
    for (const Edit& e : b.edits) {
      std::size_t begin = std::clamp(e.begin, at, text.size());
      if (begin > at) out.push_back({s, source, text.substr(at, begin - at)});
      if (!e.orig.empty()) out.push_back({s, e.source, e.orig});
      source = e.source + e.orig.size();
      at = std::clamp(e.end, begin, text.size());
    }
    if (at < text.size()) out.push_back({s, source, text.substr(at)});
  }
  for (const ChangeRecord& c : doc.changes) {
    if (!c.orig.empty()) out.push_back({c.span.source, c.span.begin, c.orig});
  }
  return out;
}

// Reference text (what must be accounted for) with the bytes claims have covered.
struct Reference {
  Piece piece;
  std::vector<bool> covered;
};

// Marks what `claims` cover in `refs` and returns the first non-space reference character that
// neither a claim at its place nor the pool of misplaced claim characters accounts for. Claims
// that do not match the reference at their offset (a filter that recorded an offset loosely)
// still count, by character, through the pool: the check is about loss, not about offsets.
std::optional<LostCharacter> find_lost(std::vector<Piece> reference, std::vector<Piece> claims) {
  auto by_place = [](const Piece& a, const Piece& b) {
    return a.source < b.source || (a.source == b.source && a.offset < b.offset);
  };
  std::stable_sort(reference.begin(), reference.end(), by_place);
  std::vector<Reference> refs;
  refs.reserve(reference.size());
  for (const Piece& p : reference) refs.push_back({p, std::vector<bool>(p.text.size(), false)});

  std::map<std::string_view, std::size_t> pool;
  auto add_to_pool = [&](std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
      std::size_t n =
          std::min(sequence_length(static_cast<unsigned char>(text[i])), text.size() - i);
      std::string_view c = text.substr(i, n);
      if (!is_space(c)) ++pool[c];
      i += n;
    }
  };

  for (const Piece& claim : claims) {
    std::size_t claim_end = claim.offset + claim.text.size();
    // The first reference that may overlap: the last one starting at or before the claim.
    auto it =
        std::upper_bound(refs.begin(), refs.end(), claim,
                         [&](const Piece& c, const Reference& r) { return by_place(c, r.piece); });
    if (it != refs.begin()) --it;
    std::vector<bool> claimed(claim.text.size(), false);
    for (; it != refs.end(); ++it) {
      const Piece& r = it->piece;
      if (r.source < claim.source) continue;
      if (r.source > claim.source || r.offset >= claim_end) break;
      std::size_t begin = std::max(r.offset, claim.offset);
      std::size_t end = std::min(r.offset + r.text.size(), claim_end);
      if (begin >= end) continue;
      std::string_view want = r.text.substr(begin - r.offset, end - begin);
      std::string_view have = claim.text.substr(begin - claim.offset, end - begin);
      if (want != have) continue;
      std::fill(it->covered.begin() + static_cast<std::ptrdiff_t>(begin - r.offset),
                it->covered.begin() + static_cast<std::ptrdiff_t>(end - r.offset), true);
      std::fill(claimed.begin() + static_cast<std::ptrdiff_t>(begin - claim.offset),
                claimed.begin() + static_cast<std::ptrdiff_t>(end - claim.offset), true);
    }
    // What did not match in place goes to the pool, in runs.
    for (std::size_t i = 0; i < claimed.size();) {
      if (claimed[i]) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < claimed.size() && !claimed[j]) ++j;
      add_to_pool(claim.text.substr(i, j - i));
      i = j;
    }
  }

  for (const Reference& ref : refs) {
    std::string_view text = ref.piece.text;
    for (std::size_t i = 0; i < text.size();) {
      std::size_t n =
          std::min(sequence_length(static_cast<unsigned char>(text[i])), text.size() - i);
      std::string_view c = text.substr(i, n);
      bool covered = std::all_of(ref.covered.begin() + static_cast<std::ptrdiff_t>(i),
                                 ref.covered.begin() + static_cast<std::ptrdiff_t>(i + n),
                                 [](bool b) { return b; });
      if (!covered && !is_space(c)) {
        auto p = pool.find(c);
        if (p != pool.end() && p->second > 0) {
          --p->second;
        } else {
          LostCharacter lost;
          lost.source = ref.piece.source;
          lost.offset = ref.piece.offset + i;
          lost.character = std::string(c);
          std::size_t from = i >= 24 ? i - 24 : 0;
          while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
          std::size_t to = std::min(text.size(), i + n + 24);
          while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
          for (char ch : text.substr(from, to - from)) {
            if (ch == '\n') {
              lost.context += "\xE2\x8F\x8E";  // ⏎
            } else {
              lost.context += ch;
            }
          }
          return lost;
        }
      }
      i += n;
    }
  }
  return std::nullopt;
}

void set_position(const Document& doc, LostCharacter& lost) {
  if (lost.source < doc.sources.size()) {
    lost.position = LineIndex(doc.sources[lost.source].text).at(lost.offset);
  }
}

std::string code_point_name(std::string_view c) {
  std::uint32_t cp = static_cast<unsigned char>(c[0]);
  if (c.size() == 2) cp = ((cp & 0x1F) << 6) | (c[1] & 0x3F);
  if (c.size() == 3) cp = ((cp & 0x0F) << 12) | ((c[1] & 0x3F) << 6) | (c[2] & 0x3F);
  if (c.size() == 4) {
    cp = ((cp & 0x07) << 18) | ((c[1] & 0x3F) << 12) | ((c[2] & 0x3F) << 6) | (c[3] & 0x3F);
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace

bool blocks_are_source_slices(const Document& doc) {
  for (const Block& b : doc.blocks) {
    if (b.span.source >= doc.sources.size()) return false;
    const std::string& text = doc.sources[b.span.source].text;
    std::string original = b.original_text();
    if (b.span.begin > text.size() || text.compare(b.span.begin, original.size(), original) != 0) {
      return false;
    }
    if (auto m = b.attrs.find("markup"); m != b.attrs.end()) {
      const std::string& markup = m->second;
      if (markup.size() > b.span.begin ||
          text.compare(b.span.begin - markup.size(), markup.size(), markup) != 0) {
        return false;
      }
    }
  }
  return true;
}

std::optional<LostCharacter> find_lost_in_sources(const Document& doc) {
  std::vector<Piece> reference;
  for (std::size_t s = 0; s < doc.sources.size(); ++s) {
    reference.push_back({s, 0, doc.sources[s].text});
  }
  std::optional<LostCharacter> lost = find_lost(std::move(reference), pieces_of(doc));
  if (lost) set_position(doc, *lost);
  return lost;
}

std::optional<LostCharacter> find_lost_since(const Document& before, const Document& after) {
  std::optional<LostCharacter> lost = find_lost(pieces_of(before), pieces_of(after));
  if (lost) set_position(after, *lost);
  return lost;
}

std::string lost_message(const Document& doc, const LostCharacter& lost, std::string_view stage) {
  std::string file = lost.source < doc.sources.size() ? doc.sources[lost.source].name : "?";
  return file + ":" + std::to_string(lost.position.line) + ":" +
         std::to_string(lost.position.column) + ": '" + lost.character + "' (" +
         code_point_name(lost.character) + ") is not accounted for " + std::string(stage) +
         " (--verify found a bug in hantidy; please report it): ..." + lost.context + "...";
}

void verify_conservation(const Document& as_read, const Document& result) {
  if (blocks_are_source_slices(as_read)) {
    if (auto lost = find_lost_in_sources(as_read)) {
      throw Error(ErrorKind::kInternal, lost_message(as_read, *lost, "after reading"));
    }
  }
  if (auto lost = find_lost_since(as_read, result)) {
    throw Error(ErrorKind::kInternal, lost_message(result, *lost, "after the filters"));
  }
}

}  // namespace hantidy
