#include "normalize/punct.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <regex>

#include "core/pipeline.h"
#include "normalize/punct_scanner.h"
#include "tests/support.h"

namespace hantidy {
namespace {

std::string punct(const std::string& text, const std::string& spec = "punct") {
  Document doc = test::run_chain(spec, text);
  REQUIRE(doc.blocks.size() <= 1);
  return doc.blocks.empty() ? "" : doc.blocks[0].text;
}

TEST_CASE("every punct change is recorded with its rule and source position", "[punct]") {
  Document doc = test::run_chain("punct", "标题\n\n2021年,北京市 。副主任(兼)");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[1].text == "2021年，北京市。副主任（兼）");
  CHECK(doc.blocks[1].original_text() == "2021年,北京市 。副主任(兼)");
  REQUIRE(doc.changes.size() == 4);
  const std::string& src = doc.sources[0].text;
  CHECK(doc.changes[0].rule == "comma");
  CHECK(doc.changes[0].filter == "punct");
  CHECK(doc.changes[0].span.begin == src.find(','));
  CHECK(doc.changes[1].rule == "space");
  CHECK(doc.changes[1].orig == " ");
  CHECK(doc.changes[2].rule == "paren");
  CHECK(doc.changes[2].span.begin == src.find('('));
  CHECK(doc.changes[3].reg == "）");
}

TEST_CASE("an unpaired straight quote is reported with its line and column", "[punct]") {
  Document doc = test::read_text("第一行\n他说\"你好，世界。\n");
  Diagnostics diag;
  Pipeline::build("punct").run(doc, diag);
  REQUIRE(diag.all().size() == 1);
  const Diagnostic& d = diag.all()[0];
  CHECK(d.origin == "punct");
  CHECK(d.line == 2);
  CHECK(d.column == 3);
  CHECK(d.file == "test.txt");
  CHECK(doc.blocks[0].text == "第一行\n他说\"你好，世界。");
}

TEST_CASE("quotes default to corner brackets for Taiwan and Hong Kong documents", "[punct]") {
  for (const char* lang : {"zh-Hant", "zh-TW", "zh-Hant-HK", "zh-HK"}) {
    Document doc = test::read_text("他說\"你好\"。");
    doc.meta["lang"] = lang;
    Diagnostics diag;
    Pipeline::build("punct").run(doc, diag);
    INFO(lang);
    CHECK(doc.blocks[0].text == "他說「你好」。");
  }
  Document doc = test::read_text("他說\"你好\"。");
  doc.meta["lang"] = "zh-TW";
  Diagnostics diag;
  Pipeline::build("punct(quotes=curly)").run(doc, diag);
  CHECK(doc.blocks[0].text == "他說“你好”。");
  doc = test::read_text("他说\"你好\"。");
  doc.meta["lang"] = "zh-Hans";
  Pipeline::build("punct").run(doc, diag);
  CHECK(doc.blocks[0].text == "他说“你好”。");
}

TEST_CASE("punct options are checked", "[punct]") {
  CHECK_THROWS_WITH(Pipeline::build("punct(quotes=square)"), Catch::Contains("quotes"));
  CHECK_THROWS_WITH(Pipeline::build("punct(skip=comma+elipsis)"),
                    Catch::Contains("elipsis") && Catch::Contains("ellipsis"));
  CHECK_THROWS_WITH(Pipeline::build("punct(spcing=add)"), Catch::Contains("spcing"));
  CHECK_NOTHROW(Pipeline::build("punct(quotes=corner, spacing=remove, skip=dash+tilde)"));
}

TEST_CASE("each rule can be switched off on its own", "[punct]") {
  struct Row {
    const char* rule;
    const char* input;
  };
  for (Row row : {Row{"comma", "中文,中文"}, Row{"semicolon", "中文;中文"},
                  Row{"colon", "中文:中文"}, Row{"question", "中文?"}, Row{"exclamation", "中文!"},
                  Row{"period", "中文."}, Row{"paren", "中(文)"}, Row{"quote", "他说\"好\""},
                  Row{"ellipsis", "中文..."}, Row{"dash", "中文--中文"}, Row{"tilde", "3~5年"},
                  Row{"space", "中文 ，中文"}, Row{"halfwidth", "Come and，Join us"}}) {
    INFO(row.rule);
    CHECK(punct(row.input) != row.input);
    CHECK(punct(row.input, std::string("punct(skip=") + row.rule + ")") == row.input);
  }
}

TEST_CASE("punct survives hostile input and stays linear", "[punct]") {
  CHECK(punct("") == "");
  CHECK(punct("   \n\t  ") == "");
  std::string nul("中文\0,中文", 14);
  CHECK(punct(nul) == std::string("中文\0，中文", 16));  // the NUL stays, the comma is Chinese
  CHECK(punct("\xCC\x81,\xEE\x80\x80,中文") == "\xCC\x81,\xEE\x80\x80，中文");  // U+0301, PUA
  // Deeply nested brackets and quotes: paired, no recursion.
  std::string nested = std::string(50000, '(') + "中" + std::string(50000, ')');
  std::string out = punct(nested);
  CHECK(out.find('(') == std::string::npos);
  std::string quotes;
  for (int i = 0; i < 20000; ++i) quotes += "\"中\"";
  CHECK(punct(quotes).find('"') == std::string::npos);
  // A huge single line (> 1 MB) of each kind of trigger.
  std::string line;
  while (line.size() < (1u << 20)) line += "中文,测试.abc, def：`x` ~ ... -- “a” http://a.b/c ";
  Document doc = test::run_chain("punct", line);
  CHECK(doc.blocks[0].text.find("中文，测试") != std::string::npos);
  std::string latin;  // full-width commas in a Latin line without spaces
  while (latin.size() < (1u << 20)) latin += "ab，cd，";
  CHECK(punct(latin) == latin);
  std::string ticks(300000, '`');
  for (std::size_t i = 0; i < ticks.size(); i += 7) ticks[i] = 'x';
  CHECK(punct(ticks) == ticks);
}

bool ascii_mark_next_to_han(const std::string& text, std::string& where) {
  static const std::regex kBad(
      "(\\xE4|\\xE5|\\xE6|\\xE7|\\xE8|\\xE9)[\\x80-\\xBF][\\x80-\\xBF][,;:?!()]|[,;:?!()](\\xE4|"
      "\\xE5|\\xE6|\\xE7|\\xE8|\\xE9)");
  std::smatch m;
  if (!std::regex_search(text, m, kBad)) return false;
  std::size_t at = static_cast<std::size_t>(m.position(0));
  where = text.substr(at > 30 ? at - 30 : 0, 80);
  return true;
}

TEST_CASE(
    "after the default chain no ASCII comma, colon, semicolon, question or exclamation mark or "
    "bracket touches a Han character in the seeds",
    "[punct][seeds]") {
  if (!test::have_shared()) {
    WARN("../shared is missing: seeds not checked");
    return;
  }
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::shared_path("seeds"))) {
    if (!entry.is_regular_file()) continue;
    ++files;
    std::string input = test::slurp(entry.path().string());
    test::CliResult r = test::run({entry.path().string()});
    INFO(entry.path());
    REQUIRE(r.status == 0);
    std::string where;
    // The byte pattern above covers U+4000–U+9FFF, the bulk of the Han in these files; the
    // filter itself decides Han by ICU script, not by this range.
    CHECK_FALSE(ascii_mark_next_to_han(r.out, where));
    INFO(where);
    // Characters the seeds hold that must come out as they went in.
    for (std::string keep : {"2022年", "1+3", "6.97‰", "“1522”", "x+x+N", "0.61、2.4"}) {
      if (input.find(keep) != std::string::npos) {
        INFO(keep);
        CHECK(r.out.find(keep) != std::string::npos);
      }
    }
  }
  CHECK(files >= 5);
}

