// The tables themselves. Adding a reader, filter or writer means one line here, one in the
// man page, one in the README.
#include "core/tables.h"

#include <vector>

#include "converters/jsonl_record.h"
#include "converters/text_reader.h"
#include "core/error.h"
#include "core/suggest.h"
#include "formats/jsonl_writer.h"
#include "formats/tei_writer.h"
#include "formats/text_writer.h"
#include "normalize/furniture.h"
#include "normalize/linebreak.h"
#include "normalize/punct.h"
#include "normalize/script.h"
#include "normalize/structure.h"
#include "normalize/trim.h"
#include "normalize/unicode_cleanup.h"

namespace hantidy {
namespace {

const ReaderInfo kReaders[] = {
    {"text", "plain text and Markdown-style text (## headings, blank-line paragraphs)",
     make_text_reader},
    {"jsonl", "corpus records, one JSON object per line (streamed, -j)", make_jsonl_reader},
};

const FilterInfo kFilters[] = {
    {"trim", "remove white space at the end of lines and on blank lines", make_trim_filter},
    {"unicode", "clean PDF/OCR characters: Kangxi, PUA, widths, CJK spaces", make_unicode_filter},
    {"furniture", "type page numbers and running headers/footers", make_furniture_filter},
    {"linebreak", "join wrapped lines, split and rejoin paragraphs", make_linebreak_filter},
    {"punct", "punctuation per GB/T 15834 from context: ，。：；？！（）“”……——", make_punct_filter},
    {"script", "Simplified/Traditional conversion with OpenCC configs; script detection",
     make_script_filter},
    {"structure", "type titles, headings, speaker labels, captions; find persons and turns",
     make_structure_filter},
};

const WriterInfo kWriters[] = {
    {"text", "clean text, blocks separated by one blank line", make_text_writer},
    {"jsonl", "one JSON object per block (type, text, speakers, level, source)", make_jsonl_writer},
    {"tei", "TEI P5 edition; the header documents every normalization", make_tei_writer},
};

template <typename Info>
const Info& find(std::span<const Info> table, std::string_view kind, std::string_view name) {
  std::vector<std::string_view> names;
  for (const Info& info : table) {
    if (info.name == name) return info;
    names.push_back(info.name);
  }
  throw Error(ErrorKind::kUsage, unknown_name_message(kind, name, names));
}

}  // namespace

std::span<const ReaderInfo> readers() { return kReaders; }
std::span<const FilterInfo> filters() { return kFilters; }
std::span<const WriterInfo> writers() { return kWriters; }

const ReaderInfo& find_reader(std::string_view name) { return find(readers(), "reader", name); }
const FilterInfo& find_filter(std::string_view name) { return find(filters(), "filter", name); }
const WriterInfo& find_writer(std::string_view name) { return find(writers(), "writer", name); }

}  // namespace hantidy
