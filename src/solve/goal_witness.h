// Why a policy violates a goal that couples inputs: the values of the count
// and sum atoms that break it, and the bound variables of the quantifiers
// whose instance breaks it, found by exact evaluation.
#ifndef ALIGNCHECK_SOLVE_GOAL_WITNESS_H_
#define ALIGNCHECK_SOLVE_GOAL_WITNESS_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "analysis/model.h"

namespace aligncheck {

struct GoalWitness {
  /// A broken comparison of counts or sums, as written, with the values
  /// on this policy: "(count x in X: pi(x) == a) = 3 > 2".
  std::vector<std::string> values;
  /// The quantified variables of the breaking instance, outermost first:
  /// ("u", "romance"), ("v", "scifi").
  std::vector<std::pair<std::string, std::string>> assignment;
  /// The goal's inputs (indices into its input domain) that make up the
  /// witness, each with its part: a variable name, "counted", or "term 4"
  /// (its non-zero term in a sum);
  /// each input once, in the order found.
  std::vector<std::pair<size_t, std::string>> inputs;

  bool empty() const { return values.empty() && assignment.empty(); }
};

/// Explains why `policy` violates `goal`: follows the formula from the top
/// to the parts that are false (under `not`, true), choosing the first
/// breaking instance of each quantifier and recording each broken
/// comparison that involves a count or a sum. Empty when the goal holds,
/// when evaluation fails, or when no such part exists (a false `exists`
/// has no single witness).
GoalWitness ExplainViolation(const Model& model, const Goal& goal,
                             const Policy& policy);

/// "the violating value: x = a", "the violating pair: u = a, v = b", or
/// "the violating assignment: ..." for three or more; "" when empty.
std::string AssignmentSentence(const GoalWitness& witness);

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_GOAL_WITNESS_H_
