#include "normalize/linebreak.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/pipeline.h"
#include "tests/support.h"

namespace hantidy {
namespace {

using test::run_chain;

const char* const kChain = "trim; unicode; furniture; linebreak";

std::vector<std::string> content(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks) {
    if (!is_furniture(b.kind)) out.push_back(b.text);
  }
  return out;
}

std::string utf8(const std::u32string& text) {
  std::string out;
  icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()),
                                static_cast<int32_t>(text.size()))
      .toUTF8String(out);
  return out;
}

// A wrapped page of text: cut every `width` characters, as a PDF dump prints it.
std::string wrap(const std::u32string& text, std::size_t width) {
  std::string out;
  for (std::size_t at = 0; at < text.size(); at += width)
    out += utf8(text.substr(at, width)) + "\n";
  return out;
}

TEST_CASE("linebreak joins hard-wrapped lines and splits paragraphs by line evidence",
          "[linebreak]") {
  // Three paragraphs wrapped at 20 characters, no blank lines, as restore-dev's inputs are.
  std::u32string p1 =
      U"在攻坚破冰中重点抓好三项改革任务。以疾控机构改革为抓手，通过等级疾控中心创建提质、"
      U"人才学科建设增效、精神卫生体系改革破题，实现医防协同高质量。";
  std::u32string p2 = U"一、充分肯定去年卫生健康工作成效";
  std::u32string p3 =
      U"全面加强党的建设，抓好公立医院党的建设、基层党组织建设，为高质量发展定航把舵。"
      U"全面加强行业治理，开展执法办案质量年提升三年行动。";
  std::string text = wrap(p1, 20) + wrap(p2, 20) + wrap(p3, 20) + wrap(p1, 20);
  std::vector<std::string> out = content(run_chain(kChain, text));
  REQUIRE(out.size() == 4);
  std::string expect1 = utf8(p1), expect2 = utf8(p2), expect3 = utf8(p3);
  CHECK(out[0] == expect1);
  CHECK(out[1] == expect2);
  CHECK(out[2] == expect3);
}

TEST_CASE("linebreak joins a short PDF dump whose lines vary by a few columns", "[linebreak]") {
  // Lines end 1-3 columns apart because digits, Latin and half-width punctuation are narrower
  // than Han; none of the first lines ends a sentence. A document this short has too few lines
  // for a width percentile: its widest line is the full width.
  struct Case {
    const char* prose;
    const char* input;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"four lines of a statistics bulletin, digits at the line ends",
       "全市共有医疗卫生机构1532个,比上年增加\n27个。其中医院86个,基层医疗卫生机构1398\n"
       "个,专业公共卫生机构48个。全市医疗卫生\n机构床位数达到3.2万张。\n",
       {"全市共有医疗卫生机构1532个,比上年增加27个。其中医院86个,基层医疗卫生机构1398个,"
        "专业公共卫生机构48个。全市医疗卫生机构床位数达到3.2万张。"}},
      {"three lines, a title above",
       "2023年度卫生健康事业发展统计公报\n\n全年总诊疗人次达到4286万人次,比上年增长\n"
       "6.3%。居民平均就诊次数为7.1次,较上年\n有所增加。\n",
       {"2023年度卫生健康事业发展统计公报",
        "全年总诊疗人次达到4286万人次,比上年增长6.3%。居民平均就诊次数为7.1次,较上年有所增加。"}},
      {"a line two columns short (a digit run moved to the next line) in a long block",
       "全市卫生技术人员共有4.1万人，每千人口执业\n医师3.4人，注册护士4.2人。全市共有社区\n"
       "卫生服务中心（站）312个，乡镇卫生院\n1086个，村卫生室4127个，比上年减少\n"
       "35个。基层医疗卫生机构诊疗人次占总诊\n疗人次的52.3%。\n",
       {"全市卫生技术人员共有4.1万人，每千人口执业医师3.4人，注册护士4.2人。全市共有社区卫生服务"
        "中心（站）312个，乡镇卫生院1086个，村卫生室4127个，比上年减少35个。基层医疗卫生机构诊疗人"
        "次占总诊疗人次的52.3%。"}},
      {"a run-in numbered heading: a full line with a comma runs on",
       "（三）对标优质高效，全面\n提升医疗卫生服务能力。医\n疗卫生服务能力的强弱不仅\n"
       "关系群众就医感受。\n",
       {"（三）对标优质高效，全面提升医疗卫生服务能力。医疗卫生服务能力的强弱不仅关系群众就医感受"
        "。"}},
  };
  for (const Case& c : cases) {
    INFO(c.prose);
    CHECK(content(run_chain(kChain, c.input)) == c.expected);
  }
}

