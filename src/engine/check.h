// Entry point of the engines: one claim of a resolved model in, a verdict out.
#ifndef ALIGNCHECK_ENGINE_CHECK_H_
#define ALIGNCHECK_ENGINE_CHECK_H_

#include <cstdint>
#include <string>

#include "analysis/model.h"
#include "engine/verdict.h"

namespace aligncheck {

struct EngineOptions {
  /// Z3 resource limit per query (deterministic); hitting it gives UNKNOWN.
  uint64_t rlimit = 50'000'000;
  /// Wall-clock safety net per query, in milliseconds; 0 = none.
  unsigned timeout_ms = 60'000;
  /// Safety net on Z3's memory, all running queries together, in MiB; a
  /// query that runs past it is UNKNOWN. 0 = none.
  uint64_t max_memory_mb = 4096;
  /// Solver random seed; fixed so output is reproducible.
  unsigned seed = 0;
  /// When non-empty, every solver query is written there as SMT-LIB 2.
  std::string dump_smt2_dir;
  /// Upper bound on the work of counting near-minimizers (distinct partial
  /// excess sums kept); beyond it the count is reported as a lower bound.
  size_t count_cap = 100'000;
  /// Training runs are refused (UNKNOWN) past this many score-gradient
  /// multiply-adds summed over all seeds and steps.
  uint64_t max_training_work = 2'000'000'000;
};

/// Checks `claim` of `model`. Never throws: solver errors and limits become
/// an UNKNOWN verdict with the reason.
Verdict CheckClaim(const Model& model, const Claim& claim,
                   const EngineOptions& options);

}  // namespace aligncheck

#endif  // ALIGNCHECK_ENGINE_CHECK_H_
