#include "formats/tei_xml.h"

#include <libxml/xmlwriter.h>
#include <unicode/utf8.h>

#include <cstring>

#include "core/error.h"

namespace hantidy {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool allowed(UChar32 c) {
  if (c < 0) return false;  // invalid UTF-8
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

int write_stream(void* context, const char* buffer, int length) {
  auto* out = static_cast<std::ostream*>(context);
  out->write(buffer, length);
  return *out ? length : -1;
}

int close_stream(void*) { return 0; }

}  // namespace

std::string_view xml_safe(std::string_view text, std::string& scratch, std::size_t& replaced) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int64_t length = static_cast<int64_t>(text.size());
  int64_t i = 0;
  // Fast scan: most text is clean, and then nothing is copied.
  int64_t first_bad = -1;
  while (i < length) {
    if (s[i] >= 0x20 && s[i] < 0x80) {
      ++i;
      continue;
    }
    int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (!allowed(c)) {
      first_bad = start;
      break;
    }
  }
  if (first_bad < 0) return text;
  scratch.assign(text.data(), static_cast<std::size_t>(first_bad));
  i = first_bad;
  while (i < length) {
    int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (allowed(c)) {
      scratch.append(text.data() + start, static_cast<std::size_t>(i - start));
    } else {
      scratch += kReplacement;
      ++replaced;
    }
  }
  return scratch;
}

struct TeiXml::Impl {
  xmlTextWriterPtr writer = nullptr;
};

TeiXml::TeiXml(std::ostream& out) : impl_(new Impl) {
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO(write_stream, close_stream, &out, nullptr);
  if (!buffer) {
    delete impl_;
    throw Error(ErrorKind::kInternal, "tei: cannot create the XML output buffer");
  }
  impl_->writer = xmlNewTextWriter(buffer);  // owns the buffer from here
  if (!impl_->writer) {
    xmlOutputBufferClose(buffer);
    delete impl_;
    throw Error(ErrorKind::kInternal, "tei: cannot create the XML writer");
  }
  check(xmlTextWriterStartDocument(impl_->writer, "1.0", "UTF-8", nullptr));
}

TeiXml::~TeiXml() {
  if (impl_->writer) xmlFreeTextWriter(impl_->writer);
  delete impl_;
}

void TeiXml::check(int status) {
  if (status < 0) throw Error(ErrorKind::kIo, "error writing TEI output");
}

void TeiXml::start(const char* name) {
  check(xmlTextWriterStartElement(impl_->writer, reinterpret_cast<const xmlChar*>(name)));
}

void TeiXml::attr(const char* name, std::string_view value) {
  cstr_.assign(xml_safe(value, scratch_, replaced_));
  check(xmlTextWriterWriteAttribute(impl_->writer, reinterpret_cast<const xmlChar*>(name),
                                    reinterpret_cast<const xmlChar*>(cstr_.c_str())));
}

void TeiXml::text(std::string_view text) {
  if (text.empty()) return;
  std::string_view safe = xml_safe(text, scratch_, replaced_);
  // libxml2 wants a NUL-terminated string; the safe text has no NUL (U+0000 was replaced).
  if (safe.data() == scratch_.data()) {
    check(xmlTextWriterWriteString(impl_->writer,
                                   reinterpret_cast<const xmlChar*>(scratch_.c_str())));
  } else {
    cstr_.assign(safe);
    check(xmlTextWriterWriteString(impl_->writer, reinterpret_cast<const xmlChar*>(cstr_.c_str())));
  }
}

void TeiXml::end() { check(xmlTextWriterEndElement(impl_->writer)); }

void TeiXml::element(const char* name, std::string_view value) {
  start(name);
  text(value);
  end();
}

void TeiXml::newline(int depth) {
  static constexpr char kSpaces[] =
      "\n                                                              ";
  int n = 1 + 2 * std::min(depth, 30);
  check(xmlTextWriterWriteRawLen(impl_->writer, reinterpret_cast<const xmlChar*>(kSpaces), n));
}

void TeiXml::finish() {
  check(xmlTextWriterEndDocument(impl_->writer));  // closes open elements, adds the last newline
  check(xmlTextWriterFlush(impl_->writer));
}

}  // namespace hantidy
