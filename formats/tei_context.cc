#include "formats/tei_context.h"

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <set>

namespace hantidy {
namespace {

// Very frequent characters that exist in one script only, in pairs (simplified, traditional).
// A handful of common words decides the script of any real text; the script filter does the
// thorough job through OpenCC and sets meta "lang", which wins.
constexpr std::string_view kScriptPairs[][2] = {
    {"这", "這"}, {"们", "們"}, {"个", "個"}, {"为", "為"}, {"会", "會"}, {"国", "國"},
    {"发", "發"}, {"时", "時"}, {"对", "對"}, {"说", "說"}, {"经", "經"}, {"过", "過"},
    {"现", "現"}, {"后", "後"}, {"动", "動"}, {"进", "進"}, {"学", "學"}, {"还", "還"},
    {"实", "實"}, {"关", "關"}, {"与", "與"}, {"员", "員"}, {"务", "務"}, {"议", "議"},
    {"门", "門"}, {"问", "問"}, {"题", "題"}, {"报", "報"}, {"长", "長"}, {"应", "應"},
};

bool is_lang_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35) return false;
  for (char c : tag) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return std::isalpha(static_cast<unsigned char>(tag[0]));
}

std::string format_date(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace

bool is_tei_date(std::string_view date) {
  auto digits = [&](std::size_t at, std::size_t n) {
    if (date.size() < at + n) return false;
    for (std::size_t i = at; i < at + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(date[i]))) return false;
    }
    return true;
  };
  if (date.size() == 4) return digits(0, 4);
  if (date.size() == 7) return digits(0, 4) && date[4] == '-' && digits(5, 2);
  if (date.size() == 10) {
    return digits(0, 4) && date[4] == '-' && digits(5, 2) && date[7] == '-' && digits(8, 2);
  }
  return false;
}

std::string default_tei_date() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && seconds >= 0) {
      return format_date(static_cast<std::time_t>(seconds));
    }
  }
  return format_date(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
}

std::string detect_chinese_tag(std::string_view text) {
  text = text.substr(0, 256 * 1024);
  std::size_t simplified = 0, traditional = 0;
  for (const auto& pair : kScriptPairs) {
    for (std::size_t at = text.find(pair[0]); at != std::string_view::npos;
         at = text.find(pair[0], at + 3)) {
      ++simplified;
    }
    for (std::size_t at = text.find(pair[1]); at != std::string_view::npos;
         at = text.find(pair[1], at + 3)) {
      ++traditional;
    }
  }
  // Clear dominance only: quotations of the other script are common in both directions.
  if (simplified >= 3 && simplified > 4 * traditional) return "zh-Hans";
  if (traditional >= 3 && traditional > 4 * simplified) return "zh-Hant";
  return "zh";
}

std::string ascii_id(std::string_view prefix, std::string_view raw) {
  std::string id(prefix);
  for (char c : raw) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') id += c;
  }
  return id;
}

std::string unwrap_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
      continue;
    }
    bool ascii_before = !out.empty() && static_cast<unsigned char>(out.back()) < 0x80;
    bool ascii_after = i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0x80;
    if (ascii_before && ascii_after) out += ' ';
  }
  return out;
}

TeiContext make_tei_context(const Document& doc, const WriteOptions& options) {
  TeiContext ctx{doc, options, options.tei_date, "", {}};
  if (!is_tei_date(ctx.date)) ctx.date = default_tei_date();
  auto lang = doc.meta.find("lang");
  if (lang != doc.meta.end() && is_lang_tag(lang->second)) {
    ctx.lang = lang->second;
  } else {
    ctx.lang = doc.sources.empty() ? "zh" : detect_chinese_tag(doc.sources.front().text);
  }
  std::set<std::string, std::less<>> used;
  for (std::size_t i = 0; i < doc.persons.size(); ++i) {
    std::string id = ascii_id("pers-", doc.persons[i].id);
    if (id == "pers-" || used.count(id)) id = "pers-" + std::to_string(i + 1);
    while (used.count(id)) id += "x";
    used.insert(id);
    ctx.person_ids.emplace(doc.persons[i].id, id);
  }
  return ctx;
}

}  // namespace hantidy
