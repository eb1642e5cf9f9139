#include "normalize/speakers.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <span>

#include "normalize/punct_bytes.h"
#include "normalize/structure_text.h"
#include "normalize/utf8.h"

namespace hantidy {
namespace {

// Common Chinese surnames, simplified and traditional (single characters). A list of surnames
// is language knowledge, not a list of anyone's names: it keeps "出席議員" (出席 + 議員) and
// "各位委員" from being read as a person with a title.
constexpr std::u32string_view kSurnames =
    U"王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮"
    U"邓鄧曹彭曾肖萧蕭田董袁潘于余叶葉蒋蔣蔡杜丁魏程苏蘇吕呂姜沈钟鍾卢盧汪戴崔任陆陸廖"
    U"姚方金邱丘夏谭譚贾賈邹鄒石熊孟秦阎閻薛侯雷白龙龍段郝孔邵史毛常万萬顾顧赖賴武康贺賀严嚴"
    U"尹钱錢施牛洪龚龔汤湯陶黎温溫莫易樊乔喬文安殷颜顏庄莊章鲁魯倪庞龐邢俞翟蓝藍聂聶齐齊"
    U"向葛柴伍覃骆駱关關焦柳欧歐祝纪紀尚毕畢耿芦蘆左季管符辛苗詹鲍鮑包滕戚谷凌艾宁寧甘"
    U"敬仇柯简簡梅岳游涂塗卓屈项項褚蒲单單舒阮霍申苟冉靳邬鄔饶饒聂殷容甄麦麥区區植源岑"
    U"郁尤连連裴柏童储儲卜云雲桂荣榮池汝车車边邊古昌巫虞应應巴尉晏华華麻奚宫宮卞阳陽"
    U"房伏封路乐樂时時居鞠吉全郎党黨瞿翁戈钮鈕姬隋曲官冷蒙滿满明成和甯范鄺邝韋韦谈談湛冼佘盛燕祁闫"
    U"閆练練"
    U"廉藺蔺栗";

constexpr std::u32string_view kCompoundSurnames[] = {
    U"欧阳", U"歐陽", U"司马", U"司馬", U"上官", U"诸葛", U"諸葛", U"东方", U"東方",
    U"皇甫", U"尉迟", U"尉遲", U"公孙", U"公孫", U"令狐", U"慕容", U"宇文", U"长孙",
    U"長孫", U"夏侯", U"端木", U"司徒", U"范姜", U"張簡", U"张简", U"張廖", U"张廖"};

// Characters an organisation name ends with before an office ("…局局長", "…委主任").
constexpr std::u32string_view kOrgEnds =
    U"局司部處处署會会院委府廳厅辦办組组室所庭科團团社行校館馆台臺中心省市縣县區区";
// Those of kOrgEnds that no given name ends with: before an office they make an organisation even
// when the prefix starts with a surname ("房屋局局長", "林業局局長", "文化局局長"). 行, 心, 中 and
// the like are left out: "陳志行議員" is a person.
constexpr std::u32string_view kStrongOrgEnds = U"局司部處处署會会委府廳厅辦办省市縣县區区";
// Words before an office that make it a group, not a person ("全體委員：", "各位議員：").
constexpr std::array<std::u32string_view, 4> kGroupWords = {U"全體", U"全体", U"各位", U"諸位"};

// A colon label lies in the first 120 bytes of its block.
constexpr std::size_t kColonLabelBytes = 120;

// A label line is a role and a name: a hundred code points at most, 4 bytes each at most.
constexpr std::size_t kMaxLabelLineBytes = 400;

constexpr std::string_view kConcurrent[] = {"（兼）", "(兼)"};

// The longest name is_person_name accepts, in code points (a transcribed name with dots).
constexpr std::size_t kMaxNameCodePoints = 20;
// The longest name without a middle dot: a surname and a given name of up to three characters.
constexpr std::size_t kMaxPlainNameCodePoints = 4;

std::u32string to_u32(std::string_view text) {
  std::u32string out;
  for (const CodePoint& cp : decode_utf8(text)) out.push_back(cp.c);
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) append_utf8(c, out);
  return out;
}

bool is_middle_dot(char32_t c) { return c == U'·' || c == U'‧' || c == U'・' || c == U'•'; }

bool all_han(std::u32string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_han);
}

