// Tests of the trained reading over an mdp: verdicts, the fit of each run,
// training starts that differ from deployment, limits.
#include "readings/trained_mdp/trained_mdp.h"

#include <doctest/doctest.h>

#include "analysis/eval.h"
#include "load_spec.h"
#include "mdp/returns.h"

namespace aligncheck {
namespace {

using test::ClaimNamed;
using test::LoadSpec;

// A corridor l - m - r: from m, `east` reaches the terminal r paying 1,
// `west` reaches the terminal l paying 2 only when the level `far` says so.
const char* const kCorridor = R"(
domain S = {near_m, far_m, l, r}
domain A = {east, west}
mdp hall {
  states S  actions A  start {near_m: 1, far_m: 1}  discount 0.9
  terminal {l, r}
  next = table {
    near_m: east r, west l
    far_m: east r, west l
  }
}
# Deployment on a second mdp over the same states and actions.
mdp hall_near {
  states S  actions A  start near_m  discount 0.9  terminal {l, r}
  next = table {
    near_m: east r, west l
    far_m: east r, west l
  }
}
goal west_when_deployed(pi) = prob(hall_near, pi, eventually state == l) == 1
reward pay(s: S, a: A, s2: S) =
  if s2 == r then 1 else if s2 == l and s == far_m then 2 else 0
goal best(pi) = return(hall, pi, pay) >= 3/2
goal east_at_near(pi) = pi(near_m) == east
training q_far { learner q_learning mdp hall start far_m epsilon 0.5 lr 0.5 episodes 200 horizon 3 seeds 1..3 }
training q_both { learner q_learning mdp hall epsilon 0.5 lr 0.5 episodes 200 horizon 3 seeds 1..3 }
training q_none { learner q_learning mdp hall epsilon 0 lr 0.5 episodes 1 horizon 1 seeds 1..2 }
training pg_both { learner reinforce mdp hall lr 0.5 episodes 400 horizon 3 seeds 1..3 }
training pg_long { learner reinforce mdp hall lr 0.5 episodes 1 horizon 900000000 seeds 1 }
training too_long { learner q_learning mdp hall epsilon 0.1 lr 0.5 episodes 1000000000 horizon 1000 seeds 1..100 }
claim far_only: pay aligned_with best as trained_outcome under q_far
claim both: pay aligned_with best as trained_outcome under q_both
claim none: pay aligned_with east_at_near as trained_outcome under q_none
claim pg: pay aligned_with best as trained_outcome under pg_both
claim limit: pay aligned_with best as trained_outcome under too_long
claim pg_limit: pay aligned_with best as trained_outcome under pg_long
claim deployed: pay aligned_with west_when_deployed as trained_outcome under q_far
)";

Verdict Check(const Model& m, const char* name) {
  return CheckTrainedMdp(m, ClaimNamed(m, name), EngineOptions());
}

TEST_CASE("trained_mdp: trained on one start, judged on the deployment") {
  std::string errors;
  auto model = LoadSpec(kCorridor, &errors);
  REQUIRE_MESSAGE(model, errors);
  // Trained from far_m only: near_m is never visited, its values stay 0 and
  // the tie goes to the first action, east; west at far_m pays 2.
  Verdict v = Check(*model, "far_only");
  REQUIRE(v.trained_mdp() != nullptr);
  const TrainedMdpEvidence& ev = *v.trained_mdp();
  CHECK(ev.unvisited == std::vector<uint32_t>{0});
  CHECK(ev.optimum == Rational(2));
  for (const MdpSeedRun& s : ev.seeds) {
    CHECK(s.converged);
    CHECK(s.training_return == Rational(2));
    CHECK(s.policy[0] == 0);  // east at near_m
    CHECK(s.policy[1] == 1);  // west at far_m
    // Deployed from both starts: (1 + 2) / 2 = 3/2 meets `best`.
    CHECK(s.achieves);
  }
  CHECK(v.kind == Verdict::Kind::kHolds);
}

TEST_CASE("trained_mdp: the goal may read a second mdp (deployment)") {
  auto model = LoadSpec(kCorridor);
  REQUIRE(model);
  // Trained from far_m, where west pays; deployed from near_m, where the
  // never-visited state keeps the tie-break east: REFUTED, though every
  // run converged on its training mdp.
  Verdict v = Check(*model, "deployed");
  REQUIRE(v.trained_mdp() != nullptr);
  CHECK(v.trained_mdp()->kind == TrainedEvidence::Kind::kRefuted);
  CHECK(v.trained_mdp()->unfit == 0);
  CHECK(v.kind == Verdict::Kind::kFails);
}

TEST_CASE("trained_mdp: each seed's verdict is the exact goal") {
  auto model = LoadSpec(kCorridor);
  REQUIRE(model);
  for (const char* name : {"both", "pg"}) {
    CAPTURE(name);
    Verdict v = Check(*model, name);
    REQUIRE(v.trained_mdp() != nullptr);
    const TrainedMdpEvidence& ev = *v.trained_mdp();
    const Claim& c = ClaimNamed(*model, name);
    const Goal& g = model->goals[c.goal];
    size_t achieving = 0;
    for (const MdpSeedRun& s : ev.seeds) {
      Evaluator eval(*model, &s.policy);
      eval.SetTerminal(&model->mdps[0].mdp.terminal);
      CHECK(eval.GoalHolds(g) == s.achieves);
      const Mdp& m = model->mdps[0].mdp;
      Reward r = TransitionReward(m, model->losses[c.loss]);
      CHECK(FromStart(m, PolicyValues(m, r, s.policy)) == s.training_return);
      CHECK(s.converged == (s.training_return == ev.optimum));
      achieving += s.achieves;
    }
    CHECK(achieving == ev.achieving);
    CHECK(ev.optimum == Rational(3, 2));
    CHECK(v.kind == Verdict::Kind::kHolds);
    // Deterministic: the same runs again.
    Verdict again = Check(*model, name);
    for (size_t i = 0; i < ev.seeds.size(); ++i) {
      CHECK(again.trained_mdp()->seeds[i].policy == ev.seeds[i].policy);
    }
  }
}

TEST_CASE("trained_mdp: a run that did not converge is told apart") {
  auto model = LoadSpec(kCorridor);
  REQUIRE(model);
  // One step of one episode, no exploration: the greedy policy is east at
  // both states (return 1 < 3/2): did not fit. Its goal is about near_m
  // only, where east is what the goal asks: achieved without fitting.
  Verdict v = Check(*model, "none");
  REQUIRE(v.trained_mdp() != nullptr);
  const TrainedMdpEvidence& ev = *v.trained_mdp();
  CHECK(ev.unfit == 2);
  for (const MdpSeedRun& s : ev.seeds) {
    CHECK_FALSE(s.converged);
    CHECK(s.training_return == Rational(1));
    CHECK(s.achieves);
  }
  CHECK(v.kind == Verdict::Kind::kHolds);
  CHECK(v.reason.find("2 of 2 seeds did not converge") != std::string::npos);
}

TEST_CASE("trained_mdp: the optimum agrees with brute force over policies") {
  auto model = LoadSpec(kCorridor);
  REQUIRE(model);
  const Mdp& m = model->mdps[0].mdp;
  Reward r = TransitionReward(m, model->losses[0]);
  for (int t : {0, 1}) {
    Mdp train = TrainingMdp(*model, model->trainings[t]);
    Rational best = -1000;
    for (uint32_t a0 = 0; a0 < 2; ++a0) {
      for (uint32_t a1 = 0; a1 < 2; ++a1) {
        Policy pi = {a0, a1, 0, 0};
        Rational v = FromStart(train, PolicyValues(train, r, pi));
        if (v > best) best = v;
      }
    }
    Verdict v = Check(*model, t == 0 ? "far_only" : "both");
    REQUIRE(v.trained_mdp() != nullptr);
    CHECK(v.trained_mdp()->optimum == best);
  }
}

TEST_CASE("trained_mdp: work past the limit is UNKNOWN") {
  auto model = LoadSpec(kCorridor);
  REQUIRE(model);
  Verdict v = Check(*model, "limit");
  CHECK(v.kind == Verdict::Kind::kUnknown);
  CHECK(v.reason.find("over the limit") != std::string::npos);
  Verdict pg = Check(*model, "pg_limit");
  CHECK(pg.kind == Verdict::Kind::kUnknown);
  CHECK(pg.reason.find("too long for one reinforce episode") !=
        std::string::npos);
}

TEST_CASE("trained_mdp: the training start replaces the mdp's start") {
  auto model = LoadSpec(kCorridor);
  REQUIRE(model);
  const Training& t = model->trainings[0];
  Mdp m = TrainingMdp(*model, t);
  CHECK(m.start == std::vector<Rational>{0, 1, 0, 0});
  CHECK(TrainingMdp(*model, model->trainings[1]).start ==
        std::vector<Rational>{Rational(1, 2), Rational(1, 2), 0, 0});
}

}  // namespace
}  // namespace aligncheck
