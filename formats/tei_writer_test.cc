#include "formats/tei_writer.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <random>
#include <set>

#include "core/sha256.h"
#include "formats/tei_test_util.h"
#include "tests/support.h"

namespace hantidy {
namespace {

using tei_test::body_texts;
using tei_test::parse;
using tei_test::render;
using tei_test::xpath;

const std::string kSchema = test::shared_path("schemas/tei_all.rng");

Block block(BlockKind kind, std::string text, std::vector<std::string> speakers = {}) {
  Block b;
  b.kind = kind;
  b.text = std::move(text);
  b.speakers = std::move(speakers);
  return b;
}

Document with_source(std::string name = "magazine.txt") {
  Document doc;
  Source s;
  s.name = std::move(name);
  s.encoding = "UTF-8";
  s.text = "x";
  s.raw_size = 1;
  s.raw_sha256 = sha256_hex("x");
  doc.sources.push_back(s);
  return doc;
}

// Seed 001's shape: ten officials, two joint statements (Beijing, Hebei), captions before and
// after the labels.
Document seed_001_like() {
  Document doc = with_source("001_4d0cb0fecace14a5.txt");
  struct P {
    const char* name;
    const char* role;
  };
  const P people[] = {
      {"于鲁明", "北京市政协副主席、北京市卫生健康委主任"},
      {"钟东波", "北京市卫生健康委党委书记、副主任（兼）"},
      {"梁占凯", "河北省卫生健康委党组书记"},
      {"杨猛", "河北省卫生健康委主任"},
      {"顾清", "天津市卫生健康委党委副书记、主任"},
      {"许宏智", "内蒙古自治区卫生健康委党组书记、主任"},
      {"武晋", "山西省卫生健康委党组书记、主任"},
      {"徐英辉", "辽宁省卫生健康委党组书记、主任"},
      {"邢程", "吉林省卫生健康委党组书记、主任"},
      {"魏新刚", "黑龙江省卫生健康委党组书记、主任"},
  };
  for (int i = 0; i < 10; ++i) {
    doc.persons.push_back({"p" + std::to_string(i + 1), people[i].name, people[i].role});
  }
  doc.blocks.push_back(block(BlockKind::kTitle, "唯有改革 唯有奋斗"));
  doc.blocks.push_back(block(BlockKind::kParagraph, "从蜿蜒曲折的松花江畔到波澜壮阔的渤海湾。"));
  auto statement = [&](std::vector<int> who) {
    std::vector<std::string> ids;
    std::string label;
    for (int i : who) {
      ids.push_back("p" + std::to_string(i + 1));
      if (!label.empty()) label += "\n";
      label += std::string(people[i].role) + " " + people[i].name;
    }
    doc.blocks.push_back(block(BlockKind::kCaption, people[who[0]].name, ids));
    doc.blocks.push_back(block(BlockKind::kSpeakerLabel, label, ids));
    doc.blocks.push_back(block(BlockKind::kParagraph, "2021年，卫生健康系统统筹推进。", ids));
    doc.blocks.push_back(block(BlockKind::kParagraph, "2022年，将坚持“外防输入”。", ids));
    if (who.size() > 1) doc.blocks.push_back(block(BlockKind::kCaption, people[who[1]].name, ids));
  };
  statement({0, 1});
  statement({2, 3});
  for (int i = 4; i < 10; ++i) statement({i});
  return doc;
}

// Validates each document with one jing run; returns jing's complaints.
std::string validate(const std::vector<std::string>& xmls, const std::string& name) {
  std::string dir = tei_test::temp_dir(name);
  std::vector<std::string> files;
  for (std::size_t i = 0; i < xmls.size(); ++i) {
    files.push_back(dir + "/" + std::to_string(i) + ".xml");
    std::ofstream(files.back(), std::ios::binary) << xmls[i];
  }
  std::string errors = tei_test::jing(kSchema, files);
  if (errors.empty()) std::filesystem::remove_all(dir);  // kept for inspection otherwise
  return errors;
}

bool can_validate() {
  if (!test::have_shared() || !tei_test::have_jing()) {
    WARN("jing or ../shared missing: TEI validation skipped");
    return false;
  }
  return true;
}

TEST_CASE("seed 001's officials are listed in particDesc and sp/@who points at them", "[tei]") {
  Document doc = seed_001_like();
  std::string xml = render(doc);
  auto parsed = parse(xml);
  REQUIRE(parsed);
  std::vector<std::string> names = xpath(parsed.get(), "//t:particDesc//t:person/t:persName");
  REQUIRE(names.size() == 10);
  CHECK(names[0] == "于鲁明");
  CHECK(names[9] == "魏新刚");
  std::vector<std::string> roles = xpath(parsed.get(), "//t:person/t:affiliation/t:roleName");
  REQUIRE(roles.size() == 10);
  CHECK(roles[1] == "北京市卫生健康委党委书记、副主任（兼）");
  std::vector<std::string> ids = xpath(parsed.get(), "//t:person/@xml:id");
  CHECK(ids[0] == "pers-p1");

  std::vector<std::string> who = xpath(parsed.get(), "//t:div[@type='statement']/t:sp/@who");
  CHECK(xpath(parsed.get(), "count(//t:div[@type='statement'])")[0] == "8");
  REQUIRE(who.size() == 8);
  CHECK(who[0] == "#pers-p1 #pers-p2");  // Beijing: joint statement
  CHECK(who[1] == "#pers-p3 #pers-p4");  // Hebei: joint statement
  CHECK(who[2] == "#pers-p5");
  CHECK(who[7] == "#pers-p10");
  // The speaker label keeps its text and names each person with persName/@ref.
  CHECK(xpath(parsed.get(), "(//t:speaker)[1]/t:persName/@ref") ==
        std::vector<std::string>{"#pers-p1", "#pers-p2"});
  CHECK(xpath(parsed.get(), "(//t:speaker)[1]/t:roleName")[0] ==
        "北京市政协副主席、北京市卫生健康委主任");
  CHECK(xpath(parsed.get(), "string((//t:speaker)[1])")[0] == doc.blocks[3].text);
  // Captions are figures of their statement, not statements of their own.
  CHECK(xpath(parsed.get(), "count(//t:div[@type='statement'][1]//t:figure)")[0] == "2");
  CHECK(xpath(parsed.get(), "//t:body/t:head[@type='main']")[0] == "唯有改革 唯有奋斗");
  CHECK(xpath(parsed.get(), "//t:titleStmt/t:title")[0] == "唯有改革 唯有奋斗");
  if (can_validate()) CHECK(validate({xml}, "seed001") == "");
}

TEST_CASE("captions naming one of the speakers stay in their statement", "[tei]") {
  Document doc = seed_001_like();
  // A structure filter may attach a photo caption to the one person it names.
  for (Block& b : doc.blocks) {
    if (b.kind == BlockKind::kCaption && b.speakers.size() > 1) {
      for (const Person& p : doc.persons) {
        if (p.name == b.text) b.speakers = {p.id};
      }
    }
  }
  auto parsed = parse(render(doc));
  REQUIRE(parsed);
  CHECK(xpath(parsed.get(), "count(//t:div[@type='statement'])")[0] == "8");
  CHECK(xpath(parsed.get(), "//t:div[@type='statement'][1]/t:sp/@who")[0] == "#pers-p1 #pers-p2");
  CHECK(xpath(parsed.get(), "count(//t:div[@type='statement'][1]//t:figure)")[0] == "2");
  CHECK(xpath(parsed.get(), "//t:figure/t:head/t:persName/@ref")[0] == "#pers-p1");
}

TEST_CASE("a caption laid out after the next statement points back at its own", "[tei]") {
  Document doc = seed_001_like();
  // Seed 001's layout: Beijing's second photo (钟东波) comes after Hebei's statement.
  auto it = std::find_if(doc.blocks.begin(), doc.blocks.end(),
                         [](const Block& b) { return b.text == "钟东波"; });
  Block moved = *it;
  moved.speakers = {"p2"};
  doc.blocks.erase(it);
  auto tianjin = std::find_if(doc.blocks.begin(), doc.blocks.end(),
                              [](const Block& b) { return b.text == "顾清"; });
  doc.blocks.insert(tianjin, moved);
  std::string xml = render(doc);
  auto parsed = parse(xml);
  REQUIRE(parsed);
  CHECK(xpath(parsed.get(), "count(//t:div[@type='statement'])")[0] == "8");
  CHECK(xpath(parsed.get(), "//t:figure[@corresp]/@corresp") ==
        std::vector<std::string>{"#stmt-1"});
  CHECK(xpath(parsed.get(), "//t:figure[@corresp]/t:head")[0] == "钟东波");
  if (can_validate()) CHECK(validate({xml}, "displaced") == "");
}

TEST_CASE("the body holds every block's text in order", "[tei]") {
  Document doc = seed_001_like();
  auto parsed = parse(render(doc));
  REQUIRE(parsed);
  std::vector<std::string> expected;
  for (const Block& b : doc.blocks) expected.push_back(b.text);
  CHECK(body_texts(parsed.get(), true) == expected);
}

TEST_CASE("xml:ids are ASCII and unique", "[tei]") {
  Document doc = seed_001_like();
  doc.persons[3].id = "杨猛";  // a non-ASCII person id from some filter
  for (Block& b : doc.blocks) {
    for (std::string& s : b.speakers) {
      if (s == "p4") s = "杨猛";
    }
  }
  auto parsed = parse(render(doc));
  REQUIRE(parsed);
  std::vector<std::string> ids = xpath(parsed.get(), "//@xml:id");
  std::set<std::string> unique(ids.begin(), ids.end());
  CHECK(unique.size() == ids.size());
  for (const std::string& id : ids) {
    INFO(id);
    CHECK(std::all_of(id.begin(), id.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    }));
  }
  CHECK(xpath(parsed.get(), "//t:div[@type='statement'][2]/t:sp/@who") ==
        std::vector<std::string>{"#pers-p3 #pers-4"});
}

Document with_changes() {
  Document doc = with_source();
  Block b = block(BlockKind::kParagraph, "2021年,北京市 卫生，羣众");
  b.span = {0, 0, b.text.size()};
  doc.blocks.push_back(b);
  const std::string& t = doc.blocks[0].text;
  std::size_t comma = t.find(",");
  doc.rewrite(0, {{comma, comma + 1, "，", "ascii-comma"}}, "punct");
  std::size_t space = t.find(" ");
  doc.rewrite(0, {{space - 3, space + 1, "", "cjk-space"}}, "unicode");  // "市 " → ""
  std::size_t qun = t.find("羣");
  doc.rewrite(0, {{qun, qun + 3, "群", "ocr-variant"}}, "unicode");
  return doc;
}

TEST_CASE("with --tei-changes every change is written in place as choice", "[tei]") {
  Document doc = with_changes();
  REQUIRE(doc.blocks[0].edits.size() == 3);
  WriteOptions o;
  o.tei_changes = true;
  std::string xml = render(doc, o);
  auto parsed = parse(xml);
  REQUIRE(parsed);
  CHECK(xpath(parsed.get(), "//t:body//t:choice/t:orig") == std::vector<std::string>{",", "市 "});
  CHECK(xpath(parsed.get(), "//t:body//t:choice/t:reg") == std::vector<std::string>{"，", ""});
  CHECK(xpath(parsed.get(), "//t:body//t:choice/t:sic") == std::vector<std::string>{"羣"});
  CHECK(xpath(parsed.get(), "//t:body//t:choice/t:corr") == std::vector<std::string>{"群"});
  CHECK(body_texts(parsed.get(), true)[0] == doc.blocks[0].text);
  CHECK(body_texts(parsed.get(), false)[0] == doc.blocks[0].original_text());
  CHECK(xpath(parsed.get(), "//t:normalization/@method")[0] == "markup");
  if (can_validate()) CHECK(validate({xml}, "changes") == "");
}

TEST_CASE("without --tei-changes changes are only counted in the header", "[tei]") {
  Document doc = with_changes();
  doc.changes.push_back({"linebreak", "cjk-join", {}, "\n", ""});
  WriteOptions o;
  o.filters = {"unicode", "punct(quotes=corner)", "linebreak"};
  std::string xml = render(doc, o);
  auto parsed = parse(xml);
  REQUIRE(parsed);
  CHECK(xpath(parsed.get(), "count(//t:choice)")[0] == "0");
  CHECK(body_texts(parsed.get(), true)[0] == doc.blocks[0].text);
  std::string punct = xpath(parsed.get(), "//t:punctuation/t:p")[0];
  CHECK_THAT(punct, Catch::Contains("Filter punct(quotes=corner) ran and made 1 change of this "
                                    "kind: punct 1 (ascii-comma 1)"));
  std::string norm = xpath(parsed.get(), "//t:normalization/t:p")[0];
  CHECK_THAT(norm, Catch::Contains("unicode 1 (cjk-space 1)"));
  CHECK_THAT(xpath(parsed.get(), "//t:correction/t:p")[0],
             Catch::Contains("unicode 1 (ocr-variant 1)"));
  CHECK(xpath(parsed.get(), "//t:correction/@status")[0] == "low");
  CHECK_THAT(xpath(parsed.get(), "//t:hyphenation/t:p")[0],
             Catch::Contains("linebreak: 1 hard-wrapped line or broken paragraph joined without a "
                             "space between Chinese characters: linebreak 1 (cjk-join 1)."));
  CHECK(xpath(parsed.get(), "//t:normalization/@method")[0] == "silent");
  CHECK_THAT(xpath(parsed.get(), "//t:appInfo//t:desc")[0],
             Catch::Contains("unicode; punct(quotes=corner); linebreak"));
}

TEST_CASE("the white space of blank lines between blocks is counted under segmentation", "[tei]") {
  // trim logs it, but no block holds it: it cannot be encoded in place as a normalization.
  Document doc = with_changes();
  doc.changes.push_back({"trim", "blank-line-space", {}, "  ", ""});
  WriteOptions o;
  o.filters = {"trim", "unicode"};
  o.tei_changes = true;
  auto parsed = parse(render(doc, o));
  REQUIRE(parsed);
  CHECK_THAT(xpath(parsed.get(), "//t:segmentation/t:p")[0],
             Catch::Contains("trim 1 (blank-line-space 1)"));
  CHECK_THAT(xpath(parsed.get(), "//t:normalization/t:p")[0], !Catch::Contains("blank-line-space"));
}

TEST_CASE("kept line breaks and repaired joins are marked with lb under --tei-lines", "[tei]") {
  Document doc = with_source();
  doc.blocks.push_back(block(BlockKind::kParagraph, "继续深化改革，加"));
  doc.blocks.push_back(block(BlockKind::kParagraph, "快医联体\n建设。"));
  doc.join_blocks(0, 1, "", "\n", "linebreak", "page-join");
  WriteOptions o;
  o.tei_lines = true;
  std::string xml = render(doc, o);
  auto parsed = parse(xml);
  REQUIRE(parsed);
  CHECK(xpath(parsed.get(), "count(//t:body//t:lb[@break='no'])")[0] == "2");
  CHECK(body_texts(parsed.get(), true)[0] == doc.blocks[0].text);
  CHECK_THAT(xml, Catch::Contains("加<lb break=\"no\"/>快医联体<lb break=\"no\"/>\n建设"));
  o.tei_changes = true;  // a join is an lb, not a choice, also with --tei-changes
  CHECK_THAT(render(doc, o), Catch::Contains("加<lb break=\"no\"/>快"));
  o.tei_lines = false;  // without --tei-lines the join is a choice of "\n" and ""
  CHECK_THAT(render(doc, o), Catch::Contains("加<choice><orig>\n</orig><reg/></choice>快"));
}

TEST_CASE("redactions become gap and supplied, inside names too", "[tei]") {
  Document doc = with_source();
  doc.persons.push_back({"p1", "王XX", "副主任"});
  doc.blocks.push_back(block(BlockKind::kSpeakerLabel, "副主任 王XX", {"p1"}));
  doc.blocks.back().marks.push_back(
      {std::string("副主任 王").size(), std::string("副主任 王XX").size(), "redaction"});
  doc.blocks.push_back(block(BlockKind::kParagraph, "据XX介绍。", {"p1"}));
  doc.blocks.back().marks.push_back({3, 5, "redaction"});
  std::string xml = render(doc);
  CHECK_THAT(xml, Catch::Contains("<persName ref=\"#pers-p1\">王<gap reason=\"anonymization\"/>"
                                  "<supplied reason=\"anonymization\">XX</supplied></persName>"));
  CHECK_THAT(xml, Catch::Contains("据<gap reason=\"anonymization\"/><supplied "
                                  "reason=\"anonymization\">XX</supplied>介绍"));
  if (can_validate()) CHECK(validate({xml}, "redaction") == "");
}

TEST_CASE("sections, lists, notes, salutations and furniture nest validly", "[tei]") {
  Document doc = with_source();
  Block h1 = block(BlockKind::kHeading, "一、总体要求");
  h1.level = 1;
  Block h2 = block(BlockKind::kHeading, "（一）指导思想");
  h2.level = 2;
  doc.blocks.push_back(block(BlockKind::kSalutation, "同志们："));
  doc.blocks.push_back(h1);
  doc.blocks.push_back(block(BlockKind::kParagraph, "第一段。"));
  doc.blocks.push_back(h2);
  doc.blocks.push_back(block(BlockKind::kListItem, "一是加强领导；"));
  doc.blocks.push_back(block(BlockKind::kRunningFooter, "中国卫生"));
  doc.blocks.push_back(block(BlockKind::kPageNumber, "- 3 -"));
  doc.blocks.push_back(block(BlockKind::kListItem, "二是完善机制。"));
  doc.blocks.push_back(block(BlockKind::kParagraph, "在子节之后、父节之内的段落。"));
  doc.blocks.push_back(block(BlockKind::kSpeakerLabel, "主席："));
  doc.blocks.push_back(block(BlockKind::kNote, "(計時器響起)"));
  doc.blocks.push_back(block(BlockKind::kParagraph, "議員，請發言。"));
  doc.blocks.push_back(block(BlockKind::kParagraph, "仍在主席的发言中。"));
  doc.blocks.push_back(block(BlockKind::kPageBreak, ""));
  doc.blocks.push_back(block(BlockKind::kRunningHeader, "立法會 ─ 2013年1月10日"));
  doc.blocks.push_back(block(BlockKind::kPageNumber, "3237"));
  doc.blocks.push_back(h1);
  doc.blocks.push_back(block(BlockKind::kSpeakerLabel, "主席："));
  doc.blocks.push_back(block(BlockKind::kCaption, "图为会场"));
  std::string xml = render(doc);
  auto parsed = parse(xml);
  REQUIRE(parsed);
  CHECK(xpath(parsed.get(), "//t:pb/@n") == std::vector<std::string>{"4", "3237"});
  CHECK(xpath(parsed.get(), "//t:fw/@type") ==
        std::vector<std::string>{"footer", "pageNum", "header", "pageNum"});
  CHECK(xpath(parsed.get(), "//t:opener/t:salute")[0] == "同志们：");
  CHECK(xpath(parsed.get(), "count(//t:list/t:item)")[0] == "2");
  CHECK(xpath(parsed.get(), "//t:sp/t:stage")[0] == "(計時器響起)");
  std::vector<std::string> expected;
  for (const Block& b : doc.blocks) {
    if (!b.text.empty()) expected.push_back(b.text);
  }
  CHECK(body_texts(parsed.get(), true) == expected);
  if (can_validate()) CHECK(validate({xml}, "structure") == "");
}

TEST_CASE("a numbered heading inside a speech stays in its statement", "[tei]") {
  Document doc = with_source();
  doc.persons.push_back({"p1", "梁君彥", "主席"});
  doc.blocks.push_back(block(BlockKind::kSpeakerLabel, "主席：", {"p1"}));
  doc.blocks.push_back(block(BlockKind::kParagraph, "第一段。", {"p1"}));
  Block h = block(BlockKind::kHeading, "（一）交通", {"p1"});
  h.level = 2;
  doc.blocks.push_back(h);
  doc.blocks.push_back(block(BlockKind::kParagraph, "第二段。", {"p1"}));
  std::string xml = render(doc);
  auto parsed = parse(xml);
  REQUIRE(parsed);
  CHECK(xpath(parsed.get(), "count(//t:div[@type='statement'])")[0] == "1");
  CHECK(xpath(parsed.get(), "//t:sp/t:p[@rend='heading']")[0] == "（一）交通");
  CHECK(xpath(parsed.get(), "count(//t:sp/t:p)")[0] == "3");
  if (can_validate()) CHECK(validate({xml}, "speech-heading") == "");
}

TEST_CASE("hostile text always gives well-formed, valid TEI", "[tei]") {
  std::vector<std::string> texts = {
      std::string("控制\x01字符\x1B和\x7F删除\0NUL", 26),
      "]]> and ]]]]><![CDATA[x]]> <tag> & &amp; \"'",
      "\xEF\xBF\xBD替换\xEF\xBF\xBE非字符\xEF\xBF\xBF",
      "\xED\xA0\x80 lone surrogate bytes \xC0\xAF overlong \xFF",
      "\xCC\x81 lone combining mark, PUA \xEE\x80\x80, tab\there",
      std::string(1 << 20, 'x') + "一",
      std::string(100000, '(') + "《《「『" + std::string(100000, ')'),
  };
  std::vector<std::string> outputs;
  for (const std::string& t : texts) {
    Document doc = with_source();
    doc.meta["title"] = t.substr(0, 40);
    doc.blocks.push_back(block(BlockKind::kParagraph, t));
    doc.blocks.push_back(block(BlockKind::kHeading, t.substr(0, 30)));
    doc.persons.push_back({t.substr(0, 10), t.substr(0, 12), t.substr(0, 9)});
    doc.blocks.push_back(block(BlockKind::kSpeakerLabel, t.substr(0, 30), {t.substr(0, 10)}));
    WriteOptions o;
    o.command = "hantidy " + t.substr(0, 20);
    o.tei_changes = true;
    o.tei_lines = true;
    std::string xml = render(doc, o);
    INFO(t.substr(0, 40));
    REQUIRE(parse(xml));
    CHECK(xml.find("]]>") == std::string::npos);
    outputs.push_back(std::move(xml));
  }
  // Empty documents: no blocks, no sources.
  outputs.push_back(render(Document{}));
  outputs.push_back(render(with_source()));
  REQUIRE(parse(outputs.back()));
  if (can_validate()) CHECK(validate(outputs, "hostile") == "");
}

TEST_CASE("random block sequences always give valid TEI", "[tei]") {
  // Every kind, level and speaker pattern in random order, with changes, redactions and line
  // breaks: the structure rules (part wrappers, sp fillers, statement boundaries) must hold.
  std::mt19937 rng(7);
  const BlockKind kinds[] = {
      BlockKind::kTitle,         BlockKind::kHeading,       BlockKind::kParagraph,
      BlockKind::kSpeakerLabel,  BlockKind::kCaption,       BlockKind::kSalutation,
      BlockKind::kListItem,      BlockKind::kNote,          BlockKind::kPageNumber,
      BlockKind::kRunningHeader, BlockKind::kRunningFooter, BlockKind::kPageBreak};
  std::vector<std::string> outputs;
  for (int n = 0; n < 150; ++n) {
    Document doc = with_source();
    for (int p = 1; p <= 3; ++p) {
      doc.persons.push_back({"p" + std::to_string(p), "人" + std::to_string(p), "主任"});
    }
    int blocks = static_cast<int>(rng() % 25);
    for (int i = 0; i < blocks; ++i) {
      Block b = block(kinds[rng() % 12], rng() % 5 ? "主任 人1：第XX段\n文字，- 3 -" : "");
      b.level = static_cast<int>(rng() % 4);
      switch (rng() % 4) {
        case 0:
          b.speakers = {"p1"};
          break;
        case 1:
          b.speakers = {"p1", "p2"};
          break;
        case 2:
          b.speakers = {"p" + std::to_string(1 + rng() % 3)};
          break;
        default:
          break;
      }
      if (!b.text.empty() && rng() % 2)
        b.marks.push_back({std::string("主任 人1：第").size(), std::string("主任 人1：第XX").size(),
                           "redaction"});
      if (!b.text.empty() && rng() % 3 == 0)
        b.marks.push_back({0, std::string("主任 人1：").size(), "speaker"});
      doc.blocks.push_back(b);
      if (!b.text.empty() && rng() % 2) {
        std::size_t comma = doc.blocks.back().text.find("，");
        doc.rewrite(doc.blocks.size() - 1, {{comma, comma + 3, ",", "fullwidth-comma"}}, "punct");
      }
    }
    WriteOptions o;
    o.tei_changes = rng() % 2;
    o.tei_lines = rng() % 2;
    std::string xml = render(doc, o);
    INFO("document " << n);
    REQUIRE(parse(xml));
    std::vector<std::string> expected;
    for (const Block& b : doc.blocks) {
      if (!b.text.empty()) expected.push_back(b.text);
    }
    CHECK(body_texts(parse(xml).get(), true) == expected);
    outputs.push_back(std::move(xml));
  }
  if (can_validate()) CHECK(validate(outputs, "random") == "");
}

TEST_CASE("characters XML cannot hold are replaced and reported", "[tei]") {
  Document doc = with_source();
  doc.blocks.push_back(block(BlockKind::kParagraph,
                             "a\x01"
                             "b"));
  std::ostringstream out;
  Diagnostics diag;
  TeiWriter({}).write(doc, out, diag);
  CHECK_THAT(out.str(), Catch::Contains("a\xEF\xBF\xBD"
                                        "b"));
  CHECK(diag.warnings() == 1);
}

TEST_CASE("the header names the source, its encoding and SHA-256, and the publication", "[tei]") {
  const std::string text = "2021年,这个会议在北京市\n";
  Document doc = test::read_text(text, "/tmp/dir/report.txt");
  WriteOptions o;
  o.tei_publisher = "某市档案馆";
  o.tei_date = "2024-05";
  o.command = "hantidy -t tei report.txt";
  auto parsed = parse(render(doc, o));
  REQUIRE(parsed);
  CHECK(xpath(parsed.get(), "//t:sourceDesc//t:idno[@type='sha256']")[0] == sha256_hex(text));
  CHECK(xpath(parsed.get(), "//t:sourceDesc//t:idno[@type='file']")[0] == "/tmp/dir/report.txt");
  CHECK_THAT(xpath(parsed.get(), "//t:sourceDesc//t:note")[0], Catch::Contains("UTF-8"));
  CHECK(xpath(parsed.get(), "//t:publicationStmt/t:publisher")[0] == "某市档案馆");
  CHECK(xpath(parsed.get(), "//t:publicationStmt/t:date/@when")[0] == "2024-05");
  CHECK(xpath(parsed.get(), "//t:titleStmt/t:title")[0] == "report.txt");
  CHECK(xpath(parsed.get(), "//t:revisionDesc/t:change")[0] ==
        "Converted to TEI by hantidy 0.1.0: hantidy -t tei report.txt");
  CHECK(xpath(parsed.get(), "//t:langUsage/t:language/@ident")[0] == "zh-Hans");
  CHECK(xpath(parsed.get(), "/t:TEI/@xml:lang")[0] == "zh-Hans");
}

TEST_CASE("the language comes from meta lang, else from the characters", "[tei]") {
  Document doc = test::read_text("這個會議的議員們說。\n");
  CHECK(xpath(parse(render(doc)).get(), "/t:TEI/@xml:lang")[0] == "zh-Hant");
  doc.meta["lang"] = "zh-Hant-HK";
  CHECK(xpath(parse(render(doc)).get(), "/t:TEI/@xml:lang")[0] == "zh-Hant-HK");
  CHECK(xpath(parse(render(test::read_text("abc\n"))).get(), "/t:TEI/@xml:lang")[0] == "zh");
}

TEST_CASE("the TEI options reach the writer from the command line", "[tei][cli]") {
  auto r = test::run({"-t", "tei", "--tei-date", "2024-05-01", "--tei-publisher", "档案馆",
                      "--tei-changes", "--tei-lines"},
                     "第一行\n第二行\n");
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("<publisher>档案馆</publisher>"));
  CHECK_THAT(r.out, Catch::Contains("<date when=\"2024-05-01\">"));
  CHECK_THAT(r.out, Catch::Contains("第一行<lb break=\"no\"/>\n第二行"));
  CHECK_THAT(r.out, Catch::Contains("idno type=\"sha256\">" + sha256_hex("第一行\n第二行\n")));
  auto bad = test::run({"-t", "tei", "--tei-date", "yesterday"}, "x");
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("--tei-date"));
}

}  // namespace
}  // namespace hantidy
