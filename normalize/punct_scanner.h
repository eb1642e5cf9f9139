// The scanner behind the punct filter: one pass over a block's text that decides every mark from
// its context and collects the replacements. Internal to normalize/punct*.cc.
#ifndef HANTIDY_NORMALIZE_PUNCT_SCANNER_H_
#define HANTIDY_NORMALIZE_PUNCT_SCANNER_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/cjk_class.h"
#include "normalize/punct.h"
#include "normalize/punct_bytes.h"
#include "normalize/utf8.h"

namespace hantidy::punct_internal {

inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Only spaces: a tab separates table cells, and context must not reach across it.
inline bool is_blank(char c) { return c == ' '; }
inline bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Marks whose width or form punct may change, so context looks through them.
inline bool is_bracket_or_quote(char32_t cp) {
  switch (cp) {
    case '(':
    case ')':
    case '"':
    case '\'':
    case U'\uFF08':
    case U'\uFF09':  // （）
    case U'\u201C':
    case U'\u201D':
    case U'\u2018':
    case U'\u2019':  // “”‘’
    case U'\u300C':
    case U'\u300D':
    case U'\u300E':
    case U'\u300F':  // 「」『』
      return true;
    default:
      return false;
  }
}

/// The class bits of every CJK Unified Ideograph U+4E00..U+9FFF.
inline constexpr std::uint8_t kUnifiedIdeographBits = kWide | kIdeograph;
/// Whether the class table gives every code point in U+4E00..U+9FFF exactly
/// kUnifiedIdeographBits, as the scanner's byte-level fast paths assume. True in every Unicode
/// version ICU has shipped; checked once against the table, so a surprise turns the fast paths
/// off instead of changing the output.
bool unified_ideograph_bits();

/// A neighbour of a position: the code point, its class, where it starts; `edge` when the line
/// or the text ends first.
struct Neighbour {
  char32_t cp = 0;
  std::uint8_t bits = 0;
  std::size_t pos = 0;
  bool edge = true;

  bool wide() const { return !edge && (bits & kWide); }
  bool alnum() const { return !edge && (bits & (kLetter | kDigit)); }
  bool letter() const { return !edge && (bits & kLetter); }
  bool digit() const { return !edge && (bits & kDigit); }
  bool ideograph() const { return !edge && (bits & kIdeograph); }
};

struct Token {
  std::size_t pos;
  std::uint8_t len;
  char kind;                   // 'O' open, 'C' close, 'S' straight (either)
  bool frozen;                 // paired but never converted (Markdown link target)
  std::size_t wide_before;     // Scanner::wide_ at the token (tokens themselves not counted)
  std::size_t letters_before;  // letters before the token
};

// Full-width stops and their ASCII forms, for the Latin-context reverse rule.
struct StopMark {
  char32_t wide;
  char ascii;
  PunctRule rule;
};
inline constexpr std::array<StopMark, 6> kStops = {{{U'\uFF0C', ',', PunctRule::kComma},
                                                    {U'\uFF1B', ';', PunctRule::kSemicolon},
                                                    {U'\uFF1A', ':', PunctRule::kColon},
                                                    {U'\uFF1F', '?', PunctRule::kQuestion},
                                                    {U'\uFF01', '!', PunctRule::kExclamation},
                                                    {U'\u3002', '.', PunctRule::kPeriod}}};

/// The lists a scan collects, kept per thread and emptied for each text: a scan per block is the
/// filter's hot path, and lists grown afresh for every block were an allocation each.
struct ScanLists {
  std::vector<Token> parens, doubles, singles;
  std::vector<std::size_t> widened;        // ASCII marks made full-width, in text order
  std::vector<std::size_t> narrowed;       // full-width marks made ASCII, in text order
  std::vector<std::uint16_t> quiet_stops;  // QuietRuns' bits (filled anew for each text)

  /// This thread's lists, emptied. One Scanner per thread at a time uses them (PunctFilter::scan
  /// makes one, runs it and drops it).
  static ScanLists& emptied_for_this_thread() {
    thread_local ScanLists lists;
    for (auto* tokens : {&lists.parens, &lists.doubles, &lists.singles}) tokens->clear();
    lists.widened.clear();
    lists.narrowed.clear();
    return lists;
  }
};

/// One scan of one text. The main loop (punct_scanner.cc) looks at each character once: point
/// marks, dots, dashes and tildes are decided on the spot from their neighbours; brackets and
/// quotes are only collected, and paired afterwards (punct_pairs.cc) so that a pair is converted
/// as one. Replacements come out unsorted; PunctFilter::scan sorts and settles them.
class Scanner {
 public:
  Scanner(std::string_view text, const PunctOptions& options, std::vector<Replacement>& reps,
          std::vector<UnpairedQuote>* unpaired)
      : t_(text),
        n_(text.size()),
        o_(options),
        reps_(reps),
        unpaired_(unpaired),
        ideograph_bits_known_(unified_ideograph_bits()),
        lists_(ScanLists::emptied_for_this_thread()) {}

