#include "formats/jsonl_writer.h"

#include <nlohmann/json.hpp>

#include "formats/turns.h"

namespace hantidy {
namespace {

using Json = nlohmann::ordered_json;

void emit(const Json& j, std::ostream& out) {
  // Invalid UTF-8 cannot reach here (decoding replaced or refused it), but a filter bug must
  // not turn into an exception mid-stream: replace rather than throw.
  out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

std::string doc_name(const Document& doc) {
  return doc.sources.empty() ? "" : doc.sources.front().name;
}

Json marks_json(const std::vector<Mark>& marks) {
  Json list = Json::array();
  for (const Mark& m : marks)
    list.push_back({{"kind", m.kind}, {"begin", m.begin}, {"end", m.end}});
  return list;
}

// --unit turn: one record per statement or speech turn; unattributed runs are type "text".
void write_turns(const Document& doc, std::ostream& out) {
  std::size_t seq = 0;
  for (const Turn& turn : group_turns(doc)) {
    ++seq;
    Json j;
    j["id"] = "t" + std::to_string(seq);
    j["doc"] = doc_name(doc);
    j["seq"] = seq;
    j["type"] = turn.speakers.empty() ? "text" : "turn";
    if (!turn.speakers.empty()) j["speakers"] = speakers_json(doc, turn.speakers);
    if (!turn.label.empty()) j["label"] = turn.label;
    j["text"] = turn.text;
    Json blocks = Json::array();
    for (std::size_t i : turn.blocks) blocks.push_back("b" + std::to_string(i + 1));
    j["blocks"] = std::move(blocks);
    const Block& first = doc.blocks[turn.blocks.front()];
    const Block& last = doc.blocks[turn.blocks.back()];
    if (first.span.source == last.span.source) {
      j["source"] = {{"begin", first.span.begin}, {"end", last.span.end}};
    }
    emit(j, out);
  }
}

// --unit document: one record with the title, the persons and all content text.
void write_document(const Document& doc, std::ostream& out) {
  Json j;
  j["doc"] = doc_name(doc);
  j["type"] = "document";
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kTitle) {
      j["title"] = b.text;
      break;
    }
  }
  Json persons = Json::array();
  for (const Person& p : doc.persons) {
    persons.push_back({{"id", p.id}, {"name", p.name}, {"role", p.role}});
  }
  j["persons"] = std::move(persons);
  std::string text;
  std::size_t blocks = 0;
  for (const Block& b : doc.blocks) {
    if (is_furniture(b.kind) || b.text.empty()) continue;
    if (!text.empty()) text += "\n\n";
    text += b.text;
    ++blocks;
  }
  j["text"] = std::move(text);
  j["blocks"] = blocks;
  emit(j, out);
}

}  // namespace

void JsonlWriter::write(const Document& doc, std::ostream& out, Diagnostics&) const {
  if (options_.unit == "turn") return write_turns(doc, out);
  if (options_.unit == "document") return write_document(doc, out);
  std::vector<LineIndex> lines;
  lines.reserve(doc.sources.size());
  for (const Source& s : doc.sources) lines.emplace_back(s.text);

  std::size_t seq = 0;
  for (const Block& block : doc.blocks) {
    ++seq;
    emit(block_json(doc, block, seq, lines, "b" + std::to_string(seq), doc_name(doc), true), out);
  }
}

Json speakers_json(const Document& doc, const std::vector<std::string>& ids) {
  Json list = Json::array();
  for (const std::string& id : ids) {
    if (const Person* p = doc.person(id)) list.push_back({{"name", p->name}, {"role", p->role}});
  }
  return list;
}

Json block_json(const Document& doc, const Block& block, std::size_t seq,
                const std::vector<LineIndex>& lines, std::string id, std::string doc_name,
                bool with_marks) {
  Json j;
  j["id"] = std::move(id);
  j["doc"] = std::move(doc_name);
  j["seq"] = seq;
  j["type"] = kind_name(block.kind);
  j["text"] = block.text;
  if (block.kind == BlockKind::kHeading) j["level"] = block.level;
  if (!block.speakers.empty()) j["speakers"] = speakers_json(doc, block.speakers);
  Json source = {{"begin", block.span.begin}, {"end", block.span.end}};
  if (block.span.source < lines.size()) {
    source["line"] = lines[block.span.source].at(block.span.begin).line;
    source["end_line"] = lines[block.span.source].at(block.span.end).line;
  }
  j["source"] = std::move(source);
  if (!block.edits.empty()) j["edits"] = block.edits.size();
  if (with_marks && !block.marks.empty()) j["marks"] = marks_json(block.marks);
  return j;
}

std::unique_ptr<Writer> make_jsonl_writer(const WriteOptions& options) {
  return std::make_unique<JsonlWriter>(options);
}

}  // namespace hantidy
