#include "formats/json_line.h"

#include <simdjson.h>

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "core/cpu.h"
#if defined(HANTIDY_CPU_X86_64)
#include <immintrin.h>
#define HANTIDY_JSON_AVX2 1
#endif

namespace hantidy {
namespace {

using Json = nlohmann::ordered_json;

// For each byte: 0 when it is copied as is, else the letter of its short escape ('u' for \u00xx).
constexpr std::array<char, 256> kEscapes = [] {
  std::array<char, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = 'u';
  table['\b'] = 'b';
  table['\f'] = 'f';
  table['\n'] = 'n';
  table['\r'] = 'r';
  table['\t'] = 't';
  table['"'] = '"';
  table['\\'] = '\\';
  return table;
}();

// The first position at or after `from` whose byte JSON escapes (a control character, '"' or
// '\\'), or text.size(). Records are long runs of text with few such bytes: 16 bytes a step.
std::size_t find_escape_sse2(std::string_view text, std::size_t from) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i last_control = _mm_set1_epi8(0x1F);
  for (; from + 16 <= text.size(); from += 16) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
    // max(byte, 0x1F) == 0x1F exactly for the bytes 0x00..0x1F (unsigned).
    __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(chunk, last_control), last_control);
    __m128i hit = _mm_or_si128(
        control, _mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)));
    if (int mask = _mm_movemask_epi8(hit))
      return from + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  while (from < text.size() && kEscapes[static_cast<unsigned char>(text[from])] == 0) ++from;
  return from;
}

#if defined(HANTIDY_JSON_AVX2)
// find_escape_sse2 in steps of 32 bytes, for a CPU with AVX2 (the build targets plain x86-64):
// a record's text is most of what a corpus run writes.
__attribute__((target("avx2"))) std::size_t find_escape_avx2(std::string_view text,
                                                             std::size_t from) {
  const __m256i quote = _mm256_set1_epi8('"');
  const __m256i backslash = _mm256_set1_epi8('\\');
  const __m256i last_control = _mm256_set1_epi8(0x1F);
  for (; from + 32 <= text.size(); from += 32) {
    __m256i chunk = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text.data() + from));
    __m256i control = _mm256_cmpeq_epi8(_mm256_max_epu8(chunk, last_control), last_control);
    __m256i hit = _mm256_or_si256(control, _mm256_or_si256(_mm256_cmpeq_epi8(chunk, quote),
                                                           _mm256_cmpeq_epi8(chunk, backslash)));
    if (unsigned mask = static_cast<unsigned>(_mm256_movemask_epi8(hit)))
      return from + static_cast<std::size_t>(__builtin_ctz(mask));
  }
  return find_escape_sse2(text, from);
}
#endif

std::size_t find_escape(std::string_view text, std::size_t from) {
#if defined(HANTIDY_JSON_AVX2)
  if (cpu_has_avx2()) return find_escape_avx2(text, from);
#endif
  return find_escape_sse2(text, from);
}

// The escape of byte `c` (one kEscapes names).
void append_escape(unsigned char c, std::string& out) {
  char escape = kEscapes[c];
  out += '\\';
  if (escape != 'u') {
    out += escape;
    return;
  }
  constexpr std::string_view kHex = "0123456789abcdef";
  out += "u00";
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

void append_dump(const Json& j, std::string& out) {
  out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

bool append_json_string(std::string_view text, std::string& out) {
  if (!simdjson::validate_utf8(text.data(), text.size())) return false;
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = find_escape(text, 0); i < text.size(); i = find_escape(text, i)) {
    out.append(text.data() + run, i - run);
    // Escapes come in runs ("\n\n" between paragraphs): all of a run before searching again.
    do {
      append_escape(static_cast<unsigned char>(text[i++]), out);
    } while (i < text.size() && kEscapes[static_cast<unsigned char>(text[i])] != 0);
    run = i;
  }
  out.append(text, run, std::string_view::npos);
  out += '"';
  return true;
}

void append_json_text(std::string_view text, std::string& out) {
  if (!append_json_string(text, out)) append_dump(Json(std::string(text)), out);
}

void append_json_value(const Json& value, std::string& out) {
  if (value.is_string()) {
    append_json_text(value.get_ref<const std::string&>(), out);
  } else {
    append_dump(value, out);
  }
}

void append_json_line(const Json& j, std::string& out) {
  if (!j.is_object()) {
    append_dump(j, out);
    out += '\n';
    return;
  }
  out += '{';
  bool first = true;
  for (const auto& [key, value] : j.items()) {
    if (!first) out += ',';
    first = false;
    append_json_text(key, out);
    out += ':';
    append_json_value(value, out);
  }
  out += "}\n";
}

}  // namespace hantidy
