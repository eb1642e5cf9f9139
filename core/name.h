// Filter and rule names as change records carry them.
#ifndef HANTIDY_CORE_NAME_H_
#define HANTIDY_CORE_NAME_H_

#include <iosfwd>
#include <string>
#include <string_view>

namespace hantidy {

/// An interned name ("punct", "ascii-comma"). A document can record millions of changes, each
/// naming its filter and rule from a few dozen names: a Name is one pointer to the one copy of
/// its text, so a record costs 8 bytes per name instead of a 32-byte string, and names compare by
/// pointer. Interned texts live until the program ends; there are only ever a few hundred.
class Name {
 public:
  Name() = default;  ///< the empty name
  // Implicit, so that filters write rule names as they are ("comma", a std::string member).
  Name(std::string_view text);
  Name(const char* text) : Name(std::string_view(text)) {}
  Name(const std::string& text) : Name(std::string_view(text)) {}

  std::string_view view() const { return text_ ? std::string_view(*text_) : std::string_view(); }
  operator std::string_view() const { return view(); }
  std::string str() const { return std::string(view()); }
  bool empty() const { return text_ == nullptr; }

  friend bool operator==(const Name& a, const Name& b) { return a.text_ == b.text_; }
  friend bool operator==(const Name& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const Name& a, const char* b) { return a.view() == b; }
  friend bool operator==(const Name& a, const std::string& b) { return a.view() == b; }
  friend auto operator<=>(const Name& a, const Name& b) { return a.view() <=> b.view(); }

 private:
  const std::string* text_ = nullptr;  // null for the empty name
};

std::ostream& operator<<(std::ostream& out, const Name& name);

}  // namespace hantidy

#endif  // HANTIDY_CORE_NAME_H_
