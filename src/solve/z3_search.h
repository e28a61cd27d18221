// The solver path: ask Z3 for a near-minimizer that falsifies a formula.
//
// Encoding (one z3::context per query): a Bool b[x][k] for each option k of
// each input x that the formula's grounding reaches (an input with a single
// option needs none), exactly one per input (a clause plus a cardinality
// `atmost 1`), and, when some reached option costs, the budget
// sum ite(b, e, 0) <= eps in linear real arithmetic. The formula is grounded
// over the finite domains (quantifiers expanded, pi-free subterms evaluated
// exactly), element-valued terms kept as guarded alternatives, counts
// compared with constants as cardinality constraints, and asserted negated.
// Inputs the formula never reaches take a zero-excess option. A tracked
// query (--explain, for its unsat core) has a Bool per output instead, and
// the option sets and the budget become named parts (see UnsatCore).
#ifndef ALIGNCHECK_SOLVE_Z3_SEARCH_H_
#define ALIGNCHECK_SOLVE_Z3_SEARCH_H_

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/model.h"
#include "solve/engine_options.h"
#include "solve/goal_shape.h"
#include "solve/near_minimizers.h"

namespace aligncheck {

/// Grounding stops past this many built terms: the query is refused
/// (UNKNOWN) rather than built.
inline constexpr size_t kMaxGroundNodes = 5'000'000;

/// Which tracked parts of a search query its unsat core kept (not
/// necessarily a minimal core). A tracked query lets pi(x) range over every
/// output and asserts, each under its own name, the goal conjunct, per input
/// x "row x: pi(x) is one of the (near-)minimizing outputs of row x of the
/// loss table", per input with costly outputs "weight x: deviating at x
/// costs w(x) / W times the loss gap", and the budget "the costs sum to at
/// most eps".
struct UnsatCore {
  bool extracted = false;
  bool goal = false;    // the negated goal conjunct
  bool budget = false;  // the near-minimizer budget (within)
  std::vector<size_t> rows;     // loss-table rows the proof needed, sorted
  std::vector<size_t> weights;  // data weights the proof needed, sorted
  /// Inputs whose pi(x) the grounded goal reads, sorted; filled for every
  /// unsat query, tracked or not.
  std::vector<size_t> read_inputs;
};

struct SearchOutcome {
  enum class Kind { kFound, kNone, kUnknown };
  Kind kind = Kind::kUnknown;
  Policy policy;          // kFound
  std::string reason;     // kUnknown
  std::string dump_path;  // the query file written, if any
  /// kNone: `read_inputs` always, the rest with options.unsat_core.
  UnsatCore core;
};

/// Searches for a policy in `nm` under which `c` is false. When `dump_path`
/// is non-empty the query is written there first (SMT-LIB 2 with
/// check-sat); failing to write it is an UNKNOWN. With options.unsat_core
/// the query is tracked; a tracked query that ends UNKNOWN (its grounding
/// over every output is larger) is asked again untracked, so tracking never
/// changes a verdict. Never throws.
SearchOutcome SearchViolation(const Model& model, const Goal& goal,
                              const NearMinimizers& nm, const Conjunct& c,
                              const EngineOptions& options,
                              const std::string& dump_path,
                              size_t max_nodes = kMaxGroundNodes);

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_Z3_SEARCH_H_