// kSurnames and the first characters of kCompoundSurnames as bit tables, built once: a name's
// first character is looked up for every candidate label, so one bit test instead of a binary
// search and a walk of the compounds. Every surname is in the Basic Multilingual Plane.
struct SurnameTables {
  std::bitset<0x10000> single;
  std::bitset<0x10000> compound_first;
};

const SurnameTables& surname_tables() {
  static const SurnameTables tables = [] {
    SurnameTables t;
    for (char32_t c : kSurnames) t.single.set(c);
    for (std::u32string_view compound : kCompoundSurnames) t.compound_first.set(compound.front());
    return t;
  }();
  return tables;
}

// Length of the surname `s` starts with (compound first); 0 when none.
std::size_t surname_length(std::u32string_view s) {
  if (s.empty() || s.front() >= 0x10000) return 0;
  const SurnameTables& tables = surname_tables();
  if (s.size() >= 2 && tables.compound_first[s.front()]) {
    for (std::u32string_view compound : kCompoundSurnames) {
      if (s.starts_with(compound)) return compound.size();
    }
  }
  return tables.single[s.front()] ? 1 : 0;
}

bool name_u32(std::u32string_view s) {
  if (std::any_of(s.begin(), s.end(), is_middle_dot)) {
    // Transcribed names: Han parts joined by dots, each part non-empty.
    if (s.size() > kMaxNameCodePoints || is_middle_dot(s.front()) || is_middle_dot(s.back()))
      return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (is_middle_dot(s[i])) {
        if (is_middle_dot(s[i + 1])) return false;
      } else if (!is_han(s[i])) {
        return false;
      }
    }
    return true;
  }
  if (s.size() < 2 || s.size() > kMaxPlainNameCodePoints) return false;
  // The surname first: a table look-up, where all_han asks ICU about every character.
  std::size_t sur = surname_length(s);
  return sur > 0 && s.size() > sur && all_han(s);
}

// A role: no clause punctuation, ends with an office (after an optional "（兼）").
bool is_role(std::string_view role, const OfficeLexicon& offices) {
  if (role.empty() || count_code_points(role) > 48) return false;
  for (std::size_t at = 0; at < role.size();) {
    char32_t c = next_code_point(role, at);
    if (is_clause_punct(c) || is_label_space(c)) return false;
  }
  std::string_view core = role;
  for (std::string_view mark : kConcurrent) {
    if (core.ends_with(mark)) core.remove_suffix(mark.size());
  }
  return offices.suffix(core) > 0;
}

// Label spaces (' ', '\t', U+3000) found by their bytes. Exact on any text: ' ' and '\t' are
// ASCII, and E3 80 80 always decodes as U+3000 (E3 is a lead byte, so a forward decode starts a
// code point there, never inside an earlier one).
std::size_t label_space_at(std::string_view s, std::size_t pos) {
  if (s[pos] == ' ' || s[pos] == '\t') return 1;
  return s.substr(pos, 3) == kIdeographicSpace ? 3 : 0;
}
std::size_t label_space_before(std::string_view s, std::size_t end) {
  if (end == 0) return 0;
  if (s[end - 1] == ' ' || s[end - 1] == '\t') return 1;
  return end >= 3 && s.substr(end - 3, 3) == kIdeographicSpace ? 3 : 0;
}

// The shared opening of two roles, in bytes of whole characters: joint labels name people of one
// organisation, so of two ways to split "于鲁明北京市…", the one whose next role starts like the
// previous wins.
std::size_t shared_opening(std::string_view a, std::string_view b) {
  std::size_t shared = 0;
  while (shared < a.size() && shared < b.size() && a[shared] == b[shared]) ++shared;
  // Whole characters only: 党 and 副 share their first byte, which says nothing.
  auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  while (shared > 0 && shared < a.size() && continuation(a[shared])) --shared;
  return shared;
}

