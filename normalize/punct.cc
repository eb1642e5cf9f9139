#include "normalize/punct.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "core/error.h"
#include "normalize/cjk_class.h"
#include "normalize/protected_spans.h"

namespace hantidy {
namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(PunctRule::kCount)> kRuleNames = {
    "comma", "semicolon", "colon", "question", "exclamation", "period",    "paren",
    "quote", "ellipsis",  "dash",  "tilde",    "space",       "halfwidth", "cjk-latin-space"};

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Only spaces: a tab separates table cells, and context must not reach across it.
bool is_blank(char c) { return c == ' '; }
bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Marks whose width or form punct may change, so context looks through them.
bool is_bracket_or_quote(char32_t cp) {
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
  std::size_t wide_before;     // wide characters before the token (tokens themselves not counted)
  std::size_t letters_before;  // letters before the token
};

// Full-width stops and their ASCII forms, for the Latin-context reverse rule.
struct StopMark {
  char32_t wide;
  char ascii;
  PunctRule rule;
};
constexpr std::array<StopMark, 6> kStops = {{{U'\uFF0C', ',', PunctRule::kComma},
                                             {U'\uFF1B', ';', PunctRule::kSemicolon},
                                             {U'\uFF1A', ':', PunctRule::kColon},
                                             {U'\uFF1F', '?', PunctRule::kQuestion},
                                             {U'\uFF01', '!', PunctRule::kExclamation},
                                             {U'\u3002', '.', PunctRule::kPeriod}}};

class Scanner {
 public:
  Scanner(std::string_view text, const PunctOptions& options, std::vector<Replacement>& reps,
          std::vector<UnpairedQuote>* unpaired)
      : t_(text), n_(text.size()), o_(options), reps_(reps), unpaired_(unpaired) {}

  void run();

 private:
  bool on(PunctRule r) const { return o_.enabled(r); }
  void add(std::size_t b, std::size_t e, std::string_view text, PunctRule r) {
    reps_.push_back({b, e, std::string(text), std::string(punct_rule_name(r))});
  }

  Neighbour at(std::size_t pos) const {
    Neighbour nb;
    if (pos >= n_ || t_[pos] == '\n') return nb;
    std::size_t len = 0;
    nb.cp = decode_at(t_, pos, len);
    nb.bits = char_bits(nb.cp);
    nb.pos = pos;
    nb.edge = false;
    return nb;
  }
  Neighbour before(std::size_t end) const {
    Neighbour nb;
    if (end == 0 || t_[end - 1] == '\n') return nb;
    std::size_t begin = 0;
    nb.cp = decode_before(t_, end, begin);
    nb.bits = char_bits(nb.cp);
    nb.pos = begin;
    nb.edge = false;
    return nb;
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
      std::size_t len = 0;
      decode_at(t_, pos, len);
      pos += len;
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
      std::size_t len = 0;
      decode_at(t_, pos, len);
      pos += len;
    }
    return count >= 2;
  }
  std::size_t run_of(std::size_t pos, std::string_view unit) const {
    std::size_t k = 0;
    while (t_.substr(pos + k * unit.size(), unit.size()) == unit) ++k;
    return k;
  }

  // Removes blanks on either side of a full-width mark [b, e), but not indentation at a line
  // start nor blanks at a line end (trim's business).
  void strip(std::size_t b, std::size_t e, bool left = true, bool right = true) {
    if (!on(PunctRule::kSpace)) return;
    if (left) {
      std::size_t ls = b;
      while (ls > 0 && is_blank(t_[ls - 1])) --ls;
      if (ls < b && ls > 0 && t_[ls - 1] != '\n') add(ls, b, "", PunctRule::kSpace);
    }
    if (right) {
      std::size_t re = e;
      while (re < n_ && is_blank(t_[re])) ++re;
      if (re > e && re < n_ && t_[re] != '\n') add(e, re, "", PunctRule::kSpace);
    }
  }

