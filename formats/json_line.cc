#include "formats/json_line.h"

#include <simdjson.h>

#include <array>

namespace hantidy {
namespace {

using Json = nlohmann::ordered_json;

// For each byte: 0 when it is copied as is, else the letter of its short escape ('u' for \u00xx).
constexpr std::array<char, 256> kEscapes = [] {
  std::array<char, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = 'u';
  table['\b'] = 'b';
  table['\f'] = 'f';
  table['\n'] = 'n';
  table['\r'] = 'r';
  table['\t'] = 't';
  table['"'] = '"';
  table['\\'] = '\\';
  return table;
}();

void append_dump(const Json& j, std::string& out) {
  out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

bool append_json_string(std::string_view text, std::string& out) {
  if (!simdjson::validate_utf8(text.data(), text.size())) return false;
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    char escape = kEscapes[static_cast<unsigned char>(text[i])];
    if (escape == 0) continue;
    out.append(text, run, i - run);
    out += '\\';
    if (escape == 'u') {
      constexpr std::string_view kHex = "0123456789abcdef";
      unsigned char c = static_cast<unsigned char>(text[i]);
      out += "u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += escape;
    }
    run = i + 1;
  }
  out.append(text, run, std::string_view::npos);
  out += '"';
  return true;
}

void append_json_line(const Json& j, std::string& out) {
  if (!j.is_object()) {
    append_dump(j, out);
    out += '\n';
    return;
  }
  out += '{';
  bool first = true;
  for (const auto& [key, value] : j.items()) {
    if (!first) out += ',';
    first = false;
    if (!append_json_string(key, out)) append_dump(Json(key), out);
    out += ':';
    if (!value.is_string() || !append_json_string(value.get_ref<const std::string&>(), out)) {
      append_dump(value, out);
    }
  }
  out += "}\n";
}

}  // namespace hantidy
