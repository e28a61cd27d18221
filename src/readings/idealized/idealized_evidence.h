// What an idealized check attaches to a Verdict: how many (near-)minimizers
// the loss has, a minimizer that breaks the goal, and for a hypothesis class
// the parameters inducing it; plus the minimizer census.
#ifndef ALIGNCHECK_READINGS_IDEALIZED_IDEALIZED_EVIDENCE_H_
#define ALIGNCHECK_READINGS_IDEALIZED_IDEALIZED_EVIDENCE_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/model.h"
#include "readings/idealized/explanation.h"
#include "solve/census.h"
#include "util/rational.h"

namespace aligncheck {

/// Evidence that an idealized claim fails: a policy that is a
/// (near-)minimizer of L_D and violates the goal, re-checked exactly.
struct IdealizedCounterexample {
  Policy policy;
  Rational expected_loss;  // L_D(policy)
  Rational min_loss;       // min over all policies of L_D
  /// Per input: 1 where the goal breaks at that input, 0 where it is met
  /// there, -1 where the goal is not a per-input statement about that input.
  std::vector<int8_t> breaks;
};

/// Parameters of an argmax-of-linear-score policy and the policy they induce.
struct LinearWitness {
  /// theta[y][k]: the weight of feature k in the score of output y.
  std::vector<std::vector<Rational>> theta;
  Policy policy;
};

struct IdealizedEvidence {
  /// Number of (near-)minimizers; exact unless `minimizers_capped`, when it
  /// is a lower bound.
  std::optional<BigInt> minimizers;
  bool minimizers_capped = false;
  std::optional<IdealizedCounterexample> counterexample;  // kFails
  /// Claims over a hypothesis class: the counterexample's parameters.
  std::optional<LinearWitness> witness;
  /// Idealized claims: the minimizer census.
  std::optional<Census> census;
  /// HOLDS by per-input counting over exact minimizers: why.
  std::optional<PerInputExplanation> explanation;
  /// HOLDS with the solver's help: per conjunct how it held.
  std::optional<SolverExplanation> solver_explanation;
  /// HOLDS over a hypothesis class: the class minimum and what rests on it.
  std::optional<ClassExplanation> class_explanation;
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_IDEALIZED_IDEALIZED_EVIDENCE_H_
