#include "core/sha256.h"

#include <catch2/catch.hpp>

namespace hantidy {
namespace {

// FIPS 180-4 / NIST CSRC example vectors.
TEST_CASE("sha256 matches the FIPS 180-4 example vectors", "[sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(
      sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                 "klmnopqrlmnopqrsmnopqrstnopqrstu") ==
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 gives the same digest however the input is split", "[sha256]") {
  std::string text = "北京市卫生健康委主任 于鲁明\n" + std::string(200, 'x');
  std::string whole = sha256_hex(text);
  for (std::size_t split : {std::size_t{0}, std::size_t{1}, std::size_t{55}, std::size_t{56},
                            std::size_t{64}, std::size_t{65}, text.size()}) {
    Sha256 hash;
    hash.update(std::string_view(text).substr(0, split));
    hash.update(std::string_view(text).substr(split));
    INFO("split at " << split);
    CHECK(hash.hex() == whole);
  }
}

TEST_CASE("sha256 handles lengths around the padding boundary", "[sha256]") {
  // 55 bytes fit the length in one block, 56 need a second: both must differ and be stable.
  CHECK(sha256_hex(std::string(55, 'a')) ==
        "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) ==
        "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}

}  // namespace
}  // namespace hantidy
