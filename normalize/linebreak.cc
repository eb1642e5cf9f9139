#include "normalize/linebreak.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/block_pieces.h"
#include "normalize/block_types.h"
#include "normalize/cjk_text.h"
#include "normalize/han_words.h"
#include "normalize/line_scan.h"
#include "normalize/paragraph_evidence.h"
#include "normalize/speakers.h"

namespace hantidy {
namespace {

constexpr std::string_view kFilter = "linebreak";
constexpr std::size_t kFragmentReach = 30;  // blocks a displaced continuation may travel
constexpr std::size_t kSmallLines = 8;      // fewer wrapped lines than this: a small document
constexpr int kUnmeasured = -1;             // a line length not measured yet
constexpr int kMaxCountedLength = 1 << 16;  // longest line length percentiles count per length
constexpr int kMaxLineLength = 1 << 24;     // lengths are capped here: 110 * 2^24 < 2^31

// How a producer measured lines when it wrapped them.
enum class Measure { kWidth, kCount, kCountWithSpaces };

// The Han characters around a line break that inside_word segments: up to four before it
// (`tail` of them) and up to four after it.
struct WordPair {
  static constexpr std::size_t kMax = kMaxHanWindow;
  std::array<char32_t, kMax> points{};
  std::uint8_t tail = 0;
  std::uint8_t size = 0;
};

// is_body of one block's text, computed on first use: join_blocks asks it of the same block
// when it arrives, when it is kept, and when the next block may continue it.
struct BodyCache {
  signed char known = -1;  // -1: not computed yet
  bool of(std::string_view text) {
    if (known < 0) known = is_body(text) ? 1 : 0;
    return known != 0;
  }
};

// measure()'s per-line lists, kept on each thread from document to document: grown from empty
// for each document, they cost an allocation and a copy at every doubling. Lists that a huge
// document grew past kMaxKeptLines are let go, so that a thread keeps little memory.
constexpr std::size_t kMaxKeptLines = 1 << 16;

struct LineLists {
  std::vector<std::array<int, 3>> lengths;  // Repairer::line_lengths_
  std::array<std::vector<int>, 3> by_measure;
  std::vector<char> ends;

  static LineLists& for_this_thread() {
    thread_local LineLists lists;
    return lists;
  }

  void clear() {
    clear(lengths);
    for (std::vector<int>& v : by_measure) clear(v);
    clear(ends);
  }

 private:
  template <class T>
  static void clear(std::vector<T>& v) {
    if (v.capacity() > kMaxKeptLines) {
      std::vector<T>().swap(v);
    } else {
      v.clear();
    }
  }
};

struct Layout {
  int width = 0;  // typical length of a full wrapped line
  Measure measure = Measure::kWidth;
  bool wrapped = false;  // most lines are cut at about that length
  bool small = false;    // measured on a few lines, the widest alone: "full" by definition
};

class Repairer {
 public:
  explicit Repairer(Document& doc) : doc_(doc) {}

  void run() {
    layout_ = measure();
    repair_lines();
    join_blocks();
  }

 private:
  // The length of a line under the layout's measure.
  int measure_line(std::string_view line) const { return line_length(line, layout_.measure); }

  static int line_length(std::string_view line, Measure m) { return pick(measured(line), m); }

  // line_scan::measure_line with every length capped at kMaxLineLength: the layout compares
  // lengths times 100, which must not overflow an int on a line tens of megabytes long (no
  // decision depends on how long such a line is).
  // `hidden_blanks`: blanks count_with_spaces counts that `line` no longer holds (see
  // for_each_measured_line).
  static line_scan::LineLengths measured(std::string_view line, int hidden_blanks = 0) {
    line_scan::LineLengths l = line_scan::measure_line(line);
    l.count_with_spaces += hidden_blanks;
    l.width = std::min(l.width, kMaxLineLength);
    l.count = std::min(l.count, kMaxLineLength);
    l.count_with_spaces = std::min(l.count_with_spaces, kMaxLineLength);
    return l;
  }

  static int pick(const line_scan::LineLengths& lengths, Measure m) {
    switch (m) {
      case Measure::kWidth:
        return lengths.width;
      case Measure::kCount:
        return lengths.count;
      case Measure::kCountWithSpaces:
        return lengths.count_with_spaces;
    }
    return 0;
  }

