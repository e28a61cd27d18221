// Does some policy in a product of per-input option sets violate a goal?
// The question behind ties in a learned argmax (every tie-break is a policy
// the learned model may act as) and behind option-set censuses. Decided as
// the idealized engine does: per-input counting where the goal allows, Z3
// otherwise; the policy found is re-checked with the reference evaluator.
#ifndef ALIGNCHECK_SOLVE_PRODUCT_SEARCH_H_
#define ALIGNCHECK_SOLVE_PRODUCT_SEARCH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/model.h"
#include "solve/engine_options.h"

namespace aligncheck {

struct ProductOutcome {
  enum class Kind { kNoViolation, kViolation, kUnknown };
  Kind kind = Kind::kUnknown;
  Policy policy;       // kViolation: violates the goal, re-checked
  std::string reason;  // kUnknown
};

/// Searches options[0] x options[1] x ... for a policy violating `goal`.
/// REQUIRES: options.size() is the goal's input domain size, every set is
/// non-empty, sorted, and within the output domain. May throw
/// z3::exception (CheckClaim catches it).
ProductOutcome FindViolationInProduct(
    const Model& model, const Goal& goal,
    const std::vector<std::vector<uint32_t>>& options,
    const EngineOptions& engine);

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_PRODUCT_SEARCH_H_