  std::size_t ascii_stop(std::size_t i, char c);
  std::size_t emoticon(std::size_t i) const;
  void period(std::size_t i);
  std::size_t dots(std::size_t i);
  void wide_stop(std::size_t i, std::size_t len, const StopMark& mark);
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
  std::vector<Token> parens_, doubles_, singles_;
  std::size_t wide_ = 0;               // wide characters so far (for bracket and quote content)
  std::size_t letters_ = 0;            // Latin letters so far
  std::vector<std::size_t> widened_;   // ASCII marks made full-width, in text order
  std::vector<std::size_t> narrowed_;  // full-width marks made ASCII, in text order
  std::size_t line_start_ = 0;
  std::size_t last_wide_ = kNone;  // where the last wide character of the text so far starts
};

std::size_t Scanner::emoticon(std::size_t i) const {
  auto face = [](char c) { return c == ')' || c == '(' || c == 'D' || c == 'P' || c == 'p'; };
  auto ends = [&](std::size_t at) { return at >= n_ || !is_ascii_alnum(t_[at]); };
  if (i + 1 < n_ && face(t_[i + 1]) && ends(i + 2)) return 2;
  if (i + 2 < n_ && t_[i + 1] == '-' && face(t_[i + 2]) && ends(i + 3)) return 3;
  return 0;
}

// The ASCII mark c at i, with any run of the same mark after it ("好吗??"): the run is
// decided as one. Returns the run's length.
std::size_t Scanner::ascii_stop(std::size_t i, char c) {
  std::size_t end = i + 1;
  if (c == '?' || c == '!') {
    while (end < n_ && t_[end] == c) ++end;
  }
  PunctRule rule = c == ','   ? PunctRule::kComma
                   : c == ';' ? PunctRule::kSemicolon
                   : c == ':' ? PunctRule::kColon
                   : c == '?' ? PunctRule::kQuestion
                              : PunctRule::kExclamation;
  if (!on(rule)) return end - i;
  // Looking left across a soft line break ("发展\n,筑牢"), but not right: a Latin line's last
  // comma stays Latin even when the next line is Chinese (as the halfwidth rule decides).
  Neighbour l = prev(i), r = next(end);
  if (r.pos > end && t_.substr(end, r.pos - end).find('\n') != std::string_view::npos)
    r = Neighbour{};
  bool convert = l.wide();
  if (!convert && r.wide()) {
    // "iPhone,好开心" and "2021年,北京" are Chinese clauses; "Yes!升级" and "Yahoo!的" are names.
    bool clause_mark = c == ',' || c == ';' || c == ':';
    convert = clause_mark && !l.edge;
  }
  if (!convert) return end - i;
  static constexpr std::string_view kWideForms[] = {"，", "；", "：", "？", "！"};
  for (std::size_t k = i; k < end; ++k) {
    add(k, k + 1, kWideForms[static_cast<std::size_t>(rule)], rule);
    widened_.push_back(k);
  }
  strip(i, end);
  return end - i;
}

void Scanner::period(std::size_t i) {
  if (!on(PunctRule::kPeriod)) return;
  if ((i + 1 < n_ && t_[i + 1] == '.') || (i > 0 && t_[i - 1] == '.')) return;
  Neighbour l = prev(i);
  if (!l.wide()) return;
  Neighbour r = next(i + 1);
  if (!r.edge && !r.wide()) return;
  add(i, i + 1, "。", PunctRule::kPeriod);
  widened_.push_back(i);
  strip(i, i + 1);
}

// A run of ASCII dots at i; returns its length. Three to six dots are an ellipsis typed in
// ASCII; longer runs are leaders (目录 ........ 3) and stay.
std::size_t Scanner::dots(std::size_t i) {
  std::size_t j = i;
  while (j < n_ && t_[j] == '.') ++j;
  std::size_t k = j - i;
  if (k >= 3 && k <= 6 && on(PunctRule::kEllipsis) && (prev(i).wide() || next(j).wide())) {
    add(i, j, "……", PunctRule::kEllipsis);
    strip(i, j);
  } else if (k == 1) {
    period(i);
  }
  return k;
}

