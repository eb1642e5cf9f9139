// Runs tests/spec/punct.md: each `###` case's input through punct (or the `spec` block's
// options) must give its `output` block, or itself when there is none.
#include <catch2/catch.hpp>
#include <optional>
#include <sstream>

#include "core/pipeline.h"
#include "normalize/punct.h"
#include "support.h"

namespace hantidy {
namespace {

struct SpecCase {
  std::string name, prose, spec = "punct", input;
  std::optional<std::string> output;
};

std::vector<SpecCase> parse_spec(const std::string& text) {
  std::vector<SpecCase> cases;
  std::istringstream in(text);
  std::string line, block, body;
  bool in_block = false;
  for (std::getline(in, line); in; std::getline(in, line)) {
    if (in_block) {
      if (line == "```") {
        in_block = false;
        if (!body.empty()) body.pop_back();  // the last '\n'
        SpecCase& c = cases.back();
        if (block == "input") c.input = body;
        if (block == "output") c.output = body;
        if (block == "spec") c.spec = body;
      } else {
        body += line + '\n';
      }
    } else if (line.starts_with("### ")) {
      cases.push_back({line.substr(4), "", "punct", "", std::nullopt});
    } else if (line.starts_with("```") && !cases.empty()) {
      in_block = true;
      block = line.substr(3);
      body.clear();
    } else if (!cases.empty() && !line.empty() && !line.starts_with("#")) {
      cases.back().prose += line + ' ';
    }
  }
  return cases;
}

std::string run_punct(const std::string& spec, const std::string& text) {
  std::vector<FilterSpec> chain = parse_chain(spec);
  REQUIRE(chain.size() == 1);
  auto filter = make_punct_filter(chain[0].args);
  const auto& punct = dynamic_cast<const PunctFilter&>(*filter);
  std::string out;
  std::size_t at = 0;
  for (const Replacement& r : punct.scan(text)) {
    out.append(text, at, r.begin - at);
    out += r.text;
    at = r.end;
  }
  out.append(text, at, std::string::npos);
  return out;
}

TEST_CASE("punct follows every case of tests/spec/punct.md", "[punct][spec]") {
  std::vector<SpecCase> cases = parse_spec(test::slurp(test::source_path("tests/spec/punct.md")));
  REQUIRE(cases.size() >= 30);
  for (const SpecCase& c : cases) {
    INFO(c.name << "\n" << c.prose << "\nspec: " << c.spec);
    REQUIRE(!c.input.empty());
    CHECK(run_punct(c.spec, c.input) == c.output.value_or(c.input));
    // Idempotent: a second run changes nothing.
    std::string once = run_punct(c.spec, c.input);
    CHECK(run_punct(c.spec, once) == once);
  }
}

}  // namespace
}  // namespace hantidy
