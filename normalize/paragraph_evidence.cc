#include "normalize/paragraph_evidence.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "normalize/cjk_text.h"
#include "normalize/line_scan.h"

namespace hantidy {
namespace {

constexpr std::size_t kBracketWindow = 4096;  // bytes looked back for open brackets
constexpr std::size_t kLineTail = 4096;       // bytes of a block's end that hold its last line

// Words and shapes that open a new paragraph in Chinese reports ("2022年，", "一是", "（一）").
constexpr std::array<std::string_view, 24> kOpeners = {
    "新的一年", "今年", "去年", "近年来", "回望",  "首先", "其次", "最后",
    "此外",     "另外", "总之", "同时，", "同时,", "第一", "第二", "第三",
    "一是",     "二是", "三是", "四是",   "五是",  "六是", "七是", "八是"};

// Whether any of the eight bytes of `word` is one a counted bracket starts with: ( ) or the lead
// bytes E2 E3 EF. Exact (no byte is missed); a false alarm only costs a byte-by-byte look.
bool may_start_bracket(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  auto has_zero_byte = [](std::uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
  std::uint64_t even = word & (kOnes * 0xFE);  // ( ) → 0x28, E2 E3 → 0xE2
  return has_zero_byte(even ^ (kOnes * 0x28)) || has_zero_byte(even ^ (kOnes * 0xE2)) ||
         has_zero_byte(word ^ (kOnes * 0xEF));
}

#if defined(__SSE2__)
// The positions among the 16 starting at `p` where a bracket open_brackets counts starts, as
// bits (opening, closing); the 18 bytes from `p` must be readable. Every such bracket is ASCII or
// a well-formed 3-byte sequence, matched here by all its bytes, as the byte loop matches them.
struct BracketBits {
  unsigned opening;
  unsigned closing;
};
BracketBits bracket_bits(const unsigned char* p) {
  using line_scan::simd::equal;
  __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  __m128i b2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2));
  __m128i quote = _mm_and_si128(equal(b0, 0xE2), equal(b1, 0x80));   // “ ” U+201C, U+201D
  __m128i corner = _mm_and_si128(equal(b0, 0xE3), equal(b1, 0x80));  // 《 》 「 」 U+300A–D
  __m128i paren = _mm_and_si128(equal(b0, 0xEF), equal(b1, 0xBC));   // （ ） U+FF08, U+FF09
  __m128i opening = _mm_or_si128(
      _mm_or_si128(equal(b0, '('), _mm_and_si128(quote, equal(b2, 0x9C))),
      _mm_or_si128(_mm_and_si128(corner, _mm_or_si128(equal(b2, 0x8A), equal(b2, 0x8C))),
                   _mm_and_si128(paren, equal(b2, 0x88))));
  __m128i closing = _mm_or_si128(
      _mm_or_si128(equal(b0, ')'), _mm_and_si128(quote, equal(b2, 0x9D))),
      _mm_or_si128(_mm_and_si128(corner, _mm_or_si128(equal(b2, 0x8B), equal(b2, 0x8D))),
                   _mm_and_si128(paren, equal(b2, 0x89))));
  return {static_cast<unsigned>(_mm_movemask_epi8(opening)),
          static_cast<unsigned>(_mm_movemask_epi8(closing))};
}
#endif

// Whether a CJK Unified Ideograph (U+4E00–U+9FFF, most of the text) starts at s[at]: a Han
// character that is no blank and no punctuation, recognised from its bytes without decoding
// (paragraph_evidence_test checks that is_han holds for the whole range).
bool ideograph_at(std::string_view s, std::size_t at) {
  return s.size() - at >= 3 &&
         is_unified_ideograph(reinterpret_cast<const unsigned char*>(s.data()) + at);
}

}  // namespace

