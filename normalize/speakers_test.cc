#include "normalize/speakers.h"

#include <catch2/catch.hpp>
#include <random>

#include "core/pipeline.h"
#include "tests/support.h"

namespace hantidy {
namespace {

const OfficeLexicon& lexicon() {
  static const OfficeLexicon lex = OfficeLexicon::built_in();
  return lex;
}

TEST_CASE("ROLE NAME labels of a magazine feature give name and role as printed", "[structure]") {
  auto label = parse_role_name_label("重庆市卫生健康委党委书记、主任 黄明会", lexicon());
  REQUIRE(label);
  CHECK(label->shape == LabelShape::kRoleName);
  REQUIRE(label->people.size() == 1);
  CHECK(label->people[0].name == "黄明会");
  CHECK(label->people[0].role == "重庆市卫生健康委党委书记、主任");
}

TEST_CASE("a two-line ROLE NAME label is a joint statement of both people", "[structure]") {
  auto label = parse_role_name_label(
      "北京市政协副主席、北京市卫生健康委主任 于鲁明\n北京市卫生健康委党委书记、副主任（兼） "
      "钟东波",
      lexicon());
  REQUIRE(label);
  REQUIRE(label->people.size() == 2);
  CHECK(label->people[0].role == "北京市政协副主席、北京市卫生健康委主任");
  CHECK(label->people[1].name == "钟东波");
  CHECK(label->people[1].role == "北京市卫生健康委党委书记、副主任（兼）");
  // The ASCII form punct has not converted yet, and trailing spaces / U+3000 separators.
  auto ascii = parse_role_name_label(
      "四川省卫生健康委党组书记 敬静  \n四川省卫生健康委副主任(兼)　何延政", lexicon());
  REQUIRE(ascii);
  CHECK(ascii->people[1].name == "何延政");
}

TEST_CASE("a ROLE NAME label whose space was removed is still split at the office", "[structure]") {
  auto label = parse_role_name_label("北京市政协副主席、北京市卫生健康委主任于鲁明", lexicon());
  REQUIRE(label);
  CHECK(label->people[0].name == "于鲁明");
  CHECK(label->people[0].role == "北京市政协副主席、北京市卫生健康委主任");
  auto dotted = parse_role_name_label("新疆生产建设兵团卫生健康委主任艾麦尔江·吐尼牙孜", lexicon());
  REQUIRE(dotted);
  CHECK(dotted->people[0].name == "艾麦尔江·吐尼牙孜");
  CHECK(parse_role_name_label("北京市卫生健康委党委书记、副主任（兼）钟东波", lexicon())
            ->people[0]
            .name == "钟东波");
  CHECK_FALSE(parse_role_name_label("唯有改革唯有奋斗", lexicon()));
  CHECK_FALSE(parse_role_name_label("北京市卫生健康委主任", lexicon()));
}

TEST_CASE("a joint label whose two lines were joined still names both people", "[structure]") {
  auto label =
      parse_role_name_label("四川省卫生健康委党组书记 敬静四川省卫生健康委主任 何延政", lexicon());
  REQUIRE(label);
  REQUIRE(label->people.size() == 2);
  CHECK(label->people[0].name == "敬静");
  CHECK(label->people[0].role == "四川省卫生健康委党组书记");
  CHECK(label->people[1].name == "何延政");
  CHECK(label->people[1].role == "四川省卫生健康委主任");
  CHECK_FALSE(parse_role_name_label("四川省卫生健康委党组书记 敬静和同事们 何延政", lexicon()));
  auto beijing = parse_role_name_label(
      "北京市政协副主席、北京市卫生健康委主任 于鲁明北京市卫生健康委党委书记、副主任（兼） 钟东波",
      lexicon());
  REQUIRE(beijing);
  CHECK(beijing->people[0].name == "于鲁明");
  CHECK(beijing->people[1].role == "北京市卫生健康委党委书记、副主任（兼）");
}

TEST_CASE("a joint label that lost the space after its first office names both people",
          "[structure]") {
  // unicode removes a space between CJK characters unless a name of at most four characters
  // follows it up to the next space: in "主任 于鲁明上海市…主任 邬惊雷" only the second stays.
  auto label =
      parse_role_name_label("北京市卫生健康委主任于鲁明上海市卫生健康委主任 邬惊雷", lexicon());
  REQUIRE(label);
  REQUIRE(label->people.size() == 2);
  CHECK(label->people[0].name == "于鲁明");
  CHECK(label->people[0].role == "北京市卫生健康委主任");
  CHECK(label->people[1].name == "邬惊雷");
  CHECK(label->people[1].role == "上海市卫生健康委主任");
  // No space left at all, three people, and a two-character name whose next role starts like
  // the previous one.
  auto three = parse_role_name_label(
      "四川省卫生健康委党组书记张静四川省卫生健康委主任何延政四川省卫生健康委副主任王锐",
      lexicon());
  REQUIRE(three);
  REQUIRE(three->people.size() == 3);
  CHECK(three->people[0].name == "张静");
  CHECK(three->people[1].name == "何延政");
  CHECK(three->people[1].role == "四川省卫生健康委主任");
  CHECK(three->people[2].name == "王锐");
  CHECK(three->people[2].role == "四川省卫生健康委副主任");
  // One role with two offices is one person.
  auto one = parse_role_name_label("北京市政协副主席、北京市卫生健康委主任 于鲁明", lexicon());
  REQUIRE(one);
  CHECK(one->people.size() == 1);
  auto deputy = parse_role_name_label("国家卫生健康委主任助理兼规划司司长 王明", lexicon());
  REQUIRE(deputy);
  CHECK(deputy->people.size() == 1);
}

TEST_CASE("names joined by a middle dot are kept whole", "[structure]") {
  auto label = parse_role_name_label("新疆生产建设兵团卫生健康委主任 艾麦尔江·吐尼牙孜", lexicon());
  REQUIRE(label);
  CHECK(label->people[0].name == "艾麦尔江·吐尼牙孜");
  CHECK(is_person_name("艾麦尔江·吐尼牙孜"));
  CHECK_FALSE(is_person_name("·吐尼牙孜"));
}

TEST_CASE("titles and sentences are not ROLE NAME labels", "[structure]") {
  INFO("a title of two phrases: the first part is not a role");
  CHECK_FALSE(parse_role_name_label("唯有改革 唯有奋斗", lexicon()));
  CHECK_FALSE(parse_role_name_label("披坚执锐 奋楫扬帆", lexicon()));
  INFO("a sentence that mentions an office");
  CHECK_FALSE(parse_role_name_label("在二〇二四年新年贺词中,国家主席 习近平强调", lexicon()));
  INFO("a role alone, no name");
  CHECK_FALSE(parse_role_name_label("天津市卫生健康委主任", lexicon()));
  INFO("a label line followed by text");
  CHECK_FALSE(parse_role_name_label(
      "甘肃省卫生健康委主任 郭玉芬\n2022年，甘肃省卫生健康系统将进一步优化", lexicon()));
  CHECK_FALSE(parse_role_name_label("", lexicon()));
}

TEST_CASE("Hong Kong labels: NAME + title, an organisation + office, the chair", "[structure]") {
  auto member = parse_colon_label("鄧家彪議員：主席，我動議通過我的議案。", lexicon());
  REQUIRE(member);
  CHECK(member->shape == LabelShape::kNameTitle);
  CHECK(member->people[0].name == "鄧家彪");
  CHECK(member->people[0].role == "議員");
  CHECK(member->run_in);
  auto official = parse_colon_label("財經事務及庫務局局長：主席，", lexicon());
  REQUIRE(official);
  CHECK(official->shape == LabelShape::kOffice);
  CHECK(official->people[0].role == "財經事務及庫務局局長");
  auto chair = parse_colon_label("主席：", lexicon());
  REQUIRE(chair);
  CHECK_FALSE(chair->run_in);
  CHECK(parse_colon_label("代理主席：是的。", lexicon())->people[0].name == "代理主席");
  auto numbered = parse_colon_label("1. 林健鋒議員：據報，法定最低工資的實施", lexicon());
  REQUIRE(numbered);
  CHECK(numbered->people[0].name == "林健鋒");
  CHECK(
      std::string("1. 林健鋒議員：據報").substr(numbered->begin, numbered->end - numbered->begin) ==
      "林健鋒議員：");
  CHECK(parse_colon_label("范國威議員:好的，謝謝。", lexicon())->people[0].name == "范國威");
}

TEST_CASE("an office of a short organisation whose name starts like a surname is an office",
          "[structure]") {
  // 房, 文, 林 are surnames, but 房屋局, 文化局, 林業局 are bureaux: 局 ends no given name.
  for (const char* text : {"房屋局局長：主席，多謝。", "文化局局長：", "林業局局長：好。"}) {
    INFO(text);
    auto label = parse_colon_label(text, lexicon());
    REQUIRE(label);
    CHECK(label->shape == LabelShape::kOffice);
    CHECK(label->people[0].name == label->people[0].role);
  }
  auto all = parse_colon_label("全體委員：贊成。", lexicon());
  REQUIRE(all);
  CHECK(all->shape == LabelShape::kOffice);
  CHECK(all->people[0].name == "全體委員");
  // A given name may end in 行 or 心: still a member.
  auto member = parse_colon_label("陳志行議員：主席，多謝。", lexicon());
  REQUIRE(member);
  CHECK(member->shape == LabelShape::kNameTitle);
  CHECK(member->people[0].name == "陳志行");
}

TEST_CASE("Taiwan labels: SURNAME + title + GIVEN", "[structure]") {
  auto label =
      parse_colon_label("陳委員清寶：（在台下）讓行政院先減列六千億元再送過來。", lexicon());
  REQUIRE(label);
  CHECK(label->shape == LabelShape::kSurnameTitleGiven);
  CHECK(label->people[0].name == "陳清寶");
  CHECK(label->people[0].role == "委員");
  CHECK(parse_colon_label("蔡主任委員英文：主席、各位委員。", lexicon())->people[0].role ==
        "主任委員");
  CHECK(parse_colon_label("唐院長飛：主席、各位委員。", lexicon())->people[0].name == "唐飛");
  INFO("a married woman's two surnames");
  CHECK(parse_colon_label("張蔡委員美：主席。", lexicon())->people[0].name == "張蔡美");
  INFO("a Markdown bullet and a note before the colon");
  CHECK(parse_colon_label("    * 劉委員文雄：（十四時三十分）主席", lexicon())->people[0].name ==
        "劉文雄");
  CHECK(parse_colon_label("郭委員素春（在席位上）：他只向你報告。", lexicon())->people[0].name ==
        "郭素春");
  CHECK(parse_colon_label("巴燕‧達魯委員：主席。", lexicon())->people[0].name == "巴燕‧達魯");
}

TEST_CASE("colon lines that are not speakers", "[structure]") {
  for (const char* line :
       {"程序委員會意見：擬請院會將本案交財政委員會。",
        "下列文件是根據《議事規則》第21(2)條的規定提交：", "出席議員：", "缺席議員：", "同志们：",
        "资料来源：收入及工時調查，統計處。", "註：", "提案人：", "連署人：", "說明：",
        "做好今年卫生健康工作，要重点把握好五个方面要求:",
        "在二〇二四年新年贺词中,国家主席习近平强调:“我们的目标很宏伟”",
        "主席，就該數萬個職位空缺而言：", "", "：", "主席"}) {
    INFO(line);
    CHECK_FALSE(parse_colon_label(line, lexicon()));
  }
}

TEST_CASE("label spaces are a space, a tab or U+3000, found by their bytes", "[structure]") {
  for (std::string line : {"北京市卫生健康委主任\t于鲁明", "北京市卫生健康委主任　于鲁明",
                           "北京市卫生健康委主任　 于鲁明", " 主任 于鲁明"}) {
    INFO(line);
    auto label = parse_role_name_label(line, lexicon());
    REQUIRE(label);
    REQUIRE(label->people.size() == 1);
    CHECK(label->people[0].name == "于鲁明");
  }
  CHECK_FALSE(parse_role_name_label("主任 王", lexicon()));
  CHECK_FALSE(parse_role_name_label("主任\xE4\xB8于鲁明", lexicon()));  // malformed before the name
  auto two = parse_role_name_label("北京市卫生健康委主任 于鲁明\n\n\n天津市卫生健康委主任 王建国",
                                   lexicon());
  REQUIRE(two);
  CHECK(two->people.size() == 2);
  CHECK_FALSE(parse_colon_label("abc：def", lexicon()));
  CHECK(parse_colon_label(std::string(100, ' ') + "主席：", lexicon()));
  CHECK_FALSE(parse_colon_label(std::string(120, ' ') + "主席：", lexicon()));  // past 120 bytes
}

// parse_role_name_label passes over lines holding ， or 。 without looking up names; lines
// without them, with other marks a role may hold (、 and （兼）), must still be parsed.
// parse_colon_label decodes only up to the first colon: the label must end there, whichever
// colon comes first, and what follows it only makes the label run in.
TEST_CASE("the label shortcuts decide as the full parse did", "[structure]") {
  auto role =
      parse_role_name_label("北京市政协副主席、北京市卫生健康委主任（兼） 于鲁明", lexicon());
  REQUIRE(role);
  CHECK(role->people[0].role == "北京市政协副主席、北京市卫生健康委主任（兼）");
  CHECK_FALSE(parse_role_name_label("北京市卫生健康委主任，于鲁明", lexicon()));
  CHECK_FALSE(parse_role_name_label("北京市卫生健康委主任 于鲁明\n天津市。主任 王建国", lexicon()));
  auto colon = parse_colon_label("主席:現在開會：請坐。", lexicon());
  REQUIRE(colon);
  CHECK(colon->end == std::string_view("主席:").size());
  CHECK(colon->run_in);
  auto wide = parse_colon_label("主席：時間: 10點", lexicon());
  REQUIRE(wide);
  CHECK(wide->end == std::string_view("主席：").size());
  CHECK_FALSE(parse_colon_label("我們說：主席：", lexicon()));  // the first colon decides
  // Compound surnames are looked at only after their first character.
  CHECK(is_person_name("欧阳修"));
  CHECK(is_person_name("司馬光"));
  CHECK(is_person_name("長孫無忌"));
  CHECK_FALSE(is_person_name("司令"));
  CHECK(is_person_name("张简明"));  // 张 alone, or 张简 + 明
  auto numbered = parse_colon_label("12. 鄧家彪議員：據報", lexicon());
  REQUIRE(numbered);
  CHECK(numbered->begin == std::string_view("12. ").size());
  CHECK(numbered->people[0].name == "鄧家彪");
}

// parse_role_name_label passes over a block whose last character is not Han without splitting
// it into lines: the full parse must reject every such block, on random blocks of label parts,
// clause marks, spaces (U+3000 and its bytes alone), line breaks and malformed bytes.
void check_role_name_shortcut(const std::string& block, std::size_t& passed_over,
                              std::size_t& labels) {
  INFO(block);
  bool may_be = speakers_detail::may_be_role_name_label(block);
  std::optional<SpeakerLabel> full = speakers_detail::parse_role_name_lines(block, lexicon());
  if (!may_be) CHECK_FALSE(full);
  passed_over += !may_be;
  labels += full.has_value();
  CHECK(parse_role_name_label(block, lexicon()).has_value() == full.has_value());
}

TEST_CASE("the ROLE NAME shortcut rejects only blocks the full parse rejects", "[structure]") {
  const std::vector<std::string> pieces = {"北京市卫生健康委主任",
                                           "于鲁明",
                                           "主任",
                                           "議員",
                                           "王",
                                           "·",
                                           "艾麦尔江",
                                           " ",
                                           "\t",
                                           "\r",
                                           "\n",
                                           "　",
                                           "\xE3\x80",
                                           "\x80",
                                           "\xE4\xB8",
                                           "\xAD",
                                           "，",
                                           "。",
                                           "（兼）",
                                           "a",
                                           "：",
                                           "兼"};
  std::mt19937 rng(20261123);
  std::size_t passed_over = 0, labels = 0;
  for (int round = 0; round < 20000; ++round) {
    check_role_name_shortcut(test::random_text(pieces, rng() % 8, rng), passed_over, labels);
  }
  CHECK(passed_over > 1000);
  CHECK(labels > 100);
}

TEST_CASE(
    "the ROLE NAME shortcut rejects only blocks the full parse rejects, on every block of "
    "the samples and seeds",
    "[structure]") {
  Pipeline before = Pipeline::build("trim; unicode; furniture; linebreak; punct");
  std::size_t passed_over = 0, labels = 0;
  for (const auto& [path, text] : test::sample_and_seed_texts()) {
    Document doc = test::read_text(text);
    Diagnostics diag;
    before.run(doc, diag);
    for (const Block& b : doc.blocks) check_role_name_shortcut(b.text, passed_over, labels);
  }
  CHECK(passed_over > 100);
  CHECK(labels > 0);
}

}  // namespace
}  // namespace hantidy
