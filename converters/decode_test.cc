#include "converters/decode.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "core/error.h"
#include "tests/support.h"

namespace hantidy {
namespace {

Source decode(std::string_view raw, std::string encoding = "utf-8",
              std::string on_invalid = "fail") {
  Diagnostics diag;
  ReadOptions options{std::move(encoding), std::move(on_invalid)};
  return decode_source(raw, "in.txt", options, diag);
}

TEST_CASE("decode: valid UTF-8 passes through, BOM dropped, CRLF and CR become LF", "[decode]") {
  CHECK(decode("\xEF\xBB\xBF第一\r\n第二\r第三\n").text == "第一\n第二\n第三\n");
  CHECK(decode("").text.empty());
  CHECK(decode(std::string("a\0b", 3)).text == std::string("a\0b", 3));
}

TEST_CASE("decode: invalid UTF-8 fails naming the file and byte offset", "[decode]") {
  for (auto [input, offset] : {std::pair<std::string, int>{"\xFF"
                                                           "abc",
                                                           0},
                               {"ab\xE4\xB8", 2},
                               {"中\x80文", 3}}) {
    INFO("input offset " << offset);
    try {
      decode(input);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::kInput);
      CHECK_THAT(e.what(),
                 Catch::Contains("in.txt") && Catch::Contains("at byte " + std::to_string(offset)));
    }
  }
}

TEST_CASE("decode: --on-invalid=replace writes U+FFFD and warns once with the count", "[decode]") {
  Diagnostics diag;
  ReadOptions options{"utf-8", "replace"};
  Source s = decode_source(
      "a\xFF"
      "b\xFE",
      "in.txt", options, diag);
  CHECK(s.text ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD");
  REQUIRE(diag.warnings() == 1);
  CHECK_THAT(diag.all()[0].message, Catch::Contains("2 invalid"));
}

TEST_CASE("decode: a UTF-16 BOM with text switches to UTF-16; a bare BOM is invalid UTF-8",
          "[decode]") {
  std::string le("\xFF\xFE\x2D\x4E\x87\x65\n\x00", 8);  // 中文\n
  CHECK(decode(le).text == "中文\n");
  CHECK(decode(le).encoding == "UTF-16LE");
  std::string be("\xFE\xFF\x4E\x2D", 4);
  CHECK(decode(be).text == "中");
  CHECK_THROWS_AS(decode("\xFF\xFE"), Error);
}

TEST_CASE("decode: named legacy encodings and their invalid bytes", "[decode]") {
  CHECK(decode("\xD6\xD0\xCE\xC4", "GB18030").text == "中文");
  CHECK(decode("\xA4\xA4\xA4\xE5", "Big5").text == "中文");
  // A truncated two-byte sequence at the end.
  CHECK_THROWS_WITH(decode("\xD6\xD0\xCE", "GB18030"), Catch::Contains("at byte 2"));
  CHECK(decode("\xD6\xD0\xCE", "GB18030", "replace").text == "中\xEF\xBF\xBD");
  CHECK_THROWS_AS(decode("abc", "no-such-encoding"), Error);
}

TEST_CASE("decode: auto prefers UTF-8 and detects GBK and Big5", "[decode]") {
  CHECK(decode("纯文本", "auto").encoding == "UTF-8");
  std::string gbk;
  for (int i = 0; i < 20; ++i) gbk += "\xD6\xD0\xBB\xAA\xC8\xCB\xC3\xF1\xB9\xB2\xBA\xCD\xB9\xFA";
  CHECK(decode(gbk, "auto").text.starts_with("中华人民共和国"));
}

std::vector<std::string> sorted_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

// The SIGHAN 2005 files come in legacy encodings with UTF-8 twins: --encoding auto must decode
// each to exactly its twin's text.
TEST_CASE("decode: auto decodes every legacy SIGHAN file to its UTF-8 twin", "[decode][corpus]") {
  if (!test::have_shared()) {
    WARN("../shared is missing; skipped");
    return;
  }
  namespace fs = std::filesystem;
  int files = 0;
  for (const char* dir : {"corpora/legacy-encodings/testing", "corpora/legacy-encodings/gold"}) {
    for (const auto& entry : fs::directory_iterator(test::shared_path(dir))) {
      if (entry.path().extension() != ".txt") continue;
      std::string legacy = test::slurp(entry.path().string());
      fs::path twin_path = entry.path();
      twin_path.replace_extension(".utf8");
      Diagnostics diag;
      Source twin = decode_source(test::slurp(twin_path.string()), "twin", {}, diag);
      Source got = decode(legacy, "auto");
      INFO(entry.path().filename().string() << " decoded as " << got.encoding);
      CHECK(got.encoding != "UTF-8");
      if (entry.path().filename().string().find("training_words") != std::string::npos) {
        // The word lists are sorted in their own encoding's byte order, so the twins hold the
        // same lines in another order. Their twins were also made with older mapping tables: a
        // few HKSCS characters went to the private use area where ICU has the Plane 2
        // ideographs (困𨋢 vs 困U+ECD4), and one CP950 pair became U+001A. Those lines may
        // differ; a wrongly detected encoding differs in thousands.
        std::vector<std::string> a = sorted_lines(got.text), b = sorted_lines(twin.text);
        std::vector<std::string> only;
        std::set_symmetric_difference(a.begin(), a.end(), b.begin(), b.end(),
                                      std::back_inserter(only));
        CHECK(a.size() == b.size());
        CHECK(only.size() <= 8);
      } else {
        CHECK(got.text == twin.text);
      }
      ++files;
    }
  }
  CHECK(files == 12);
}

}  // namespace
}  // namespace hantidy