bool is_blank_char(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

namespace paragraph_evidence_detail {

// first_visible past its inline cases: a blank, a character outside ASCII and the ideographs,
// or malformed bytes first.
char32_t first_visible_decoded(std::string_view s) {
  for (std::size_t at = 0; at < s.size();) {
    char32_t c = next_code_point(s, at);
    if (!is_blank_char(c) && c != '\n') return c;
  }
  return 0;
}

// last_visible past its inline case (no ideograph at the end).
char32_t last_visible_decoded(std::string_view s) {
  for (std::size_t end = s.size(); end > 0;) {
    char32_t c = previous_code_point(s, end);
    if (!is_blank_char(c) && c != '\n') return c;
  }
  return 0;
}

}  // namespace paragraph_evidence_detail

namespace paragraph_evidence_detail {

// ends_terminal past its inline case (no ideograph at the end).
bool ends_terminal_decoded(std::string_view s) {
  for (std::size_t end = s.size(); end > 0;) {
    char32_t c = previous_code_point(s, end);
    if (is_blank_char(c) || c == '\n' || is_closing(c)) continue;
    return is_terminal(c);
  }
  return false;
}

}  // namespace paragraph_evidence_detail

// Punctuation after which a sentence must go on (，、 an opening bracket, a dash).
bool continues_after(char32_t c) {
  return c == U'，' || c == ',' || c == U'、' || is_opening(c) || c == U'—' || c == '-' ||
         c == U'·';
}

bool indented(std::string_view line) {
  return line.starts_with("\xE3\x80\x80") || line.starts_with("  ") || line.starts_with("\t");
}

bool starts_like_opener(std::string_view s) {
  std::size_t at = 0;
  while (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
  s.remove_prefix(at);
  if (s.empty()) return false;
  if (s[0] >= '0' && s[0] <= '9') return true;
  // Each opener starts with a three-byte character: its bytes, compared as one number, rule
  // out most openers before a comparison of the whole.
  auto head = [](std::string_view t) {
    const auto* p = reinterpret_cast<const unsigned char*>(t.data());
    return t.size() < 3 ? 0u : static_cast<unsigned>(p[0] << 16 | p[1] << 8 | p[2]);
  };
  const unsigned s_head = head(s);
  for (std::string_view w : kOpeners) {
    if (head(w) == s_head && s.starts_with(w)) return true;
  }
  std::size_t pos = 0;
  char32_t c = next_code_point(s, pos);
  if (c == U'（' || c == '(') return true;  // （一）
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  if (kNumerals.find(c) != std::u32string_view::npos && pos < s.size()) {
    std::size_t p2 = pos;
    char32_t d = next_code_point(s, p2);
    return d == U'、' || d == U'是';
  }
  return false;
}

// "一、…" or "（一）…" without a full stop: a numbered heading, even when it is nearly a full line.
bool is_enumerated_heading(std::string_view line) {
  std::size_t at = 0;
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  line.remove_prefix(at);
  // The numbering first: most lines have none, and the search for 。 reads the whole line.
  auto numbered = [&] {
    std::size_t pos = 0;
    char32_t c = line.empty() ? 0 : next_code_point(line, pos);
    static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
    if (c == U'（' || c == '(') {
      if (pos >= line.size()) return false;
      c = next_code_point(line, pos);
      return kNumerals.find(c) != std::u32string_view::npos;
    }
    if (kNumerals.find(c) == std::u32string_view::npos || pos >= line.size()) return false;
    return next_code_point(line, pos) == U'、';
  };
  return numbered() && line.find("。") == std::string_view::npos;
}

// "工作。当前…": a line whose first sentence ends within a few characters finishes the sentence
// of the line before (a sentence is not two characters long).
bool ends_sentence_soon(std::string_view line) {
  // Most lines start with five ideographs, which the loop below would count before it stops.
  if (line.size() >= 15) {
    const auto* p = reinterpret_cast<const unsigned char*>(line.data());
    if (is_unified_ideograph(p) & is_unified_ideograph(p + 3) & is_unified_ideograph(p + 6) &
        is_unified_ideograph(p + 9) & is_unified_ideograph(p + 12)) {
      return false;
    }
  }
  std::size_t n = 0;
  for (std::size_t at = 0; at < line.size() && n < 5;) {
    if (ideograph_at(line, at)) {  // is_han, not blank, not 。！？
      at += 3;
      ++n;
      continue;
    }
    char32_t c = next_code_point(line, at);
    if (is_blank_char(c)) continue;
    if (c == U'。' || c == U'！' || c == U'？') return n > 0 && at < line.size();
    if (!is_han(c)) return false;
    ++n;
  }
  return false;
}

// A line shaped like a label ("北京市卫生健康委主任 于鲁明") or a short heading: no sentence
// punctuation, and either a ROLE NAME space or only a few characters. Two such lines in a row stay
// one block (a label naming two speakers).
bool is_label_line(std::string_view line) {
  // Most lines of running text end with ， or 。, which rule a label out: read at the end, those
  // bytes are that character to a decoder (it never takes their lead byte into another one).
  if (line.ends_with("\xEF\xBC\x8C") || ends_in_full_stop(line)) return false;
  // More than 30 visible characters: text. A long line settles that from its bytes.
  if (line.size() >= 93 && line_scan::visible_lower_bound(line, 31) >= 31) return false;
  // One pass for the rest: the visible characters (to 31), sentence punctuation, and whether a
  // ' ' or U+3000 stands inside the line once its ' ' and '\t' at both ends are left out.
  std::size_t n = 0;
  bool spaced = false;
  bool content = false;              // a code point other than ' ' and '\t' so far
  bool space_after_content = false;  // and a ' ' after it
  for (std::size_t at = 0; at < line.size();) {
    if (ideograph_at(line, at)) {  // visible, and none of the marks looked for
      at += 3;
      if (++n > 30) return false;
      content = true;
      spaced |= space_after_content;
      continue;
    }
    char32_t c = next_code_point(line, at);
    if (c == U'，' || c == ',' || c == U'。' || c == U'；' || c == ';') return false;
    if (c == ' ' || c == '\t') {
      space_after_content |= c == ' ' && content;
      continue;
    }
    spaced |= space_after_content || c == 0x3000;
    content = true;
    if (c != '\n' && c != 0x3000 && c != 0xA0 && ++n > 30) return false;
  }
  if (!spaced && n > 16) return false;  // a long line without ROLE NAME spacing is text
  return !ends_terminal(line);
}

namespace paragraph_evidence_detail {

// ends_in_word past its inline case (no ideograph at the end): a Han character inside closing
// quotes ("以“四个聚焦”"), or one outside the ideographs' block.
bool ends_in_word_decoded(std::string_view s) {
  for (std::size_t end = s.size(); end > 0;) {
    char32_t c = previous_code_point(s, end);
    if (is_blank_char(c) || c == '\n' || c == U'”' || c == U'’' || c == U'」' || c == U'》') {
      continue;
    }
    return is_han(c);
  }
  return false;
}

}  // namespace paragraph_evidence_detail

// Open brackets and quotes not yet closed in the tail of `s`.
int open_brackets(std::string_view s) {
  if (s.size() > kBracketWindow) {
    std::size_t cut = s.size() - kBracketWindow;
    while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
    s.remove_prefix(cut);
  }
  // Every bracket counted is ASCII or a well-formed 3-byte sequence starting with a lead byte,
  // and the decoder steps onto every ASCII or lead byte: matching the bytes counts exactly what
  // decoding would, without decoding the Han text between. Eight bytes holding none of the bytes
  // a bracket starts with ( ) E2 E3 EF are skipped at once.
  int open = 0;
  const std::size_t size = s.size();
  std::size_t at = 0;
#if defined(__SSE2__)
  // Sixteen positions at a time, most of them with no bracket at all; the brackets found are
  // taken in order, as the byte loop below takes them (it finishes the last 17 bytes or fewer:
  // a bracket found here ends at most two bytes into them, on continuation bytes, which start
  // no bracket).
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  for (; size - at >= 18; at += 16) {
    BracketBits bits = bracket_bits(bytes + at);
    for (unsigned all = bits.opening | bits.closing; all != 0; all &= all - 1) {
      unsigned bit = all & (0u - all);
      open = (bits.opening & bit) != 0 ? open + 1 : std::max(0, open - 1);
    }
  }
#endif
  while (at < size) {
    std::size_t stop = size;  // where the byte-by-byte check below ends
    if (size - at >= 8) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + at, 8);
      if (!may_start_bracket(word)) {
        at += 8;
        continue;
      }
      stop = at + 8;
    }
    for (; at < stop; ++at) {
      unsigned char b = static_cast<unsigned char>(s[at]);
      if (b == '(') {
        ++open;
      } else if (b == ')') {
        open = std::max(0, open - 1);
      } else if ((b == 0xE2 || b == 0xE3 || b == 0xEF) && size - at >= 3) {
        unsigned char b1 = static_cast<unsigned char>(s[at + 1]);
        unsigned char b2 = static_cast<unsigned char>(s[at + 2]);
        int delta = 0;
        if (b == 0xE2 && b1 == 0x80) {  // “ U+201C, ” U+201D
          delta = b2 == 0x9C ? 1 : b2 == 0x9D ? -1 : 0;
        } else if (b == 0xE3 && b1 == 0x80) {  // 《 》 「 」 U+300A–U+300D
          delta = b2 == 0x8A || b2 == 0x8C ? 1 : b2 == 0x8B || b2 == 0x8D ? -1 : 0;
        } else if (b == 0xEF && b1 == 0xBC) {  // （ U+FF08, ） U+FF09
          delta = b2 == 0x88 ? 1 : b2 == 0x89 ? -1 : 0;
        }
        if (delta != 0) {
          open = std::max(0, open + delta);
          at += 2;
        }
      }
    }
  }
  return open;
}

