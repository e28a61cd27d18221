// The limits every solver query runs under: seed, resource limit, wall-clock
// timeout and Z3's memory, and how Z3's "unknown" maps back to them.
//
// Memory is watched, not capped: Z3 4.8.12's own `memory_max_size` aborts
// the process (an out_of_memory_error escapes Z3_solver_check, and a context
// made under a small cap is null), so a query instead polls Z3's allocation
// estimate and interrupts its context past the limit, like a timeout.
#ifndef ALIGNCHECK_SOLVE_SOLVER_BUDGET_H_
#define ALIGNCHECK_SOLVE_SOLVER_BUDGET_H_

#include <z3++.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "solve/engine_options.h"

namespace aligncheck {

/// One per z3::context, alive while the context is used. With
/// options.max_memory_mb > 0 a watcher thread interrupts the context when
/// Z3's memory (all contexts of the process together) passes the limit.
class SolverBudget {
 public:
  SolverBudget(z3::context& ctx, const EngineOptions& options);
  ~SolverBudget();
  SolverBudget(const SolverBudget&) = delete;
  SolverBudget& operator=(const SolverBudget&) = delete;

  /// Sets the seed, rlimit and timeout of `s`.
  void Configure(z3::solver& s) const;

  /// Runs s.check(), timing it: Z3 4.8.12 reports both a timeout and an
  /// exhausted rlimit as "canceled", and only the time tells them apart.
  z3::check_result Check(z3::solver& s);

  /// Returns why a query answered unknown, given Z3's reason_unknown().
  std::string UnknownReason(const std::string& z3_reason) const;

  /// Returns the reason for a z3::exception raised by a query.
  std::string ErrorReason(const z3::exception& e) const;

  bool memory_exceeded() const { return memory_exceeded_; }

 private:
  void Watch();

  z3::context& ctx_;
  const EngineOptions& options_;
  std::atomic<bool> memory_exceeded_{false};
  uint64_t last_check_ms_ = 0;
  std::mutex mutex_;
  std::condition_variable stop_signal_;
  bool stop_ = false;
  std::thread watcher_;
};

/// The UNKNOWN reason when the memory limit of `options` was reached.
std::string MemoryLimitReason(const EngineOptions& options);

/// Writes the query of `s` to `path` as SMT-LIB 2 ending in `(check-sat)`,
/// for replay with `z3`, after `header` as `;` comment lines (what the
/// query asks and what sat and unsat mean for the verdict). Returns "", or
/// the UNKNOWN reason when the file cannot be written.
std::string WriteQuery(z3::solver& s, const std::string& path,
                       const std::string& header = "");

/// Checks the search query `s` for `out` (any outcome with `kind` kNone or
/// kUnknown and a `reason`). Returns true when it is sat, its model to be
/// read; otherwise `out` says none found (unsat), or unknown and why.
template <typename Outcome>
bool CheckSearch(SolverBudget& budget, z3::solver& s, Outcome& out) {
  switch (budget.Check(s)) {
    case z3::unsat:
      out.kind = Outcome::Kind::kNone;
      return false;
    case z3::unknown:
      out.reason = budget.UnknownReason(s.reason_unknown());
      return false;
    case z3::sat:
      break;
  }
  return true;
}

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_SOLVER_BUDGET_H_
