// "Does every policy X -> Y meet this goal?" without a loss table.
//
// Lint asks it for AC009 (a trivial goal). With an all-zero loss every
// policy is a minimizer, so the idealized engine answers it; this asks the
// engine's per-input decision directly, over option sets that allow every
// output, instead of materializing |X| x |Y| zero losses first.
#ifndef ALIGNCHECK_SOLVE_EVERY_POLICY_H_
#define ALIGNCHECK_SOLVE_EVERY_POLICY_H_

#include <optional>

#include "analysis/model.h"

namespace aligncheck {

/// Returns whether every policy meets `goal` (with `negate`: whether none
/// does), decided exactly as the idealized engine decides it for an
/// all-zero loss. Returns nullopt when some conjunct needs the solver (the
/// caller asks the full engine then). Never throws.
/// REQUIRES: goal.input and goal.output are domains of `model`.
std::optional<bool> EveryPolicyMeets(const Model& model, const Goal& goal,
                                     bool negate);

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_EVERY_POLICY_H_
