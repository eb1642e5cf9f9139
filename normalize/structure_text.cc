#include "normalize/structure_text.h"

#include "normalize/utf8.h"

namespace hantidy {

std::vector<CodePoint> decode_utf8(std::string_view text) {
  std::vector<CodePoint> out;
  out.reserve(text.size() / 2);
  for (std::size_t at = 0; at < text.size();) {
    std::size_t begin = at;
    char32_t c = next_code_point(text, at);
    out.push_back({c, begin, at});
  }
  return out;
}

bool is_latin_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'ａ' && c <= U'ｚ') ||
         (c >= U'Ａ' && c <= U'Ｚ');
}

bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }

bool is_label_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; }

bool is_clause_punct(char32_t c) {
  switch (c) {
    case U'。':
    case U'，':
    case U',':
    case U'；':
    case U';':
    case U'！':
    case U'!':
    case U'？':
    case U'?':
    case U'：':
    case U':':
    case U'“':
    case U'”':
    case U'"':
    case U'《':
    case U'》':
    case U'…':
      return true;
    default:
      return false;
  }
}

std::string_view trim_space(std::string_view text) {
  while (true) {
    if (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) {
      text.remove_prefix(1);
    } else if (text.starts_with(kIdeographicSpace)) {
      text.remove_prefix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  return trim_space_end(text);
}

std::string_view trim_space_end(std::string_view text) {
  while (true) {
    if (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
      text.remove_suffix(1);
    } else if (text.ends_with(kIdeographicSpace)) {
      text.remove_suffix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  return text;
}

std::size_t short_line_end(std::string_view text, std::size_t at, std::size_t max_bytes) {
  // Where the trimmed line starts (trim_space strips ' ', '\t', '\r' and U+3000).
  std::size_t start = at;
  while (true) {
    if (start < text.size() && (text[start] == ' ' || text[start] == '\t' || text[start] == '\r')) {
      ++start;
    } else if (text.substr(start, 3) == kIdeographicSpace) {
      start += 3;
    } else {
      break;
    }
  }
  // When no line break comes first, a byte max_bytes on that no trimmed-away character can
  // hold (not ' ', '\t', '\r', nor a byte of E3 80 80) is inside the trimmed line, which is
  // then longer than max_bytes.
  std::size_t probe = start + max_bytes;
  if (probe < text.size()) {
    auto b = static_cast<unsigned char>(text[probe]);
    bool may_trim = b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xE3 || b == 0x80;
    if (!may_trim && text.substr(start, max_bytes).find('\n') == std::string_view::npos) {
      return std::string_view::npos;
    }
  }
  std::size_t nl = text.find('\n', at);
  return nl == std::string_view::npos ? text.size() : nl;
}

std::string_view single_short_line(std::string_view text, std::size_t max_bytes) {
  std::string_view found;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t nl = short_line_end(text, at, max_bytes);
    if (nl == std::string_view::npos) return {};  // a non-empty line, too long
    std::string_view line = trim_space(text.substr(at, nl - at));
    if (!line.empty()) {
      if (!found.empty() || line.size() > max_bytes) return {};
      found = line;
    }
    at = nl + 1;
  }
  return found;
}

}  // namespace hantidy
