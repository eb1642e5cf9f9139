// Pairing of brackets and quotes, after the scan has seen them all: a pair is converted as one,
// nesting decides “” or ‘’, and a text whose quotes do not pair up is reported, not guessed.
#include "normalize/punct_scanner.h"

namespace hantidy::punct_internal {

void Scanner::resolve_parens() {
  // Scratch kept per thread, like the token lists: most blocks have brackets.
  thread_local std::vector<std::size_t> stack;
  stack.clear();
  auto unmatched = [&](const Token& tk) {
    if (tk.len != 1 || tk.frozen || !on(PunctRule::kParen)) return;
    // "規則。 )我": the space before it goes too, so look past spaces as a second run would.
    if (tk.kind == 'O' && next_settled(tk.pos + 1).wide()) {
      add(tk.pos, tk.pos + 1, "（", PunctRule::kParen);
    }
    if (tk.kind == 'C' && prev_settled(tk.pos).wide()) {
      add(tk.pos, tk.pos + 1, "）", PunctRule::kParen);
    }
  };
  for (std::size_t k = 0; k < parens_.size(); ++k) {
    const Token& tk = parens_[k];
    if (tk.kind == 'O') {
      stack.push_back(k);
      continue;
    }
    if (stack.empty()) {
      unmatched(tk);
      continue;
    }
    const Token& op = parens_[stack.back()];
    stack.pop_back();
    if (op.frozen) continue;
    std::size_t close_end = tk.pos + tk.len;
    bool content_wide = tk.wide_before > op.wide_before;
    Neighbour l = prev_settled(op.pos), r = next_settled(close_end);
    Neighbour l_imm = before(op.pos);
    // Outside context first: "Remove (铁蕾) from" is Latin, "调用foo(x)" is code.
    bool latin_outside = (l.alnum() || l.edge) && (r.alnum() || r.edge) && !(l.edge && r.edge);
    bool chinese = !latin_outside && (content_wide || ((l.wide() || r.wide()) && !l_imm.alnum()));
    // Latin only with Latin words outside: a lone "（www.cninfo.com.cn）" in a table cell of a
    // Chinese report stays as written.
    bool latin = !chinese && tk.letters_before > op.letters_before && !l.wide() && !r.wide() &&
                 (l.alnum() || r.alnum() || (!l.edge && l.cp < 0x80) || (!r.edge && r.cp < 0x80));
    if (chinese && on(PunctRule::kParen)) {
      if (op.len == 1) add(op.pos, op.pos + 1, "（", PunctRule::kParen);
      if (tk.len == 1) add(tk.pos, tk.pos + 1, "）", PunctRule::kParen);
      strip(op.pos, op.pos + op.len);
      strip(tk.pos, close_end, true, !name_follows(close_end));
    } else if (chinese) {
      if (op.len != 1) strip(op.pos, op.pos + op.len);
      if (tk.len != 1) strip(tk.pos, close_end);
    } else if (latin && on(PunctRule::kHalfwidth)) {
      if (op.len != 1)
        add(op.pos, op.pos + op.len, l_imm.alnum() ? " (" : "(", PunctRule::kHalfwidth);
      if (tk.len != 1)
        add(tk.pos, close_end, at(close_end).alnum() ? ") " : ")", PunctRule::kHalfwidth);
    }
  }
  for (std::size_t k : stack) unmatched(parens_[k]);
}

void Scanner::resolve_quotes(std::vector<Token>& list, bool single) {
  if (list.empty()) return;
  // For each straight quote: how many straight quotes follow before the next curly closer
  // (itself included). Inside “…”, an odd count means this one closes the curly opener
  // (“abc"), an even count that it opens a nested pair (“a"b"c”).
  // Scratch kept per thread (these run twice per block): cleared, not allocated, each time.
  thread_local std::vector<std::size_t> run;
  run.assign(list.size(), 0);
  std::size_t count = 0;
  for (std::size_t k = list.size(); k-- > 0;) {
    if (list[k].kind == 'C') count = 0;
    if (list[k].kind == 'S') ++count;
    run[k] = count;
  }
  struct Open {
    std::size_t token;
    std::size_t depth;
  };
  struct Pair {
    std::size_t open, close, depth;
  };
  thread_local std::vector<Open> stack;
  thread_local std::vector<Pair> pairs;
  stack.clear();
  pairs.clear();
  bool stray_close = false;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const Token& tk = list[k];
    if (tk.kind == 'O') {
      stack.push_back({k, stack.size()});
    } else if (tk.kind == 'C') {
      if (stack.empty()) {
        stray_close = true;
      } else {
        pairs.push_back({stack.back().token, k, stack.back().depth});
        stack.pop_back();
      }
    } else if (!stack.empty() && (list[stack.back().token].kind == 'S' || run[k] % 2 == 1)) {
      pairs.push_back({stack.back().token, k, stack.back().depth});
      stack.pop_back();
    } else {
      stack.push_back({k, stack.size()});
    }
  }
  // Unpaired quotes: one missing quote shifts every pairing after it, so when the quotes of the
  // text do not pair up, nothing is converted or restyled, and the straight quotes in Chinese
  // context are reported.
  if (!stack.empty() || stray_close) {
    for (const Token& tk : list) {
      if (tk.kind == 'S' && unpaired_ && (prev(tk.pos).wide() || next(tk.pos + 1).wide())) {
        unpaired_->push_back({tk.pos, t_[tk.pos]});
      }
    }
    return;
  }
  bool corner = o_.quotes == PunctOptions::Quotes::kCorner;
  for (const Pair& pr : pairs) {
    const Token& op = list[pr.open];
    const Token& cl = list[pr.close];
    std::size_t close_end = cl.pos + cl.len;
    Neighbour l = prev_settled(op.pos), r = next_settled(close_end);
    bool latin_outside = (l.alnum() || l.edge) && (r.alnum() || r.edge) && !(l.edge && r.edge);
    bool chinese = !latin_outside && (cl.wide_before > op.wide_before || l.wide() || r.wide());
    if (!chinese) continue;
    bool inner = single || pr.depth % 2 == 1;
    std::string_view want_open = inner ? (corner ? "『" : "‘") : (corner ? "「" : "“");
    std::string_view want_close = inner ? (corner ? "』" : "’") : (corner ? "」" : "”");
    // A quote already in the wanted form gets no replacement: Document::rewrite would drop it
    // as changing nothing, and no other replacement can overlap a quote's own bytes (blanks
    // removed around it lie outside them), so settle() decides the same without it.
    if (t_.substr(op.pos, op.len) != want_open)
      add(op.pos, op.pos + op.len, want_open, PunctRule::kQuote);
    if (t_.substr(cl.pos, cl.len) != want_close)
      add(cl.pos, close_end, want_close, PunctRule::kQuote);
    strip(op.pos, op.pos + op.len, l.wide(), true);
    strip(cl.pos, close_end, true, r.wide());
  }
}

}  // namespace hantidy::punct_internal
