// An idealized claim as the dispatcher sees it: over a hypothesis class
// when it names one, else over all policies with the minimizer census.
#ifndef ALIGNCHECK_READINGS_IDEALIZED_IDEALIZED_CLAIM_H_
#define ALIGNCHECK_READINGS_IDEALIZED_IDEALIZED_CLAIM_H_

#include "analysis/model.h"
#include "readings/verdict.h"
#include "solve/engine_options.h"

namespace aligncheck {

/// Checks an idealized claim. REQUIRES: claim.reading == kIdealized.
Verdict CheckIdealizedClaim(const Model& model, const Claim& claim,
                            const EngineOptions& options);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_IDEALIZED_IDEALIZED_CLAIM_H_