TEST_CASE("linebreak never glues a wrapped paragraph to a new paragraph, heading or label",
          "[linebreak]") {
  struct Case {
    const char* prose;
    const char* input;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"a short last line, then a paragraph opening with a date",
       "全市共有医疗卫生机构1532个,比上年增加\n27个。其中医院86个,基层医疗卫生机构1398\n"
       "个。\n2022年，全市卫生健康系统统筹推进疫情\n防控和卫生健康事业发展。\n",
       {"全市共有医疗卫生机构1532个,比上年增加27个。其中医院86个,基层医疗卫生机构1398个。",
        "2022年，全市卫生健康系统统筹推进疫情防控和卫生健康事业发展。"}},
      {"a heading line between wrapped paragraphs",
       "一、总体情况\n全市共有医疗卫生机构1532个,比上年增加\n27个。其中医院86个,"
       "基层医疗卫生机构1398\n"
       "个,专业公共卫生机构48个。\n",
       {"一、总体情况",
        "全市共有医疗卫生机构1532个,比上年增加27个。其中医院86个,基层医疗卫生机构1398个,"
        "专业公共卫生机构48个。"}},
      {"a speaker label above a wrapped paragraph",
       "某市卫生健康委主任 张三\n全市共有医疗卫生机构1532个,比上年增加\n27个。其中医院86个,"
       "基层医疗卫生机构1398\n个,专业公共卫生机构48个。\n",
       {"某市卫生健康委主任 张三",
        "全市共有医疗卫生机构1532个,比上年增加27个。其中医院86个,基层医疗卫生机构1398个,"
        "专业公共卫生机构48个。"}},
      {"a name-only caption after a wrapped paragraph",
       "全市共有医疗卫生机构1532个,比上年增加\n27个。其中医院86个,基层医疗卫生机构1398\n"
       "个,专业公共卫生机构48个。\n\n张三\n",
       {"全市共有医疗卫生机构1532个,比上年增加27个。其中医院86个,基层医疗卫生机构1398个,"
        "专业公共卫生机构48个。",
        "张三"}},
      {"three one-sentence paragraphs of similar width, one per line",
       "全市共有医疗卫生机构1532个。\n其中医院86个，基层机构1398个。\n专业公共卫生机构48个。\n",
       {"全市共有医疗卫生机构1532个。", "其中医院86个，基层机构1398个。",
        "专业公共卫生机构48个。"}},
  };
  for (const Case& c : cases) {
    INFO(c.prose);
    CHECK(content(run_chain(kChain, c.input)) == c.expected);
  }
}

TEST_CASE("linebreak joins Latin wraps with a space and rejoins hyphenated words", "[linebreak]") {
  std::vector<std::string> out = content(
      run_chain("linebreak", "The committee asked for a com-\nprehensive review of the\nscheme."));
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "The committee asked for a comprehensive review of the scheme.");
}

TEST_CASE("linebreak keeps the space of a Latin join across a blank line after a comma",
          "[linebreak]") {
  // The same rule as a join inside a block: the comma's space is not lost.
  std::vector<std::string> out = content(
      run_chain(kChain,
                "我们引用了原文如下：The committee noted that the proposal,\n\nwhich was submitted "
                "last year, was still under review."));
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "我们引用了原文如下：The committee noted that the proposal, which was submitted last year, "
        "was still under review.");
}

TEST_CASE("linebreak joins a soft wrap inside a word in a short document", "[linebreak]") {
  std::vector<std::string> out = content(
      run_chain(kChain, "继续深化医药卫生体制改革，加快紧密型医联体建设，推进创\n新发展。"));
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "继续深化医药卫生体制改革，加快紧密型医联体建设，推进创新发展。");
}

