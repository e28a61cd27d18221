// The limits and settings every engine takes: solver budget, seeds, caps.
#ifndef ALIGNCHECK_SOLVE_ENGINE_OPTIONS_H_
#define ALIGNCHECK_SOLVE_ENGINE_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <string>

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
  /// Track the parts of every solver search and report the unsat core of
  /// the queries that are unsat (--explain).
  bool unsat_core = false;
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_ENGINE_OPTIONS_H_