  /// Appends the replacements for the whole text to `reps`, unpaired quotes to `unpaired`.
  void run();

 private:
  bool on(PunctRule r) const { return o_.enabled(r); }
  // A rule's name as a Replacement holds it, built once per rule rather than once per change.
  static const auto& rule_name(PunctRule r) {
    using RuleName = decltype(Replacement::rule);
    constexpr auto kRules = static_cast<std::size_t>(PunctRule::kCount);
    static const std::array<RuleName, kRules> names = [] {
      std::array<RuleName, kRules> built;
      for (std::size_t k = 0; k < kRules; ++k) {
        built[k] = RuleName(std::string(punct_rule_name(static_cast<PunctRule>(k))));
      }
      return built;
    }();
    return names[static_cast<std::size_t>(r)];
  }
  // Filled in place: a Replacement moved in would copy its text's buffer once more.
  void add(std::size_t b, std::size_t e, std::string_view text, PunctRule r) {
    Replacement& rep = reps_.emplace_back();
    rep.begin = b;
    rep.end = e;
    if (!text.empty()) rep.text.assign(text);
    rep.rule = rule_name(r);
  }

  // A CJK unified ideograph (the commonest neighbour) is told by its bytes, with no look-up in
  // the class table (see unified_ideograph_bits).
  Neighbour ideograph(std::size_t pos) const {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(t_[k]); };
    char32_t cp =
        (byte(pos) & 0x0Fu) << 12 | (byte(pos + 1) & 0x3Fu) << 6 | (byte(pos + 2) & 0x3Fu);
    return {cp, kUnifiedIdeographBits, pos, false};
  }
  bool ideograph_at(std::size_t pos) const {
    return ideograph_bits_known_ && pos + 3 <= n_ &&
           is_unified_ideograph(reinterpret_cast<const unsigned char*>(t_.data()) + pos);
  }
  Neighbour at(std::size_t pos) const {
    if (pos >= n_ || t_[pos] == '\n') return Neighbour();
    if (ideograph_at(pos)) return ideograph(pos);
    std::size_t after = pos;
    char32_t cp = next_code_point(t_, after);
    return {cp, char_bits(cp), pos, false};
  }
  Neighbour before(std::size_t end) const {
    if (end == 0 || t_[end - 1] == '\n') return Neighbour();
    // previous_code_point would stop at the same lead byte: the two bytes after it are
    // continuation bytes.
    if (end >= 3 && ideograph_at(end - 3)) return ideograph(end - 3);
    std::size_t begin = end;
    char32_t cp = previous_code_point(t_, begin);
    return {cp, char_bits(cp), begin, false};
  }
  // Context neighbours: skipping spaces, soft line breaks (a block's '\n' is a wrapped line
  // that line repair may join: "发展\n,筑牢" is a Chinese comma), and brackets and quotes, whose
  // width this filter itself may change (so that a second run decides as the first did). Tabs
  // separate table cells and stop the search; so do more than kSeeThrough marks in a row.
  static constexpr int kSeeThrough = 4;
  Neighbour prev(std::size_t end) const {
    for (int marks = 0;; ++marks) {
      while (end > 0 && (is_blank(t_[end - 1]) || t_[end - 1] == '\n')) --end;
      Neighbour l = before(end);
      if (l.edge || marks == kSeeThrough || !is_bracket_or_quote(l.cp)) return l;
      end = l.pos;
    }
  }
  Neighbour next(std::size_t pos) const {
    for (int marks = 0;; ++marks) {
      while (pos < n_ && (is_blank(t_[pos]) || t_[pos] == '\n')) ++pos;
      Neighbour r = at(pos);
      if (r.edge || marks == kSeeThrough || !is_bracket_or_quote(r.cp)) return r;
      next_code_point(t_, pos);
    }
  }
  // A neighbour as this run will leave it: an ASCII mark made full-width counts as wide, a
  // full-width mark made ASCII does not. Brackets and quotes are decided after the other marks,
  // and so see them as the output will have them (idempotence).
  Neighbour settled(Neighbour nb) const {
    if (nb.edge) return nb;
    if (std::binary_search(widened_.begin(), widened_.end(), nb.pos)) nb.bits |= kWide;
    if (std::binary_search(narrowed_.begin(), narrowed_.end(), nb.pos)) {
      nb.bits &= static_cast<std::uint8_t>(~kWide);
    }
    return nb;
  }
  Neighbour prev_settled(std::size_t end) const { return settled(prev(end)); }
  Neighbour next_settled(std::size_t pos) const { return settled(next(pos)); }
  // Whether the rest of the line after the blanks at `pos` is a short run of ideographs, a
  // name after a role in a label line ("副主任（兼） 钟东波"): that space is a field separator.
  bool name_follows(std::size_t pos) const {
    while (pos < n_ && is_blank(t_[pos])) ++pos;
    std::size_t count = 0;
    while (pos < n_ && t_[pos] != '\n') {
      Neighbour nb = at(pos);
      if (!nb.ideograph() || ++count > 4) return false;
      next_code_point(t_, pos);
    }
    return count >= 2;
  }
  // A quiet run [b, e) (see QuietRuns): its non-ASCII bytes are all ideographs' (wide, three
  // bytes each), so the last ideograph ends with its last non-ASCII byte. Returns whether the
  // run ends with an ideograph.
  bool pass_quiet(std::size_t b, std::size_t e) {
    std::size_t last = e;  // the end of the last ideograph
    while (last > b && static_cast<unsigned char>(t_[last - 1]) < 0x80) --last;
    if (last == b) return false;
    wide_ += last - b;
    last_wide_ = last - 3;
    return last == e;
  }
  std::size_t run_of(std::size_t pos, std::string_view unit) const {
    std::size_t k = 0;
    while (t_.substr(pos + k * unit.size(), unit.size()) == unit) ++k;
    return k;
  }