// A role that is really "ROLE1NAME1ROLE2" run together: a joint label whose first label space a
// filter removed ("北京市卫生健康委主任于鲁明上海市卫生健康委主任 邬惊雷": the space after 主任
// went with the others between CJK characters). Appends NAME1 with ROLE1 (and so on, for three
// or more people) to `people` and returns the last role, or returns `role` itself when it does
// not split so. Every piece must hold: ROLE1 ends with an office, NAME1 is a surname and a given
// name of two to four characters, ROLE2 ends with an office and is at least kMinJoinedRole
// characters long.
std::string_view split_joined_roles(std::string_view role, const OfficeLexicon& offices,
                                    std::vector<LabelPerson>& people) {
  constexpr std::size_t kMaxPeople = 5;
  constexpr std::size_t kMinJoinedRole = 4;
  for (std::size_t found = 0; found < kMaxPeople; ++found) {
    std::vector<CodePoint> cps = decode_utf8(role);
    std::size_t best_end = 0, best_name = 0, best_score = 0;
    for (std::size_t end = 2; end + 2 + kMinJoinedRole <= cps.size(); ++end) {
      std::string_view first = role.substr(0, cps[end].begin);
      if (!is_role(first, offices)) continue;
      for (std::size_t k : {3, 2, 4}) {
        if (end + k + kMinJoinedRole > cps.size()) continue;
        std::string_view name = role.substr(cps[end].begin, cps[end + k].begin - cps[end].begin);
        std::string_view next = role.substr(cps[end + k].begin);
        if (!is_person_name(name) || !is_role(next, offices)) continue;
        std::size_t score = shared_opening(first, next);
        if (best_end == 0 || score > best_score) {
          best_end = end;
          best_name = k;
          best_score = score;
        }
      }
    }
    if (best_end == 0) return role;
    std::size_t name_begin = cps[best_end].begin, next_begin = cps[best_end + best_name].begin;
    people.push_back({std::string(role.substr(name_begin, next_begin - name_begin)),
                      std::string(role.substr(0, name_begin))});
    role = role.substr(next_begin);
  }
  return role;
}

// One "ROLE NAME" line: the name is the text after the last run of spaces.
std::optional<LabelPerson> role_name_line(std::string_view line, const OfficeLexicon& offices) {
  // The name starts after the last label space (found forwards, 16 bytes a step: only ' ',
  // '\t' and E3, the lead byte of U+3000, can start one).
  std::size_t name_begin = std::string_view::npos;
  for (std::size_t at = 0;
       (at = find_any_of_bytes(line, at, ' ', '\t', 0xE3, 0xE3)) < line.size();) {
    if (std::size_t space = label_space_at(line, at)) {
      at += space;
      name_begin = at;
    } else {
      ++at;
    }
  }
  if (name_begin == std::string_view::npos) {
    // No space (a filter or the typesetter removed it): "…卫生健康委主任于鲁明". The shortest
    // name after a role wins, so "主任于鲁明" is 于鲁明, not 鲁明 after "主任于". The candidate
    // names are the last 2, 3, ... code points, stepped backwards (previous_code_point stops
    // where a forward decode would), as long as something is left for the role.
    std::size_t begin = line.size();
    bool dot = false;
    // Names longer than kMaxPlainNameCodePoints need a middle dot: without one in the line, no
    // longer candidate is looked at.
    bool dotted_line = false;
    for (std::string_view d : {"·", "‧", "・", "•"}) {
      dotted_line = dotted_line || line.find(d) != std::string_view::npos;
    }
    std::size_t longest = dotted_line ? kMaxNameCodePoints : kMaxPlainNameCodePoints;
    for (std::size_t length = 1; length <= longest && begin > 0; ++length) {
      char32_t c = previous_code_point(line, begin);
      // A name is Han characters and middle dots only, so no longer candidate can be one.
      if (!is_han(c) && !is_middle_dot(c)) break;
      dot = dot || is_middle_dot(c);
      if (length < 2) continue;
      if (begin == 0) break;  // no role left
      // Without a middle dot a name has at most four characters.
      if (!dot && length > kMaxPlainNameCodePoints) continue;
      std::string_view name = line.substr(begin);
      std::string_view role = line.substr(0, begin);
      if (is_person_name(name) && is_role(role, offices)) {
        return LabelPerson{std::string(name), std::string(role)};
      }
    }
    return std::nullopt;
  }
  std::size_t role_end = name_begin;
  while (std::size_t k = label_space_before(line, role_end)) role_end -= k;
  if (role_end == 0) return std::nullopt;
  std::string_view name = line.substr(name_begin);
  std::string_view role = line.substr(0, role_end);
  if (!is_person_name(name) || !is_role(role, offices)) return std::nullopt;
  return LabelPerson{std::string(name), std::string(role)};
}

