// Counting optimal and near-optimal stationary policies, and those that
// violate a goal.
//
// With 0 < g < 1 a policy is optimal exactly when it takes an action of
// Opt(s) at every state it reaches with positive probability; the states it
// does not reach are free (any action). Which states are reached depends on
// the choices, so the count is not a plain product: it is a sum over the
// classes EnumeratePolicyClasses visits of actions^free. Exact when the
// enumeration stays within its budget, otherwise "not counted" with the
// reason.
//
// Near-optimal policies (`within eps`: return from the start at least the
// optimum minus eps) are enumerated over all actions and each class is
// evaluated exactly. Pruning is sound: by the performance-difference
// identity, the optimum minus a policy's return is the sum over its
// discounted state occupancy of the gaps V*(s) - Q*(s, pi(s)) >= 0; on a
// deterministic MDP the positions of a run already fixed give a lower bound
// of that sum; on a stochastic one, the discounted mass that flows through
// assigned states in the first 32 steps does. A partial policy whose bound
// exceeds eps is cut. Without such cuts (many near-ties) only small MDPs are
// decided within the budget.
#ifndef ALIGNCHECK_MDP_CENSUS_H_
#define ALIGNCHECK_MDP_CENSUS_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mdp/mdp.h"
#include "mdp/policy_search.h"
#include "mdp/returns.h"
#include "util/rational.h"

namespace aligncheck {

/// What "violates G" means for a census. Both parts are optional; a policy
/// violates when either part says so.
struct CensusGoal {
  /// The part about runs (returns, probabilities): must only depend on the
  /// actions of reached states (the others are kNoAction).
  std::function<bool(const PolicyClass&)> violated_by_runs;
  /// The part about single states, forall s: ok(s, pi(s)): per choice,
  /// whether it is acceptable (terminal states are not asked). Empty: none.
  std::vector<bool> state_ok;
};

struct MdpCensus {
  bool counted = false;
  std::string reason;  // why not counted
  BigInt policies;     // policies in the set (optimal or near-optimal)
  BigInt violating;    // of those, the ones that violate the goal
  Policy violation;    // one complete violating policy when violating > 0
  size_t classes = 0;  // policy classes visited
};

/// Counts the optimal policies (Opt from `optimum`) and the violators.
MdpCensus CountOptimalPolicies(const Mdp& m, const Optimum& optimum,
                            const CensusGoal& goal,
                            const SearchBudget& budget = {});

/// Counts the policies that take an `allowed` action at every state they
/// reach, without enumerating them, when the MDP is deterministic from a
/// single start state and the allowed moves from it form an acyclic graph
/// (every run ends in a terminal state): then a policy's reached states are
/// its run, and the count is the sum over allowed runs of
/// actions^(non-terminal states off the run), a path count by dynamic
/// programming over the graph. nullopt when the MDP is not of that shape.
/// This is how the hugely tied optimal policies of a gridworld (every
/// shortest path, 10^47 of them) are counted exactly.
std::optional<BigInt> CountAllowedByRuns(const Mdp& m, const ActionMask& allowed);

/// Visits every class of near-optimal policies with its exact return from
/// the start. REQUIRES: `optimum` is for `r` over all actions; eps >= 0.
PolicySearchOutcome EnumerateNearOptimal(
    const Mdp& m, const Reward& r, const Optimum& optimum, const Rational& eps,
    const SearchBudget& budget,
    const std::function<bool(const PolicyClass&, const Rational&)>& visit);

/// Counts the near-optimal policies and the violators.
MdpCensus CountNearOptimalPolicies(const Mdp& m, const Reward& r,
                                const Optimum& optimum, const Rational& eps,
                                const CensusGoal& goal,
                                const SearchBudget& budget = {});

/// The extreme of `objective` (evaluated on complete policies; it must only
/// depend on reached states) over near-optimal policies.
Extreme NearOptimalExtreme(const Mdp& m, const Reward& r,
                           const Optimum& optimum, const Rational& eps,
                           const std::function<Rational(const Policy&)>& objective,
                           Sense sense, const SearchBudget& budget = {});

}  // namespace aligncheck

#endif  // ALIGNCHECK_MDP_CENSUS_H_
