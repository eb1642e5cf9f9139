#include "core/document.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

namespace hantidy {
namespace {

Document one_block(std::string text, std::size_t begin = 100) {
  Document doc;
  doc.sources.push_back({"t.txt", "UTF-8", std::string(begin, 'x') + text, 0, ""});
  Block b;
  b.text = text;
  b.span = {0, begin, begin + text.size()};
  doc.blocks.push_back(b);
  return doc;
}

TEST_CASE("rewrite replaces ranges and records an edit and a change for each", "[document]") {
  Document doc = one_block("2021年,北京市 卫生");
  std::size_t comma = std::string("2021年").size();
  std::size_t space = std::string("2021年,北京市").size();
  std::size_t n = doc.rewrite(
      0, {{comma, comma + 1, "，", "ascii-comma"}, {space, space + 1, "", "cjk-space"}}, "test");
  CHECK(n == 2);
  CHECK(doc.blocks[0].text == "2021年，北京市卫生");
  REQUIRE(doc.blocks[0].edits.size() == 2);
  CHECK(doc.blocks[0].original_text() == "2021年,北京市 卫生");
  REQUIRE(doc.changes.size() == 2);
  CHECK(doc.changes[0].span.begin == 100 + comma);
  CHECK(doc.changes[1].orig == " ");
  // Positions after the edits still map to the source.
  std::size_t wei = doc.blocks[0].text.find("卫");
  CHECK(doc.blocks[0].source_offset(wei) == 100 + space + 1);
}

TEST_CASE("rewrite gives the same text whether it shortens in place or builds anew", "[document]") {
  // Only shortening replacements are applied in the block's own buffer: at the very start,
  // side by side, same size, and at the very end. One growing replacement takes the other path.
  Document doc = one_block(" １２ a\nb  ");
  std::size_t n = doc.rewrite(0,
                              {{0, 1, "", "space"},
                               {1, 4, "1", "digit"},
                               {4, 7, "2", "digit"},
                               {8, 9, "A", "upper"},
                               {9, 10, "", "newline"},
                               {11, 13, "", "space"}},
                              "shorten");
  CHECK(n == 6);
  CHECK(doc.blocks[0].text == "12 Ab");
  CHECK(doc.blocks[0].original_text() == " １２ a\nb  ");
  CHECK(doc.blocks[0].source_offset(doc.blocks[0].text.size()) == 113);
}

TEST_CASE("apply_replacements leaves a text alone without replacements and edits it with them",
          "[document]") {
  std::string text = "北京 市";
  apply_replacements(text, {});
  CHECK(text == "北京 市");
  apply_replacements(text, {{6, 7, "", "cjk-space"}});  // shortens: edited in place
  CHECK(text == "北京市");
  apply_replacements(text, {{0, 0, "《", "open"}, {9, 9, "》", "close"}});  // grows
  CHECK(text == "《北京市》");
}

TEST_CASE("an insertion where an earlier edit removed text keeps the edits in order",
          "[document]") {
  // The leading and trailing spaces were deleted (edits with an empty range at 0 and at the
  // end); brackets inserted at those very points must not leave the edits out of order.
  Document doc = one_block(" ab  ");
  doc.rewrite(0, {{0, 1, "", "space"}, {3, 5, "", "space"}}, "trim");
  REQUIRE(doc.blocks[0].text == "ab");
  doc.rewrite(0, {{0, 0, "「", "open"}, {2, 2, "」", "close"}}, "grow");
  const Block& b = doc.blocks[0];
  CHECK(b.text == "「ab」");
  CHECK(std::is_sorted(b.edits.begin(), b.edits.end(),
                       [](const Edit& x, const Edit& y) { return x.begin < y.begin; }));
  CHECK(b.original_text() == " ab  ");
  CHECK(b.source_offset(b.text.find('a')) == 101);
  CHECK(b.source_offset(b.text.size()) == 105);
}

// Sorted replacements that do not overlap, over a text of `size` bytes: insertions, deletions,
// growing and shrinking ones, some that change nothing (to be dropped), some far apart (touching
// no earlier edit) and some close together, next to or over earlier edits.
std::vector<Replacement> random_replacements(std::mt19937& rng, const std::string& text) {
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  static const char* const kTexts[] = {"", "x", "yy", "一", " ", "zzzz"};
  std::vector<Replacement> reps;
  std::size_t step = 1 + pick(6);  // how sparse this list is
  for (std::size_t at = pick(step + 1); at <= text.size(); at += pick(step + 1)) {
    std::size_t len = std::min(pick(4), text.size() - at);
    std::string with = pick(8) == 0 ? text.substr(at, len) : kTexts[pick(6)];
    reps.push_back({at, at + len, with, pick(2) ? "r1" : "r2"});
    at += len;
    // Now and then two insertions at one point (rewrite applies them as one).
    if (pick(3) == 0) ++at;
  }
  return reps;
}

TEST_CASE("rewrite's in-place path gives what the general path gives", "[document]") {
  std::mt19937 rng(20261123);
  int compared = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (std::size_t n = 1 + rng() % 24; n > 0; --n) text += "ab c\n"[rng() % 5];
    Document fast = one_block(text, 50);
    fast.blocks[0].marks.push_back({1, 3, "redaction"});
    Document general = fast;
    for (int pass = 0; pass < 4; ++pass) {
      std::vector<Replacement> reps = random_replacements(rng, fast.blocks[0].text);
      std::string filter = pass % 2 ? "odd" : "even";
      std::size_t n_fast = fast.rewrite(0, reps, filter);
      std::size_t n_general = document_internal::rewrite_general(general, 0, reps, filter);
      CHECK(n_fast == n_general);
      const Block& f = fast.blocks[0];
      const Block& g = general.blocks[0];
      INFO("round " << round << " pass " << pass << ": " << f.text);
      REQUIRE(f.text == g.text);
      REQUIRE(f.edits == g.edits);
      REQUIRE(f.marks == g.marks);
      REQUIRE(fast.changes == general.changes);
      CHECK(f.original_text() == text);
      for (std::size_t pos = 0; pos <= f.text.size(); ++pos) {
        REQUIRE(f.source_offset(pos) == g.source_offset(pos));
      }
      ++compared;
    }
  }
  CHECK(compared == 12000);
}

TEST_CASE("a document that logs no changes rewrites its blocks as one that does", "[document]") {
  std::mt19937 rng(20261124);
  for (int round = 0; round < 500; ++round) {
    std::string text;
    for (std::size_t n = 1 + rng() % 24; n > 0; --n) text += "ab c\n"[rng() % 5];
    Document logged = one_block(text, 50);
    logged.blocks.push_back(logged.blocks[0]);
    Document silent = logged;
    silent.log_changes = false;
    for (int pass = 0; pass < 4; ++pass) {
      std::vector<Replacement> reps = random_replacements(rng, logged.blocks[0].text);
      CHECK(silent.rewrite(0, reps, "f") == logged.rewrite(0, reps, "f"));
    }
    for (Document* doc : {&logged, &silent}) {
      doc->log("f", "rule", {0, 1, 2}, "a", "b");
      doc->annotate("f", "kind", {0, 1, 2}, "paragraph", "speaker");
      doc->join_blocks(0, 1, "", "\n", "f", "join");
    }
    INFO("round " << round);
    REQUIRE(silent.blocks == logged.blocks);
    CHECK(silent.changes.empty());
    CHECK(logged.changes.size() >= 3);
  }
}

TEST_CASE("rewrite drops replacements that change nothing", "[document]") {
  Document doc = one_block("abc");
  CHECK(doc.rewrite(0, {{0, 1, "a", "same"}}, "test") == 0);
  CHECK(doc.changes.empty());
  CHECK(doc.blocks[0].edits.empty());
}

TEST_CASE("a second rewrite over an earlier edit merges and keeps the first original",
          "[document]") {
  Document doc = one_block("１２");
  doc.rewrite(0, {{0, 3, "1", "fullwidth-digit"}, {3, 6, "2", "fullwidth-digit"}}, "width");
  CHECK(doc.blocks[0].text == "12");
  doc.rewrite(0, {{0, 2, "十二", "spell"}}, "later");
  CHECK(doc.blocks[0].text == "十二");
  REQUIRE(doc.blocks[0].edits.size() == 1);
  CHECK(doc.blocks[0].edits[0].orig == "１２");
  CHECK(doc.blocks[0].original_text() == "１２");
  CHECK(doc.blocks[0].edits[0].source == 100);
}

TEST_CASE("a new edit after an earlier one takes its source offset through it", "[document]") {
  Document doc = one_block("abcdef");  // source offsets 100..106
  doc.rewrite(0, {{1, 2, "BBB", "widen"}}, "test");
  REQUIRE(doc.blocks[0].text == "aBBBcdef");
  doc.rewrite(0, {{5, 6, "D", "upper"}}, "test");  // 'd', source offset 103
  const Block& b = doc.blocks[0];
  CHECK(b.text == "aBBBcDef");
  REQUIRE(b.edits.size() == 2);
  CHECK(b.edits[0].orig == "b");  // the earlier edit is kept whole
  CHECK(b.edits[0].source == 101);
  CHECK(b.edits[1].source == 103);
  CHECK(b.source_offset(6) == 104);
  CHECK(b.original_text() == "abcdef");
  CHECK(doc.changes[1].span.begin == 103);
}

TEST_CASE("edits a rewrite does not touch keep their originals and sources beside new ones",
          "[document]") {
  // rewrite moves untouched edits instead of copying them; the source offsets of the new edits
  // between and after them are read before the move.
  Document doc = one_block("a b c d e");  // source offsets 100..109
  doc.rewrite(0, {{1, 2, "", "space"}, {5, 6, "", "space"}}, "first");
  REQUIRE(doc.blocks[0].text == "ab cd e");
  doc.rewrite(0, {{0, 1, "A", "upper"}, {3, 4, "C", "upper"}, {6, 7, "E", "upper"}}, "second");
  const Block& b = doc.blocks[0];
  CHECK(b.text == "Ab Cd E");
  REQUIRE(b.edits.size() == 5);
  CHECK(b.edits[1].orig == " ");  // moved, not emptied
  CHECK(b.edits[3].orig == " ");
  CHECK(b.edits[2].source == 104);  // 'c'
  CHECK(b.edits[4].source == 108);  // 'e'
  CHECK(b.original_text() == "a b c d e");
  CHECK(b.source_offset(b.text.size()) == 109);
  REQUIRE(doc.changes.size() == 5);
  CHECK(doc.changes[4].span.begin == 108);
}

TEST_CASE("an insertion's edit covers the inserted text, so the original comes back",
          "[document]") {
  Document doc = one_block("abcdef");
  doc.rewrite(0, {{2, 2, "+", "insert"}}, "test");  // a pure insertion before 'c'
  REQUIRE(doc.blocks[0].text == "ab+cdef");
  // Until 2026-11-23 the edit sat after "+" as (3,3), and original_text() kept the "+".
  // A replacement starting where the insertion ends, and one before it.
  doc.rewrite(0, {{0, 1, "A", "upper"}, {3, 4, "C", "upper"}}, "test");
  const Block& b = doc.blocks[0];
  CHECK(b.text == "Ab+Cdef");
  CHECK(b.original_text() == "abcdef");
  REQUIRE(b.edits.size() == 3);
  CHECK(b.edits[0].begin == 0);
  CHECK(b.edits[1].begin == 2);
  CHECK(b.edits[2].begin == 3);
  CHECK(b.source_offset(4) == 103);
}

TEST_CASE("two insertions at one point are one insertion, so the original comes back",
          "[document]") {
  Document doc = one_block("abcd");
  doc.rewrite(0, {{2, 2, "(", "open"}, {2, 2, ")", "close"}, {3, 4, "D", "upper"}}, "test");
  const Block& b = doc.blocks[0];
  CHECK(b.text == "ab()cD");
  // Kept as two, each edit covered both texts and the original read "ab()cd".
  CHECK(b.original_text() == "abcd");
  REQUIRE(b.edits.size() == 2);
  CHECK(b.edits[0].begin == 2);
  CHECK(b.edits[0].end == 4);
  CHECK(b.edits[0].orig.empty());
  REQUIRE(doc.changes.size() == 2);
  CHECK(doc.changes[0].reg == "()");
}

TEST_CASE("a replacement next to an insertion does not reach over it", "[document]") {
  for (bool insertion_first : {false, true}) {
    Document doc = one_block("abcdef");
    std::vector<Replacement> reps;
    if (insertion_first) {
      reps = {{2, 2, "+", "insert"}, {2, 4, "CD", "upper"}};
    } else {
      reps = {{0, 2, "XY", "upper"}, {2, 2, "+", "insert"}};
    }
    doc.rewrite(0, reps, "test");
    const Block& b = doc.blocks[0];
    INFO(b.text);
    CHECK(b.original_text() == "abcdef");
    for (std::size_t k = 1; k < b.edits.size(); ++k) CHECK(b.edits[k - 1].end <= b.edits[k].begin);
  }
}

TEST_CASE("edits after a rewrite shift with the text", "[document]") {
  Document doc = one_block("a,b,c");
  doc.rewrite(0, {{3, 4, "，", "comma"}}, "f");
  doc.rewrite(0, {{1, 2, "，", "comma"}}, "f");
  CHECK(doc.blocks[0].text == "a，b，c");
  CHECK(doc.blocks[0].original_text() == "a,b,c");
  REQUIRE(doc.blocks[0].edits.size() == 2);
  CHECK(doc.blocks[0].edits[1].begin == std::string("a，b").size());
}

TEST_CASE("join_blocks maps the second block's positions to its own source", "[document]") {
  Document doc;
  doc.sources.push_back({"t", "UTF-8", "继续深化改革,加\n\n- 3 -\n\n快紧密型建设", 0, ""});
  const std::string& s = doc.sources[0].text;
  std::size_t second = s.find("快");
  doc.blocks.push_back(
      {BlockKind::kParagraph, "继续深化改革,加", 0, {}, {0, 0, s.find("\n")}, {}, {}, {}, {}});
  doc.blocks.push_back(
      {BlockKind::kParagraph, "快紧密型建设", 0, {}, {0, second, s.size()}, {}, {}, {}, {}});
  doc.join_blocks(0, 1, "", "\n", "linebreak", "page-join");
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "继续深化改革,加快紧密型建设");
  std::size_t kuai = doc.blocks[0].text.find("快");
  CHECK(doc.blocks[0].source_offset(kuai) == second);
  CHECK(doc.blocks[0].source_offset(kuai + 3) == second + 3);
  CHECK(doc.changes.size() == 1);
}

