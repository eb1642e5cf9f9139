#include "normalize/han_words.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <unordered_map>

#include "core/error.h"
#include "normalize/utf8.h"

namespace hantidy {
namespace {

// ICU's Chinese word break iterator, one per thread: building one costs more than all the
// lookups of a typical document, and the filters serve many documents and threads.
icu::BreakIterator& word_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> words;
  if (!words) {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status)) {
      words.reset();
      throw Error(ErrorKind::kInternal, "ICU word break data missing");
    }
  }
  return *words;
}

// The ICU release whose CjkBreakEngine the segmentation below was written from and checked
// against (han_words_test compares the two on real and random text). Another release may
// segment differently: it gets ICU's own answers until the test has been run on it.
constexpr std::uint8_t kCheckedIcuMajor = 72;

// ICU's dictionary data (dictionarydata.h): int32 indexes, then the trie they point at.
constexpr int kIndexTrieOffset = 0;  // IX_STRING_TRIE_OFFSET, in bytes
constexpr int kIndexTrieType = 4;    // IX_TRIE_TYPE
constexpr int kIndexCount = 8;       // IX_COUNT
constexpr std::int32_t kTrieTypeMask = 7;
constexpr std::int32_t kUCharsTrie = 1;
constexpr std::int32_t kTrieHasValues = 8;

UBool is_dictionary_data(void*, const char*, const char*, const UDataInfo* info) {
  return info->size >= sizeof(UDataInfo) && info->isBigEndian == U_IS_BIG_ENDIAN &&
         info->charsetFamily == U_CHARSET_FAMILY && info->dataFormat[0] == 'D' &&
         info->dataFormat[1] == 'i' && info->dataFormat[2] == 'c' && info->dataFormat[3] == 't' &&
         info->formatVersion[0] == 1;
}

// The word trie of the dictionary ICU's break iterator uses for Han (brkitr/cjdict.dict): word
// to cost, a UChars trie. Opened once; the data is closed when the process ends (so that leak
// checkers see it released), after every thread that read it has been joined.
class CjkDictionary {
 public:
  CjkDictionary() {
    UVersionInfo version;
    u_getVersion(version);
    if (version[0] != kCheckedIcuMajor) return;
    UErrorCode status = U_ZERO_ERROR;
    data_ = udata_openChoice(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict",
                             is_dictionary_data, nullptr, &status);
    if (U_FAILURE(status)) {
      data_ = nullptr;
      return;
    }
    const auto* indexes = static_cast<const std::int32_t*>(udata_getMemory(data_));
    std::int32_t type = indexes[kIndexTrieType];
    if ((type & kTrieTypeMask) != kUCharsTrie || (type & kTrieHasValues) == 0 ||
        indexes[kIndexTrieOffset] < kIndexCount * 4) {
      return;  // not the kind of data this replica reads: ICU answers
    }
    trie_ = reinterpret_cast<const char16_t*>(reinterpret_cast<const char*>(indexes) +
                                              indexes[kIndexTrieOffset]);
  }
  ~CjkDictionary() {
    if (data_ != nullptr) udata_close(data_);
  }
  CjkDictionary(const CjkDictionary&) = delete;
  CjkDictionary& operator=(const CjkDictionary&) = delete;

  /// Null if this ICU is not the checked release or its data is not that kind.
  const char16_t* trie() const { return trie_; }

 private:
  UDataMemory* data_ = nullptr;
  const char16_t* trie_ = nullptr;
};

const char16_t* cjk_dictionary() {
  static const CjkDictionary dictionary;
  return dictionary.trie();
}

const icu::Normalizer2* nfkc_instance() {
  static const icu::Normalizer2* const nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? instance : nullptr;
  }();
  return nfkc;
}

// Whether CjkBreakEngine sees `c` as it stands: a Han character (its word set is [:Han:] with
// kana, and the break rules keep a run of them together for it) that NFKC leaves alone, so that
// ICU neither normalizes the window nor maps positions back. Kana and Hangul (their own cost
// rules) and everything else are left to ICU.
bool segmented_as_is(char32_t c, const icu::Normalizer2& nfkc) {
  // Most of them: the unified ideographs are all Han and left alone by NFKC (han_words_test
  // checks).
  if (is_unified_ideograph(c)) return true;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN && U_SUCCESS(status) &&
         nfkc.isInert(static_cast<UChar32>(c));
}

// More distinct characters than a Chinese text uses: first_step's memory stays under 1 MB.
constexpr std::size_t kMaxKnownFirstSteps = 1 << 14;

