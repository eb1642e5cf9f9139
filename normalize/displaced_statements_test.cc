#include "normalize/displaced_statements.h"

#include <catch2/catch.hpp>

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

}  // namespace
}  // namespace hantidy
