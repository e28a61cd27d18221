// `shaped potential_shaping_of base over M` (Ng, Harada, Russell 1999):
// whether some Phi: S -> rationals, 0 on terminal states, gives
//   shaped(s, a, s2) = base(s, a, s2) + g Phi(s2) - Phi(s)
// on every transition with positive probability (for rewards over (s, a):
// shaped(s, a) = base(s, a) + g E[Phi(s2)] - Phi(s), one equation per
// choice). Both rewards are in reward units (a loss negated).
//
// `up to scale` adds one unknown c: shaped = c base + g Phi(s2) - Phi(s)
// with c > 0. The feasible c form a point or the whole line (a linear
// function on an affine set), so c > 0 is decided exactly by one solution
// and, when its c is not positive, one more equation c = 1.
//
// The equations are linear in Phi; they are solved exactly by incremental
// Gaussian elimination over the rationals (dense rows, one unknown per
// non-terminal state). When they are inconsistent, a minimal inconsistent
// subset is found by linear insertion: the equations are added in order
// until the system breaks; the one that broke it belongs to every conflict
// among those added, so it is kept and the search repeats on the equations
// before it, the kept ones first, until the kept ones alone are
// inconsistent. The set is then re-checked: inconsistent, and consistent
// without any one of its equations.
#ifndef ALIGNCHECK_READINGS_RELATIONS_SHAPING_H_
#define ALIGNCHECK_READINGS_RELATIONS_SHAPING_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "mdp/mdp.h"
#include "mdp/returns.h"
#include "util/rational.h"

namespace aligncheck {

/// Sizes beyond which the system is not solved (UNKNOWN).
inline constexpr size_t kMaxShapingUnknowns = 400;
inline constexpr size_t kMaxShapingEquations = 8000;

/// A successor index meaning "the expectation over the successors" (an
/// equation per choice, for rewards over (s, a)).
inline constexpr uint32_t kExpectedSuccessor = UINT32_MAX;

/// g Phi(s2) - Phi(s) = difference (or g E[Phi(s2)] - Phi(s)), where
/// difference = shaped - base on that transition or choice.
struct ShapingEquation {
  uint32_t state = 0;
  uint32_t action = 0;
  uint32_t successor = kExpectedSuccessor;
  Rational difference;
  /// base on that transition or choice: the coefficient of c up to scale.
  Rational base;
  /// Phi coefficients per state, terminal states left out (Phi = 0 there).
  std::vector<std::pair<uint32_t, Rational>> terms;
};

/// One equation per transition of a non-terminal state, or when
/// `per_choice` one per choice (rewards that do not depend on s2).
std::vector<ShapingEquation> ShapingEquations(const Mdp& m,
                                              const Reward& shaped,
                                              const Reward& base,
                                              bool per_choice);

struct PotentialSearch {
  /// kNonPositiveScale (up to scale): Phi and c fit, but only with c <= 0.
  enum class Kind { kPotential, kNoPotential, kTooLarge, kNonPositiveScale };
  Kind kind = Kind::kTooLarge;
  std::vector<Rational> phi;  // kPotential: per state (0 where free)
  Rational scale = Rational(1);  // c (1 unless `scaled`)
  /// kNoPotential: a minimal inconsistent subset, in equation order.
  std::vector<ShapingEquation> conflict;
  size_t unknowns = 0;
  std::string reason;  // kTooLarge
};

/// Decides whether the equations have a solution, exactly; `scaled`: with
/// the unknown scale c > 0 of the base.
PotentialSearch FindPotential(const Mdp& m,
                              const std::vector<ShapingEquation>& equations,
                              bool scaled = false);

/// Whether the equations have a common solution.
bool EquationsConsistent(const Mdp& m,
                         const std::vector<ShapingEquation>& equations,
                         bool scaled = false);

/// Whether two rewards have the same optimal stationary policies (a policy
/// is optimal when its return from the start is the optimum).
struct OptimalComparison {
  enum class Kind { kSame, kDiffer, kUndecided };
  Kind kind = Kind::kUndecided;
  Rational best_a, best_b;  // optimal returns of a and b
  /// kDiffer: a policy optimal for one reward and not for the other, and
  /// its returns; `optimal_for_a` says which.
  Policy witness;
  bool optimal_for_a = false;
  Rational witness_a, witness_b;
  std::string reason;  // kUndecided
};

OptimalComparison CompareOptimalPolicies(const Mdp& m, const Reward& a,
                                         const Reward& b);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_RELATIONS_SHAPING_H_
