#include "core/pipeline.h"

#include "core/error.h"
#include "core/tables.h"

namespace hantidy {

// Each filter in the order DESIGN.md argues for: clean characters, then repair lines, then
// punctuation and script on the repaired text, then structure on the normalized text.
const std::string_view kDefaultChain = "trim; unicode; furniture; linebreak; punct; structure";

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

FilterSpec parse_one(std::string_view item) {
  FilterSpec spec;
  spec.text = trim(item);
  std::string_view text = spec.text;
  std::size_t open = text.find('(');
  std::map<std::string, std::string, std::less<>> values;
  if (open == std::string_view::npos) {
    spec.name = trim(text);
  } else {
    if (text.back() != ')') {
      throw Error(ErrorKind::kUsage, "filter spec '" + spec.text + "': missing ')'");
    }
    spec.name = trim(text.substr(0, open));
    std::string_view inside = text.substr(open + 1, text.size() - open - 2);
    std::size_t at = 0;
    while (at <= inside.size()) {
      std::size_t comma = inside.find(',', at);
      if (comma == std::string_view::npos) comma = inside.size();
      std::string part = trim(inside.substr(at, comma - at));
      at = comma + 1;
      if (part.empty()) continue;
      std::size_t eq = part.find('=');
      std::string key = trim(part.substr(0, eq));
      std::string value = eq == std::string::npos ? "" : trim(part.substr(eq + 1));
      if (key.empty()) {
        throw Error(ErrorKind::kUsage, "filter spec '" + spec.text + "': empty option name");
      }
      values[key] = value;
    }
  }
  if (spec.name.empty()) {
    throw Error(ErrorKind::kUsage, "filter spec '" + spec.text + "': missing filter name");
  }
  for (char c : spec.name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) {
      throw Error(ErrorKind::kUsage, "filter spec '" + spec.text + "': bad filter name");
    }
  }
  spec.args = FilterArgs(spec.name, std::move(values));
  return spec;
}

}  // namespace

std::vector<FilterSpec> parse_chain(std::string_view spec) {
  std::vector<FilterSpec> chain;
  std::size_t at = 0;
  int depth = 0;
  std::size_t start = 0;
  // ';' separates filters, but not inside parentheses (an option value may contain one).
  for (; at < spec.size(); ++at) {
    char c = spec[at];
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (depth < 0) throw Error(ErrorKind::kUsage, "filter spec: unbalanced ')'");
    if (c == ';' && depth == 0) {
      if (!trim(spec.substr(start, at - start)).empty()) {
        chain.push_back(parse_one(spec.substr(start, at - start)));
      }
      start = at + 1;
    }
  }
  if (depth != 0) throw Error(ErrorKind::kUsage, "filter spec: unbalanced '('");
  if (!trim(spec.substr(start)).empty()) chain.push_back(parse_one(spec.substr(start)));
  return chain;
}

Pipeline Pipeline::build(std::string_view spec) {
  Pipeline pipeline;
  pipeline.specs_ = parse_chain(spec);
  for (const FilterSpec& s : pipeline.specs_) {
    pipeline.filters_.push_back(find_filter(s.name).make(s.args));
  }
  return pipeline;
}

std::size_t Pipeline::drop_trailing_annotating_filters() {
  std::size_t dropped = 0;
  while (!filters_.empty() && filters_.back()->annotates_only()) {
    filters_.pop_back();
    specs_.pop_back();
    ++dropped;
  }
  return dropped;
}

void Pipeline::run(Document& doc, Diagnostics& diag, const Observer& after_each) const {
  for (std::size_t i = 0; i < filters_.size(); ++i) {
    filters_[i]->apply(doc, diag);
    if (after_each) after_each(specs_[i], doc);
  }
}

}  // namespace hantidy