// The scanner skips runs of U+4E00..U+9FFF and quiet ASCII by their bytes, and reads ideograph
// neighbours without the class table. These texts sit at the edges of those fast paths (the
// characters just outside the range, a Kangxi radical, a space or a line break between
// ideographs, malformed bytes, a protected span right after ideographs); the expected results
// are what the scanner gave before it had fast paths, in each spacing mode.
TEST_CASE("the byte-level fast paths decide as decoding every character did", "[punct]") {
  CHECK(punct_internal::unified_ideograph_bits());  // else the fast paths are off
  struct Case {
    std::string text, keep, add, remove;
  };
  const std::vector<Case> cases = {
      {"中⼀,文", "中⼀，文", "中⼀，文", "中⼀，文"},  // U+2F00 KANGXI RADICAL ONE
      {"䷀,中", "䷀，中", "䷀，中", "䷀，中"},          // U+4DC0, just below the range (E4 B7 80)
      {"一,丁", "一，丁", "一，丁", "一，丁"},          // U+4E00, the first (E4 B8 80)
      {"鿿,a b", "鿿，a b", "鿿，a b", "鿿，a b"},  // U+9FFF, the last
      {"\xE9\xBF\xBF\xE4\xB8\x80,", "鿿一，", "鿿一，", "鿿一，"},
      {"㐀,中", "㐀，中", "㐀，中", "㐀，中"},  // Extension A
      {"豈,中", "豈，中", "豈，中", "豈，中"},  // a compatibility ideograph
      {"中 文,好", "中 文，好", "中 文，好", "中 文，好"},
      {"１２,中", "１２，中", "１２，中", "１２，中"},
      {"中\n,文", "中\n，文", "中\n，文", "中\n，文"},
      {"中 , 文", "中，文", "中，文", "中，文"},
      {"中\xE4\xB8,文", "中\xE4\xB8，文", "中\xE4\xB8，文", "中\xE4\xB8，文"},  // truncated
      {"中\xB8\x80,文", "中\xB8\x80，文", "中\xB8\x80，文", "中\xB8\x80，文"},  // stray bytes
      {"说http://例子.com/路径,好。", "说http://例子.com/路径，好。",
       "说 http://例子.com/路径，好。", "说http://例子.com/路径，好。"},
      {"abc def，ghi jkl", "abc def, ghi jkl", "abc def, ghi jkl", "abc def, ghi jkl"},
      {"名字，\nNext line", "名字，\nNext line", "名字，\nNext line", "名字，\nNext line"},
      {"中(abc)", "中（abc）", "中（abc）", "中（abc）"},
      {"价格3~5元", "价格3～5元", "价格 3～5 元", "价格3～5元"},
      {"中文abc中文", "中文abc中文", "中文 abc 中文", "中文abc中文"},
      {"中文 abc 中文", "中文 abc 中文", "中文 abc 中文", "中文abc中文"},
      // A quiet run with a space in it: the last wide character is 国, so the Latin before the
      // comma is one word, and the comma stays.
      {"中华 国ab，cd", "中华 国ab，cd", "中华 国 ab，cd", "中华 国ab，cd"},
      {"中华 国 ab cd，ef", "中华 国 ab cd, ef", "中华 国 ab cd, ef", "中华 国ab cd, ef"},
  };
  auto run = [](const std::string& text, PunctOptions::Spacing spacing) {
    PunctOptions options;
    options.spacing = spacing;
    std::string out = text;
    std::vector<Replacement> reps = PunctFilter::scan(text, options, nullptr);
    for (auto r = reps.rbegin(); r != reps.rend(); ++r) {
      out.replace(r->begin, r->end - r->begin, r->text);
    }
    return out;
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(run(c.text, PunctOptions::Spacing::kKeep) == c.keep);
    CHECK(run(c.text, PunctOptions::Spacing::kAdd) == c.add);
    CHECK(run(c.text, PunctOptions::Spacing::kRemove) == c.remove);
  }
}

