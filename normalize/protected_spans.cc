#include "normalize/protected_spans.h"

#include <algorithm>

#include "normalize/cjk_class.h"
#include "normalize/utf8.h"

namespace hantidy {
namespace {

bool ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool url_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x7F && c != '"' && c != '<' && c != '>' && c != '`';
}

// Drops sentence punctuation a URL or address cannot plausibly end with.
std::size_t trim_url_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin) {
    char c = text[end - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
        c == '"') {
      --end;
    } else if (c == ')') {
      std::string_view url = text.substr(begin, end - begin);
      if (std::count(url.begin(), url.end(), '(') >= std::count(url.begin(), url.end(), ')')) {
        break;
      }
      --end;
    } else {
      break;
    }
  }
  return end;
}

// A URL path may go on in ideographs (https://zh.wikipedia.org/wiki/网页浏览器): past the host,
// it runs on over ideographs, letters, digits and path characters up to a blank, a line end or
// any other mark (a full-width comma or full stop ends it).
std::size_t extend_path(std::string_view text, std::size_t host, std::size_t e) {
  if (e >= text.size() || static_cast<unsigned char>(text[e]) < 0x80) return e;
  if (text.substr(host, e - host).find('/') == std::string_view::npos) return e;
  while (e < text.size()) {
    std::size_t next = e;
    char32_t cp = next_code_point(text, next);
    bool ok = (char_bits(cp) & (kIdeograph | kLetter | kDigit)) ||
              (cp < 0x80 && std::string_view("/#._-%=&?+~").find(static_cast<char>(cp)) !=
                                std::string_view::npos);
    if (!ok) break;
    e = next;
  }
  return e;
}

void add_urls(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>& spans,
              bool scheme, bool www) {
  std::size_t at = 0;
  while (scheme && (at = text.find("://", at)) != std::string_view::npos) {
    std::size_t b = at;
    while (b > 0 && (ascii_alnum(text[b - 1]) || text[b - 1] == '+' || text[b - 1] == '-' ||
                     text[b - 1] == '.')) {
      --b;
    }
    std::size_t e = at + 3;
    while (e < text.size() && url_char(text[e])) ++e;
    e = extend_path(text, at + 3, e);
    if (at - b >= 2) spans.emplace_back(b, trim_url_end(text, b, e));
    at = e > at + 3 ? e : at + 3;
  }
  at = 0;
  while (www && (at = text.find("www.", at)) != std::string_view::npos) {
    std::size_t e = at + 4;
    if (at == 0 || !ascii_alnum(text[at - 1])) {
      while (e < text.size() && url_char(text[e])) ++e;
      spans.emplace_back(at, trim_url_end(text, at, e));
    }
    at = e;
  }
}

void add_emails(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  auto local = [](char c) {
    return ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  };
  std::size_t at = 0;
  while ((at = text.find('@', at)) != std::string_view::npos) {
    std::size_t b = at;
    while (b > 0 && local(text[b - 1])) --b;
    std::size_t e = at + 1;
    while (e < text.size() && (ascii_alnum(text[e]) || text[e] == '.' || text[e] == '-')) ++e;
    e = trim_url_end(text, at + 1, e);
    std::string_view domain = text.substr(at + 1, e - at - 1);
    if (b < at && domain.find('.') != std::string_view::npos) spans.emplace_back(b, e);
    at = e > at ? e : at + 1;
  }
}

// Markdown code spans: a run of k backticks up to the next run of exactly k.
void add_code(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  // Once a run of length k found no closer, no later run of length k will: remembering that
  // keeps hostile input (many unmatched runs) linear.
  std::vector<bool> unmatched;
  std::size_t at = 0;
  while ((at = text.find('`', at)) != std::string_view::npos) {
    std::size_t k = 0;
    while (at + k < text.size() && text[at + k] == '`') ++k;
    if (k < unmatched.size() && unmatched[k]) {
      at += k;
      continue;
    }
    std::size_t search = at + k;
    std::size_t found = std::string_view::npos;
    while ((search = text.find('`', search)) != std::string_view::npos) {
      std::size_t m = 0;
      while (search + m < text.size() && text[search + m] == '`') ++m;
      if (m == k) {
        found = search;
        break;
      }
      search += m;
    }
    if (found == std::string_view::npos) {
      if (k >= unmatched.size()) unmatched.resize(k + 1);
      unmatched[k] = true;
      at += k;
      continue;
    }
    spans.emplace_back(at, found + k);
    at = found + k;
  }
}

// HTML character references: &nbsp; &#34; &#x22;
void add_entities(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  std::size_t at = 0;
  while ((at = text.find('&', at)) != std::string_view::npos) {
    std::size_t e = at + 1;
    if (e < text.size() && text[e] == '#') ++e;
    std::size_t name = e;
    while (e < text.size() && e - name < 32 && ascii_alnum(text[e])) ++e;
    if (e > name && e < text.size() && text[e] == ';') {
      spans.emplace_back(at, e + 1);
      at = e + 1;
    } else {
      at = at + 1;
    }
  }
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> protected_spans(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  // Which kinds of span can occur at all (memchr stops at the first hit); most Chinese text
  // holds none of the characters that start one.
  auto has = [&](char c) { return text.find(c) != std::string_view::npos; };
  bool colon = has(':'), w = has('w'), at = has('@'), tick = has('`'), amp = has('&');
  if (colon || w) add_urls(text, spans, colon, w);
  if (at) add_emails(text, spans);
  if (tick) add_code(text, spans);
  if (amp) add_entities(text, spans);
  if (spans.empty()) return spans;
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& s : spans) {
    if (s.second <= s.first) continue;
    if (!merged.empty() && s.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, s.second);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

}  // namespace hantidy