  // The block's text before any filter ran (Block::original_text), as a view: the text itself
  // when nothing was edited, else rebuilt in `scratch_`.
  std::string_view original_text(const Block& block) {
    if (block.edits.empty()) return block.text;
    scratch_.clear();
    std::size_t at = 0;
    for (const Edit& e : block.edits) {
      scratch_.append(block.text, at, e.begin - at);
      scratch_ += e.orig;
      at = e.end;
    }
    scratch_.append(block.text, at, std::string::npos);
    return scratch_;
  }

  // Finds the typical full-line length. Producers wrap by display width, by characters, or by
  // characters counting the spaces they insert; the measure under which lines cluster most
  // tightly at the top is the one the text was wrapped by.
  Layout measure() {
    constexpr std::array<Measure, 3> kMeasures = {Measure::kWidth, Measure::kCount,
                                                  Measure::kCountWithSpaces};
    lists_.clear();
    std::array<std::vector<int>, 3>& lengths = lists_.by_measure;
    static_assert(static_cast<int>(Measure::kWidth) == 0 &&
                  static_cast<int>(Measure::kCount) == 1 &&
                  static_cast<int>(Measure::kCountWithSpaces) == 2);
    std::size_t terminal = 0;  // lines (not a block's last) that end a sentence
    // Per measured line: it ends a sentence (a byte each: vector<bool>'s push_back costs more).
    std::vector<char>& ends = lists_.ends;
    first_line_.assign(doc_.blocks.size() + 1, 0);
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
      first_line_[i] = line_lengths_.size();
      const Block& b = doc_.blocks[i];
      if (b.kind != BlockKind::kParagraph) continue;
      if (b.text.find('\n') == std::string::npos) continue;
      // Lines are only measured and asked ends_terminal here.
      for_each_measured_line(b, scratch_, [&](std::string_view line, bool last, int hidden) {
        line_scan::LineLengths l = measured(line, hidden);
        line_lengths_.push_back({l.width, l.count, l.count_with_spaces});
        // A block's last line is short by nature; a blank line says nothing.
        if (last || l.count == 0) return;
        ends.push_back(ends_terminal(line));
        terminal += ends.back();
        for (std::size_t m = 0; m < kMeasures.size(); ++m) {
          lengths[m].push_back(line_lengths_.back()[m]);
        }
      });
    }
    first_line_.back() = line_lengths_.size();

    Layout layout;
    std::size_t n = lengths[0].size();
    if (n < kSmallLines) return small_layout(lengths[0], terminal);
    // Lengths are small numbers: the percentiles below are read off per-length counts, in
    // time linear in the lines, unless some line is huge (then from a copy, by nth_element).
    std::array<std::vector<std::size_t>, 3> counts;
    for (std::size_t m = 0; m < kMeasures.size(); ++m) {
      int longest = *std::max_element(lengths[m].begin(), lengths[m].end());
      if (longest > kMaxCountedLength) continue;
      counts[m].assign(static_cast<std::size_t>(longest) + 1, 0);
      for (int w : lengths[m]) ++counts[m][static_cast<std::size_t>(w)];
    }
    auto top = [&](std::size_t m) { return percentile(lengths[m], counts[m], 8); };
    std::size_t best = 0, best_near = 0;
    std::array<int, 3> tops{};
    for (std::size_t m = 0; m < kMeasures.size(); ++m) {
      tops[m] = top(m);
      std::size_t n = linebreak_detail::lines_near(lengths[m], counts[m], tops[m], 96);
      if (n > best_near) best = m, best_near = n;
    }
    const std::vector<int>& v = lengths[best];
    layout.measure = kMeasures[best];
    layout.width = typical(v, counts[best], tops[best]);
    layout.wrapped =
        layout.width >= 8 &&
        linebreak_detail::lines_near(v, counts[best], layout.width, 85) * 10 >= v.size() * 6;
    if (!layout.wrapped && layout.width >= 8 && terminal * 10 < n * 7) {
      // Many short paragraphs with no blank line between: their last lines are short, but the
      // lines that do not end a sentence (mid-paragraph lines) are still about full.
      std::size_t mid = 0, mid_full = 0;
      for (std::size_t k = 0; k < n; ++k) {
        if (ends[k]) continue;
        ++mid;
        mid_full += v[k] * 100 >= layout.width * 85 && v[k] * 100 <= layout.width * 110;
      }
      layout.wrapped = mid_full * 10 >= mid * 6;
    }
    return layout;
  }

