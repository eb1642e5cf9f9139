#include "core/suggest.h"

#include <catch2/catch.hpp>

namespace hantidy {
namespace {

TEST_CASE("edit_distance counts insertions, deletions and substitutions", "[suggest]") {
  CHECK(edit_distance("punct", "punct") == 0);
  CHECK(edit_distance("puntc", "punct") == 2);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("jsonl", "json") == 1);
}

TEST_CASE("closest suggests only names that are close", "[suggest]") {
  std::vector<std::string_view> names = {"text", "jsonl", "tei"};
  CHECK(closest("json", names) == "jsonl");
  CHECK(closest("txet", names) == "text");
  CHECK(closest("markdown", names).empty());
}

}  // namespace
}  // namespace hantidy
