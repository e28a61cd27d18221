// The trained-outcome engine: run the claim's toy learner once per declared
// seed and ask, exactly, whether each learned argmax policy achieves the
// goal. SUPPORTED when every seed's does, REFUTED when none does, MIXED
// otherwise. The seeds are part of the setup the claim names, so a single
// failing seed is a counterexample: REFUTED and MIXED are both kFails.
// All of it is evidence about the toy learner on the toy domain only.
#ifndef ALIGNCHECK_READINGS_TRAINED_TRAINED_H_
#define ALIGNCHECK_READINGS_TRAINED_TRAINED_H_

#include <cstdint>

#include "analysis/model.h"
#include "solve/engine_options.h"
#include "readings/verdict.h"
#include "train/learner.h"

namespace aligncheck {

/// Builds the floating-point problem of `training` for `loss`.
/// REQUIRES: the training's data weighs the loss's inputs.
LearningProblem MakeLearningProblem(const Model& model, const Loss& loss,
                                    const Training& training);

/// Checks a trained_outcome claim. REQUIRES: claim.reading == kTrained.
/// May throw z3::exception (CheckClaim catches it).
Verdict CheckTrained(const Model& model, const Claim& claim,
                     const EngineOptions& options);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_TRAINED_TRAINED_H_
