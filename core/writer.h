// The writer interface and the writer table entry. Writers live in formats/.
#ifndef HANTIDY_CORE_WRITER_H_
#define HANTIDY_CORE_WRITER_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"

namespace hantidy {

/// Options that reach writers (from the CLI).
struct WriteOptions {
  std::string unit = "block";        ///< jsonl: "block", "turn" or "document"
  std::string command;               ///< the command line, for provenance (TEI revisionDesc)
  std::string version;               ///< hantidy's version
  std::vector<std::string> filters;  ///< the filter chain that ran, as written
  // TEI (formats/tei_writer.h).
  std::string tei_publisher;  ///< publicationStmt/publisher; empty: "Unpublished"
  std::string tei_date;       ///< publication and revision date (YYYY[-MM[-DD]]); empty: today
  bool tei_changes = false;   ///< write every in-text change as <choice> in place
  bool tei_lines = false;     ///< mark source line breaks and repaired joins with <lb/>
};

/// Renders a Document. Writers do not change the document; what they cannot render they report.
class Writer {
 public:
  virtual ~Writer() = default;
  virtual void write(const Document& doc, std::ostream& out, Diagnostics& diag) const = 0;
};

struct WriterInfo {
  std::string_view name;
  std::string_view summary;
  std::unique_ptr<Writer> (*make)(const WriteOptions& options);
};

}  // namespace hantidy

#endif  // HANTIDY_CORE_WRITER_H_
