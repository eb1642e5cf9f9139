#include "normalize/unicode_cleanup.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/error.h"
#include "normalize/bmp_table.h"
#include "normalize/cjk_text.h"
#include "normalize/line_scan.h"
#include "normalize/stop_finder.h"
#include "normalize/unicode_stops.h"
#include "normalize/utf8.h"

namespace hantidy {
namespace {

using unicode_stops::CleanSpecial;
using unicode_stops::NfcSpecial;

constexpr std::string_view kFilter = "unicode";

// Office words that end the role half of a `ROLE NAME` label ("…主任 于鲁明").
constexpr std::array<std::string_view, 22> kOfficeWords = {
    "主任", "书记", "書記", "主席", "局长", "局長", "委员", "委員", "部长", "部長", "厅长",
    "廳長", "市长", "市長", "省长", "省長", "院长", "院長", "司长", "司長", "议员", "議員"};

// The bytes an office word ends with, from kOfficeWords itself: a text that ends in none of them
// ends in no office word, and most spaces between CJK characters follow no office word.
constexpr std::array<bool, 256> kOfficeWordLastBytes = [] {
  std::array<bool, 256> last{};
  for (std::string_view w : kOfficeWords) last[static_cast<unsigned char>(w.back())] = true;
  return last;
}();

// Every office word is two ideographs of three bytes each: six bytes, compared as one number.
constexpr std::size_t kOfficeWordBytes = 6;

constexpr std::uint64_t word_key(std::string_view six_bytes) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < kOfficeWordBytes; ++i) {
    key |= std::uint64_t{static_cast<unsigned char>(six_bytes[i])} << (8 * i);
  }
  return key;
}

static_assert(std::ranges::all_of(kOfficeWords,
                                  [](std::string_view w) { return w.size() == kOfficeWordBytes; }));

// kOfficeWords as numbers: a line ends in an office word when its last six bytes are one of them.
constexpr std::array<std::uint64_t, kOfficeWords.size()> kOfficeWordKeys = [] {
  std::array<std::uint64_t, kOfficeWords.size()> keys{};
  for (std::size_t i = 0; i < kOfficeWords.size(); ++i) keys[i] = word_key(kOfficeWords[i]);
  return keys;
}();

std::string to_utf8(char32_t c) {
  std::string out;
  icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
  return out;
}

// Rule names, interned once: making a Name from text looks the text up.
const Name kCjkSpaceRule("cjk-space");
const Name kControlRule("control");
const Name kZeroWidthRule("zero-width");
const Name kPdfPrivateUseRule("pdf-private-use");
const Name kFullwidthAlnumRule("fullwidth-alnum");
const Name kPdfRadicalDotRule("pdf-radical-dot");

bool is_space(char32_t c) { return c == ' ' || c == 0x3000 || c == 0xA0; }

// Characters a PDF export or OCR leaves that carry nothing: format controls and C0/C1 controls.
bool is_invisible(char32_t c) {
  if (c == '\t' || c == '\n') return false;
  if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return true;
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0xAD;
}

bool is_private_use(char32_t c) { return (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000; }

// Full-width ASCII digits and letters, which fix() makes half-width.
bool is_fullwidth_alnum(char32_t c) {
  return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A);
}

// Ranges whose characters are look-alikes of unified ideographs.
const char* look_alike_rule(char32_t c) {
  if (c >= 0x2F00 && c <= 0x2FDF) return "kangxi-radical";
  if (c >= 0x2E80 && c <= 0x2EFF) return "cjk-radical";
  if ((c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F)) return "compat-ideograph";
  return nullptr;
}

