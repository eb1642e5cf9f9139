// Test helpers for the TEI writer (header-only, included by the *_test.cc files only): render a
// document, parse TEI back with libxml2, read the text of its blocks, run jing on many files.
#ifndef HANTIDY_FORMATS_TEI_TEST_UTIL_H_
#define HANTIDY_FORMATS_TEI_TEST_UTIL_H_

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/writer.h"
#include "formats/tei_writer.h"

namespace hantidy::tei_test {

inline std::string render(const Document& doc, WriteOptions options = {}) {
  if (options.tei_date.empty()) options.tei_date = "2024-05-01";
  if (options.version.empty()) options.version = "0.1.0";
  std::ostringstream out;
  Diagnostics diag;
  TeiWriter(options).write(doc, out, diag);
  return out.str();
}

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

/// Parses `xml`; null when it is not well-formed.
inline XmlDocPtr parse(const std::string& xml) {
  return XmlDocPtr(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "tei.xml", "UTF-8",
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE));
}

inline std::string name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

inline std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

/// The character content of `n`, reading <reg>/<corr> (regularized) or <orig>/<sic>.
inline void text_of(const xmlNode* n, bool regularized, std::string& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      std::string name = name_of(c);
      if (name == "orig" || name == "sic") {
        if (!regularized) text_of(c, regularized, out);
      } else if (name == "reg" || name == "corr") {
        if (regularized) text_of(c, regularized, out);
      } else {
        text_of(c, regularized, out);
      }
    }
  }
}

/// The texts of the block elements of <body> in document order (one per hantidy block). A
/// <speaker> without xml:id is a run-in label: the start of the next element's block.
inline void block_texts(const xmlNode* n, bool regularized, std::vector<std::string>& out,
                        std::string& pending) {
  static const char* const kBlocks[] = {"p", "head", "speaker", "item", "stage", "salute", "fw"};
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string name = name_of(c);
    bool block = false;
    for (const char* b : kBlocks) block = block || name == b;
    if (block) {
      std::string text = std::move(pending);
      pending.clear();
      text_of(c, regularized, text);
      if (name == "speaker" && attr(c, "id").empty()) {
        pending = std::move(text);
      } else {
        out.push_back(text);
      }
    } else {
      block_texts(c, regularized, out, pending);
    }
  }
}

inline const xmlNode* find_element(const xmlNode* n, const std::string& name) {
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && name_of(c) == name) return c;
    if (const xmlNode* found = find_element(c->children, name)) return found;
  }
  return nullptr;
}

/// Texts of the body's blocks; empty blocks (e.g. the <p/> that keeps an sp valid) skipped.
inline std::vector<std::string> body_texts(xmlDoc* doc, bool regularized) {
  std::vector<std::string> texts;
  const xmlNode* body = find_element(xmlDocGetRootElement(doc), "body");
  std::string pending;
  if (body) block_texts(body, regularized, texts, pending);
  std::erase_if(texts, [](const std::string& t) { return t.empty(); });
  return texts;
}

/// Results of an XPath query with prefix "t" bound to the TEI namespace, as strings.
inline std::vector<std::string> xpath(xmlDoc* doc, const std::string& expr) {
  std::vector<std::string> out;
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(ctx, BAD_CAST "t", BAD_CAST "http://www.tei-c.org/ns/1.0");
  xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr.c_str(), ctx);
  if (r && r->type == XPATH_NODESET && r->nodesetval) {
    for (int i = 0; i < r->nodesetval->nodeNr; ++i) {
      xmlChar* s = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
      out.emplace_back(s ? reinterpret_cast<const char*>(s) : "");
      xmlFree(s);
    }
  } else if (r && r->type == XPATH_NUMBER) {
    out.push_back(std::to_string(static_cast<long>(r->floatval)));
  } else if (r && r->type == XPATH_STRING) {
    out.emplace_back(reinterpret_cast<const char*>(r->stringval));
  }
  xmlXPathFreeObject(r);
  xmlXPathFreeContext(ctx);
  return out;
}

inline bool have_jing() { return std::system("command -v jing >/dev/null 2>&1") == 0; }

/// Runs jing once on all `files` against tei_all.rng; returns its error lines (empty: valid).
/// One call for many files: jing's JVM start-up is most of its cost.
inline std::string jing(const std::string& schema, const std::vector<std::string>& files) {
  std::string command = "jing '" + schema + "'";
  for (const std::string& f : files) command += " '" + f + "'";
  command += " 2>&1";
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return "cannot run jing";
  char line[4096];
  while (std::fgets(line, sizeof line, pipe)) {
    std::string l = line;
    if (l.find("[warning]") != std::string::npos) continue;  // Debian's classpath notices
    out += l;
  }
  pclose(pipe);
  return out;
}

/// A fresh directory for output files, private to this process (suites may run side by side).
inline std::string temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("hantidy-tei-" + name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace hantidy::tei_test

#endif  // HANTIDY_FORMATS_TEI_TEST_UTIL_H_
