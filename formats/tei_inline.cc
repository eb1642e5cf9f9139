#include "formats/tei_inline.h"

#include <algorithm>
#include <cctype>

#include "formats/tei_editorial.h"

namespace hantidy {
namespace {

// An edit written specially: as <choice>, or as <lb> when it is a repaired line join.
struct Atom {
  std::size_t begin;
  std::size_t end;
  const Edit* edit;
  bool line_join;  // written as lb (with --tei-lines), not choice
};

bool is_white(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  });
}

bool ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

class InlineWriter {
 public:
  InlineWriter(TeiXml& xml, const Block& block, const TeiContext& ctx)
      : xml_(xml), text_(block.text), ctx_(ctx) {}

  // Plain text; with --tei-lines each '\n' also gets an <lb/> before it. The '\n' itself stays
  // in the content so that the text reads as the block text; break="no" says it is not a space.
  void plain(std::size_t begin, std::size_t end) {
    if (!ctx_.options.tei_lines) {
      xml_.text(std::string_view(text_).substr(begin, end - begin));
      return;
    }
    while (begin < end) {
      std::size_t nl = text_.find('\n', begin);
      if (nl == std::string::npos || nl >= end) nl = end;
      xml_.text(std::string_view(text_).substr(begin, nl - begin));
      if (nl == end) break;
      bool latin = nl > 0 && nl + 1 < text_.size() && ascii_alnum(text_[nl - 1]) &&
                   ascii_alnum(text_[nl + 1]);
      lb(!latin);
      xml_.text("\n");
      begin = nl + 1;
    }
  }

  void lb(bool no_break) {
    xml_.start("lb");
    if (no_break) xml_.attr("break", "no");
    xml_.end();
  }

  void atom(const Atom& a) {
    std::string_view reg = std::string_view(text_).substr(a.begin, a.end - a.begin);
    if (a.line_join) {
      xml_.text(reg);
      lb(reg.empty());
      return;
    }
    const Edit& e = *a.edit;
    bool corr = is_correction(e.filter, e.rule, e.orig);
    xml_.start("choice");
    xml_.element(corr ? "sic" : "orig", e.orig);
    xml_.element(corr ? "corr" : "reg", reg);
    xml_.end();
  }

  void open(const TeiWrap& w) {
    if (std::string_view(w.element) == "supplied") {
      xml_.start("gap");
      xml_.attr("reason", "anonymization");
      xml_.end();
    }
    xml_.start(w.element);
    if (w.attribute) xml_.attr(w.attribute, w.value);
  }

 private:
  TeiXml& xml_;
  const std::string& text_;
  const TeiContext& ctx_;
};

bool crosses(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
  // Two ranges that overlap without one containing the other.
  return b1 < e2 && b2 < e1 && !((b1 <= b2 && e2 <= e1) || (b2 <= b1 && e1 <= e2));
}

}  // namespace

std::vector<TeiWrap> speaker_wraps(const Block& block, const TeiContext& ctx) {
  std::vector<TeiWrap> wraps;
  std::size_t cursor = 0;
  for (const std::string& id : block.speakers) {
    const Person* p = ctx.doc.person(id);
    auto xml_id = ctx.person_ids.find(id);
    if (!p || p->name.empty() || xml_id == ctx.person_ids.end()) continue;
    std::size_t at = block.text.find(p->name, cursor);
    if (at == std::string::npos) continue;
    if (!p->role.empty()) {
      std::size_t role = block.text.find(p->role, cursor);
      if (role != std::string::npos && role + p->role.size() <= at) {
        wraps.push_back({role, role + p->role.size(), "roleName", nullptr, ""});
      }
    }
    wraps.push_back({at, at + p->name.size(), "persName", "ref", "#" + xml_id->second});
    cursor = at + p->name.size();
  }
  return wraps;
}

void write_inline(TeiXml& xml, const Block& block, const TeiContext& ctx,
                  std::vector<TeiWrap> wraps) {
  const std::string& text = block.text;
  const WriteOptions& o = ctx.options;
  for (const Mark& m : block.marks) {
    if (m.kind == "redaction" && m.end <= text.size()) {
      wraps.push_back({m.begin, m.end, "supplied", "reason", "anonymization"});
    }
  }
  std::vector<Atom> atoms;
  if (o.tei_changes || o.tei_lines) {
    for (const Edit& e : block.edits) {
      if (e.end > text.size() || e.begin > e.end) continue;
      bool join = e.orig.find('\n') != std::string::npos && is_white(e.orig);
      if (join && o.tei_lines) {
        atoms.push_back({e.begin, e.end, &e, true});
      } else if (o.tei_changes) {
        atoms.push_back({e.begin, e.end, &e, false});
      }
    }
  }
  if (wraps.empty() && atoms.empty() && (!o.tei_lines || text.find('\n') == std::string::npos)) {
    xml.text(text);  // the common case
    return;
  }

  // Keep only wraps that nest with the atoms and with each other.
  std::stable_sort(wraps.begin(), wraps.end(), [](const TeiWrap& a, const TeiWrap& b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end > b.end);
  });
  std::vector<TeiWrap> kept;
  for (TeiWrap& w : wraps) {
    if (w.end > text.size() || w.begin > w.end) continue;
    bool ok = std::none_of(atoms.begin(), atoms.end(), [&](const Atom& a) {
      return crosses(w.begin, w.end, a.begin, a.end) || (a.begin < w.begin && w.end < a.end) ||
             (a.begin < a.end && a.begin <= w.begin && w.end <= a.end && w.begin < w.end);
    });
    ok = ok && std::none_of(kept.begin(), kept.end(), [&](const TeiWrap& k) {
           return crosses(w.begin, w.end, k.begin, k.end);
         });
    if (ok) kept.push_back(std::move(w));
  }

  InlineWriter out(xml, block, ctx);
  std::vector<std::size_t> open_ends;  // ends of the open wraps, innermost last
  std::size_t pos = 0, wi = 0, ai = 0;
  while (true) {
    while (wi < kept.size() && kept[wi].begin < pos) ++wi;  // hidden by an atom: dropped
    while (!open_ends.empty() && open_ends.back() <= pos) {
      xml.end();
      open_ends.pop_back();
    }
    bool progressed = false;
    while (wi < kept.size() && kept[wi].begin == pos) {
      out.open(kept[wi]);
      if (kept[wi].end == pos) {
        xml.end();
      } else {
        open_ends.push_back(kept[wi].end);
      }
      ++wi;
      progressed = true;
    }
    if (ai < atoms.size() && atoms[ai].begin <= pos) {
      if (atoms[ai].begin == pos) {
        out.atom(atoms[ai]);
        pos = atoms[ai].end;
      }
      ++ai;
      continue;
    }
    if (pos >= text.size()) {
      if (progressed) continue;  // zero-width wraps at the end were written; close the rest
      break;
    }
    std::size_t next = text.size();
    if (wi < kept.size()) next = std::min(next, kept[wi].begin);
    if (ai < atoms.size()) next = std::min(next, atoms[ai].begin);
    if (!open_ends.empty()) next = std::min(next, open_ends.back());
    out.plain(pos, next);
    pos = next;
  }
  while (!open_ends.empty()) {
    xml.end();
    open_ends.pop_back();
  }
}

}  // namespace hantidy
