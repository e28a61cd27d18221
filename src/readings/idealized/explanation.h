// Why an idealized claim holds, when it was decided by per-input counting:
// per input the exact minimizer set and, per count atom of the goal,
// whether every minimizer meets the atom's condition there.
//
// With exact minimizers (no `within`) a policy is a minimizer iff it picks
// an argmin output at every input, independently. So a count atom
// "count of x with P(x, pi(x)) in G" holds for every minimizer iff every
// count from (#inputs where all argmins satisfy P) to that plus (#inputs
// where the argmins disagree) lies in G. That is the argument recorded here.
//
// Within eps the option set O(x) of x is the outputs whose excess alone is at
// most eps, and the options of different inputs share the budget. The same
// classification over O(x) gives the range of counts; a count in it that G
// forbids is then ruled out by the budget, and the explanation records the
// least excess any policy reaching such a count has (above eps).
#ifndef ALIGNCHECK_READINGS_IDEALIZED_EXPLANATION_H_
#define ALIGNCHECK_READINGS_IDEALIZED_EXPLANATION_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/model.h"
#include "solve/z3_search.h"
#include "util/source_file.h"

namespace aligncheck {

/// The condition P of one count atom at one input.
enum class AtInput : uint8_t {
  kAllMinimizers,  // every minimizer satisfies P (and some output does not)
  kNoMinimizer,    // no minimizer satisfies P
  kSome,           // the minimizers disagree
  kUnconstrained,  // every output satisfies P: the goal does not constrain x
  kNever,          // no output satisfies P
};

/// One count atom (goal conjunct) of the goal.
struct ExplainedAtom {
  Span span;             // the conjunct in the spec
  bool negated = false;  // the conjunct is `not` of the quantifier or count
  bool is_forall = false;
  /// Counts of inputs by AtInput and the range of counts a minimizer gets.
  size_t forced_true = 0;   // kAllMinimizers + kUnconstrained
  size_t free = 0;          // kSome
  std::vector<AtInput> at;  // per input
  /// Within eps: some count in the range is forbidden, and reaching one
  /// costs at least `least_forbidden_cost` (> eps).
  bool needs_budget = false;
  Rational least_forbidden_cost;
};

struct ExplainedInput {
  Rational weight;                   // w(x) / W
  std::vector<uint32_t> minimizers;  // O(x): the options, increasing
  std::vector<Rational> excess;      // e(x, y) per option (0 for argmins)
};

struct PerInputExplanation {
  Rational eps;  // the claim's `within` (0: exact minimizers)
  std::vector<ExplainedInput> inputs;
  std::vector<ExplainedAtom> atoms;
};

/// How one conjunct of the goal was shown to hold for every minimizer.
struct DecidedConjunct {
  enum class How { kConstant, kCounting, kSolver };
  How how = How::kSolver;
  Span span;
  bool negated = false;
  UnsatCore core;  // kSolver: what the unsat query needed, when tracked
};

/// A HOLDS verdict that used the solver: every conjunct and how it held.
struct SolverExplanation {
  bool tracked = false;  // the searches tracked their parts (--explain)
  std::vector<DecidedConjunct> conjuncts;
};

/// Why a claim over a hypothesis class holds: the class's minimum of L_D
/// and its minimizers, all of which meet the goal; and, when the same claim
/// fails over all policies, a violating minimizer outside the class, which
/// shows that the verdict rests on the class.
struct ClassExplanation {
  Rational min_loss;        // min over the class of L_D (minimized loss)
  size_t minimizers = 0;    // class members within eps of it, enumerated
  std::vector<Policy> listed;  // the first few of them, in enumeration order
  /// A policy within eps of the minimum over all policies that violates the
  /// goal (re-checked exactly); it cannot be in the class.
  std::optional<Policy> outside;
  /// What the same claim gives over all policies: it fails (and `outside`
  /// is set), it holds too, or the check, or whether the violating
  /// minimizer is in the class, was undecided within the limits.
  enum class AllPolicies { kFails, kHolds, kUndecided };
  AllPolicies all_policies = AllPolicies::kHolds;
  Rational outside_loss;         // L_D(outside)
  std::vector<int8_t> breaks;    // as IdealizedCounterexample::breaks
  /// With --explain: inputs whose strict-argmax constraints for `outside`
  /// cannot hold together (an unsat core, not necessarily minimal), sorted.
  bool core_extracted = false;
  std::vector<size_t> conflict_inputs;
};

/// Returns the per-input argument for a HOLDS verdict of `goal` over the
/// policies within `eps` of the minimum of `loss` (already minimized: a
/// reward negated) under `data`, or nullopt when some conjunct of the goal
/// is not a per-input count atom or a condition cannot be evaluated.
/// REQUIRES: the problem passed the idealized engine's validation.
std::optional<PerInputExplanation> ExplainPerInput(const Model& model,
                                                   const Loss& loss,
                                                   const Data& data,
                                                   const Goal& goal,
                                                   const Rational& eps = 0);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_IDEALIZED_EXPLANATION_H_
