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
  std::vector<Mark> marks;
  std::vector<CodePoint> cps = decode_utf8(text);
  std::size_t i = 0;
  while (i < cps.size()) {
    if (!is_placeholder(cps[i].c)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < cps.size() && is_placeholder(cps[j].c)) ++j;
    char32_t before = i > 0 ? cps[i - 1].c : 0;
    char32_t after = j < cps.size() ? cps[j].c : 0;
    bool latin = is_latin_letter(before) || is_latin_letter(after);
    bool han = is_han(before) || is_han(after);
    bool times_sign = cps[i].c == U'×' && (is_digit(before) || is_digit(after));
    if (!latin && han && !times_sign && !(j - i == 1 && is_x_ray(after))) {
      marks.push_back({cps[i].begin, cps[j - 1].end, "redaction"});
    }
    i = j;
  }
  return marks;
}

}  // namespace hantidy