// ICU's NFC facts about the BMP, one byte per code point, computed once (about 1 ms): whether a
// code point has a normalization boundary before it, and whether its NFC quick check is Yes.
// Outside the BMP the answers come from ICU directly. With them, whether clean_characters has
// nothing to do with a BMP code point but to remember it (plain).
class NfcTable {
 public:
  explicit NfcTable(const icu::Normalizer2& nfc) {
    for (UChar32 c = 0; c < 0x10000; ++c) {
      if (c >= 0x4000 && c <= 0x9FFF) {
        // A boundary before each and quick check Yes (unicode_cleanup_test asks ICU about every
        // one), and no rule of fix() touches them: ICU need not be asked about 24,576 of them.
        bits_[c] = kBoundaryBefore | kQuickCheckYes | kPlain;
        continue;
      }
      bits_[c] = compute(c, nfc);
      // The rest of a block whose code points ICU answers alike about (bmp_table.h), and which
      // the tests of compute() below treat alike (private use is all of U+E000–U+F8FF).
      if (const CodePointRange* block = uniform_block_at(static_cast<char32_t>(c))) {
        for (; c < static_cast<UChar32>(block->last); ++c) bits_[c + 1] = bits_[c];
      }
    }
  }
  // A BMP code point clean_characters only remembers as `previous` (see the constructor).
  bool plain(char32_t c) const { return c < 0x10000 && (bits_[c] & kPlain) != 0; }
  bool boundary_before(char32_t c, const icu::Normalizer2& nfc) const {
    return c < 0x10000 ? (bits_[c] & kBoundaryBefore) != 0
                       : nfc.hasBoundaryBefore(static_cast<UChar32>(c));
  }
  // A boundary before it and quick check Yes: a segment of its own that NFC keeps.
  bool stable_alone(char32_t c, const icu::Normalizer2& nfc) const {
    return c < 0x10000 ? (bits_[c] & (kBoundaryBefore | kQuickCheckYes)) ==
                             (kBoundaryBefore | kQuickCheckYes)
                       : boundary_before(c, nfc) && quick_check_yes(c);
  }
  bool quick_check_yes(char32_t c) const {
    return c < 0x10000
               ? (bits_[c] & kQuickCheckYes) != 0
               : u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
  }

 private:
  static constexpr std::uint8_t kBoundaryBefore = 1;
  static constexpr std::uint8_t kQuickCheckYes = 2;
  static constexpr std::uint8_t kPlain = 4;

  std::uint8_t compute(UChar32 c, const icu::Normalizer2& nfc) const {
    std::uint8_t bits =
        (nfc.hasBoundaryBefore(c) ? kBoundaryBefore : 0) |
        (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES ? kQuickCheckYes : 0);
    // Plain: every test clean_characters makes of a code point before it only becomes
    // `previous` says so: NFC keeps it alone, it is not a line break or white space, and no rule
    // of fix() touches it nor does folded_class() change it (so private use, look-alikes, U+F8E7,
    // full-width letters and digits, controls and zero-width characters are never plain).
    char32_t u = static_cast<char32_t>(c);
    bool stable = (bits & (kBoundaryBefore | kQuickCheckYes)) == (kBoundaryBefore | kQuickCheckYes);
    bool plain = stable && u != '\n' && !is_space(u) && !is_invisible(u) && !is_private_use(u) &&
                 look_alike_rule(u) == nullptr && !is_fullwidth_alnum(u);
    return plain ? bits | kPlain : bits;
  }
  std::array<std::uint8_t, 0x10000> bits_;
};

const NfcTable& nfc_table() {
  static const NfcTable table = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error(ErrorKind::kInternal, "ICU normalizer data missing");
    return NfcTable(*nfc);
  }();
  return table;
}

