#include "formats/turns.h"

#include <string_view>

namespace hantidy {
namespace {

const Mark* speaker_mark(const Block& b) {
  for (const Mark& m : b.marks) {
    if (m.kind == "speaker") return &m;
  }
  return nullptr;
}

bool trims(char c) { return c == ' ' || c == '\n' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && trims(s.front())) s.remove_prefix(1);
  while (!s.empty() && trims(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<Turn> group_turns(const Document& doc) {
  std::vector<Turn> turns;
  bool open = false;
  auto start = [&](const std::vector<std::string>& speakers) {
    turns.push_back({});
    turns.back().speakers = speakers;
    open = true;
  };
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (is_furniture(b.kind)) continue;
    const Mark* run_in = speaker_mark(b);
    bool side = b.kind == BlockKind::kCaption || b.kind == BlockKind::kNote;
    if (b.kind == BlockKind::kSpeakerLabel || run_in) {
      start(b.speakers);
    } else if (!side && (!open || b.speakers != turns.back().speakers)) {
      start(b.speakers);
    } else if (!open) {
      start({});
    }
    Turn& turn = turns.back();
    turn.blocks.push_back(i);
    if (side) continue;
    std::string_view text = b.text;
    if (b.kind == BlockKind::kSpeakerLabel) {
      turn.label = std::string(trim(text));
      continue;
    }
    if (run_in) {
      turn.label = b.text.substr(run_in->begin, run_in->end - run_in->begin);
      text = text.substr(run_in->end);
    }
    text = trim(text);
    if (text.empty()) continue;
    if (!turn.text.empty()) turn.text += "\n\n";
    turn.text += text;
  }
  return turns;
}

}  // namespace hantidy
