// Evidence for paragraph decisions: what a line's ends say about whether a paragraph goes on.
// Shared by linebreak's line, page and fragment judgements; each function looks at text only.
#ifndef HANTIDY_NORMALIZE_PARAGRAPH_EVIDENCE_H_
#define HANTIDY_NORMALIZE_PARAGRAPH_EVIDENCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "normalize/cjk_text.h"
#include "normalize/line_scan.h"
#include "normalize/utf8.h"

namespace hantidy {

/// Spaces, tabs, U+3000 and NBSP: blank for line judgements.
bool is_blank_char(char32_t c);
namespace paragraph_evidence_detail {
char32_t first_visible_decoded(std::string_view s);
char32_t last_visible_decoded(std::string_view s);
// The code point of the ideograph whose bytes start at `p` (is_unified_ideograph(p)).
inline char32_t ideograph_at(const unsigned char* p) {
  return static_cast<char32_t>((p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F));
}
}  // namespace paragraph_evidence_detail

/// The first non-blank code point of `s` (0 when none).
/// Inline for the usual first byte, a visible ASCII character or an ideograph's lead: linebreak
/// asks it of every line.
inline char32_t first_visible(std::string_view s) {
  if (!s.empty()) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    if (p[0] < 0x80 && p[0] != ' ' && p[0] != '\t' && p[0] != '\n') return p[0];
    if (s.size() >= 3 && is_unified_ideograph(p)) return paragraph_evidence_detail::ideograph_at(p);
  }
  return paragraph_evidence_detail::first_visible_decoded(s);
}
namespace paragraph_evidence_detail {
// The code point of the well-formed three-byte sequence that ends `s` (a lead byte E0..EF, two
// continuation bytes, neither overlong nor a surrogate), or 0 when it does not end with one.
// previous_code_point reads the same there: back over the two continuation bytes to the lead.
inline char32_t last_three_byte_code_point(std::string_view s) {
  if (s.size() < 3) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + s.size() - 3;
  if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
  char32_t c = static_cast<char32_t>((p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F));
  return c >= 0x800 && (c < 0xD800 || c > 0xDFFF) ? c : 0;
}
}  // namespace paragraph_evidence_detail
/// The last non-blank code point of `s` (0 when none).
/// Inline for the usual last character, an ideograph or other three-byte character (CJK
/// punctuation) that is not the blank U+3000: the decoder reads it there.
inline char32_t last_visible(std::string_view s) {
  if (s.size() >= 3) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + s.size() - 3;
    if (is_unified_ideograph(p)) return paragraph_evidence_detail::ideograph_at(p);
    char32_t c = paragraph_evidence_detail::last_three_byte_code_point(s);
    if (c != 0 && c != 0x3000) return c;
  }
  return paragraph_evidence_detail::last_visible_decoded(s);
}
/// Whether `s` ends with an ideograph U+4E00–U+9FFF (most lines do): the code point
/// previous_code_point reads there (its bytes are well-formed alone), no blank, no closing
/// bracket and no sentence end (paragraph_evidence_test checks the whole range), so it settles
/// the line-end tests without their loops.
inline bool ends_in_ideograph(std::string_view s) {
  return s.size() >= 3 &&
         is_unified_ideograph(reinterpret_cast<const unsigned char*>(s.data()) + s.size() - 3);
}
/// Whether `s` ends with 。 (E3 80 82), the usual end of a paragraph: read back from the end,
/// those bytes decode to 。 whatever comes before them.
inline bool ends_in_full_stop(std::string_view s) { return s.ends_with("\xE3\x80\x82"); }
namespace paragraph_evidence_detail {
bool ends_terminal_decoded(std::string_view s);
bool ends_in_word_decoded(std::string_view s);
}  // namespace paragraph_evidence_detail
/// Ends with 。！？… (or .!?:;), possibly followed by closing quotes or brackets: a sentence
/// ends here. Inline for a line that ends in an ideograph or 。: linebreak asks it of every line
/// and block.
inline bool ends_terminal(std::string_view s) {
  return !ends_in_ideograph(s) &&
         (ends_in_full_stop(s) || paragraph_evidence_detail::ends_terminal_decoded(s));
}
/// ends_terminal(s) for a caller that has `last` = last_visible(s) at hand: that character
/// decides unless it is a closing quote or bracket, and then s is read back past it.
/// Inline: linebreak asks it of every line break.
inline bool ends_terminal(std::string_view s, char32_t last) {
  if (last == 0) return false;  // nothing visible
  return is_closing(last) ? ends_terminal(s) : is_terminal(last);
}
/// Punctuation after which a sentence must go on (，、 an opening bracket, a dash).
bool continues_after(char32_t c);
/// Starts with U+3000, two spaces or a tab: a paragraph's first line.
bool indented(std::string_view line);
/// Opens a new paragraph in Chinese reports: a year ("2022年，"), "新的一年", "一是",
/// "（一）", "一、" ...
bool starts_like_opener(std::string_view s);
/// "一、…" or "（一）…" without a full stop: a numbered heading.
bool is_enumerated_heading(std::string_view line);
/// "工作。当前…": the line's first sentence ends within a few characters, so it finishes the
/// sentence of the line before (a sentence is not two characters long).
bool ends_sentence_soon(std::string_view line);
/// A line shaped like a label ("北京市卫生健康委主任 于鲁明") or a short heading: no sentence
/// punctuation, and either a ROLE NAME space or only a few characters.
bool is_label_line(std::string_view line);
/// Ends with a Han character, possibly inside closing quotes ("以“四个聚焦”"): mid-sentence.
inline bool ends_in_word(std::string_view s) {
  return ends_in_ideograph(s) ||
         (!ends_in_full_stop(s) && paragraph_evidence_detail::ends_in_word_decoded(s));
}
/// Brackets and quotes opened and not closed in the tail (4 KB) of `s`; half- and full-width
/// brackets count as one kind because PDF text mixes them.
int open_brackets(std::string_view s);
/// Body text: long, or with sentence punctuation inside (labels, captions and headings have
/// none).
bool is_body(std::string_view s);
/// A heading, label or caption shape: short, no sentence punctuation (or not a paragraph).
bool is_label_like(const Block& b);
/// is_label_like, with `body()` giving is_body(b.text) (asked only when it decides), for a
/// caller that keeps that answer.
template <class Body>
bool is_label_like(const Block& b, Body body) {
  if (b.kind != BlockKind::kParagraph) return !is_furniture(b.kind);
  // The end first: most paragraphs end a sentence. A text of at most 30 bytes has at most 30
  // characters: no need to count them.
  return !ends_terminal(b.text) &&
         (b.text.size() <= 30 || line_scan::visible_length(b.text, 31) <= 30) && !body();
}
/// The text after the last '\n', looking only at the last 4 KB (a longer last line is cut at a
/// code point boundary): what line-end evidence needs, in constant time.
std::string_view last_line(std::string_view s);
/// The text before the first '\n'.
std::string_view first_line(std::string_view s);
namespace paragraph_evidence_detail {

// Whether `s` holds only ' ' and '\t'.
inline bool only_spaces_and_tabs(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

// The code points of `s` when it is made only of ' ', '\t', U+3000 and NBSP; else -1.
inline int blank_code_points(std::string_view s) {
  int n = 0;
  for (std::size_t at = 0; at < s.size(); ++n) {
    if (s[at] == ' ' || s[at] == '\t') {
      at += 1;
    } else if (s.substr(at, 3) == "\xE3\x80\x80") {
      at += 3;
    } else if (s.substr(at, 2) == "\xC2\xA0") {
      at += 2;
    } else {
      return -1;
    }
  }
  return n;
}

// for_each_original_line, except that a line whose edits `as_is(begin, end)` accepts (the line
// is block.text[s, e), its edits begin at edits[begin] and end before edits[end]) is visited as
// it stands.
template <class AsIs, class Visit>
void visit_lines(const Block& block, std::string& scratch, AsIs as_is, Visit visit) {
  std::string_view text = block.text;
  const std::vector<Edit>& edits = block.edits;
  std::size_t cursor = 0;
  std::size_t s = 0;
  while (true) {
    std::size_t nl = text.find('\n', s);
    std::size_t e = nl == std::string_view::npos ? text.size() : nl;
    while (cursor < edits.size() && edits[cursor].begin < s) ++cursor;
    std::string_view line = text.substr(s, e - s);
    std::size_t last = cursor;  // past the line's edits
    while (last < edits.size() && edits[last].begin <= e && edits[last].end <= e) ++last;
    if (last > cursor && !as_is(s, e, cursor, last)) {
      scratch.clear();
      std::size_t pos = s;
      for (; cursor < last; ++cursor) {
        const Edit& ed = edits[cursor];
        scratch.append(text.substr(pos, ed.begin - pos));
        scratch += ed.orig;
        pos = ed.end;
      }
      scratch.append(text.substr(pos, e - pos));
      line = scratch;
    }
    cursor = last;  // the next line's edits begin after this line's
    visit(line, nl == std::string_view::npos);
    if (nl == std::string_view::npos) break;
    s = nl + 1;
  }
}

}  // namespace paragraph_evidence_detail

/// Calls visit(line, last) for each line of `block` as the producer laid it out: edits by
/// earlier filters (spaces removed, characters folded, trailing blanks trimmed) undone, so
/// lengths are the ones it wrapped at. Edits never span a line break. A line no edit touches
/// (most) is a view into the text; the others are rebuilt in `scratch`, valid until the next call.
template <class Visit>
void for_each_original_line(const Block& block, std::string& scratch, Visit visit) {
  paragraph_evidence_detail::visit_lines(
      block, scratch, [](std::size_t, std::size_t, std::size_t, std::size_t) { return false; },
      visit);
}

/// for_each_original_line for a caller that only measures each line (line_scan::measure_line)
/// and asks ends_terminal of it, calling visit(line, last, hidden_blanks): a line whose edits
/// only removed blanks is visited as it stands, not rebuilt, and `hidden_blanks` says how many
/// code points its count_with_spaces lacks. Exactly the same answers for the edits accepted:
/// - ' ' and '\t' removed at the line's start or end (trim's work): they have no width and no
///   count, count_with_spaces leaves them out at both ends (hidden_blanks does not count them);
/// - ' ', '\t', U+3000 and NBSP removed inside it, with text other than ' ' and '\t' on both
///   sides and no continuation byte after (unicode's cjk-space): no width and no count either,
///   one each in count_with_spaces (hidden_blanks counts them).
/// ends_terminal skips all of them, and they are whole code points next to bytes that end or
/// start a sequence, so the rest decodes the same (paragraph_evidence_test compares the two on
/// random lines).
template <class Visit>
void for_each_measured_line(const Block& block, std::string& scratch, Visit visit) {
  const std::vector<Edit>& edits = block.edits;
  std::string_view text = block.text;
  int hidden_blanks = 0;  // of the line visited as it stands
  auto only_blanks = [&](std::size_t s, std::size_t e, std::size_t begin, std::size_t end) {
    std::size_t inner_begin = s, inner_end = e;  // the line less its ' ' and '\t' at both ends
    while (inner_begin < e && (text[inner_begin] == ' ' || text[inner_begin] == '\t')) {
      ++inner_begin;
    }
    while (inner_end > inner_begin && (text[inner_end - 1] == ' ' || text[inner_end - 1] == '\t')) {
      --inner_end;
    }
    int hidden = 0;
    for (std::size_t k = begin; k < end; ++k) {
      const Edit& ed = edits[k];
      if (ed.begin != ed.end) return false;
      if (ed.begin == s || ed.begin == e) {
        if (!paragraph_evidence_detail::only_spaces_and_tabs(ed.orig)) return false;
      } else {
        if (ed.begin <= inner_begin || ed.begin >= inner_end ||
            (static_cast<unsigned char>(text[ed.begin]) & 0xC0) == 0x80) {
          return false;
        }
        int blanks = paragraph_evidence_detail::blank_code_points(ed.orig);
        if (blanks < 0) return false;
        hidden += blanks;
      }
    }
    hidden_blanks = hidden;
    return true;
  };
  paragraph_evidence_detail::visit_lines(block, scratch, only_blanks,
                                         [&](std::string_view line, bool last) {
                                           visit(line, last, hidden_blanks);
                                           hidden_blanks = 0;
                                         });
}

/// The lines for_each_original_line visits, as a list.
std::vector<std::string> original_lines(const Block& block);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_PARAGRAPH_EVIDENCE_H_
