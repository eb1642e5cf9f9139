// The document model every reader fills, every filter rewrites and every writer renders.
//
// Flat on purpose (pandoc's `Pandoc Meta [Block]`, without an inline tree): Chinese
// normalization works on runs of text, and the few inline facts we need (what a filter changed,
// where a redaction sits) are ranges over a block's text that `Document::rewrite` keeps in step.
#ifndef HANTIDY_CORE_DOCUMENT_H_
#define HANTIDY_CORE_DOCUMENT_H_

#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/name.h"

namespace hantidy {

/// What a block is. Closed on purpose: adding a kind means looking at every writer.
enum class BlockKind {
  kTitle,
  kHeading,
  kParagraph,
  kSpeakerLabel,  ///< the label naming who speaks ("北京市卫生健康委主任 于鲁明", "主席：")
  kCaption,     ///< e.g. a photo caption that only names a person
  kSalutation,  ///< "同志们："
  kListItem,
  kNote,  ///< stage notes such as "(計時器響起)"
  // Layout furniture: kept so that nothing is lost, but not content.
  kPageNumber,
  kRunningHeader,
  kRunningFooter,
  kPageBreak,
};

/// The JSONL/CLI name of a kind ("paragraph", "speaker", "page-number", ...).
std::string_view kind_name(BlockKind kind);
/// Inverse of kind_name; returns false when `name` is not a kind.
bool kind_from_name(std::string_view name, BlockKind& kind);
/// Page numbers, running headers/footers and page breaks: layout, not content.
bool is_furniture(BlockKind kind);

/// Byte range [begin, end) in Document::sources[source].text.
struct SourceSpan {
  std::size_t source = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

/// Where a block's edits keep their original texts (Edit::orig is a view into it). Only appended
/// to, so the views stay valid; the blocks of a document, their copies and the blocks cut from
/// them share one store, which lives as long as any of them. Kept apart from the edits so that an
/// Edit is a few words, copied as such: a block can hold 10^5 edits, every rewrite and cut moves
/// them, and a std::string in each made every move a string move.
class EditTexts {
 public:
  /// A view of a copy of `text` that lives as long as this store or a copy of it.
  std::string_view keep(std::string_view text);
  /// Room for `size` bytes that live as keep's copies do, to be filled by the caller: one call
  /// for all the originals a rewrite adds.
  char* room(std::size_t size);
  /// Uses `other`'s store (made now if `other` has none yet) unless this one has a store already:
  /// the blocks of a document share the document's, so a block with a few edits costs no
  /// allocation of its own.
  void share(EditTexts& other);
  /// Whether this and `other` are one store (texts kept in either live as long as both).
  bool same_store(const EditTexts& other) const;
  /// Whether `text` lies in this store (the tests check that each block's edits keep their
  /// originals in the store the block holds).
  bool holds(std::string_view text) const;
  /// Not compared: blocks are equal when their edits' texts are, wherever those are kept.
  friend bool operator==(const EditTexts&, const EditTexts&) { return true; }

 private:
  struct Chunks;
  std::shared_ptr<Chunks> chunks_;
};

/// One change a filter made inside a block, kept in place so writers can show both readings
/// (TEI <choice><orig>/<reg>).
///
/// [begin, end) is the range of Block::text that now holds the regularised text; `orig` is what
/// stood there before (kept in the block's EditTexts, or a literal). `source` is the source offset
/// where `orig` began, chosen so that `source + orig.size()` is the source offset of text position
/// `end`: that makes positions after an edit mappable to the source even when blocks were merged
/// across furniture.
struct Edit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view orig;
  std::size_t source = 0;
  Name filter;  ///< "punct"
  Name rule;    ///< "ascii-comma"
  friend bool operator==(const Edit&, const Edit&) = default;
};

/// An inline annotation over a block's text that is not a change: a redaction placeholder
/// ("XX"), a run of text in another script, ... Kept in step with the text like Edit.
struct Mark {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string kind;  ///< "redaction", ...
  friend bool operator==(const Mark&, const Mark&) = default;
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;  ///< UTF-8; '\n' is a soft line break that line repair may remove.
  int level = 0;     ///< heading level, 1 for the top; 0 otherwise
  std::vector<std::string> speakers;  ///< ids into Document::persons, for blocks of a statement
  SourceSpan span;                    ///< where the block's text came from
  std::vector<Edit> edits;            ///< sorted by begin, non-overlapping
  std::vector<Mark> marks;            ///< sorted by begin
  std::map<std::string, std::string, std::less<>> attrs;  ///< e.g. "page" → "3"
  EditTexts edit_texts;                                   ///< holds the edits' `orig` texts

