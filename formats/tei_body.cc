#include "formats/tei_body.h"

#include <algorithm>
#include <string>
#include <vector>

#include "formats/tei_inline.h"

namespace hantidy {
namespace {

// The page number printed in `text` ("- 12 -", "第 3 页", "3237"): its first run of ASCII or
// full-width digits; -1 when there is none or it is absurdly long.
long page_number(std::string_view text) {
  long n = -1;
  int digits = 0;
  for (std::size_t i = 0; i < text.size();) {
    int d = -1;
    std::size_t len = 1;
    if (text[i] >= '0' && text[i] <= '9') {
      d = text[i] - '0';
    } else if (text.substr(i, 2) == "\xEF\xBC" && i + 2 < text.size()) {
      auto c = static_cast<unsigned char>(text[i + 2]);
      if (c >= 0x90 && c <= 0x99) {  // U+FF10..FF19
        d = c - 0x90;
        len = 3;
      }
    }
    if (d >= 0) {
      if (++digits > 9) return -1;
      n = (n < 0 ? 0 : n * 10) + d;
    } else if (n >= 0) {
      break;
    }
    i += len;
  }
  return n;
}

// The part [begin, end) of a block, with the edits and marks that lie wholly inside it (an edit
// across the cut loses its markup, never its text).
Block slice(const Block& b, std::size_t begin, std::size_t end) {
  Block s;
  s.kind = b.kind;
  s.text = b.text.substr(begin, end - begin);
  s.speakers = b.speakers;
  s.edit_texts = b.edit_texts;  // where the edits' originals are
  for (Edit e : b.edits) {
    if (e.begin < begin || e.end > end) continue;
    e.begin -= begin;
    e.end -= begin;
    s.edits.push_back(std::move(e));
  }
  for (Mark m : b.marks) {
    if (m.begin < begin || m.end > end || m.kind == "speaker") continue;
    m.begin -= begin;
    m.end -= begin;
    s.marks.push_back(std::move(m));
  }
  return s;
}

// The end of a run-in speaker label at the start of a paragraph ("主席：現在開會。"), or 0.
std::size_t run_in_label_end(const Block& b) {
  for (const Mark& m : b.marks) {
    if (m.kind == "speaker" && m.begin == 0 && m.end <= b.text.size()) return m.end;
  }
  return 0;
}

class BodyWriter {
 public:
  BodyWriter(TeiXml& xml, const TeiContext& ctx) : xml_(xml), ctx_(ctx), doc_(ctx.doc) {}

  void write() {
    xml_.newline(1);
    xml_.start("text");
    xml_.attr("xml:lang", ctx_.lang);
    xml_.newline(2);
    xml_.start("body");
    divs_.push_back({0, false, false, false});
    indent_ = 3;
    const std::vector<Block>& blocks = doc_.blocks;
    for (std::size_t i = 0; i < blocks.size();) {
      if (is_furniture(blocks[i].kind)) {
        std::size_t j = i;
        while (j < blocks.size() && is_furniture(blocks[j].kind)) ++j;
        furniture(i, j);
        i = j;
        continue;
      }
      block(i);
      ++i;
    }
    close_statement();
    while (divs_.size() > 1) close_div();
    if (!divs_[0].has_content && !divs_[0].has_div) {
      xml_.newline(indent_);
      xml_.start("p");  // a body must hold something; an empty document gets one empty p
      xml_.end();
    }
    xml_.newline(2);
    xml_.end();  // body
    xml_.newline(1);
    xml_.end();  // text
  }

 private:
  struct Div {
    int level;
    bool has_div;       // a child div was written: no p etc. may follow in this div
    bool has_content;   // common content (p, list, sp, ...): figures and openers do not count
    bool part = false;  // a wrapper made by ensure_common(): never holds a div
  };

  static std::string id(std::size_t index) { return "b" + std::to_string(index + 1); }

  void start(const char* name, std::size_t index) {
    xml_.newline(indent_);
    xml_.start(name);
    xml_.attr("xml:id", id(index));
  }

  void open_div(const char* type, std::string xml_id, int level) {
    divs_.back().has_div = true;
    xml_.newline(indent_);
    xml_.start("div");
    xml_.attr("type", type);
    xml_.attr("xml:id", xml_id);
    ++indent_;
    divs_.push_back({level, false, false, false});
  }

