// Enumeration of stationary policies by what they do where they go.
//
// A run property depends only on the actions at the states a policy
// reaches, so policies are enumerated as classes: actions are chosen state
// by state in the order the states are reached (from the start
// distribution), and a class is complete when every reached non-terminal
// state has an action. The other states are free: the class stands for
// actions^free policies. States with one allowed action are assigned
// without branching, so a restriction to optimal actions with few ties
// enumerates quickly whatever its size.
#ifndef ALIGNCHECK_MDP_POLICY_SEARCH_H_
#define ALIGNCHECK_MDP_POLICY_SEARCH_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mdp/mdp.h"

namespace aligncheck {

struct SearchBudget {
  size_t max_classes = 4096;   // complete classes visited
  size_t max_nodes = 65536;    // branch points explored
  size_t max_depth = 2048;     // nested branch points (call stack)
};

/// A class of policies: `policy` has an allowed action at every reached
/// non-terminal state and kNoAction elsewhere.
struct PolicyClass {
  const Policy& policy;
  const std::vector<bool>& reached;
  size_t free_states;  // non-terminal states not reached
};

struct PolicySearchOutcome {
  bool complete = false;  // every class was visited (or the visitor stopped)
  bool stopped = false;   // the visitor asked to stop
  std::string reason;     // why not complete
  size_t classes = 0;
};

/// Visits every class of policies `allowed` permits. `prune`, when set, is
/// asked at each branch point with the partial policy (unassigned states
/// kNoAction) and returns true when no completion can matter; pruned
/// subtrees count as visited. `visit` returns false to stop early.
PolicySearchOutcome EnumeratePolicyClasses(
    const Mdp& m, const ActionMask& allowed, const SearchBudget& budget,
    const std::function<bool(const PolicyClass&)>& visit,
    const std::function<bool(const Policy&)>& prune = nullptr);

/// Returns `partial` with every unassigned state given its first allowed
/// action (action 0 at terminal states).
Policy CompletePolicy(const Mdp& m, const ActionMask& allowed,
                      const Policy& partial);

}  // namespace aligncheck

#endif  // ALIGNCHECK_MDP_POLICY_SEARCH_H_
