#include "normalize/structure.h"

#include <catch2/catch.hpp>
#include <set>

#include "core/pipeline.h"
#include "formats/record_writer.h"
#include "tests/support.h"

namespace hantidy {
namespace {

using test::run_chain;

std::vector<std::string> names(const Document& doc, const Block& b) {
  std::vector<std::string> out;
  for (const std::string& id : b.speakers) out.push_back(doc.person(id)->name);
  return out;
}

// Excerpt of seed 001 (a magazine feature): title, lead, caption, joint label, statement.
const char* kFeature =
    "唯有改革 唯有奋斗\n\n"
    "从蜿蜒曲折的松花江畔到波澜壮阔的渤海湾,"
    "从水草丰茂的呼伦贝尔大草原到苍茫绝美的额济纳胡杨林。\n\n"
    "于鲁明\n\n"
    "北京市政协副主席、北京市卫生健康委主任 于鲁明\n北京市卫生健康委党委书记、副主任（兼） "
    "钟东波\n\n"
    "2021年,北京市卫生健康系统统筹推进常态化疫情防控和卫生健康改革发展。\n\n"
    "2022年,北京市卫生健康系统将坚持“外防输入、内防反弹”总策略。\n\n"
    "钟东波\n\n"
    "天津市卫生健康委党委副书记、主任 顾清\n\n"
    "顾清\n\n"
    "2022年,天津市卫生健康委坚持把保障人民健康放在优先发展战略位置。\n";

TEST_CASE("a magazine feature: title, captions, a joint label and statements", "[structure]") {
  Document doc = run_chain("structure", kFeature);
  REQUIRE(doc.blocks.size() == 10);
  CHECK(doc.blocks[0].kind == BlockKind::kTitle);
  CHECK(doc.blocks[1].kind == BlockKind::kParagraph);
  CHECK(doc.blocks[1].speakers.empty());  // the lead belongs to no one
  CHECK(doc.blocks[2].kind == BlockKind::kCaption);
  CHECK(names(doc, doc.blocks[2]) == std::vector<std::string>{"于鲁明"});
  CHECK(doc.blocks[3].kind == BlockKind::kSpeakerLabel);
  CHECK(names(doc, doc.blocks[4]) == std::vector<std::string>{"于鲁明", "钟东波"});
  CHECK(names(doc, doc.blocks[5]) == std::vector<std::string>{"于鲁明", "钟东波"});
  INFO("a caption naming a known speaker is a caption, never a new statement");
  CHECK(doc.blocks[6].kind == BlockKind::kCaption);
  CHECK(names(doc, doc.blocks[6]) == std::vector<std::string>{"钟东波"});
  CHECK(doc.blocks[8].kind == BlockKind::kCaption);
  CHECK(names(doc, doc.blocks[9]) == std::vector<std::string>{"顾清"});
  REQUIRE(doc.persons.size() == 3);
  CHECK(doc.persons[1].id == "p2");
  CHECK(doc.persons[1].role == "北京市卫生健康委党委书记、副主任（兼）");
}

TEST_CASE("a ## heading can be the title or a speaker label", "[structure]") {
  Document doc =
      run_chain("structure",
                "## 披坚执锐 奋楫扬帆\n\n底子薄、基础差，是中西部地区面临的难点和痛点。\n\n"
                "## 陕西省卫生健康委主任 刘宝琴\n\n刘宝琴\n\n"
                "2021年，陕西省卫生健康系统统筹疫情防控和卫生健康事业发展。\n");
  CHECK(doc.blocks[0].kind == BlockKind::kTitle);
  CHECK(doc.blocks[2].kind == BlockKind::kSpeakerLabel);
  CHECK(doc.blocks[2].level == 0);
  CHECK(doc.blocks[3].kind == BlockKind::kCaption);
  CHECK(names(doc, doc.blocks[4]) == std::vector<std::string>{"刘宝琴"});
}

TEST_CASE("statement text printed before its label is attributed by the region it names",
          "[structure]") {
  Document doc = run_chain(
      "structure",
      "## 披坚执锐 奋楫扬帆\n\n底子薄、基础差，是中西部地区面临的难点和痛点。\n\n"
      "2022年，重庆市卫生健康系统将统筹抓好常态化疫情防控。\n\n"
      "在“开创新局”中落实落细4个战略部署。\n\n"
      "2021年，西藏自治区卫生健康系统把中央关怀落到实处。\n\n"
      "2022年，西藏卫生健康系统将聚焦解决“急难愁盼”。\n\n"
      "2021年10月，甘肃省经历了一场突如其来的聚集性新冠肺炎疫情。\n\n"
      "新的一年，自治区卫生健康系统将聚焦各族群众“急难愁盼”。\n\n"
      "## 重庆市卫生健康委党委书记、主任 黄明会\n\n在“登峰过坎”中推动5个领域高质量发展。\n\n"
      "## 西藏自治区卫生健康委党组书记、副主任 谭相东\n\n以资源布局为切入点。\n\n"
      "## 甘肃省卫生健康委主任 郭玉芬\n\n化管理。\n\n"
      "## 新疆维吾尔自治区卫生健康委党组副书记、主任 于爱平\n\n新的一年，将以深化医改为主线。\n");
  CHECK(doc.blocks[1].speakers.empty());
  CHECK(names(doc, doc.blocks[2]) == std::vector<std::string>{"黄明会"});
  CHECK(names(doc, doc.blocks[3]) == std::vector<std::string>{"黄明会"});
  CHECK(names(doc, doc.blocks[4]) == std::vector<std::string>{"谭相东"});
  CHECK(names(doc, doc.blocks[5]) == std::vector<std::string>{"谭相东"});
  CHECK(names(doc, doc.blocks[6]) == std::vector<std::string>{"郭玉芬"});
  INFO("\"自治区\" alone: the next statement, whose region is an autonomous region");
  CHECK(names(doc, doc.blocks[7]) == std::vector<std::string>{"于爱平"});
}

TEST_CASE("a speech: salutation, numbered headings, list sentences, no speaker invented",
          "[structure]") {
  Document doc =
      run_chain("structure",
                "同志们：\n\n刚才，XX主任回顾总结了2021年全市卫生健康工作。\n\n"
                "一、充分肯定去年卫生健康工作成效\n\n"
                "一是疫情防控有力有效。精准管控XXX万名中高风险地区来安返安人员。\n\n"
                "（一）坚持慎终如始，毫不放松抓好常态化疫情防控工作。当前疫情形势严峻复杂。\n\n"
                "（二）加快改革创新\n");
  CHECK(doc.blocks[0].kind == BlockKind::kSalutation);
  CHECK(doc.blocks[2].kind == BlockKind::kHeading);
  CHECK(doc.blocks[2].level == 1);
  CHECK(doc.blocks[3].kind == BlockKind::kParagraph);
  CHECK(doc.blocks[4].kind == BlockKind::kParagraph);
  CHECK(doc.blocks[5].level == 2);
  CHECK(doc.persons.empty());
  REQUIRE(doc.blocks[1].marks.size() == 1);
  CHECK(doc.blocks[1].marks[0].kind == "redaction");
}

// Excerpt of the LegCo hansard (12-13-cm1121): run-in labels, a stage note, a non-speaker colon
// line.
const char* kHansard =
    "主席：質詢。第一項質詢。\n\n"
    "下列文件是根據《議事規則》第21(2)條的規定提交：\n\n"
    "1. 林健鋒議員：據報，法定最低工資的實施改變了勞動市場的薪酬\n結構。\n\n"
    "(一 ) 除了委聘顧問進行一項有關零售業及飲食業的薪酬階梯的\n顧問研究外；\n\n"
    "勞工及福利局局長：主席，法定最低工資實施以來，政府一直密切注\n視其運作情況及影響。\n\n"
    "(計時器響起 )\n\n"
    "鄧家彪議員：主席，我動議。\n";

TEST_CASE("parliamentary turns: every paragraph after a label until the next", "[structure]") {
  Document doc = run_chain("structure", kHansard);
  REQUIRE(doc.blocks.size() == 7);
  CHECK(names(doc, doc.blocks[0]) == std::vector<std::string>{"主席"});
  CHECK(doc.blocks[0].kind == BlockKind::kParagraph);  // run-in: the label is a mark
  REQUIRE(doc.blocks[0].marks.size() == 1);
  CHECK(doc.blocks[0].marks[0].kind == "speaker");
  INFO("a colon line that is not a label continues the chair's turn");
  CHECK(names(doc, doc.blocks[1]) == std::vector<std::string>{"主席"});
  CHECK(names(doc, doc.blocks[2]) == std::vector<std::string>{"林健鋒"});
  CHECK(names(doc, doc.blocks[3]) == std::vector<std::string>{"林健鋒"});
  CHECK(doc.blocks[3].kind == BlockKind::kParagraph);
  CHECK(names(doc, doc.blocks[4]) == std::vector<std::string>{"勞工及福利局局長"});
  CHECK(doc.blocks[5].kind == BlockKind::kNote);
  CHECK(doc.blocks[5].speakers.empty());
  CHECK(names(doc, doc.blocks[6]) == std::vector<std::string>{"鄧家彪"});
  CHECK(doc.persons.size() == 4);
}

TEST_CASE("gazette turns: 程序委員會意見 is not a speaker, a heading ends the turn",
          "[structure]") {
  Document doc = run_chain("structure",
                           "主席：現在開會，進行報告事項。\n\n## 報告事項\n\n"
                           "程序委員會意見：擬請院會將本案交財政委員會。\n\n"
                           "陳委員清寶：（在台下）讓行政院先減列六千億元再送過來。\n\n"
                           "主席：繼續報告。\n");
  CHECK(doc.blocks[1].kind == BlockKind::kHeading);
  CHECK(doc.blocks[2].speakers.empty());
  CHECK(names(doc, doc.blocks[3]) == std::vector<std::string>{"陳清寶"});
  CHECK(names(doc, doc.blocks[4]) == std::vector<std::string>{"主席"});
}

TEST_CASE("a numbered heading inside a statement stays in the speaker's turn", "[structure]") {
  Document doc = run_chain("structure",
                           "陳委員清寶：主席、唐院長。本席今天質詢兩個問題。\n\n"
                           "1.落實推動「知識經濟發展方案」\n\n請問院長有何具體作法？\n");
  CHECK(doc.blocks[1].kind == BlockKind::kHeading);
  CHECK(names(doc, doc.blocks[1]) == std::vector<std::string>{"陳清寶"});
  CHECK(names(doc, doc.blocks[2]) == std::vector<std::string>{"陳清寶"});
}

TEST_CASE("the lexicon option adds offices; a bad option is a usage error", "[structure]") {
  CHECK(run_chain("structure", "首席执行官：各位股东。\n").persons.empty());
  CHECK_THROWS(run_chain("structure(lexcon=x)", "x"));
  CHECK_THROWS(run_chain("structure(lexicon=/nonexistent/file)", "x"));
  Document doc = run_chain("structure(redactions=false)", "刚才，XX主任回顾总结了工作。\n");
  CHECK(doc.blocks[0].marks.empty());
}

TEST_CASE("every change is logged", "[structure]") {
  Document doc = run_chain("structure", kFeature);
  std::set<std::string> rules;
  for (const ChangeRecord& c : doc.changes) {
    CHECK(c.filter == "structure");
    rules.insert(c.rule.str());
  }
  CHECK(rules == std::set<std::string>{"title", "caption", "speaker-label"});
}

TEST_CASE("running the filter twice changes nothing more", "[structure]") {
  for (const char* text : {kFeature, kHansard}) {
    Document once = run_chain("structure", text);
    Document twice = run_chain("structure; structure", text);
    CHECK(once.blocks == twice.blocks);
    CHECK(once.persons == twice.persons);
  }
}

TEST_CASE("hostile input does not break the structure filter", "[structure]") {
  CHECK(run_chain("structure", "").blocks.empty());
  CHECK(run_chain("structure", " \n\u3000\n\t\n").persons.empty());
  std::string nul("主席：\0\0現在開會\0", 20);
  CHECK_NOTHROW(run_chain("structure", nul));
  CHECK_NOTHROW(run_chain("structure", "\xCC\x81\xCC\x81：\xEE\x80\x80\xEE\x80\x80XX\n"));
  CHECK_NOTHROW(run_chain("structure", std::string(5000, '(') + "主席" + std::string(5000, ')')));
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "主席：XX議員，";
  Document doc = run_chain("structure", huge);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].marks.size() > 1000);
}

