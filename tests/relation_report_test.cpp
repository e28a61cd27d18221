// Unit tests of the relation report: the pair table and its row limit, and
// the JSON object.
#include "report/relation_report.h"

#include <doctest/doctest.h>

#include "load_spec.h"
#include "readings/check.h"

namespace aligncheck {
namespace {

using test::ClaimNamed;
using test::LoadSpec;

TEST_CASE("relation report: the pair, its values and the row limit") {
  std::optional<Model> m = LoadSpec(R"(
domain X = {a, b, c, d}
domain Y = {on, off}
data all = X
reward truth(x: X, y: Y) = if y == on then 1 else 0
loss proxy(x: X, y: Y) = if y == on and x == a then -1 else 0
claim c: proxy unhackable_with truth over all
)");
  REQUIRE(m);
  ClaimResult r;
  r.claim = &ClaimNamed(*m, "c");
  r.verdict = CheckClaim(*m, *r.claim, EngineOptions());
  REQUIRE(r.verdict.relation());
  TextOptions options;
  options.max_rows = 2;
  std::string text =
      RenderRelationText(*m, r, *r.verdict.relation(), options);
  CHECK(text ==
        "  counterexample: truth prefers p' and proxy prefers p: proxy is "
        "hackable (Skalse et al. 2022, Def. 1)\n"
        "    input  weight  p(input)  p'(input)\n"
        "    a      0.25    on        off        <- the two differ here\n"
        "    b      0.25    off       on         <- the two differ here\n"
        "    ... 2 more inputs not shown (--max-rows 0 shows all)\n"
        "  J_truth(p) = 0.5 < J_truth(p') = 0.75   (truth, a reward, over "
        "all)\n"
        "  J_proxy(p) = 0.25 > J_proxy(p') = 0   (proxy, minus a loss, over "
        "all)\n"
        "  (16 policies; decided by pareto frontier of per-input "
        "differences, at most 2 sums kept)\n");
  nlohmann::ordered_json j;
  AddRelationJson(*m, r, *r.verdict.relation(), j);
  CHECK(j["relation"]["finding"] == "reversed");
  CHECK(j["relation"]["p"]["j_proxy"] == "0.25");
  CHECK(j["relation"]["p_prime"]["policy"]["c"] == "on");
}

}  // namespace
}  // namespace aligncheck