  // Removes blanks on either side of a full-width mark [b, e), but not indentation at a line
  // start nor blanks at a line end (trim's business). Most marks have no blank beside them: that
  // is settled here, inline, and strip_blanks does the rest.
  void strip(std::size_t b, std::size_t e, bool left = true, bool right = true) {
    bool blank_left = left && b > 0 && is_blank(t_[b - 1]);
    bool blank_right = right && e < n_ && is_blank(t_[e]);
    if (blank_left || blank_right) strip_blanks(b, e, blank_left, blank_right);
  }
  void strip_blanks(std::size_t b, std::size_t e, bool left, bool right);

  std::size_t ascii_stop(std::size_t i, char c);
  std::size_t emoticon(std::size_t i) const;
  bool closed_soon(std::size_t pos) const;
  void period(std::size_t i);
  std::size_t dots(std::size_t i);
  void wide_stop(std::size_t i, std::size_t len, const StopMark& mark);
  // A full-width stop that stays as it is: a wide character, with the blanks around it removed.
  // The scanner's main loop calls it directly when an ideograph stands just before the mark:
  // wide_stop's Latin-context rule needs a letter or digit there, so it would decide the same.
  void chinese_stop(std::size_t i, std::size_t len) {
    last_wide_ = i;
    ++wide_;
    strip(i, i + len);
  }
  std::size_t ellipsis_run(std::size_t i, std::string_view unit, std::size_t lo, std::size_t hi,
                           std::size_t keep, bool always);
  std::size_t dash_run(std::size_t i, std::string_view unit, std::size_t min, std::size_t max,
                       bool single_is_range);
  void tilde(std::size_t i, bool wide);
  bool number_touches_wide(std::size_t i, std::size_t end) const;
  void spacing_at(std::size_t i, bool ideograph_here);
  bool words_before(std::size_t end) const;
  bool words_after(std::size_t pos) const;
  void token(std::vector<Token>& list, std::size_t i, std::size_t len, char kind,
             bool frozen = false) {
    list.push_back({i, static_cast<std::uint8_t>(len), kind, frozen, wide_, letters_});
  }
  void resolve_parens();
  void resolve_quotes(std::vector<Token>& list, bool single);

  std::string_view t_;
  std::size_t n_;
  const PunctOptions& o_;
  std::vector<Replacement>& reps_;
  std::vector<UnpairedQuote>* unpaired_;
  // Whether every unified ideograph has kUnifiedIdeographBits, so they can be told by bytes.
  bool ideograph_bits_known_;
  ScanLists& lists_;
  std::vector<Token>& parens_ = lists_.parens;
  std::vector<Token>& doubles_ = lists_.doubles;
  std::vector<Token>& singles_ = lists_.singles;
  std::vector<std::size_t>& widened_ = lists_.widened;
  std::vector<std::size_t>& narrowed_ = lists_.narrowed;
  // Grows at every wide character (by one, or by a quiet run's length): tokens compare it to
  // tell whether wide characters stand between them, nothing counts with it.
  std::size_t wide_ = 0;
  std::size_t letters_ = 0;  // Latin letters so far
  std::size_t line_start_ = 0;
  std::size_t last_wide_ = kNone;  // where the last wide character of the text so far starts
};

}  // namespace hantidy::punct_internal

#endif  // HANTIDY_NORMALIZE_PUNCT_SCANNER_H_