TEST_CASE("no speaker is invented in documents that have none", "[structure][shared]") {
  if (!test::have_shared()) {
    WARN("../shared is missing: skipped");
    return;
  }
  for (const char* path :
       {"seeds/003_5aac4a1c7582f4bd.txt", "seeds/004_9ac7dc2f65e4dea4.txt",
        "corpora/annual-reports/derived_raw_txt/"
        "2020-01-21__江苏安靠智能输电工程科技股份有限公司__300617__安靠智电__2019年__"
        "年度报告.txt"}) {
    INFO(path);
    std::string text = test::slurp(test::shared_path(path));
    CHECK(run_chain("structure", text).persons.empty());
    // Also with every line its own block, as line repair leaves 003 and 004.
    std::string split;
    for (char c : text) split += c == '\n' ? std::string("\n\n") : std::string(1, c);
    CHECK(run_chain("structure", split).persons.empty());
  }
}

// The contract corpus mode relies on to skip structure when only the text is written
// (Filter::annotates_only): on real documents it changes no text, no block boundary, no order,
// and makes nothing furniture.
TEST_CASE("structure only annotates: text and blocks are as it found them", "[structure]") {
  CHECK(make_structure_filter(FilterArgs("structure", {}))->annotates_only());
  Pipeline before = Pipeline::build("trim; unicode; furniture; linebreak; punct");
  auto structure = make_structure_filter(FilterArgs("structure", {}));
  auto texts = test::sample_and_seed_texts();
  for (const auto& [path, text] : texts) {
    INFO(path);
    Document doc = test::read_text(text);
    Diagnostics diag;
    before.run(doc, diag);
    Document annotated = doc;
    structure->apply(annotated, diag);
    REQUIRE(annotated.blocks.size() == doc.blocks.size());
    std::size_t retyped = 0;
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
      CHECK(annotated.blocks[i].text == doc.blocks[i].text);
      CHECK(annotated.blocks[i].span == doc.blocks[i].span);
      CHECK(is_furniture(annotated.blocks[i].kind) == is_furniture(doc.blocks[i].kind));
      retyped += annotated.blocks[i].kind != doc.blocks[i].kind;
    }
    CHECK(document_text(annotated) == document_text(doc));
    CHECK(retyped > 0);  // structure did work on each of them
  }
  CHECK(texts.size() >= 4);
}

TEST_CASE("seed 000: displaced statements, joint label and captions", "[structure][shared]") {
  if (!test::have_shared()) {
    WARN("../shared is missing: skipped");
    return;
  }
  Document doc =
      run_chain("structure", test::slurp(test::shared_path("seeds/000_de61e06a78c27474.txt")));
  CHECK(doc.blocks[0].kind == BlockKind::kTitle);
  CHECK(doc.blocks[1].speakers.empty());
  CHECK(names(doc, doc.blocks[2]) == std::vector<std::string>{"黄明会"});  // 2022年，重庆市…
  CHECK(names(doc, doc.blocks[10]) == std::vector<std::string>{"于爱平"});  // 新的一年，自治区…
  CHECK(names(doc, doc.blocks[13]) == std::vector<std::string>{"于爱平"});
  CHECK(doc.blocks[33].kind == BlockKind::kSpeakerLabel);
  CHECK(names(doc, doc.blocks[34]) == std::vector<std::string>{"敬静", "何延政"});
  CHECK(doc.persons.size() == 9);
}

}  // namespace
}  // namespace hantidy
