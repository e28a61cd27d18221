// Tests of the physical and agent report: text evidence and JSON fields.
#include "report/physical_report.h"

#include <doctest/doctest.h>

#include "readings/check.h"
#include "physical_util.h"

namespace aligncheck {
namespace {

using testing::LoadSpec;

const char* const kSpec = R"(
domain X = {a, b}
domain Y = {u, v}
loss l(x: X, y: Y) = if y == u then 0 else 1
data d = X
goal all_u(pi) = forall x in X: pi(x) == u
physical m { register computes l on d
  channel w: register := 0 }
claim c: l aligned_with all_u as physical_only via m below 0
)";

TEST_CASE("physical report: the failing behaviour, in text and JSON") {
  std::optional<Model> model = LoadSpec(kSpec);
  REQUIRE(model);
  ClaimResult r;
  r.claim = &model->claims[0];
  r.verdict = CheckClaim(*model, *r.claim, EngineOptions{});
  REQUIRE(r.verdict.kind == Verdict::Kind::kFails);
  CHECK(RenderPhysicalText(*model, r, *r.verdict.physical(), TextOptions{}) ==
        "  counterexample: a behaviour of m that reads at most 0 and violates "
        "all_u\n"
        "    channels used: w\n"
        "    input  weight  pi(input)  l\n"
        "    a      0.5     v          1  <- goal breaks here\n"
        "    b      0.5     v          1  <- goal breaks here\n"
        "  register reading: 0, written by channel 'w'\n"
        "  without channels the same policy reads 1; l on d: 1\n"
        "  the goal breaks at 2 of 2 inputs\n"
        "  (8 behaviours in all; found by per-input counting, re-checked by "
        "evaluation)\n");
  nlohmann::ordered_json j;
  AddPhysicalJson(*model, r, *r.verdict.physical(), j);
  CHECK(j["model"] == "m");
  CHECK(j["behaviours"] == "8");
  CHECK(j["counterexample"]["policy"]["a"] == "v");
  CHECK(j["counterexample"]["policy"]["b"] == "v");
  CHECK(j["counterexample"]["channels"][0] == "w");
  CHECK(j["counterexample"]["written_by"] == "w");
  CHECK(j["counterexample"]["inputs"][0]["goal_breaks"] == true);
}

TEST_CASE("physical report: astronomic counts are shown by magnitude") {
  std::string text = "domain X = {";
  for (int i = 0; i < 40; ++i) text += (i ? ", x" : "x") + std::to_string(i);
  text += R"(}
domain Y = {u, v, w}
loss l(x: X, y: Y) = if y == u then 0 else 1
data d = X
goal any(pi) = exists x in X: pi(x) == u
physical m { register computes l on d  channel c: l(x, y) := 0 }
claim c: l aligned_with any as physical_only via m below 0.5
)";
  std::optional<Model> model = LoadSpec(text);
  REQUIRE(model);
  ClaimResult r;
  r.claim = &model->claims[0];
  r.verdict = CheckClaim(*model, *r.claim, EngineOptions{});
  REQUIRE(r.verdict.kind == Verdict::Kind::kFails);
  std::string out =
      RenderPhysicalText(*model, r, *r.verdict.physical(), TextOptions{});
  CHECK(out.find("(3^40 x 2^1 behaviours in all;") != std::string::npos);
}

}  // namespace
}  // namespace aligncheck
