// Reading input one line at a time through a fixed buffer, so that memory is bounded by the
// longest line and not by the input (corpus mode).
#ifndef HANTIDY_CLI_LINE_READER_H_
#define HANTIDY_CLI_LINE_READER_H_

#include <cstddef>
#include <cstdio>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace hantidy {

class LineReader {
 public:
  /// Reads the file at `path` ("-" is not handled here); throws Error{kIo} when it cannot be
  /// opened or read.
  explicit LineReader(const std::string& path);
  /// Reads `in` (standard input in the CLI, a string stream in tests).
  explicit LineReader(std::istream& in);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  /// Appends the next line, without its '\n', to `out`. Returns false at the end of the input
  /// (a last line without '\n' is still a line). A UTF-8 BOM at the start of the input is
  /// dropped.
  bool append_line(std::string& out);
  /// Bytes consumed so far (for progress and MB/s).
  std::size_t bytes() const { return bytes_; }

 private:
  bool fill();

  std::string name_;
  std::FILE* file_ = nullptr;
  std::istream* stream_ = nullptr;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::size_t bytes_ = 0;
  bool at_start_ = true;
};

}  // namespace hantidy

#endif  // HANTIDY_CLI_LINE_READER_H_
