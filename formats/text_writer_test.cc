#include "formats/text_writer.h"

#include <catch2/catch.hpp>

#include "core/pipeline.h"
#include "tests/support.h"

namespace hantidy {
namespace {

TEST_CASE("text writer: blocks separated by one blank line, heading markup restored",
          "[text-writer]") {
  CHECK(test::run_chain_text("", "\n\n## 标题\n\n\n\n段落一\n续行\n\n段落二") ==
        "## 标题\n\n段落一\n续行\n\n段落二\n");
}

TEST_CASE("text writer: furniture is left out", "[text-writer]") {
  Document doc = test::read_text("正文\n\n- 3 -\n\n正文二\n");
  doc.blocks[1].kind = BlockKind::kPageNumber;
  std::ostringstream out;
  Diagnostics diag;
  TextWriter().write(doc, out, diag);
  CHECK(out.str() == "正文\n\n正文二\n");
}

TEST_CASE("text writer: clean input round-trips unchanged through the default chain",
          "[text-writer][identity]") {
  // Text that needs no change: the default chain must give it back byte for byte.
  std::string clean =
      "## 唯有改革 唯有奋斗\n\n"
      "2022年，北京市卫生健康系统将坚持“外防输入、内防反弹”总策略。\n\n"
      "推动公立医院高质量发展。\n";
  CHECK(test::run_chain_text(std::string(kDefaultChain), clean) == clean);
}

}  // namespace
}  // namespace hantidy
