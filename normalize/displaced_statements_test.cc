#include "normalize/displaced_statements.h"

#include <catch2/catch.hpp>
#include <random>

#include "normalize/structure_text.h"
#include "tests/support.h"

namespace hantidy {
namespace {

TEST_CASE("region keys come from the start of the role", "[structure]") {
  RegionKeys cq = region_keys("重庆市卫生健康委党委书记、主任");
  CHECK(cq.full == "重庆市");
  CHECK(cq.short_name == "重庆");
  CHECK(cq.generic.empty());
  RegionKeys xj = region_keys("新疆维吾尔自治区卫生健康委党组副书记、主任");
  CHECK(xj.full == "新疆维吾尔自治区");
  CHECK(xj.short_name == "新疆");
  CHECK(xj.generic == "自治区");
  RegionKeys bt = region_keys("新疆生产建设兵团卫生健康委党组书记、主任");
  CHECK(bt.short_name == "兵团");
  CHECK(region_keys("主席").full.empty());
}

// opening() steps over code points without keeping them: on random texts of one- to four-byte
// characters and malformed bytes, short and long, around the 200-byte window, it must end where
// the decoded code points say.
TEST_CASE("a paragraph's opening ends where its decoded code points say", "[structure]") {
  auto decoded_opening = [](std::string_view text) {
    std::vector<CodePoint> cps =
        decode_utf8(text.substr(0, std::min<std::size_t>(text.size(), 200)));
    if (cps.size() <= kOpeningCodePoints) return text;
    return text.substr(0, cps[kOpeningCodePoints].begin);
  };
  const std::vector<std::string> pieces = {
      "a",        "中",   "é",    "𠀀",     "，",
      "\xE4\xB8", "\x80", "\xF0", "重庆市", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
  std::mt19937 rng(20261123);
  std::size_t cut = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = test::random_text(pieces, rng() % 40, rng);
    INFO(text);
    REQUIRE(opening(text) == decoded_opening(text));
    cut += opening(text).size() < text.size();
  }
  CHECK(cut > 1000);
}

}  // namespace
}  // namespace hantidy