// CjkBreakEngine's cost of a one-character word the dictionary does not have (its maxSnlp):
// more than any dictionary word costs (ICU 72's go up to 251), so that it is the last resort.
constexpr std::uint32_t kUnknownCharacterCost = 255;
constexpr std::uint32_t kUnreached = 0xFFFFFFFF;
// ICU looks for words of up to 20 UTF-16 units; a window is shorter.
static_assert(2 * kMaxHanWindow < 20);

// words.first(c), remembered per thread for each `c`: the first step searches the trie's root,
// which branches to every first character (a few hundred Ir); a later step has a few to try.
UStringTrieResult first_step(icu::UCharsTrie& words, int32_t c) {
  struct Step {
    icu::UCharsTrie::State after;
    UStringTrieResult found = USTRINGTRIE_NO_MATCH;
  };
  thread_local std::unordered_map<int32_t, Step> known;
  auto it = known.find(c);
  if (it == known.end()) {
    if (known.size() >= kMaxKnownFirstSteps) known.clear();  // bounded memory
    it = known.emplace(c, Step{}).first;
    it->second.found = words.first(c);
    words.saveState(it->second.after);
    return it->second.found;
  }
  words.resetToState(it->second.after);
  return it->second.found;
}

// The words of the least costly segmentation of `points` as CjkBreakEngine finds it: starts[i]
// is where the word that ends before points[i] begins (starts[size] for the last word).
// Dynamic programming from left to right; a cost is replaced only by a smaller one, so among
// equal costs the word from the earliest start wins, as in ICU.
std::array<std::uint8_t, kMaxHanWindow + 1> best_word_starts(std::span<const char32_t> points,
                                                             const char16_t* dictionary) {
  std::array<std::uint32_t, kMaxHanWindow + 1> cost;
  cost.fill(kUnreached);
  cost[0] = 0;
  std::array<std::uint8_t, kMaxHanWindow + 1> starts{};
  auto relax = [&](std::size_t from, std::size_t to, std::uint32_t word_cost) {
    if (cost[from] + word_cost < cost[to]) {
      cost[to] = cost[from] + word_cost;
      starts[to] = static_cast<std::uint8_t>(from);
    }
  };
  icu::UCharsTrie words(dictionary);
  for (std::size_t from = 0; from < points.size(); ++from) {
    if (cost[from] == kUnreached) continue;
    bool known_single = false;
    // Every dictionary word that starts here. ICU passes the trie whole code points (which
    // never match its UTF-16 units beyond the BMP) and stops at 20 UTF-16 units, more than
    // kMaxHanWindow code points can be.
    for (std::size_t end = from; end < points.size(); ++end) {
      auto c = static_cast<int32_t>(points[end]);
      UStringTrieResult found = end == from ? first_step(words, c) : words.next(c);
      if (USTRINGTRIE_HAS_VALUE(found)) {
        relax(from, end + 1, static_cast<std::uint32_t>(words.getValue()));
        known_single = known_single || end == from;
      }
      if (!USTRINGTRIE_HAS_NEXT(found)) break;
    }
    if (!known_single) relax(from, from + 1, kUnknownCharacterCost);
  }
  return starts;
}

}  // namespace

bool icu_inside_word(std::span<const char32_t> points, std::size_t split) {
  // Only the first kMaxHanWindow code points fit: the callers' windows are never longer.
  points = points.first(std::min(points.size(), kMaxHanWindow));
  std::array<UChar, 2 * kMaxHanWindow> units{};
  int32_t length = 0, break_at = 0;
  for (std::size_t k = 0; k < points.size(); ++k) {
    if (k == split) break_at = length;
    U16_APPEND_UNSAFE(units.data(), length, static_cast<UChar32>(points[k]));
  }
  if (split >= points.size()) break_at = length;
  const icu::UnicodeString joined(false, units.data(), length);  // read-only alias
  icu::BreakIterator& words = word_iterator();
  words.setText(joined);
  return !words.isBoundary(break_at);
}

std::optional<bool> dictionary_inside_word(std::span<const char32_t> points, std::size_t split) {
  const char16_t* dictionary = cjk_dictionary();
  if (dictionary == nullptr || points.size() > kMaxHanWindow) return std::nullopt;
  const icu::Normalizer2* nfkc = nfkc_instance();
  if (nfkc == nullptr) return std::nullopt;
  for (char32_t c : points) {
    if (!segmented_as_is(c, *nfkc)) return std::nullopt;
  }
  // The whole window is one dictionary run, so its word boundaries are exactly the word ends
  // of its best segmentation, followed back from the end.
  std::array<std::uint8_t, kMaxHanWindow + 1> starts = best_word_starts(points, dictionary);
  std::size_t end = points.size();
  while (end > split) end = starts[end];
  return end != split;
}

}  // namespace hantidy
