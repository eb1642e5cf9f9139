// Hostile input for the whole program: what hantidy meets when it runs unattended over millions
// of unknown files. Each case must give a clear message and the documented exit code (EXIT
// STATUS in man/hantidy.1), or correct output; none may crash, hang or lose text (--verify).
// Cases that need a real process (huge input, a closed or full standard output) spawn
// HANTIDY_BINARY; the others run in-process.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "converters/decode.h"
#include "support.h"

namespace hantidy {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

// A scratch directory for one test, removed at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "hantidy-hostile-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
    REQUIRE(!path_.empty());
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  std::string file(const std::string& name, const std::string& content) const {
    std::string p = path_ + "/" + name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  std::string path(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

enum class Stdout { kFile, kClosed, kDevFull, kBrokenPipe };

struct Process {
  bool exited = false;
  int status = -1;  // exit status when exited, else the signal
  std::string err;
  std::string out_path;
  long max_rss_kb = 0;
};

// Runs HANTIDY_BINARY with `args`, standard input from `stdin_path` ("" for /dev/null) and
// standard output as `mode` says (kFile: into out_path).
Process spawn(const TempDir& dir, const std::vector<std::string>& args,
              const std::string& stdin_path, Stdout mode = Stdout::kFile) {
  Process p;
  p.out_path = dir.path("stdout");
  std::string err_path = dir.path("stderr");
  int pipe_fds[2] = {-1, -1};
  if (mode == Stdout::kBrokenPipe) {
    REQUIRE(pipe(pipe_fds) == 0);
    close(pipe_fds[0]);  // nobody will ever read
  }
  std::vector<std::string> argv_s = {HANTIDY_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int in = open(stdin_path.empty() ? "/dev/null" : stdin_path.c_str(), O_RDONLY);
    dup2(in, 0);
    close(in);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(err, 2);
    close(err);
    if (mode == Stdout::kClosed) {
      close(1);
    } else if (mode == Stdout::kBrokenPipe) {
      dup2(pipe_fds[1], 1);
      close(pipe_fds[1]);
      signal(SIGPIPE, SIG_DFL);
    } else {
      int out = open(mode == Stdout::kDevFull ? "/dev/full" : p.out_path.c_str(),
                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(out, 1);
      close(out);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  if (pipe_fds[1] >= 0) close(pipe_fds[1]);
  int status = 0;
  rusage usage{};
  REQUIRE(wait4(pid, &status, 0, &usage) == pid);
  p.max_rss_kb = usage.ru_maxrss;
  p.exited = WIFEXITED(status);
  p.status = p.exited ? WEXITSTATUS(status) : WTERMSIG(status);
  p.err = test::slurp(err_path);
  return p;
}

// The exit status and standard error must say the same thing: 0 quietly, 1 with one message.
void check_input_error(const test::CliResult& r, const std::string& expected_message) {
  INFO("stderr: " << r.err);
  CHECK(r.status == 1);
  CHECK(r.err.find(expected_message) != std::string::npos);
  CHECK(r.err.find("internal error") == std::string::npos);
}

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFF;
  for (unsigned char c : bytes) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
  }
  return ~crc;
}

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

std::string png_chunk(const std::string& type, const std::string& data) {
  return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc32(type + data));
}

// A valid 2×2 grey PNG (stored, uncompressed deflate block), built here so no binary is kept.
std::string make_png() {
  std::string ihdr = be32(2) + be32(2) + "\x08\x00\x00\x00\x00"s;
  std::string raw = "\x00\x10\xF0\x00\x80\x20"s;  // filter byte + 2 pixels, twice
  std::uint32_t a = 1, b = 0;
  for (unsigned char c : raw) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  std::string zlib = "\x78\x01\x01"s;
  zlib += static_cast<char>(raw.size());
  zlib += '\0';
  zlib += static_cast<char>(~raw.size());
  zlib += '\xFF';
  zlib += raw + be32((b << 16) | a);
  return "\x89PNG\r\n\x1A\n"s + png_chunk("IHDR", ihdr) + png_chunk("IDAT", zlib) +
         png_chunk("IEND", "");
}

TEST_CASE("empty input gives empty output and exit 0 with every writer", "[hostile]") {
  for (const char* to : {"text", "jsonl"}) {
    auto r = test::run({"--verify", "-t", to});
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
  }
}

TEST_CASE("input of only blank lines gives empty output", "[hostile]") {
  auto r = test::run({"--verify"}, "\n\n  \n\t\n\xE3\x80\x80\n\r\n\r\r");
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
}

TEST_CASE("invalid UTF-8 fails with exit 1, naming the input and the byte offset", "[hostile]") {
  struct Case {
    std::string input;
    std::string where;
  };
  for (const Case& c :
       {Case{"\xFF文本\n", "byte 0 (0xFF)"}, Case{"文本\xC0\xAF文本\n", "byte 6 (0xC0)"},
        Case{"文本\xE6\x96", "byte 6 (0xE6)"}}) {
    INFO(c.where);
    auto failed = test::run({}, c.input);
    check_input_error(failed, "<stdin>: invalid UTF-8 at " + c.where);
    // Only the last case is a character cut off by the end of the input.
    CHECK((failed.err.find("(truncated?)") != std::string::npos) == (c.input.back() == '\x96'));
    TempDir dir;
    std::string file = dir.file("bad.txt", c.input);
    check_input_error(test::run({file}), file + ": invalid UTF-8 at " + c.where);
    auto replaced = test::run({"--on-invalid=replace", "--verify", file});
    CHECK(replaced.status == 0);
    CHECK(replaced.out.find("\xEF\xBF\xBD") != std::string::npos);
    CHECK(find_invalid_utf8(replaced.out) == std::string::npos);
  }
}

TEST_CASE("one bad file among good ones: the others are converted, exit 1", "[hostile]") {
  TempDir dir;
  std::string good = dir.file("good.txt", "好\n");
  std::string bad = dir.file("bad.txt", "\xFF");
  auto r = test::run({good, bad, good});
  CHECK(r.status == 1);
  CHECK(r.out == "好\n好\n");
  CHECK(r.err.find(bad + ": invalid UTF-8 at byte 0") != std::string::npos);
}

TEST_CASE("truncated GB18030 and Big5 sequences are reported at their offset", "[hostile]") {
  // "中文" is D6D0 CEC4 in GB18030 and A4A4 A4E5 in Big5; the last byte is cut off. GB18030's
  // four-byte form is cut after two and after three bytes too.
  struct Case {
    const char* encoding;
    std::string input;
    std::size_t offset;
  };
  for (const Case& c :
       {Case{"GB18030", "\xD6\xD0\xCE", 2}, Case{"Big5", "\xA4\xA4\xA4", 2},
        Case{"GB18030", "\xD6\xD0\x81\x30", 2}, Case{"GB18030", "\xD6\xD0\x81\x30\x81", 2},
        Case{"Big5-HKSCS", "\xA4\xA4\xA4", 2}}) {
    INFO(c.encoding << " " << c.input.size() << " bytes");
    auto failed = test::run({"--encoding", c.encoding}, c.input);
    check_input_error(failed, "<stdin>: invalid " + std::string(c.encoding) + " at byte " +
                                  std::to_string(c.offset));
    CHECK(failed.err.find("(truncated?)") != std::string::npos);
    auto r = test::run({"--encoding", c.encoding, "--on-invalid=replace", "--verify"}, c.input);
    CHECK(r.status == 0);
    CHECK(r.out == "中\xEF\xBF\xBD\n");
    CHECK(r.err.find("warning") != std::string::npos);
  }
}

TEST_CASE("NUL bytes are text to the reader and control characters to the default chain",
          "[hostile]") {
  // Without filters they pass through, escaped in JSON.
  auto raw = test::run({"--verify", "-F", ""}, "甲\0乙\n\0\n\n丙"s);
  CHECK(raw.status == 0);
  CHECK(raw.out == "甲\0乙\n\0\n\n丙\n"s);
  auto j = test::run({"--verify", "-F", "", "-t", "jsonl"}, "甲\0乙"s);
  CHECK(j.status == 0);
  CHECK(j.out.find("\"text\":\"甲\\u0000乙\"") != std::string::npos);
  // The unicode filter removes them, and records each removal (so --verify still passes).
  auto cleaned = test::run({"--verify", "--stats"}, "甲\0乙\n\n丙\0"s);
  CHECK(cleaned.status == 0);
  CHECK(cleaned.out == "甲乙\n\n丙\n");
  CHECK(cleaned.err.find("unicode/control 2") != std::string::npos);
}

TEST_CASE("a binary file (PNG) is refused as UTF-8 and contained when replaced", "[hostile]") {
  TempDir dir;
  std::string png = dir.file("image.png", make_png());
  check_input_error(test::run({png}), png + ": invalid UTF-8 at byte 0 (0x89)");
  for (const char* encoding : {"utf-8", "auto", "GB18030", "Big5"}) {
    INFO(encoding);
    auto r =
        test::run({"--encoding", encoding, "--on-invalid=replace", "--verify", "-t", "jsonl", png});
    CHECK(r.status == 0);
    CHECK(find_invalid_utf8(r.out) == std::string::npos);
  }
}

TEST_CASE("a 100 MB single line is converted exactly in bounded memory", "[hostile][slow]") {
  TempDir dir;
  std::string line;
  // Text the default chain leaves as it is, so the output must equal the input.
  const std::string phrase = "中華民國憲法第一條，中華民國基於三民主義。abc「引」";
  line.reserve(100 << 20);
  while (line.size() < (100u << 20)) line += phrase;
  std::string input = dir.file("big.txt", line);
  Process p = spawn(dir, {"--verify", input}, "");
  INFO("stderr: " << p.err);
  REQUIRE(p.exited);
  CHECK(p.status == 0);
  CHECK(p.err.empty());
  std::string out = test::slurp(p.out_path);
  CHECK(out.size() == line.size() + 1);
  CHECK((out == line + "\n"));
  // Input, decoded text, block text and the verify snapshot: a small multiple of the input
  // (1.2 GB leaves room for sanitizer builds, which use about twice as much).
  CHECK(p.max_rss_kb < 1200 * 1024);
}

TEST_CASE("a million blank lines give empty output", "[hostile]") {
  auto r = test::run({"--verify"}, std::string(1000000, '\n'));
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  auto many = test::run({"--verify", "-t", "jsonl"}, [] {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "段\n\n";
    return s;
  }());
  CHECK(many.status == 0);
  CHECK(std::count(many.out.begin(), many.out.end(), '\n') == 100000);
}

TEST_CASE("a hundred thousand nested brackets and quotes pass through unchanged", "[hostile]") {
  std::string open, close;
  for (int i = 0; i < 25000; ++i) {
    open += "（「『《";
    close += "》』」）";  // the same unit each time, so appending mirrors the opening run
  }
  std::string text = open + "文" + close;
  auto r = test::run({"--verify"}, text + "\n");
  CHECK(r.status == 0);
  CHECK((r.out == text + "\n"));
  auto unbalanced = test::run({"--verify"}, std::string(100000, '(') + "\n");
  CHECK(unbalanced.status == 0);
  CHECK((unbalanced.out == std::string(100000, '(') + "\n"));
}

TEST_CASE("mixed CR, LF and CRLF line ends all count as line ends", "[hostile]") {
  auto r = test::run({"--verify"}, "甲\r\n乙\r丙\n丁\r\n\r\n戊\r\r\n己");
  CHECK(r.status == 0);
  CHECK(r.out == "甲\n乙\n丙\n丁\n\n戊\n\n己\n");
  auto j = test::run({"-t", "jsonl"}, "甲\r\n乙\r丙\n丁\r\n\r\n戊");
  CHECK(j.out.find("\"line\":6") != std::string::npos);  // 戊 is on line 6 of the file
}

TEST_CASE("a directory as input is an I/O error", "[hostile]") {
  TempDir dir;
  std::string d = dir.path("");
  d.pop_back();
  check_input_error(test::run({d}), d + ": is a directory");
  check_input_error(test::run({dir.path("missing.txt")}),
                    dir.path("missing.txt") + ": No such file or directory");
  check_input_error(test::run({"-o", d}, "x\n"), d + ": Is a directory");
  auto config = test::run({"--config", d}, "x\n");  // read as empty before: now refused
  CHECK(config.status == 2);
  CHECK(config.err.find("cannot read config file '" + d + "'") != std::string::npos);
}

TEST_CASE("an unreadable file is an I/O error", "[hostile]") {
  TempDir dir;
  std::string file = dir.file("secret.txt", "秘密\n");
  fs::permissions(file, fs::perms::none);
  if (geteuid() == 0) {
    WARN("running as root, which reads a chmod 000 file anyway: unreadable-file case skipped");
    return;
  }
  check_input_error(test::run({file}), file + ": Permission denied");
}

TEST_CASE("a full output device is reported (ENOSPC) with exit 1", "[hostile]") {
  check_input_error(test::run({"-o", "/dev/full"}, "文本\n"), "No space left on device");
  TempDir dir;
  std::string input = dir.file("in.txt", std::string(1 << 20, 'x') + "\n");
  Process p = spawn(dir, {input}, "", Stdout::kDevFull);
  INFO("stderr: " << p.err);
  REQUIRE(p.exited);
  CHECK(p.status == 1);
  CHECK(p.err.find("No space left on device") != std::string::npos);
}

TEST_CASE("a closed standard output ends the run quietly", "[hostile]") {
  TempDir dir;
  std::string input = dir.file("in.txt", "文本\n\n更多文本\n");
  SECTION("standard output closed") {
    Process p = spawn(dir, {input}, "", Stdout::kClosed);
    INFO("stderr: " << p.err);
    REQUIRE(p.exited);  // no crash, no sanitizer abort
    CHECK(p.status == 1);
    CHECK(p.err.empty());
  }
  SECTION("reader of a pipe gone (SIGPIPE, as cat and grep)") {
    std::string big = dir.file("big.txt", std::string(4 << 20, 'x') + "\n");
    Process p = spawn(dir, {big}, "", Stdout::kBrokenPipe);
    INFO("stderr: " << p.err);
    CHECK(((p.exited && p.status == 1) || (!p.exited && p.status == SIGPIPE)));
    CHECK(p.err.empty());
  }
}

}  // namespace
}  // namespace hantidy
