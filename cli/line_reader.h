// Reading input one line at a time through buffers of fixed size, so that memory is bounded by
// the longest line and not by the input (corpus mode). Lines are handed out where they were
// read, not copied: a line stays valid as long as the buffer it lies in is held.
#ifndef HANTIDY_CLI_LINE_READER_H_
#define HANTIDY_CLI_LINE_READER_H_

#include <cstddef>
#include <cstdio>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace hantidy {

class LineReader {
 public:
  /// Bytes that may be read past the end of every line (the next lines, or padding at the end
  /// of a buffer): parsers that read ahead (simdjson) can read lines in place.
  static constexpr std::size_t kPadding = 64;

  /// Reads the file at `path` ("-" is not handled here); throws Error{kIo} when it cannot be
  /// opened or read.
  explicit LineReader(const std::string& path);
  /// Reads `in` (standard input in the CLI, a string stream in tests).
  explicit LineReader(std::istream& in);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  /// Sets `line` to the next line, without its '\n'. Returns false at the end of the input (a
  /// last line without '\n' is still a line). A UTF-8 BOM at the start of the input is dropped.
  /// The line lies in buffer(), which the reader never writes again once it has handed out a
  /// line in it and someone else holds it.
  bool next_line(std::string_view& line);
  /// The buffer the last line lies in: hold it for as long as the line is used.
  const std::shared_ptr<const char[]>& buffer() const { return held_; }
  /// Bytes consumed so far (for progress and MB/s).
  std::size_t bytes() const { return bytes_; }

 private:
  bool fill();

  std::string name_;
  std::FILE* file_ = nullptr;
  std::istream* stream_ = nullptr;
  std::shared_ptr<char[]> buffer_;
  std::shared_ptr<const char[]> held_;  // buffer_ as the holders of lines see it
  std::size_t capacity_ = 0;            // bytes of buffer_ that input is read into
  std::size_t begin_ = 0;               // start of the next line
  std::size_t scan_ = 0;                // where the search for its '\n' resumes
  std::size_t end_ = 0;                 // end of the bytes read
  std::size_t bytes_ = 0;
  bool at_start_ = true;
};

}  // namespace hantidy

#endif  // HANTIDY_CLI_LINE_READER_H_
