// SHA-256 (FIPS 180-4), so that a TEI edition can name the exact bytes it was made from
// (sourceDesc) without a crypto library dependency for one hash.
#ifndef HANTIDY_CORE_SHA256_H_
#define HANTIDY_CORE_SHA256_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hantidy {

/// Incremental SHA-256: update() any number of times, then hex() once.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  /// The digest as 64 lower-case hex digits. Finalizes: call once.
  std::string hex();

 private:
  void block(const unsigned char* p);

  std::array<std::uint32_t, 8> state_;
  std::array<unsigned char, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  ///< bytes hashed so far
};

/// The hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace hantidy

#endif  // HANTIDY_CORE_SHA256_H_