  /// Source offset of text position `pos` (through the edits).
  std::size_t source_offset(std::size_t pos) const;
  /// The block's text as it stood before any filter ran (edits undone).
  std::string original_text() const;
  friend bool operator==(const Block&, const Block&) = default;
};

/// A person who speaks in the document. Roles are kept as printed ("北京市卫生健康委主任").
struct Person {
  std::string id;  ///< stable ASCII id, unique in the document ("p1")
  std::string name;
  std::string role;
  friend bool operator==(const Person&, const Person&) = default;
};

/// One input as decoded. `text` is UTF-8 with BOM removed and CRLF/CR turned into LF, so that
/// line numbers counted on it are the line numbers of the file.
struct Source {
  std::string name;      ///< file name, "<stdin>" for standard input
  std::string encoding;  ///< the encoding it was decoded from ("UTF-8", "GB18030", ...)
  std::string text;
  std::size_t raw_size = 0;  ///< bytes before decoding
  std::string raw_sha256;    ///< hex SHA-256 of the raw bytes; empty when not computed
  friend bool operator==(const Source&, const Source&) = default;
};

/// One change, as logged for reports (--check, --stats, TEI header counts).
struct ChangeRecord {
  Name filter;
  Name rule;
  SourceSpan span;  ///< begin..end in the source of what was changed (end may equal begin)
  std::string orig;
  std::string reg;
  /// True for a change of what the text is (a block typed as a speaker label, a paragraph
  /// attributed to a speaker) rather than of the text itself: reported by --stats and in TEI
  /// headers, but a document that needs only annotations passes --check.
  bool annotation = false;
  friend bool operator==(const ChangeRecord&, const ChangeRecord&) = default;
};

/// A replacement a filter asks for: [begin, end) of the block's current text becomes `text`.
struct Replacement {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
  Name rule;
};

/// Applies `reps` (sorted by begin, not overlapping, inside `text`) to `text`. What
/// Document::rewrite does to a block's text, without the records.
void apply_replacements(std::string& text, const std::vector<Replacement>& reps);

/// A line and column (both 1-based; column counted in code points).
struct Position {
  std::size_t line = 0;
  std::size_t column = 0;
};

struct Document {
  std::map<std::string, std::string, std::less<>> meta;  ///< "title", "lang", ...
  std::vector<Source> sources;
  std::vector<Person> persons;
  std::vector<Block> blocks;
  /// Every change, in the order filters made them. A deque, not a vector: a big document makes
  /// millions, and a vector's doubling would briefly hold two copies of them all.
  std::deque<ChangeRecord> changes;
  /// Whether rewrite, log, annotate and join_blocks append to `changes`. Corpus mode turns it
  /// off when nothing will read them (no --stats, no --annotate, records written back as JSONL):
  /// a record per change is most of what a rewrite costs. Edits are kept either way: they map
  /// text positions to the source.
  bool log_changes = true;
  /// The store the blocks' edits keep their originals in, until a block has one.
  EditTexts edit_texts;

  /// Replaces ranges of blocks[index].text, keeps edits and marks in step, records an Edit per
  /// replacement in the block and a ChangeRecord in `changes`. `reps` must be sorted and must
  /// not overlap; an empty replacement list is a no-op. Replacements whose text equals what they
  /// replace are dropped; pure insertions at one point are applied as one (one Edit, one
  /// ChangeRecord). Returns how many were applied.
  std::size_t rewrite(std::size_t index, std::vector<Replacement> reps, std::string_view filter);
  /// rewrite, leaving `reps` empty with its capacity: a filter that rewrites block after block
  /// fills the same list each time instead of allocating one per block.
  std::size_t rewrite_and_clear(std::size_t index, std::vector<Replacement>& reps,
                                std::string_view filter);

  /// Appends a ChangeRecord for a structural change (a block typed as furniture, two blocks
  /// joined, ...), which has no in-text range. The texts are views: nothing is copied when
  /// changes are not logged.
  void log(std::string_view filter, std::string_view rule, SourceSpan span, std::string_view orig,
           std::string_view reg);

  /// Appends a ChangeRecord for an annotation: what a block is or who speaks it, `from` → `to`
  /// ("paragraph" → "speaker"). The text stays as it was.
  void annotate(std::string_view filter, std::string_view rule, SourceSpan span,
                std::string_view from, std::string_view to);

  /// Joins blocks[second] onto the end of blocks[first] with `separator` between them (usually
  /// "" for CJK, " " for Latin), and erases blocks[second]. The join is recorded as an Edit whose
  /// orig is `removed` (what stood between the two texts in the source, e.g. "\n").
  void join_blocks(std::size_t first, std::size_t second, std::string_view separator,
                   std::string_view removed, std::string_view filter, std::string_view rule);

  /// Splits blocks[index] in two: the first keeps text [0, end_first), a new block inserted
  /// after it gets [begin_second, size). What lies between (a soft line break) is dropped from
  /// both, spans stay exact and edits and marks follow their text; the cut must not fall inside an
  /// edit. Used when a block turns out to hold two things (a paragraph and a page number). The
  /// caller logs the change.
  void split_block(std::size_t index, std::size_t end_first, std::size_t begin_second);

  /// The person with `id`, or nullptr.
  const Person* person(std::string_view id) const;
  friend bool operator==(const Document&, const Document&) = default;
};

namespace document_internal {
/// Document::rewrite without its fast path for replacements that touch no earlier edit: the
/// reference its tests compare that path with.
std::size_t rewrite_general(Document& doc, std::size_t index, std::vector<Replacement> reps,
                            std::string_view filter);
}  // namespace document_internal

/// Line starts of one text, built once, so that many offsets can be turned into positions in
/// O(log n) each (diagnostics, --check).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  /// Line and column of byte `offset` (clamped to the text).
  Position at(std::size_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

}  // namespace hantidy

#endif  // HANTIDY_CORE_DOCUMENT_H_
