// The bytes where the unicode filter's passes have work, for StopFinder. Internal to the unicode
// filter (a header so that unicode_stops_test can check the sixteen-byte forms byte by byte).
#ifndef HANTIDY_NORMALIZE_UNICODE_STOPS_H_
#define HANTIDY_NORMALIZE_UNICODE_STOPS_H_

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hantidy::unicode_stops {

/// Bytes that start a code point outside ASCII and U+4000–U+9FFF (lead bytes E4–E9). Every other
/// byte is ASCII, such a lead, or a continuation byte; decoded, they give ASCII, U+4000–U+9FFF
/// or (malformed) U+FFFD, each with an NFC boundary before it and NFC quick check Yes.
inline bool starts_nfc_special(unsigned char b) { return (b >= 0xC0 && b <= 0xE3) || b >= 0xEA; }

/// Bytes where clean_characters has work: white space and controls (< 0x21, 0x7F), the marks
/// report_repeats looks for when doubled (',' ';'), and lead bytes of anything but U+4000–U+9FFF.
inline bool starts_clean_special(unsigned char b) {
  return b <= 0x20 || b == 0x7F || b == ',' || b == ';' || starts_nfc_special(b);
}

#if defined(__SSE2__)
/// Lanes of `v` whose byte is in [lo, hi] (unsigned), as 0xFF.
inline __m128i bytes_in(__m128i v, unsigned char lo, unsigned char hi) {
  __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
  __m128i clamped = _mm_min_epu8(shifted, _mm_set1_epi8(static_cast<char>(hi - lo)));
  return _mm_cmpeq_epi8(clamped, shifted);
}

inline __m128i nfc_special_lanes(__m128i v) {
  return _mm_or_si128(bytes_in(v, 0xC0, 0xE3), bytes_in(v, 0xEA, 0xFF));
}

inline __m128i clean_special_lanes(__m128i v) {
  // As signed bytes, those below 0x21 are the controls, the space and every byte from 0x80 up;
  // of these, the continuation bytes 80–BF (below -64) and the leads E4–E9 are no stops.
  __m128i low_or_high = _mm_cmplt_epi8(v, _mm_set1_epi8(0x21));
  __m128i continuation = _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0)));
  __m128i passed = _mm_or_si128(continuation, bytes_in(v, 0xE4, 0xE9));
  __m128i marks =
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8(';')));
  __m128i marks_or_delete = _mm_or_si128(marks, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
  return _mm_or_si128(_mm_andnot_si128(passed, low_or_high), marks_or_delete);
}
#endif

/// The two byte scans: which bytes each stops at, one at a time (`stops`) and, where SSE2 is
/// there, sixteen at a time (`lanes`, 0xFF for a byte `stops` says yes to).
struct NfcSpecial {
  static bool stops(unsigned char b) { return starts_nfc_special(b); }
#if defined(__SSE2__)
  static __m128i lanes(__m128i v) { return nfc_special_lanes(v); }
#endif
};

struct CleanSpecial {
  static bool stops(unsigned char b) { return starts_clean_special(b); }
#if defined(__SSE2__)
  static __m128i lanes(__m128i v) { return clean_special_lanes(v); }
#endif
};

}  // namespace hantidy::unicode_stops

#endif  // HANTIDY_NORMALIZE_UNICODE_STOPS_H_
