#include "normalize/script_engine.h"

#include <bit>

namespace hantidy {
namespace {

constexpr std::uint32_t kInvalid = 0x200000;  // above every code point: matches no key

// Decodes the character at p (p < end) the way OpenCC steps over it (length from the lead
// byte). Bytes that cannot start a character count as one character of their own.
inline std::uint32_t decode(const char* p, const char* end, std::uint32_t& length) {
  auto b0 = static_cast<unsigned char>(p[0]);
  if (b0 < 0x80) {
    length = 1;
    return b0;
  }
  std::uint32_t n = b0 >= 0xF0 ? (b0 < 0xF8 ? 4 : 0) : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (n == 0) {
    length = 1;
    return kInvalid | b0;
  }
  if (static_cast<std::size_t>(end - p) < n) {
    length = static_cast<std::uint32_t>(end - p);
    return kInvalid;
  }
  length = n;
  auto b = [p](int i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(p[i]) & 0x3F);
  };
  if (n == 3) return ((b0 & 0x0Fu) << 12) | (b(1) << 6) | b(2);
  if (n == 2) return ((b0 & 0x1Fu) << 6) | b(1);
  return ((b0 & 0x07u) << 18) | (b(1) << 12) | (b(2) << 6) | b(3);
}

inline std::uint64_t hash(std::uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 20; }

}  // namespace

PrefixTrie::PrefixTrie(const std::vector<const ScriptDict*>& group)
    : root_pages_((0x110000 >> 8) + 1, 0), root_(256, 0) {
  std::size_t key_chars = 0;  // an upper bound on the number of nodes
  for (const ScriptDict* dict : group) {
    for (const ScriptEntry& e : *dict) {
      for (char c : e.key) key_chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }
  }
  std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, key_chars + key_chars / 2));
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  std::size_t bits = std::bit_ceil(std::max<std::size_t>(64, key_chars * 8));
  bits = std::min<std::size_t>(bits, std::size_t{1} << 20);  // the hash has 20 bits to spare
  present_.assign(bits / 64, 0);
  present_mask_ = bits - 1;
  nodes_.reserve(key_chars + 1);
  nodes_.emplace_back();

  for (std::uint32_t rank = 0; rank < group.size(); ++rank) {
    for (const ScriptEntry& e : *group[rank]) {
      if (e.key.empty()) continue;
      const char* p = e.key.data();
      const char* end = p + e.key.size();
      std::uint32_t node = 0;
      while (p < end) {
        std::uint32_t length;
        std::uint32_t cp = decode(p, end, length);
        node = add_child(node, cp);
        p += length;
      }
      Node& n = nodes_[node];
      if (n.rank != kNoRank && n.rank <= rank) continue;  // first occurrence wins
      n.rank = rank;
      n.value = static_cast<std::uint32_t>(values_.size());
      n.value_length = static_cast<std::uint32_t>(e.value.size());
      values_ += e.value;
    }
  }
}

inline std::uint32_t PrefixTrie::child(std::uint32_t node, std::uint32_t cp) const {
  if (node == 0) {
    if (cp <= 0x10FFFF) return root_[root_pages_[cp >> 8] + (cp & 0xFF)];
  } else if (nodes_[node].children == 0) {
    return 0;
  }
  std::uint64_t key = (std::uint64_t{node} << 32) | cp;
  std::uint64_t h = hash(key);
  std::uint64_t bit = (h >> 24) & present_mask_;
  if (((present_[bit >> 6] >> (bit & 63)) & 1) == 0) return 0;
  for (std::uint64_t i = h & mask_;; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (s.key == key) return s.child;
    if (s.key == kEmpty) return 0;
  }
}

std::uint32_t PrefixTrie::add_child(std::uint32_t node, std::uint32_t cp) {
  if (std::uint32_t c = child(node, cp)) return c;
  auto fresh = static_cast<std::uint32_t>(nodes_.size());
  nodes_.emplace_back();
  ++nodes_[node].children;
  if (node == 0 && cp <= 0x10FFFF) {
    std::uint32_t& page = root_pages_[cp >> 8];
    if (page == 0) {
      page = static_cast<std::uint32_t>(root_.size());
      root_.resize(root_.size() + 256, 0);
    }
    root_[page + (cp & 0xFF)] = fresh;
    return fresh;
  }
  std::uint64_t key = (std::uint64_t{node} << 32) | cp;
  std::uint64_t h = hash(key);
  std::uint64_t bit = (h >> 24) & present_mask_;
  present_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  std::uint64_t i = h & mask_;
  while (slots_[i].key != kEmpty) i = (i + 1) & mask_;
  slots_[i] = {key, fresh};
  return fresh;
}

