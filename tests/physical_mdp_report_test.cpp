// Tests of the report of physical claims and agents over an mdp: the map,
// the channels, observed against true returns, and the JSON fields.
#include "report/physical_mdp_report.h"

#include <doctest/doctest.h>

#include "load_spec.h"
#include "readings/check.h"

namespace aligncheck {
namespace {

const char* const kWalk = R"(
mdp walk {
  grid "#####"
       "#S.T#"
       "#####"
  legend {S: start, T: tamper}
  start start   discount 0.5
}
reward moves(s: Cell, a: Move) = if a == left then 1 else 0
goal goes_left(pi) = return(walk, pi, moves) >= 1
physical p {
  register computes moves on walk
  channel tamper when tile(state) == tamper: register := 4
}
claim c: moves aligned_with goes_left as physical_only via p above 1.5
)";

TEST_CASE("physical mdp report: the tampering policy on the map") {
  std::optional<Model> model = test::LoadSpec(kWalk);
  REQUIRE(model);
  ClaimResult r;
  r.claim = &model->claims[0];
  r.verdict = CheckClaim(*model, *r.claim, EngineOptions{});
  REQUIRE(r.verdict.kind == Verdict::Kind::kFails);
  const PhysicalMdpEvidence& ev = *r.verdict.physical_mdp();
  std::string text = RenderPhysicalMdpText(*model, r, ev, TextOptions{});
  CHECK(text.find("    channels used: tamper\n") != std::string::npos);
  CHECK(text.find("    #>>^#\n") != std::string::npos);  // stays on T
  CHECK(text.find("observed return of moves (channels: tamper): 2\n") !=
        std::string::npos);
  CHECK(text.find("true return of moves (no channel): 0\n") !=
        std::string::npos);
  nlohmann::ordered_json j;
  AddPhysicalMdpJson(*model, r, ev, j);
  CHECK(j["physical_mdp"]["model"] == "p");
  CHECK(j["physical_mdp"]["sense"] == "reward");
  CHECK(j["physical_mdp"]["optima"][1]["channels"][0] == "tamper");
  CHECK(j["physical_mdp"]["optima"][1]["best"] == "2");
  CHECK(j["counterexample"]["channels"][0] == "tamper");
  CHECK(j["counterexample"]["observed"] == "2");
  CHECK(j["counterexample"]["true"] == "0");
  CHECK(PhysicalMdpMessage(*model, r, ev).find("channels: tamper") !=
        std::string::npos);
}

}  // namespace
}  // namespace aligncheck