  void close_div() {
    --indent_;
    xml_.newline(indent_);
    xml_.end();
    divs_.pop_back();
  }

  void close_list() {
    if (!list_open_) return;
    --indent_;
    xml_.newline(indent_);
    xml_.end();
    list_open_ = false;
  }

  void open_list() {
    if (list_open_) return;
    xml_.newline(indent_);
    xml_.start("list");
    ++indent_;
    list_open_ = true;
    divs_.back().has_content = true;
  }

  void close_sp() {
    close_list();
    if (!sp_open_) return;
    if (!sp_has_content_) {
      xml_.newline(indent_);
      xml_.start("p");  // sp requires content after speaker
      xml_.end();
    }
    --indent_;
    xml_.newline(indent_);
    xml_.end();
    sp_open_ = false;
  }

  void open_sp() {
    if (sp_open_) return;
    close_list();
    xml_.newline(indent_);
    xml_.start("sp");
    xml_.attr("xml:id", "sp-" + std::to_string(++sp_count_));
    std::string who;
    for (const std::string& s : speakers_) {
      auto it = ctx_.person_ids.find(s);
      if (it == ctx_.person_ids.end()) continue;
      who += (who.empty() ? "#" : " #") + it->second;
    }
    if (!who.empty()) xml_.attr("who", who);
    ++indent_;
    sp_open_ = true;
    sp_has_content_ = false;
    divs_.back().has_content = true;
  }

  void close_statement() {
    close_sp();
    close_list();
    if (!in_statement_) return;
    close_div();
    in_statement_ = false;
  }

  // Makes the current container accept common content (p, list, figure, ...): after a nested
  // div, TEI allows only more divs, so the content gets a div of its own.
  void ensure_common() {
    if (!divs_.back().has_div) return;
    close_list();
    open_div("part", "part-" + std::to_string(++part_count_), divs_.back().level + 1);
    divs_.back().part = true;
  }

  void heading(const Block& b, std::size_t index, bool title) {
    close_statement();
    close_list();
    Div& body = divs_[0];
    if (title && divs_.size() == 1 && !body.has_content && !body.has_div && !body_has_head_) {
      start("head", index);
      xml_.attr("type", "main");
      write_inline(xml_, b, ctx_);
      xml_.end();
      body_has_head_ = true;
      return;
    }
    int level = title ? 1 : std::max(1, b.level);
    while (divs_.size() > 1 && (divs_.back().level >= level || divs_.back().part)) close_div();
    open_div("section", "sec-" + std::to_string(++section_count_), level);
    start("head", index);
    if (title) xml_.attr("type", "main");
    write_inline(xml_, b, ctx_);
    xml_.end();
  }

  bool statement_member(const Block& b) const {
    if (b.kind == BlockKind::kSpeakerLabel) return true;
    if (!b.speakers.empty()) return true;
    // After a label that names no known person, the speech runs until the next boundary.
    return in_statement_ && speakers_.empty() && b.kind != BlockKind::kHeading &&
           b.kind != BlockKind::kTitle;
  }

  static bool subset(const std::vector<std::string>& part, const std::vector<std::string>& all) {
    return std::all_of(part.begin(), part.end(), [&](const std::string& id) {
      return std::find(all.begin(), all.end(), id) != all.end();
    });
  }

  // Whether `b` starts a new statement. A caption naming some of the current speakers stays in
  // their statement; a label that comes after captions of its own speakers (photo first, then
  // "ROLE NAME") completes the statement the captions opened.
  bool starts_statement(const Block& b) {
    if (!in_statement_) return true;
    BlockKind kind = run_in_label_end(b) > 0 ? BlockKind::kSpeakerLabel : b.kind;
    switch (kind) {
      case BlockKind::kSpeakerLabel:
        if (statement_has_label_ || sp_has_content_ || !subset(speakers_, b.speakers)) return true;
        speakers_ = b.speakers;
        past_statements_.back().first = b.speakers;
        return false;
      case BlockKind::kCaption:
      case BlockKind::kHeading:
        return !subset(b.speakers, speakers_);
      default:
        return b.speakers != speakers_;
    }
  }

