// Turning input bytes into the UTF-8 text every reader parses: encoding detection and
// conversion through ICU, invalid-byte handling, BOM removal and newline normalization.
#ifndef HANTIDY_CONVERTERS_DECODE_H_
#define HANTIDY_CONVERTERS_DECODE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/reader.h"

namespace hantidy {

/// Decodes `raw` per `options.encoding`:
///  - "utf-8" (the default): UTF-8; a UTF-8 BOM is dropped and a UTF-16 BOM followed by text
///    switches to UTF-16.
///  - "auto": BOM, else UTF-8 when the bytes are valid UTF-8, else ICU charset detection, checked
///    by decoding (the first candidate that decodes without invalid bytes wins).
///  - any ICU converter name ("GB18030", "Big5", "Big5-HKSCS", "UTF-16LE", ...).
/// Invalid bytes: with on_invalid "fail", throws Error{kInput} naming `name` and the byte offset;
/// with "replace", writes U+FFFD and warns once with the count.
/// CRLF and lone CR become LF, so line numbers on Source::text are the file's.
Source decode_source(std::string_view raw, std::string name, const ReadOptions& options,
                     Diagnostics& diag);

/// The byte offset of the first invalid UTF-8 sequence in `bytes`, or npos when valid.
std::size_t find_invalid_utf8(std::string_view bytes);

/// `text` with CRLF and lone CR turned into LF.
std::string normalize_newlines(std::string text);

}  // namespace hantidy

#endif  // HANTIDY_CONVERTERS_DECODE_H_
