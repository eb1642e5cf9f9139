#include "core/name.h"

#include <array>
#include <mutex>
#include <ostream>
#include <unordered_map>
#include <unordered_set>

namespace hantidy {
namespace {

// One table for the process; worker threads (-j) intern the same names, so each keeps a private
// map in front of it and takes the lock only for a name it has not seen yet.
struct Table {
  std::mutex lock;
  std::unordered_set<std::string> texts;  // node-based: a text never moves once inserted
};

Table& table() {
  static Table* t = new Table;  // never destroyed: Names may be used during static destruction
  return *t;
}

const std::string* intern(std::string_view text) {
  // Filters name their changes from a handful of rules, usually the same one many times in a
  // row: the last few names answered are compared first (a short memcmp), before hashing.
  constexpr std::size_t kRecent = 4;
  thread_local std::array<const std::string*, kRecent> recent{};
  thread_local std::size_t next_recent = 0;
  for (const std::string* name : recent) {
    if (name && *name == text) return name;
  }
  thread_local std::unordered_map<std::string_view, const std::string*> seen;
  if (auto it = seen.find(text); it != seen.end()) {
    recent[next_recent++ % kRecent] = it->second;
    return it->second;
  }
  Table& t = table();
  const std::string* interned;
  {
    std::lock_guard<std::mutex> hold(t.lock);
    interned = &*t.texts.emplace(text).first;
  }
  seen.emplace(*interned, interned);
  recent[next_recent++ % kRecent] = interned;
  return interned;
}

}  // namespace

Name::Name(std::string_view text) : text_(text.empty() ? nullptr : intern(text)) {}

std::ostream& operator<<(std::ostream& out, const Name& name) { return out << name.view(); }

}  // namespace hantidy