// Edits hold views of their originals in a store the blocks share: a block cut from a document's
// block must hold that store itself, and a block joined onto another must bring its originals
// along into the other's store.
TEST_CASE("edit originals are kept in the store of the block that holds the edits", "[document]") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "字 ";  // more originals than the store's first chunk holds
  std::vector<Block> kept;
  {
    Document doc = one_block(text);
    std::vector<Replacement> reps;
    for (std::size_t at = text.find(' '); at != std::string::npos; at = text.find(' ', at + 1)) {
      reps.push_back({at, at + 1, "", "space"});
    }
    REQUIRE(doc.rewrite(0, reps, "f") == 200);
    Document other = one_block(" 乙 ");
    other.rewrite(0, {{0, 1, "", "space"}, {4, 5, "", "space"}}, "f");
    doc.blocks.push_back(std::move(other.blocks[0]));
    doc.split_block(0, 30, 30);  // after ten characters, at the removed space after the tenth
    kept.push_back(doc.blocks[1]);
    doc.join_blocks(1, 2, "", "\n", "f", "join");
    kept.push_back(doc.blocks[1]);
  }
  REQUIRE(kept[0].edits.size() == 191);
  REQUIRE(kept[1].edits.size() == 194);
  CHECK(kept[0].original_text() == text.substr(39));
  CHECK(kept[1].original_text() == text.substr(39) + "\n 乙 ");
  for (const Block& b : kept) {
    for (const Edit& e : b.edits) CHECK(b.edit_texts.holds(e.orig));
  }
}

