// Counterexample evidence for a policy: one run, as a lasso on
// deterministic MDPs, or the most probable violating finite path with its
// exact probability on stochastic ones.
#ifndef ALIGNCHECK_MDP_WITNESS_H_
#define ALIGNCHECK_MDP_WITNESS_H_

#include <cstdint>
#include <vector>

#include "mdp/mdp.h"
#include "mdp/path_goal.h"
#include "util/rational.h"

namespace aligncheck {

/// The run of `pi` from `start` in a deterministic MDP: the states of the
/// prefix, then the states of the cycle repeated forever (empty when the run
/// ends in a terminal state, the last state of the prefix).
struct Lasso {
  std::vector<uint32_t> prefix;
  std::vector<uint32_t> cycle;
};

/// REQUIRES: IsDeterministic(m).
Lasso RunLasso(const Mdp& m, const Policy& pi, uint32_t start);

/// A finite path of positions (states; the actions are pi's) and the exact
/// probability that a run begins with it, start weight included.
struct WitnessPath {
  bool found = false;
  std::vector<uint32_t> states;
  Rational probability;
};

/// Returns the most probable finite path of `pi` whose positions before the
/// last satisfy `through` and whose last position satisfies `target`.
/// Dijkstra over exact products (they only shrink along a path).
WitnessPath MostProbablePath(const Mdp& m, const Policy& pi,
                             const PositionPredicate& through,
                             const PositionPredicate& target);

/// Returns the most probable finite path after which a run of `pi` surely
/// violates `phi`: for "always F" a path to a position without F; for
/// "F until F2" and "eventually F2" a path of F-and-not-F2 positions that
/// ends where F2 has not happened and no longer can (F fails, the run ends,
/// or F2 is unreachable under pi). Not for bounded formulas (found = false).
WitnessPath ViolatingPath(const Mdp& m, const Policy& pi,
                          const PathFormula& phi);

}  // namespace aligncheck

#endif  // ALIGNCHECK_MDP_WITNESS_H_
