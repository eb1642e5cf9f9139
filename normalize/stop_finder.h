// A byte scan that finds, again and again, the next byte a rule may act on, sixteen bytes at a
// time (four such at once) where SSE2 is there. Internal to normalize/.
#ifndef HANTIDY_NORMALIZE_STOP_FINDER_H_
#define HANTIDY_NORMALIZE_STOP_FINDER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hantidy {

/// Finds the bytes of `text` that `Stops::stops(unsigned char)` says yes to, in order. Where
/// SSE2 is there, `Stops::lanes(__m128i)` must give 0xFF exactly in the lanes whose byte `stops`
/// says yes to. The hits of the last bytes looked at (64 at a time, 16 near the end) are kept:
/// stops in Chinese text stand a dozen bytes apart, and looking at each block once instead of
/// once per stop in it halves the work. The text must not change while the finder is used.
template <typename Stops>
class StopFinder {
 public:
  explicit StopFinder(std::string_view text) : text_(text) {}

  /// The first position at or after `from` holding a stop; text.size() when there is none.
  std::size_t next(std::size_t from) {
    const std::size_t n = text_.size();
#if defined(__SSE2__)
    if (from >= block_ && from < block_end_) {
      std::uint64_t rest = hits_ & (~std::uint64_t{0} << (from - block_));
      if (rest != 0) return block_ + static_cast<std::size_t>(__builtin_ctzll(rest));
      from = block_end_;
    }
    // Sixty-four bytes a round: the stops after the first are wanted next as a rule, and finding
    // them now saves coming back to the loop for each sixteen bytes (a round with a stop in its
    // first sixteen bytes costs less than a second round would).
    for (; from + 64 <= n; from += 64) {
      std::uint64_t hits = hits_at(from) | hits_at(from + 16) << 16 |
                           std::uint64_t{hits_at(from + 32) | hits_at(from + 48) << 16} << 32;
      if (hits) return remember(from, 64, hits);
    }
    for (; from + 16 <= n; from += 16) {
      if (unsigned hits = hits_at(from)) return remember(from, 16, hits);
    }
#endif
    for (; from < n; ++from) {
      if (Stops::stops(static_cast<unsigned char>(text_[from]))) return from;
    }
    return n;
  }

 private:
#if defined(__SSE2__)
  // The stops among the sixteen bytes at `at`, bit k for byte at + k.
  unsigned hits_at(std::size_t at) const {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + at));
    return static_cast<unsigned>(_mm_movemask_epi8(Stops::lanes(v)));
  }

  // Keeps `hits`, the stops of the `size` bytes at `at` (at least one), and returns the first.
  std::size_t remember(std::size_t at, std::size_t size, std::uint64_t hits) {
    block_ = at;
    block_end_ = at + size;
    hits_ = hits;
    return at + static_cast<std::size_t>(__builtin_ctzll(hits));
  }
#endif

  std::string_view text_;
  std::size_t block_ = 0;      // the last bytes looked at with a stop: [block_, block_end_)
  std::size_t block_end_ = 0;  // (empty until one is found)
  std::uint64_t hits_ = 0;     // their stops, bit k for byte block_ + k
};

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_STOP_FINDER_H_
