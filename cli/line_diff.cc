#include "cli/line_diff.h"

#include <algorithm>
#include <unordered_map>

namespace hantidy {
namespace {

// Myers' linear-space bisection (as in diff-match-patch), on line ids.
class Differ {
 public:
  Differ(const std::vector<int>& a, const std::vector<int>& b, std::size_t max_cost)
      : a_(a), b_(b), max_cost_(static_cast<long>(max_cost)) {}

  std::vector<DiffOp> run() {
    diff(0, static_cast<long>(a_.size()), 0, static_cast<long>(b_.size()));
    return std::move(ops_);
  }

 private:
  void keep(long x, long y) {
    ops_.push_back({DiffOp::kKeep, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
  }
  void del(long x, long y) {
    ops_.push_back({DiffOp::kDelete, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
  }
  void ins(long x, long y) {
    ops_.push_back({DiffOp::kInsert, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
  }

  void diff(long a0, long a1, long b0, long b1) {
    while (a0 < a1 && b0 < b1 && a_[a0] == b_[b0]) keep(a0++, b0++);
    long tail = 0;
    while (a1 - tail > a0 && b1 - tail > b0 && a_[a1 - tail - 1] == b_[b1 - tail - 1]) ++tail;
    a1 -= tail;
    b1 -= tail;
    if (a0 == a1 || b0 == b1) {
      for (long x = a0; x < a1; ++x) del(x, b0);
      for (long y = b0; y < b1; ++y) ins(a1, y);
    } else {
      bisect(a0, a1, b0, b1);
    }
    for (long k = 0; k < tail; ++k) keep(a1 + k, b1 + k);
  }

  void bisect(long a0, long a1, long b0, long b1) {
    long n = a1 - a0, m = b1 - b0;
    long max_d = (n + m + 1) / 2;
    long offset = max_d, length = 2 * max_d + 2;
    std::vector<long> v1(static_cast<std::size_t>(length), -1), v2(v1);
    v1[static_cast<std::size_t>(offset + 1)] = 0;
    v2[static_cast<std::size_t>(offset + 1)] = 0;
    long delta = n - m;
    bool front = delta % 2 != 0;
    long k1start = 0, k1end = 0, k2start = 0, k2end = 0;
    auto at = [](std::vector<long>& v, long i) -> long& { return v[static_cast<std::size_t>(i)]; };
    long limit = std::min(max_d, max_cost_);
    for (long d = 0; d < limit; ++d) {
      for (long k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
        long k1o = offset + k1;
        long x1 = (k1 == -d || (k1 != d && at(v1, k1o - 1) < at(v1, k1o + 1)))
                      ? at(v1, k1o + 1)
                      : at(v1, k1o - 1) + 1;
        long y1 = x1 - k1;
        while (x1 < n && y1 < m && a_[a0 + x1] == b_[b0 + y1]) ++x1, ++y1;
        at(v1, k1o) = x1;
        if (x1 > n) {
          k1end += 2;
        } else if (y1 > m) {
          k1start += 2;
        } else if (front) {
          long k2o = offset + delta - k1;
          if (k2o >= 0 && k2o < length && at(v2, k2o) != -1 && x1 >= n - at(v2, k2o)) {
            split(a0, a1, b0, b1, x1, y1);
            return;
          }
        }
      }
      for (long k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
        long k2o = offset + k2;
        long x2 = (k2 == -d || (k2 != d && at(v2, k2o - 1) < at(v2, k2o + 1)))
                      ? at(v2, k2o + 1)
                      : at(v2, k2o - 1) + 1;
        long y2 = x2 - k2;
        while (x2 < n && y2 < m && a_[a1 - x2 - 1] == b_[b1 - y2 - 1]) ++x2, ++y2;
        at(v2, k2o) = x2;
        if (x2 > n) {
          k2end += 2;
        } else if (y2 > m) {
          k2start += 2;
        } else if (!front) {
          long k1o = offset + delta - k2;
          if (k1o >= 0 && k1o < length && at(v1, k1o) != -1) {
            long x1 = at(v1, k1o);
            long y1 = offset + x1 - k1o;
            if (x1 >= n - x2) {
              split(a0, a1, b0, b1, x1, y1);
              return;
            }
          }
        }
      }
    }
    // Too costly (or no overlap found): everything deleted, then everything inserted.
    for (long x = a0; x < a1; ++x) del(x, b0);
    for (long y = b0; y < b1; ++y) ins(a1, y);
  }

  void split(long a0, long a1, long b0, long b1, long x, long y) {
    diff(a0, a0 + x, b0, b0 + y);
    diff(a0 + x, a1, b0 + y, b1);
  }

  const std::vector<int>& a_;
  const std::vector<int>& b_;
  long max_cost_;
  std::vector<DiffOp> ops_;
};

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(at, nl - at));
    at = nl + 1;
  }
  return lines;
}

std::vector<DiffOp> diff_lines(const std::vector<std::string_view>& a,
                               const std::vector<std::string_view>& b, std::size_t max_cost) {
  std::unordered_map<std::string_view, int> ids;
  auto to_ids = [&](const std::vector<std::string_view>& lines) {
    std::vector<int> out;
    out.reserve(lines.size());
    for (std::string_view line : lines) {
      out.push_back(ids.emplace(line, static_cast<int>(ids.size())).first->second);
    }
    return out;
  };
  std::vector<int> ia = to_ids(a), ib = to_ids(b);
  return Differ(ia, ib, max_cost).run();
}

}  // namespace hantidy
