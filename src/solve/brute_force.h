// The oracle for tests: decide an idealized claim by enumerating every
// policy. Exponential; refuses problems with more than a bound of policies.
#ifndef ALIGNCHECK_SOLVE_BRUTE_FORCE_H_
#define ALIGNCHECK_SOLVE_BRUTE_FORCE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "analysis/model.h"
#include "util/rational.h"

namespace aligncheck {

/// Enumeration stops (refuses) beyond this many policies.
inline constexpr uint64_t kMaxBruteForcePolicies = 2'000'000;

struct BruteForceResult {
  std::string error;  // non-empty: refused, or the goal failed to evaluate
  bool holds = false;
  Rational min_loss;
  BigInt feasible;   // policies with L_D <= min + eps
  BigInt violating;  // feasible policies violating the goal
  std::optional<Policy> first_violating;  // in enumeration order
  BigInt
      goal_true_everywhere;  // policies (any, feasible or not) where goal holds
  bool vacuous = false;      // the goal holds for every policy
};

/// Decides `claim` (an idealized claim with no hypothesis class) of `model`
/// by enumeration, with exact L_D from ExpectedLoss and the goal from the
/// reference Evaluator. `max_policies` bounds |Y|^|X|.
BruteForceResult BruteForceIdealized(
    const Model& model, const Claim& claim,
    uint64_t max_policies = kMaxBruteForcePolicies);

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_BRUTE_FORCE_H_
