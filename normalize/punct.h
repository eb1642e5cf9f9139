// punct: punctuation normalization in context, per GB/T 15834-2011《标点符号用法》.
#ifndef HANTIDY_NORMALIZE_PUNCT_H_
#define HANTIDY_NORMALIZE_PUNCT_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/filter.h"

namespace hantidy {

/// The rules of the punct filter. Each change is recorded under its rule's name, and each rule
/// can be switched off with `punct(skip=NAME+NAME)`.
enum class PunctRule : std::uint8_t {
  kComma,          ///< , → ， in Chinese context
  kSemicolon,      ///< ; → ；
  kColon,          ///< : → ：
  kQuestion,       ///< ? → ？
  kExclamation,    ///< ! → ！
  kPeriod,         ///< . ending a Chinese sentence → 。
  kParen,          ///< ( ) → （ ） around or beside Chinese
  kQuote,          ///< "…" '…' → “…” ‘…’ (or 「」『』), nesting fixed
  kEllipsis,       ///< ... 。。。 … ⋯ → ……
  kDash,           ///< -- — ― －－ ━━ → ——
  kTilde,          ///< ~ in a numeric range → ～
  kSpace,          ///< spaces around full-width marks removed
  kHalfwidth,      ///< full-width marks in Latin context → ASCII
  kCjkLatinSpace,  ///< spacing=add/remove between ideographs and Latin letters/digits
  kCount,
};

/// The name used in change records and in skip= ("comma", "cjk-latin-space", ...).
std::string_view punct_rule_name(PunctRule rule);

struct PunctOptions {
  enum class Quotes { kCurly, kCorner };
  enum class Spacing { kKeep, kAdd, kRemove };
  /// “”‘’ (GB/T 15834 horizontal Simplified) or 「」『』 (Taiwan/Hong Kong, vertical).
  Quotes quotes = Quotes::kCurly;
  /// quotes= was not given: corner when the document's language (Document::meta "lang") is
  /// Traditional Chinese for Taiwan or Hong Kong (zh-Hant, zh-TW, zh-HK, ...), curly otherwise.
  bool quotes_auto = true;
  /// Between ideographs and Latin letters/digits. GB/T 15834 says nothing about it, and both
  /// habits exist, so the default leaves the text as it is.
  Spacing spacing = Spacing::kKeep;
  std::uint32_t skip = 0;  ///< bit (1 << PunctRule) set = rule off

  bool enabled(PunctRule rule) const { return !(skip & (1u << static_cast<unsigned>(rule))); }
};

/// A straight quote the filter could not pair, left as it was (pairing it would be a guess).
struct UnpairedQuote {
  std::size_t pos = 0;  ///< byte offset in the scanned text
  char quote = '"';
};

/// Decides each mark from its neighbours (ideographs and full-width marks make Chinese context,
/// Latin letters and digits Latin context), pairs brackets and quotes before converting them,
/// and never touches URLs, e-mail addresses, `code`, numbers (3.5, 1,000, 10:30), list numbers
/// (1.), abbreviations or emoticons. One linear pass over the UTF-8 text per block.
class PunctFilter : public Filter {
 public:
  explicit PunctFilter(PunctOptions options) : options_(options) {}
  void apply(Document& doc, Diagnostics& diag) const override;

  /// The replacements for one text (sorted, non-overlapping), and its unpaired quotes. Public so
  /// tests and benchmarks can run the rules on a string without a Document.
  std::vector<Replacement> scan(std::string_view text,
                                std::vector<UnpairedQuote>* unpaired = nullptr) const {
    return scan(text, options_, unpaired);
  }
  static std::vector<Replacement> scan(std::string_view text, const PunctOptions& options,
                                       std::vector<UnpairedQuote>* unpaired);
  const PunctOptions& options() const { return options_; }

 private:
  PunctOptions options_;
};

/// Options: quotes=curly|corner, spacing=keep|add|remove, skip=RULE+RULE.
std::unique_ptr<Filter> make_punct_filter(const FilterArgs& args);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_PUNCT_H_
