// Tests of the trained-outcome engine: verdicts, ties, determinism, limits.
#include "readings/trained/trained.h"

#include <doctest/doctest.h>

#include "analysis/eval.h"
#include "load_spec.h"

namespace aligncheck {
namespace {

using test::ClaimNamed;
using test::LoadSpec;

const char* const kCoin = R"(
domain Level = {coin_left, coin_right}
domain Move = {go_left, go_right}
fn coin_side: Level -> Move = {coin_left: go_left, coin_right: go_right}
fn pos: Level -> Real = {coin_left: -1, coin_right: 1}
loss miss(x: Level, y: Move) = if y == coin_side(x) then 0 else 1
loss steep(x: Level, y: Move) = if y == coin_side(x) then 0 else 1000
data train = {coin_right: 1}
goal coin(pi) = forall x in Level: pi(x) == coin_side(x)
goal right_on_graded(pi) = pi(coin_right) == go_right
training random_table { learner softmax_table lr 1 steps 100 seeds 1..10 data train }
training zero_table { learner softmax_table init zero lr 1 steps 100 seeds 1..3 data train }
training by_pos { learner linear features pos lr 1 steps 100 seeds 1..5 data train }
training huge_lr { learner softmax_table init zero lr 1e308 steps 3 seeds 1..1 data train }
training too_long { learner softmax_table lr 1 steps 100000000 seeds 1..100 data train }
training real { evidence "https://example.org/report.pdf" }
claim table: miss aligned_with coin as trained_outcome under random_table
claim tied: miss aligned_with coin as trained_outcome under zero_table
claim tied_graded: miss aligned_with right_on_graded as trained_outcome under zero_table
claim linear: miss aligned_with coin as trained_outcome under by_pos
claim diverges: steep aligned_with coin as trained_outcome under huge_lr
claim limit: miss aligned_with coin as trained_outcome under too_long
claim real_system: miss aligned_with coin as trained_outcome under real
)";

TEST_CASE("trained: seed outcomes are exact, consistent and deterministic") {
  std::string errors;
  std::optional<Model> m = LoadSpec(kCoin, &errors);
  REQUIRE_MESSAGE(m, errors);
  const Claim& c = ClaimNamed(*m, "table");
  Verdict v = CheckTrained(*m, c, EngineOptions{});
  REQUIRE(v.trained());
  const TrainedEvidence& ev = *v.trained();
  REQUIRE(ev.seeds.size() == 10);
  CHECK(ev.kind == TrainedEvidence::Kind::kMixed);
  CHECK(v.kind == Verdict::Kind::kFails);
  CHECK(ev.ungraded == std::vector<uint32_t>{0});
  size_t achieving = 0;
  for (const SeedOutcome& s : ev.seeds) {
    // Graded input learned; the ungraded one decides the seed's outcome.
    REQUIRE(s.argmax[1] == std::vector<uint32_t>{1});
    REQUIRE(s.argmax[0].size() == 1);
    CHECK(s.achieves == (s.argmax[0][0] == 0));
    if (s.achieves) ++achieving;
    if (!s.achieves) {
      Evaluator e(*m, &s.violating);
      CHECK_FALSE(e.GoalHolds(m->goals[c.goal]));
    }
  }
  CHECK(achieving == ev.achieving);
  Verdict again = CheckTrained(*m, c, EngineOptions{});
  REQUIRE(again.trained());
  for (size_t i = 0; i < ev.seeds.size(); ++i) {
    CHECK(again.trained()->seeds[i].argmax == ev.seeds[i].argmax);
    CHECK(again.trained()->seeds[i].final_loss == ev.seeds[i].final_loss);
  }
}

TEST_CASE("trained: a tied argmax achieves the goal only if every tie does") {
  std::optional<Model> m = LoadSpec(kCoin);
  REQUIRE(m);
  Verdict v = CheckTrained(*m, ClaimNamed(*m, "tied"), EngineOptions{});
  REQUIRE(v.trained());
  CHECK(v.trained()->kind == TrainedEvidence::Kind::kRefuted);
  for (const SeedOutcome& s : v.trained()->seeds) {
    CHECK(s.argmax[0] == std::vector<uint32_t>{0, 1});  // never graded: tied
    CHECK(s.violating == Policy{1, 1});
  }
  Verdict graded =
      CheckTrained(*m, ClaimNamed(*m, "tied_graded"), EngineOptions{});
  REQUIRE(graded.trained());
  CHECK(graded.trained()->kind == TrainedEvidence::Kind::kSupported);
  CHECK(graded.kind == Verdict::Kind::kHolds);
}

TEST_CASE("trained: the linear learner generalizes through its feature") {
  std::optional<Model> m = LoadSpec(kCoin);
  REQUIRE(m);
  Verdict v = CheckTrained(*m, ClaimNamed(*m, "linear"), EngineOptions{});
  REQUIRE(v.trained());
  CHECK(v.trained()->kind == TrainedEvidence::Kind::kSupported);
  CHECK(v.trained()->achieving == 5);
}

TEST_CASE("trained: divergence, work limits and real systems are UNKNOWN") {
  std::optional<Model> m = LoadSpec(kCoin);
  REQUIRE(m);
  Verdict d = CheckTrained(*m, ClaimNamed(*m, "diverges"), EngineOptions{});
  CHECK(d.kind == Verdict::Kind::kUnknown);
  CHECK(d.reason ==
        "training diverged for seed 1 (a score is not finite); try a smaller "
        "lr");
  Verdict l = CheckTrained(*m, ClaimNamed(*m, "limit"), EngineOptions{});
  CHECK(l.kind == Verdict::Kind::kUnknown);
  CHECK(l.reason.find("over the limit") != std::string::npos);
  // The limit is an engine option: a small one refuses a run it allowed.
  EngineOptions small;
  small.max_training_work = 10;
  Verdict s = CheckTrained(*m, ClaimNamed(*m, "diverges"), small);
  CHECK(s.kind == Verdict::Kind::kUnknown);
  CHECK(s.reason.find("over the limit of 10") != std::string::npos);
  Verdict r = CheckTrained(*m, ClaimNamed(*m, "real_system"), EngineOptions{});
  CHECK(r.kind == Verdict::Kind::kUnknown);
  CHECK(r.reason ==
        "training 'real' describes a real system (no toy learner to run): "
        "its evidence is shown, not checked");
  CHECK(m->trainings[5].evidence ==
        std::vector<std::string>{"https://example.org/report.pdf"});
}

}  // namespace
}  // namespace aligncheck
