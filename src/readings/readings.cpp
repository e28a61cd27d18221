// The readings' table.
#include "readings/readings.h"

#include "readings/agents/agent.h"
#include "readings/idealized/idealized_claim.h"
#include "readings/mdp/mdp_claim.h"
#include "readings/physical/physical.h"
#include "readings/physical_mdp/physical_mdp.h"
#include "readings/relations/relations.h"
#include "readings/trained/story.h"
#include "readings/trained/trained.h"
#include "readings/trained_mdp/trained_mdp.h"

namespace aligncheck {

const std::vector<ReadingEngine>& ReadingEngines() {
  using R = Claim::Reading;
  static const std::vector<ReadingEngine> kEngines = {
      {R::kIdealized, "idealized_minimizer", &CheckIdealizedClaim},
      {R::kPhysical, "physical_only",
       [](const Model& m, const Claim& c, const EngineOptions& o) {
         return CheckPhysical(m, c, o);
       }},
      {R::kTrained, "trained_outcome", &CheckTrained},
      {R::kAgent, "agent",
       [](const Model& m, const Claim& c, const EngineOptions& o) {
         return CheckAgent(m, c, o);
       }},
      {R::kStory, "story", &CheckStory},
      {R::kMdpIdealized, "idealized_minimizer", &CheckMdpClaim},
      {R::kRelation, "relation", &CheckRelationClaim},
      {R::kTrainedMdp, "trained_outcome", &CheckTrainedMdp},
      {R::kMdpPhysical, "physical_only", &CheckPhysicalMdp},
      {R::kMdpAgent, "agent", &CheckMdpAgent},
  };
  return kEngines;
}

const ReadingEngine& EngineFor(Claim::Reading reading) {
  for (const ReadingEngine& e : ReadingEngines()) {
    if (e.reading == reading) return e;
  }
  return ReadingEngines().front();  // unreachable: every reading has a row
}

const char* ReadingName(Claim::Reading reading) {
  return EngineFor(reading).name;
}

}  // namespace aligncheck
