// Runs the test pairs of AutoCorrect, zhlint and pangu.js (../shared/corpora/peer-*) through
// punct and requires agreement on the rules hantidy shares with each peer.
//
// Scope, decided per pair before running anything (see tests/punct-peer-disagreements.md):
// - the pair tests a rule hantidy also has: for each peer the rules it lacks (pangu has no
//   punctuation conversion, AutoCorrect no ; ( ) quotes ellipsis dash, zhlint keeps ( ) ASCII
//   by design) are switched off with punct(skip=...), since the peer's expected output there
//   only shows the rule's absence;
// - plain text: pairs with Markdown/HTML markup (`code`, **, [x](y), <tag>, {#id}, | tables)
//   are the reader's business, not punct's;
// - the difference between input and expected consists only of characters punct handles
//   (,.;:?!()"'~- and their full-width forms, quotes, … — ～) and of spaces punct handles (between
//   an ideograph and a Latin letter or digit, next to a full-width mark, after a mark turned
//   ASCII). AutoCorrect's and pangu's spaces around - + / # % @ are their own style.
// Set HANTIDY_PEER_REPORT=1 to print every disagreement.
#include <unicode/uchar.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "normalize/cjk_class.h"
#include "normalize/punct.h"
#include "normalize/utf8.h"
#include "support.h"

