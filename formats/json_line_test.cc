#include "formats/json_line.h"

#include <catch2/catch.hpp>
#include <random>
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

TEST_CASE("Escapes are found at every position of the 16-byte steps", "[json-line]") {
  for (char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
    for (std::size_t at = 0; at < 40; ++at) {
      std::string text(40, 'a');
      text[at] = special;
      text.replace(20, 3, "\xE5\xAD\x97");  // a Han character (bytes >= 0x80 are not escapes)
      Json j;
      j["text"] = text;
      INFO("byte " << int(special) << " at " << at);
      CHECK(fast_line(j) == nlohmann_line(j));
    }
  }
}

TEST_CASE("Random texts are escaped as nlohmann escapes them, escapes anywhere in the steps",
          "[json-line]") {
  // Long runs between escapes go through the 32- and 16-byte steps and the byte-wise tail.
  std::mt19937 rng(20261123);
  const std::string pieces[] = {"a", "字", "\"", "\\", "\n", "\x01", "\x1f", " ", "\x7f", "😀"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (std::size_t n = rng() % 120; n > 0; --n) {
      // Mostly plain text: an escape now and then, far apart or close together.
      text += rng() % 6 ? pieces[rng() % 2] : pieces[rng() % std::size(pieces)];
    }
    Json j;
    j["text"] = text;
    INFO("round " << round);
    REQUIRE(fast_line(j) == nlohmann_line(j));
  }
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
