// The trained reading over an mdp: `r aligned_with G as trained_outcome
// under T` where T runs an RL learner (q_learning, reinforce; see
// train/rl_learner.h) on T's mdp from T's start states. Each seed's greedy
// policy is judged exactly against G, which may read another mdp sharing
// the states and actions (training and deployment differ). SUPPORTED when
// every seed's policy achieves G, REFUTED when none does, MIXED otherwise;
// REFUTED and MIXED are kFails. Each run also says whether training
// converged: its greedy policy's exact return of r in the training mdp
// equals the optimum, so "did not fit" and "fitted the wrong goal" differ.
#ifndef ALIGNCHECK_READINGS_TRAINED_MDP_TRAINED_MDP_H_
#define ALIGNCHECK_READINGS_TRAINED_MDP_TRAINED_MDP_H_

#include "analysis/model.h"
#include "readings/verdict.h"
#include "solve/engine_options.h"
#include "train/rl_learner.h"

namespace aligncheck {

/// The training mdp of `t`: its mdp with the start replaced by t's start
/// states (equal weights) when it names any.
Mdp TrainingMdp(const Model& model, const Training& t);

/// The floating-point problem of mdp `m` with the maximized `reward`.
RlProblem MakeRlProblem(const Mdp& m, const Reward& reward);

/// Checks a kTrainedMdp claim. Never throws.
Verdict CheckTrainedMdp(const Model& model, const Claim& claim,
                        const EngineOptions& options);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_TRAINED_MDP_TRAINED_MDP_H_
