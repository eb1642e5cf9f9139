#include "normalize/office_lexicon.h"

#include <algorithm>
#include <fstream>

#include "core/error.h"

namespace hantidy {
namespace {

// Titles as printed in PRC, Hong Kong and Taiwan records, both scripts. Longer forms first is
// not needed here: add() keeps the list sorted longest first.
constexpr std::string_view kBuiltIn[] = {
    // Party and government (PRC)
    "书记",
    "副书记",
    "書記",
    "副書記",
    "主任",
    "副主任",
    "主席",
    "副主席",
    "委员",
    "委員",
    "常委",
    "主任委员",
    "主任委員",
    "副主任委员",
    "副主任委員",
    "部长",
    "部長",
    "副部长",
    "副部長",
    "省长",
    "省長",
    "副省长",
    "副省長",
    "市长",
    "市長",
    "副市长",
    "副市長",
    "县长",
    "縣長",
    "区长",
    "區長",
    "厅长",
    "廳長",
    "副厅长",
    "副廳長",
    "局长",
    "局長",
    "副局长",
    "副局長",
    "处长",
    "處長",
    "司长",
    "司長",
    "副司长",
    "副司長",
    "院长",
    "院長",
    "副院长",
    "副院長",
    "署长",
    "署長",
    "秘书长",
    "秘書長",
    "总理",
    "總理",
    "副总理",
    "副總理",
    "总统",
    "總統",
    "主委",
    "组长",
    "組長",
    "巡视员",
    "巡視員",
    "总经济师",
    "总会计师",
    "校长",
    "校長",
    "总裁",
    "總裁",
    "副总裁",
    "副總裁",
    "董事长",
    "董事長",
    "总经理",
    "總經理",
    "理事长",
    "理事長",
    "会长",
    "會長",
    "社长",
    "社長",
    "台长",
    "臺長",
    "馆长",
    "館長",
    "所长",
    "所長",
    "主编",
    "主編",
    "总编辑",
    "總編輯",
    // Legislatures (HK, TW)
    "议员",
    "議員",
    "议长",
    "議長",
    "代理主席",
    "行政长官",
    "行政長官",
    "政务委员",
    "政務委員",
    "次长",
    "次長",
    "政务次长",
    "政務次長",
    "主计长",
    "主計長",
    "检察总长",
    "檢察總長",
    "审计长",
    "審計長",
    "法官",
    "大法官",
    "发言人",
    "發言人",
    "召集人",
    "召集委员",
    "召集委員",
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

OfficeLexicon OfficeLexicon::built_in() {
  OfficeLexicon lexicon;
  for (std::string_view office : kBuiltIn) lexicon.add(office);
  return lexicon;
}

void OfficeLexicon::add(std::string_view office) {
  office = trim(office);
  if (office.empty()) return;
  if (std::find(offices_.begin(), offices_.end(), office) != offices_.end()) return;
  auto at = std::find_if(offices_.begin(), offices_.end(),
                         [&](const std::string& o) { return o.size() < office.size(); });
  offices_.insert(at, std::string(office));
  // Indices after the insertion point moved: the index is rebuilt (add runs at start-up only).
  for (auto& bucket : by_last_byte_) bucket.clear();
  for (std::size_t k = 0; k < offices_.size(); ++k) {
    by_last_byte_[static_cast<unsigned char>(offices_[k].back())].push_back(
        static_cast<std::uint32_t>(k));
  }
}

void OfficeLexicon::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(ErrorKind::kIo, "cannot read speaker lexicon '" + path + "'");
  std::string line;
  std::size_t added = 0;
  for (bool first = true; std::getline(in, line); first = false) {
    std::string_view text = line;
    // Editors on Windows save UTF-8 with a byte order mark: it is not part of the first title.
    if (first && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (std::size_t hash = text.find('#'); hash != std::string_view::npos) {
      text = text.substr(0, hash);
    }
    text = trim(text);
    if (text.empty()) continue;
    add(text);
    ++added;
  }
  if (added == 0) {
    throw Error(ErrorKind::kUsage, "speaker lexicon '" + path + "' holds no office title");
  }
}

// suffix looks only at the offices ending in the text's last byte (by_last_byte_, in the
// longest-first order of offices_, so the first match is still the longest): for a title ending
// in a Han character that byte is a continuation byte (64 values), so a handful of offices are
// compared instead of all. prefix looks at one byte before comparing the rest.
std::size_t OfficeLexicon::suffix(std::string_view text) const {
  if (text.empty()) return 0;
  for (std::uint32_t k : by_last_byte_[static_cast<unsigned char>(text.back())]) {
    const std::string& office = offices_[k];
    if (text.size() >= office.size() && text.ends_with(office)) return office.size();
  }
  return 0;
}

std::size_t OfficeLexicon::prefix(std::string_view text) const {
  for (const std::string& office : offices_) {
    if (text.size() >= office.size() && text[office.size() - 1] == office.back() &&
        text.starts_with(office)) {
      return office.size();
    }
  }
  return 0;
}

bool OfficeLexicon::is_office(std::string_view text) const {
  for (std::string_view acting : {"代理", "署理", "副"}) {
    if (text.starts_with(acting) && listed(text.substr(acting.size()))) return true;
  }
  return listed(text);
}

// The longest office a text ends with is the whole text exactly when the text is an office (none
// is longer than the text): so only the offices of the text's own length are compared.
bool OfficeLexicon::listed(std::string_view text) const {
  if (text.empty()) return false;
  for (std::uint32_t k : by_last_byte_[static_cast<unsigned char>(text.back())]) {
    if (offices_[k] == text) return true;
  }
  return false;
}

}  // namespace hantidy
