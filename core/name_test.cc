#include "core/name.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace hantidy {
namespace {

TEST_CASE("Equal names share one interned text, whatever they were built from", "[name]") {
  std::string built = std::string("ascii-") + "comma";
  Name a("ascii-comma");
  Name b(built);
  Name c{std::string_view(built)};
  CHECK(a == b);
  CHECK(b == c);
  CHECK(a.view().data() == b.view().data());  // one copy, compared by pointer
  built = "changed";                          // the Name does not depend on its source
  CHECK(b == "ascii-comma");
  CHECK(b == std::string("ascii-comma"));
  CHECK(b == std::string_view("ascii-comma"));
  CHECK_FALSE(a == Name("ascii-colon"));
}

TEST_CASE("Names built one after another from one reused buffer follow its text", "[name]") {
  // The recent-name check compares text, not the buffer's address: a filter that builds rule
  // names in one std::string must get the name it wrote each time.
  std::string buffer = "cjk-space";
  Name first(buffer);
  buffer = "cjk-spacd";  // same size, same address, one byte different
  Name second(buffer);
  buffer.assign("a-much-longer-rule-name-than-before");
  Name third(buffer);
  CHECK(first == "cjk-space");
  CHECK(second == "cjk-spacd");
  CHECK(third == "a-much-longer-rule-name-than-before");
  CHECK_FALSE(first == second);
  for (int i = 0; i < 10; ++i) {  // more names than the recent list holds, then the first again
    CHECK(Name("rule-" + std::to_string(i)) == "rule-" + std::to_string(i));
  }
  CHECK(Name("cjk-space").view().data() == first.view().data());
}

TEST_CASE("The empty name is the default and equals the empty string", "[name]") {
  Name none;
  CHECK(none.empty());
  CHECK(none == "");
  CHECK(none == Name(""));
  CHECK(none.str().empty());
  CHECK_FALSE(Name("x").empty());
}

TEST_CASE("Names order by their text, so maps keyed by them print in a stable order", "[name]") {
  CHECK(Name("comma") < Name("paren"));
  CHECK(Name("a") < Name("b"));
  CHECK_FALSE(Name("b") < Name("a"));
  std::ostringstream out;
  out << Name("punct") << '/' << Name("comma");
  CHECK(out.str() == "punct/comma");
}

TEST_CASE("Threads interning the same names get the same texts", "[name]") {
  std::vector<const char*> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&seen, t] {
      for (int i = 0; i < 1000; ++i) Name("rule-" + std::to_string(i % 50));
      seen[t] = Name("shared-rule").view().data();
    });
  }
  for (std::thread& t : threads) t.join();
  for (const char* p : seen) CHECK(p == Name("shared-rule").view().data());
}

}  // namespace
}  // namespace hantidy
