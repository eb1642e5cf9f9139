#include "cli/report.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/line_diff.h"

namespace hantidy {
namespace {

constexpr std::size_t kContext = 3;

std::string visible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out;
}

// "@@ -START,LEN" part of a hunk header; an empty range names the line before it.
std::string range(std::size_t start0, std::size_t len) {
  std::string s = std::to_string(len == 0 ? start0 : start0 + 1);
  if (len != 1) s += "," + std::to_string(len);
  return s;
}

}  // namespace

std::size_t write_check(const Document& doc, std::ostream& out) {
  std::vector<std::unique_ptr<LineIndex>> lines(doc.sources.size());
  std::size_t reported = 0;
  for (const ChangeRecord& c : doc.changes) {
    if (c.annotation) continue;  // the text is unchanged; --stats counts these
    ++reported;
    std::string name = "<unknown>";
    Position pos;
    if (c.span.source < doc.sources.size()) {
      const Source& src = doc.sources[c.span.source];
      auto& index = lines[c.span.source];
      if (!index) index = std::make_unique<LineIndex>(src.text);
      name = src.name;
      pos = index->at(c.span.begin);
    }
    out << name << ':' << pos.line << ':' << pos.column << ": " << c.filter << '/' << c.rule
        << ": '" << visible(c.orig) << "' \u2192 '" << visible(c.reg) << "'\n";
  }
  return reported;
}

bool write_diff(std::string_view before, std::string_view after, std::string_view name,
                std::ostream& out) {
  if (before == after) return false;
  std::vector<std::string_view> a = split_lines(before), b = split_lines(after);
  std::vector<DiffOp> ops = diff_lines(a, b);
  bool a_open = !before.empty() && before.back() != '\n';
  bool b_open = !after.empty() && after.back() != '\n';
  auto line = [&](const DiffOp& op) {
    bool from_b = op.kind == DiffOp::kInsert;
    std::string_view text = from_b ? b[op.b_index] : a[op.a_index];
    out << static_cast<char>(op.kind) << text << '\n';
    bool last = from_b ? op.b_index + 1 == b.size() : op.a_index + 1 == a.size();
    if (last && (from_b ? b_open : a_open)) out << "\\ No newline at end of file\n";
  };
  out << "--- " << name << "\n+++ " << name << '\n';
  std::size_t i = 0;
  while (i < ops.size()) {
    while (i < ops.size() && ops[i].kind == DiffOp::kKeep) ++i;
    if (i == ops.size()) break;
    std::size_t begin = i > kContext ? i - kContext : 0;
    // Extend the hunk while the next change is within 2 × context of the last one.
    std::size_t end = i;
    std::size_t last_change = i;
    for (std::size_t k = i; k < ops.size(); ++k) {
      if (ops[k].kind != DiffOp::kKeep) {
        last_change = k;
      } else if (k - last_change > 2 * kContext) {
        break;
      }
      end = k + 1;
    }
    end = std::min(end, last_change + kContext + 1);
    std::size_t a_len = 0, b_len = 0;
    for (std::size_t k = begin; k < end; ++k) {
      if (ops[k].kind != DiffOp::kInsert) ++a_len;
      if (ops[k].kind != DiffOp::kDelete) ++b_len;
    }
    out << "@@ -" << range(ops[begin].a_index, a_len) << " +" << range(ops[begin].b_index, b_len)
        << " @@\n";
    for (std::size_t k = begin; k < end; ++k) {
      // Within a run of changes, deletions first, as diff -u prints them.
      if (ops[k].kind == DiffOp::kKeep) {
        line(ops[k]);
        continue;
      }
      std::size_t run_end = k;
      while (run_end < end && ops[run_end].kind != DiffOp::kKeep) ++run_end;
      for (std::size_t r = k; r < run_end; ++r) {
        if (ops[r].kind == DiffOp::kDelete) line(ops[r]);
      }
      for (std::size_t r = k; r < run_end; ++r) {
        if (ops[r].kind == DiffOp::kInsert) line(ops[r]);
      }
      k = run_end - 1;
    }
    i = end;
  }
  return true;
}

void ChangeStats::add(const Document& doc) {
  for (const ChangeRecord& c : doc.changes) ++counts_[c.filter][c.rule];
  total_ += doc.changes.size();
}

void ChangeStats::merge(const ChangeStats& other) {
  for (const auto& [filter, rules] : other.counts_) {
    for (const auto& [rule, n] : rules) counts_[filter][rule] += n;
  }
  total_ += other.total_;
}

void ChangeStats::write_text(std::ostream& out) const {
  for (const auto& [filter, rules] : counts_) {
    for (const auto& [rule, n] : rules) out << filter << '/' << rule << ' ' << n << '\n';
  }
  out << "total " << total_ << '\n';
}

void ChangeStats::write_json(std::ostream& out) const {
  nlohmann::ordered_json j;
  j["total"] = total_;
  j["filters"] = nlohmann::ordered_json::object();
  for (const auto& [filter, rules] : counts_) {
    std::size_t sum = 0;
    nlohmann::ordered_json r = nlohmann::ordered_json::object();
    for (const auto& [rule, n] : rules) {
      r[rule.str()] = n;
      sum += n;
    }
    j["filters"][filter.str()] = {{"total", sum}, {"rules", r}};
  }
  out << j.dump() << '\n';
}

}  // namespace hantidy