// Two more shortcuts: a full-width stop right after an ideograph is kept without wide_stop's
// Latin-context look-around (which needs a letter or digit before the mark, as in the Latin
// clauses here), and a quote already in its wanted form gets no replacement, while the blanks
// around it still go. Expected results are what the scanner gave without the shortcuts.
TEST_CASE("stops after ideographs and quotes already curly decide as before", "[punct]") {
  auto run = [](const std::string& text) {
    std::string out = text;
    std::vector<Replacement> reps = PunctFilter::scan(text, PunctOptions(), nullptr);
    for (auto r = reps.rbegin(); r != reps.rend(); ++r) {
      CHECK(text.compare(r->begin, r->end - r->begin, r->text) != 0);  // no identity changes
      out.replace(r->begin, r->end - r->begin, r->text);
    }
    return out;
  };
  CHECK(run("abc def中，ghi jkl") == "abc def中，ghi jkl");
  CHECK(run("abc def，ghi jkl") == "abc def, ghi jkl");
  CHECK(run("他说 “你好” 。") == "他说“你好”。");
  CHECK(run("He said “hello” to 他们 “朋友” ，好") == "He said “hello” to 他们“朋友”，好");
  CHECK(run("中“好”  ，文") == "中“好”，文");
  CHECK(run("x1中。 abc def") == "x1中。abc def");
  CHECK(run("名字 ，\nNext line") == "名字，\nNext line");
  CHECK(run("中“a”b") == "中“a”b");
  CHECK(run("中\"好\"。") == "中“好”。");
}