// Body text: long enough and with sentence punctuation inside (labels, captions and headings
// have none).
bool is_body(std::string_view s) {
  // One pass: 40 visible characters settle it (a long text, from its bytes); a shorter text is
  // read to its end for the punctuation, enumeration commas and spaces that decide the rest.
  if (s.size() >= 128 && line_scan::visible_lower_bound(s, 40) >= 40) return true;
  // Sentence punctuation and 12 visible characters settle it too, wherever they are met.
  std::size_t n = 0;
  bool punctuated = false, enumeration = false, spaced = false;
  for (std::size_t at = 0; at < s.size();) {
    if (ideograph_at(s, at)) {  // visible, and none of the marks looked for
      at += 3;
      ++n;
      if (n >= 40 || (punctuated && n >= 12)) return true;
      continue;
    }
    char32_t c = next_code_point(s, at);
    if (c != ' ' && c != '\t' && c != '\n' && c != 0x3000 && c != 0xA0 && ++n >= 40) return true;
    punctuated |=
        c == U'，' || c == ',' || c == U'。' || c == U'；' || c == ';' || c == U'！' || c == U'？';
    if (punctuated && n >= 12) return true;
    enumeration |= c == U'、';
    spaced |= c == ' ' || c == 0x3000;
  }
  if (n < 12) return false;
  if (punctuated) return true;
  // "国家电网、南方电网、五大发电集团、地方政府或下属" is text; "…党组书记、主任 姜旭" is a label.
  return enumeration && !spaced && n >= 20;
}