// A run of `unit` at i: converted to …… when its length is in [lo, hi], kept (but spaces
// around it removed) when it is `keep` long, left alone otherwise (leaders, long rules).
std::size_t Scanner::ellipsis_run(std::size_t i, std::string_view unit, std::size_t lo,
                                  std::size_t hi, std::size_t keep, bool always) {
  std::size_t k = run_of(i, unit);
  std::size_t end = i + k * unit.size();
  bool convert = k >= lo && k <= hi && k != keep;
  if (!convert && k != keep) return end;
  if (!(always || prev(i).wide() || next(end).wide())) return end;
  if (convert && on(PunctRule::kEllipsis)) add(i, end, "……", PunctRule::kEllipsis);
  strip(i, end);
  return end;
}

std::size_t Scanner::dash_run(std::size_t i, std::string_view unit, std::size_t min,
                              std::size_t max, bool single_is_range) {
  std::size_t k = run_of(i, unit);
  std::size_t end = i + k * unit.size();
  if (k < min || k > max) return end;
  Neighbour l = prev(i), r = next(end);
  if (!(l.wide() || r.wide())) return end;
  // 一字线 between two words or numbers is a 连接号 (北京—上海, 南阳—荆门—长沙, 1949—1986),
  // not a 破折号.
  if (k == 1 && single_is_range) {
    Neighbour bl = before(i), ar = at(end);
    // Words: letters, digits, ideographs, full-width forms (Ｓ—七○Ｃ—六), not marks.
    auto word = [](const Neighbour& nb) { return nb.alnum() || (nb.wide() && !(nb.bits & kMark)); };
    bool word_l = word(bl), word_r = word(ar);
    if (word_l && word_r) return end;
  }
  if (on(PunctRule::kDash)) add(i, end, "——", PunctRule::kDash);
  strip(i, end);
  return end;
}

// Whether the number around a range mark [i, end) touches a wide character: "3~5年", "第3~5".
bool Scanner::number_touches_wide(std::size_t i, std::size_t end) const {
  auto numeric = [](char c) { return is_ascii_digit(c) || c == '.' || c == '%'; };
  std::size_t b = i;
  while (b > 0 && numeric(t_[b - 1])) --b;
  std::size_t e = end;
  while (e < n_ && numeric(t_[e])) ++e;
  return before(b).wide() || at(e).wide();
}

void Scanner::tilde(std::size_t i, bool wide) {
  std::size_t len = wide ? 3 : 1;
  Neighbour l = before(i), r = at(i + len);
  if (!r.digit()) return;
  if (!wide) {
    if (!on(PunctRule::kTilde)) return;
    bool range = l.digit() || (!l.edge && l.cp == '%');
    if ((range && number_touches_wide(i, i + len)) || (l.wide() && l.ideograph())) {
      add(i, i + len, "～", PunctRule::kTilde);
    }
  } else if (on(PunctRule::kHalfwidth) && l.digit() && !number_touches_wide(i, i + len)) {
    add(i, i + len, "~", PunctRule::kHalfwidth);
  }
}

void Scanner::wide_stop(std::size_t i, std::size_t len, const StopMark& mark) {
  // Latin context: "Come and，Join us！" → "Come and, Join us!". Lines count here: a Latin
  // line between Chinese ones is Latin.
  Neighbour l = before(i);
  std::size_t after = i + len;
  while (after < n_ && is_blank(t_[after])) ++after;
  Neighbour r = at(after);
  bool latin = false;
  if (l.alnum() && on(PunctRule::kHalfwidth)) {
    // Only in a Latin clause of several words: "返回 title，false 返回" stays Chinese.
    if (!r.edge) {
      latin = r.alnum() && (l.letter() || r.letter()) && (words_before(i) || words_after(i + len));
    } else {
      // At a line end, only a whole Latin line: in "他們設立了People's Budget，\n立法會" the
      // comma is Chinese.
      latin = (last_wide_ == kNone || last_wide_ < line_start_) && words_before(i);
    }
  }
  if (!latin) {
    last_wide_ = i;
    ++wide_;
    strip(i, i + len);
    return;
  }
  std::string ascii(1, mark.ascii);
  if (at(i + len).alnum()) ascii += ' ';
  add(i, i + len, ascii, PunctRule::kHalfwidth);
  narrowed_.push_back(i);
}

