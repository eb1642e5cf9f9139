// Spans of a text that punctuation and spacing rules must not touch: URLs, e-mail addresses and
// Markdown `code`.
#ifndef HANTIDY_NORMALIZE_PROTECTED_SPANS_H_
#define HANTIDY_NORMALIZE_PROTECTED_SPANS_H_

#include <array>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace hantidy {

/// The bytes a protected span needs (the ':' of "://", the 'w' of "www.", '@', '`', '&'): a text
/// that holds none of them has no protected span.
inline constexpr std::array<char, 5> kProtectedSpanBytes = {':', 'w', '@', '`', '&'};

/// Byte ranges [first, second) of `text`, sorted and disjoint. A URL ends at the first
/// non-ASCII character or blank, and trailing sentence punctuation is not part of it
/// ("见https://a.cn/x." keeps its period for the period rule). Linear in the text size.
std::vector<std::pair<std::size_t, std::size_t>> protected_spans(std::string_view text);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_PROTECTED_SPANS_H_
