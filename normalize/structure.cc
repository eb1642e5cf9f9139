#include "normalize/structure.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "normalize/block_types.h"
#include "normalize/displaced_statements.h"
#include "normalize/redactions.h"
#include "normalize/speakers.h"
#include "normalize/structure_text.h"

namespace hantidy {
namespace {

constexpr std::string_view kFilter = "structure";
// Only the first few content blocks can be the title (002 prints its lead first).
constexpr std::size_t kTitleWindow = 3;

// The person table: one id per distinct (name, role), in order of first mention.
class PersonTable {
 public:
  explicit PersonTable(Document& doc) : doc_(doc) {
    for (const Person& p : doc.persons) ids_[{p.name, p.role}] = p.id;
  }
  std::string id(const LabelPerson& person) {
    auto key = std::make_pair(person.name, person.role);
    if (auto it = ids_.find(key); it != ids_.end()) return it->second;
    std::string id = "p" + std::to_string(doc_.persons.size() + 1);
    doc_.persons.push_back({id, person.name, person.role});
    ids_[key] = id;
    return id;
  }

 private:
  Document& doc_;
  std::map<std::pair<std::string, std::string>, std::string> ids_;
};

void retype(Document& doc, std::size_t i, BlockKind kind, int level, std::string_view rule) {
  Block& b = doc.blocks[i];
  if (b.kind == kind && b.level == level) return;
  std::string_view from = kind_name(b.kind);  // a name from a static table: it stays valid
  b.kind = kind;
  b.level = level;
  doc.annotate(kFilter, rule, b.span, from, kind_name(kind));
}

void add_mark(Block& block, Mark mark) {
  if (std::find(block.marks.begin(), block.marks.end(), mark) != block.marks.end()) return;
  auto at = std::upper_bound(block.marks.begin(), block.marks.end(), mark,
                             [](const Mark& a, const Mark& b) { return a.begin < b.begin; });
  block.marks.insert(at, std::move(mark));
}

bool is_content(const Block& b) { return !is_furniture(b.kind); }

struct Labels {
  std::map<std::size_t, std::vector<std::string>> speakers;  ///< block → person ids
  std::vector<std::size_t> role_name;                        ///< "ROLE NAME" label blocks
};

// Pass 1: labels, standalone ("北京市…主任 于鲁明", "主席：") or run-in ("主席：現在開會。").
Labels find_labels(Document& doc, const OfficeLexicon& offices) {
  Labels labels;
  PersonTable persons(doc);
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    if (b.kind != BlockKind::kParagraph && b.kind != BlockKind::kHeading &&
        b.kind != BlockKind::kSpeakerLabel) {
      continue;
    }
    std::optional<SpeakerLabel> label = parse_role_name_label(b.text, offices);
    if (!label) label = parse_colon_label(b.text, offices);
    if (!label) continue;
    std::vector<std::string> ids;
    for (const LabelPerson& p : label->people) ids.push_back(persons.id(p));
    labels.speakers[i] = std::move(ids);
    if (label->shape == LabelShape::kRoleName) labels.role_name.push_back(i);
    if (label->run_in) {
      add_mark(b, {label->begin, label->end, "speaker"});
      doc.annotate(kFilter, "run-in-label", b.span, "",
                   std::string_view(b.text).substr(label->begin, label->end - label->begin));
    } else {
      retype(doc, i, BlockKind::kSpeakerLabel, 0, "speaker-label");
    }
  }
  return labels;
}

// Pass 2: a block that is only the name of a labelled person is that person's photo caption.
void find_captions(Document& doc, const Labels& labels) {
  std::map<std::string, std::vector<std::pair<std::size_t, std::string>>, std::less<>>
      by_name;  // name → (label, id)
  for (const auto& [block, ids] : labels.speakers) {
    for (const std::string& id : ids) {
      const Person* p = doc.person(id);
      if (p && p->name != p->role) by_name[p->name].push_back({block, id});
    }
  }
  if (by_name.empty()) return;
  // A caption is exactly a name: a paragraph longer than the longest name, trimmed, is none, and
  // is not compared with the names.
  std::size_t longest = 0;
  for (const auto& entry : by_name) longest = std::max(longest, entry.first.size());
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    if (b.kind != BlockKind::kParagraph) continue;
    std::string_view text = trim_space(b.text);
    if (text.size() > longest) continue;
    auto it = by_name.find(text);
    if (it == by_name.end()) continue;
    // The same name under two labels (two roles): the nearer label's person.
    auto nearest =
        std::min_element(it->second.begin(), it->second.end(), [&](const auto& a, const auto& c) {
          auto d = [&](std::size_t x) { return x > i ? x - i : i - x; };
          return d(a.first) < d(c.first);
        });
    retype(doc, i, BlockKind::kCaption, 0, "caption");
    b.speakers = {nearest->second};
  }
}