// A heading, label or caption shape: short, no sentence punctuation.
bool is_label_like(const Block& b) {
  return is_label_like(b, [&] { return is_body(b.text); });
}

std::string_view last_line(std::string_view s) {
  // Only the tail is looked at: a paragraph joined across thousands of pages has no line break
  // left, and searching all of it for each join would be quadratic.
  std::size_t from = s.size() > kLineTail ? s.size() - kLineTail : 0;
  while (from > 0 && from < s.size() && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) {
    ++from;
  }
  std::string_view tail = s.substr(from);
#if defined(__GLIBC__)
  // memrchr rather than rfind's byte loop: a paragraph's last line is hundreds of bytes long.
  const void* found = tail.empty() ? nullptr : memrchr(tail.data(), '\n', tail.size());
  std::size_t nl = found == nullptr
                       ? std::string_view::npos
                       : static_cast<std::size_t>(static_cast<const char*>(found) - tail.data());
#else
  std::size_t nl = tail.rfind('\n');
#endif
  return nl == std::string_view::npos ? tail : tail.substr(nl + 1);
}

std::string_view first_line(std::string_view s) { return s.substr(0, s.find('\n')); }

std::vector<std::string> original_lines(const Block& block) {
  std::vector<std::string> lines;
  std::string scratch;
  for_each_original_line(block, scratch,
                         [&](std::string_view line, bool) { lines.emplace_back(line); });
  return lines;
}

}  // namespace hantidy