namespace hantidy {
namespace {

std::u32string to32(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out += next_code_point(s, i);
  return out;
}

// The characters the enabled rules of `options` act on.
std::u32string rule_chars(const PunctOptions& o) {
  static constexpr std::pair<PunctRule, std::string_view> kChars[] = {
      {PunctRule::kComma, ",，"},       {PunctRule::kSemicolon, ";；"},
      {PunctRule::kColon, ":："},       {PunctRule::kQuestion, "?？"},
      {PunctRule::kExclamation, "!！"}, {PunctRule::kPeriod, ".。"},
      {PunctRule::kParen, "()（）"},    {PunctRule::kQuote, "\"'“”‘’「」『』"},
      {PunctRule::kEllipsis, ".。…⋯"},  {PunctRule::kDash, "-—―－─━"},
      {PunctRule::kTilde, "~～"},       {PunctRule::kHalfwidth, ",;:?!.()~，；：？！。（）～"}};
  std::u32string set;
  for (const auto& [rule, chars] : kChars) {
    if (o.enabled(rule)) set += to32(chars);
  }
  return set;
}

bool ideograph(char32_t c) { return char_bits(c) & kIdeograph; }
bool ascii_alnum(char32_t c) { return c < 0x80 && (char_bits(c) & (kLetter | kDigit)); }
bool wide_mark(char32_t c) { return (char_bits(c) & kWide) && u_ispunct(static_cast<UChar32>(c)); }

// Whether a space at s[k] that one side adds or removes is one punct handles: between an
// ideograph and a Latin letter or digit (spacing=), next to a full-width mark (space), or after
// a mark that itself changed (halfwidth: "and，Join" → "and, Join").
bool space_in_scope(const std::u32string& s, const std::vector<bool>& kept, std::size_t k,
                    bool spacing) {
  char32_t l = k > 0 ? s[k - 1] : 0, r = k + 1 < s.size() ? s[k + 1] : 0;
  if (spacing && ((ideograph(l) && ascii_alnum(r)) || (ascii_alnum(l) && ideograph(r)))) {
    return true;
  }
  if (wide_mark(l) || wide_mark(r)) return true;
  return k > 0 && !kept[k - 1] && ascii_alnum(r);
}

// LCS alignment of the two texts; every character outside it must be one punct's enabled rules
// act on.
bool change_in_scope(const std::string& input, const std::string& expected,
                     const PunctOptions& options) {
  std::u32string a = to32(input), b = to32(expected);
  if (a == b) return true;
  std::size_t n = a.size(), m = b.size();
  if (n * m > 4'000'000) return false;
  std::vector<std::uint16_t> dp((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& { return dp[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::vector<bool> a_kept(n, false), b_kept(m, false);
  for (std::size_t i = 0, j = 0; i < n && j < m;) {
    if (a[i] == b[j]) {
      a_kept[i++] = true;
      b_kept[j++] = true;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
  std::u32string chars = rule_chars(options);
  bool spacing = options.spacing != PunctOptions::Spacing::kKeep;
  bool space_rule = options.enabled(PunctRule::kSpace);
  auto ok = [&](const std::u32string& s, const std::vector<bool>& kept) {
    for (std::size_t k = 0; k < s.size(); ++k) {
      if (kept[k]) continue;
      if (s[k] == U' ') {
        if (!space_in_scope(s, kept, k, spacing)) return false;
        if (!spacing && !space_rule) return false;
      } else if (chars.find(s[k]) == std::u32string::npos) {
        return false;
      }
    }
    return true;
  };
  return ok(a, a_kept) && ok(b, b_kept);
}

bool has_markup(const std::string& s) {
  for (std::string_view m :
       {"`", "**", "](", "{#", "|", "<code", "<a ", "</", "<br", "${", "{{", "{%", "---\n"}) {
    if (s.find(m) != std::string::npos) return true;
  }
  return false;
}

struct Case {
  std::string peer, test, input, expected;
  std::map<std::string, std::string, std::less<>> args;  // punct options
};

constexpr const char* kAllButSpacing =
    "comma+semicolon+colon+question+exclamation+period+paren+quote+ellipsis+dash+tilde+space+"
    "halfwidth";

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  auto lines = [](const std::string& path) {
    std::vector<nlohmann::json> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    }
    return out;
  };
  for (const auto& j :
       lines(test::shared_path("corpora/peer-autocorrect/extracted/rust_unit_test_pairs.jsonl"))) {
    std::string source = j["source"];
    Case c{"autocorrect", source + ":" + std::string(j["test"]), j["input"], j["expected"], {}};
    if (source.ends_with("fullwidth.rs")) {
      c.args["skip"] = "semicolon+paren+quote+ellipsis+dash+tilde+halfwidth+cjk-latin-space";
    } else if (source.ends_with("halfwidth.rs")) {
      c.args["skip"] =
          "comma+semicolon+colon+question+exclamation+period+paren+quote+ellipsis+dash+tilde+"
          "space+cjk-latin-space";
    } else {
      c.args["skip"] = "semicolon+paren+quote+ellipsis+dash+tilde";
      c.args["spacing"] = "add";
    }
    cases.push_back(std::move(c));
  }
  for (const auto& j :
       lines(test::shared_path("corpora/peer-pangu/extracted/spacing_pairs.jsonl"))) {
    if (j.value("skipped", false)) continue;
    cases.push_back({"pangu",
                     j["test"],
                     j["input"],
                     j["expected"],
                     {{"skip", kAllButSpacing}, {"spacing", "add"}}});
  }
  for (const auto& j : lines(test::shared_path("corpora/peer-zhlint/extracted/test_pairs.jsonl"))) {
    if (j["fn"] != "getOutput" || j.value("skipped", false)) continue;
    std::string options = j["options_def"].is_string() ? std::string(j["options_def"]) : "";
    Case c{"zhlint", j["test"], j["input"], j["expected"], {}};
    // zhlint keeps ( ) half-width by design (halfwidthPunctuation: "()"); no ellipsis/dash rules.
    c.args["skip"] = "paren+ellipsis+dash+tilde";
    if (!options.empty()) {
      bool width = options.find("Punctuation") != std::string::npos;
      bool mixed = options.find("spaceBetweenMixedwidthContent") != std::string::npos;
      // Rules zhlint tests one at a time (space before a stop only, ...) do not match a rule of
      // punct, which removes spaces on both sides of a full-width mark at once.
      bool other = options.find("noSpace") != std::string::npos ||
                   options.find("spaceAfter") != std::string::npos ||
                   options.find("spaceOutside") != std::string::npos ||
                   options.find("spaceInside") != std::string::npos ||
                   options.find("trimSpace") != std::string::npos ||
                   options.find("spaceBetweenHalfwidth") != std::string::npos ||
                   options.find("skip") != std::string::npos;
      if (other || (!width && !mixed)) continue;
      if (options.find("traditional") != std::string::npos) c.args["quotes"] = "corner";
      if (mixed) {
        c.args["skip"] = kAllButSpacing;
        c.args["spacing"] = options.find("Content: true") != std::string::npos ? "add" : "remove";
      }
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

TEST_CASE("punct agrees with AutoCorrect, zhlint and pangu on the rules it shares with them",
          "[punct][peer]") {
  if (!test::have_shared()) {
    WARN("../shared is missing: peer suites not run");
    return;
  }
  bool report = std::getenv("HANTIDY_PEER_REPORT") != nullptr;
  std::map<std::string, std::pair<std::size_t, std::size_t>> per_peer;  // agreed, in scope
  std::size_t agreed = 0, in_scope = 0, total = 0, markup = 0, other_rules = 0;
  for (const Case& c : load_cases()) {
    ++total;
    auto filter = make_punct_filter(FilterArgs("punct", c.args));
    const auto& punct = dynamic_cast<const PunctFilter&>(*filter);
    if (has_markup(c.input)) {
      ++markup;
      continue;
    }
    if (!change_in_scope(c.input, c.expected, punct.options())) {
      ++other_rules;
      continue;
    }
    std::string out = c.input;
    apply_replacements(out, punct.scan(c.input));
    bool same = out == c.expected;
    ++in_scope;
    agreed += same;
    per_peer[c.peer].first += same;
    per_peer[c.peer].second += 1;
    if (!same && report) {
      std::cout << c.peer << " | " << c.test << " | " << c.input << " | " << c.expected << " | "
                << out << '\n';
    }
  }
  for (const auto& [peer, counts] : per_peer) {
    INFO(peer << ": " << counts.first << "/" << counts.second);
    CHECK(counts.second > 0);
    if (report) std::cout << peer << ": " << counts.first << "/" << counts.second << '\n';
  }
  INFO("agreed " << agreed << " of " << in_scope << " in scope (" << total << " pairs)");
  if (report) {
    std::cout << "agreed " << agreed << "/" << in_scope << " of " << total << " (markup " << markup
              << ", changes by rules punct lacks " << other_rules << ")\n";
  }
  REQUIRE(in_scope >= 300);
  REQUIRE(agreed * 100 >= in_scope * 95);
}

}  // namespace
}  // namespace hantidy
