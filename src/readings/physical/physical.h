// The physical_only engine: does every behaviour (policy plus channel use)
// whose register reads at most T achieve the goal?
//
// Exact registers are solved per channel subset: the reading is then
// separable, sum_x w(x)/total * term(x, pi(x)), so "reads at most T" is
// "a near-minimizer of that sum within T - min", which the idealized engine
// decides (per-input counting, knapsack, Z3). Machine registers wrap, which
// is not separable: their behaviours are enumerated, or past the limit
// searched with Z3 bit-vectors (goals of per-input count atoms), and every
// counterexample's reading is recomputed with Z3 bit-vectors. Every
// counterexample is re-checked with the reference evaluator.
#ifndef ALIGNCHECK_READINGS_PHYSICAL_PHYSICAL_H_
#define ALIGNCHECK_READINGS_PHYSICAL_PHYSICAL_H_

#include <cstdint>
#include <optional>
#include <string>

#include "analysis/model.h"
#include "readings/physical/behaviour_enum.h"
#include "solve/engine_options.h"
#include "readings/verdict.h"

namespace aligncheck {

struct PhysicalConfig {
  /// Enumerate behaviours even for exact registers (tests compare paths).
  bool force_enumeration = false;
  uint64_t max_behaviours = kMaxEnumeratedBehaviours;
  /// Prefix of the --dump-smt2 files (the claim's name).
  std::string query_name = "physical";
};

/// Decides whether every behaviour of `model.physical[physical]` whose
/// reading is at most `bound` (no bound: equal to the least reading, i.e.
/// the register-caring agent's optimum) satisfies goal `goal`.
/// `intended_loss` (or -1) is reported, computed exactly, next to the
/// reading of a counterexample. May throw z3::exception.
Verdict CheckRegisterBound(const Model& model, int physical, int goal,
                           int intended_loss,
                           const std::optional<Rational>& bound,
                           const EngineOptions& options,
                           const PhysicalConfig& config = {});

/// Checks a physical_only claim. REQUIRES: claim.reading == kPhysical.
Verdict CheckPhysical(const Model& model, const Claim& claim,
                      const EngineOptions& options,
                      const PhysicalConfig& config = {});

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_PHYSICAL_PHYSICAL_H_