TEST_CASE("LineIndex counts lines and code-point columns", "[document]") {
  std::string text = "第一行\n第二,行\n";
  LineIndex index(text);
  Position p = index.at(text.find(","));
  CHECK(p.line == 2);
  CHECK(p.column == 3);
  CHECK(index.at(0).line == 1);
}

TEST_CASE("kind names round-trip", "[document]") {
  for (BlockKind k : {BlockKind::kTitle, BlockKind::kSpeakerLabel, BlockKind::kPageNumber,
                      BlockKind::kRunningHeader}) {
    BlockKind back;
    REQUIRE(kind_from_name(kind_name(k), back));
    CHECK(back == k);
  }
  BlockKind unused;
  CHECK_FALSE(kind_from_name("nope", unused));
  CHECK(is_furniture(BlockKind::kPageNumber));
  CHECK_FALSE(is_furniture(BlockKind::kCaption));
}

}  // namespace
}  // namespace hantidy

namespace hantidy {
namespace {

TEST_CASE("split_block cuts a block at a line break and keeps spans and edits exact",
          "[document]") {
  Document doc;
  doc.sources.push_back({"t", "UTF-8", "继续深化改革,加\n- 3 -\n快紧密型建设", 0, ""});
  const std::string& s = doc.sources[0].text;
  doc.blocks.push_back({BlockKind::kParagraph, s, 0, {}, {0, 0, s.size()}, {}, {}, {}, {}});
  std::size_t comma = s.find(',');
  doc.rewrite(0, {{comma, comma + 1, "，", "ascii-comma"}}, "punct");
  std::string_view text = doc.blocks[0].text;
  std::size_t nl1 = text.find('\n');
  std::size_t nl2 = text.find('\n', nl1 + 1);
  doc.split_block(0, nl2, nl2 + 1);
  doc.split_block(0, nl1, nl1 + 1);
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[0].text == "继续深化改革，加");
  CHECK(doc.blocks[0].original_text() == "继续深化改革,加");
  CHECK(doc.blocks[1].text == "- 3 -");
  CHECK(doc.blocks[2].text == "快紧密型建设");
  CHECK(doc.blocks[0].span.end == s.find('\n'));
  CHECK(doc.blocks[1].span.begin == s.find('-'));
  CHECK(doc.blocks[1].span.end == s.find("\n快"));
  CHECK(doc.blocks[2].span.begin == s.find("快"));
  CHECK(doc.blocks[2].span.end == s.size());
  CHECK(doc.blocks[0].edits.size() == 1);
  CHECK(doc.blocks[2].edits.empty());
}

}  // namespace
}  // namespace hantidy
