#include "normalize/block_types.h"

#include <array>
#include <span>
#include <string>

#include "normalize/structure_text.h"

namespace hantidy {
namespace {

// UTF-8 needs at most 4 bytes a code point, so a line longer than 4n bytes has more than n code
// points: huge paragraphs are rejected before they are decoded.
constexpr std::size_t kMaxBytesPerCodePoint = 4;
static_assert(kMaxBytesPerCodePoint * 60 <= kMaxShapeLineBytes);

constexpr std::u32string_view kChineseNumerals = U"一二三四五六七八九十百零〇两";

bool is_chinese_numeral(char32_t c) {
  return kChineseNumerals.find(c) != std::u32string_view::npos;
}
bool is_open_paren(char32_t c) { return c == U'(' || c == U'（'; }
bool is_close_paren(char32_t c) { return c == U')' || c == U'）'; }
bool is_sentence_end(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?' || c == U'；';
}

// Whether `c` can start a bullet ("- ") or a numbering ("一、", "（一）", "1."): every other
// first code point makes starts_with_item_marker and numbering() false.
bool starts_item_marker(char32_t c) {
  return c == U'-' || c == U'*' || c == U'•' || is_chinese_numeral(c) || is_open_paren(c) ||
         is_digit(c);
}

// Length in code points of the numbering at the start of `cps` and its level; 0 when none.
std::size_t numbering(std::span<const CodePoint> cps, int& level) {
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < cps.size() && is_label_space(cps[i].c)) ++i;
  };
  if (i < cps.size() && is_chinese_numeral(cps[i].c)) {
    while (i < cps.size() && is_chinese_numeral(cps[i].c)) ++i;
    if (i < cps.size() && cps[i].c == U'、') {
      level = 1;
      return i + 1;
    }
    return 0;
  }
  if (i < cps.size() && is_open_paren(cps[i].c)) {
    ++i;
    skip_space();
    std::size_t digits = i;
    bool chinese = i < cps.size() && is_chinese_numeral(cps[i].c);
    while (i < cps.size() && (chinese ? is_chinese_numeral(cps[i].c) : is_digit(cps[i].c))) ++i;
    if (i == digits) return 0;
    skip_space();
    if (i < cps.size() && is_close_paren(cps[i].c)) {
      level = chinese ? 2 : 3;
      return i + 1;
    }
    return 0;
  }
  std::size_t digits = i;
  while (i < cps.size() && is_digit(cps[i].c)) ++i;
  if (i > digits && i - digits <= 2 && i < cps.size() &&
      (cps[i].c == U'.' || cps[i].c == U'．' || cps[i].c == U'、')) {
    // "1.5" is a number, not a numbering.
    if (i + 1 < cps.size() && is_digit(cps[i + 1].c)) return 0;
    level = 3;
    return i + 1;
  }
  return 0;
}

}  // namespace

// A shape's line found from the line of single_short_line(block, kMaxShapeLineBytes): the same
// line when it is no longer than the shape's own limit, else none (as single_short_line(block,
// max_bytes) finds: one non-empty line either way, and its length decides).
std::string_view shape_line(std::string_view line, std::size_t max_bytes) {
  return line.size() <= max_bytes ? line : std::string_view();
}

int numbered_heading_level(std::string_view block) {
  // Too long or several lines: decode nothing.
  return numbered_heading_level_of_line(single_short_line(block, kMaxShapeLineBytes));
}

int numbered_heading_level_of_line(std::string_view line) {
  line = shape_line(line, kMaxBytesPerCodePoint * 60);
  if (line.empty()) return 0;
  // A numbering starts with a Chinese numeral, an opening parenthesis or a digit: any other
  // first character, and there is nothing to decode.
  std::size_t after_first = 0;
  char32_t first_char = next_code_point(line, after_first);
  if (!is_chinese_numeral(first_char) && !is_open_paren(first_char) && !is_digit(first_char)) {
    return 0;
  }
  std::array<CodePoint, 60> buffer;
  std::size_t size = decode_utf8_short(line, buffer);
  if (size > buffer.size()) return 0;
  std::span<const CodePoint> cps(buffer.data(), size);
  int level = 0;
  std::size_t n = numbering(cps, level);
  if (n == 0 || n >= cps.size()) return 0;
  std::size_t first = n;
  while (first < cps.size() && is_label_space(cps[first].c)) ++first;
  // "(二 )及 (三 )": a reference to numbered parts, not a heading.
  if (first < cps.size() &&
      std::u32string_view(U"及和与與至或、").find(cps[first].c) != std::u32string_view::npos) {
    return 0;
  }
  std::size_t han = 0;
  for (std::size_t i = n; i < cps.size(); ++i) {
    if (is_sentence_end(cps[i].c) || cps[i].c == U'：' || cps[i].c == U':') return 0;
    if (is_han(cps[i].c)) ++han;
  }
  return han >= 2 ? level : 0;
}

