#include "converters/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <memory>
#include <vector>

#include "core/error.h"
#include "core/sha256.h"

namespace hantidy {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

[[noreturn]] void fail_at(const std::string& name, std::string_view encoding, std::size_t offset,
                          std::string_view raw, std::string_view hint) {
  std::string message =
      name + ": invalid " + std::string(encoding) + " at byte " + std::to_string(offset);
  if (offset < raw.size())
    message += " (" + hex_byte(static_cast<unsigned char>(raw[offset])) + ")";
  message += "; ";
  message += hint.empty() ? "use --encoding NAME or --on-invalid=replace" : hint;
  throw Error(ErrorKind::kInput, message);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct Decoded {
  std::string text;
  std::size_t invalid = 0;  // invalid sequences replaced
  std::size_t first_invalid = std::string::npos;
  bool truncated = false;  // the first invalid sequence is a character cut off by the end
};

// True when the invalid UTF-8 at `offset` is the start of a valid sequence that the end of the
// input cut off (a truncated file), rather than a wrong byte.
bool utf8_truncated_at(std::string_view raw, std::size_t offset) {
  auto lead = static_cast<unsigned char>(raw[offset]);
  std::size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                       : lead >= 0xE0 && lead <= 0xEF ? 3
                       : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                      : 0;
  if (length == 0 || raw.size() - offset >= length) return false;
  for (std::size_t i = offset + 1; i < raw.size(); ++i) {
    if ((static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80) return false;
  }
  return true;
}

Decoded decode_utf8(std::string_view raw, bool stop_at_invalid) {
  Decoded out;
  std::size_t bad = find_invalid_utf8(raw);
  if (bad == std::string::npos) {
    out.text.assign(raw);
    return out;
  }
  out.first_invalid = bad;
  out.truncated = utf8_truncated_at(raw, bad);
  if (stop_at_invalid) return out;
  out.text.reserve(raw.size());
  const auto* s = reinterpret_cast<const uint8_t*>(raw.data());
  int64_t length = static_cast<int64_t>(raw.size());
  int64_t i = 0;
  while (i < length) {
    int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out.text += kReplacement;
      ++out.invalid;
    } else {
      out.text.append(raw.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

void append_utf16_as_utf8(std::string& out, const UChar* units, int32_t count) {
  int32_t i = 0;
  while (i < count) {
    UChar32 c;
    U16_NEXT(units, i, count, c);
    if (U_IS_SURROGATE(c)) c = 0xFFFD;  // an unpaired surrogate cannot be UTF-8
    char buf[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, error);
    (void)error;  // cannot fail: c is a scalar value and buf holds any
    out.append(buf, static_cast<std::size_t>(n));
  }
}

// Decodes with an ICU converter. Stops at the first invalid sequence when `stop_at_invalid`,
// recording its byte offset; otherwise replaces each with U+FFFD and counts them.
Decoded decode_icu(std::string_view raw, const std::string& encoding, bool stop_at_invalid) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(encoding.c_str(), &status));
  if (U_FAILURE(status)) {
    throw Error(ErrorKind::kUsage, "unknown encoding '" + encoding + "'");
  }
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  Decoded out;
  out.text.reserve(raw.size() + raw.size() / 2);
  std::vector<UChar> buffer(1 << 16);
  const char* source = raw.data();
  const char* source_end = raw.data() + raw.size();
  bool flushed = false;
  while (!flushed) {
    UChar* target = buffer.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &target, buffer.data() + buffer.size(), &source, source_end,
                   nullptr, true, &status);
    append_utf16_as_utf8(out.text, buffer.data(), static_cast<int32_t>(target - buffer.data()));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      // The converter has consumed the offending bytes; it keeps them for getInvalidChars.
      char invalid[32];
      int8_t invalid_length = sizeof invalid;
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(converter.get(), invalid, &invalid_length, &ignored);
      std::size_t offset = static_cast<std::size_t>(source - raw.data()) -
                           static_cast<std::size_t>(std::max<int8_t>(invalid_length, 0));
      if (out.first_invalid == std::string::npos) {
        out.first_invalid = offset;
        out.truncated = status == U_TRUNCATED_CHAR_FOUND;
      }
      if (stop_at_invalid) return out;
      out.text += kReplacement;
      ++out.invalid;
      ucnv_reset(converter.get());
      continue;
    }
    flushed = source == source_end;
  }
  return out;
}

// The encoding a byte-order mark announces, and its length; "" when none.
std::string_view bom_encoding(std::string_view raw, std::size_t& length) {
  if (raw.substr(0, 3) == kUtf8Bom) {
    length = 3;
    return "UTF-8";
  }
  if (raw.size() >= 2) {
    auto b0 = static_cast<unsigned char>(raw[0]), b1 = static_cast<unsigned char>(raw[1]);
    length = 2;
    if (b0 == 0xFF && b1 == 0xFE) return "UTF-16LE";
    if (b0 == 0xFE && b1 == 0xFF) return "UTF-16BE";
  }
  length = 0;
  return "";
}

// Candidate encodings for bytes that are not UTF-8, best first: ICU's detector, then the legacy
// Chinese encodings in order of how much they cover.
std::vector<std::string> detect_candidates(std::string_view raw) {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_SUCCESS(status)) {
    // A megabyte is plenty of evidence and keeps detection linear in small inputs.
    int32_t length = static_cast<int32_t>(std::min<std::size_t>(raw.size(), 1 << 20));
    ucsdet_setText(detector, raw.data(), length, &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector, &count, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < count && i < 4; ++i) {
      const char* name = ucsdet_getName(matches[i], &status);
      if (U_SUCCESS(status) && name) out.emplace_back(name);
    }
    ucsdet_close(detector);
  }
  // Big5 as the detector names it is the narrow standard; the HKSCS and CP950 supersets decode
  // Taiwan and Hong Kong files that use their extensions.
  std::vector<std::string> expanded;
  for (const std::string& name : out) {
    if (name == "Big5") {
      expanded.push_back("Big5-HKSCS");
      expanded.push_back("windows-950");
    }
    if (name == "GB18030") expanded.push_back("GB18030");
    expanded.push_back(name);
  }
  for (const char* fallback : {"GB18030", "Big5-HKSCS", "windows-950"}) {
    expanded.emplace_back(fallback);
  }
  return expanded;
}

std::string canonical_encoding(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int64_t length = static_cast<int64_t>(bytes.size());
  int64_t i = 0;
  while (i < length) {
    // ASCII fast path: most input is ASCII or already checked multibyte runs.
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::string::npos;
}

std::string normalize_newlines(std::string text) {
  if (text.find('\r') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

Source decode_source(std::string_view raw, std::string name, const ReadOptions& options,
                     Diagnostics& diag) {
  Source source;
  source.name = std::move(name);
  source.raw_size = raw.size();
  if (options.hash) source.raw_sha256 = sha256_hex(raw);  // names the input in TEI's sourceDesc
  const bool fail = options.on_invalid != "replace";
  std::string requested = canonical_encoding(options.encoding);

  std::size_t bom_length = 0;
  std::string_view bom = bom_encoding(raw, bom_length);
  Decoded decoded;
  if (requested == "utf-8" || requested == "utf8" || requested == "auto") {
    // A UTF-16 BOM only counts when text follows it: a lone FF FE is far more likely a damaged
    // or binary file than an empty UTF-16 one.
    if (!bom.empty() && (bom == "UTF-8" || raw.size() > bom_length)) {
      source.encoding = std::string(bom);
      std::string_view body = raw.substr(bom_length);
      decoded = bom == "UTF-8" ? decode_utf8(body, fail) : decode_icu(body, source.encoding, fail);
      if (decoded.first_invalid != std::string::npos) decoded.first_invalid += bom_length;
    } else if (requested != "auto" || find_invalid_utf8(raw) == std::string::npos) {
      source.encoding = "UTF-8";
      decoded = decode_utf8(raw, fail);
    } else {
      bool found = false;
      for (const std::string& candidate : detect_candidates(raw)) {
        Decoded attempt;
        try {
          attempt = decode_icu(raw, candidate, true);
        } catch (const Error&) {
          continue;  // a detector name ICU cannot open
        }
        if (attempt.first_invalid == std::string::npos) {
          source.encoding = candidate;
          decoded = std::move(attempt);
          found = true;
          break;
        }
      }
      if (!found) {
        if (fail) {
          fail_at(source.name, "text in any known encoding", find_invalid_utf8(raw), raw,
                  "use --encoding NAME or --on-invalid=replace");
        }
        source.encoding = "UTF-8";
        decoded = decode_utf8(raw, false);
      }
    }
  } else {
    source.encoding = options.encoding;
    decoded = decode_icu(raw, options.encoding, fail);
  }

  if (decoded.first_invalid != std::string::npos && fail) {
    std::string hint;
    if (decoded.first_invalid == 0 && bom_length == 2) {
      hint = "this looks like a UTF-16 byte-order mark with no text after it";
    } else if (decoded.truncated) {
      hint = "the input ends in the middle of a character (truncated?); use --on-invalid=replace";
    }
    fail_at(source.name, source.encoding, decoded.first_invalid, raw, hint);
  }
  if (decoded.invalid > 0) {
    diag.warn("decode", source.name, 0,
              std::to_string(decoded.invalid) + " invalid " + source.encoding +
                  " sequence(s) replaced by U+FFFD; first at byte " +
                  std::to_string(decoded.first_invalid));
  }
  std::string text = std::move(decoded.text);
  if (std::string_view(text).substr(0, 3) == kUtf8Bom) text.erase(0, 3);  // BOM inside UTF-16
  source.text = normalize_newlines(std::move(text));
  return source;
}

}  // namespace hantidy
