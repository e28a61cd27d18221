// The near-minimizers of L_D as a product of per-input option sets.
//
// For input x let m(x) = min_y l(x, y) and the excess of output y be
// e(x, y) = w(x) / W * (l(x, y) - m(x)) (0 for every y when w(x) = 0). Then
// L_D(pi) - min L_D = sum_x e(x, pi(x)), so pi is feasible (within eps of the
// minimum) iff that sum is <= eps, and each pi(x) must lie in the option set
// O(x) = {y : e(x, y) <= eps}. With eps = 0 the options are the argmin sets
// and every feasible combination is allowed.
#ifndef ALIGNCHECK_SOLVE_NEAR_MINIMIZERS_H_
#define ALIGNCHECK_SOLVE_NEAR_MINIMIZERS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/model.h"
#include "util/rational.h"

namespace aligncheck {

struct NearMinimizers {
  size_t inputs = 0;   // |X|
  size_t outputs = 0;  // |Y|
  /// Every output is allowed and there is no budget (eps = infinity); used to
  /// ask whether a goal holds for every policy.
  bool unbounded = false;
  Rational eps;       // the budget; meaningless when unbounded
  Rational min_loss;  // min over all policies of L_D
  /// Options of input x are option[offset[x] .. offset[x+1]), in increasing
  /// output order. Excesses are computed on demand (Excess): within one
  /// input they order as the losses do, so comparisons read losses only.
  std::vector<size_t> offset;
  std::vector<uint32_t> option;
  /// An option of x with excess 0 (the first argmin).
  std::vector<uint32_t> best;
  /// w(x) / W per input, and the loss table (row-major, |Y| per row).
  std::vector<Rational> scale;
  const DenseTable* losses = nullptr;
  /// Some option has positive excess, so the budget matters.
  bool has_budget = false;

  size_t OptionCount(size_t x) const { return offset[x + 1] - offset[x]; }
  size_t EntryOf(size_t x, size_t k) const { return x * outputs + option[k]; }
  size_t MinEntry(size_t x) const { return x * outputs + best[x]; }
  Rational LossOf(size_t x, size_t k) const {
    return losses->Get(EntryOf(x, k));
  }
  Rational MinLoss(size_t x) const { return losses->Get(MinEntry(x)); }
  /// Option k of x costs nothing.
  bool Free(size_t x, size_t k) const {
    return !has_budget || scale[x] == 0 ||
           losses->Equal(EntryOf(x, k), MinEntry(x));
  }
  /// Returns e(x, option[k]) exactly.
  Rational Excess(size_t x, size_t k) const {
    if (Free(x, k)) return Rational(0);
    return scale[x] * (LossOf(x, k) - MinLoss(x));
  }
  /// Returns whether option k of x costs less than option j of x.
  bool Cheaper(size_t x, size_t k, size_t j) const {
    if (Free(x, k)) return !Free(x, j);
    return losses->Compare(EntryOf(x, k), EntryOf(x, j)) < 0;
  }
  bool HasBudget() const { return has_budget; }
};

/// Returns the option sets of `loss` under `data` within `eps`; with
/// `eps == nullptr` every output is allowed (unbounded).
/// REQUIRES: data.domain == loss.input, data.total > 0. The result points
/// into `loss`, which must outlive it.
NearMinimizers BuildNearMinimizers(const Model& model, const Loss& loss,
                                   const Data& data, const Rational* eps);

/// Returns sum_x e(x, policy[x]) <= eps, exactly (true when unbounded).
bool IsFeasible(const NearMinimizers& nm, const Policy& policy);

struct MinimizerCount {
  BigInt count;
  bool capped = false;  // count is a lower bound
};

/// Counts the feasible policies exactly. eps = 0 (or no input with a costly
/// option): the product of option-set sizes. Otherwise a DP over the distinct
/// achievable partial excess sums (sums above eps pruned). When the map would
/// exceed `cap` entries only the `cap` smallest sums are kept, and when the
/// DP's work passes 2 * cap entry-option steps it stops and completes every
/// remaining input with its zero-excess options only; either way the result
/// counts a subset of the feasible policies and is marked capped (a lower
/// bound).
MinimizerCount CountNearMinimizers(const NearMinimizers& nm, size_t cap);

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_NEAR_MINIMIZERS_H_
