// libFuzzer target: input bytes → reader HANTIDY_FUZZ_READER → filters → a writer.
// The first byte picks the writer (any in the table, so new writers are fuzzed once they are
// listed there) and the chain: the default chain, or every filter of the table in table order.
// Oracles beyond the sanitizers: no exception but Error{kInput}; nothing lost (core/verify.h);
// jsonl output is one JSON value per line; XML output (tei, *xml*) is well-formed (libxml2).
#include <libxml/parser.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "converters/decode.h"
#include "core/error.h"
#include "core/pipeline.h"
#include "core/tables.h"
#include "core/verify.h"

#ifndef HANTIDY_FUZZ_READER
#define HANTIDY_FUZZ_READER "text"
#endif

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_pipeline(%s): %s\n", HANTIDY_FUZZ_READER, what.c_str());
  std::abort();
}

// Every filter of the table that builds without arguments, in table order.
std::string every_filter() {
  std::string spec;
  for (const hantidy::FilterInfo& f : hantidy::filters()) {
    try {
      hantidy::Pipeline::build(f.name);
    } catch (const hantidy::Error&) {
      continue;  // needs arguments
    }
    if (!spec.empty()) spec += "; ";
    spec += f.name;
  }
  return spec;
}

void check_output(std::string_view writer, const std::string& out) {
  if (writer == "jsonl") {
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
      if (!nlohmann::json::accept(line)) fail("jsonl line is not JSON: " + line.substr(0, 200));
    }
  } else if (writer == "tei" || writer.find("xml") != std::string_view::npos) {
    xmlDocPtr xml =
        xmlReadMemory(out.data(), static_cast<int>(out.size()), "fuzz.xml", nullptr,
                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    if (!xml) fail(std::string(writer) + " output is not well-formed XML");
    xmlFreeDoc(xml);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  xmlInitParser();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const hantidy::Pipeline kDefault = hantidy::Pipeline::build(hantidy::kDefaultChain);
  static const hantidy::Pipeline kEvery = hantidy::Pipeline::build(every_filter());
  auto writers = hantidy::writers();
  const hantidy::WriterInfo& writer_info = writers[(data[0] & 0x7F) % writers.size()];
  const hantidy::Pipeline& pipeline = (data[0] & 0x80) ? kEvery : kDefault;
  std::string_view raw(reinterpret_cast<const char*>(data) + 1, size - 1);

  hantidy::ReadOptions read_options;
  read_options.on_invalid = "replace";
  hantidy::Diagnostics diag;
  hantidy::Document doc;
  try {
    doc.sources.push_back(hantidy::decode_source(raw, "fuzz", read_options, diag));
    hantidy::find_reader(HANTIDY_FUZZ_READER).make()->read(0, doc, diag);
  } catch (const hantidy::Error& e) {
    if (e.kind() != hantidy::ErrorKind::kInput) fail(e.what());
    return 0;  // malformed input for this reader: reported, not a crash
  }
  hantidy::Document as_read = doc;
  std::string out;
  try {
    pipeline.run(doc, diag);
    hantidy::verify_conservation(as_read, doc);
    std::ostringstream stream;
    hantidy::WriteOptions write_options;
    write_options.command = "hantidy --fuzz";
    write_options.version = "fuzz";
    writer_info.make(write_options)->write(doc, stream, diag);
    out = stream.str();
  } catch (const hantidy::Error& e) {
    if (e.kind() != hantidy::ErrorKind::kInput) fail(e.what());
    return 0;
  }
  check_output(writer_info.name, out);
  return 0;
}