TEST_CASE("linebreak's remembered word breaks tell apart the same characters cut in two places",
          "[linebreak]") {
  // Both breaks show ICU the same seven Han characters, 推进创新发展工, cut after the third
  // (inside 创新: the lines join) or after the fourth (between 创新 and 发展: they do not). The
  // remembered answer must be keyed by where the cut is too, or the second asked would get the
  // first one's answer. Asked in both orders on one thread, so one of them is always the second.
  const std::string before = "继续深化医药卫生体制改革，加快紧密型医联体建设，";
  const std::string after = "，并且要持续加强医疗卫生服务体系建设和人才队伍的培养工作。";
  const std::string inside = before + "推进创\n新发展工" + after;
  const std::string between = before + "推进创新\n发展工" + after;
  for (int order = 0; order < 2; ++order) {
    for (int k = 0; k < 2; ++k) {
      bool cut_inside = (k == order);
      std::vector<std::string> out = content(run_chain(kChain, cut_inside ? inside : between));
      INFO((cut_inside ? "cut inside 创新" : "cut between 创新 and 发展"));
      CHECK(out.size() == (cut_inside ? 1u : 2u));
    }
  }
}

TEST_CASE("linebreak splits a file with one paragraph per line", "[linebreak]") {
  std::string text =
      "同志们：\n刚才，XX主任回顾总结了2021年全市卫生健康工作，我完全同意。\n"
      "一、充分肯定去年卫生健康工作成效\n2021年以来，全市卫生健康系统团结拼搏，各项工作都取得了良好"
      "成效。\n"
      "一是疫情防控有力有效。精准管控中高风险地区来安返安人员，实现了本土病例零感染。\n";
  std::vector<std::string> out = content(run_chain(kChain, text));
  REQUIRE(out.size() == 5);
  CHECK(out[0] == "同志们：");
  CHECK(out[2] == "一、充分肯定去年卫生健康工作成效");
}

TEST_CASE("linebreak keeps a two-line speaker label in one block", "[linebreak]") {
  std::string text =
      "北京市政协副主席、北京市卫生健康委主任 于鲁明\n北京市卫生健康委党委书记、副主任(兼) "
      "钟东波\n\n"
      "2021年,北京市卫生健康系统统筹推进常态化疫情防控和卫生健康事业发展。";
  std::vector<std::string> out = content(run_chain(kChain, text));
  REQUIRE(out.size() == 2);
  CHECK(out[0].find('\n') != std::string::npos);
}

TEST_CASE("linebreak joins a paragraph broken by a page number and running header", "[linebreak]") {
  std::string text =
      "继续深化医药卫生体制改革,加\n\n- 3 -\n\n唯有改革 "
      "唯有奋斗\n\n快紧密型医联体建设,促进优质医疗资源下沉。\n\n"
      "- 4 -\n\n唯有改革 唯有奋斗\n\n新的段落。";
  Document doc = run_chain(kChain, text);
  std::vector<std::string> out = content(doc);
  REQUIRE(out.size() == 2);
  CHECK(out[0] == "继续深化医药卫生体制改革,加快紧密型医联体建设,促进优质医疗资源下沉。");
  // The joined paragraph maps back to both places in the source.
  const Block& joined = doc.blocks[0];
  std::size_t kuai = joined.text.find("快");
  CHECK(joined.source_offset(kuai) == doc.sources[0].text.find("快"));
}