// Whether the Latin run between the last wide character (or the line start) and `end` has two
// words or more.
bool Scanner::words_before(std::size_t end) const {
  std::size_t begin = line_start_;
  if (last_wide_ != kNone && last_wide_ >= line_start_) {
    std::size_t len = 0;
    decode_at(t_, last_wide_, len);
    begin = last_wide_ + len;
  }
  std::string_view run = t_.substr(begin, end - begin);
  std::size_t first = run.find_first_not_of(" \t");
  if (first == std::string_view::npos) return false;
  std::size_t space = run.find(' ', first);
  return space != std::string_view::npos &&
         run.find_first_not_of(" \t", space) != std::string_view::npos;
}

// The same after `pos`, looking a bounded distance ahead (so that the scan stays linear).
bool Scanner::words_after(std::size_t pos) const {
  constexpr std::size_t kLook = 64;
  bool word = false, gap = false;
  for (std::size_t k = pos; k < n_ && k < pos + kLook; ++k) {
    char c = t_[k];
    if (c == '\n' || static_cast<unsigned char>(c) >= 0x80) return false;
    if (c == ' ') {
      gap = word;
    } else if (gap) {
      return true;
    } else {
      word = true;
    }
  }
  return false;
}

void Scanner::spacing_at(std::size_t i, bool ideograph_here) {
  if (o_.spacing != PunctOptions::Spacing::kAdd || i == 0 || !on(PunctRule::kCjkLatinSpace)) {
    return;
  }
  Neighbour l = before(i);
  bool boundary = ideograph_here ? (!l.edge && l.cp < 0x80 && l.alnum()) : l.ideograph();
  if (boundary && ideograph_here) {
    // Format placeholders (%s, $1) belong to the text around them.
    std::size_t b = i;
    while (b > 0 && i - b < 32 && is_ascii_alnum(t_[b - 1])) --b;
    if (b > 0 && (t_[b - 1] == '%' || t_[b - 1] == '$')) boundary = false;
  }
  if (boundary) add(i, i, " ", PunctRule::kCjkLatinSpace);
}