bool starts_with_item_marker(std::string_view text) {
  // Most texts start with what neither a bullet nor a numbering can start with (a Han
  // character other than a numeral): the first code point settles that without decoding 8.
  if (text.empty()) return false;
  std::size_t after_first = 0;
  char32_t first = next_code_point(text, after_first);
  if (!is_label_space(first) && !starts_item_marker(first)) return false;
  // A numbering is at most "（十一）" or "12. " long: the first 8 code points decide.
  std::array<CodePoint, 8> buffer;
  std::size_t size = std::min(decode_utf8_short(text.substr(0, 32), buffer), buffer.size());
  std::span<const CodePoint> cps(buffer.data(), size);
  std::size_t i = 0;
  while (i < cps.size() && is_label_space(cps[i].c)) ++i;
  cps = cps.subspan(i);
  if (cps.size() >= 2 && (cps[0].c == U'-' || cps[0].c == U'*' || cps[0].c == U'•') &&
      is_label_space(cps[1].c)) {
    return true;
  }
  int level = 0;
  return numbering(cps, level) > 0;
}

bool is_salutation(std::string_view block) {
  // Too long or several lines: decode nothing.
  return is_salutation_line(single_short_line(block, kMaxShapeLineBytes));
}

bool is_salutation_line(std::string_view line) {
  line = shape_line(line, kMaxBytesPerCodePoint * 24);
  if (line.empty()) return false;
  // The last character must be a colon (by its bytes: a line's last bytes EF BC 9A are always
  // the code point ：).
  if (!line.ends_with(":") && !line.ends_with("：")) return false;
  std::array<CodePoint, 24> buffer;
  std::size_t size = decode_utf8_short(line, buffer);
  if (size < 3 || size > buffer.size()) return false;
  std::span<const CodePoint> cps(buffer.data(), size);
  if (cps.back().c != U'：' && cps.back().c != U':') return false;
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
    if (is_sentence_end(cps[i].c) || cps[i].c == U'：' || cps[i].c == U':') return false;
  }
  std::string_view head = line.substr(0, cps.back().begin);
  // Forms of address, not any plural: "我們的答覆如下：" is not a salutation.
  for (std::string_view word :
       {"同志", "朋友", "女士", "先生", "代表", "同学", "同學", "老师", "老師", "同事",
        "同仁", "来宾", "來賓", "各位", "尊敬", "大家", "伙伴", "夥伴", "家长", "家長"}) {
    if (head.find(word) != std::string_view::npos) return true;
  }
  return false;
}

bool is_stage_note(std::string_view block) {
  // Too long or several lines: decode nothing.
  return is_stage_note_line(single_short_line(block, kMaxShapeLineBytes));
}

bool is_stage_note_line(std::string_view line) {
  line = shape_line(line, kMaxBytesPerCodePoint * 40);
  if (line.empty()) return false;
  // Wholly in parentheses, by the bytes of the first and last character (the text's first
  // byte starts a code point, and EF BC 89 at its end can only be ）).
  if (!(line.starts_with("(") || line.starts_with("（")) ||
      !(line.ends_with(")") || line.ends_with("）"))) {
    return false;
  }
  std::array<CodePoint, 40> buffer;
  std::size_t size = decode_utf8_short(line, buffer);
  if (size < 3 || size > buffer.size()) return false;
  std::span<const CodePoint> cps(buffer.data(), size);
  if (!is_open_paren(cps.front().c) || !is_close_paren(cps.back().c)) return false;
  int depth = 0;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (is_open_paren(cps[i].c)) ++depth;
    if (is_close_paren(cps[i].c) && --depth == 0 && i + 1 != cps.size()) return false;
  }
  // "(一 )" is a numbering, not a note.
  int level = 0;
  return depth == 0 && numbering(cps, level) != cps.size();
}

bool is_title_like(std::string_view block) {
  // Too long or several lines: decode nothing.
  std::string_view line = single_short_line(block, kMaxBytesPerCodePoint * 30);
  if (line.empty()) return false;
  std::array<CodePoint, 30> buffer;
  std::size_t size = decode_utf8_short(line, buffer);
  if (size < 2 || size > buffer.size()) return false;
  std::span<const CodePoint> cps(buffer.data(), size);
  int level = 0;
  if (numbering(cps, level) > 0) return false;
  std::size_t han = 0;
  for (const CodePoint& cp : cps) {
    if (is_clause_punct(cp.c) || is_sentence_end(cp.c) || cp.c == U'、') return false;
    if (is_han(cp.c)) ++han;
  }
  return han * 2 >= cps.size();
}

}  // namespace hantidy