TEST_CASE("linebreak joins across a blank line only on evidence", "[linebreak]") {
  struct Case {
    const char* prose;
    const char* input;
    std::size_t blocks;
  };
  const Case cases[] = {
      {"a join inside a word (加|快)",
       "继续深化医药卫生体制改革,加\n\n快紧密型医联体建设,促进优质医疗资源下沉。", 1},
      {"an open title mark",
       "将深入落实《关于推进公立医院\n\n高质量发展的实施意见》,加强区域医疗中心建设。", 1},
      {"a comma at the end", "持续深化医疗、医保、\n\n医药联动改革。持续深化疾控管理体制。", 1},
      {"a full stop ends the paragraph", "推进医改。继续深化改革。\n\n新的一年里推进健康建设。", 2},
      {"a new paragraph opener (a year)",
       "推进医疗服务模式创新，实现从规模效益型向质量内涵型转\n\n2022年，西藏卫生健康系统将聚焦解决"
       "急难愁盼。",
       2},
      {"a name-only caption is not glued", "全面推进健康新疆建设，筑牢健康基石\n\n于爱平", 2},
      {"a heading is not glued",
       "全面推进健康新疆建设，筑牢健康基石\n\n## 守正创新 推动健康中国建设", 2},
      {"a label is not continued", "河北省卫生健康委党组书记 梁占凯\n\n河北省卫生健康委主任 杨猛",
       2},
      // A trailing comma says the sentence goes on, but not into a block that starts a unit of
      // its own: gluing would lose the label and its speaker, or the list item.
      {"a colon label after a trailing comma",
       "我们坚持以人民健康为中心，持续深化医药卫生体制改革，\n\n主席：\n\n新的一年。", 3},
      {"a colon label with its statement after a trailing comma",
       "我们坚持以人民健康为中心，持续深化医药卫生体制改革，\n\n葉劉淑儀議員：主席，香港存有一種意"
       "見。",
       2},
      {"a numbered item after a trailing comma",
       "本次会议审议了以下事项，主要包括以下几个方面，\n\n1. 关于预算的报告；\n\n2. "
       "关于决算的报告。",
       3},
      {"a Chinese-numbered item after a trailing comma",
       "本次会议审议了以下事项，主要包括以下几个方面，\n\n（一）关于本市二〇二二年预算执行情况和二"
       "〇二三年预算草案的报告；",
       2},
      {"a bullet after a trailing comma",
       "本次会议审议了以下事项，主要包括以下几个方面，\n\n- "
       "关于本市二〇二二年预算执行情况和二〇二三年预算草案的报告；",
       2},
      {"an indented paragraph after a trailing comma",
       "本次会议审议了以下事项，主要包括以下几个方面，\n\n\u3000\u3000关于本市二〇二二年预算执行情"
       "况和二〇二三年预算草案的报告。",
       2},
      {"a role-name label across a page break",
       "我们坚持以人民健康为中心，持续深化医药卫生\n体制改革，推进公立医院高质量发展，加强区域\n"
       "医疗中心建设，推动优质医疗资源扩容下沉和区\n域均衡布局，全面提升基层医疗卫生服务能力和\n\n"
       "- 3 -\n\n北京市卫生健康委主任 于鲁明\n\n新的一年，北京市卫生健康系统将继续努力。",
       3},
  };
  for (const Case& c : cases) {
    INFO(c.prose);
    CHECK(content(run_chain(kChain, c.input)).size() == c.blocks);
  }
}

TEST_CASE("linebreak rejoins displaced fragments after headings, in order", "[linebreak]") {
  std::string text =
      "以二级、三级公立医院绩效考核为抓手，推进医疗服务模式创\n\n"
      "2021年，西藏自治区卫生健康系统把中央关怀、全国支持与自身艰苦奋斗结合起来，推进远程医疗乡级全"
      "覆盖。三是\n\n"
      "## 重庆市卫生健康委党委书记、主任 黄明会\n\n"
      "新，实现从规模效益型向质量内涵型转变，实现三医高质量联动。\n\n"
      "## 西藏自治区卫生健康委党组书记、副主任 谭相东\n\n"
      "以资源布局为切入点，争创国家高原病医学中心和区域医疗中心。\n";
  std::vector<std::string> out = content(run_chain(kChain, text));
  REQUIRE(out.size() == 4);
  CHECK(out[0].ends_with(
      "推进医疗服务模式创新，实现从规模效益型向质量内涵型转变，实现三医高质量联动。"));
  CHECK(out[1].ends_with("三是以资源布局为切入点，争创国家高原病医学中心和区域医疗中心。"));
}

TEST_CASE("linebreak does not cascade sections without a final stop into one paragraph",
          "[linebreak]") {
  // Every paragraph here dangles (no 。 at its end): none is the rest of another, so each stays
  // under its own heading.
  std::string text =
      "# 报告\n\n我们要坚持以人民为中心，推动高质量发展取得新成效\n\n## 一、标题一\n\n"
      "各级政府要加强组织领导，压实工作责任\n\n## 二、标题二\n\n全体干部要牢记使命，奋勇前进\n\n"
      "## 三、标题三\n\n最后一段。\n";
  std::vector<std::string> out = content(run_chain(kChain, text));
  REQUIRE(out.size() == 8);
  CHECK(out[1] == "我们要坚持以人民为中心，推动高质量发展取得新成效");
  CHECK(out[3] == "各级政府要加强组织领导，压实工作责任");
  CHECK(out[5] == "全体干部要牢记使命，奋勇前进");
}

