// Discounted returns, exactly: the value of a policy, the optimal values
// Q* and V* with their optimal-action sets (ties exact), and the best or
// worst return over the policies an ActionMask allows.
//
// V(s) = 0 at terminal states; elsewhere V^pi(s) = Q^pi(s, pi(s)) with
// Q(s, a) = sum_s2 P(s2 | s, a) (r(s, a, s2) + g V(s2)).
#ifndef ALIGNCHECK_MDP_RETURNS_H_
#define ALIGNCHECK_MDP_RETURNS_H_

#include <string>
#include <vector>

#include "mdp/choice_system.h"
#include "mdp/mdp.h"
#include "util/rational.h"

namespace aligncheck {

/// The extreme of an objective over a set of policies, with a policy that
/// attains it.
struct Extreme {
  enum class Status { kExact, kUndecided };
  Status status = Status::kUndecided;
  Rational value;                  // from the start distribution
  std::vector<Rational> per_state; // where the method gives it, else empty
  Policy policy;                   // attains `value`
  std::string reason;              // why kUndecided
  bool exact() const { return status == Status::kExact; }
};

/// Returns V^pi per state. REQUIRES: m, r valid; pi defined at every
/// non-terminal state.
std::vector<Rational> PolicyValues(const Mdp& m, const Reward& r,
                                   const Policy& pi);

/// Returns sum_s start(s) v(s).
Rational FromStart(const Mdp& m, const std::vector<Rational>& v);

/// Returns Q(s, a) = sum P (r + g v(s2)) for every choice of a non-terminal
/// state (0 at terminal states).
std::vector<Rational> QValues(const Mdp& m, const Reward& r,
                              const std::vector<Rational>& v);

struct Optimum {
  bool ok = false;
  std::string error;
  std::vector<Rational> v;     // V* per state
  std::vector<Rational> q;     // Q* per choice
  ActionMask optimal;          // a in Opt(s) iff Q*(s, a) == V*(s)
  Policy policy;               // one optimal policy
  Rational start_value;        // V* from the start distribution
  int improvement_rounds = 0;  // exact repairs of the floating proposal
};

/// Returns Q*, V* and Opt for the reward r maximized over the policies
/// `allowed` permits (AllActions(m) for the plain optimum). Q* is given for
/// every choice; Opt only contains allowed actions.
Optimum OptimalValues(const Mdp& m, const Reward& r, const ActionMask& allowed);

/// Returns the maximum or minimum return of r over the stationary
/// deterministic policies `allowed` permits (attained by one of them).
Extreme ExtremeReturn(const Mdp& m, const Reward& r, const ActionMask& allowed,
                      Sense sense);

/// The restriction to optimal actions: Opt(s) at every non-terminal state.
/// Every optimal policy agrees with some policy of it on the states it
/// reaches, so worst cases of run properties over it are the worst cases
/// over optimal policies.
inline const ActionMask& OptimalRestriction(const Optimum& o) {
  return o.optimal;
}

}  // namespace aligncheck

#endif  // ALIGNCHECK_MDP_RETURNS_H_
