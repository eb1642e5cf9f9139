#include "normalize/punct.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "core/error.h"
#include "normalize/punct_scanner.h"

namespace hantidy {
namespace {

using punct_internal::Scanner;

constexpr std::array<std::string_view, static_cast<std::size_t>(PunctRule::kCount)> kRuleNames = {
    "comma", "semicolon", "colon", "question", "exclamation", "period",    "paren",
    "quote", "ellipsis",  "dash",  "tilde",    "space",       "halfwidth", "cjk-latin-space"};

// Sorts the replacements and resolves overlaps, moving them out of `reps` onto `settled` (empty).
// Only removals of blanks can overlap (two marks both claiming the blanks between them); anything
// else that overlaps is dropped.
void settle(std::vector<Replacement>& reps, std::vector<Replacement>& settled) {
  if (reps.empty()) return;
  // std::sort on small keys, not on the replacements themselves (two strings each): with the
  // same comparisons std::sort makes the same moves, so the order comes out as sorting the
  // replacements would give it, ties included.
  struct Key {
    std::size_t begin, end, index;
  };
  thread_local std::vector<Key> keys;  // scratch: settle runs once per block
  keys.resize(reps.size());
  for (std::size_t k = 0; k < reps.size(); ++k) keys[k] = {reps[k].begin, reps[k].end, k};
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
  });
  settled.reserve(reps.size());
  std::size_t last_end = 0;
  for (const Key& key : keys) {
    Replacement& r = reps[key.index];
    if (r.begin < last_end) {
      if (!r.text.empty()) continue;
      r.begin = last_end;
      if (r.begin >= r.end) continue;
    }
    last_end = std::max(last_end, r.end);
    settled.push_back(std::move(r));
  }
}

// PunctFilter::scan, onto `settled` (empty): the filter keeps one list for all its blocks.
void scan_into(std::string_view text, const PunctOptions& options,
               std::vector<UnpairedQuote>* unpaired, std::vector<Replacement>& settled) {
  // The scan appends to a list kept per thread, which settle empties into `settled`: grown
  // afresh for each block, it was an allocation per doubling.
  thread_local std::vector<Replacement> found;
  found.clear();
  Scanner(text, options, found, unpaired).run();
  settle(found, settled);
}

// BCP 47 tags for Traditional Chinese as written in Taiwan and Hong Kong, where 「」 are the
// usual quotes: zh-Hant, zh-TW, zh-HK, zh-MO and their combinations (zh-Hant-TW).
bool is_taiwan_or_hong_kong(std::string_view lang) {
  if (!lang.starts_with("zh")) return false;
  for (std::string_view tag : {"Hant", "TW", "HK", "MO", "hant", "tw", "hk", "mo"}) {
    std::size_t at = lang.find(tag);
    if (at != std::string_view::npos && at > 0 && (lang[at - 1] == '-' || lang[at - 1] == '_')) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view punct_rule_name(PunctRule rule) {
  return kRuleNames[static_cast<std::size_t>(rule)];
}

std::vector<Replacement> PunctFilter::scan(std::string_view text, const PunctOptions& options,
                                           std::vector<UnpairedQuote>* unpaired) {
  std::vector<Replacement> settled;
  scan_into(text, options, unpaired, settled);
  return settled;
}

void PunctFilter::apply(Document& doc, Diagnostics& diag) const {
  PunctOptions options = options_;
  if (options.quotes_auto) {
    auto lang = doc.meta.find("lang");
    if (lang != doc.meta.end() && is_taiwan_or_hong_kong(lang->second)) {
      options.quotes = PunctOptions::Quotes::kCorner;
    }
  }
  std::vector<std::optional<LineIndex>> lines(doc.sources.size());
  std::vector<UnpairedQuote> unpaired;
  std::vector<Replacement> reps;  // one list for every block: rewrite_and_clear empties it
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& block = doc.blocks[i];
    if (is_furniture(block.kind) || block.text.empty()) continue;
    unpaired.clear();
    scan_into(block.text, options, &unpaired, reps);
    for (const UnpairedQuote& q : unpaired) {
      Diagnostic d;
      d.severity = Severity::kWarning;
      d.origin = "punct";
      std::size_t source = block.span.source;
      if (source < doc.sources.size()) {
        if (!lines[source]) lines[source].emplace(doc.sources[source].text);
        Position at = lines[source]->at(block.source_offset(q.pos));
        d.file = doc.sources[source].name;
        d.line = at.line;
        d.column = at.column;
      }
      d.message = std::string("unpaired straight quote ") + q.quote + " left as it is";
      diag.report(std::move(d));
    }
    doc.rewrite_and_clear(i, reps, "punct");
  }
}

std::unique_ptr<Filter> make_punct_filter(const FilterArgs& args) {
  args.allow({"quotes", "spacing", "skip"});
  PunctOptions options;
  options.quotes_auto = !args.has("quotes");
  if (args.choice("quotes", {"curly", "corner"}, "curly") == "corner") {
    options.quotes = PunctOptions::Quotes::kCorner;
  }
  std::string spacing = args.choice("spacing", {"keep", "add", "remove"}, "keep");
  if (spacing == "add") options.spacing = PunctOptions::Spacing::kAdd;
  if (spacing == "remove") options.spacing = PunctOptions::Spacing::kRemove;
  std::string skip = args.get("skip");
  std::size_t at = 0;
  while (at < skip.size()) {
    std::size_t plus = skip.find_first_of("+ ", at);
    if (plus == std::string::npos) plus = skip.size();
    std::string_view name = std::string_view(skip).substr(at, plus - at);
    at = plus + 1;
    if (name.empty()) continue;
    auto it = std::find(kRuleNames.begin(), kRuleNames.end(), name);
    if (it == kRuleNames.end()) {
      std::string known;
      for (std::string_view n : kRuleNames)
        known += std::string(known.empty() ? "" : ", ") + std::string(n);
      throw Error(ErrorKind::kUsage, "punct: unknown rule '" + std::string(name) +
                                         "' in skip= (rules: " + known + ")");
    }
    options.skip |= 1u << static_cast<unsigned>(it - kRuleNames.begin());
  }
  return std::make_unique<PunctFilter>(options);
}

}  // namespace hantidy
