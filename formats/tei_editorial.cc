#include "formats/tei_editorial.h"

#include <algorithm>

namespace hantidy {
namespace {

struct FilterPart {
  std::string_view filter;
  Editorial part;
};

// The filters of the project and the editorialDecl part their changes are documented in. A new
// filter that is not listed is documented under normalization.
constexpr FilterPart kFilterParts[] = {
    {"trim", Editorial::kNormalization},     {"unicode", Editorial::kNormalization},
    {"script", Editorial::kNormalization},   {"width", Editorial::kNormalization},
    {"punct", Editorial::kPunctuation},      {"linebreak", Editorial::kHyphenation},
    {"furniture", Editorial::kSegmentation}, {"structure", Editorial::kSegmentation},
    {"fragments", Editorial::kSegmentation}, {"ocr", Editorial::kCorrection},
    {"correct", Editorial::kCorrection},     {"mojibake", Editorial::kCorrection},
};

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

Editorial filter_part(std::string_view filter) {
  for (const FilterPart& f : kFilterParts) {
    if (f.filter == filter) return f.part;
  }
  return Editorial::kNormalization;
}

Editorial change_part(std::string_view filter, std::string_view rule, std::string_view orig) {
  // The white space of the blank lines that separate blocks: no block holds it, so it is not
  // encoded in place; it belongs with how the text is cut into blocks.
  if (rule == "blank-line-space") return Editorial::kSegmentation;
  if (contains(orig, "\n")) return Editorial::kHyphenation;
  if (is_correction(filter, rule, orig)) return Editorial::kCorrection;
  Editorial part = filter_part(filter);
  if (part == Editorial::kPunctuation && contains(rule, "quote")) return Editorial::kQuotation;
  return part;
}

bool is_correction(std::string_view filter, std::string_view rule, std::string_view orig) {
  if (contains(orig, "\n")) return false;
  return filter_part(filter) == Editorial::kCorrection || contains(rule, "ocr");
}

std::size_t EditorialCounts::total(Editorial part) const {
  std::size_t n = 0;
  auto it = parts.find(part);
  if (it == parts.end()) return 0;
  for (const auto& [filter, rules] : it->second) {
    for (const auto& [rule, count] : rules) n += count;
  }
  return n;
}

EditorialCounts count_changes(const std::deque<ChangeRecord>& changes) {
  EditorialCounts counts;
  for (const ChangeRecord& c : changes) {
    ++counts.parts[change_part(c.filter, c.rule, c.orig)][c.filter.str()]
                  [c.rule.empty() ? std::string("unnamed") : c.rule.str()];
  }
  return counts;
}

std::string describe_counts(const EditorialCounts::Filters& filters) {
  struct Entry {
    std::string_view name;
    std::size_t count;
  };
  auto by_count = [](const Entry& a, const Entry& b) {
    return a.count > b.count || (a.count == b.count && a.name < b.name);
  };
  std::vector<Entry> order;
  for (const auto& [filter, rules] : filters) {
    std::size_t n = 0;
    for (const auto& [rule, count] : rules) n += count;
    order.push_back({filter, n});
  }
  std::sort(order.begin(), order.end(), by_count);
  std::string out;
  for (const Entry& f : order) {
    if (!out.empty()) out += "; ";
    out += std::string(f.name) + " " + std::to_string(f.count) + " (";
    std::vector<Entry> rules;
    for (const auto& [rule, count] : filters.find(f.name)->second) rules.push_back({rule, count});
    std::sort(rules.begin(), rules.end(), by_count);
    for (std::size_t i = 0; i < rules.size(); ++i) {
      if (i > 0) out += ", ";
      out += std::string(rules[i].name) + " " + std::to_string(rules[i].count);
    }
    out += ")";
  }
  return out;
}

std::string_view spec_filter_name(std::string_view spec) {
  std::size_t open = spec.find('(');
  std::string_view name = spec.substr(0, open);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  return name;
}

}  // namespace hantidy