// The seeds-gold spec: "a+b" entries are paragraphs split by a layout break.
struct SeedDoc {
  std::string name;
  bool lines = false;
  std::vector<std::pair<int, int>> joins;
};

std::vector<SeedDoc> parse_gold_spec(const std::string& spec) {
  std::vector<SeedDoc> docs;
  std::istringstream in(spec);
  std::string line;
  std::regex join("\\b(\\d+)\\+(\\d+)\\b");
  while (std::getline(in, line)) {
    if (line.starts_with("#")) continue;
    if (line.starts_with("doc ")) {
      std::istringstream words(line.substr(4));
      SeedDoc doc;
      std::string flag;
      words >> doc.name >> flag;
      doc.lines = flag == "lines";
      docs.push_back(doc);
      continue;
    }
    if (docs.empty()) continue;
    for (std::sregex_iterator it(line.begin(), line.end(), join), end; it != end; ++it) {
      docs.back().joins.emplace_back(std::stoi((*it)[1]), std::stoi((*it)[2]));
    }
  }
  return docs;
}

// NFKC without white space and without the Markdown heading mark: how blocks are compared.
std::string canon(std::string s) {
  s = std::regex_replace(s, std::regex("^#+\\s*"), "");
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u =
      icu::Normalizer2::getNFKCInstance(status)->normalize(icu::UnicodeString::fromUTF8(s), status);
  std::string out, norm;
  u.toUTF8String(norm);
  for (char c : norm) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out += c;
  }
  return out;
}

std::vector<std::string> seed_blocks(const std::string& text, bool lines) {
  std::vector<std::string> blocks;
  std::string current;
  std::istringstream in(text);
  std::string line;
  auto blank = [](const std::string& l) {
    return l.find_first_not_of(" \t\r") == std::string::npos;
  };
  while (std::getline(in, line)) {
    if (lines) {
      if (!blank(line)) blocks.push_back(line);
      continue;
    }
    if (blank(line)) {
      if (!current.empty()) blocks.push_back(current);
      current.clear();
    } else {
      current += (current.empty() ? "" : "\n") + line;
    }
  }
  if (!current.empty()) blocks.push_back(current);
  return blocks;
}

TEST_CASE("linebreak makes every join of seeds-gold.spec on the seeds and merges nothing else",
          "[linebreak][seeds]") {
  if (!test::have_shared()) {
    WARN("../shared not found; skipping");
    return;
  }
  std::vector<SeedDoc> docs =
      parse_gold_spec(test::slurp(test::shared_path("eval/seeds-gold.spec")));
  REQUIRE(docs.size() == 5);
  std::size_t joins = 0;
  for (const SeedDoc& seed : docs) {
    INFO(seed.name);
    std::string text = test::slurp(test::shared_path("seeds/" + seed.name));
    std::vector<std::string> blocks = seed_blocks(text, seed.lines);
    std::set<std::string> out;
    std::size_t out_count = 0;
    for (const std::string& b : content(run_chain(kChain, text))) {
      out.insert(canon(b));
      ++out_count;
    }
    std::set<int> joined;
    for (auto [a, b] : seed.joins) {
      INFO("join " << a << "+" << b);
      REQUIRE(static_cast<std::size_t>(b) <= blocks.size());
      CHECK(out.count(canon(blocks[a - 1]) + canon(blocks[b - 1])) == 1);
      joined.insert(a);
      joined.insert(b);
      ++joins;
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (joined.count(static_cast<int>(i + 1))) continue;
      INFO("block " << i + 1 << ": " << blocks[i].substr(0, 60));
      CHECK(out.count(canon(blocks[i])) == 1);
    }
    CHECK(out_count == blocks.size() - seed.joins.size());
  }
  CHECK(joins == 30);
}

TEST_CASE("linebreak joins a LegCo sentence broken across a page boundary", "[linebreak][legco]") {
  if (!test::have_shared()) {
    WARN("../shared not found; skipping");
    return;
  }
  std::string text =
      test::slurp(test::shared_path("corpora/legco-hansard/txt/12-13-cm0110-translate-c.txt"));
  text = text.substr(0, text.find("\n", 60000));
  Document doc = run_chain(kChain, text);
  std::size_t found = 0;
  for (const Block& b : doc.blocks) {
    if (b.text.find("供 15年後強積金便有 557,000元") != std::string::npos) {
      ++found;
      CHECK(b.kind == BlockKind::kParagraph);
      CHECK(b.text.find("其實，很多同事也非常關心強積金") < 4);
    }
    // No compatibility ideograph or Kangxi radical survives.
    CHECK_FALSE(std::regex_search(b.text, std::regex("\xEF\xA4[\x80-\xBF]|\xEF\xA5|\xE2\xBC")));
  }
  CHECK(found == 1);
}

