#include "core/diagnostics.h"

namespace hantidy {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    if (d.line > 0) {
      out += ':' + std::to_string(d.line);
      if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += ": ";
  }
  switch (d.severity) {
    case Severity::kInfo:
      out += "note: ";
      break;
    case Severity::kWarning:
      out += "warning: ";
      break;
    case Severity::kError:
      out += "error: ";
      break;
  }
  out += d.message;
  if (!d.origin.empty()) out += " [" + d.origin + "]";
  return out;
}

void Diagnostics::report(Diagnostic d) {
  if (d.severity == Severity::kWarning) ++warnings_;
  if (d.severity == Severity::kError) ++errors_;
  all_.push_back(std::move(d));
}

void Diagnostics::warn(std::string origin, std::string file, std::size_t line,
                       std::string message) {
  report({Severity::kWarning, std::move(origin), std::move(file), line, 0, std::move(message)});
}

void Diagnostics::info(std::string origin, std::string file, std::size_t line,
                       std::string message) {
  report({Severity::kInfo, std::move(origin), std::move(file), line, 0, std::move(message)});
}

void Diagnostics::clear() {
  all_.clear();
  warnings_ = 0;
  errors_ = 0;
}

}  // namespace hantidy
