#include "formats/record_writer.h"

#include <map>
#include <optional>
#include <string_view>

#include "core/blank_lines.h"
#include "formats/json_line.h"
#include "formats/jsonl_writer.h"
#include "formats/turns.h"

namespace hantidy {
namespace {

using Json = nlohmann::ordered_json;

// Only white space: what the text reader puts between blocks.
bool is_blank(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f') {
      ++i;
    } else if (s.substr(i, 3) == "\xE3\x80\x80") {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

std::string_view markup(const Block& block) {
  auto it = block.attrs.find("markup");
  return it == block.attrs.end() ? std::string_view() : std::string_view(it->second);
}

// What goes before `block`: the source between the previous written block and this one when it
// is only white space and this block's markup, else a blank line (or nothing at the start).
std::optional<std::string_view> gap_before(std::string_view source, std::size_t from,
                                           const Block& block) {
  std::string_view mark = markup(block);
  if (from <= block.span.begin && block.span.end <= source.size()) {
    std::string_view gap = source.substr(from, block.span.begin - from);
    if (gap.ends_with(mark) && is_blank(gap.substr(0, gap.size() - mark.size()))) return gap;
  }
  return std::nullopt;
}

// Appends source[from, to) (what stands between two blocks, or after the last), without the
// white space of its blank lines when `trimmed` (the trim filter ran and logged it). The lines
// are those of the source, as the trim filter saw them.
void append_gap(std::string_view source, std::size_t from, std::size_t to, bool trimmed,
                std::string& out) {
  std::size_t at = from;
  if (trimmed) {
    for_each_blank_line_space(source, from, to, [&](std::size_t begin, std::size_t end) {
      out.append(source, at, begin - at);
      at = end;
    });
  }
  out.append(source, at, to - at);
}

void write_blocks(const Record& record, const Document& doc, std::string& out) {
  std::vector<LineIndex> lines;
  for (const Source& s : doc.sources) lines.emplace_back(s.text);
  std::size_t seq = 0;
  for (const Block& block : doc.blocks) {
    ++seq;
    // Corpus block sub-records keep the schema they were documented with: no marks.
    Json j = block_json(doc, block, seq, lines, record.id + "/b" + std::to_string(seq), record.id,
                        false);
    append_json_line(j, out);
  }
}

// The turns of formats/turns.h (the jsonl writer's --unit turn), as sub-records of the record.
void write_turns(const Record& record, const Document& doc, std::string& out) {
  std::size_t seq = 0;
  for (const Turn& turn : group_turns(doc)) {
    ++seq;
    Json j;
    j["id"] = record.id + "/t" + std::to_string(seq);
    j["doc"] = record.id;
    j["seq"] = seq;
    j["type"] = turn.speakers.empty() ? "text" : "turn";
    j["speakers"] = speakers_json(doc, turn.speakers);
    if (!turn.label.empty()) j["label"] = turn.label;
    j["text"] = turn.text;
    j["blocks"] = turn.blocks.size();
    const Block& first = doc.blocks[turn.blocks.front()];
    const Block& last = doc.blocks[turn.blocks.back()];
    j["source"] = {{"begin", first.span.begin}, {"end", last.span.end}};
    append_json_line(j, out);
  }
}

Json annotation(const Document& doc) {
  std::map<Name, std::size_t> counts;  // ordered by text, as the output has always been
  for (const ChangeRecord& c : doc.changes) ++counts[c.filter];
  Json changes = Json::object();
  for (const auto& [filter, n] : counts) changes[filter.str()] = n;
  Json j;
  j["changes"] = std::move(changes);
  j["blocks"] = doc.blocks.size();
  for (std::string_view key : {"script", "lang"}) {
    if (auto it = doc.meta.find(key); it != doc.meta.end()) j[std::string(key)] = it->second;
  }
  return j;
}

// document_text, appended to `out`.
void append_document_text(const Document& doc, std::string& out) {
  if (doc.sources.empty()) return;
  std::string_view source = doc.sources.front().text;
  // Cleaning seldom adds much: one allocation, no regrowth copies.
  out.reserve(out.size() + source.size());
  std::size_t from = 0;  // end of the last written block in the source
  bool first = true;
  bool in_step = true;  // every block so far came from sources[0] in order
  const bool trimmed = blank_lines_trimmed(doc);
  for (const Block& block : doc.blocks) {
    if (is_furniture(block.kind) || block.text.empty()) continue;
    std::optional<std::string_view> gap;
    if (in_step && block.span.source == 0) gap = gap_before(source, from, block);
    if (gap) {
      append_gap(source, from, from + gap->size(), trimmed, out);
    } else {
      if (!first) out += "\n\n";
      out += markup(block);
    }
    out += block.text;
    first = false;
    if (block.span.source == 0 && block.span.end >= from) {
      from = block.span.end;
    } else {
      in_step = false;
    }
  }
  if (in_step && from <= source.size() && is_blank(source.substr(from))) {
    append_gap(source, from, source.size(), trimmed, out);
  }
}

}  // namespace

std::string document_text(const Document& doc) {
  std::string out;
  append_document_text(doc, out);
  return out;
}

void write_record(Record& record, const Document& doc, const RecordWriteOptions& options,
                  std::string& out) {
  if (options.unit == "block") {
    write_blocks(record, doc, out);
  } else if (options.unit == "turn") {
    write_turns(record, doc, out);
  } else {
    // The members as read, the text replaced and (with annotate) "hantidy" set in its place or
    // added at the end, as setting them in an ordered_json would place them.
    const std::string& text_key = options.fields.text;
    // Built in a buffer kept per thread: record after record, a long text needs no new room.
    thread_local std::string text;
    text.clear();
    append_document_text(doc, text);
    bool text_written = false;
    bool annotated = false;
    bool first = true;
    out += '{';
    auto member = [&](std::string_view key) {
      if (!first) out += ',';
      first = false;
      append_json_text(key, out);
      out += ':';
    };
    for (const auto& [key, value] : record.members) {
      member(key);
      if (options.annotate && key == "hantidy") {
        append_json_value(annotation(doc), out);
        annotated = true;
      } else if (key == text_key) {
        append_json_text(text, out);
        text_written = true;
      } else {
        out += value;
      }
    }
    if (!text_written && !(options.annotate && text_key == "hantidy")) {
      member(text_key);
      append_json_text(text, out);
    }
    if (options.annotate && !annotated) {
      member("hantidy");
      append_json_value(annotation(doc), out);
    }
    out += "}\n";
  }
}

}  // namespace hantidy
