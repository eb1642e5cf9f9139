// What the TEI header and body share: the resolved date and language, and the xml:ids of the
// persons. Computed once per document.
#ifndef HANTIDY_FORMATS_TEI_CONTEXT_H_
#define HANTIDY_FORMATS_TEI_CONTEXT_H_

#include <map>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/writer.h"

namespace hantidy {

struct TeiContext {
  const Document& doc;
  const WriteOptions& options;
  std::string date;  ///< YYYY[-MM[-DD]]: --tei-date, else SOURCE_DATE_EPOCH, else today (UTC)
  std::string lang;  ///< BCP 47: doc.meta["lang"], else detected zh-Hans/zh-Hant, else "zh"
  std::map<std::string, std::string, std::less<>> person_ids;  ///< Person::id → xml:id
};

TeiContext make_tei_context(const Document& doc, const WriteOptions& options);

/// True for "YYYY", "YYYY-MM" and "YYYY-MM-DD" (the W3C forms TEI's @when accepts).
bool is_tei_date(std::string_view date);

/// Today's date in UTC, or the date of SOURCE_DATE_EPOCH when set (reproducible builds).
std::string default_tei_date();

/// "zh-Hans" or "zh-Hant" when characters unique to one script clearly dominate in `text`,
/// else "zh". Looks at the first 256 KB only: enough evidence, and constant time.
std::string detect_chinese_tag(std::string_view text);

/// An ASCII NCName from `raw` (letters, digits, '-', '_', '.'; others dropped) with `prefix`.
std::string ascii_id(std::string_view prefix, std::string_view raw);

/// `text` with its soft line breaks removed (Chinese) or turned into a space (between ASCII).
std::string unwrap_lines(std::string_view text);

}  // namespace hantidy

#endif  // HANTIDY_FORMATS_TEI_CONTEXT_H_