void Scanner::run() {
  std::vector<std::pair<std::size_t, std::size_t>> prot = protected_spans(t_);
  std::size_t p = 0;
  std::size_t i = 0;
  while (i < n_) {
    if (p < prot.size() && i >= prot[p].first) {
      if (i < prot[p].second) {
        spacing_at(i, false);
        letters_ += prot[p].second - i;
        i = prot[p].second;
      }
      ++p;
      continue;
    }
    char c = t_[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      switch (c) {
        case '\n':
          line_start_ = i + 1;
          break;
        case ',':
        case ';':
        case ':':
        case '?':
        case '!':
          if (c == ':' || c == ';') {
            if (std::size_t k = emoticon(i)) {
              i += k;
              continue;
            }
          }
          if (c == ':' && ((i > 0 && t_[i - 1] == ':') || (i + 1 < n_ && t_[i + 1] == ':'))) {
            break;  // "::", ":::" are markup (C++ scopes, Markdown containers), not colons
          }
          i += ascii_stop(i, c);
          continue;
        case '.':
          i += dots(i);
          continue;
        case '(':
          token(parens_, i, 1, 'O', i > 0 && t_[i - 1] == ']');
          break;
        case ')':
          token(parens_, i, 1, 'C');
          break;
        case '"':
          token(doubles_, i, 1, 'S');
          break;
        case '\'': {
          Neighbour l = before(i), r = at(i + 1);
          if (!(l.alnum() && r.letter())) token(singles_, i, 1, 'S');  // not it's, don't
          break;
        }
        case '-':
          if (i + 1 < n_ && t_[i + 1] == '-' && (i == 0 || t_[i - 1] != '-')) {
            i = dash_run(i, "-", 2, 2, false);
            continue;
          }
          break;
        case '~':
          tilde(i, false);
          break;
        case ' ':
          if (o_.spacing == PunctOptions::Spacing::kRemove && on(PunctRule::kCjkLatinSpace)) {
            std::size_t j = i;
            while (j < n_ && t_[j] == ' ') ++j;
            Neighbour l = before(i), r = at(j);
            bool ascii_l = !l.edge && l.cp < 0x80, ascii_r = !r.edge && r.cp < 0x80;
            if ((l.ideograph() && ascii_r && r.alnum()) ||
                (ascii_l && l.alnum() && r.ideograph())) {
              add(i, j, "", PunctRule::kCjkLatinSpace);
            }
            i = j;
            continue;
          }
          break;
        default:
          if (is_ascii_alnum(c)) {
            if (!is_ascii_digit(c)) ++letters_;
            if (o_.spacing == PunctOptions::Spacing::kAdd) spacing_at(i, false);
          }
          break;
      }
      ++i;
      continue;
    }

    std::size_t len = 0;
    char32_t cp = decode_at(t_, i, len);
    std::uint8_t bits = char_bits(cp);
    // Fast path: no mark this filter handles lies between U+3016 and U+FEFF (where the
    // ideographs, kana and Hangul are).
    if (cp > 0x3015 && cp < 0xFF00) {
      if ((bits & kIdeograph) && o_.spacing == PunctOptions::Spacing::kAdd) spacing_at(i, true);
      if (bits & kLetter) ++letters_;
      if (bits & kWide) {
        ++wide_;
        last_wide_ = i;
      }
      i += len;
      continue;
    }
    switch (cp) {
      case U'\uFF0C':
      case U'\uFF1B':
      case U'\uFF1A':
      case U'\uFF1F':
      case U'\uFF01':
        wide_stop(i, len, *std::find_if(kStops.begin(), kStops.end(), [&](const StopMark& m) {
                    return m.wide == cp;
                  }));
        i += len;
        continue;
      case U'\u3002':  // 。
        if (std::size_t k = run_of(i, "。"); k >= 3 && k <= 6) {
          i = ellipsis_run(i, "。", 3, 6, 0, true);
          continue;
        }
        wide_stop(i, len, kStops[5]);
        i += len;
        continue;
      case U'\uFF08':  // （
        token(parens_, i, len, 'O');
        i += len;
        continue;
      case U'\uFF09':  // ）
        token(parens_, i, len, 'C');
        i += len;
        continue;
      case U'\u201C':  // “
        token(doubles_, i, len, 'O');
        i += len;
        continue;
      case U'\u201D':  // ”
        token(doubles_, i, len, 'C');
        i += len;
        continue;
      case U'\u2018':  // ‘
        token(singles_, i, len, 'O');
        i += len;
        continue;
      case U'\u2019': {  // ’, unless an apostrophe (The Exchange’s)
        if (!(before(i).alnum() && at(i + len).letter())) token(singles_, i, len, 'C');
        i += len;
        continue;
      }
      case U'\u2026':                              // …
        i = ellipsis_run(i, "…", 1, 3, 2, false);  // 4 (…………) is GB/T's long omission
        continue;
      case U'\u22EF':  // ⋯
        i = ellipsis_run(i, "⋯", 1, 2, 0, false);
        continue;
      case U'\u2014':  // —
        if (run_of(i, "—") == 2) {
          std::size_t end = i + 2 * len;
          if (prev(i).wide() || next(end).wide()) strip(i, end);
          i = end;
          continue;
        }
        i = dash_run(i, "—", 1, 4, true);
        continue;
      case U'\u2015':  // ―
        i = dash_run(i, "―", 1, 4, false);
        continue;
      case U'\uFF0D':  // －
        i = dash_run(i, "－", 2, 2, false);
        continue;
      case U'\u2500':  // ─
      case U'\u2501':  // ━
        i = dash_run(i, cp == U'\u2500' ? "─" : "━", 2, 2, false);
        continue;
      case U'\uFF5E':  // ～
        tilde(i, true);
        break;
      case U'\u3001':  // 、
      case U'\u300A':
      case U'\u300B':  // 《》
      case U'\u3008':
      case U'\u3009':  // 〈〉
      case U'\u300C':
      case U'\u300D':  // 「」
      case U'\u300E':
      case U'\u300F':  // 『』
      case U'\u3010':
      case U'\u3011':  // 【】
      case U'\u3014':
      case U'\u3015':  // 〔〕
        strip(i, i + len);
        break;
      default:
        if ((bits & kIdeograph) && o_.spacing == PunctOptions::Spacing::kAdd) spacing_at(i, true);
        if (bits & kLetter) ++letters_;
        break;
    }
    if (bits & kWide) {
      ++wide_;
      last_wide_ = i;
    }
    i += len;
  }
  resolve_parens();
  if (on(PunctRule::kQuote)) {
    resolve_quotes(doubles_, false);
    resolve_quotes(singles_, true);
  }
}

