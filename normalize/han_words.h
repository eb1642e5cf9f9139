// Whether a break between two short runs of Han characters falls inside a word, by ICU's Chinese
// word segmentation. ICU's break iterator answers it exactly but spends most of its time around
// the segmentation (break cache, NFKC check, UText and vector set-up); for plain Han ideographs
// the answer is ICU's dictionary segmentation alone, which han_words reruns on ICU's own
// dictionary data.
#ifndef HANTIDY_NORMALIZE_HAN_WORDS_H_
#define HANTIDY_NORMALIZE_HAN_WORDS_H_

#include <cstddef>
#include <optional>
#include <span>

namespace hantidy {

/// The most code points han_words segments: linebreak's windows of four before and four after.
constexpr std::size_t kMaxHanWindow = 8;

/// ICU's answer: the Chinese word break iterator, given the text `points`, puts no boundary
/// before points[split]. `points` holds at most kMaxHanWindow code points; 0 < split < size.
bool icu_inside_word(std::span<const char32_t> points, std::size_t split);

/// The same answer from ICU's CJK dictionary and its segmentation (CjkBreakEngine's), or nothing
/// when `points` holds a code point that segmentation does not cover as it stands (not Han, or
/// changed by NFKC) or ICU's dictionary data is not the kind it knows.
std::optional<bool> dictionary_inside_word(std::span<const char32_t> points, std::size_t split);

/// dictionary_inside_word, or ICU's answer where it has none.
inline bool han_inside_word(std::span<const char32_t> points, std::size_t split) {
  std::optional<bool> inside = dictionary_inside_word(points, split);
  return inside ? *inside : icu_inside_word(points, split);
}

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_HAN_WORDS_H_