  void statement_block(const Block& b, std::size_t index) {
    if (starts_statement(b)) {
      close_statement();
      while (divs_.back().part) close_div();  // statements are siblings of wrapper divs
      speakers_ = b.speakers;
      std::string stmt_id = "stmt-" + std::to_string(++statement_count_);
      open_div("statement", stmt_id, divs_.back().level);
      past_statements_.push_back({b.speakers, stmt_id});
      // A statement is a leaf: the next heading of any level closes it (see heading()).
      divs_.back().level = 1 << 20;
      in_statement_ = true;
      statement_has_label_ = false;
      sp_has_content_ = false;
    }
    switch (b.kind) {
      case BlockKind::kSpeakerLabel:
        close_sp();
        open_sp();
        statement_has_label_ = true;
        start("speaker", index);
        write_inline(xml_, b, ctx_, speaker_wraps(b, ctx_));
        xml_.end();
        return;
      case BlockKind::kCaption:  // a figure may stand in sp, but is not its content
        close_list();
        figure(b, index);
        return;
      case BlockKind::kListItem:
        open_sp();
        sp_has_content_ = true;
        open_list();
        start("item", index);
        break;
      case BlockKind::kNote:
        open_sp();
        close_list();
        sp_has_content_ = true;
        start("stage", index);
        break;
      default:  // paragraphs, salutations (an opener cannot stand in sp)
        if (std::size_t label = run_in_label_end(b); label > 0) {
          run_in(b, index, label);
          return;
        }
        open_sp();
        close_list();
        sp_has_content_ = true;
        start("p", index);
        // A numbered heading inside a speech: sp cannot hold <head>, so it is a p marked as one.
        if (b.kind == BlockKind::kHeading) xml_.attr("rend", "heading");
        break;
    }
    write_inline(xml_, b, ctx_);
    xml_.end();
  }

  // "主席：現在開會。": the label opens a turn as <speaker> (no xml:id: the block's id is on the
  // <p> that holds the rest of its text).
  void run_in(const Block& b, std::size_t index, std::size_t label) {
    close_sp();
    open_sp();
    statement_has_label_ = true;
    Block head = slice(b, 0, label);
    xml_.newline(indent_);
    xml_.start("speaker");
    write_inline(xml_, head, ctx_, speaker_wraps(head, ctx_));
    xml_.end();
    sp_has_content_ = true;
    start("p", index);
    write_inline(xml_, slice(b, label, b.text.size()), ctx_);
    xml_.end();
  }

  // A caption: figure/head, the names it prints as persName. `corresp` points at the statement
  // of the person shown when the caption stands away from it (page layout).
  void figure(const Block& b, std::size_t index, const std::string& corresp = "") {
    xml_.newline(indent_);
    xml_.start("figure");
    if (!corresp.empty()) xml_.attr("corresp", corresp);
    xml_.start("head");
    xml_.attr("xml:id", id(index));
    write_inline(xml_, b, ctx_, speaker_wraps(b, ctx_));
    xml_.end();
    xml_.end();
    // A figure is "global" in TEI: it does not count as the content a body must have.
  }

  // The earlier statement a caption's people spoke in, when the caption does not belong to the
  // current statement: its photo was laid out away from its text. "" when there is none.
  std::string displaced_caption(const Block& b) const {
    if (b.kind != BlockKind::kCaption || b.speakers.empty()) return "";
    if (in_statement_ && subset(b.speakers, speakers_)) return "";
    for (auto it = past_statements_.rbegin(); it != past_statements_.rend(); ++it) {
      if (subset(b.speakers, it->first)) return "#" + it->second;
    }
    return "";
  }

