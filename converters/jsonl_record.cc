#include "converters/jsonl_record.h"

#include <simdjson.h>

#include <charconv>
#include <nlohmann/json.hpp>
#include <optional>

#include "converters/decode.h"
#include "converters/text_reader.h"
#include "core/error.h"
#include "formats/json_line.h"

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

// simdjson's DOM → ordered_json, keys in input order (a repeated key keeps its first place and
// takes its last value). Strings are copied (memcpy speed); all the byte-by-byte work
// (structure, escapes, UTF-8 validation) was done by simdjson.
Json to_json(simdjson::dom::element element) {
  using simdjson::dom::element_type;
  switch (element.type()) {
    case element_type::OBJECT: {
      Json object = Json::object();
      for (simdjson::dom::key_value_pair field : simdjson::dom::object(element)) {
        object[std::string(field.key)] = to_json(field.value);
      }
      return object;
    }
    case element_type::ARRAY: {
      Json array = Json::array();
      for (simdjson::dom::element item : simdjson::dom::array(element)) {
        array.push_back(to_json(item));
      }
      return array;
    }
    case element_type::STRING:
      return Json(std::string(std::string_view(element)));
    case element_type::INT64:
      return Json(int64_t(element));
    case element_type::UINT64:
      return Json(uint64_t(element));
    case element_type::DOUBLE:
      return Json(double(element));
    case element_type::BOOL:
      return Json(bool(element));
    case element_type::NULL_VALUE:
      return Json(nullptr);
  }
  return Json();
}

template <typename Integer>
void append_integer(Integer n, std::string& out) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
  out.append(digits, end);
}

// Whether an object names a key twice (the tree keeps one member for it, in the first place).
bool repeats_key(simdjson::dom::object object) {
  for (auto a = object.begin(); a != object.end(); ++a) {
    for (auto b = a; ++b != object.end();) {
      if (a.key() == b.key()) return true;
    }
  }
  return false;
}

// Appends a value as records were always written back: as append_json_value writes
// to_json(element), which is nlohmann's compact dump. Everything but doubles (nlohmann's own
// shortest round-trip format) and objects that repeat a key or are large (the check is
// quadratic) is written here, without building the tree.
void append_value(simdjson::dom::element element, std::string& out) {
  using simdjson::dom::element_type;
  switch (element.type()) {
    case element_type::STRING:
      append_json_text(std::string_view(element), out);
      return;
    case element_type::INT64:
      append_integer(int64_t(element), out);
      return;
    case element_type::UINT64:
      append_integer(uint64_t(element), out);
      return;
    case element_type::BOOL:
      out += bool(element) ? "true" : "false";
      return;
    case element_type::NULL_VALUE:
      out += "null";
      return;
    case element_type::ARRAY: {
      out += '[';
      bool first = true;
      for (simdjson::dom::element item : simdjson::dom::array(element)) {
        if (!first) out += ',';
        first = false;
        append_value(item, out);
      }
      out += ']';
      return;
    }
    case element_type::OBJECT: {
      simdjson::dom::object object(element);
      if (object.size() > 16 || repeats_key(object)) break;
      out += '{';
      bool first = true;
      for (simdjson::dom::key_value_pair field : object) {
        if (!first) out += ',';
        first = false;
        append_json_text(field.key, out);
        out += ':';
        append_value(field.value, out);
      }
      out += '}';
      return;
    }
    case element_type::DOUBLE:
      break;
  }
  append_json_value(to_json(element), out);
}

std::string value_text(simdjson::dom::element element) {
  std::string out;
  append_value(element, out);
  return out;
}

std::string value_text(const Json& value) {
  std::string out;
  append_json_value(value, out);
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

// The record from simdjson's DOM, member by member.
void read_members(simdjson::dom::element root, const RecordFields& fields, Record& record) {
  if (!root.is_object()) throw_not_object(record.file, record.line, type_phrase(root));
  std::optional<simdjson::dom::element> text;
  std::optional<simdjson::dom::element> id;
  for (simdjson::dom::key_value_pair field : simdjson::dom::object(root)) {
    std::string& value = member(record, field.key);
    if (field.key == fields.text) {
      text = field.value;
      value = "\"\"";
    } else {
      value = value_text(field.value);
    }
    if (field.key == fields.id) id = field.value;
  }
  if (!text) throw_no_text(record.file, record.line, fields);
  if (!text->is_string()) throw_not_string(record.file, record.line, fields, type_phrase(*text));
  record.text = std::string_view(*text);
  if (!id || id->is_null()) {
    record.id = where(record.file, record.line);
  } else if (id->is_string()) {
    record.id = std::string_view(*id);
  } else {
    record.id = value_text(*id);
  }
}

// The record from nlohmann's tree (what simdjson refused and nlohmann read).
void read_members(Json json, const RecordFields& fields, Record& record) {
  if (!json.is_object()) throw_not_object(record.file, record.line, type_phrase(json));
  auto text = json.find(fields.text);
  if (text == json.end()) throw_no_text(record.file, record.line, fields);
  if (!text->is_string()) throw_not_string(record.file, record.line, fields, type_phrase(*text));
  auto id = json.find(fields.id);
  if (id == json.end() || id->is_null()) {
    record.id = where(record.file, record.line);
  } else if (id->is_string()) {
    record.id = id->get<std::string>();
  } else {
    record.id = id->dump();
  }
  for (auto& [key, value] : json.items()) {
    if (key == fields.text) {
      record.text = std::move(value.get_ref<std::string&>());
      record.members.emplace_back(key, "\"\"");
    } else {
      record.members.emplace_back(key, value_text(value));
    }
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
  if (!error) return read_members(element, fields, record);
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
  read_members(std::move(json), fields, record);
}

}  // namespace

Record parse_record(std::string_view line, const std::string& file, std::size_t line_no,
                    const RecordFields& fields, const ReadOptions& options, Diagnostics& diag,
                    std::size_t readable) {
  Record record;
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
