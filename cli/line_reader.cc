#include "cli/line_reader.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <istream>

#include "core/error.h"

namespace hantidy {
namespace {

constexpr std::size_t kBufferSize = 1 << 20;

}  // namespace

LineReader::LineReader(const std::string& path) : name_(path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw Error(ErrorKind::kIo, path + ": is a directory");
  }
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) throw Error(ErrorKind::kIo, path + ": " + std::strerror(errno));
}

LineReader::LineReader(std::istream& in) : name_("<stdin>"), stream_(&in) {}

LineReader::~LineReader() {
  if (file_) std::fclose(file_);
}

// Reads more input after the unfinished line [begin_, end_), which moves to the start of the
// buffer: a new buffer when lines of the old one are still held (or the line fills it), else
// the same one.
bool LineReader::fill() {
  std::size_t partial = end_ - begin_;
  std::size_t capacity = std::max(kBufferSize, 2 * partial);
  // buffer_ and held_ are two owners; more means lines of the buffer are still held. (When they
  // were let go of on other threads, the fence orders their reads before our writes.)
  bool shared = buffer_.use_count() > 2;
  std::atomic_thread_fence(std::memory_order_acquire);
  if (!buffer_ || shared || capacity > capacity_) {
    // Not make_shared: the buffer is read into, so zeroing it first would be wasted work.
    std::shared_ptr<char[]> fresh(new char[capacity + kPadding]);
    if (partial > 0) std::memcpy(fresh.get(), buffer_.get() + begin_, partial);
    buffer_ = std::move(fresh);
    held_ = buffer_;
    capacity_ = capacity;
  } else if (partial > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, partial);
  }
  scan_ = scan_ - begin_;
  begin_ = 0;
  end_ = partial;
  std::size_t n = 0;
  char* to = buffer_.get() + partial;
  std::size_t room = capacity_ - partial;
  if (file_) {
    n = std::fread(to, 1, room, file_);
    if (n == 0 && std::ferror(file_)) {
      throw Error(ErrorKind::kIo, name_ + ": " + std::strerror(errno));
    }
  } else {
    stream_->read(to, static_cast<std::streamsize>(room));
    n = static_cast<std::size_t>(stream_->gcount());
    if (n == 0 && stream_->bad()) throw Error(ErrorKind::kIo, name_ + ": read error");
  }
  end_ += n;
  bytes_ += n;
  if (at_start_ && n > 0) {
    at_start_ = false;
    if (n >= 3 && std::memcmp(to, "\xEF\xBB\xBF", 3) == 0) begin_ = scan_ = 3;
  }
  return n > 0;
}

bool LineReader::next_line(std::string_view& line) {
  while (true) {
    const char* data = buffer_.get();
    if (scan_ < end_) {
      if (const void* newline = std::memchr(data + scan_, '\n', end_ - scan_)) {
        std::size_t stop = static_cast<std::size_t>(static_cast<const char*>(newline) - data);
        line = std::string_view(data + begin_, stop - begin_);
        begin_ = scan_ = stop + 1;
        return true;
      }
      scan_ = end_;
    }
    if (!fill()) {
      if (begin_ == end_) return false;
      line = std::string_view(buffer_.get() + begin_, end_ - begin_);
      begin_ = scan_ = end_;
      return true;
    }
  }
}

}  // namespace hantidy
