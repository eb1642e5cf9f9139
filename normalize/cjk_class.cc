#include "normalize/cjk_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "normalize/bmp_table.h"

namespace hantidy {
namespace {

std::uint8_t compute_bits(char32_t cp) {
  UChar32 c = static_cast<UChar32>(cp);
  std::uint8_t bits = 0;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  if (U_FAILURE(status)) script = USCRIPT_UNKNOWN;
  bool ideograph = script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
                   script == USCRIPT_KATAKANA || script == USCRIPT_BOPOMOFO;
  int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  bool wide = width == U_EA_WIDE || width == U_EA_FULLWIDTH;
  if (ideograph) bits |= kIdeograph;
  if ((wide || ideograph) && !u_isUWhiteSpace(c) && script != USCRIPT_HANGUL &&
      !u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) {
    bits |= kWide;
  }
  if (U_GET_GC_MASK(c) & (U_GC_P_MASK | U_GC_S_MASK)) bits |= kMark;
  if (!(bits & kWide)) {
    if (u_isUAlphabetic(c)) bits |= kLetter;
    if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) bits |= kDigit;
  }
  return bits;
}

}  // namespace

const std::uint8_t* bmp_char_bits() { return bmp_table<compute_bits>(); }

std::uint8_t astral_char_bits(char32_t cp) { return cp > 0x10FFFF ? 0 : compute_bits(cp); }

}  // namespace hantidy
