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

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_CHECK_H_