void Scanner::resolve_parens() {
  std::vector<std::size_t> stack;
  auto unmatched = [&](const Token& tk) {
    if (tk.len != 1 || tk.frozen || !on(PunctRule::kParen)) return;
    // "規則。 )我": the space before it goes too, so look past spaces as a second run would.
    if (tk.kind == 'O' && next_settled(tk.pos + 1).wide()) {
      add(tk.pos, tk.pos + 1, "（", PunctRule::kParen);
    }
    if (tk.kind == 'C' && prev_settled(tk.pos).wide()) {
      add(tk.pos, tk.pos + 1, "）", PunctRule::kParen);
    }
  };
  for (std::size_t k = 0; k < parens_.size(); ++k) {
    const Token& tk = parens_[k];
    if (tk.kind == 'O') {
      stack.push_back(k);
      continue;
    }
    if (stack.empty()) {
      unmatched(tk);
      continue;
    }
    const Token& op = parens_[stack.back()];
    stack.pop_back();
    if (op.frozen) continue;
    std::size_t close_end = tk.pos + tk.len;
    bool content_wide = tk.wide_before > op.wide_before;
    Neighbour l = prev_settled(op.pos), r = next_settled(close_end);
    Neighbour l_imm = before(op.pos);
    // Outside context first: "Remove (铁蕾) from" is Latin, "调用foo(x)" is code.
    bool latin_outside = (l.alnum() || l.edge) && (r.alnum() || r.edge) && !(l.edge && r.edge);
    bool chinese = !latin_outside && (content_wide || ((l.wide() || r.wide()) && !l_imm.alnum()));
    // Latin only with Latin words outside: a lone "（www.cninfo.com.cn）" in a table cell of a
    // Chinese report stays as written.
    bool latin = !chinese && tk.letters_before > op.letters_before && !l.wide() && !r.wide() &&
                 (l.alnum() || r.alnum() || (!l.edge && l.cp < 0x80) || (!r.edge && r.cp < 0x80));
    if (chinese && on(PunctRule::kParen)) {
      if (op.len == 1) add(op.pos, op.pos + 1, "（", PunctRule::kParen);
      if (tk.len == 1) add(tk.pos, tk.pos + 1, "）", PunctRule::kParen);
      strip(op.pos, op.pos + op.len);
      strip(tk.pos, close_end, true, !name_follows(close_end));
    } else if (chinese) {
      if (op.len != 1) strip(op.pos, op.pos + op.len);
      if (tk.len != 1) strip(tk.pos, close_end);
    } else if (latin && on(PunctRule::kHalfwidth)) {
      if (op.len != 1)
        add(op.pos, op.pos + op.len, l_imm.alnum() ? " (" : "(", PunctRule::kHalfwidth);
      if (tk.len != 1)
        add(tk.pos, close_end, at(close_end).alnum() ? ") " : ")", PunctRule::kHalfwidth);
    }
  }
  for (std::size_t k : stack) unmatched(parens_[k]);
}

