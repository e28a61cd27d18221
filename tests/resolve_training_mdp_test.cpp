// Tests of trainings over an mdp in analysis: settings, defaults, claims.
#include <doctest/doctest.h>

#include "load_spec.h"

namespace aligncheck {
namespace {

using test::ClaimNamed;
using test::LoadSpec;

const char* const kBase = R"(
domain Tile = {t0, t1, t2}
domain Move = {stay, go}
mdp loop {
  states Tile  actions Move  start t0  discount 0.9  terminal {t2}
  next(s, a) = if a == go then t1 else s
}
reward paid(s: Tile, a: Move) = if s == t1 then 1 else 0
goal there(pi) = pi(t0) == go
)";

TEST_CASE("resolve_training_mdp: settings, defaults and the claim's reading") {
  std::string errors;
  auto model = LoadSpec(std::string(kBase) + R"(
training q { learner q_learning mdp loop start t1 t0 epsilon 0.25 lr 0.5 episodes 7 horizon 3 seeds 2..4 }
training pg { learner reinforce init random mdp loop lr 1 episodes 2 horizon 1 seeds 1 }
claim c: paid aligned_with there as trained_outcome under q
)",
                        &errors);
  REQUIRE_MESSAGE(model, errors);
  const Training& q = model->trainings[0];
  CHECK(q.OverMdp());
  CHECK(q.mdp == 0);
  CHECK(q.start == std::vector<uint32_t>{1, 0});
  CHECK(q.epsilon == Rational(1, 4));
  CHECK(q.episodes == 7);
  CHECK(q.horizon == 3);
  CHECK(q.seed_lo == 2);
  CHECK(q.seed_hi == 4);
  CHECK(q.init == "zero");  // RL tables start at zero by default
  CHECK(model->trainings[1].init == "random");
  const Claim& c = ClaimNamed(*model, "c");
  CHECK(c.reading == Claim::Reading::kTrainedMdp);
  CHECK(c.mdp == 0);
}

TEST_CASE("resolve_training_mdp: misuse is a located error") {
  std::string errors;
  CHECK_FALSE(LoadSpec(std::string(kBase) + R"(
training q { learner q_learning mdp loop start t2 epsilon 0.1 lr 0.5 episodes 1 horizon 1 seeds 1 }
)",
                       &errors));
  CHECK(errors.find("spec.align:11:48: error: start state 't2' is terminal") !=
        std::string::npos);
  CHECK_FALSE(LoadSpec(std::string(kBase) + R"(
training q { learner q_learning lr 0.5 episodes 1 horizon 1 seeds 1 }
)",
                       &errors));
  CHECK(errors.find("training 'q' has no 'mdp' setting") != std::string::npos);
  CHECK(errors.find("training 'q' has no 'epsilon' setting") !=
        std::string::npos);
}

}  // namespace
}  // namespace aligncheck