  void block(std::size_t index) {
    const Block& b = doc_.blocks[index];
    if (b.kind == BlockKind::kHeading && in_statement_ && !b.speakers.empty() &&
        subset(b.speakers, speakers_)) {
      statement_block(b, index);  // a heading within a speech stays in it
      return;
    }
    if (b.kind == BlockKind::kTitle || b.kind == BlockKind::kHeading) {
      heading(b, index, b.kind == BlockKind::kTitle);
      return;
    }
    std::string corresp = displaced_caption(b);
    if (corresp.empty() && statement_member(b)) {
      statement_block(b, index);
      return;
    }
    close_statement();
    if (b.kind != BlockKind::kListItem) close_list();
    ensure_common();
    Div& div = divs_.back();
    switch (b.kind) {
      case BlockKind::kCaption:
        figure(b, index, corresp);
        return;
      case BlockKind::kListItem:
        open_list();
        start("item", index);
        break;
      case BlockKind::kNote:
        start("stage", index);
        break;
      case BlockKind::kSalutation:
        if (!div.has_content) {
          xml_.newline(indent_);
          xml_.start("opener");
          xml_.start("salute");
          xml_.attr("xml:id", id(index));
          write_inline(xml_, b, ctx_);
          xml_.end();
          xml_.end();
          return;  // an opener is not content either: a body needs more after it
        }
        start("p", index);
        break;
      default:
        start("p", index);
        break;
    }
    div.has_content = true;
    write_inline(xml_, b, ctx_);
    xml_.end();
  }

  // One run of furniture blocks [begin, end): one page boundary. Footer-position furniture
  // (before the first running header or page break) stays on the page that ends; the <pb/>
  // comes next, numbered from the "page" attribute or the printed page number (a number in
  // footer position is the previous page's, so the new page is one more).
  void furniture(std::size_t begin, std::size_t end) {
    const std::vector<Block>& blocks = doc_.blocks;
    std::size_t split = end;
    for (std::size_t i = begin; i < end; ++i) {
      if (blocks[i].kind == BlockKind::kRunningHeader || blocks[i].kind == BlockKind::kPageBreak) {
        split = i;
        break;
      }
    }
    std::string n;
    for (std::size_t i = begin; i < end && n.empty(); ++i) {
      if (auto page = blocks[i].attrs.find("page"); page != blocks[i].attrs.end()) {
        n = page->second;
      }
    }
    for (std::size_t i = begin; i < end && n.empty(); ++i) {
      if (blocks[i].kind != BlockKind::kPageNumber) continue;
      long number = page_number(blocks[i].text);
      if (number >= 0) n = std::to_string(i < split ? number + 1 : number);
    }
    bool pb_written = false;
    auto pb = [&](const std::size_t* index) {
      xml_.newline(indent_);
      xml_.start("pb");
      if (index) xml_.attr("xml:id", id(*index));
      if (!pb_written && !n.empty()) xml_.attr("n", n);
      xml_.end();
      pb_written = true;
    };
    for (std::size_t i = begin; i < end; ++i) {
      const Block& b = blocks[i];
      if (i == split && b.kind != BlockKind::kPageBreak) pb(nullptr);
      if (b.kind == BlockKind::kPageBreak) {
        pb(b.text.empty() ? &i : nullptr);  // the id goes to the element holding the text
        if (!b.text.empty()) {
          start("fw", i);
          write_inline(xml_, b, ctx_);
          xml_.end();
        }
        continue;
      }
      start("fw", i);
      xml_.attr("type", b.kind == BlockKind::kPageNumber      ? "pageNum"
                        : b.kind == BlockKind::kRunningHeader ? "header"
                                                              : "footer");
      write_inline(xml_, b, ctx_);
      xml_.end();
    }
    // Footer furniture alone still marks a page boundary, unless nothing follows it.
    if (!pb_written && end < blocks.size()) pb(nullptr);
  }

  TeiXml& xml_;
  const TeiContext& ctx_;
  const Document& doc_;
  std::vector<Div> divs_;  // divs_[0] is the body
  int indent_ = 0;
  bool body_has_head_ = false;
  bool list_open_ = false;
  bool in_statement_ = false;
  bool statement_has_label_ = false;
  bool sp_open_ = false;
  bool sp_has_content_ = false;
  std::vector<std::string> speakers_;
  std::vector<std::pair<std::vector<std::string>, std::string>> past_statements_;  // who, id
  int section_count_ = 0, statement_count_ = 0, sp_count_ = 0, part_count_ = 0;
};

}  // namespace

void write_tei_body(TeiXml& xml, const TeiContext& ctx) { BodyWriter(xml, ctx).write(); }

}  // namespace hantidy
