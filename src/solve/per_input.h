// The solver-free path: deciding a per-input count atom over the product of
// option sets exactly, by per-input costs and a sort.
//
// For atom "count of x with P(x, pi(x)) is in G", let t(x) (f(x)) be the least
// excess of an option of x making P true (false), infinite if none. The
// cheapest feasible-or-not policy with count exactly c costs
// sum_x f(x) + the c - k0 smallest finite deltas t - f, where the k0 inputs
// with f = infinity are forced true and inputs with t = infinity are forced
// false. The atom is violated by a near-minimizer iff some c outside G has
// cost <= eps. O(n m) evaluations of P plus O(n log n).
#ifndef ALIGNCHECK_SOLVE_PER_INPUT_H_
#define ALIGNCHECK_SOLVE_PER_INPUT_H_

#include <string>

#include "analysis/model.h"
#include "solve/goal_shape.h"
#include "solve/near_minimizers.h"

namespace aligncheck {

struct AtomDecision {
  std::string error;      // non-empty: P could not be evaluated
  bool violated = false;  // some feasible policy makes the atom false
  Policy policy;          // violated: the cheapest such policy
};

/// Decides whether some policy in `nm` falsifies `atom` of `goal`.
AtomDecision DecideCountAtom(const Model& model, const Goal& goal,
                             const NearMinimizers& nm, const CountAtom& atom);

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_PER_INPUT_H_
