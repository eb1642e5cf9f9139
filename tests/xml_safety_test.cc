// Whatever the input, XML output must be well-formed and keep the text: control characters,
// unpaired surrogates (UTF-16, GB18030 codes outside Unicode), "]]>", markup characters.
// Checked with libxml2 for every writer whose output is XML (the tei writer once it is in the
// table: the test skips with a warning until then), and JSON validity for jsonl.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/tables.h"
#include "support.h"

namespace hantidy {
namespace {

using namespace std::string_literals;

struct Hostile {
  const char* what;
  std::string bytes;
  const char* encoding;
  std::string kept;  ///< text that must survive into the output's character data
};

std::vector<Hostile> hostile_inputs() {
  std::string controls;
  for (char c = 1; c < 0x20; ++c) controls += c;
  controls += "\x7F\xC2\x80\xC2\x9F";  // DEL and C1 controls
  return {
      {"C0, DEL and C1 controls", "甲" + controls + "乙\n", "utf-8", "甲"},
      {"NUL", "甲\0乙\n"s, "utf-8", "乙"},
      {"CDATA end and markup", "甲]]>乙 <tei:x a=\"&amp;\"> &#1; &lt; ]]]]><![CDATA[\n", "utf-8",
       "甲]]>乙 <tei:x a=\"&amp;\"> &#1; &lt;"},
      {"markup as a heading", "## <title>]]></title>\n\n正文 --> <!-- \n", "utf-8",
       "<title>]]></title>"},
      {"lone surrogates in UTF-16LE", "\x00\xD8\x41\x00\x00\xDC\x42\x00\x3D\xD8"s, "UTF-16LE", "A"},
      {"GB18030 codes past U+10FFFF and unassigned", "\xE3\x32\x9A\x36\x84\x31\xA5\x30\xD6\xD0"s,
       "GB18030", "中"},
      {"GB18030 supplementary plane", "\x90\x30\x81\x30\xE3\x32\x9A\x35\xD6\xD0"s, "GB18030", "中"},
      {"noncharacters and PUA", "\xEF\xBF\xBE\xEF\xBF\xBF\xEE\x80\x80\xF4\x8F\xBF\xBF文\n", "utf-8",
       "文"},
      {"lone combining mark and BOM inside", "\xCC\x81\xEF\xBB\xBF文\n", "utf-8", "文"},
      {"page breaks", "甲\f\f乙\f", "utf-8", "乙"},
  };
}

bool writer_exists(const char* name) {
  try {
    find_writer(name);
    return true;
  } catch (const Error&) {
    return false;
  }
}

std::string text_content(xmlDocPtr doc) {
  xmlChar* content = xmlNodeGetContent(xmlDocGetRootElement(doc));
  std::string s = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return s;
}

TEST_CASE("tei output is well-formed XML and keeps the text whatever the input", "[tei][hostile]") {
  if (!writer_exists("tei")) {
    WARN("no tei writer in the table yet: XML safety test skipped");
    return;
  }
  for (const Hostile& h : hostile_inputs()) {
    for (const char* chain : {"default", ""}) {
      std::vector<std::string> args = {"-t", "tei", "--on-invalid=replace", "--encoding",
                                       h.encoding};
      if (std::string_view(chain) != "default") args.insert(args.end(), {"--filters", chain});
      auto r = test::run(args, h.bytes);
      INFO(h.what << " (chain " << chain << ")\nstderr: " << r.err << "\noutput:\n" << r.out);
      REQUIRE(r.status == 0);
      xmlDocPtr doc =
          xmlReadMemory(r.out.data(), static_cast<int>(r.out.size()), "out.xml", nullptr,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      CHECK(doc != nullptr);
      if (doc) {
        // Filters may rightly rewrite punctuation; with none, the text must be there as is.
        if (*chain == '\0') CHECK(text_content(doc).find(h.kept) != std::string::npos);
        xmlFreeDoc(doc);
      }
    }
  }
}

TEST_CASE("jsonl output is one valid JSON object per line whatever the input", "[jsonl][hostile]") {
  for (const Hostile& h : hostile_inputs()) {
    for (const char* chain : {"default", ""}) {
      std::vector<std::string> args = {"-t", "jsonl", "--on-invalid=replace", "--encoding",
                                       h.encoding};
      if (std::string_view(chain) != "default") args.insert(args.end(), {"--filters", chain});
      auto r = test::run(args, h.bytes);
      INFO(h.what << " (chain " << chain << ")\nstderr: " << r.err);
      REQUIRE(r.status == 0);
      std::istringstream lines(r.out);
      std::string line, text;
      while (std::getline(lines, line)) {
        INFO(line);
        REQUIRE(nlohmann::json::accept(line));
        auto j = nlohmann::json::parse(line);
        if (j.contains("text")) text += j["text"].get<std::string>();
      }
      if (*chain == '\0') CHECK(text.find(h.kept) != std::string::npos);
    }
  }
}

}  // namespace
}  // namespace hantidy
