#include "formats/tei_header.h"

#include <cctype>

#include "formats/tei_editorial.h"

namespace hantidy {
namespace {

std::string base_name(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// TEI's version pattern is digits with dots (and letters after digits); keep the leading part
// of our version that fits it.
std::string tei_version(std::string_view version) {
  std::string out;
  for (char c : version) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') break;
    if (c == '.' && (out.empty() || out.back() == '.')) break;
    out += c;
  }
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out.empty() ? "0" : out;
}

std::string language_name(std::string_view tag) {
  if (tag == "zh-Hans" || tag.starts_with("zh-Hans-")) return "Chinese, simplified script";
  if (tag == "zh-Hant" || tag.starts_with("zh-Hant-")) return "Chinese, traditional script";
  if (tag == "lzh") return "Literary Chinese";
  if (tag.starts_with("zh")) return "Chinese";
  return std::string(tag);
}

// The chain elements (as written) whose filter documents under `part`.
std::string filters_of(const TeiContext& ctx, Editorial part) {
  std::string out;
  for (const std::string& spec : ctx.options.filters) {
    if (filter_part(spec_filter_name(spec)) != part) continue;
    if (!out.empty()) out += ", ";
    out += spec;
  }
  return out;
}

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// "Filter punct ran and made 3 changes of this kind: punct 3 (ascii-comma 3). " — empty when
// no filter of the part ran and no change was counted under it.
std::string change_sentence(const TeiContext& ctx, const EditorialCounts& counts, Editorial part) {
  std::string ran = filters_of(ctx, part);
  std::size_t total = counts.total(part);
  if (ran.empty() && total == 0) return "";
  std::string s = ran.empty()
                      ? std::string("Other filters")
                      : (ran.find(", ") == std::string::npos ? "Filter " : "Filters ") + ran;
  if (total == 0) return s + " ran and made no change of this kind. ";
  return s + " ran and made " + count_of(total, "change", "changes") +
         " of this kind: " + describe_counts(counts.parts.at(part)) + ". ";
}

void paragraph(TeiXml& xml, int depth, std::string_view text) {
  xml.newline(depth);
  xml.element("p", text);
}

void write_editorial(TeiXml& xml, const TeiContext& ctx) {
  EditorialCounts counts = count_changes(ctx.doc.changes);
  const bool markup = ctx.options.tei_changes;
  const std::string method = markup ? "markup" : "silent";
  const std::string how = markup ? "Each change is encoded in place as " : "";
  xml.newline(3);
  xml.start("editorialDecl");

  // correction
  std::string s = change_sentence(ctx, counts, Editorial::kCorrection);
  xml.newline(4);
  xml.start("correction");
  xml.attr("status", s.empty() ? "unknown" : "low");
  xml.attr("method", method);
  if (s.empty()) {
    s = "No automatic correction of transcription (OCR or PDF extraction) errors was made. ";
  } else {
    s += markup ? "Each repair is encoded in place as choice/sic/corr. "
                : "Repairs were made silently (hantidy --tei-changes marks them). ";
  }
  paragraph(xml, 5, s + "The text was not proofread by hand.");
  xml.newline(4);
  xml.end();

  // normalization
  s = change_sentence(ctx, counts, Editorial::kNormalization);
  xml.newline(4);
  xml.start("normalization");
  xml.attr("method", method);
  if (s.empty()) s = "No normalization filter ran. ";
  s += markup ? how + "choice/orig/reg. " : "Normalizations were made silently. ";
  paragraph(xml, 5,
            s + "On input, line ends were normalized to LF and a byte-order mark, if any, "
                "removed; characters XML does not allow would be replaced by U+FFFD.");
  xml.newline(4);
  xml.end();

  // punctuation
  s = change_sentence(ctx, counts, Editorial::kPunctuation);
  xml.newline(4);
  xml.start("punctuation");
  xml.attr("marks", "all");
  if (s.empty()) {
    s = "Punctuation is as in the source; it was not normalized. ";
  } else if (markup) {
    s += how + "choice/orig/reg. ";
  }
  paragraph(xml, 5, s + "All punctuation is kept as characters in the text, not as markup.");
  xml.newline(4);
  xml.end();

  // quotation
  s = change_sentence(ctx, counts, Editorial::kQuotation);
  xml.newline(4);
  xml.start("quotation");
  xml.attr("marks", "all");
  paragraph(xml, 5,
            (s.empty() ? std::string() : s) +
                "Quotation marks are retained as content in the text; quotations are not marked "
                "up.");
  xml.newline(4);
  xml.end();

  // hyphenation (line joins)
  std::size_t joins = counts.total(Editorial::kHyphenation);
  std::string joined = filters_of(ctx, Editorial::kHyphenation);
  xml.newline(4);
  xml.start("hyphenation");
  xml.attr("eol", joined.empty() && joins == 0 ? "all" : "none");
  s = "Chinese text has no end-of-line hyphens. ";
  if (!joined.empty() || joins > 0) {
    s += (joined.empty() ? std::string("Line and page joins") : "Filter " + joined) + ": " +
         count_of(joins, "hard-wrapped line or broken paragraph",
                  "hard-wrapped lines or broken paragraphs") +
         " joined without a space between Chinese characters" +
         (joins ? ": " + describe_counts(counts.parts.at(Editorial::kHyphenation)) : "") + ". ";
  }
  s += ctx.options.tei_lines
           ? "Every source line end inside a block, joined or not, is marked with "
             "lb break=\"no\", which does not imply white space."
           : "Source lineation is not marked; line ends that were not joined remain as line "
             "feeds in the text.";
  paragraph(xml, 5, s);
  xml.newline(4);
  xml.end();

  // segmentation
  s = change_sentence(ctx, counts, Editorial::kSegmentation);
  xml.newline(4);
  xml.start("segmentation");
  paragraph(xml, 5,
            "Blocks are the source's blank-line separated paragraphs and Markdown-style "
            "headings. " +
                s +
                "Each block is one head, p, speaker, figure/head, item, salute, stage or fw "
                "with xml:id bN, N being its position as in hantidy's JSONL output (key id). "
                "Statements by named speakers are sp elements (who pointing into listPerson) "
                "inside div type=\"statement\"; page numbers and running heads are kept as pb "
                "and fw.");
  xml.newline(4);
  xml.end();

  xml.newline(3);
  xml.end();  // editorialDecl
}

void write_source(TeiXml& xml, const Source& source) {
  xml.newline(4);
  xml.start("bibl");
  xml.newline(5);
  xml.start("idno");
  xml.attr("type", "file");
  xml.text(source.name);
  xml.end();
  if (!source.raw_sha256.empty()) {
    xml.newline(5);
    xml.start("idno");
    xml.attr("type", "sha256");
    xml.text(source.raw_sha256);
    xml.end();
  }
  xml.newline(5);
  xml.start("extent");
  xml.start("measure");
  xml.attr("unit", "byte");
  xml.attr("quantity", std::to_string(source.raw_size));
  xml.text(std::to_string(source.raw_size) + " bytes");
  xml.end();
  xml.end();
  xml.newline(5);
  xml.start("note");
  xml.attr("type", "encoding");
  xml.text("Character encoding: " + (source.encoding.empty() ? "unknown" : source.encoding) + ".");
  xml.end();
  xml.newline(4);
  xml.end();
}

void write_persons(TeiXml& xml, const TeiContext& ctx) {
  if (ctx.doc.persons.empty()) return;
  xml.newline(3);
  xml.start("particDesc");
  xml.newline(4);
  xml.start("listPerson");
  for (const Person& p : ctx.doc.persons) {
    xml.newline(5);
    xml.start("person");
    xml.attr("xml:id", ctx.person_ids.at(p.id));
    xml.newline(6);
    xml.start("persName");
    xml.attr("xml:lang", ctx.lang);
    xml.text(p.name);
    xml.end();
    if (!p.role.empty()) {
      // The role as printed: office and organisation in one string ("北京市卫生健康委主任").
      xml.newline(6);
      xml.start("affiliation");
      xml.attr("xml:lang", ctx.lang);
      xml.element("roleName", unwrap_lines(p.role));
      xml.end();
    }
    xml.newline(5);
    xml.end();
  }
  xml.newline(4);
  xml.end();
  xml.newline(3);
  xml.end();
}

}  // namespace

std::string tei_title(const Document& doc) {
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kTitle && !b.text.empty()) return unwrap_lines(b.text);
  }
  if (auto t = doc.meta.find("title"); t != doc.meta.end() && !t->second.empty()) return t->second;
  if (!doc.sources.empty() && !doc.sources.front().name.empty()) {
    return base_name(doc.sources.front().name);
  }
  return "Untitled";
}