PrefixTrie::Match PrefixTrie::match(const char* p, const char* end) const {
  Match best;
  if (p >= end) return best;
  std::uint32_t length;
  std::uint32_t cp = decode(p, end, length);
  if (cp > 0x10FFFF) return best;
  std::uint32_t node = root_[root_pages_[cp >> 8] + (cp & 0xFF)];
  if (node == 0) return best;
  const char* q = p + length;
  std::uint32_t best_rank = kNoRank;
  while (true) {
    const Node& n = nodes_[node];
    if (n.rank != kNoRank && n.rank <= best_rank) {
      best_rank = n.rank;
      best = {static_cast<std::uint32_t>(q - p), n.value, n.value_length};
    }
    if (n.children == 0 || q >= end) break;
    cp = decode(q, end, length);
    std::uint64_t key = (std::uint64_t{node} << 32) | cp;
    std::uint64_t h = hash(key);
    std::uint64_t bit = (h >> 24) & present_mask_;
    if (((present_[bit >> 6] >> (bit & 63)) & 1) == 0) break;
    std::uint64_t i = h & mask_;
    while (slots_[i].key != key && slots_[i].key != kEmpty) i = (i + 1) & mask_;
    if (slots_[i].key == kEmpty) break;
    node = slots_[i].child;
    q += length;
  }
  return best;
}

namespace {

std::vector<const ScriptDict*> pointers(const std::vector<ScriptDict>& group) {
  std::vector<const ScriptDict*> dicts;
  for (const ScriptDict& d : group) dicts.push_back(&d);
  return dicts;
}

}  // namespace

ScriptEngine::ScriptEngine(const ScriptChainData& data)
    : segmentation_(pointers(data.segmentation)) {
  steps_.reserve(data.steps.size());
  for (const std::vector<ScriptDict>& group : data.steps) steps_.emplace_back(pointers(group));
  if (data.segmentation.size() == 1 && !data.steps.empty() && !data.steps[0].empty() &&
      data.steps[0][0] == data.segmentation[0]) {
    fused_ = true;
    std::vector<const ScriptDict*> rest = pointers(data.steps[0]);
    rest.erase(rest.begin());
    first_rest_ = PrefixTrie(rest);
  }
}

namespace {

// One step over [begin, end): matched keys become their value, other characters stay.
inline void apply_step(const PrefixTrie& trie, const char* begin, const char* end,
                       std::string& out) {
  const char* p = begin;
  const char* copied = begin;  // start of the pending run of unchanged bytes
  while (p < end) {
    PrefixTrie::Match m = trie.match(p, end);
    if (m.length == 0) {
      std::uint32_t length;
      decode(p, end, length);
      p += length;
      continue;
    }
    out.append(copied, static_cast<std::size_t>(p - copied));
    out.append(trie.value(m));
    p += m.length;
    copied = p;
  }
  out.append(copied, static_cast<std::size_t>(end - copied));
}

}  // namespace

void ScriptEngine::finish(std::size_t first, std::string& a, std::string& b,
                          std::string& out) const {
  for (std::size_t i = first; i + 1 < steps_.size(); ++i) {
    b.clear();
    apply_step(steps_[i], a.data(), a.data() + a.size(), b);
    a.swap(b);
  }
  if (first < steps_.size()) {
    apply_step(steps_.back(), a.data(), a.data() + a.size(), out);
  } else {
    out += a;
  }
}

void ScriptEngine::convert(std::string_view text, std::string& out,
                           std::vector<ScriptSegment>* segments) const {
  const char* const base = text.data();
  const char* const end = base + text.size();
  const std::size_t out_base = out.size();
  out.reserve(out.size() + text.size() + text.size() / 8);
  std::string a, b;
  const bool single = steps_.size() == 1;
  auto record = [&](const char* s, const char* e, std::size_t out_begin, bool phrase) {
    if (segments && std::string_view(s, static_cast<std::size_t>(e - s)) !=
                        std::string_view(out.data() + out_begin, out.size() - out_begin)) {
      segments->push_back({static_cast<std::size_t>(s - base), static_cast<std::size_t>(e - base),
                           out_begin - out_base, out.size() - out_base, phrase});
    }
  };
  auto emit_run = [&](const char* s, const char* e) {
    std::size_t out_begin = out.size();
    if (steps_.empty()) {
      out.append(s, static_cast<std::size_t>(e - s));
    } else {
      const PrefixTrie& first = fused_ ? first_rest_ : steps_[0];
      if (single) {
        apply_step(first, s, e, out);
      } else {
        a.clear();
        apply_step(first, s, e, a);
        finish(1, a, b, out);
      }
    }
    record(s, e, out_begin, false);
  };
  auto emit_phrase = [&](const char* s, const char* e, const PrefixTrie::Match& m) {
    std::size_t out_begin = out.size();
    if (steps_.empty()) {
      out.append(s, static_cast<std::size_t>(e - s));
    } else if (fused_) {
      if (single) {
        out.append(segmentation_.value(m));
      } else {
        a.assign(segmentation_.value(m));
        finish(1, a, b, out);
      }
    } else if (single) {
      apply_step(steps_[0], s, e, out);
    } else {
      a.clear();
      apply_step(steps_[0], s, e, a);
      finish(1, a, b, out);
    }
    record(s, e, out_begin, true);
  };
  const char* run = base;  // start of the pending run of characters no phrase matched
  const char* p = base;
  while (p < end) {
    PrefixTrie::Match m = segmentation_.match(p, end);
    if (m.length == 0) {
      std::uint32_t length;
      decode(p, end, length);
      p += length;
      continue;
    }
    if (run < p) emit_run(run, p);
    emit_phrase(p, p + m.length, m);
    p += m.length;
    run = p;
  }
  if (run < p) emit_run(run, p);
}

}  // namespace hantidy
