#include "cli/report.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/line_diff.h"
#include "tests/support.h"

namespace hantidy {
namespace {

TEST_CASE("check mode on a clean text prints nothing and exits 0", "[cli][check]") {
  test::CliResult r = test::run({"--check"}, "你好，世界。\n\n第二段：没有问题。\n");
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
}

TEST_CASE("check mode lists each change at its line and column and exits 1", "[cli][check]") {
  test::CliResult r = test::run({"--check", "-F", "punct"}, "第一行。\n\n  2021年,北京 (兼)\n");
  CHECK(r.status == 1);
  CHECK(r.out ==
        "<stdin>:3:8: punct/comma: ',' → '，'\n"
        "<stdin>:3:11: punct/space: ' ' → ''\n"
        "<stdin>:3:12: punct/paren: '(' → '（'\n"
        "<stdin>:3:14: punct/paren: ')' → '）'\n");
}

TEST_CASE("check mode reports the changes of any filter, not only punct", "[cli][check]") {
  test::CliResult r = test::run({"--check", "-F", "trim"}, "第一行  \n第二行\t\n");
  CHECK(r.status == 1);
  CHECK(r.out ==
        "<stdin>:1:4: trim/trailing-space: '  ' → ''\n"
        "<stdin>:2:4: trim/trailing-space: '\\t' → ''\n");
  CHECK(test::run({"--check", "-F", ""}, "第一行  \n").status == 0);
}

// Line and column of byte `at` in `text`, counted independently of LineIndex.
std::pair<std::size_t, std::size_t> position(const std::string& text, std::size_t at) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

TEST_CASE("check mode on a seed points at the right line and column", "[cli][check][seeds]") {
  if (!test::have_shared()) {
    WARN("../shared is missing");
    return;
  }
  std::string path = test::shared_path("seeds/001_4d0cb0fecace14a5.txt");
  std::string text = test::slurp(path);
  test::CliResult r = test::run({"--check", path});
  CHECK(r.status == 1);
  std::istringstream lines(r.out);
  std::size_t checked = 0;
  for (std::string line; std::getline(lines, line);) {
    // FILE:LINE:COL: punct/RULE: 'ORIG' → 'NEW'
    REQUIRE(line.starts_with(path + ":"));
    std::size_t l = 0, c = 0;
    std::string rest = line.substr(path.size() + 1);
    REQUIRE(std::sscanf(rest.c_str(), "%zu:%zu:", &l, &c) == 2);
    std::size_t quote = line.find(": '");
    std::string orig = line.substr(quote + 3, line.find("' \u2192") - quote - 3);
    if (orig.empty() || orig.find('\\') != std::string::npos) continue;
    // The original text really stands at that line and column of the file.
    std::size_t start = 0;
    for (std::size_t k = 1; k < l; ++k) start = text.find('\n', start) + 1;
    std::size_t at = start;
    for (std::size_t k = 1; k < c; ++k) {
      do ++at;
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80);
    }
    INFO(line);
    CHECK(text.compare(at, orig.size(), orig) == 0);
    CHECK(position(text, at) == std::make_pair(l, c));
    ++checked;
  }
  CHECK(checked > 100);
}

TEST_CASE("diff mode prints a unified diff and exits 1, nothing and 0 when clean", "[cli][diff]") {
  test::CliResult r = test::run({"--diff", "-F", "punct"}, "一\n\n二\n\n中文,中文\n\n三\n");
  CHECK(r.status == 1);
  CHECK(r.out ==
        "--- <stdin>\n+++ <stdin>\n@@ -2,6 +2,6 @@\n \n 二\n \n-中文,中文\n+中文，中文\n \n 三\n");
  test::CliResult clean = test::run({"--diff"}, "中文，中文\n");
  CHECK(clean.status == 0);
  CHECK(clean.out.empty());
}

TEST_CASE("write_diff keeps hunks apart and marks a missing final newline", "[cli][diff]") {
  std::string a, b;
  for (int i = 1; i <= 20; ++i) {
    a += std::to_string(i) + "\n";
    b += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  std::ostringstream out;
  CHECK(write_diff(a, b, "f", out));
  CHECK(out.str() ==
        "--- f\n+++ f\n@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n"
        "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n");
  std::ostringstream tail;
  write_diff("a\nb", "a\nc", "f", tail);
  CHECK(tail.str() ==
        "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
        "\\ No newline at end of file\n");
  std::ostringstream none;
  CHECK_FALSE(write_diff("same\n", "same\n", "f", none));
  CHECK(none.str().empty());
}

TEST_CASE("diff_lines finds a shortest edit script", "[cli][diff]") {
  std::vector<std::string_view> a = {"a", "b", "c", "a", "b", "b", "a"};
  std::vector<std::string_view> b = {"c", "b", "a", "b", "a", "c"};
  std::vector<DiffOp> ops = diff_lines(a, b);
  std::size_t edits = 0, ai = 0, bi = 0;
  for (const DiffOp& op : ops) {
    if (op.kind != DiffOp::kKeep) ++edits;
    if (op.kind == DiffOp::kKeep) CHECK(a[op.a_index] == b[op.b_index]);
    if (op.kind != DiffOp::kInsert) CHECK(op.a_index == ai++);
    if (op.kind != DiffOp::kDelete) CHECK(op.b_index == bi++);
  }
  CHECK(ai == a.size());
  CHECK(bi == b.size());
  CHECK(edits == 5);  // Myers' paper example: D = 5
  // Very different long inputs stay bounded and still give a correct script.
  std::vector<std::string> la, lb;
  for (int i = 0; i < 20000; ++i) {
    la.push_back("a" + std::to_string(i));
    lb.push_back("b" + std::to_string(i));
  }
  std::vector<std::string_view> va(la.begin(), la.end()), vb(lb.begin(), lb.end());
  CHECK(diff_lines(va, vb).size() == 40000);
}

TEST_CASE("stats mode counts changes per filter and rule, as text or JSON", "[cli][stats]") {
  test::CliResult r = test::run({"--stats", "-F", "trim; punct"}, "中文,中文;好  \n");
  CHECK(r.status == 0);
  CHECK(r.out == "中文，中文；好\n");
  CHECK(r.err == "punct/comma 1\npunct/semicolon 1\ntrim/trailing-space 1\ntotal 3\n");
  test::CliResult j = test::run({"--stats=json", "-F", "punct"}, "中文,中文,好\n");
  nlohmann::json stats = nlohmann::json::parse(j.err);
  CHECK(stats["total"] == 2);
  CHECK(stats["filters"]["punct"]["rules"]["comma"] == 2);
  CHECK(test::run({"--stats=xml"}, "").status == 2);
}

}  // namespace
}  // namespace hantidy