void Scanner::resolve_quotes(std::vector<Token>& list, bool single) {
  if (list.empty()) return;
  // For each straight quote: how many straight quotes follow before the next curly closer
  // (itself included). Inside “…”, an odd count means this one closes the curly opener
  // (“abc"), an even count that it opens a nested pair (“a"b"c”).
  std::vector<std::size_t> run(list.size());
  std::size_t count = 0;
  for (std::size_t k = list.size(); k-- > 0;) {
    if (list[k].kind == 'C') count = 0;
    if (list[k].kind == 'S') ++count;
    run[k] = count;
  }
  struct Open {
    std::size_t token;
    std::size_t depth;
  };
  struct Pair {
    std::size_t open, close, depth;
  };
  std::vector<Open> stack;
  std::vector<Pair> pairs;
  bool stray_close = false;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const Token& tk = list[k];
    if (tk.kind == 'O') {
      stack.push_back({k, stack.size()});
    } else if (tk.kind == 'C') {
      if (stack.empty()) {
        stray_close = true;
      } else {
        pairs.push_back({stack.back().token, k, stack.back().depth});
        stack.pop_back();
      }
    } else if (!stack.empty() && (list[stack.back().token].kind == 'S' || run[k] % 2 == 1)) {
      pairs.push_back({stack.back().token, k, stack.back().depth});
      stack.pop_back();
    } else {
      stack.push_back({k, stack.size()});
    }
  }
  // Unpaired quotes: one missing quote shifts every pairing after it, so when the quotes of the
  // text do not pair up, nothing is converted or restyled, and the straight quotes in Chinese
  // context are reported.
  if (!stack.empty() || stray_close) {
    for (const Token& tk : list) {
      if (tk.kind == 'S' && unpaired_ && (prev(tk.pos).wide() || next(tk.pos + 1).wide())) {
        unpaired_->push_back({tk.pos, t_[tk.pos]});
      }
    }
    return;
  }
  bool corner = o_.quotes == PunctOptions::Quotes::kCorner;
  for (const Pair& pr : pairs) {
    const Token& op = list[pr.open];
    const Token& cl = list[pr.close];
    std::size_t close_end = cl.pos + cl.len;
    Neighbour l = prev_settled(op.pos), r = next_settled(close_end);
    bool latin_outside = (l.alnum() || l.edge) && (r.alnum() || r.edge) && !(l.edge && r.edge);
    bool chinese = !latin_outside && (cl.wide_before > op.wide_before || l.wide() || r.wide());
    if (!chinese) continue;
    bool inner = single || pr.depth % 2 == 1;
    std::string_view want_open = inner ? (corner ? "『" : "‘") : (corner ? "「" : "“");
    std::string_view want_close = inner ? (corner ? "』" : "’") : (corner ? "」" : "”");
    add(op.pos, op.pos + op.len, want_open, PunctRule::kQuote);
    add(cl.pos, close_end, want_close, PunctRule::kQuote);
    strip(op.pos, op.pos + op.len, l.wide(), true);
    strip(cl.pos, close_end, true, r.wide());
  }
}

// Sorts the replacements and resolves overlaps. Only removals of blanks can overlap (two marks
// both claiming the blanks between them); anything else that overlaps is dropped.
void settle(std::vector<Replacement>& reps) {
  std::sort(reps.begin(), reps.end(), [](const Replacement& a, const Replacement& b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
  });
  std::size_t out = 0;
  std::size_t last_end = 0;
  for (std::size_t k = 0; k < reps.size(); ++k) {
    Replacement& r = reps[k];
    if (r.begin < last_end) {
      if (!r.text.empty()) continue;
      r.begin = last_end;
      if (r.begin >= r.end) continue;
    }
    last_end = std::max(last_end, r.end);
    if (out != k) reps[out] = std::move(r);
    ++out;
  }
  reps.resize(out);
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
  std::vector<Replacement> reps;
  Scanner(text, options, reps, unpaired).run();
  settle(reps);
  return reps;
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
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& block = doc.blocks[i];
    if (is_furniture(block.kind) || block.text.empty()) continue;
    unpaired.clear();
    std::vector<Replacement> reps = scan(block.text, options, &unpaired);
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
    doc.rewrite(i, std::move(reps), "punct");
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