  // The full-line length: the median of the lines near the 80th percentile `top`. Where a
  // producer hangs punctuation past the margin (，。 on a full line), a fifth of the lines are
  // a column or two longer than full and the percentile lands on them; the median of the
  // cluster is the margin itself.
  // `counts`: lines per length of `lengths`, or empty when some length is too large for it.
  static int typical(const std::vector<int>& lengths, const std::vector<std::size_t>& counts,
                     int top) {
    auto outside = [&](int w) { return w * 100 < top * 85 || w * 100 > top * 110; };
    if (!counts.empty()) {
      std::size_t kept = 0;
      for (std::size_t w = 0; w < counts.size(); ++w) {
        if (!outside(static_cast<int>(w))) kept += counts[w];
      }
      if (kept == 0) return top;
      return length_at_rank(counts, kept / 2, [&](int w) { return !outside(w); });
    }
    std::vector<int> v = lengths;
    std::erase_if(v, outside);
    if (v.empty()) return top;
    auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
  }

  // The length nth_element would put at `rank` (0-based) among the lengths for which keep(w)
  // holds, read off `counts` (lines per length); rank must be below their number.
  template <class Keep>
  static int length_at_rank(const std::vector<std::size_t>& counts, std::size_t rank, Keep keep) {
    for (std::size_t w = 0; w < counts.size(); ++w) {
      if (!keep(static_cast<int>(w))) continue;
      if (rank < counts[w]) return static_cast<int>(w);
      rank -= counts[w];
    }
    return static_cast<int>(counts.size()) - 1;  // not reached when rank is in range
  }

  // The tenths-th percentile of `lengths` (the element at rank size * tenths / 10), from
  // `counts` when it is not empty.
  static int percentile(const std::vector<int>& lengths, const std::vector<std::size_t>& counts,
                        std::size_t tenths) {
    std::size_t rank = lengths.size() * tenths / 10;
    if (!counts.empty()) return length_at_rank(counts, rank, [](int) { return true; });
    std::vector<int> v = lengths;
    auto at = v.begin() + static_cast<std::ptrdiff_t>(rank);
    std::nth_element(v.begin(), at, v.end());
    return *at;
  }

  // The layout of a document with only a few wrapped lines (a short PDF dump: 3 to 8 lines):
  // too few for the percentile, so the widest line is the full width. Such lines are a hard
  // wrap when most are about that wide (within 15% or a few columns: digits, Latin and
  // half-width punctuation shift a PDF line's end) and few end a sentence (a file with one
  // short paragraph per line has similar widths too, but its lines end sentences).
  static Layout small_layout(const std::vector<int>& widths, std::size_t terminal) {
    Layout layout;
    layout.small = true;
    if (widths.size() < 2) return layout;
    std::vector<int> top = widths;
    std::partial_sort(top.begin(), top.begin() + 2, top.end(), std::greater<>());
    // Two lines at the margin (the wider by hung punctuation at most) attest the full width;
    // a lone widest line is full only by definition, so a sentence end on it never joins.
    layout.small = top[1] + 2 < top[0];
    layout.width = layout.small ? top[0] : top[1];
    std::size_t near = static_cast<std::size_t>(std::count_if(
        widths.begin(), widths.end(), [&](int w) { return near_full(w, layout.width); }));
    layout.wrapped =
        layout.width >= 12 && near * 10 >= widths.size() * 6 && terminal * 2 < widths.size();
    return layout;
  }

  // Whether a line of `w` columns is a full wrapped line of a layout `full` wide: within 15%
  // or a few columns (two CJK characters) of it.
  static bool near_full(int w, int full) { return w * 100 >= full * 85 || w + 4 >= full; }

  // A comma inside a full numbered heading line: a two-part heading ("致力赶超跨越，科学谋划…")
  // or a run-in heading, longer than one line either way.
  static bool has_comma(std::string_view line) {
    return line.find("\xEF\xBC\x8C") != std::string_view::npos ||
           line.find(',') != std::string_view::npos;
  }

  // What "a few columns short of full" is under the layout's measure: two CJK characters.
  int few_columns() const { return layout_.measure == Measure::kWidth ? 4 : 2; }

