// Idealized claims over the hypothesis class linear(f1, ..., fK): the
// policies pi(x) = argmax_y sum_k theta[y][k] f_k(x) for some real theta,
// with a strict argmax at every input (a tie picks no output, so a theta
// with ties induces no policy). Strict inequalities of a homogeneous score
// are scale-free, so membership is "margin >= 1", linear real arithmetic.
//
// Z3 first finds min_H L_D by descent (a class member, then "loss < that"
// until unsat), then enumerates the members within eps of it with blocking
// clauses, each checked against the goal by the exact evaluator. The class
// is what the idealization assumes about inductive bias: the same loss and
// goal may hold in one class and fail in another.
#ifndef ALIGNCHECK_READINGS_IDEALIZED_HYPOTHESIS_CLASS_H_
#define ALIGNCHECK_READINGS_IDEALIZED_HYPOTHESIS_CLASS_H_

#include <cstddef>
#include <optional>
#include <vector>

#include "analysis/model.h"
#include "solve/engine_options.h"
#include "readings/verdict.h"

namespace aligncheck {

/// Near-minimizers enumerated in a class before giving up (UNKNOWN unless a
/// violation was already found).
inline constexpr size_t kMaxClassPolicies = 5000;

/// Returns parameters under which `policy` is the strict argmax of the
/// linear score over `features` (fn ids, each X -> Real), or nullopt when
/// there are none. Decided by Z3; throws z3::exception on solver errors and
/// std::runtime_error when the solver gives up.
std::optional<LinearWitness> LinearWitnessFor(const Model& model,
                                              const std::vector<int>& features,
                                              size_t outputs,
                                              const Policy& policy,
                                              const EngineOptions& options);

/// Whether a policy is in the class, and if not, why.
struct ClassMembership {
  std::optional<LinearWitness> witness;  // set iff the policy is a member
  /// Not a member, with `track`: the inputs whose strict-argmax constraints
  /// cannot hold together (an unsat core over one tracked assertion per
  /// input, not necessarily minimal), sorted.
  bool core_extracted = false;
  std::vector<size_t> conflict_inputs;
};

/// Decides whether `policy` is in linear(features); with `track` each
/// input's strict-argmax constraint is a named assertion and a non-member
/// gets its unsat core. A witness is re-checked exactly (IsStrictArgmax).
/// Throws as LinearWitnessFor.
ClassMembership DecideMembership(const Model& model,
                                 const std::vector<int>& features,
                                 size_t outputs, const Policy& policy,
                                 const EngineOptions& options, bool track);

/// Class minimizers a HOLDS explanation lists before "and N more".
inline constexpr size_t kMaxListedClassMinimizers = 3;

/// Returns whether `theta` makes `policy` the strict argmax, exactly.
bool IsStrictArgmax(const Model& model, const std::vector<int>& features,
                    const std::vector<std::vector<Rational>>& theta,
                    const Policy& policy);

/// Checks an idealized claim whose hypothesis class is linear(...).
/// May throw z3::exception (CheckClaim catches it).
Verdict CheckLinearClass(const Model& model, const Claim& claim,
                         const EngineOptions& options);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_IDEALIZED_HYPOTHESIS_CLASS_H_
