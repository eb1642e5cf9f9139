#include "normalize/displaced_statements.h"

#include <algorithm>
#include <string_view>

#include "normalize/structure_text.h"

namespace hantidy {
namespace {

struct Suffix {
  std::string_view text;
  std::string_view generic;   ///< what the text may call the region alone
  bool keep_suffix_as_short;  ///< "兵团": the part before it ("新疆") is not distinctive
};

constexpr Suffix kSuffixes[] = {
    {"特别行政区", "特区", false},
    {"特別行政區", "特區", false},
    {"维吾尔自治区", "自治区", false},
    {"維吾爾自治區", "自治區", false},
    {"回族自治区", "自治区", false},
    {"回族自治區", "自治區", false},
    {"壮族自治区", "自治区", false},
    {"壯族自治區", "自治區", false},
    {"自治区", "自治区", false},
    {"自治區", "自治區", false},
    {"生产建设兵团", "兵团", true},
    {"生產建設兵團", "兵團", true},
    {"省", "", false},
    {"市", "", false},
};

bool names(std::string_view text, const RegionKeys& keys) {
  return (!keys.full.empty() && text.find(keys.full) != std::string_view::npos) ||
         (!keys.short_name.empty() && text.find(keys.short_name) != std::string_view::npos);
}

}  // namespace

std::string_view opening(std::string_view text) {
  // Stepped over code point by code point, not decoded into a vector: only where the 25th
  // starts (within the first 200 bytes) matters.
  std::string_view window = text.substr(0, std::min<std::size_t>(text.size(), 200));
  std::size_t at = 0;
  for (std::size_t n = 0; n < kOpeningCodePoints && at < window.size(); ++n) {
    next_code_point(window, at);
  }
  return at < window.size() ? text.substr(0, at) : text;
}

RegionKeys region_keys(const std::string& role) {
  std::string_view first = role;
  if (std::size_t sep = first.find("、"); sep != std::string_view::npos)
    first = first.substr(0, sep);
  std::size_t best = std::string_view::npos;
  const Suffix* found = nullptr;
  for (const Suffix& s : kSuffixes) {
    std::size_t at = first.find(s.text);
    if (at == std::string_view::npos || at == 0) continue;
    if (at < best || (at == best && s.text.size() > found->text.size())) {
      best = at;
      found = &s;
    }
  }
  RegionKeys keys;
  if (!found) return keys;
  keys.full = std::string(first.substr(0, best + found->text.size()));
  keys.short_name = found->keep_suffix_as_short ? std::string(found->generic)
                                                : std::string(first.substr(0, best));
  if (count_code_points(keys.short_name) < 2) keys.short_name.clear();
  keys.generic = std::string(found->generic);
  return keys;
}

std::size_t attribute_displaced(Document& doc, const std::vector<std::size_t>& labels) {
  if (labels.empty()) return 0;
  std::vector<RegionKeys> keys;
  for (std::size_t label : labels) {
    const Block& b = doc.blocks[label];
    const Person* p = b.speakers.empty() ? nullptr : doc.person(b.speakers.front());
    keys.push_back(p ? region_keys(p->role) : RegionKeys{});
  }
  std::size_t current = labels.size();  // none yet: still in the lead
  std::size_t attributed = 0;
  for (std::size_t i = 0; i < labels.front(); ++i) {
    Block& block = doc.blocks[i];
    if (block.kind != BlockKind::kParagraph || !block.speakers.empty()) continue;
    std::string_view open = opening(block.text);
    std::size_t from = current == labels.size() ? 0 : current;
    std::size_t match = labels.size();
    for (std::size_t k = from; k < labels.size(); ++k) {
      if (names(open, keys[k])) {
        match = k;
        break;
      }
    }
    // "自治区卫生健康系统…" alone: the next statement, when its region is one and this is not.
    if (match == labels.size() && current + 1 < labels.size()) {
      const RegionKeys& next = keys[current + 1];
      if (!next.generic.empty() && keys[current].generic != next.generic &&
          open.find(next.generic) != std::string_view::npos) {
        match = current + 1;
      }
    }
    if (match != labels.size()) current = match;
    if (current == labels.size()) continue;
    block.speakers = doc.blocks[labels[current]].speakers;
    doc.annotate("structure", "displaced-statement", block.span, "", "speakers");
    ++attributed;
  }
  return attributed;
}

}  // namespace hantidy
