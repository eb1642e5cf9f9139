#include "cli/line_reader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <istream>

#include "core/error.h"

namespace hantidy {
namespace {

constexpr std::size_t kBufferSize = 1 << 20;

}  // namespace

LineReader::LineReader(const std::string& path) : name_(path), buffer_(kBufferSize) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw Error(ErrorKind::kIo, path + ": is a directory");
  }
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) throw Error(ErrorKind::kIo, path + ": " + std::strerror(errno));
}

LineReader::LineReader(std::istream& in) : name_("<stdin>"), stream_(&in), buffer_(kBufferSize) {}

LineReader::~LineReader() {
  if (file_) std::fclose(file_);
}

bool LineReader::fill() {
  std::size_t n = 0;
  if (file_) {
    n = std::fread(buffer_.data(), 1, buffer_.size(), file_);
    if (n == 0 && std::ferror(file_)) {
      throw Error(ErrorKind::kIo, name_ + ": " + std::strerror(errno));
    }
  } else {
    stream_->read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    n = static_cast<std::size_t>(stream_->gcount());
    if (n == 0 && stream_->bad()) throw Error(ErrorKind::kIo, name_ + ": read error");
  }
  begin_ = 0;
  end_ = n;
  bytes_ += n;
  if (at_start_ && n > 0) {
    at_start_ = false;
    if (n >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) begin_ = 3;
  }
  return n > 0;
}

bool LineReader::append_line(std::string& out) {
  bool any = false;
  while (true) {
    if (begin_ == end_ && !fill()) return any;
    if (begin_ == end_) continue;  // a buffer that held only the BOM
    any = true;
    const char* start = buffer_.data() + begin_;
    const void* newline = std::memchr(start, '\n', end_ - begin_);
    if (newline) {
      const char* stop = static_cast<const char*>(newline);
      out.append(start, static_cast<std::size_t>(stop - start));
      begin_ += static_cast<std::size_t>(stop - start) + 1;
      return true;
    }
    out.append(start, end_ - begin_);
    begin_ = end_;
  }
}

}  // namespace hantidy
