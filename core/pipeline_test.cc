#include "core/pipeline.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/tables.h"
#include "tests/support.h"

namespace hantidy {
namespace {

TEST_CASE("parse_chain: filters in the order written, with options", "[pipeline]") {
  auto chain = parse_chain(" trim ;punct(quotes=corner, spacing=keep); script(detect) ");
  REQUIRE(chain.size() == 3);
  CHECK(chain[0].name == "trim");
  CHECK(chain[1].name == "punct");
  CHECK(chain[1].args.get("quotes") == "corner");
  CHECK(chain[1].args.get("spacing") == "keep");
  CHECK(chain[2].args.has("detect"));
  CHECK(chain[2].args.get("detect").empty());
  CHECK(chain[1].text == "punct(quotes=corner, spacing=keep)");
}

TEST_CASE("parse_chain: empty and blank specs are the empty chain", "[pipeline]") {
  CHECK(parse_chain("").empty());
  CHECK(parse_chain(" ; ;  ").empty());
}

TEST_CASE("parse_chain: syntax errors are usage errors", "[pipeline]") {
  for (const char* bad : {"punct(", "punct)", "punct(quotes=x", "(x=1)", "pu nct", "a(=1)"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_chain(bad), Error);
  }
}

TEST_CASE("Pipeline::build: an unknown filter suggests the closest name", "[pipeline]") {
  CHECK_THROWS_WITH(Pipeline::build("trm"), "unknown filter 'trm', did you mean 'trim'?");
  CHECK_THROWS_WITH(Pipeline::build("zzzzzzzz"),
                    Catch::StartsWith("unknown filter 'zzzzzzzz' (known: "));
}

TEST_CASE("Pipeline::build: an unknown option names the filter and the known options",
          "[pipeline]") {
  CHECK_THROWS_WITH(Pipeline::build("trim(x=1)"), Catch::StartsWith("trim: unknown option 'x'"));
}

TEST_CASE("the empty chain is the identity", "[pipeline]") {
  std::string text = "第一段 \n续行\n\n## 标题\n\n第二段,未改。  \n";
  Document before = test::read_text(text);
  Document after = test::run_chain("", text);
  CHECK(after == before);
}

TEST_CASE("the default chain builds and every filter in the table builds with no options",
          "[pipeline]") {
  CHECK_NOTHROW(Pipeline::build(kDefaultChain));
  for (const FilterInfo& f : filters()) {
    INFO(f.name);
    CHECK(f.make(FilterArgs(std::string(f.name), {})) != nullptr);
  }
}

TEST_CASE("drop_trailing_annotating_filters drops only the annotating filters at the end",
          "[pipeline]") {
  // A structure that linebreak follows stays: linebreak reads the block types it sets.
  Pipeline p = Pipeline::build("structure; trim; punct; structure; structure(redactions=false)");
  CHECK(p.drop_trailing_annotating_filters() == 2);
  std::vector<std::string> names;
  for (const FilterSpec& s : p.specs()) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"structure", "trim", "punct"});
  // What is left still runs, in that order.
  Document doc = test::read_text("行尾 ,说 \n");
  Diagnostics diag;
  p.run(doc, diag);
  CHECK(doc.blocks[0].text == "行尾，说");
  CHECK(Pipeline::build(kDefaultChain).drop_trailing_annotating_filters() == 1);
  CHECK(Pipeline::build("structure; linebreak").drop_trailing_annotating_filters() == 0);
}

TEST_CASE("the observer sees the document after each filter, in order", "[pipeline]") {
  Pipeline p = Pipeline::build("trim; trim");
  Document doc = test::read_text("行尾 \n");
  Diagnostics diag;
  std::vector<std::string> seen;
  p.run(doc, diag, [&](const FilterSpec& s, const Document& d) {
    seen.push_back(s.name + ":" + d.blocks[0].text);
  });
  CHECK(seen == std::vector<std::string>{"trim:行尾", "trim:行尾"});
}

TEST_CASE("FilterArgs: typed getters reject bad values", "[pipeline]") {
  FilterArgs args("f", {{"n", "12"}, {"b", "off"}, {"c", "x"}, {"bad", "1a"}});
  CHECK(args.integer("n", 0) == 12);
  CHECK(args.integer("missing", 7) == 7);
  CHECK_THROWS_AS(args.integer("bad", 0), Error);
  CHECK_FALSE(args.flag("b", true));
  CHECK_THROWS_WITH(args.choice("c", {"y", "z"}, "y"), "f: bad value 'x' for c (one of: y, z)");
  CHECK(args.choice("missing", {"y", "z"}, "z") == "z");
}

}  // namespace
}  // namespace hantidy