// Two or more label lines that line repair joined into one: "ROLE1 NAME1ROLE2 NAME2". Each
// token between spaces but the first and last is a name followed by the next role.
std::vector<LabelPerson> joined_role_names(std::string_view line, const OfficeLexicon& offices) {
  // The tokens between runs of label spaces; more than five and it is not such a line.
  constexpr std::size_t kMaxTokens = 5;
  std::array<std::string_view, kMaxTokens> tokens;
  std::size_t count = 0;
  std::size_t token_begin = 0;
  for (std::size_t at = 0;;) {
    // The next label space (16 bytes a step: only ' ', '\t' and E3 can start one); the end of
    // the line closes the last token.
    at = find_any_of_bytes(line, at, ' ', '\t', 0xE3, 0xE3);
    std::size_t space = at < line.size() ? label_space_at(line, at) : 0;
    if (space == 0 && at < line.size()) {
      ++at;  // E3 starting another character
      continue;
    }
    if (at > token_begin) {
      if (count == kMaxTokens) return {};
      tokens[count++] = line.substr(token_begin, at - token_begin);
    }
    if (at >= line.size()) break;
    at += space;
    token_begin = at;
  }
  if (count < 3 || !is_role(tokens.front(), offices) || !is_person_name(tokens[count - 1])) {
    return {};
  }
  std::vector<LabelPerson> people;
  std::string role(tokens.front());
  for (std::size_t t = 1; t + 1 < count; ++t) {
    // Where the name ends is ambiguous ("于鲁明北京市…" could be 于鲁 + 明北京市…): the next role
    // usually starts like the previous one ("北京市…"), so take the split that shares most of
    // the previous role's opening; ties go to three-character names, the commonest.
    std::vector<CodePoint> tc = decode_utf8(tokens[t]);
    std::size_t best = 0, best_score = 0;
    for (std::size_t k : {3, 2, 4}) {
      if (k >= tc.size()) continue;
      std::string_view name = tokens[t].substr(0, tc[k].begin);
      std::string_view next = tokens[t].substr(tc[k].begin);
      if (!is_person_name(name) || !is_role(next, offices)) continue;
      std::size_t shared = shared_opening(next, role);
      if (best == 0 || shared > best_score) {
        best = k;
        best_score = shared;
      }
    }
    bool split = best > 0;
    if (split) {
      people.push_back({std::string(tokens[t].substr(0, tc[best].begin)), role});
      role = std::string(tokens[t].substr(tc[best].begin));
    }
    if (!split) return {};
  }
  people.push_back({std::string(tokens[count - 1]), role});
  return people;
}

bool is_colon(char32_t c) { return c == U'：' || c == U':'; }

// Where a label starts: after indentation, a list bullet and an item number ("1. ", "12．").
std::size_t label_start(std::span<const CodePoint> cps) {
  std::size_t i = 0;
  while (i < cps.size() && is_label_space(cps[i].c)) ++i;
  // A Markdown list bullet ("* 主席：…", the g0v gazette conversion).
  if (i + 1 < cps.size() && (cps[i].c == U'*' || cps[i].c == U'-' || cps[i].c == U'•') &&
      is_label_space(cps[i + 1].c)) {
    i += 2;
    while (i < cps.size() && is_label_space(cps[i].c)) ++i;
  }
  std::size_t j = i;
  while (j < cps.size() && is_digit(cps[j].c)) ++j;
  if (j > i && j < cps.size() && (cps[j].c == U'.' || cps[j].c == U'．')) {
    ++j;
    while (j < cps.size() && is_label_space(cps[j].c)) ++j;
    return j;
  }
  return i;
}

}  // namespace

bool is_person_name(std::string_view name) {
  // A name longer than kMaxNameCodePoints is none either way, so it is decoded into a small
  // buffer, not a heap string.
  char32_t buffer[kMaxNameCodePoints + 1];
  std::size_t size = 0;
  for (std::size_t at = 0; at < name.size();) {
    if (size == kMaxNameCodePoints + 1) return false;
    buffer[size++] = next_code_point(name, at);
  }
  return name_u32(std::u32string_view(buffer, size));
}

