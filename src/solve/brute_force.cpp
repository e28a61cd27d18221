// Enumeration of every policy: the slow, obviously correct oracle.
#include "solve/brute_force.h"

#include <vector>

#include "analysis/eval.h"

namespace aligncheck {

BruteForceResult BruteForceIdealized(const Model& model, const Claim& claim,
                                     uint64_t max_policies) {
  BruteForceResult r;
  const Loss& loss = model.losses[claim.loss];
  const Data& data = model.data[claim.data];
  const Goal& goal = model.goals[claim.goal];
  const size_t n = model.domains[loss.input].size();
  const size_t m = model.domains[loss.output].size();
  if (m == 0) {
    r.error = "empty output domain";
    return r;
  }
  uint64_t total = 1;
  for (size_t i = 0; i < n; ++i) {
    if (total > max_policies / m) {
      r.error = "too many policies to enumerate";
      return r;
    }
    total *= m;
  }
  // Pass 1: losses and the minimum; pass 2: feasibility and the goal.
  std::vector<Rational> losses;
  losses.reserve(total);
  Policy pi(n, 0);
  for (uint64_t i = 0; i < total; ++i) {
    uint64_t code = i;
    for (size_t x = 0; x < n; ++x) {
      pi[x] = static_cast<uint32_t>(code % m);
      code /= m;
    }
    losses.push_back(ExpectedLoss(model, loss, data, pi));
    if (i == 0 || losses.back() < r.min_loss) r.min_loss = losses.back();
  }
  Rational eps = claim.has_within ? claim.within : Rational(0);
  Rational limit = r.min_loss + eps;
  r.feasible = 0;
  r.violating = 0;
  r.goal_true_everywhere = 0;
  for (uint64_t i = 0; i < total; ++i) {
    uint64_t code = i;
    for (size_t x = 0; x < n; ++x) {
      pi[x] = static_cast<uint32_t>(code % m);
      code /= m;
    }
    Evaluator ev(model, &pi);
    bool ok = ev.GoalHolds(goal);
    if (ev.failed()) {
      r.error = "goal evaluation: " + ev.error();
      return r;
    }
    if (ok) r.goal_true_everywhere += 1;
    if (losses[i] > limit) continue;
    r.feasible += 1;
    if (!ok) {
      r.violating += 1;
      if (!r.first_violating) r.first_violating = pi;
    }
  }
  r.holds = r.violating == 0;
  r.vacuous =
      r.goal_true_everywhere == BigInt(static_cast<unsigned long>(total));
  return r;
}

}  // namespace aligncheck