class Cleaner {
 public:
  Cleaner(Document& doc, Diagnostics& diag) : doc_(doc), diag_(diag) {
    UErrorCode status = U_ZERO_ERROR;
    nfc_ = icu::Normalizer2::getNFCInstance(status);
    nfkc_ = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) throw Error(ErrorKind::kInternal, "ICU normalizer data missing");
  }

  void run() {
    // The script guess costs two ICU transliterations per distinct Han character; it only
    // decides how a radical folds, so it runs only for a document that holds one.
    if (has_radical()) simplified_ = guess_simplified();
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
      if (doc_.blocks[i].text.empty()) continue;
      // Cleanup runs on NFC text. Most blocks are NFC already, which the cleanup pass sees for
      // itself (it looks at every code point that is not ASCII or U+4000–U+9FFF): it gives up on
      // the first one that NFC might change, and only then does the block go through NFC first.
      std::optional<bool> doubled = clean_characters(i, /*known_nfc=*/false);
      if (!doubled) {
        normalize_nfc(i);
        doubled = clean_characters(i, /*known_nfc=*/true);
      }
      if (*doubled) report_repeats(i);
    }
    if (private_use_ > 0) {
      diag_.warn(std::string(kFilter), file_name(), pua_line_,
                 std::to_string(private_use_) +
                     " private-use character(s) kept: their meaning depends on the PDF font");
    }
    if (radicals_left_ > 0) {
      diag_.warn(std::string(kFilter), file_name(), 0,
                 std::to_string(radicals_left_) +
                     " CJK radical(s) kept: Unicode has no ideograph mapping for them");
    }
  }

 private:
  std::string file_name() const {
    return doc_.sources.empty() ? std::string() : doc_.sources.front().name;
  }

  std::size_t line_of(std::size_t block, std::size_t pos) {
    const Block& b = doc_.blocks[block];
    if (b.span.source >= doc_.sources.size()) return 0;
    if (!index_ || index_source_ != b.span.source) {
      index_.emplace(doc_.sources[b.span.source].text);
      index_source_ = b.span.source;
    }
    return index_->at(b.source_offset(pos)).line;
  }

  // NFC, one normalization segment at a time so that only what changes is recorded. A segment
  // starts at a code point with an NFC boundary before it and runs to the next such code point.
  // A code point with a boundary before it and NFC quick check Yes is a normalized segment of its
  // own unless code points without a boundary follow it, so ICU is asked only about segments that
  // hold something else (a combining mark, a compatibility ideograph). Skipping the others never
  // changes the outcome: a text is normalized exactly when its segments are.
  void normalize_nfc(std::size_t index) {
    std::string_view text = doc_.blocks[index].text;
    const NfcTable& table = nfc_table();
    std::vector<Replacement>& reps = reps_;
    StopFinder<NfcSpecial> specials(text);
    std::size_t at = 0;
    std::size_t checked = 0;  // end of the last segment handed to ICU: a segment boundary
    while (at < text.size()) {
      // ASCII and U+4000–U+9FFF have a boundary before them and NFC quick check Yes
      // (unicode_cleanup_test checks every one): only bytes of other code points stop the scan.
      std::size_t special = specials.next(at);
      if (special == text.size()) break;
      at = special;
      char32_t c = next_code_point(text, at);
      bool boundary = table.boundary_before(c, *nfc_);
      if (boundary && table.quick_check_yes(c)) continue;
      // Without a boundary, `c` belongs to the segment of the code point before it, which was
      // skipped and so has a boundary before it.
      std::size_t begin = special;
      if (!boundary && special > checked) previous_code_point(text, begin);
      at = begin;
      char32_t first = next_code_point(text, at);
      std::size_t first_end = at;
      while (at < text.size()) {
        std::size_t peek = at;
        char32_t next = next_code_point(text, peek);
        if (table.boundary_before(next, *nfc_)) break;
        at = peek;
      }
      checked = at;
      if (at == first_end && table.quick_check_yes(first)) continue;
      const std::optional<std::string>& normalized = nfc_of(text.substr(begin, at - begin));
      if (!normalized) continue;
      const char* rule = look_alike_rule(first);
      reps.push_back({begin, at, *normalized, rule ? rule : "nfc"});
    }
    if (!reps.empty()) doc_.rewrite_and_clear(index, reps, kFilter);
  }

  // A hash of text that a std::string_view can look up without making a std::string.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };

  // What NFC makes of a normalization segment, or nullopt when NFC keeps it as it is (or ICU
  // fails on it). Each distinct segment is handed to ICU once per thread: the ones that get here
  // are few and come back again and again (a PDF's compatibility ideographs, U+F98E for 年).
  const std::optional<std::string>& nfc_of(std::string_view segment) const {
    using Known =
        std::unordered_map<std::string, std::optional<std::string>, TextHash, std::equal_to<>>;
    thread_local Known known;
    thread_local std::optional<std::string> long_one;  // not kept: a hostile run of marks
    if (segment.size() > kMaxKnownSegmentBytes) return long_one = normalize(segment);
    if (auto it = known.find(segment); it != known.end()) return it->second;
    if (known.size() >= kMaxKnownSegments) known.clear();  // text that is NFD throughout
    return known.emplace(std::string(segment), normalize(segment)).first->second;
  }

  std::optional<std::string> normalize(std::string_view segment) const {
    UErrorCode status = U_ZERO_ERROR;
    if (nfc_->isNormalizedUTF8(segment, status) || U_FAILURE(status)) return std::nullopt;
    std::string normalized;
    icu::StringByteSink<std::string> sink(&normalized);
    status = U_ZERO_ERROR;
    nfc_->normalizeUTF8(0, segment, sink, nullptr, status);
    if (U_FAILURE(status)) return std::nullopt;
    return normalized;
  }

  // Whether any block holds a character of U+2E80–U+2FFF (UTF-8 E2 BA–BF): the radical ranges.
  // Compatibility ideographs need no guess: NFC folds all but the twelve unified ones, which
  // NFKC keeps too. Runs on the text as read, like guess_simplified.
  bool has_radical() const {
    for (const Block& b : doc_.blocks) {
      if (has_radical_bytes(b.text)) return true;
    }
    return false;
  }

  // Whether `text` holds a byte E2 followed by a byte of at least BA. The E2 bytes are found
  // sixteen positions at a time where SSE2 is there, and the byte after each is looked at alone:
  // E2 also leads the curly quotes, dash and ellipsis of every Chinese text, but most sixteen
  // bytes hold none.
  static bool has_radical_bytes(std::string_view text) {
    const char* bytes = text.data();
    std::size_t at = 0;
#if defined(__SSE2__)
    for (; at + 17 <= text.size(); at += 16) {
      __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
      auto leads = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_cmpeq_epi8(here, _mm_set1_epi8(static_cast<char>(0xE2)))));
      for (; leads != 0; leads &= leads - 1) {
        std::size_t lead = at + static_cast<std::size_t>(__builtin_ctz(leads));
        if (static_cast<unsigned char>(bytes[lead + 1]) >= 0xBA) return true;
      }
    }
