// libFuzzer target: input bytes as a --filters spec ("trim; punct(quotes=corner)"), parsed and
// built against the filter table. Any spec must be either built or refused with Error{kUsage}.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/error.h"
#include "core/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view spec(reinterpret_cast<const char*>(data), size);
  try {
    hantidy::Pipeline pipeline = hantidy::Pipeline::build(spec);
    // Specs round-trip: what was parsed builds again from its own text.
    std::string again;
    for (const hantidy::FilterSpec& s : pipeline.specs()) again += s.text + ";";
    hantidy::Pipeline::build(again);
  } catch (const hantidy::Error& e) {
    if (e.kind() != hantidy::ErrorKind::kUsage) {
      std::fprintf(stderr, "fuzz_filter_spec: %s\n", e.what());
      std::abort();
    }
  }
  return 0;
}