  // Whether a break after `la` and before `fb` lies between two Han characters: inside_word is
  // false otherwise, which callers may use to skip costlier evidence first.
  static bool between_han(char32_t la, char32_t fb) { return is_han(la) && is_han(fb); }

  // Whether the break between `a` and `b` is inside a word by ICU's dictionary segmentation.
  // `la` and `fb`: last_visible(a) and first_visible(b), which the callers have at hand.
  bool inside_word(std::string_view a, std::string_view b, char32_t la, char32_t fb) {
    if (!between_han(la, fb)) return false;
    // The segmentation sees the (up to) four Han characters on each side of the break. Answers
    // are not remembered: han_words finds one in about 2k Ir, about what a map of them cost in
    // hashing and nodes, and only about one window in ten came back.
    WordPair key;
    std::size_t tail_begin = a.size();  // where the Han run before the break starts
    for (std::size_t end = tail_begin; key.tail < 4 && end > 0; tail_begin = end) {
      if (!is_han(previous_code_point(a, end))) break;
      ++key.tail;
    }
    for (std::size_t at = tail_begin; key.size < key.tail;) {
      key.points[key.size++] = next_code_point(a, at);
    }
    std::size_t at = 0;
    while (at < b.size() && key.size - key.tail < 4) {
      char32_t c = next_code_point(b, at);
      if (is_blank_char(c)) continue;
      if (!is_han(c)) break;
      key.points[key.size++] = c;
    }
    // The start and the end of a text are always word boundaries (a line ending in a space has
    // no Han run before the break): ICU would say so.
    if (key.tail == 0 || key.size == key.tail) return false;
    return han_inside_word(std::span(key.points.data(), key.size), key.tail);
  }

  // Whether line `b` continues the paragraph whose last line is `a`.
  // `a_length` is a's length under the layout's measure (a may have been joined already);
  // `la` and `fb` are last_visible(a) and first_visible(b).
  // `open()` gives the brackets still open in the paragraph up to the end of `a`; it is called
  // only where the answer depends on it (counting is a scan of the paragraph).
  template <class OpenCount>
  bool continues(std::string_view a, std::string_view b, OpenCount&& open, bool paragraph_start,
                 int a_length, char32_t la, char32_t fb) {
    if (fb == 0 || la == 0) return false;
    if (is_no_line_start(fb)) return true;
    if (indented(b)) return false;
    bool latin = la < 0x80 && fb < 0x80 && std::islower(static_cast<int>(fb));
    bool term = ends_terminal(a, la);
    if (!layout_.wrapped) {
      // Lines are paragraphs here unless a body line visibly breaks off mid-word or mid-clause.
      if (term) return false;
      if (continues_after(la) || latin) return true;
      // Neither a soon-ending sentence nor a break inside_word could find: no need to ask
      // is_body, which reads the whole line.
      bool soon = ends_sentence_soon(b);
      if (!soon && !between_han(la, fb)) return false;
      return is_body(a) && (soon || inside_word(a, b, la, fb));
    }
    int width = a_length;
    // A line that ends a sentence ends the paragraph unless it is full: text wrapped at a fixed
    // length puts a paragraph's last sentence end on a full line only by chance.
    if (term) {
      return (open() > 0 && open_brackets(last_line(a)) > 0) ||
             (!layout_.small && width >= layout_.width && !starts_like_opener(b));
    }
    // A full line goes on unless it is a numbered heading; tested before ends_sentence_soon(b),
    // which would only say go on too, because most lines are full.
    bool heading = paragraph_start && is_enumerated_heading(a);
    bool full = width * 100 >= layout_.width * 80 || width + few_columns() >= layout_.width;
    if (full && !heading) return true;
    if (ends_sentence_soon(b)) return true;
    if (heading) {
      // A numbered heading ends here unless its last word wrapped onto a short line of its own.
      int tail = measure_line(b);  // current text: spaces removed, a lower bound
      // A comma, or a full line cut inside a word, says the heading runs on (a run-in heading
      // "（六）围绕补短强弱，切实强化…").
      return continues_after(la) ||
             (width * 100 >= layout_.width * 95 &&
              ((tail * 100 < layout_.width * 30 && !ends_terminal(b)) ||
               inside_word(a, b, la, fb) || (has_comma(a) && !starts_like_opener(b))));
    }
    return open() > 0 || continues_after(la) || latin || inside_word(a, b, la, fb);
  }