#endif
    for (; at + 1 < text.size(); ++at) {
      if (bytes[at] == '\xE2' && static_cast<unsigned char>(bytes[at + 1]) >= 0xBA) return true;
    }
    return false;
  }

  // Kangxi radicals are traditional forms (⾧ folds to 長, ⾨ to 門): a PDF of simplified text
  // that shows them meant the simplified character. Decides which script the document is in by
  // counting characters that ICU's Hant-Hans and Hans-Hant transforms change.
  bool guess_simplified() {
    UErrorCode status = U_ZERO_ERROR;
    to_simplified_.reset(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
    std::unique_ptr<icu::Transliterator> to_traditional(
        icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !to_simplified_ || !to_traditional) {
      to_simplified_.reset();
      return false;
    }
    std::unordered_map<char32_t, int> seen;  // +1 simplified-only, -1 traditional-only, 0
    long simplified = 0, traditional = 0;
    std::size_t budget = 2'000'000;  // characters looked at; plenty to tell the script
    for (const Block& b : doc_.blocks) {
      std::string_view text = b.text;
      for (std::size_t at = 0; at < text.size() && budget > 0; --budget) {
        char32_t c = next_code_point(text, at);
        if (c < 0x4E00 || c > 0x9FFF) continue;
        auto [it, fresh] = seen.try_emplace(c, 0);
        if (fresh) {
          icu::UnicodeString one(static_cast<UChar32>(c)), s1 = one, t1 = one;
          to_simplified_->transliterate(s1);
          to_traditional->transliterate(t1);
          it->second = s1 != one ? -1 : t1 != one ? 1 : 0;
        }
        if (it->second > 0) ++simplified;
        if (it->second < 0) ++traditional;
      }
    }
    return simplified > 2 * traditional && simplified >= 3;
  }

  // "⼂要": U+2F02 folds to 丶, a stroke name that never stands inside running text, while PDF
  // fonts give U+2F02 for 主 (the only radical whose fold is not a character of running text).
  // Taken as 主 when Han characters stand on both sides.
  static bool radical_dot_is_zhu(std::string_view text, std::size_t begin, std::size_t after) {
    char32_t prev = 0, next = 0;
    while (begin > 0 && (prev == 0 || is_space(prev))) {
      prev = folded_class(previous_code_point(text, begin));
    }
    while (after < text.size() && (next == 0 || is_space(next))) {
      next = folded_class(next_code_point(text, after));
    }
    bool prev_ok = is_han(prev), next_ok = is_han(next);
    return (prev_ok && (next_ok || cjk_side(next) || next == ',')) ||
           (next_ok && (cjk_side(prev) || prev == 0 || prev == '\n'));
  }

  struct Fix {
    std::string text;
    Name rule;
  };

  // The replacement for one code point, or nullopt to keep it.
  std::optional<Fix> fix(char32_t c, std::string_view text, std::size_t begin, std::size_t after) {
    if (is_invisible(c)) return Fix{"", c < 0x200B && c != 0xAD ? kControlRule : kZeroWidthRule};
    if (const char* rule = look_alike_rule(c)) {
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString folded =
          nfkc_->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
      char32_t unified = U_SUCCESS(status) && folded.countChar32() == 1
                             ? static_cast<char32_t>(folded.char32At(0))
                             : c;
      if (unified == c || !is_han(unified)) {
        ++radicals_left_;
        return std::nullopt;
      }
      if (unified == 0x4E36 && radical_dot_is_zhu(text, begin, after)) {
        return Fix{"主", kPdfRadicalDotRule};
      }
      if (simplified_ && to_simplified_) {
        icu::UnicodeString simple = folded;
        to_simplified_->transliterate(simple);
        if (simple.countChar32() == 1) folded = simple;
      }
      std::string out;
      folded.toUTF8String(out);
      return Fix{out, rule};
    }
    if (c == 0xF8E7) return Fix{"—", kPdfPrivateUseRule};
    if (is_fullwidth_alnum(c)) {
      return Fix{std::string(1, static_cast<char>(c - 0xFEE0)), kFullwidthAlnumRule};
    }
    return std::nullopt;
  }

  // The character as later rules will see it (after fix), for classifying neighbours.
  static char32_t folded_class(char32_t c) {
    if (look_alike_rule(c)) return 0x4E00;
    if (c == 0xF8E7) return U'—';
    return c;
  }

  static bool cjk_side(char32_t c) {
    using namespace cjk_text_detail;
    return (bits(c) & (kCjkLetter | kCjkPunct)) != 0;  // is_cjk_letter(c) || is_cjk_punct(c)
  }

  // Whether white space between `previous` and `next` (as folded_class gives them) is CJK
  // spacing that goes: between CJK characters, or between CJK and punctuation.
  static bool cjk_spacing(char32_t previous, char32_t next) {
    if (cjk_side(previous) && cjk_side(next)) return true;
    return (is_cjk_letter(previous) && next < 0x80 && is_no_line_start(next)) ||
           (is_cjk_punct(previous) && is_cjk_letter(next));
  }

  // Whether the line [line_begin, line_end) is a short title or label whose inner spaces mean
  // something ("披坚执锐 奋楫扬帆", "主任 于鲁明").
  static bool keeps_spaces(std::string_view line) {
    // From the line's bytes, eight at a time, when it is long enough to settle it that way.
    if (line_scan::visible_length(line, 21) > 20) return false;
    const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
    for (std::size_t at = 0; at < line.size();) {
      // An ideograph, most of a title, is no mark of either test below: stepped over undecoded.
      if (line.size() - at >= 3 && is_unified_ideograph(bytes + at)) {
        at += 3;
        continue;
      }
      char32_t c = folded_class(next_code_point(line, at));
      if (is_unified_ideograph(c)) continue;  // a look-alike folds to one
      if (is_terminal(c) || c == U'，' || c == ',') return false;
      if (is_cjk_punct(c) && c != U'、' && c != U'·' && c != U'（' && c != U'）') return false;
    }
    return true;
  }

  // "…主任 于鲁明": the space after an office word before a 2–4 character name ending the line.
  static bool is_role_name_space(std::string_view line, std::size_t space_begin,
                                 std::size_t space_end) {
    std::string_view before = line.substr(0, space_begin);
    if (before.size() < kOfficeWordBytes) return false;
    const std::uint64_t last = word_key(before.substr(before.size() - kOfficeWordBytes));
    if (std::find(kOfficeWordKeys.begin(), kOfficeWordKeys.end(), last) == kOfficeWordKeys.end()) {
      return false;
    }
    std::size_t names = 0;
    std::size_t at = space_end;
    while (at < line.size()) {
      char32_t c = next_code_point(line, at);
      if (is_space(c)) break;
      if (!is_han(c) && c != U'·') return false;
      ++names;
    }
    return names >= 2 && names <= 5;
  }

  // The line of a block that clean_characters is in, with what it knows about it worked out only
  // when a space asks: most lines have no space between CJK characters.
  class Line {
   public:
    explicit Line(std::string_view text) : text_(text) {}
    void start(std::size_t begin) {
      begin_ = begin;
      end_ = std::string_view::npos;
      keeps_ = kUnknown;
    }
    std::string_view text() {
      if (end_ == std::string_view::npos) {
        end_ = text_.find('\n', begin_);
        if (end_ == std::string_view::npos) end_ = text_.size();
      }
      return text_.substr(begin_, end_ - begin_);
    }
    bool keeps_spaces() {
      if (keeps_ == kUnknown) keeps_ = Cleaner::keeps_spaces(text()) ? kYes : kNo;
      return keeps_ == kYes;
    }
    // Whether the white space [begin, end) of the line ends a `ROLE NAME` label. Most spaces
    // follow no office word, which the byte before them tells without the line cut out.
    bool role_name_space(std::size_t begin, std::size_t end) {
      if (begin == begin_ || !kOfficeWordLastBytes[static_cast<unsigned char>(text_[begin - 1])]) {
        return false;
      }
      return Cleaner::is_role_name_space(text(), begin - begin_, end - begin_);
    }

   private:
    enum Keeps { kUnknown, kYes, kNo };
    std::string_view text_;
    std::size_t begin_ = 0;
    std::size_t end_ = std::string_view::npos;
    Keeps keeps_ = kUnknown;
  };

  // The last code point of the run [run, stop) StopFinder skipped: what previous_code_point
  // gives, a well-formed U+4000–U+9FFF decoded directly.
  static char32_t last_code_point(std::string_view text, std::size_t run, std::size_t stop) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    if (byte(stop - 1) < 0x80) return byte(stop - 1);
    if (stop - run >= 3 && byte(stop - 3) >= 0xE4 && byte(stop - 3) <= 0xE9 &&
        (byte(stop - 2) & 0xC0) == 0x80 && (byte(stop - 1) & 0xC0) == 0x80) {
      return (static_cast<char32_t>(byte(stop - 3) & 0x0F) << 12) |
             (static_cast<char32_t>(byte(stop - 2) & 0x3F) << 6) | (byte(stop - 1) & 0x3F);
    }
    return previous_code_point(text, stop);
  }

  struct SpaceRun {
    std::size_t end;  // where the run of white space ends
    char32_t next;    // the code point there (0 at the end of the text)
  };

  // The run of white space (is_space) that goes on at `at`, and what follows it, each code point
  // decoded once. Most runs are ASCII spaces (a PDF's "  \n", a segmented text's spaces between
  // words), stepped over byte by byte.
  static SpaceRun space_run(std::string_view text, std::size_t at) {
    while (at < text.size() && text[at] == ' ') ++at;
    while (at < text.size()) {
      std::size_t after = at;
      char32_t c = next_code_point(text, after);
      if (!is_space(c)) return {at, c};
      at = after;
    }
    return {at, 0};
  }

  // Whether `c` is a mark report_repeats reports when doubled.
  static bool is_repeatable(char32_t c) {
    return c == U'，' || c == U'。' || c == U'、' || c == U'；' || c == U'：' || c == ',' ||
           c == ';';
  }

  // Returns whether the text as rewritten may hold a doubled repeatable mark: true whenever such
  // a mark follows the same mark with only removed characters between (no fix yields one), so
  // report_repeats can skip the block when false. Unless `known_nfc`, returns nullopt, having
  // changed nothing, at the first code point that NFC might change (one without a boundary
  // before it or without NFC quick check Yes): a text without one is NFC.
  std::optional<bool> clean_characters(std::size_t index, bool known_nfc) {
    std::string_view text = doc_.blocks[index].text;
    const NfcTable& nfc = nfc_table();
    const std::size_t private_use = private_use_, pua_line = pua_line_;
    const std::size_t radicals_left = radicals_left_;
    std::vector<Replacement>& reps = reps_;
    Line line(text);
    StopFinder<CleanSpecial> specials(text);
    bool maybe_doubled = false;
    char32_t previous = '\n';  // last kept code point, classified
    std::size_t at = 0;
    while (at < text.size()) {
      // Fast path for what most text is made of and no rule touches: printable ASCII and the
      // 3-byte ideographs U+4000–U+9FFF (lead bytes E4–E9), which only become `previous`.
      std::size_t stop = specials.next(at);
      if (stop == text.size()) break;
      // The run skipped, [run, stop), becomes `previous` only where a test below reads it.
      const std::size_t run = at;
      at = stop;
      std::size_t begin = at;
      char32_t c = next_code_point(text, at);
      if (nfc.plain(c)) {
        // Most stops are punctuation (，。、“”): what the end of the loop does with a kept code
        // point that fix() leaves alone and folded_class() keeps as it is. A run skipped before
        // it ends in ASCII other than ',' and ';', in U+4000–U+9FFF or in a malformed byte: never
        // in a repeatable mark.
        if (run == stop && c == previous && is_repeatable(c)) maybe_doubled = true;
        previous = c;
        continue;
      }
      if (!known_nfc && c >= 0x80 && !nfc.stable_alone(c, *nfc_)) {
        private_use_ = private_use;
        pua_line_ = pua_line;
        radicals_left_ = radicals_left;
        reps.clear();
        return std::nullopt;
      }
      if (c == '\n') {
        line.start(at);
        previous = '\n';
        continue;
      }
      if (run < stop) previous = last_code_point(text, run, stop);
      if (is_space(c)) {
        SpaceRun run = space_run(text, at);
        std::size_t end = run.end;
        at = end;
        if (end >= text.size() || previous == '\n') {
          previous = c;
          continue;
        }
        char32_t next = folded_class(run.next);
        if (cjk_spacing(previous, next) && !line.keeps_spaces() &&
            !line.role_name_space(begin, end)) {
          if (reps.empty()) reps.reserve(kFirstReserve);
          // Filled in place: a Replacement moved in would copy its empty text's buffer.
          Replacement& removal = reps.emplace_back();
          removal.begin = begin;
          removal.end = end;
          removal.rule = kCjkSpaceRule;
          continue;  // `previous` stays the character before the space
        }
        previous = c;
        continue;
      }
      if (is_private_use(c) && c != 0xF8E7) {
        if (private_use_++ == 0) pua_line_ = line_of(index, begin);
      }
      if (auto f = fix(c, text, begin, at)) {
        if (reps.empty()) reps.reserve(kFirstReserve);
        bool removed = f->text.empty();
        reps.push_back({begin, at, std::move(f->text), f->rule});
        if (removed) continue;
      }
      char32_t kept = folded_class(c);
      if (kept == previous && is_repeatable(kept)) maybe_doubled = true;
      previous = kept;
    }
    if (!reps.empty()) doc_.rewrite_and_clear(index, reps, kFilter);
    return maybe_doubled;
  }

  // "，，" or "。。" are OCR doubling more often than style, but not always: report only.
  void report_repeats(std::size_t index) {
    std::string_view text = doc_.blocks[index].text;
    if (reported_ >= kMaxReports || !has_doubled_punct(text)) return;
    char32_t previous = 0;
    std::size_t run = 1;
    for (std::size_t at = 0; at < text.size();) {
      std::size_t begin = at;
      char32_t c = next_code_point(text, at);
      run = (c == previous && is_repeatable(c)) ? run + 1 : 1;
      if (run == 2 && reported_ < kMaxReports) {
        ++reported_;
        diag_.warn(std::string(kFilter), file_name(), line_of(index, begin),
                   "repeated punctuation '" + to_utf8(c) + to_utf8(c) + "' (OCR?); left as is");
      }
      previous = c;
    }
  }

  // Whether `text` holds two identical repeatable marks side by side: a byte search, so that the
  // code point walk below runs only on the rare block that has one.
  static bool has_doubled_punct(std::string_view text) {
    constexpr std::array<std::string_view, 7> kDoubled = {"，，", "。。", "、、", "；；",
                                                          "：：", ",,",   ";;"};
    for (std::string_view d : kDoubled) {
      if (text.find(d) != std::string_view::npos) return true;
    }
    return false;
  }

  static constexpr std::size_t kMaxReports = 50;
  // Bounds on the segments nfc_of remembers: how many, and how long each.
  static constexpr std::size_t kMaxKnownSegments = 4096;
  static constexpr std::size_t kMaxKnownSegmentBytes = 64;
  // Room for the replacements of a block that has any: a block with one has many more as a
  // rule (a PDF's spaces), and growing a vector from one element is a string of reallocations.
  static constexpr std::size_t kFirstReserve = 64;
  Document& doc_;
  Diagnostics& diag_;
  const icu::Normalizer2* nfc_ = nullptr;
  const icu::Normalizer2* nfkc_ = nullptr;
  std::optional<LineIndex> index_;
  std::size_t index_source_ = 0;
  std::size_t private_use_ = 0;
  std::size_t pua_line_ = 0;
  std::size_t radicals_left_ = 0;
  std::size_t reported_ = 0;
  bool simplified_ = false;
  std::unique_ptr<icu::Transliterator> to_simplified_;
  // The replacements of the block being cleaned, empty between blocks: one list for every block
  // of every document the thread cleans (Document::rewrite_and_clear keeps its room). A list per
  // document grew from nothing in each: a record of segmented text has thousands of removals.
  std::vector<Replacement>& reps_ = replacement_list();

  static std::vector<Replacement>& replacement_list() {
    thread_local std::vector<Replacement> reps;
    reps.clear();  // an exception may have left a block's replacements in it
    return reps;
  }
};

}  // namespace

void UnicodeCleanupFilter::apply(Document& doc, Diagnostics& diag) const {
  Cleaner(doc, diag).run();
}

std::unique_ptr<Filter> make_unicode_filter(const FilterArgs& args) {
  args.allow({});
  return std::make_unique<UnicodeCleanupFilter>();
}

}  // namespace hantidy
