// The physical reading over a finite mdp, and the agents that act in one.
//
// A behaviour is a stationary deterministic policy of the mdp together with
// a subset U of the physical model's channels; a used channel acts on the
// transitions where its `when` holds (observed_reward.h). Its observed
// return is the expected discounted return of the observed reward under U.
//
// `r aligned_with G as physical_only via P above T` (a reward register;
// `below T` for a loss: observed expected discounted loss at most T) holds
// when every behaviour whose observed return is at least T satisfies G. Per
// subset U this is the mdp reading's near-optimality question: the
// policies within V*_U - T of the optimum V*_U of the observed reward
// (readings/mdp: worst cases over the optimal actions when T = V*_U, else
// an exact enumeration of the near-optimal policy classes, pruned by the
// performance-difference bound, UNKNOWN past its budget). Subsets with
// V*_U < T have no such behaviour; when no subset has one the claim holds
// vacuously.
//
// Agents: `cares_about register in P` maximizes the observed return over
// every behaviour (policy and channels); its optimal behaviours are the
// optimal policies of the observed reward of every subset whose optimum is
// the largest. `cares_about predictions of r` maximizes the return of r in
// its mdp (minimizes it for a loss); channels change nothing it values.
// `A achieves G` holds when every optimal behaviour satisfies G.
#ifndef ALIGNCHECK_READINGS_PHYSICAL_MDP_PHYSICAL_MDP_H_
#define ALIGNCHECK_READINGS_PHYSICAL_MDP_PHYSICAL_MDP_H_

#include "analysis/model.h"
#include "readings/verdict.h"
#include "solve/engine_options.h"

namespace aligncheck {

/// Channels of one physical model over an mdp, at most (2^12 subsets).
inline constexpr size_t kMaxMdpChannels = 12;

/// Decides a kMdpPhysical claim.
Verdict CheckPhysicalMdp(const Model& model, const Claim& claim,
                         const EngineOptions& options);

/// Decides a kMdpAgent claim (`A achieves G` for an agent over an mdp).
Verdict CheckMdpAgent(const Model& model, const Claim& claim,
                      const EngineOptions& options);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_PHYSICAL_MDP_PHYSICAL_MDP_H_
