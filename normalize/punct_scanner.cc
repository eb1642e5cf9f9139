#include "normalize/punct_scanner.h"

#include "normalize/protected_spans.h"

namespace hantidy::punct_internal {
namespace {

// What the main loop does with an ASCII byte when spacing is not "add": nothing at all, count
// a Latin letter, note a line start, or look at it (a mark some rule is about, a blank when
// spacing is "remove").
enum class AsciiRole : std::uint8_t { kQuiet, kLetter, kNewline, kLook };

constexpr std::array<AsciiRole, 128> make_ascii_roles() {
  std::array<AsciiRole, 128> roles{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) roles[c] = AsciiRole::kLetter;
  }
  // Every byte with a case in Scanner::run's switch but '\n' (which only sets line_start_)
  // and ' ' (which only acts with spacing=remove, see kRemoveRoles).
  for (char c : std::string_view(",;:?!.()\"'-~")) {
    roles[static_cast<unsigned char>(c)] = AsciiRole::kLook;
  }
  roles['\n'] = AsciiRole::kNewline;
  return roles;
}
constexpr std::array<AsciiRole, 128> kAsciiRoles = make_ascii_roles();
constexpr std::array<AsciiRole, 128> kRemoveRoles = [] {
  std::array<AsciiRole, 128> roles = make_ascii_roles();
  roles[' '] = AsciiRole::kLook;
  return roles;
}();

}  // namespace

bool unified_ideograph_bits() {
  static const bool known = [] {
    for (char32_t cp = 0x4E00; cp <= 0x9FFF; ++cp) {
      if (char_bits(cp) != kUnifiedIdeographBits) return false;
    }
    return true;
  }();
  return known;
}

