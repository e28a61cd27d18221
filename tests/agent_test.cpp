// Tests of the agent engine: register-caring versus prediction-caring.
#include "readings/agents/agent.h"

#include <doctest/doctest.h>

#include "analysis/eval.h"
#include "physical_util.h"

namespace aligncheck {
namespace {

using testing::ClaimIndex;
using testing::LoadSpec;

Verdict Check(const Model& model, const std::string& claim) {
  int i = ClaimIndex(model, claim);
  REQUIRE(i >= 0);
  return CheckAgent(model, model.claims[i], EngineOptions{});
}

const char* const kAgents = R"(
domain Prompt = {romance, mystery}
domain Text = {masterpiece, cliche, lorem}
loss grader(x: Prompt, y: Text) = table {
  romance: masterpiece 0.2, cliche 0.3, lorem 5
  mystery: masterpiece 0.1, cliche 0.4, lorem 5
}
loss lenient(x: Prompt, y: Text) = if y == lorem then 5 else 0
data all = Prompt
goal good(pi) = forall x in Prompt: pi(x) == masterpiece
physical lab { register computes grader on all
  channel overwrite: register := -1 }
physical sealed { register computes grader on all  closed }
agent wirehead cares_about register in lab
agent sealed_wirehead cares_about register in sealed
agent predictor cares_about predictions of grader
agent easy cares_about predictions of lenient
claim w: wirehead achieves good
claim s: sealed_wirehead achieves good
claim p: predictor achieves good
claim e: easy achieves good
)";

TEST_CASE("agent: the register-caring agent tampers, the predictor does not") {
  std::optional<Model> model = LoadSpec(kAgents);
  REQUIRE(model);
  Verdict w = Check(*model, "w");
  REQUIRE(w.kind == Verdict::Kind::kFails);
  const PhysicalEvidence& ev = *w.physical();
  CHECK(ev.bound == -1);  // writing -1 beats every honest reading
  CHECK(ev.behaviour->channels == std::vector<int>{0});
  CHECK(ev.reading->value == -1);

  Verdict p = Check(*model, "p");
  CHECK(p.kind == Verdict::Kind::kHolds);
  REQUIRE(p.physical());
  CHECK(p.physical()->model == -1);
  CHECK(p.physical()->low == BigInt(1));
  CHECK(p.physical()->behaviours == 9);
  CHECK(p.physical()->bound == Rational(3, 20));

  Verdict s = Check(*model, "s");
  CHECK(s.kind == Verdict::Kind::kHolds);
  CHECK(s.physical()->low == BigInt(1));
  CHECK(s.physical()->bound == Rational(3, 20));
}

TEST_CASE("agent: a predictor of a lenient loss breaks the goal") {
  std::optional<Model> model = LoadSpec(kAgents);
  REQUIRE(model);
  Verdict e = Check(*model, "e");
  REQUIRE(e.kind == Verdict::Kind::kFails);
  const PhysicalEvidence& ev = *e.physical();
  REQUIRE(ev.behaviour);
  CHECK(ev.behaviour->channels.empty());
  CHECK(ev.bound == 0);
  CHECK(ev.intended_loss == Rational(0));
  Evaluator eval(*model, &ev.behaviour->policy);
  CHECK_FALSE(eval.GoalHolds(model->goals[0]));
}

TEST_CASE("agent: machine registers make overflow optimal") {
  std::optional<Model> model = LoadSpec(R"(
domain Landing = {touchdown}
domain Force = 0..255
loss penalty(x: Landing, f: Force) = 16 * f + 1
data landing = Landing
goal gentle(pi) = forall x in Landing: pi(x) <= 2
physical sim { register computes penalty on landing  arithmetic unsigned 8  closed }
agent pilot cares_about register in sim
claim c: pilot achieves gentle
)");
  REQUIRE(model);
  Verdict v = Check(*model, "c");
  REQUIRE(v.kind == Verdict::Kind::kFails);
  // 16 * 16 + 1 wraps to 1, as low as f = 0.
  CHECK(v.physical()->bound == 1);
  CHECK(v.physical()->behaviour->policy == Policy{16});
}

}  // namespace
}  // namespace aligncheck
