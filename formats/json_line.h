// Writing a corpus record as one JSON line, fast where records are big: in their text.
#ifndef HANTIDY_FORMATS_JSON_LINE_H_
#define HANTIDY_FORMATS_JSON_LINE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace hantidy {

/// Appends `text` as a JSON string (quotes included), escaped exactly as nlohmann::json::dump
/// escapes it (\" \\ \b \f \n \r \t, other control characters as \u00xx, everything else as is).
/// Returns false, appending nothing, when `text` is not valid UTF-8.
bool append_json_string(std::string_view text, std::string& out);

/// Appends `text` as a JSON string exactly as nlohmann::json::dump(-1, ' ', false, replace)
/// writes it: append_json_string, or nlohmann's U+FFFD replacement when `text` is not UTF-8.
void append_json_text(std::string_view text, std::string& out);

/// Appends `value` as append_json_line writes the members of an object: a string by
/// append_json_text, anything else as `value.dump(-1, ' ', false, replace)`.
void append_json_value(const nlohmann::ordered_json& value, std::string& out);

/// Appends `j` and a newline: byte for byte what `j.dump(-1, ' ', false, replace)` gives, but the
/// top level's string values (a record's text: nearly all of its bytes) are escaped by
/// append_json_string instead of nlohmann's per-character serializer, which took 40% of a
/// corpus run.
void append_json_line(const nlohmann::ordered_json& j, std::string& out);

}  // namespace hantidy

#endif  // HANTIDY_FORMATS_JSON_LINE_H_
