// A byte scan that finds, again and again, the next byte a rule may act on, sixteen bytes at a
// time where SSE2 is there. Internal to normalize/.
#ifndef HANTIDY_NORMALIZE_STOP_FINDER_H_
#define HANTIDY_NORMALIZE_STOP_FINDER_H_

#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hantidy {

/// Finds the bytes of `text` that `Stops::stops(unsigned char)` says yes to, in order. Where
/// SSE2 is there, `Stops::lanes(__m128i)` must give 0xFF exactly in the lanes whose byte `stops`
/// says yes to. The hits of the last sixteen bytes looked at are kept: stops in Chinese text
/// stand a dozen bytes apart, and looking at each block once instead of once per stop in it
/// halves the work. The text must not change while the finder is used.
template <typename Stops>
class StopFinder {
 public:
  explicit StopFinder(std::string_view text) : text_(text) {}

  /// The first position at or after `from` holding a stop; text.size() when there is none.
  std::size_t next(std::size_t from) {
    const std::size_t n = text_.size();
#if defined(__SSE2__)
    if (from >= block_ && from < block_end_) {
      unsigned rest = hits_ & (~0u << (from - block_));
      if (rest != 0) return block_ + static_cast<std::size_t>(__builtin_ctz(rest));
      from = block_end_;
    }
    for (; from + 16 <= n; from += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + from));
      if (auto hits = static_cast<unsigned>(_mm_movemask_epi8(Stops::lanes(v)))) {
        block_ = from;
        block_end_ = from + 16;
        hits_ = hits;
        return from + static_cast<std::size_t>(__builtin_ctz(hits));
      }
    }
#endif
    for (; from < n; ++from) {
      if (Stops::stops(static_cast<unsigned char>(text_[from]))) return from;
    }
    return n;
  }

 private:
  std::string_view text_;
  std::size_t block_ = 0;      // the last sixteen bytes with a stop: [block_, block_end_)
  std::size_t block_end_ = 0;  // (empty until one is found)
  unsigned hits_ = 0;          // their stops, bit k for byte block_ + k
};

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_STOP_FINDER_H_