// Pass 3: title, numbered headings, salutations and stage notes, by their own shape.
void type_blocks(Document& doc, const Labels& labels) {
  std::size_t first_label =
      labels.speakers.empty() ? doc.blocks.size() : labels.speakers.begin()->first;
  bool have_title = std::any_of(doc.blocks.begin(), doc.blocks.end(),
                                [](const Block& b) { return b.kind == BlockKind::kTitle; });
  std::size_t content_seen = 0;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    if (!is_content(b)) continue;
    ++content_seen;
    if (b.kind != BlockKind::kParagraph && b.kind != BlockKind::kHeading) continue;
    if (labels.speakers.count(i)) continue;
    // Every shape tested here is one short line; most paragraphs are not, and are passed over
    // with one look at their first line.
    std::string_view line = single_short_line(b.text, kMaxShapeLineBytes);
    bool short_line = !line.empty();
    if (!have_title && i < first_label && content_seen <= kTitleWindow &&
        (b.kind == BlockKind::kHeading || (short_line && is_title_like(b.text)))) {
      retype(doc, i, BlockKind::kTitle, 0, "title");
      have_title = true;
    } else if (!short_line) {
      continue;
    } else if (int level = numbered_heading_level_of_line(line); level > 0) {
      retype(doc, i, BlockKind::kHeading, level, "numbered-heading");
    } else if (b.kind == BlockKind::kParagraph && is_salutation_line(line)) {
      retype(doc, i, BlockKind::kSalutation, 0, "salutation");
    } else if (b.kind == BlockKind::kParagraph && is_stage_note_line(line)) {
      retype(doc, i, BlockKind::kNote, 0, "stage-note");
    }
  }
}

// Pass 4: every block after a label belongs to its speakers until the next label or section.
void attribute_turns(Document& doc, const Labels& labels) {
  std::vector<std::string> current;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    if (auto it = labels.speakers.find(i); it != labels.speakers.end()) {
      current = it->second;
      b.speakers = current;
      continue;
    }
    switch (b.kind) {
      case BlockKind::kTitle:
        current.clear();
        break;
      case BlockKind::kHeading:
        // A marked-up section heading ("## 報告事項") ends the turn; a numbered heading inside
        // a speech ("一、…", "1.落實推動…") is part of what the speaker says.
        if (b.attrs.count("markup")) {
          current.clear();
        } else if (b.speakers.empty()) {
          b.speakers = current;
        }
        break;
      case BlockKind::kParagraph:
      case BlockKind::kSalutation:
      case BlockKind::kListItem:
        if (b.speakers.empty()) b.speakers = current;
        break;
      default:  // captions name their own person; notes and furniture belong to no one
        break;
    }
  }
}

void mark_redactions(Document& doc) {
  for (Block& b : doc.blocks) {
    if (!is_content(b)) continue;
    for (Mark& m : find_redactions(b.text)) add_mark(b, std::move(m));
  }
}

}  // namespace

void StructureFilter::apply(Document& doc, Diagnostics& diag) const {
  Labels labels = find_labels(doc, offices_);
  find_captions(doc, labels);
  type_blocks(doc, labels);
  attribute_turns(doc, labels);
  std::size_t displaced = attribute_displaced(doc, labels.role_name);
  if (redactions_) mark_redactions(doc);
  if (!labels.speakers.empty()) {
    diag.info(std::string(kFilter), doc.sources.empty() ? "" : doc.sources.front().name, 0,
              std::to_string(labels.speakers.size()) + " speaker labels, " +
                  std::to_string(doc.persons.size()) + " persons" +
                  (displaced ? ", " + std::to_string(displaced) +
                                   " paragraphs attributed before their label"
                             : std::string()));
  }
}

std::unique_ptr<Filter> make_structure_filter(const FilterArgs& args) {
  args.allow({"lexicon", "redactions"});
  OfficeLexicon offices = OfficeLexicon::built_in();
  if (args.has("lexicon")) offices.load(args.get("lexicon"));
  return std::make_unique<StructureFilter>(std::move(offices), args.flag("redactions", true));
}

}  // namespace hantidy
