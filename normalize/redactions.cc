#include "normalize/redactions.h"

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
  // One pass with a one-character look-behind: paragraphs may be megabytes long, so nothing is
  // decoded into a buffer.
  std::vector<Mark> marks;
  char32_t before = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t begin = at;
    char32_t c = next_code_point(text, at);
    if (!is_placeholder(c)) {
      before = c;
      continue;
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
    before = 0;  // the run itself; the character after it is read next
  }
  return marks;
}

}  // namespace hantidy
