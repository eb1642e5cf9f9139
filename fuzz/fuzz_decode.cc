// libFuzzer target: input bytes → decode_source → text reader, over every encoding path.
// The first byte picks the encoding and the invalid-byte mode; the rest is the file.
// Oracles beyond the sanitizers: decoding either throws Error{kInput} (fail mode only) or yields
// valid UTF-8 without CR; the reader's blocks account for every non-space character.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "converters/decode.h"
#include "core/error.h"
#include "core/tables.h"
#include "core/verify.h"

namespace {

constexpr const char* kEncodings[] = {
    "utf-8", "auto", "GB18030", "Big5", "Big5-HKSCS", "windows-950", "UTF-16LE", "UTF-16BE",
};
constexpr std::size_t kEncodingCount = sizeof kEncodings / sizeof kEncodings[0];

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_decode: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  hantidy::ReadOptions options;
  options.encoding = kEncodings[data[0] % kEncodingCount];
  options.on_invalid = (data[0] / kEncodingCount) % 2 == 0 ? "fail" : "replace";
  std::string_view raw(reinterpret_cast<const char*>(data) + 1, size - 1);
  hantidy::Diagnostics diag;
  hantidy::Document doc;
  try {
    doc.sources.push_back(hantidy::decode_source(raw, "fuzz", options, diag));
  } catch (const hantidy::Error& e) {
    if (e.kind() != hantidy::ErrorKind::kInput || options.on_invalid != "fail") {
      fail(e.what());
    }
    return 0;
  }
  const std::string& text = doc.sources[0].text;
  if (hantidy::find_invalid_utf8(text) != std::string::npos) fail("decoded text is not UTF-8");
  if (text.find('\r') != std::string::npos) fail("decoded text keeps a CR");
  hantidy::find_reader("text").make()->read(0, doc, diag);
  if (auto lost = hantidy::find_lost_in_sources(doc)) {
    fail(hantidy::lost_message(doc, *lost, "after reading").c_str());
  }
  return 0;
}
