// Probabilities of run properties: eventually F, always F, F until F2 and
// eventually within K F, for one policy and in the worst (or best) case over
// the policies an ActionMask allows.
//
// F and F2 are formulas over one position of a run, `state` and `action`.
// Positions start at 0 with the start state. At a non-terminal state s the
// position's action is pi(s), so F is read at the choice (s, pi(s)). A run
// that enters a terminal state ends there, and its last position has no
// action: F is read from `at_terminal`, where the caller has made every
// comparison with `action` false. "F until F2" is strong: F2 must happen, F
// holds at every earlier position. "eventually within K F" holds when F holds
// at one of positions 0..K.
//
// Unbounded properties are decided exactly: graph precomputation of the
// states whose probability is 0, then the exact choice-system optimizer;
// memoryless deterministic policies attain these extremes. Bounded ones are
// not attained by stationary policies in general, and the extreme is taken
// over stationary policies only: exact for deterministic MDPs with one start
// state (lasso and longest-path reasoning), otherwise by enumerating the
// policy classes within a budget, and undecided beyond it.
#ifndef ALIGNCHECK_MDP_PATH_GOAL_H_
#define ALIGNCHECK_MDP_PATH_GOAL_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "mdp/choice_system.h"
#include "mdp/mdp.h"
#include "mdp/policy_search.h"
#include "mdp/returns.h"

namespace aligncheck {

/// A formula over one position: at_choice[s * actions + a] at non-terminal
/// states, at_terminal[s] at a terminal last position.
struct PositionPredicate {
  std::vector<bool> at_choice;
  std::vector<bool> at_terminal;

  /// Builds from f(state, action), where action is nullopt at a terminal
  /// position.
  static PositionPredicate Of(
      const Mdp& m,
      const std::function<bool(uint32_t, std::optional<uint32_t>)>& f);
  static PositionPredicate Constant(const Mdp& m, bool value);
  PositionPredicate Negated() const;
  /// F at state s when the policy takes a (a ignored at terminal states).
  bool At(const Mdp& m, uint32_t s, uint32_t a) const {
    return m.terminal[s] ? at_terminal[s] : at_choice[m.Choice(s, a)];
  }
};

struct PathFormula {
  enum class Kind { kEventually, kAlways, kUntil, kEventuallyWithin };
  Kind kind = Kind::kEventually;
  PositionPredicate f;   // the operand (the left one of until)
  PositionPredicate f2;  // until only: the target
  uint64_t bound = 0;    // within K only

  static PathFormula Eventually(PositionPredicate f);
  static PathFormula Always(PositionPredicate f);
  static PathFormula Until(PositionPredicate f, PositionPredicate f2);
  static PathFormula EventuallyWithin(uint64_t k, PositionPredicate f);
};

/// Returns, per state, the probability that a run of `pi` from that state
/// satisfies `phi`. Exact.
std::vector<Rational> PathProbabilities(const Mdp& m, const Policy& pi,
                                        const PathFormula& phi);

/// Returns the probability from the start distribution.
Rational PathProbability(const Mdp& m, const Policy& pi, const PathFormula& phi);

/// Returns the maximum or minimum probability of `phi` from the start
/// distribution over the stationary deterministic policies `allowed`
/// permits, with a policy attaining it. `budget` bounds the enumeration a
/// bounded formula may need.
Extreme ExtremePathProbability(const Mdp& m, const ActionMask& allowed,
                               const PathFormula& phi, Sense sense,
                               const SearchBudget& budget = {});

}  // namespace aligncheck

#endif  // ALIGNCHECK_MDP_PATH_GOAL_H_
