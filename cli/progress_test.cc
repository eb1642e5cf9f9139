#include "cli/progress.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>
#include <thread>

namespace hantidy {
namespace {

TEST_CASE("the progress line shows records, MB and MB/s, and only when enabled", "[progress]") {
  std::ostringstream on, off;
  {
    Progress shown(on, true), hidden(off, false);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    shown.update(10, 2'500'000);
    hidden.update(10, 2'500'000);
    shown.finish(20, 5'000'000);
    hidden.finish(20, 5'000'000);
  }
  CHECK_THAT(on.str(), Catch::StartsWith("\rhantidy: 10 records, 2.5 MB, "));
  CHECK_THAT(on.str(), Catch::Contains("\rhantidy: 20 records, 5.0 MB, ") &&
                           Catch::Contains(" MB/s") && Catch::EndsWith("\n"));
  CHECK(off.str().empty());
}

TEST_CASE("a progress line left open is ended when the meter goes away", "[progress]") {
  std::ostringstream err;
  {
    Progress meter(err, true);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    meter.update(1, 1);
  }
  CHECK_THAT(err.str(), Catch::EndsWith("\n"));
  std::ostringstream quiet;
  { Progress meter(quiet, true); }  // nothing drawn, nothing to end
  CHECK(quiet.str().empty());
}

}  // namespace
}  // namespace hantidy
