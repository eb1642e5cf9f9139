// Arguments of one filter in a chain spec: `punct(quotes=corner, spacing=keep)`.
#ifndef HANTIDY_CORE_FILTER_ARGS_H_
#define HANTIDY_CORE_FILTER_ARGS_H_

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

namespace hantidy {

/// A small string map with typed getters. A bare word (`script(detect)`) is stored as a key
/// with an empty value. Filters call `allow` first so a misspelt key is a usage error that names
/// the keys the filter knows.
class FilterArgs {
 public:
  FilterArgs() = default;
  FilterArgs(std::string filter, std::map<std::string, std::string, std::less<>> values)
      : filter_(std::move(filter)), values_(std::move(values)) {}

  /// Throws Error{kUsage} when a key is not in `known`.
  void allow(std::initializer_list<std::string_view> known) const;
  bool has(std::string_view key) const;
  /// The value of `key`, or `fallback` when absent.
  std::string get(std::string_view key, std::string_view fallback = "") const;
  /// One of `choices`, or `fallback` when absent; anything else is a usage error.
  std::string choice(std::string_view key, std::initializer_list<std::string_view> choices,
                     std::string_view fallback) const;
  /// "true/yes/on/1" or a bare key → true; "false/no/off/0" → false.
  bool flag(std::string_view key, bool fallback) const;
  long integer(std::string_view key, long fallback) const;

  const std::string& filter() const { return filter_; }
  const std::map<std::string, std::string, std::less<>>& values() const { return values_; }

 private:
  std::string filter_;
  std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace hantidy

#endif  // HANTIDY_CORE_FILTER_ARGS_H_
