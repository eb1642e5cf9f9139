// Character classes shared by the repair filters (unicode, furniture, linebreak) and
// structure, so every filter agrees on what "CJK", "terminal punctuation" and "width" mean.
// Defined by ICU properties; the BMP's answers are read from a table built once from ICU.
#ifndef HANTIDY_NORMALIZE_CJK_TEXT_H_
#define HANTIDY_NORMALIZE_CJK_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "normalize/bmp_table.h"
#include "normalize/utf8.h"  // next_code_point, previous_code_point

namespace hantidy {

namespace cjk_text_detail {
/// kTwoColumns is East Asian Width W or F as such (display width), not cjk_class.h's kWide
/// (which leaves out spaces, Hangul and emoji because it means "makes the text Chinese").
enum CjkBits : std::uint8_t { kHan = 1, kCjkLetter = 2, kCjkPunct = 4, kTwoColumns = 8 };
/// The bits of every BMP code point, computed once from ICU (the repair filters ask at almost
/// every code point, and an ICU property lookup costs more than the rest of their work).
const std::uint8_t* bmp_bits();
/// The bits of a code point outside the BMP (asks ICU).
std::uint8_t astral_bits(char32_t c);
inline std::uint8_t bits(char32_t c) { return table_bits<bmp_bits, astral_bits>(c); }
/// The lists behind is_terminal, is_closing, is_opening and is_no_line_start. The CJK Unified
/// Ideographs (is_unified_ideograph), most characters of a Chinese line's ends, are on none of
/// them (cjk_text_test checks every code point), so the inline tests answer for them first.
bool listed_terminal(char32_t c);
bool listed_closing(char32_t c);
bool listed_opening(char32_t c);
bool listed_no_line_start(char32_t c);
}  // namespace cjk_text_detail

/// Han ideographs: Script=Han letters (compatibility ideographs included) and 〇; not the
/// Kangxi or CJK radicals, which are symbols.
inline bool is_han(char32_t c) { return (cjk_text_detail::bits(c) & cjk_text_detail::kHan) != 0; }
/// Kana and Hangul count with Han as "CJK letters" for spacing rules.
inline bool is_cjk_letter(char32_t c) {
  return (cjk_text_detail::bits(c) & cjk_text_detail::kCjkLetter) != 0;
}
/// Full-width CJK punctuation: U+3000 block, full-width forms that are punctuation, the
/// curly quotes, em dash and ellipsis that Chinese text uses.
inline bool is_cjk_punct(char32_t c) {
  return (cjk_text_detail::bits(c) & cjk_text_detail::kCjkPunct) != 0;
}
/// Sentence-final punctuation, CJK and ASCII (。！？…; .!? since the punct filter runs later),
/// plus the colon and semicolon that end a line of a list or a salutation.
inline bool is_terminal(char32_t c) {
  return !is_unified_ideograph(c) && cjk_text_detail::listed_terminal(c);
}
/// Closing quotes and brackets that may follow a terminal mark (。” ！」).
inline bool is_closing(char32_t c) {
  return !is_unified_ideograph(c) && cjk_text_detail::listed_closing(c);
}
/// Opening quotes and brackets (“ 《 （ 「 ...).
inline bool is_opening(char32_t c) {
  return !is_unified_ideograph(c) && cjk_text_detail::listed_opening(c);
}
/// Punctuation that never starts a line in Chinese typesetting (，。、；：？！）」” ...).
inline bool is_no_line_start(char32_t c) {
  return !is_unified_ideograph(c) && cjk_text_detail::listed_no_line_start(c);
}
/// Display width in columns: 2 for East Asian Wide and Full-width, 1 otherwise.
inline int display_width(char32_t c) {
  return (cjk_text_detail::bits(c) & cjk_text_detail::kTwoColumns) != 0 ? 2 : 1;
}
/// ASCII letters and digits.
bool is_ascii_alnum(char32_t c);

/// Width of a line without its white space (PDF/OCR inserts spaces that were not in the
/// layout, so they must not count).
int line_width(std::string_view line);

/// Code points of `text` that are not white space, counting no further than `cap` (so that a
/// "short line?" test on a huge block costs only what it needs).
std::size_t visible_length(std::string_view text, std::size_t cap = static_cast<std::size_t>(-1));

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_CJK_TEXT_H_
