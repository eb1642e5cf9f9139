#include "formats/jsonl_writer.h"

#include <nlohmann/json.hpp>

namespace hantidy {
namespace {

using Json = nlohmann::ordered_json;

Json speakers_json(const Document& doc, const Block& block) {
  Json list = Json::array();
  for (const std::string& id : block.speakers) {
    if (const Person* p = doc.person(id)) list.push_back({{"name", p->name}, {"role", p->role}});
  }
  return list;
}

}  // namespace

void JsonlWriter::write(const Document& doc, std::ostream& out, Diagnostics&) const {
  std::vector<LineIndex> lines;
  lines.reserve(doc.sources.size());
  for (const Source& s : doc.sources) lines.emplace_back(s.text);
  std::string doc_name = doc.sources.empty() ? "" : doc.sources.front().name;

  std::size_t seq = 0;
  for (const Block& block : doc.blocks) {
    ++seq;
    Json j;
    j["id"] = "b" + std::to_string(seq);
    j["doc"] = doc_name;
    j["seq"] = seq;
    j["type"] = kind_name(block.kind);
    j["text"] = block.text;
    if (block.kind == BlockKind::kHeading) j["level"] = block.level;
    if (!block.speakers.empty()) j["speakers"] = speakers_json(doc, block);
    Json source = {{"begin", block.span.begin}, {"end", block.span.end}};
    if (block.span.source < lines.size()) {
      source["line"] = lines[block.span.source].at(block.span.begin).line;
      source["end_line"] = lines[block.span.source].at(block.span.end).line;
    }
    j["source"] = std::move(source);
    if (!block.edits.empty()) j["edits"] = block.edits.size();
    // Invalid UTF-8 cannot reach here (decoding replaced or refused it), but a filter bug must
    // not turn into an exception mid-stream: replace rather than throw.
    out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  }
}

std::unique_ptr<Writer> make_jsonl_writer(const WriteOptions& options) {
  return std::make_unique<JsonlWriter>(options);
}

}  // namespace hantidy
