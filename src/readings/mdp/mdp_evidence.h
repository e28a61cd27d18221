// What the MDP reading found: the optimum, the optimal actions, the census
// of optimal policies and, when the claim fails, a re-checked policy with
// its run and the values that break the goal.
#ifndef ALIGNCHECK_READINGS_MDP_MDP_EVIDENCE_H_
#define ALIGNCHECK_READINGS_MDP_MDP_EVIDENCE_H_

#include <optional>
#include <string>
#include <vector>

#include "mdp/mdp.h"
#include "util/rational.h"

namespace aligncheck {

/// The value of one `return(...)` or `prob(...)` atom of the goal under
/// the counterexample policy.
struct RunAtomValue {
  std::string text;  // the atom as written
  Rational value;
};

/// HOLDS by the atoms' extremes: one conjunct "atom op bound" of the goal
/// and the atom's worst value over the optimal policies (least for >, >=,
/// greatest for <, <=, both for ==), exact.
struct AtomWorstCase {
  std::string text;   // the conjunct as written
  std::string where;  // "file:line:col" of the conjunct
  std::string op;     // "<", "<=", ">", ">=", "=="
  Rational bound;
  std::optional<Rational> least, greatest;
};

struct MdpEvidence {
  int mdp = -1;
  /// The optimum of the claim's reward (for a loss: the least expected
  /// discounted loss), from the start distribution.
  Rational optimum;
  /// Per state: the actions that are optimal there (argmax of Q*, ties
  /// exact); empty at terminal states.
  std::vector<std::vector<uint32_t>> optimal_actions;
  /// The census of optimal (or near-optimal) policies: counted when the
  /// enumeration finished within its budget.
  bool counted = false;
  std::string count_reason;  // why not counted
  BigInt policies;
  bool violating_counted = false;
  BigInt violating;
  // kFails:
  std::optional<Policy> policy;  // complete, re-checked
  std::vector<bool> reached;     // by `policy` from the start
  Rational policy_value;         // its return of the claim's reward
  std::vector<RunAtomValue> atoms;
  /// One run: for deterministic MDPs a lasso (prefix, then a cycle repeated
  /// forever; empty cycle = the run ends in a terminal state).
  std::vector<uint32_t> run_prefix;
  std::vector<uint32_t> run_cycle;
  /// For stochastic MDPs, the most probable path that violates a `prob`
  /// atom of the goal, with its exact probability (when there is one).
  std::vector<uint32_t> path;
  std::optional<Rational> path_probability;
  /// States where the goal reads pi(s) directly and the policy is free
  /// there (not reached): shown so the user sees why it counts.
  size_t free_states = 0;
  /// kHolds decided by the atoms' extremes: every conjunct's worst case.
  std::vector<AtomWorstCase> worst_cases;
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_MDP_MDP_EVIDENCE_H_
