// The three plug-in tables: readers, filters, writers. Explicit tables (ninja's kTools, pandoc's
// reader list) rather than self-registering statics, which a static library's linker drops.
#ifndef HANTIDY_CORE_TABLES_H_
#define HANTIDY_CORE_TABLES_H_

#include <span>
#include <string_view>

#include "core/filter.h"
#include "core/reader.h"
#include "core/writer.h"

namespace hantidy {

std::span<const ReaderInfo> readers();
std::span<const FilterInfo> filters();
std::span<const WriterInfo> writers();

/// Lookups; an unknown name throws Error{kUsage} with a "did you mean" suggestion.
const ReaderInfo& find_reader(std::string_view name);
const FilterInfo& find_filter(std::string_view name);
const WriterInfo& find_writer(std::string_view name);

}  // namespace hantidy

#endif  // HANTIDY_CORE_TABLES_H_