void Scanner::strip_blanks(std::size_t b, std::size_t e, bool left, bool right) {
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

std::size_t Scanner::emoticon(std::size_t i) const {
  auto face = [](char c) { return c == ')' || c == '(' || c == 'D' || c == 'P' || c == 'p'; };
  auto ends = [&](std::size_t at) { return at >= n_ || !is_ascii_alnum(t_[at]); };
  std::size_t k = 0;
  if (i + 1 < n_ && face(t_[i + 1]) && ends(i + 2)) {
    k = 2;
  } else if (i + 2 < n_ && t_[i + 1] == '-' && face(t_[i + 2]) && ends(i + 3)) {
    k = 3;
  }
  // ":(一)", ";(2)": a colon and an opening bracket that is closed on the same line, not a face.
  if (k > 0 && t_[i + k - 1] == '(' && closed_soon(i + k)) return 0;
  return k;
}

// Whether a bracket opened before `pos` closes (")" or "）") before the line ends and before
// another one opens. Looks at most 64 bytes ahead: a bracketed list number is short, and a
// bounded look keeps a line full of ":(" linear.
bool Scanner::closed_soon(std::size_t pos) const {
  for (std::size_t at = pos; at < n_ && at < pos + 64; ++at) {
    std::string_view rest = t_.substr(at);
    if (rest[0] == ')' || rest.starts_with("\xEF\xBC\x89")) return true;  // ）
    if (rest[0] == '(' || rest[0] == '\n' || rest.starts_with("\xEF\xBC\x88")) return false;
  }
  return false;
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
  bool latin = false;
  if (l.alnum() && on(PunctRule::kHalfwidth)) {
    std::size_t after = i + len;
    while (after < n_ && is_blank(t_[after])) ++after;
    Neighbour r = at(after);
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
    chinese_stop(i, len);
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
    begin = last_wide_;
    next_code_point(t_, begin);
  }
  // Only the last stretch: enough to see two words, and the scan stays linear on a long line.
  constexpr std::size_t kLook = 256;
  begin = std::max(begin, end > kLook ? end - kLook : 0);
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
  // spacing=add decides at every ideograph and letter, so it always takes the general path.
  const bool fast = o_.spacing != PunctOptions::Spacing::kAdd && ideograph_bits_known_;
  const std::array<AsciiRole, 128>& ascii_roles =
      o_.spacing == PunctOptions::Spacing::kRemove ? kRemoveRoles : kAsciiRoles;
  // Classing the bytes costs a pass over the text: only the fast path needs it. That pass also
  // tells whether the text may hold a protected span at all (most hold none).
  std::string_view classed = fast ? t_ : std::string_view();
  QuietRuns quiet(classed, o_.spacing != PunctOptions::Spacing::kRemove, kProtectedSpanBytes,
                  lists_.quiet_stops);
  std::vector<std::pair<std::size_t, std::size_t>> prot;
  if (!fast || quiet.saw_watched()) prot = protected_spans(t_);
  std::size_t p = 0;
  // Where protected span p begins, kNone once none is left: the loop's head asks at every step.
  auto span_begin = [&] { return p < prot.size() ? prot[p].first : kNone; };
  std::size_t protected_begin = span_begin();
  std::size_t i = 0;
  while (i < n_) {
    if (i >= protected_begin) {
      if (i < prot[p].second) {
        spacing_at(i, false);
        letters_ += prot[p].second - i;
        i = prot[p].second;
      }
      ++p;
      protected_begin = span_begin();
      continue;
    }
    char c = t_[i];
    if (fast) {
      // Runs no rule acts on, done in bulk: ideographs only count as wide characters (and
      // move last_wide_), digits and (but with spacing=remove) spaces do nothing, ASCII letters
      // only count. Runs stop before the next protected span, which the loop's head must see.
      std::size_t limit = std::min(protected_begin, n_);
      bool after_ideograph = false;
      if (std::size_t end = std::min(quiet.end(i), limit); end > i) {
        after_ideograph = pass_quiet(i, end);
        i = end;
        // What ends the run is not quiet (the loop's next step would find no run there): it is
        // decided here, unless it is a protected span or the text's end, which the head must see.
        if (i >= limit) continue;
        c = t_[i];
      }
      auto u = static_cast<unsigned char>(c);
      // The commonest marks, a full-width stop (，；：？！ EF BC xx, 。 E3 80 82) right after an
      // ideograph, told by their bytes: what the switch below does with them. A 。 before
      // another may start an ellipsis, which the switch decides. (After an ideograph no quiet
      // run ended with, the switch decides the same.)
      if ((u == 0xEF || u == 0xE3) && after_ideograph && i + 3 <= n_) {
        auto b1 = static_cast<unsigned char>(t_[i + 1]), b2 = static_cast<unsigned char>(t_[i + 2]);
        bool stop = u == 0xEF ? b1 == 0xBC && (b2 == 0x8C || b2 == 0x9B || b2 == 0x9A ||
                                               b2 == 0x9F || b2 == 0x81)
                              : b1 == 0x80 && b2 == 0x82 && t_.substr(i + 3, 3) != "。";
        if (stop) {
          chinese_stop(i, 3);
          i += 3;
          continue;
        }
      }
      if (u < 0x80 && ascii_roles[u] != AsciiRole::kLook) {
        std::size_t end = i;
        for (; end < limit; ++end) {
          auto b = static_cast<unsigned char>(t_[end]);
          if (b >= 0x80) break;
          AsciiRole role = ascii_roles[b];
          if (role == AsciiRole::kLook) break;
          letters_ += role == AsciiRole::kLetter;
          if (role == AsciiRole::kNewline) line_start_ = end + 1;
        }
        i = end;
        continue;
      }
    }
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

    std::size_t after = i;
    char32_t cp = next_code_point(t_, after);
    std::size_t len = after - i;
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
        if (i >= 3 && ideograph_at(i - 3)) {
          chinese_stop(i, len);
          i += len;
          continue;
        }
        wide_stop(i, len, *std::find_if(kStops.begin(), kStops.end(), [&](const StopMark& m) {
                    return m.wide == cp;
                  }));
        i += len;
        continue;
      case U'\u3002':  // 。
        if (std::size_t k = run_of(i, "。"); k >= 3 && k <= 6) {
          i = ellipsis_run(i, "。", 3, 6, 0, true);
          continue;
        } else if (k > 6) {
          i += k * len;  // a longer run is leaders (目录。。。。。。。5): it stays, as one
          continue;
        }
        if (i >= 3 && ideograph_at(i - 3)) {
          chinese_stop(i, len);
        } else {
          wide_stop(i, len, kStops[5]);
        }
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
        i = dash_run(i, "—", 1, 3, true);
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

}  // namespace hantidy::punct_internal