namespace speakers_detail {

bool may_be_role_name_label(std::string_view block) {
  // Past what trim_space strips from the last line, and the empty lines after it.
  std::string_view rest = trim_space_end(block);
  while (rest.ends_with('\n')) rest = trim_space_end(rest.substr(0, rest.size() - 1));
  // Every way a line parses ends it with a name, and a name (is_person_name) ends with a Han
  // character. previous_code_point reads what a forward decode of the line reads there.
  std::size_t end = rest.size();
  return end > 0 && is_han(previous_code_point(rest, end));
}

std::optional<SpeakerLabel> parse_role_name_lines(std::string_view block,
                                                  const OfficeLexicon& offices) {
  // One to four non-empty lines, none longer than a label line (else a paragraph, not a
  // label): found without splitting a long paragraph into all its lines.
  constexpr std::size_t kMaxLines = 4;
  std::array<std::string_view, kMaxLines> lines;
  std::size_t count = 0;
  for (std::size_t at = 0; at <= block.size();) {
    std::size_t nl = short_line_end(block, at, kMaxLabelLineBytes);
    if (nl == std::string_view::npos) return std::nullopt;  // a paragraph, not a label
    std::string_view line = trim_space(block.substr(at, nl - at));
    at = nl + 1;
    if (line.empty()) continue;
    if (count == kMaxLines || line.size() > kMaxLabelLineBytes) return std::nullopt;
    lines[count++] = line;
  }
  if (count == 0) return std::nullopt;
  // Every way a line can parse (role_name_line, joined_role_names) splits it wholly into roles,
  // which is_role rejects when they hold clause punctuation, names (Han and middle dots only)
  // and label spaces. So a line holding the commonest clause marks, ， or 。, is no label line,
  // and most short paragraphs are passed over here without a name or office being looked up.
  // Found by bytes: EF BC 8C and E3 80 82 always decode as ， and 。 (both lead bytes start a
  // code point wherever they stand).
  for (std::string_view line : std::span(lines.data(), count)) {
    if (line.find("，") != std::string_view::npos || line.find("。") != std::string_view::npos) {
      return std::nullopt;
    }
  }
  SpeakerLabel label;
  label.shape = LabelShape::kRoleName;
  for (std::string_view line : std::span(lines.data(), count)) {
    if (std::optional<LabelPerson> person = role_name_line(line, offices)) {
      std::string_view last_role = split_joined_roles(person->role, offices, label.people);
      if (last_role.size() != person->role.size()) person->role = std::string(last_role);
      label.people.push_back(std::move(*person));
    } else if (std::vector<LabelPerson> joined = joined_role_names(line, offices);
               !joined.empty()) {
      for (LabelPerson& p : joined) label.people.push_back(std::move(p));
    } else {
      return std::nullopt;
    }
  }
  label.begin = 0;
  label.end = block.size();
  return label;
}

}  // namespace speakers_detail

