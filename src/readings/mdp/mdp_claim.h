// The idealized reading over a finite MDP: `r aligned_with G as
// idealized_minimizer over M [within eps]` holds when every optimal (or
// eps-optimal) stationary deterministic policy of M for r satisfies G.
#ifndef ALIGNCHECK_READINGS_MDP_MDP_CLAIM_H_
#define ALIGNCHECK_READINGS_MDP_MDP_CLAIM_H_

#include <optional>

#include "analysis/model.h"
#include "readings/verdict.h"
#include "solve/engine_options.h"

namespace aligncheck {

/// Decides a kMdpIdealized claim. Exact; UNKNOWN with the reason when the
/// goal's shape needs an enumeration that does not fit its budget.
Verdict CheckMdpClaim(const Model& model, const Claim& claim,
                      const EngineOptions& options);

/// Whether every policy of mdp `mdp` whose return of `reward` (maximized)
/// is optimal, or at least the optimum minus `within`, satisfies goal
/// `goal`: the question of CheckMdpClaim for a reward that no declaration
/// names (the physical reading's observed reward). The verdict carries
/// MdpEvidence; its optimum and policy_value are returns of `reward`.
Verdict CheckMdpGoalOverReward(const Model& model, int mdp, int goal,
                               const Reward& reward,
                               const std::optional<Rational>& within);

/// Whether every stationary deterministic policy of mdp `mdp` satisfies
/// `goal` (a goal about its runs), or with `none`, whether none does;
/// nullopt when that is not decided cheaply (lint asks it for AC009: the
/// atoms' extremes, or an enumeration on MDPs of at most 64 states).
std::optional<bool> EveryPolicyMeetsRunGoal(const Model& model,
                                            const Goal& goal, int mdp,
                                            bool none);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_MDP_MDP_CLAIM_H_
