// Idealized claims: the hypothesis class decides which engine runs.
#include "readings/idealized/idealized_claim.h"

#include "readings/idealized/hypothesis_class.h"
#include "readings/idealized/idealized.h"
#include "solve/census.h"

namespace aligncheck {

Verdict CheckIdealizedClaim(const Model& model, const Claim& claim,
                            const EngineOptions& options) {
  if (!claim.hypothesis_features.empty()) {
    return CheckLinearClass(model, claim, options);
  }
  if (!claim.hypothesis.empty()) {
    return UnknownVerdict("hypothesis class '" + claim.hypothesis +
                          "' is not supported by this engine yet");
  }
  Verdict v = CheckIdealized(model, claim, options);
  if (IdealizedEvidence* ev = v.idealized(); ev && ev->minimizers) {
    ev->census = TakeCensus(model, claim, options);
  }
  return v;
}

}  // namespace aligncheck