std::optional<SpeakerLabel> parse_colon_label(std::string_view text, const OfficeLexicon& offices) {
  // Only the first line and its first 26 code points can hold a label.
  std::string_view first = text.substr(0, std::min(text.size(), kColonLabelBytes));
  first = first.substr(0, std::min(first.find('\n'), first.size()));
  // No colon (':' or '：', EF BC 9A) among those bytes: no label, and nothing to decode.
  std::size_t ascii_colon = first.find(':'), wide_colon = first.find("：");
  if (ascii_colon == std::string_view::npos && wide_colon == std::string_view::npos) {
    return std::nullopt;
  }
  // Only the code points up to the first colon are looked at: label_start stops at or before
  // it (a colon is no space, bullet, digit or item dot), and the colon searched for after the
  // label's start is that first one. So the rest of the line is not decoded. (The bytes find
  // the colons a decoder finds: ':' is ASCII, and EF is a lead byte, so EF BC 9A always decodes
  // as ：.)
  first = first.substr(
      0, std::min(ascii_colon == std::string_view::npos ? first.size() : ascii_colon + 1,
                  wide_colon == std::string_view::npos ? first.size() : wide_colon + 3));
  // At most 120 bytes, so at most 120 code points: decoded into a buffer on the stack.
  std::array<CodePoint, kColonLabelBytes> buffer;
  std::size_t size = 0;
  for (std::size_t at = 0; at < first.size();) {
    std::size_t begin = at;
    char32_t c = next_code_point(first, at);
    buffer[size++] = {c, begin, at};
  }
  std::span<const CodePoint> cps(buffer.data(), size);
  std::size_t start = label_start(cps);
  std::size_t colon = start;
  while (colon < cps.size() && colon - start <= 26 && !is_colon(cps[colon].c)) ++colon;
  if (colon >= cps.size() || !is_colon(cps[colon].c) || colon - start < 2) return std::nullopt;
  // "郭委員素春（在席位上）：": a short stage note between the name and the colon.
  std::size_t head_end = colon;
  if (cps[colon - 1].c == U'）' || cps[colon - 1].c == U')') {
    std::size_t open = colon - 1;
    while (open > start && cps[open].c != U'（' && cps[open].c != U'(') --open;
    if (open > start && colon - open <= 12) head_end = open;
  }
  for (std::size_t i = start; i < head_end; ++i) {
    if (!is_han(cps[i].c) && !is_middle_dot(cps[i].c)) return std::nullopt;
  }
  std::array<char32_t, kColonLabelBytes> head_buffer;
  for (std::size_t i = start; i < head_end; ++i) head_buffer[i - start] = cps[i].c;
  std::u32string_view head(head_buffer.data(), head_end - start);
  // The head's own bytes: Han characters and middle dots, each decoded from well-formed UTF-8,
  // so they are exactly what encoding the code points again would give.
  std::string_view head8 = first.substr(cps[start].begin, cps[head_end].begin - cps[start].begin);
  SpeakerLabel label;
  label.begin = cps[start].begin;
  label.end = cps[colon].end;
  std::string_view rest = trim_space(text.substr(label.end));
  label.run_in = !rest.empty();

  if (offices.is_office(head8)) {
    label.shape = LabelShape::kOffice;
    label.people.push_back({std::string(head8), std::string(head8)});
    return label;
  }
  // NAME + office ("鄧家彪議員") or organisation + office ("財經事務及庫務局局長").
  if (std::size_t office = offices.suffix(head8); office > 0 && office < head8.size()) {
    std::string_view prefix = head8.substr(0, head8.size() - office);
    // An office is whole characters, so the prefix is too: its code points open the head's.
    std::u32string_view prefix32 = head.substr(0, count_code_points(prefix));
    bool organisation =
        prefix32.size() >= 2 && kStrongOrgEnds.find(prefix32.back()) != std::u32string::npos;
    bool group = std::find(kGroupWords.begin(), kGroupWords.end(), prefix32) != kGroupWords.end();
    if (organisation || group) {
      label.shape = LabelShape::kOffice;
      label.people.push_back({std::string(head8), std::string(head8)});
      return label;
    }
    if (name_u32(prefix32)) {
      label.shape = LabelShape::kNameTitle;
      label.people.push_back({std::string(prefix), std::string(head8.substr(prefix.size()))});
      return label;
    }
    if (prefix32.size() >= 2 && kOrgEnds.find(prefix32.back()) != std::u32string::npos) {
      label.shape = LabelShape::kOffice;
      label.people.push_back({std::string(head8), std::string(head8)});
      return label;
    }
  }
  // SURNAME + office + GIVEN ("陳委員清寶", "蔡主任委員英文"); a married woman's two surnames
  // come first in the same way ("張蔡委員美").
  std::size_t sur = surname_length(head);
  std::size_t two = sur == 1 ? surname_length(head.substr(1)) : 0;
  for (std::size_t length : {sur, two == 1 ? std::size_t{2} : std::size_t{0}}) {
    if (length == 0) continue;
    std::string after = to_utf8(head.substr(length));
    std::size_t office = offices.prefix(after);
    if (office == 0) continue;
    std::u32string given = to_u32(std::string_view(after).substr(office));
    if (!all_han(given) || given.size() > 2 || offices.prefix(to_utf8(given)) != 0) continue;
    label.shape = LabelShape::kSurnameTitleGiven;
    label.people.push_back(
        {to_utf8(head.substr(0, length)) + to_utf8(given), after.substr(0, office)});
    return label;
  }
  return std::nullopt;
}

// Most blocks are paragraphs that end with 。: the shortcut passes over them without splitting
// them into lines.
std::optional<SpeakerLabel> parse_role_name_label(std::string_view block,
                                                  const OfficeLexicon& offices) {
  if (!speakers_detail::may_be_role_name_label(block)) return std::nullopt;
  return speakers_detail::parse_role_name_lines(block, offices);
}

}  // namespace hantidy
