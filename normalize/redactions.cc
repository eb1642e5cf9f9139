#include "normalize/redactions.h"

#include "normalize/punct_bytes.h"
#include "normalize/structure_text.h"

namespace hantidy {
namespace {

bool is_placeholder(char32_t c) {
  return c == U'X' || c == U'x' || c == U'Ｘ' || c == U'ｘ' || c == U'×';
}

// "X光", "X射线", "X線": X-rays, not a redaction.
bool is_x_ray(char32_t next) {
  return next == U'光' || next == U'射' || next == U'線' || next == U'线';
}

}  // namespace

std::vector<Mark> find_redactions(std::string_view text) {
  // One pass over the bytes: paragraphs may be megabytes long, so nothing is decoded into a
  // buffer, and only a byte that can start a placeholder is decoded at all: 'X', 'x', or the
  // lead bytes of Ｘ ｘ (EF) and × (C3). None of these is a continuation byte, so each is where
  // a forward decode of the text starts a code point, and decoding from it reads what a
  // decoder walking the whole text would. The character before a run is read backwards
  // (previous_code_point finds the same code point as the forward walk: a forward decode never
  // swallows a lead byte).
  std::vector<Mark> marks;
  std::size_t at = 0;
  while (at < text.size()) {
    at = find_any_of_bytes(text, at, 'X', 'x', 0xEF, 0xC3);
    if (at == text.size()) break;
    std::size_t begin = at;
    char32_t c = next_code_point(text, at);
    if (!is_placeholder(c)) continue;
    char32_t before = 0;
    if (begin > 0) {
      std::size_t start = begin;
      before = previous_code_point(text, start);
    }
    char32_t first = c;
    std::size_t end = at, count = 1;
    char32_t after = 0;
    while (at < text.size()) {
      std::size_t next = at;
      after = next_code_point(text, next);
      if (!is_placeholder(after)) break;
      at = end = next;
      ++count;
      after = 0;
    }
    bool latin = is_latin_letter(before) || is_latin_letter(after);
    bool han = is_han(before) || is_han(after);
    bool times_sign = first == U'×' && (is_digit(before) || is_digit(after));
    if (!latin && han && !times_sign && !(count == 1 && is_x_ray(after))) {
      marks.push_back({begin, end, "redaction"});
    }
    // The character after the run is read next (it is not a placeholder).
  }
  return marks;
}

}  // namespace hantidy