  // Phase 1: inside each paragraph block, join wrapped lines and split complete paragraphs.
  void repair_lines() {
    std::vector<std::pair<std::size_t, std::vector<Piece>>> plan;
    std::vector<int> last_lengths;  // per resulting block, in order
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
      Block& block = doc_.blocks[i];
      // measure() found the multi-line paragraphs: they, and only they, have measured lines.
      if (first_line_[i + 1] == first_line_[i]) {
        last_lengths.push_back(block.kind == BlockKind::kParagraph ? kUnmeasured : 0);
        continue;
      }
      std::string_view text = block.text;
      // The source lines' lengths, measured once by measure().
      std::size_t line_no = first_line_[i];
      std::vector<Replacement>& reps = reps_;  // empty: rewrite_and_clear leaves it so
      reps.reserve(first_line_[i + 1] - first_line_[i] - 1);  // at most one per line break
      keeps_.clear();        // per line break left in place: kept inside the block
      std::size_t cuts = 0;  // line breaks that end a paragraph
      // Brackets still open in the paragraph so far, counted line by line (capped at 8 after
      // each) when a decision needs them: text before `open_counted` is counted in `open`.
      int open = 0;
      std::size_t open_counted = 0;
      auto open_until = [&](std::size_t line_end) {
        while (open_counted <= line_end) {
          std::size_t end = std::min(text.find('\n', open_counted), line_end);
          open = std::min(open + open_brackets(text.substr(open_counted, end - open_counted)), 8);
          open_counted = end + 1;
        }
        return open;
      };
      bool paragraph_start = true;
      // is_label_line of the line starting at `label_line_at` (npos: none known).
      std::size_t label_line_at = std::string_view::npos;
      bool label_line = false;
      std::size_t at = 0;
      std::size_t nl = text.find('\n');
      while (nl != std::string_view::npos) {
        std::string_view a = text.substr(at, nl - at);
        std::size_t next_nl = text.find('\n', nl + 1);
        std::size_t next_end = next_nl == std::string_view::npos ? text.size() : next_nl;
        std::string_view b = text.substr(nl + 1, next_end - nl - 1);
        int a_length = source_length(line_lengths_[line_no++]);
        char32_t la = last_visible(a), fb = first_visible(b);
        if (continues(
                a, b, [&] { return open_until(nl); }, paragraph_start, a_length, la, fb)) {
          reps.push_back(join_replacement(text, nl, b, la, fb));
          paragraph_start = false;
        } else {
          // is_label_line(b) is remembered: b is the next break's `a` (the text is not
          // rewritten until the block's last break is decided).
          bool keep = false;
          if (!layout_.wrapped) {
            bool a_label = label_line_at == at ? label_line : is_label_line(a);
            if (a_label) {
              label_line = is_label_line(b);
              label_line_at = nl + 1;
              keep = label_line;
            }
          }
          keeps_.push_back(keep);
          if (!keep) {
            last_lengths.push_back(a_length);  // the last line of a piece
            ++cuts;
            open = 0;
            open_counted = nl + 1;
            paragraph_start = true;
          }
        }
        at = nl + 1;
        nl = next_nl;
      }
      last_lengths.push_back(source_length(line_lengths_[first_line_[i + 1] - 1]));
      doc_.rewrite_and_clear(i, reps, kFilter);
      std::string_view fixed = doc_.blocks[i].text;
      if (cuts == 0) continue;
      std::vector<Piece> pieces;
      pieces.reserve(cuts + 1);
      std::size_t begin = 0;
      std::size_t kept = 0;  // index into `keeps_`: the line breaks that were not joined
      for (std::size_t cut = 0; (cut = fixed.find('\n', cut)) != std::string_view::npos; ++cut) {
        if (kept < keeps_.size() && keeps_[kept++]) continue;
        pieces.push_back({begin, cut, BlockKind::kParagraph});
        begin = cut + 1;
      }
      if (pieces.empty()) continue;
      pieces.push_back({begin, fixed.size(), BlockKind::kParagraph});
      // The log's source offsets are a search each: skipped when no change is recorded.
      for (std::size_t k = 1; doc_.log_changes && k < pieces.size(); ++k) {
        doc_.log(kFilter, "paragraph-split",
                 {block.span.source, block.source_offset(pieces[k - 1].end),
                  block.source_offset(pieces[k].begin)},
                 "\n", "\n\n");
      }
      plan.emplace_back(i, std::move(pieces));
    }
    split_ = cut_blocks(doc_, std::move(plan));
    last_length_ = std::move(last_lengths);
  }

