// The idealized-minimizer engine: does every (near-)minimizer of L_D over
// all deterministic policies satisfy the goal?
//
// The goal is split into conjuncts (not pushed through not/and/or/implies);
// it is violated iff one conjunct is. Per-input count atoms (forall, exists,
// count comparisons over a predicate of x and pi(x)) are decided by
// per-input counting, everything else by Z3. Every counterexample is
// re-checked with the reference evaluator before it is returned.
#ifndef ALIGNCHECK_READINGS_IDEALIZED_IDEALIZED_H_
#define ALIGNCHECK_READINGS_IDEALIZED_IDEALIZED_H_

#include <cstddef>

#include "analysis/model.h"
#include "readings/check.h"
#include "readings/verdict.h"
#include "solve/z3_search.h"

namespace aligncheck {

/// Knobs that tests use to compare the two paths; the defaults are what
/// CheckClaim uses.
struct IdealizedConfig {
  bool force_solver = false;  // decide count atoms with Z3 too
  bool check_vacuity = true;
  size_t max_ground_nodes = kMaxGroundNodes;
};

/// Checks an idealized claim with the empty hypothesis class.
/// REQUIRES: claim.reading == kIdealized. May throw z3::exception or
/// std::exception (CheckClaim catches them).
Verdict CheckIdealized(const Model& model, const Claim& claim,
                       const EngineOptions& options,
                       const IdealizedConfig& config = {});

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_IDEALIZED_IDEALIZED_H_
