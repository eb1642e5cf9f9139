// Small text predicates shared by the structure filter's parts (labels, headings, redactions).
// Hand-listed on purpose: a label or heading is written with these exact characters (ASCII and
// full-width Latin, digits), not with any script's letters (cjk_class.h's kLetter/kDigit).
#ifndef HANTIDY_NORMALIZE_STRUCTURE_TEXT_H_
#define HANTIDY_NORMALIZE_STRUCTURE_TEXT_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/cjk_text.h"  // is_han
#include "normalize/utf8.h"      // next_code_point, count_code_points

namespace hantidy {

/// One decoded code point and where it sits in the UTF-8 text. No default member values, so
/// that a stack buffer of them (parse_colon_label's, for every block) is not zeroed each time;
/// `CodePoint{}` is still all zeros.
struct CodePoint {
  char32_t c;
  std::size_t begin;
  std::size_t end;
};

/// Decodes UTF-8; a malformed byte becomes U+FFFD of length 1, so decoding never fails.
std::vector<CodePoint> decode_utf8(std::string_view text);
/// Decodes `text` as decode_utf8 does into `out`, for texts that are only of use when short:
/// returns the number of code points when it is at most out.size(), out.size() + 1 (with only
/// the first out.size() decoded) when there are more. A stack buffer instead of a heap vector.
template <std::size_t N>
std::size_t decode_utf8_short(std::string_view text, std::array<CodePoint, N>& out) {
  std::size_t size = 0;
  for (std::size_t at = 0; at < text.size();) {
    if (size == N) return N + 1;
    std::size_t begin = at;
    char32_t c = next_code_point(text, at);
    out[size++] = {c, begin, at};
  }
  return size;
}

/// ASCII and full-width Latin letters.
bool is_latin_letter(char32_t c);
/// ASCII and full-width digits.
bool is_digit(char32_t c);
/// ASCII space, tab and U+3000 (what separates a role from a name in a label).
bool is_label_space(char32_t c);
/// Sentence and clause punctuation that never occurs inside a label, heading or title
/// (。，；！？、 are separate: 、 joins roles).
bool is_clause_punct(char32_t c);

/// `text` without leading and trailing ASCII white space and U+3000.
std::string_view trim_space(std::string_view text);
/// `text` without trailing ASCII white space and U+3000 (trim_space's end).
std::string_view trim_space_end(std::string_view text);
/// Where the line of `text` that starts at `at` ends (its '\n', or the text's end), or npos
/// when that line, trimmed, is certainly longer than `max_bytes`: then the rest of a long
/// paragraph is not searched for its end.
std::size_t short_line_end(std::string_view text, std::size_t at, std::size_t max_bytes);
/// The single non-empty line of `text` (trimmed with trim_space) when there is
/// exactly one and it is at most `max_bytes` long; empty otherwise. Stops as soon as the answer
/// is known, so a long paragraph is not split into lines only to be rejected.
std::string_view single_short_line(std::string_view text, std::size_t max_bytes);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_STRUCTURE_TEXT_H_