  // The replacement that removes the line break at `nl` (and the next line's leading spaces).
  // `la`: the last visible character before the break (not 0: continues() said the paragraph
  // goes on, which it never says after a blank line); `fb`: first_visible(b).
  static Replacement join_replacement(std::string_view text, std::size_t nl, std::string_view b,
                                      char32_t la, char32_t fb) {
    // Interned once: a document joins tens of thousands of lines.
    static const Name kHyphen("hyphen"), kLatinWrap("latin-wrap"), kWrap("wrap");
    std::size_t lead = 0;
    while (lead < b.size() && (b[lead] == ' ' || b[lead] == '\t')) ++lead;
    if (la == '-' && nl >= 2 && std::isalpha(static_cast<unsigned char>(text[nl - 2])) &&
        fb < 0x80 && std::islower(static_cast<unsigned char>(fb))) {
      return {nl - 1, nl + 1 + lead, "", kHyphen};
    }
    if (latin_join(la, fb)) return {nl, nl + 1 + lead, " ", kLatinWrap};
    return {nl, nl + 1 + lead, "", kWrap};
  }

  // Whether a join between `la` (the last visible character before it) and `fb` (the first
  // after) is between Latin words, which keep a space ("proposal, which"); CJK joins have none.
  static bool latin_join(char32_t la, char32_t fb) {
    bool latin_left = la < 0x80 && (is_ascii_alnum(la) || la == ',' || la == ';' || la == '.' ||
                                    la == ':' || la == ')');
    bool latin_right = fb < 0x80 && (is_ascii_alnum(fb) || fb == '(');
    return latin_left && latin_right;
  }

  // "主席：", "葉劉淑儀議員：主席，…": a speaker label by the built-in office titles (this runs
  // before structure, which may know more from --speaker-lexicon).
  static bool is_colon_label(std::string_view line) {
    static const OfficeLexicon offices = OfficeLexicon::built_in();
    return parse_colon_label(line, offices).has_value();
  }

  // Whether block `b` continues block `a`; `furniture` when only furniture lies between.
  // `a_last_length` may be kUnmeasured: it is measured here if needed.
  // `a_body` and `b_body` hold is_body of a's and b's text (computed here if not yet).
  bool blocks_continue(const Block& a, const Block& b, bool furniture, int& a_last_length,
                       BodyCache& a_body, BodyCache& b_body) {
    if (a.kind != BlockKind::kParagraph || b.kind != BlockKind::kParagraph) return false;
    std::string_view la = last_line(a.text), fb = first_line(b.text);
    int open_count = -1;  // open_brackets(a.text), counted on first use
    auto open = [&] {
      if (open_count < 0) open_count = open_brackets(a.text);
      return open_count;
    };
    char32_t a_last = last_visible(la);
    char32_t first = first_visible(fb);
    bool no_line_start = first != 0 && is_no_line_start(first);
    // Unless b starts with a mark no line starts with, joins() below says no after a sentence
    // end (but where furniture cut a wrapped paragraph): most paragraphs end one, so that is
    // settled first. The tests it skips (a's body and brackets, b's shape) say no too or leave
    // the answer to joins().
    if (!no_line_start && !(furniture && layout_.wrapped) && ends_terminal(la, a_last)) {
      return false;
    }
    bool comma = a_last == U'，' || a_last == ',' || a_last == U'、';
    if (!comma && !a_body.of(a.text) && open() == 0) return false;
    if (no_line_start) return true;
    // A block that begins a unit of its own never continues the one before, whatever that one
    // ends with (a trailing ，, a page break): an indented first line, a list item ("1. ",
    // "（一）", "- "), and, unless a bracket is still open, a label or caption ("主席：",
    // "北京市卫生健康委主任 于鲁明"). Gluing them on would lose the label and its speaker.
    if (indented(fb) || starts_with_item_marker(fb)) return false;
    if (is_label_like(b, [&] { return b_body.of(b.text); }) && open() == 0) return false;
    if (!ends_terminal(b.text) && line_scan::visible_length(b.text, 9) <= 8 && !b_body.of(b.text)) {
      return false;  // a name-only caption
    }
    auto joins = [&] {
      if (furniture && layout_.wrapped) {
        if (a_last_length == kUnmeasured) a_last_length = measure_line(original_text(a));
        return continues(la, fb, open, la.size() == a.text.size(), a_last_length, a_last, first);
      }
      if (ends_terminal(la, a_last)) return false;
      if (open() > 0 || continues_after(a_last)) return true;
      if (starts_like_opener(fb) || indented(fb)) return false;
      if (furniture) return true;
      // The dangling-word test first: when it holds, ICU need not be asked (either says go on).
      return (ends_in_word(la) && is_han(first) &&
              !is_label_like(b, [&] { return b_body.of(b.text); })) ||
             inside_word(la, fb, a_last, first);
    };
    // The office lexicon is asked only about a join that would otherwise be made.
    return joins() && !is_colon_label(fb);
  }

