#include "cli/line_reader.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "core/error.h"

namespace hantidy {
namespace {

std::vector<std::string> lines_of(const std::string& input) {
  std::istringstream in(input);
  LineReader reader(in);
  std::vector<std::string> lines;
  std::string_view line;
  while (reader.next_line(line)) lines.push_back(std::string(line));
  CHECK(reader.bytes() == input.size());
  return lines;
}

TEST_CASE("the line reader splits at newlines and keeps a last line without one", "[line_reader]") {
  CHECK(lines_of("").empty());
  CHECK(lines_of("a\nb\n") == std::vector<std::string>{"a", "b"});
  CHECK(lines_of("a\nb") == std::vector<std::string>{"a", "b"});
  CHECK(lines_of("\n\n") == std::vector<std::string>{"", ""});
  CHECK(lines_of("a\r\n") == std::vector<std::string>{"a\r"});  // JSON allows the \r
  CHECK(lines_of(std::string("a\0b\n", 4)) == std::vector<std::string>{std::string("a\0b", 3)});
}

TEST_CASE("the line reader drops a BOM at the start only", "[line_reader]") {
  CHECK(lines_of("\xEF\xBB\xBF{}\n\xEF\xBB\xBF{}") ==
        std::vector<std::string>{"{}", "\xEF\xBB\xBF{}"});
  CHECK(lines_of("\xEF\xBB\xBF").empty());
}

TEST_CASE("the line reader reads lines longer than its buffer", "[line_reader]") {
  std::string big(3 * 1024 * 1024 + 7, 'x');
  auto lines = lines_of("a\n" + big + "\nb");
  REQUIRE(lines.size() == 3);
  CHECK(lines[1] == big);
  CHECK(lines[2] == "b");
}

TEST_CASE("lines stay where they were read while their buffer is held", "[line_reader]") {
  // Lines of every length around the buffer's size, some held and some let go: held lines must
  // not be overwritten by later reads, and lines are whole however they fall across reads.
  std::string input;
  std::vector<std::string> expected;
  for (std::size_t i = 0; input.size() < 5 * 1024 * 1024; ++i) {
    std::string line(i % 7 == 0 ? 300000 + i : i % 1000, static_cast<char>('a' + i % 26));
    line += std::to_string(i);
    expected.push_back(line);
    input += line + "\n";
  }
  std::istringstream in(input);
  LineReader reader(in);
  std::vector<std::pair<std::string_view, std::shared_ptr<const char[]>>> held;
  std::vector<std::string> lines;
  std::string_view line;
  while (reader.next_line(line)) {
    lines.push_back(std::string(line));
    if (lines.size() % 3 != 0) held.emplace_back(line, reader.buffer());
  }
  CHECK(lines == expected);
  std::size_t h = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if ((i + 1) % 3 == 0) continue;
    REQUIRE(h < held.size());
    CHECK(held[h++].first == expected[i]);
  }
}

TEST_CASE("the line reader reports missing files and directories", "[line_reader]") {
  CHECK_THROWS_AS(LineReader("/nonexistent/x.jsonl"), Error);
  CHECK_THROWS_WITH(LineReader("/tmp"), Catch::Contains("is a directory"));
}

}  // namespace
}  // namespace hantidy
