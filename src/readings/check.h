// Entry point of the engines: one claim of a resolved model in, a verdict out.
#ifndef ALIGNCHECK_READINGS_CHECK_H_
#define ALIGNCHECK_READINGS_CHECK_H_

#include <string>

#include "analysis/model.h"
#include "readings/idealized/idealized.h"
#include "readings/verdict.h"
#include "solve/engine_options.h"

namespace aligncheck {


/// Checks `claim` of `model`. Never throws: solver errors and limits become
/// an UNKNOWN verdict with the reason.
Verdict CheckClaim(const Model& model, const Claim& claim,
                   const EngineOptions& options);

/// Checks one idealized question (see IdealizedProblem) behind the same
/// exception boundary: how lint asks the engine without editing the model.
Verdict CheckIdealizedQuestion(const IdealizedProblem& problem,
                               const EngineOptions& options);

/// Does every policy meet `goal` (whose parts need not belong to `context`)?
/// Asked as the idealized question with an all-zero loss over uniform data,
/// so every policy is a minimizer; no query is dumped. HOLDS: every policy
/// meets it; FAILS: the counterexample violates it. REQUIRES: the goal's
/// domains are non-empty (the caller bounds |X| * |Y|, the zero table).
Verdict CheckForEveryPolicy(const Model& context, const Goal& goal,
                            const EngineOptions& options);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_CHECK_H_