  // Whether a paragraph ending in `dangling` and one starting with `text` meet inside a word.
  bool dangling_inside_word(std::string_view dangling, std::string_view text) {
    std::string_view a = last_line(dangling), b = first_line(text);
    return inside_word(a, b, last_visible(a), first_visible(b));
  }

  static bool dangles(const Block& a, BodyCache& body) {
    // The cheap test on the text's end first: most paragraphs end a sentence, not in a word (a
    // text that ends in a word does not end a sentence: paragraph_evidence_test).
    return a.kind == BlockKind::kParagraph && ends_in_word(a.text) && body.of(a.text);
  }

  void join_into(Block& a, Block&& b, std::string_view removed, std::string_view rule) {
    char32_t la = last_visible(a.text), fb = first_visible(b.text);
    std::string_view sep = latin_join(la, fb) ? " " : "";
    Document scratch;
    scratch.log_changes = doc_.log_changes;
    scratch.blocks.push_back(std::move(a));
    scratch.blocks.push_back(std::move(b));
    scratch.join_blocks(0, 1, sep, removed, kFilter, rule);
    a = std::move(scratch.blocks[0]);
    for (ChangeRecord& c : scratch.changes) doc_.changes.push_back(std::move(c));
  }

  // Phase 2: joins across blocks, in one pass that builds the new block list.
  void join_blocks() {
    std::vector<Block> out;
    std::vector<int> out_last;        // last source line length of each block of `out`
    std::vector<BodyCache> out_body;  // is_body of each block of `out`, once asked
    out.reserve(doc_.blocks.size());
    std::deque<std::size_t> danglers;      // indices into `out`, in reading order
    std::size_t prev = std::string::npos;  // where the previous content block went in `out`
    // Whether the previous content block may look like a label: it was kept as it came, so
    // is_label_like(out[prev]) says. That is asked only when a displaced fragment may follow
    // (a paragraph dangles: rarely), not of every block kept.
    bool prev_may_be_label = false;
    auto prev_label = [&] {
      return prev_may_be_label &&
             is_label_like(out[prev], [&] { return out_body[prev].of(out[prev].text); });
    };
    bool furniture = false;  // furniture since the previous content block
    // A content block that starts a paragraph of its own in `out`.
    // `body`: what is known of is_body(block.text), which moving the block does not change.
    auto keep = [&](Block&& block, int last_length, BodyCache body) {
      out.push_back(std::move(block));
      out_last.push_back(last_length);
      out_body.push_back(body);
      prev = out.size() - 1;
      prev_may_be_label = true;
      furniture = false;
      if (dangles(out[prev], out_body[prev])) danglers.push_back(prev);
    };
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
      Block& b = doc_.blocks[i];
      int b_last = last_length_[i];
      BodyCache b_body;
      if (split_[i]) {  // line evidence already said a paragraph ends here
        keep(std::move(b), b_last, b_body);
        continue;
      }
      if (is_furniture(b.kind)) {
        furniture = true;
        out.push_back(std::move(b));
        out_last.push_back(0);
        out_body.emplace_back();
        continue;
      }
      if (prev != std::string::npos &&
          blocks_continue(out[prev], b, furniture, out_last[prev], out_body[prev], b_body)) {
        std::erase(danglers, prev);
        if (b_last == kUnmeasured) b_last = measure_line(original_text(b));
        join_into(out[prev], std::move(b), furniture ? "\n" : "\n\n",
                  furniture ? "page-join" : "paragraph-join");
        out_last[prev] = b_last;
        out_body[prev] = BodyCache();  // the text grew
        if (dangles(out[prev], out_body[prev])) danglers.push_back(prev);
        furniture = false;
        prev_may_be_label = false;
        continue;
      }
      while (!danglers.empty() && out.size() - danglers.front() > kFragmentReach) {
        danglers.pop_front();
      }
      // An orphan continuation: right after a heading (a column's end displaced past it), or
      // after a label when the join lands inside a word.
      // The fragment is the rest of a paragraph, so it ends a sentence: without that, a run of
      // sections whose paragraphs all lack a final 。 would cascade into the first of them.
      if (!danglers.empty() && b.kind == BlockKind::kParagraph && prev_label() &&
          b_body.of(b.text) && !starts_like_opener(b.text) && !indented(b.text) &&
          ends_terminal(b.text)) {
        char32_t first = first_visible(b.text);
        bool after_heading = out[prev].kind == BlockKind::kHeading;
        if ((is_han(first) || is_no_line_start(first)) &&
            (after_heading || is_no_line_start(first) ||
             dangling_inside_word(out[danglers.front()].text, b.text))) {
          std::size_t d = danglers.front();
          danglers.pop_front();
          if (b_last == kUnmeasured) b_last = measure_line(original_text(b));
          join_into(out[d], std::move(b), "\n", "displaced-fragment");
          out_last[d] = b_last;
          out_body[d] = BodyCache();  // the text grew
          if (dangles(out[d], out_body[d])) danglers.push_front(d);
          prev = d;
          prev_may_be_label = false;
          furniture = false;
          continue;
        }
      }
      keep(std::move(b), b_last, b_body);
    }
    doc_.blocks = std::move(out);
  }

  Document& doc_;
  // A cached source line's length under the layout's measure.
  int source_length(const std::array<int, 3>& lengths) const {
    return lengths[static_cast<std::size_t>(layout_.measure)];  // kMeasures follows the enum
  }

  Layout layout_;
  /// Each source line's length under the three measures, in kMeasures order, for the lines of
  /// multi-line paragraphs: measure() computes them once for both phases. Block i's lines are
  /// [first_line_[i], first_line_[i + 1]).
  LineLists& lists_ = LineLists::for_this_thread();
  std::vector<std::array<int, 3>>& line_lengths_ = lists_.lengths;
  std::vector<std::size_t> first_line_;
  std::string scratch_;      // an original line or text rebuilt from the edits
  std::vector<bool> split_;  // per block: cut by repair_lines from the block before it
  std::vector<bool> keeps_;  // repair_lines' scratch, reused from block to block
  // repair_lines' joins of one block, the list reused from block to block: a document rewrites
  // thousands of blocks.
  std::vector<Replacement> reps_;
  // Per block: its last source line's length (layout measure), or kUnmeasured for a one-line
  // paragraph, whose length (its original text's) is measured only if a join asks for it.
  std::vector<int> last_length_;
};

}  // namespace

namespace linebreak_detail {

std::size_t lines_near(const std::vector<int>& lengths, const std::vector<std::size_t>& counts,
                       int full, int low) {
  auto near = [&](int w) { return w * 100 >= full * low && w * 100 <= full * 110; };
  if (counts.empty()) {
    return static_cast<std::size_t>(std::count_if(lengths.begin(), lengths.end(), near));
  }
  // The lengths that are near form one range: from below full * low / 100 (no smaller one is
  // near) up to the first past full * 110 / 100.
  std::size_t n = 0;
  for (auto w = static_cast<std::size_t>(full * low / 100);
       w < counts.size() && static_cast<int>(w) * 100 <= full * 110; ++w) {
    if (near(static_cast<int>(w))) n += counts[w];
  }
  return n;
}

}  // namespace linebreak_detail

void LinebreakFilter::apply(Document& doc, Diagnostics&) const { Repairer(doc).run(); }

std::unique_ptr<Filter> make_linebreak_filter(const FilterArgs& args) {
  args.allow({});
  return std::make_unique<LinebreakFilter>();
}

}  // namespace hantidy
