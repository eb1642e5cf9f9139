#include "normalize/office_lexicon.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/error.h"

namespace hantidy {
namespace {

std::string temp_file(const std::string& name, const std::string& content) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << content;
  return path;
}

TEST_CASE("the built-in lexicon knows offices in both scripts", "[structure][lexicon]") {
  OfficeLexicon lex = OfficeLexicon::built_in();
  CHECK(lex.suffix("北京市卫生健康委主任") == std::string("主任").size());
  CHECK(lex.suffix("财经事务及库务局局长") == std::string("局长").size());
  CHECK(lex.suffix("財經事務及庫務局局長") == std::string("局長").size());
  CHECK(lex.suffix("鄧家彪議員") == std::string("議員").size());
  // The longest office wins: 主任委員, not 委員.
  CHECK(lex.prefix("主任委員英文") == std::string("主任委員").size());
  CHECK(lex.is_office("主席"));
  CHECK(lex.is_office("代理主席"));
  CHECK_FALSE(lex.is_office("同志们"));
  CHECK_FALSE(lex.is_office("程序委員會意見"));
  CHECK(lex.suffix("") == 0);
}

// suffix looks only at the offices ending in the text's last byte; it must still give the
// longest, also for offices added later (shorter, longer, ending in ASCII) and for texts that
// end in a byte no office ends in.
TEST_CASE("suffix gives the longest office ending the text", "[structure][lexicon]") {
  OfficeLexicon lex;
  lex.add("委員");
  CHECK(lex.suffix("主任委員") == std::string("委員").size());
  lex.add("主任委員");
  lex.add("員");
  lex.add("CEO");
  CHECK(lex.suffix("主任委員") == std::string("主任委員").size());
  CHECK(lex.suffix("副主任委員") == std::string("主任委員").size());
  CHECK(lex.suffix("會員") == std::string("員").size());
  CHECK(lex.suffix("集團CEO") == 3);
  CHECK(lex.suffix("集團CFO") == 0);
  CHECK(lex.suffix("員工") == 0);
  CHECK(lex.suffix("員") == std::string("員").size());
  // A Han title whose last byte is another title's last byte, but not its ending.
  lex.add("議長");
  CHECK(lex.suffix("局長") == 0);
  CHECK(lex.is_office("副議長"));
}

TEST_CASE("a lexicon file adds offices, skipping comments and blank lines",
          "[structure][lexicon]") {
  OfficeLexicon lex = OfficeLexicon::built_in();
  CHECK_FALSE(lex.is_office("首席执行官"));
  std::string path =
      temp_file("hantidy_lexicon_test.txt", "# CEO titles\n\n首席执行官  # CEO\n  監事\n");
  lex.load(path);
  CHECK(lex.is_office("首席执行官"));
  CHECK(lex.is_office("監事"));
  std::remove(path.c_str());
}

TEST_CASE("a lexicon file saved with a byte order mark keeps its first title",
          "[structure][lexicon]") {
  OfficeLexicon lex;
  std::string path = temp_file("hantidy_lexicon_bom.txt", "\xEF\xBB\xBF教授\n研究员\n");
  lex.load(path);
  CHECK(lex.is_office("教授"));
  CHECK(lex.is_office("研究员"));
  CHECK(lex.suffix("王小明教授") == std::string("教授").size());
  std::remove(path.c_str());
}

TEST_CASE("a lexicon file that cannot be read or holds nothing is an error",
          "[structure][lexicon]") {
  OfficeLexicon lex;
  try {
    lex.load("/nonexistent/hantidy/lexicon.txt");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kIo);
  }
  std::string path = temp_file("hantidy_lexicon_empty.txt", "# nothing\n\n");
  try {
    lex.load(path);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kUsage);
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace hantidy
