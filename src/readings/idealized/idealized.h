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
#include <optional>
#include <string>

#include "analysis/model.h"
#include "solve/engine_options.h"
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

/// One idealized question: does every policy whose expected `loss` on
/// `data` is within `within` of the minimum satisfy `goal`? For a reward,
/// within `within` of the maximum: the engine minimizes the loss -r, and the
/// counterexample's expected and minimum loss are in units of -r. The parts
/// need not belong to `context`, which only supplies the domains and functions
/// they refer to: another reading, or a lint rule, asks its own question
/// without adding declarations to the model.
struct IdealizedProblem {
  const Model* context = nullptr;
  const Loss* loss = nullptr;
  const Data* data = nullptr;
  const Goal* goal = nullptr;
  Rational within = 0;  // 0: exact minimizers
  std::string name;     // names dumped solver queries
};

/// The question an idealized claim asks, or nullopt when the claim refers
/// to a missing loss, goal or data.
std::optional<IdealizedProblem> IdealizedProblemFor(const Model& model,
                                                    const Claim& claim);

/// Checks an idealized question with the empty hypothesis class. May throw
/// z3::exception or std::exception (CheckClaim catches them).
Verdict CheckIdealized(const IdealizedProblem& problem,
                       const EngineOptions& options,
                       const IdealizedConfig& config = {});

/// CheckIdealized on the question of `claim`.
/// REQUIRES: claim.reading == kIdealized.
Verdict CheckIdealized(const Model& model, const Claim& claim,
                       const EngineOptions& options,
                       const IdealizedConfig& config = {});

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_IDEALIZED_IDEALIZED_H_