// Without ASCII letters, spacing=add (which always takes the general path, decoding every
// character) decides exactly as spacing=keep (which takes the byte-level fast paths) but for its
// own spaces: the two must agree on any mix of ideographs, digits, marks, blanks and line breaks.
TEST_CASE("the fast paths agree with the general path on random text", "[punct]") {
  const std::vector<std::string> pieces = {
      "中", "文", "国家", "，", "。", "。。", "。。。", "、", "；", "：", "？", "！", " ", "  ",
      "\n", "\t", "“", "”", "‘", "’", "（", "）", "(", ")", "\"", "'", ",", ".", "...", ";", ":",
      "!", "?", "~", "--", "—", "——", "…", "⼀", "の", "《", "》", "\xE4\xB8",
      // Quiet runs (digits, and ideographs past sixteen bytes) and what ends them.
      "3", "2024", "中华人民共和国的发展", "䷀", "１", "\xE5\x80", "abc", "Yes it", "x",
      // Protected spans of each kind, which a text without their bytes is not searched for.
      "http://a.cn/b", "www.x.cn", "a@b.cn", "&amp;", ":", "w",
      // Markdown code spans: protected spans, at which the fast path's runs must stop.
      "`", "``"};
  auto run = [](const std::string& text, PunctOptions::Spacing spacing) {
    PunctOptions options;
    options.spacing = spacing;
    std::string out;
    for (const Replacement& r : PunctFilter::scan(text, options, nullptr)) {
      // spacing=add's own spaces (before a code span after an ideograph) are not compared.
      if (r.rule.view() == "cjk-latin-space") continue;
      out += std::to_string(r.begin) + "-" + std::to_string(r.end) + ":" + r.text + ":" +
             std::string(r.rule.view()) + "|";
    }
    return out;
  };
  std::mt19937 rng(17);
  std::size_t differ = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string text = test::random_text(pieces, 1 + rng() % 40, rng);
    if (run(text, PunctOptions::Spacing::kKeep) != run(text, PunctOptions::Spacing::kAdd)) {
      ++differ;
      UNSCOPED_INFO("input: " << text);
    }
  }
  CHECK(differ == 0);
}

// The scanner's lists are kept per thread from one text to the next: nothing of one scan may
// reach the next (a quote left open, a bracket's token, a mark made full-width).
TEST_CASE("a scan decides the same whatever was scanned before it", "[punct]") {
  auto decided = [](std::string_view text) {
    std::vector<UnpairedQuote> unpaired;
    std::string out;
    for (const Replacement& r : PunctFilter::scan(text, PunctOptions(), &unpaired)) {
      out += std::to_string(r.begin) + "-" + std::to_string(r.end) + ":" + r.text + ";";
    }
    return out + "unpaired " + std::to_string(unpaired.size());
  };
  const std::vector<std::string> texts = {"他说\"你好\"(北京),然后.", "\"未闭合的引号,和(括号",
                                          "“已经”‘弯的’（全角）。", "plain, Latin (text).",
                                          "数字3~5年,又\"一\"句'话'..."};
  std::vector<std::string> alone;
  for (const std::string& t : texts) alone.push_back(decided(t));
  for (std::size_t k = 0; k < texts.size(); ++k) {
    for (std::size_t j = 0; j < texts.size(); ++j) {
      decided(texts[j]);
      CHECK(decided(texts[k]) == alone[k]);
    }
  }
}

TEST_CASE("the seed strings that must not change survive the default chain", "[punct]") {
  std::string text = "2022年，1+3个，人口出生率6.97‰，全省“1522”工程，x+x+N模式。";
  CHECK(test::run_chain_text("trim; punct", text) == text + "\n");
  CHECK(punct("人口出生率6.97‰,自然增长率-0.90‰。") == "人口出生率6.97‰，自然增长率-0.90‰。");
}

}  // namespace
}  // namespace hantidy

namespace hantidy {
namespace {

TEST_CASE("punct is idempotent on real documents: a second run changes nothing", "[punct][seeds]") {
  if (!test::have_shared()) {
    WARN("../shared is missing: corpora not checked");
    return;
  }
  std::vector<std::string> files;
  for (const char* dir : {"seeds", "corpora/legco-hansard/txt",
                          "corpora/annual-reports/derived_raw_txt", "corpora/ly-gazette/md"}) {
    if (!std::filesystem::is_directory(test::shared_path(dir))) continue;
    for (const auto& entry : std::filesystem::directory_iterator(test::shared_path(dir))) {
      if (entry.is_regular_file() && files.size() < 40) files.push_back(entry.path().string());
    }
  }
  REQUIRE(files.size() >= 5);
  for (const std::string& file : files) {
    test::CliResult once = test::run({"-q", "-F", "punct", file});
    REQUIRE(once.status == 0);
    test::CliResult again = test::run({"-q", "--check", "-F", "punct"}, once.out);
    INFO(file << "\n" << again.out.substr(0, 500));
    CHECK(again.status == 0);
    CHECK(again.out.empty());
  }
}

}  // namespace
}  // namespace hantidy
