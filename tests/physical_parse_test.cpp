// Parser tests for the physical statements `arithmetic` and `implemented`.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "diag/diagnostic.h"
#include "parse/parser.h"

namespace aligncheck {
namespace {

struct Parsed {
  ast::Spec spec;
  std::string rendered;
};

Parsed Parse(const std::string& text) {
  auto file = std::make_shared<const SourceFile>("spec.align", text);
  DiagnosticSink sink;
  Parsed p;
  p.spec = ParseSpec(file, sink);
  for (const Diagnostic& d : sink.Sorted())
    p.rendered += RenderDiagnosticText(d);
  return p;
}

TEST_CASE("physical parse: arithmetic and implemented statements") {
  Parsed p = Parse(
      "physical sim {\n"
      "  register computes penalty on landing\n"
      "  arithmetic signed 16\n"
      "  implemented label(x) := noisy(x)\n"
      "  channel tap: sensor(x) := water\n"
      "  closed\n"
      "}\n");
  REQUIRE(p.rendered == "");
  REQUIRE(p.spec.decls.size() == 1);
  const auto& m = std::get<ast::PhysicalDecl>(p.spec.decls[0]);
  REQUIRE(m.stmts.size() == 5);
  using K = ast::PhysicalStmt::Kind;
  CHECK(m.stmts[1].kind == K::kArithmetic);
  REQUIRE(m.stmts[1].names.size() == 1);
  CHECK(m.stmts[1].names[0].text == "signed");
  CHECK(m.stmts[1].value.kind == ast::Expr::Kind::kNumber);
  CHECK(m.stmts[1].value.text == "16");
  CHECK(m.stmts[2].kind == K::kImplemented);
  CHECK(m.stmts[2].names.empty());
  CHECK(m.stmts[2].target.kind == ast::Expr::Kind::kCall);
  CHECK(m.stmts[2].target.text == "label");
  CHECK(m.stmts[2].value.text == "noisy");
  CHECK(m.stmts[3].kind == K::kChannel);
  CHECK(m.stmts[3].target.text == "sensor");
  CHECK(m.stmts[4].kind == K::kClosed);
}

TEST_CASE("physical parse: malformed statements are located [E001]") {
  CHECK(Parse("physical m { arithmetic 8 }\n").rendered ==
        "spec.align:1:25: error: expected 'signed' or 'unsigned', got number "
        "'8' [E001]\n"
        "physical m { arithmetic 8 }\n"
        "                        ^\n");
  CHECK(Parse("physical m { implemented label(x) = 3 }\n").rendered ==
        "spec.align:1:35: error: expected ':=', got '=' [E001]\n"
        "physical m { implemented label(x) = 3 }\n"
        "                                  ^\n");
  CHECK(Parse("physical m { register computes l on d  overflow }\n").rendered ==
        "spec.align:1:40: error: expected a statement (register, channel, "
        "closed, arithmetic, implemented) or '}', got identifier 'overflow' "
        "[E001]\n"
        "physical m { register computes l on d  overflow }\n"
        "                                       ^~~~~~~~\n");
}

}  // namespace
}  // namespace aligncheck
