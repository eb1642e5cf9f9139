#include "core/filter_args.h"

#include <charconv>
#include <vector>

#include "core/error.h"
#include "core/suggest.h"

namespace hantidy {

void FilterArgs::allow(std::initializer_list<std::string_view> known) const {
  std::vector<std::string_view> names(known);
  for (const auto& [key, value] : values_) {
    bool found = false;
    for (std::string_view k : known) found = found || k == key;
    if (!found) {
      throw Error(ErrorKind::kUsage, filter_ + ": " + unknown_name_message("option", key, names));
    }
  }
}

bool FilterArgs::has(std::string_view key) const { return values_.find(key) != values_.end(); }

std::string FilterArgs::get(std::string_view key, std::string_view fallback) const {
  auto it = values_.find(key);
  return it == values_.end() ? std::string(fallback) : it->second;
}

std::string FilterArgs::choice(std::string_view key,
                               std::initializer_list<std::string_view> choices,
                               std::string_view fallback) const {
  auto it = values_.find(key);
  if (it == values_.end()) return std::string(fallback);
  for (std::string_view c : choices) {
    if (c == it->second) return it->second;
  }
  std::string message =
      filter_ + ": bad value '" + it->second + "' for " + std::string(key) + " (one of: ";
  bool first = true;
  for (std::string_view c : choices) {
    if (!first) message += ", ";
    message += c;
    first = false;
  }
  throw Error(ErrorKind::kUsage, message + ")");
}

bool FilterArgs::flag(std::string_view key, bool fallback) const {
  auto it = values_.find(key);
  if (it == values_.end()) return fallback;
  const std::string& v = it->second;
  if (v.empty() || v == "true" || v == "yes" || v == "on" || v == "1") return true;
  if (v == "false" || v == "no" || v == "off" || v == "0") return false;
  throw Error(ErrorKind::kUsage,
              filter_ + ": bad value '" + v + "' for " + std::string(key) + " (true or false)");
}

long FilterArgs::integer(std::string_view key, long fallback) const {
  auto it = values_.find(key);
  if (it == values_.end()) return fallback;
  long value = 0;
  const std::string& v = it->second;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
  if (ec != std::errc() || end != v.data() + v.size()) {
    throw Error(ErrorKind::kUsage,
                filter_ + ": bad value '" + v + "' for " + std::string(key) + " (an integer)");
  }
  return value;
}

}  // namespace hantidy
