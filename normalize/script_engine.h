// The fast matcher behind the script filter: OpenCC's conversion semantics over tables built
// from OpenCC's own dictionaries, without OpenCC's per-character allocations.
//
// No OpenCC header here: normalize/script.cc extracts the dictionaries through OpenCC's API and
// hands them over as plain data, so the engine can be tested and benchmarked on its own.
#ifndef HANTIDY_NORMALIZE_SCRIPT_ENGINE_H_
#define HANTIDY_NORMALIZE_SCRIPT_ENGINE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hantidy {

/// One dictionary entry as OpenCC stores it: the key and its default (first) value.
struct ScriptEntry {
  std::string key;
  std::string value;
  friend bool operator==(const ScriptEntry&, const ScriptEntry&) = default;
};
using ScriptDict = std::vector<ScriptEntry>;

/// What an OpenCC config amounts to: a segmentation group (maximum matching; only the keys
/// matter) and a chain of steps, each an ordered group of dictionaries.
struct ScriptChainData {
  std::vector<ScriptDict> segmentation;
  std::vector<std::vector<ScriptDict>> steps;
};

/// Longest-prefix lookup over an ordered group of dictionaries with OpenCC's DictGroup rule: the
/// first dictionary that has any key prefixing the text wins, and within it the longest key.
/// Code-point trie: a direct table for the root, one flat open-addressing hash for the rest.
class PrefixTrie {
 public:
  PrefixTrie() = default;
  explicit PrefixTrie(const std::vector<const ScriptDict*>& group);

  struct Match {
    std::uint32_t length = 0;  ///< bytes of text matched; 0 when nothing matched
    std::uint32_t value = 0;   ///< offset of the value in values()
    std::uint32_t value_length = 0;
  };

  /// The match at the start of [p, end); never reads past `end`.
  Match match(const char* p, const char* end) const;
  std::string_view value(const Match& m) const {
    return {values_.data() + m.value, m.value_length};
  }

 private:
  static constexpr std::uint32_t kRootSize = 0x30000;  // BMP and the CJK extension planes
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  static constexpr std::uint32_t kNoRank = ~std::uint32_t{0};
  struct Slot {
    std::uint64_t key = kEmpty;  // parent node << 32 | code point
    std::uint32_t child = 0;
  };

  struct Node {
    std::uint32_t rank = kNoRank;  // index of the dict whose key ends here, or kNoRank
    std::uint32_t value = 0;
    std::uint32_t value_length = 0;
    std::uint32_t children = 0;  // a leaf ends the walk without a hash probe
  };

  std::uint32_t child(std::uint32_t node, std::uint32_t cp) const;
  std::uint32_t add_child(std::uint32_t node, std::uint32_t cp);

  // Root children in pages of 256 code points; page 0 is all zero, shared by empty pages. Keeps
  // the hot part (the few CJK pages) small enough for the cache.
  std::vector<std::uint32_t> root_pages_;  // cp >> 8 → first entry in root_
  std::vector<std::uint32_t> root_;
  std::vector<Slot> slots_;
  std::uint64_t mask_ = 0;
  // One bit per (parent, code point) hash: most lookups below the root fail, and this small
  // bitmap (it stays in cache) answers them without touching the big slot table.
  std::vector<std::uint64_t> present_;
  std::uint64_t present_mask_ = 0;
  std::vector<Node> nodes_;
  std::string values_;
};

/// One converted segment: [in_begin, in_end) of the input became [out_begin, out_end) of the
/// output. `phrase` is set when the segment is a key of the segmentation dictionary (a phrase),
/// clear for a run of characters that matched no phrase.
struct ScriptSegment {
  std::size_t in_begin = 0;
  std::size_t in_end = 0;
  std::size_t out_begin = 0;
  std::size_t out_end = 0;
  bool phrase = false;
};

/// A whole OpenCC conversion: maximum-matching segmentation, then each step applied to each
/// segment (never across segments). Byte-identical to opencc::Converter::Convert on text without
/// NUL bytes (OpenCC stops at the first NUL; this engine converts straight through it).
/// Immutable after construction: one engine may serve many threads.
class ScriptEngine {
 public:
  explicit ScriptEngine(const ScriptChainData& data);

  /// Appends the conversion of `text` to `out`. When `segments` is given, appends one entry per
  /// segment that the conversion changed, with offsets relative to `text` and to the start of
  /// what was appended.
  void convert(std::string_view text, std::string& out,
               std::vector<ScriptSegment>* segments = nullptr) const;

 private:
  // Applies steps_[first, end) to `a`, the output of the step before, ending in `out`.
  void finish(std::size_t first, std::string& a, std::string& b, std::string& out) const;

  PrefixTrie segmentation_;
  std::vector<PrefixTrie> steps_;
  // Set when the first step's group starts with the segmentation dictionary (s2t, t2s, s2tw,
  // ...): then a phrase segment's first-step output is its value in the segmentation trie, and a
  // run of unmatched characters cannot match that dictionary, so it only needs the rest of the
  // group. Same output, one trie walk per character instead of two.
  bool fused_ = false;
  PrefixTrie first_rest_;
};

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_SCRIPT_ENGINE_H_
