// The XML layer of the TEI writer: libxml2's xmlTextWriter (escaping and encoding are libxml2's)
// streaming into a std::ostream, behind a small interface that makes every string XML-safe
// first. Only formats/tei* include libxml2.
#ifndef HANTIDY_FORMATS_TEI_XML_H_
#define HANTIDY_FORMATS_TEI_XML_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace hantidy {

/// `text` with every character XML 1.0 forbids (C0 controls other than tab, LF and CR;
/// U+FFFE, U+FFFF; invalid UTF-8 such as encoded surrogates) replaced by U+FFFD. Returns `text`
/// itself when it is already clean (the common case: no copy); otherwise fills `scratch` and
/// returns a view of it. Adds the number of replacements to `replaced`.
std::string_view xml_safe(std::string_view text, std::string& scratch, std::size_t& replaced);

/// A streaming XML writer. Elements are opened and closed in order; text and attribute values
/// are made XML-safe and escaped by libxml2, so the output is well-formed whatever the input.
/// No automatic indentation: mixed content must not gain white space, so callers place line
/// breaks themselves with newline().
class TeiXml {
 public:
  /// Starts the document (`<?xml version="1.0" encoding="UTF-8"?>`).
  explicit TeiXml(std::ostream& out);
  ~TeiXml();
  TeiXml(const TeiXml&) = delete;
  TeiXml& operator=(const TeiXml&) = delete;

  void start(const char* name);
  void attr(const char* name, std::string_view value);
  void text(std::string_view text);
  void end();
  /// start + text + end.
  void element(const char* name, std::string_view text);
  /// A line break and two spaces per `depth`, between elements only.
  void newline(int depth);
  /// Ends the document and flushes; throws Error{kIo} when writing failed.
  void finish();
  /// Characters replaced by xml_safe so far.
  std::size_t replaced() const { return replaced_; }

 private:
  void check(int status);

  struct Impl;
  Impl* impl_;
  std::string scratch_;
  std::string cstr_;
  std::size_t replaced_ = 0;
};

}  // namespace hantidy

#endif  // HANTIDY_FORMATS_TEI_XML_H_
