#include "converters/jsonl_record.h"

#include <simdjson.h>

#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>

#include "converters/decode.h"
#include "converters/text_reader.h"
#include "core/error.h"

namespace hantidy {
namespace {

using Json = nlohmann::ordered_json;

std::string where(const std::string& file, std::size_t line) {
  return file + ":" + std::to_string(line);
}

// nlohmann's messages start with "[json.exception.parse_error.101] "; the id helps nobody.
std::string parse_message(const Json::exception& e) {
  std::string message = e.what();
  if (!message.empty() && message.front() == '[') {
    if (std::size_t close = message.find("] "); close != std::string::npos) {
      message.erase(0, close + 2);
    }
  }
  return message;
}

std::string_view type_phrase(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "a number";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    default:
      return "not a string";
  }
}

std::string_view type_phrase(simdjson::dom::element element) {
  using simdjson::dom::element_type;
  switch (element.type()) {
    case element_type::NULL_VALUE:
      return "null";
    case element_type::BOOL:
      return "a boolean";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "a number";
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    default:
      return "not a string";
  }
}

// A JSON string's end (the index after its closing quote) in `s`, valid JSON, from its opening
// quote at `at`: the first quote after an even number of backslashes. memchr finds the quotes,
// so a record's long text costs a scan at memory speed.
std::size_t string_end(std::string_view s, std::size_t at) {
  for (std::size_t from = at + 1; from < s.size();) {
    const void* found = std::memchr(s.data() + from, '"', s.size() - from);
    if (found == nullptr) break;
    std::size_t quote = static_cast<std::size_t>(static_cast<const char*>(found) - s.data());
    std::size_t slashes = 0;
    while (quote - slashes > at + 1 && s[quote - slashes - 1] == '\\') ++slashes;
    if (slashes % 2 == 0) return quote + 1;
    from = quote + 1;
  }
  return s.size();
}

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The end of the JSON value that starts at `at` in `s` (valid JSON).
std::size_t value_end(std::string_view s, std::size_t at) {
  if (at >= s.size()) return s.size();
  if (s[at] == '"') return string_end(s, at);
  if (s[at] == '{' || s[at] == '[') {
    int depth = 0;
    for (std::size_t i = at; i < s.size();) {
      char c = s[i];
      if (c == '"') {
        i = string_end(s, i);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if ((c == '}' || c == ']') && --depth == 0) return i + 1;
      ++i;
    }
    return s.size();
  }
  std::size_t i = at;  // a number, true, false or null
  while (i < s.size() && !is_json_space(s[i]) && s[i] != ',' && s[i] != '}' && s[i] != ']') ++i;
  return i;
}

// One member of a record as written in the line: its key and its value, quotes included.
struct RawMember {
  std::string_view key;
  std::string_view value;
};

// The members of the JSON object `s` (which the parser accepted), in input order.
std::vector<RawMember> raw_members(std::string_view s) {
  std::vector<RawMember> members;
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size() && is_json_space(s[i])) ++i;
  };
  skip_space();
  if (i >= s.size() || s[i] != '{') return members;
  ++i;
  while (true) {
    skip_space();
    if (i >= s.size() || s[i] != '"') break;
    std::size_t key = i;
    i = string_end(s, i);
    std::string_view key_text = s.substr(key, i - key);
    skip_space();
    ++i;  // ':'
    skip_space();
    std::size_t value = i;
    i = value_end(s, i);
    members.push_back({key_text, s.substr(value, i - value)});
    skip_space();
    if (i < s.size() && s[i] == ',') ++i;
  }
  return members;
}

// A value as the input wrote it, without the white space between its tokens: numbers keep every
// digit (an integer beyond 64 bits too) and strings their escapes. Scalars have no such space.
std::string as_written(std::string_view raw) {
  if (raw.empty() || (raw.front() != '{' && raw.front() != '[')) return std::string(raw);
  std::string out(raw.size(), '\0');
  std::size_t size = 0;
  if (simdjson::minify(raw.data(), raw.size(), out.data(), size) != simdjson::SUCCESS) {
    return std::string(raw);
  }
  out.resize(size);
  return out;
}

// The member named `key`, added at the end when there is none: a repeated key keeps its first
// place (and takes the last value), as in nlohmann::ordered_json.
std::string& member(Record& record, std::string_view key) {
  for (auto& [k, value] : record.members) {
    if (k == key) return value;
  }
  return record.members.emplace_back(std::string(key), std::string()).second;
}

[[noreturn]] void throw_not_object(const std::string& file, std::size_t line_no,
                                   std::string_view type) {
  throw Error(ErrorKind::kInput,
              where(file, line_no) + ": a record must be a JSON object, not " + std::string(type));
}

[[noreturn]] void throw_no_text(const std::string& file, std::size_t line_no,
                                const RecordFields& fields) {
  throw Error(ErrorKind::kInput,
              where(file, line_no) + ": record has no '" + fields.text + "' field (--text-field)");
}

[[noreturn]] void throw_not_string(const std::string& file, std::size_t line_no,
                                   const RecordFields& fields, std::string_view type) {
  throw Error(ErrorKind::kInput, where(file, line_no) + ": field '" + fields.text + "' is " +
                                     std::string(type) + ", not a string");
}

