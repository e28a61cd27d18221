// "eventually within K F": F at one of positions 0..K.
//
// For one policy the probability is a K-step dynamic program (stopped early
// once it reaches its fixed point, as it does within n steps for a
// deterministic chain). Over policies the extreme is taken over STATIONARY
// deterministic policies (a bounded horizon would let a step-counting policy
// do better; the language's policies are stationary):
// - deterministic MDP, one start state: exact. The maximum is 1 iff F is
//   within K transitions along some path (a shortest path is simple, hence
//   the run of a stationary policy). The minimum is 0 iff some stationary run
//   avoids F at positions 0..K: it does when the F-avoiding subgraph reachable
//   from the start has a cycle or a safe terminal state (a lasso or a finite
//   run); otherwise that subgraph is acyclic, every path is simple and the
//   longest one decides.
// - otherwise: enumeration of the policy classes within the budget; beyond
//   it the result is kUndecided with the reason.
#ifndef ALIGNCHECK_MDP_BOUNDED_GOAL_H_
#define ALIGNCHECK_MDP_BOUNDED_GOAL_H_

#include <cstdint>
#include <vector>

#include "mdp/path_goal.h"

namespace aligncheck {

/// Returns per state the probability that a run of `pi` from it has F at
/// one of positions 0..k.
std::vector<Rational> BoundedProbabilities(const Mdp& m, const Policy& pi,
                                           const PositionPredicate& f,
                                           uint64_t k);

/// The extreme of "eventually within k F" from the start distribution over
/// stationary deterministic policies `allowed` permits.
Extreme ExtremeBounded(const Mdp& m, const ActionMask& allowed,
                       const PositionPredicate& f, uint64_t k, Sense sense,
                       const SearchBudget& budget);

}  // namespace aligncheck

#endif  // ALIGNCHECK_MDP_BOUNDED_GOAL_H_
