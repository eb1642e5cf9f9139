#include "formats/json_line.h"

#include <catch2/catch.hpp>
#include <string>

namespace hantidy {
namespace {

using Json = nlohmann::ordered_json;

std::string nlohmann_line(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string fast_line(const Json& j) {
  std::string out;
  append_json_line(j, out);
  return out;
}

TEST_CASE("Records are written byte for byte as nlohmann writes them", "[json-line]") {
  // Every byte below 0x20, the two that JSON escapes, DEL and Han text.
  std::string all_controls;
  for (int c = 0; c < 0x20; ++c) all_controls += static_cast<char>(c);
  const char* texts[] = {"",
                         "立法會會議",
                         "a\"b\\c/d",
                         "line\nnext\r\ttab\b\f",
                         "\x7F",
                         "\xC2\x80",
                         "\xF0\x9F\x98\x80 emoji"};
  for (const char* text : texts) {
    Json j;
    j["id"] = "r1";
    j["text"] = text;
    j["n"] = 3;
    j["metadata"] = {{"lang", "zh"}, {"pages", {1, 2}}};
    INFO(text);
    CHECK(fast_line(j) == nlohmann_line(j));
  }
  Json controls;
  controls["text"] = all_controls;
  controls["k\x01y"] = "v";
  CHECK(fast_line(controls) == nlohmann_line(controls));
}

TEST_CASE("Invalid UTF-8 falls back to nlohmann's U+FFFD replacement", "[json-line]") {
  for (std::string bad : {std::string("ab\xFF"
                                      "cd"),
                          std::string("\xE4\xB8"), std::string("\xC0\xAF")}) {
    Json j;
    j["text"] = bad;
    CHECK(fast_line(j) == nlohmann_line(j));
    std::string out = "kept";
    CHECK_FALSE(append_json_string(bad, out));
    CHECK(out == "kept");
  }
}

TEST_CASE("Values that are not objects are written whole", "[json-line]") {
  for (const Json& j : {Json::array({1, "二"}), Json("字"), Json(nullptr), Json::object()}) {
    CHECK(fast_line(j) == nlohmann_line(j));
  }
}

}  // namespace
}  // namespace hantidy
