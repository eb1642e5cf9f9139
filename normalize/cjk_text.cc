#include "normalize/cjk_text.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <cstdint>

#include "normalize/bmp_table.h"

namespace hantidy {
namespace {

// The ICU-backed definitions. The public predicates answer from a BMP table built once from
// these (the repair filters ask at almost every code point, and an ICU property lookup costs
// more than the rest of their work); outside the BMP they call these directly.
bool compute_is_han(char32_t c) {
  if (c < 0x2E80) return false;
  if (c == U'〇') return true;  // a letter number (Nl), not alphabetic, but written as a Han digit
  UErrorCode status = U_ZERO_ERROR;
  // Script=Han also covers the Kangxi and CJK radicals, which are symbols, not ideographs.
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN && U_SUCCESS(status) &&
         u_isalpha(static_cast<UChar32>(c));
}

// `han` is compute_is_han(c), which compute_bits has already asked ICU for.
bool compute_is_cjk_letter(char32_t c, bool han) {
  if (c < 0x1100) return false;
  if (han) return true;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &status);
  return s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_HANGUL;
}

bool compute_is_cjk_punct(char32_t c) {
  if (c >= 0x3001 && c <= 0x303F) return true;  // 、。〃〈〉《》「」『』【】〔〕...
  if (c >= 0xFF01 && c <= 0xFF65) {             // full-width forms that are not letters/digits
    return !u_isalnum(static_cast<UChar32>(c));
  }
  switch (c) {
    case U'“':
    case U'”':
    case U'‘':
    case U'’':
    case U'—':
    case U'…':
    case U'·':
    case U'─':
    case U'–':
    case U'﹏':
    case U'︰':
      return true;
    default:
      return false;
  }
}

bool compute_is_wide(char32_t c) {
  int w = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return w == U_EA_WIDE || w == U_EA_FULLWIDTH;
}

std::uint8_t compute_bits(char32_t c) {
  using namespace cjk_text_detail;
  bool han = compute_is_han(c);
  return (han ? kHan : 0) | (compute_is_cjk_letter(c, han) ? kCjkLetter : 0) |
         (compute_is_cjk_punct(c) ? kCjkPunct : 0) | (compute_is_wide(c) ? kTwoColumns : 0);
}

}  // namespace

namespace cjk_text_detail {

const std::uint8_t* bmp_bits() { return bmp_table<compute_bits>(); }

std::uint8_t astral_bits(char32_t c) { return compute_bits(c); }

bool listed_terminal(char32_t c) {
  switch (c) {
    case U'。':
    case U'！':
    case U'？':
    case U'…':
    case U'．':
    case U'.':
    case U'!':
    case U'?':
    case U'：':
    case U'；':
    case U':':
    case U';':
    case U'｡':
      return true;
    default:
      return false;
  }
}

bool listed_closing(char32_t c) {
  switch (c) {
    case U'”':
    case U'’':
    case U'」':
    case U'』':
    case U'）':
    case U')':
    case U'》':
    case U'】':
    case U'〕':
    case U'〉':
    case U'"':
    case U'\'':
    case U']':
    case U'］':
      return true;
    default:
      return false;
  }
}

bool listed_opening(char32_t c) {
  switch (c) {
    case U'“':
    case U'‘':
    case U'「':
    case U'『':
    case U'（':
    case U'(':
    case U'《':
    case U'【':
    case U'〔':
    case U'〈':
    case U'[':
    case U'［':
      return true;
    default:
      return false;
  }
}

bool listed_no_line_start(char32_t c) {
  switch (c) {
    case U'，':
    case U'。':
    case U'、':
    case U'；':
    case U'：':
    case U'？':
    case U'！':
    case U'）':
    case U'」':
    case U'』':
    case U'”':
    case U'’':
    case U'》':
    case U'】':
    case U'…':
    case U',':
    case U'.':
    case U';':
    case U':':
    case U'?':
    case U'!':
    case U')':
    case U'．':
      return true;
    default:
      return false;
  }
}

}  // namespace cjk_text_detail

bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int line_width(std::string_view line) {
  int width = 0;
  for (std::size_t at = 0; at < line.size();) {
    char32_t c = next_code_point(line, at);
    if (c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0) continue;
    width += display_width(c);
  }
  return width;
}

std::size_t visible_length(std::string_view text, std::size_t cap) {
  std::size_t n = 0;
  for (std::size_t at = 0; at < text.size() && n < cap;) {
    // Printable ASCII and U+4000–U+9FFF (lead byte E4–E9, two continuation bytes) are visible and
    // need no decoding.
    auto lead = static_cast<unsigned char>(text[at]);
    if (lead >= 0x21 && lead <= 0x7E) {
      ++n;
      ++at;
      continue;
    }
    if (lead >= 0xE4 && lead <= 0xE9 && at + 2 < text.size() &&
        (static_cast<unsigned char>(text[at + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(text[at + 2]) & 0xC0) == 0x80) {
      ++n;
      at += 3;
      continue;
    }
    char32_t c = next_code_point(text, at);
    if (c != ' ' && c != '\t' && c != '\n' && c != 0x3000 && c != 0xA0) ++n;
  }
  return n;
}

}  // namespace hantidy
