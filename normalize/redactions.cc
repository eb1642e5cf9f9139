#include "normalize/redactions.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "core/cpu.h"
#if defined(HANTIDY_CPU_X86_64)
#include <immintrin.h>
#endif

#include <array>
#include <cstdint>
#include <cstring>

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

// The first position at or after `from` where a placeholder's bytes may start: 'X', 'x', Ｘ (EF
// BC B8), ｘ (EF BD 98) or × (C3 97); text.size() when there is none. The vector test is a cheaper
// superset (C3 with any second byte, EF with B8 or 98 as its third, so also ８ EF BC 98):
// placeholders are rare, and the caller decodes what stands at a candidate and skips it when it
// is none. Every candidate byte ('X', 'x', C3, EF) starts a code point wherever it stands.
#if defined(__SSE2__)
// The candidates among the 16 positions from `p` (18 bytes are read), as a bit mask.
unsigned placeholder_candidates(const unsigned char* p) {
  auto eq = [](__m128i v, unsigned char b) {
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b)));
  };
  // 'X' (58) and 'x' (78) differ only in the bit 0x20, and so do B8 and 98: one compare each.
  const __m128i bit5 = _mm_set1_epi8(0x20);
  __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i b2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2));
  __m128i latin = eq(_mm_or_si128(b0, bit5), 'x');
  __m128i wide = _mm_and_si128(eq(b0, 0xEF), eq(_mm_or_si128(b2, bit5), 0xB8));
  __m128i hit = _mm_or_si128(_mm_or_si128(latin, eq(b0, 0xC3)), wide);
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}

#if defined(HANTIDY_CPU_X86_64)
// placeholder_candidates for the 32 positions from `p` (34 bytes are read), for a CPU with AVX2.
__attribute__((target("avx2"))) std::uint32_t placeholder_candidates_avx2(const unsigned char* p) {
  const __m256i bit5 = _mm256_set1_epi8(0x20);
  __m256i b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  __m256i b2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2));
  __m256i latin = _mm256_cmpeq_epi8(_mm256_or_si256(b0, bit5), _mm256_set1_epi8('x'));
  __m256i wide = _mm256_and_si256(
      _mm256_cmpeq_epi8(b0, _mm256_set1_epi8(static_cast<char>(0xEF))),
      _mm256_cmpeq_epi8(_mm256_or_si256(b2, bit5), _mm256_set1_epi8(static_cast<char>(0xB8))));
  __m256i lead = _mm256_cmpeq_epi8(b0, _mm256_set1_epi8(static_cast<char>(0xC3)));
  __m256i hit = _mm256_or_si256(_mm256_or_si256(latin, lead), wide);
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(hit));
}

// Passes over the 64-byte steps from `from` that hold no candidate, 32 bytes a compare: returns
// the start of the first step that holds one, or of the last bytes (fewer than 66) that the
// 16-byte search below looks at.
__attribute__((target("avx2"))) std::size_t skip_placeholder_free_avx2(const unsigned char* s,
                                                                       std::size_t from,
                                                                       std::size_t n) {
  while (from + 66 <= n) {
    if (placeholder_candidates_avx2(s + from) | placeholder_candidates_avx2(s + from + 32)) break;
    from += 64;
  }
  return from;
}
#endif

std::size_t find_placeholder_bytes(std::string_view text, std::size_t from) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
#if defined(HANTIDY_CPU_X86_64)
  if (cpu_has_avx2()) from = skip_placeholder_free_avx2(s, from, n);
#endif
  // Sixty-four positions a step: most texts hold no candidate at all.
  while (from + 66 <= n) {
    std::uint64_t mask = placeholder_candidates(s + from) |
                         std::uint64_t{placeholder_candidates(s + from + 16)} << 16 |
                         std::uint64_t{placeholder_candidates(s + from + 32)} << 32 |
                         std::uint64_t{placeholder_candidates(s + from + 48)} << 48;
    if (mask) return from + static_cast<std::size_t>(__builtin_ctzll(mask));
    from += 64;
  }
  while (from + 18 <= n) {
    if (unsigned mask = placeholder_candidates(s + from)) {
      return from + static_cast<std::size_t>(__builtin_ctz(mask));
    }
    from += 16;
  }
  // The last bytes (at most 17), tested in a copy padded with zeros: a zero byte is no candidate
  // and completes none (EF then B8 or 98 needs both inside the text).
  std::array<unsigned char, 48> tail{};
  std::memcpy(tail.data(), s + from, n - from);
  std::uint64_t mask =
      placeholder_candidates(tail.data()) | placeholder_candidates(tail.data() + 16) << 16;
  return mask ? from + static_cast<std::size_t>(__builtin_ctzll(mask)) : n;
}
#else
std::size_t find_placeholder_bytes(std::string_view text, std::size_t from) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  for (; from < text.size(); ++from) {
    unsigned char b = s[from];
    if (b == 'X' || b == 'x') return from;
    std::string_view rest = text.substr(from, 3);
    if (rest == "Ｘ" || rest == "ｘ" || rest.starts_with("×")) return from;
  }
  return text.size();
}
#endif

}  // namespace

std::vector<Mark> find_redactions(std::string_view text) {
  // One pass over the bytes: paragraphs may be megabytes long, so nothing is decoded into a
  // buffer, and only where a placeholder's bytes stand is anything decoded at all. Each starts
  // with 'X', 'x', EF or C3, none of them a continuation byte, so each is where a forward
  // decode of the text starts a code point, and decoding from it reads what a decoder walking
  // the whole text would. The character before a run is read backwards
  // (previous_code_point finds the same code point as the forward walk: a forward decode never
  // swallows a lead byte).
  std::vector<Mark> marks;
  std::size_t at = 0;
  while (at < text.size()) {
    at = find_placeholder_bytes(text, at);
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