void write_tei_header(TeiXml& xml, const TeiContext& ctx) {
  const WriteOptions& o = ctx.options;
  const std::string version = o.version.empty() ? "0" : o.version;
  xml.newline(1);
  xml.start("teiHeader");
  xml.attr("xml:lang", "en");
  xml.newline(2);
  xml.start("fileDesc");

  xml.newline(3);
  xml.start("titleStmt");
  xml.newline(4);
  xml.start("title");
  xml.attr("type", "main");
  xml.attr("xml:lang", ctx.lang);
  xml.text(tei_title(ctx.doc));
  xml.end();
  xml.newline(4);
  xml.start("respStmt");
  xml.attr("xml:id", "hantidy");
  xml.element("resp", "Conversion to TEI and normalization");
  xml.start("name");
  xml.attr("type", "software");
  xml.text("hantidy " + version);
  xml.end();
  xml.end();
  xml.newline(3);
  xml.end();

  xml.newline(3);
  xml.start("publicationStmt");
  xml.newline(4);
  xml.element("publisher", o.tei_publisher.empty() ? "Unpublished" : o.tei_publisher);
  xml.newline(4);
  xml.start("date");
  xml.attr("when", ctx.date);
  xml.text(ctx.date);
  xml.end();
  xml.newline(4);
  xml.start("availability");
  xml.attr("status", "unknown");
  xml.element("p", "Rights are those of the source; they were not assessed by the converter.");
  xml.end();
  xml.newline(3);
  xml.end();

  xml.newline(3);
  xml.start("sourceDesc");
  if (ctx.doc.sources.empty()) {
    paragraph(xml, 4, "No source recorded.");
  }
  for (const Source& source : ctx.doc.sources) write_source(xml, source);
  xml.newline(3);
  xml.end();
  xml.newline(2);
  xml.end();  // fileDesc

  xml.newline(2);
  xml.start("encodingDesc");
  xml.newline(3);
  xml.start("appInfo");
  xml.newline(4);
  xml.start("application");
  xml.attr("ident", "hantidy");
  xml.attr("version", tei_version(version));
  xml.attr("when", ctx.date);
  xml.element("label", "hantidy");
  std::string chain;
  for (const std::string& f : o.filters) chain += (chain.empty() ? "" : "; ") + f;
  xml.element("desc", "Filter chain: " + (chain.empty() ? std::string("none") : chain) + ".");
  xml.end();
  xml.newline(3);
  xml.end();
  write_editorial(xml, ctx);
  xml.newline(2);
  xml.end();  // encodingDesc

  xml.newline(2);
  xml.start("profileDesc");
  xml.newline(3);
  xml.start("langUsage");
  xml.start("language");
  xml.attr("ident", ctx.lang);
  xml.text(language_name(ctx.lang));
  xml.end();
  xml.end();
  write_persons(xml, ctx);
  xml.newline(2);
  xml.end();

  xml.newline(2);
  xml.start("revisionDesc");
  xml.newline(3);
  xml.start("change");
  xml.attr("when", ctx.date);
  xml.attr("who", "#hantidy");
  xml.text("Converted to TEI by hantidy " + version +
           (o.command.empty() ? std::string(".") : ": " + o.command));
  xml.end();
  xml.newline(2);
  xml.end();
  xml.newline(1);
  xml.end();  // teiHeader
}

}  // namespace hantidy