// The record from simdjson's DOM, member by member; `line` gives each value as written.
void read_members(simdjson::dom::element root, std::string_view line, const RecordFields& fields,
                  Record& record) {
  if (!root.is_object()) throw_not_object(record.file, record.line, type_phrase(root));
  std::vector<RawMember> raw = raw_members(line);
  std::optional<simdjson::dom::element> text;
  std::optional<simdjson::dom::element> id;
  std::string_view id_raw;
  std::size_t k = 0;
  for (simdjson::dom::key_value_pair field : simdjson::dom::object(root)) {
    std::string_view written = k < raw.size() ? raw[k].value : std::string_view();
    ++k;
    std::string& value = member(record, field.key);
    if (field.key == fields.text) {
      text = field.value;
      value = "\"\"";
    } else {
      value = as_written(written);
    }
    if (field.key == fields.id) id = field.value, id_raw = written;
  }
  if (!text) throw_no_text(record.file, record.line, fields);
  if (!text->is_string()) throw_not_string(record.file, record.line, fields, type_phrase(*text));
  record.text = std::string_view(*text);
  if (!id || id->is_null()) {
    record.id = where(record.file, record.line);
  } else if (id->is_string()) {
    record.id = std::string_view(*id);
  } else {
    record.id = as_written(id_raw);
  }
}

// The record from nlohmann's tree (what simdjson refused and nlohmann read: numbers beyond 64
// bits); `line` gives each value as written, so those numbers keep their digits.
void read_members(Json json, std::string_view line, const RecordFields& fields, Record& record) {
  if (!json.is_object()) throw_not_object(record.file, record.line, type_phrase(json));
  auto text = json.find(fields.text);
  if (text == json.end()) throw_no_text(record.file, record.line, fields);
  if (!text->is_string()) throw_not_string(record.file, record.line, fields, type_phrase(*text));
  record.text = std::move(text->get_ref<std::string&>());
  std::string_view id_raw;
  for (const RawMember& raw : raw_members(line)) {
    std::string key = Json::parse(raw.key).get<std::string>();
    member(record, key) = key == fields.text ? "\"\"" : as_written(raw.value);
    if (key == fields.id) id_raw = raw.value;
  }
  auto id = json.find(fields.id);
  if (id == json.end() || id->is_null()) {
    record.id = where(record.file, record.line);
  } else if (id->is_string()) {
    record.id = id->get<std::string>();
  } else {
    record.id = as_written(id_raw);
  }
}

// Parses with simdjson, which is several times faster than nlohmann's lexer on text-heavy
// records; nlohmann parses what simdjson refuses, so that errors get nlohmann's messages (with
// a column) and numbers too large for 64 bits still load as nlohmann would load them. One parser
// per thread: it keeps its buffers between records.
void parse_json(std::string_view line, bool padded, const RecordFields& fields, Record& record) {
  static_assert(kRecordPadding >= simdjson::SIMDJSON_PADDING);
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element element;
  simdjson::error_code error = parser.parse(line.data(), line.size(), !padded).get(element);
  if (!error) return read_members(element, line, fields, record);
  if (error == simdjson::DEPTH_ERROR) {
    throw Error(ErrorKind::kInput, where(record.file, record.line) +
                                       ": invalid JSON: nested deeper than " +
                                       std::to_string(parser.max_depth()) + " levels");
  }
  Json json;
  try {
    json = Json::parse(line.begin(), line.end());
  } catch (const Json::exception& e) {
    throw Error(ErrorKind::kInput,
                where(record.file, record.line) + ": invalid JSON: " + parse_message(e));
  }
  read_members(std::move(json), line, fields, record);
}

}  // namespace

Record parse_record(std::string_view line, const std::string& file, std::size_t line_no,
                    const RecordFields& fields, const ReadOptions& options, Diagnostics& diag,
                    std::size_t readable, std::string text_buffer) {
  Record record;
  record.text = std::move(text_buffer);  // read_members assigns the text into its room
  record.file = file;
  record.line = line_no;
  bool padded = readable >= line.size() + kRecordPadding;
  std::string repaired;
  if (options.on_invalid == "replace" && find_invalid_utf8(line) != std::string_view::npos) {
    ReadOptions utf8 = options;
    utf8.encoding = "utf-8";
    repaired = decode_source(line, where(file, line_no), utf8, diag).text;
    line = repaired;
    padded = false;
  }
  parse_json(line, padded, fields, record);
  return record;
}

Document record_document(Record& record, Diagnostics& diag) {
  Document doc;
  Source source;
  source.name = where(record.file, record.line);
  source.encoding = "UTF-8";
  source.raw_size = record.text.size();
  source.text = normalize_newlines(std::move(record.text));
  record.text.clear();
  doc.sources.push_back(std::move(source));
  doc.meta["id"] = record.id;
  TextReader().read(0, doc, diag);
  return doc;
}

void JsonlReader::read(std::size_t source, Document& doc, Diagnostics& diag) const {
  // Copies, because doc.sources grows below (references into it would dangle).
  const std::string text = doc.sources.at(source).text;
  const std::string file = doc.sources.at(source).name;
  RecordFields fields;
  ReadOptions options;
  std::size_t at = 0;
  std::size_t line_no = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + at, end - at);
    ++line_no;
    at = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Record record = parse_record(line, file, line_no, fields, options, diag);
    Document one = record_document(record, diag);
    std::size_t index = doc.sources.size();
    doc.sources.push_back(std::move(one.sources.front()));
    for (Block& block : one.blocks) {
      block.span.source = index;
      block.attrs["record"] = record.id;
      doc.blocks.push_back(std::move(block));
    }
  }
}

std::unique_ptr<Reader> make_jsonl_reader() { return std::make_unique<JsonlReader>(); }

}  // namespace hantidy