TEST_CASE("linebreak survives hostile input", "[linebreak]") {
  CHECK(run_chain(kChain, "").blocks.empty());
  CHECK_NOTHROW(run_chain(kChain, "  \n \n\t"));
  CHECK_NOTHROW(run_chain(kChain, std::string("甲\0乙\n丙", 11)));
  CHECK_NOTHROW(run_chain(kChain, "\u0301\n\uE000\n《《《《（（（（“““"));
  std::string nested;
  for (int i = 0; i < 5000; ++i) nested += "《（“";
  CHECK_NOTHROW(run_chain(kChain, nested + "\n" + nested));
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "推进健康中国建设，";
  CHECK(content(run_chain(kChain, huge)).size() == 1);
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "推进健康中国建设\n";
  CHECK_NOTHROW(run_chain(kChain, many));
}

TEST_CASE("linebreak takes no options", "[linebreak]") {
  CHECK_THROWS(Pipeline::build("linebreak(x)"));
}

}  // namespace
}  // namespace hantidy

namespace hantidy {
namespace {

// The layout's percentiles are read off per-length counts unless a line is too long for them;
// a wrapped page with one line of 70000 characters takes the other path and still joins.
TEST_CASE("linebreak measures a layout with a huge line", "[linebreak]") {
  const std::u32string pattern = U"推进医疗服务模式创新加快建设";
  auto line = [&](std::size_t n, std::size_t offset) {
    std::u32string out;
    for (std::size_t i = 0; i < n; ++i) out += pattern[(offset + i) % pattern.size()];
    return out;
  };
  std::vector<std::u32string> lines;
  for (std::size_t i = 0; i < 20; ++i) lines.push_back(line(30, i));
  lines.insert(lines.begin() + 5, line(70000, 7));
  std::u32string joined;
  std::string text;
  for (const std::u32string& l : lines) {
    joined += l;
    if (!text.empty()) text += "\n";
    icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(l.data()),
                                  static_cast<int32_t>(l.size()))
        .toUTF8String(text);
  }
  text += "。";
  std::string expected;
  icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(joined.data()),
                                static_cast<int32_t>(joined.size()))
      .toUTF8String(expected);
  expected += "。";
  Document doc = run_chain("trim; linebreak", text);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == expected);
}

TEST_CASE("linebreak counts the lines near full from per-length counts as line by line",
          "[linebreak]") {
  std::mt19937 rng(11);
  for (int k = 0; k < 3000; ++k) {
    std::vector<int> lengths(rng() % 40);
    int longest = 1 + static_cast<int>(rng() % 120);
    for (int& w : lengths) w = static_cast<int>(rng() % static_cast<unsigned>(longest + 1));
    std::vector<std::size_t> counts(static_cast<std::size_t>(longest) + 1);
    for (int w : lengths) ++counts[static_cast<std::size_t>(w)];
    int full = static_cast<int>(rng() % 140);
    for (int low : {85, 96, static_cast<int>(rng() % 111)}) {
      INFO("full " << full << " low " << low << " lines " << lengths.size());
      REQUIRE(linebreak_detail::lines_near(lengths, counts, full, low) ==
              linebreak_detail::lines_near(lengths, {}, full, low));
    }
  }
}

TEST_CASE("linebreak measures a line of more than 21 million columns", "[linebreak]") {
  // 11 million ideographs are 22 million columns: times 100 that overflows an int, which the
  // sanitizer build (scripts/sanitize) reports. Lengths are capped, so the layout is still read.
  std::string text;
  for (int i = 0; i < 20; ++i) text += "推进医疗服务模式创新加快建设推进医疗服务模式创新\n";
  std::string huge;
  huge.reserve(33'000'000);
  while (huge.size() < 33'000'000) huge += "推进医疗服务模式创新加快建设";
  text += huge + "\n推进医疗服务模式创新。";
  Document doc = run_chain("linebreak", text);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text.size() == text.size() - 21);  // the 21 line breaks joined
}

}  // namespace
}  // namespace hantidy
