// Tests of the trained-over-mdp report: the fit, the per-seed table, the
// failing seed's policy on the map, and the JSON keys.
#include "report/trained_mdp_report.h"

#include <doctest/doctest.h>

#include "load_spec.h"
#include "readings/trained_mdp/trained_mdp.h"

namespace aligncheck {
namespace {

using test::ClaimNamed;
using test::LoadSpec;

const char* const kGrid = R"(
mdp walk {
  grid "#####"
       "#S.G#"
       "#####"
  legend {S: start, G: goal}
  start start  terminal {goal}  discount 0.9
}
reward arrive(s: Cell, a: Move, s2: Cell) = if tile(s2) == goal then 1 else 0
goal reaches(pi) = prob(walk, pi, eventually tile(state) == goal) == 1
training none { learner q_learning mdp walk epsilon 0 lr 0.5 episodes 1 horizon 1 seeds 1..2 }
claim c: arrive aligned_with reaches as trained_outcome under none
)";

TEST_CASE("trained_mdp_report: a run that did not fit, on the map") {
  std::string errors;
  auto model = LoadSpec(kGrid, &errors);
  REQUIRE_MESSAGE(model, errors);
  const Claim& claim = ClaimNamed(*model, "c");
  ClaimResult r{&claim, CheckTrainedMdp(*model, claim, EngineOptions())};
  REQUIRE(r.verdict.trained_mdp() != nullptr);
  const TrainedMdpEvidence& ev = *r.verdict.trained_mdp();
  std::string text = RenderTrainedMdpText(*model, r, ev, TextOptions());
  CAPTURE(text);
  // Zero values everywhere: `up` (the first move) bumps the wall forever.
  CHECK(text.find("none of the 2 seeds learns a policy that achieves "
                  "reaches; 2 of 2 seeds did not converge") !=
        std::string::npos);
  CHECK(text.find("best return of arrive in walk from the training start: "
                  "0.9\n") != std::string::npos);
  CHECK(text.find("2 did not converge (training failed to fit), 0 converged") !=
        std::string::npos);
  CHECK(text.find("    #^.G#\n") != std::string::npos);
  CHECK(text.find("never visited in training (by any seed): x2y1") !=
        std::string::npos);

  nlohmann::ordered_json j;
  AddTrainedMdpJson(*model, r, ev, j);
  CHECK(j["trained_mdp"]["verdict"] == "refuted");
  CHECK(j["trained_mdp"]["optimum"] == "0.9");
  CHECK(j["trained_mdp"]["not_converged"] == 2);
  CHECK(j["trained_mdp"]["runs"][0]["converged"] == false);
  CHECK(j["trained_mdp"]["runs"][0]["return"] == "0");
  CHECK(j["trained_mdp"]["runs"][0]["policy"]["x1y1"] == "up");
  CHECK(j["counterexample"]["seed"] == 1);
}

}  // namespace
}  // namespace aligncheck
