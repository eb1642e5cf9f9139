#include "converters/jsonl_record.h"

#include <simdjson.h>

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

// simdjson's DOM → ordered_json, keys in input order. Strings are copied (memcpy speed); all
// the byte-by-byte work (structure, escapes, UTF-8 validation) was done by simdjson.
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

// Parses with simdjson, which is several times faster than nlohmann's lexer on text-heavy
// records; nlohmann parses what simdjson refuses, so that errors get nlohmann's messages (with
// a column) and numbers too large for 64 bits still load as nlohmann would load them. One parser
// per thread: it keeps its buffers between records.
Json parse_json(std::string_view line, const std::string& file, std::size_t line_no) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element element;
  simdjson::error_code error = parser.parse(line.data(), line.size()).get(element);
  if (!error) return to_json(element);
  if (error == simdjson::DEPTH_ERROR) {
    throw Error(ErrorKind::kInput, where(file, line_no) + ": invalid JSON: nested deeper than " +
                                       std::to_string(parser.max_depth()) + " levels");
  }
  try {
    return Json::parse(line.begin(), line.end());
  } catch (const Json::exception& e) {
    throw Error(ErrorKind::kInput, where(file, line_no) + ": invalid JSON: " + parse_message(e));
  }
}

}  // namespace

Record parse_record(std::string_view line, const std::string& file, std::size_t line_no,
                    const RecordFields& fields, const ReadOptions& options, Diagnostics& diag) {
  Record record;
  record.file = file;
  record.line = line_no;
  std::string repaired;
  if (options.on_invalid == "replace" && find_invalid_utf8(line) != std::string_view::npos) {
    ReadOptions utf8 = options;
    utf8.encoding = "utf-8";
    repaired = decode_source(line, where(file, line_no), utf8, diag).text;
    line = repaired;
  }
  record.json = parse_json(line, file, line_no);
  if (!record.json.is_object()) {
    throw Error(ErrorKind::kInput, where(file, line_no) + ": a record must be a JSON object, not " +
                                       std::string(type_phrase(record.json)));
  }
  auto text = record.json.find(fields.text);
  if (text == record.json.end()) {
    throw Error(ErrorKind::kInput, where(file, line_no) + ": record has no '" + fields.text +
                                       "' field (--text-field)");
  }
  if (!text->is_string()) {
    throw Error(ErrorKind::kInput, where(file, line_no) + ": field '" + fields.text + "' is " +
                                       std::string(type_phrase(*text)) + ", not a string");
  }
  auto id = record.json.find(fields.id);
  if (id == record.json.end() || id->is_null()) {
    record.id = where(file, line_no);
  } else if (id->is_string()) {
    record.id = id->get<std::string>();
  } else {
    record.id = id->dump();
  }
  return record;
}

Document record_document(Record& record, const RecordFields& fields, Diagnostics& diag) {
  Document doc;
  Source source;
  source.name = where(record.file, record.line);
  source.encoding = "UTF-8";
  std::string& text = record.json.at(fields.text).get_ref<std::string&>();
  source.raw_size = text.size();
  source.text = normalize_newlines(std::move(text));
  text.clear();
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
    Document one = record_document(record, fields, diag);
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
