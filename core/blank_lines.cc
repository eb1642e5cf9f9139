#include "core/blank_lines.h"

namespace hantidy {

bool blank_lines_trimmed(const Document& doc) {
  auto it = doc.meta.find(kBlankLinesKey);
  return it != doc.meta.end() && it->second == kBlankLinesTrimmed;
}

}  // namespace hantidy
