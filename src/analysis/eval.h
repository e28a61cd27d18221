// Exact evaluation of resolved expressions: the reference semantics that
// every engine's fast path, solver encoding and brute force must agree with.
#ifndef ALIGNCHECK_ANALYSIS_EVAL_H_
#define ALIGNCHECK_ANALYSIS_EVAL_H_

#include <string>
#include <vector>

#include "analysis/model.h"
#include "mdp/mdp.h"
#include "mdp/path_goal.h"

namespace aligncheck {

/// Evaluates expressions of one model. A policy may be bound (for goals);
/// expressions that apply the policy without one bound are a caller bug.
class Evaluator {
 public:
  explicit Evaluator(const Model& model, const Policy* policy = nullptr)
      : model_(model), policy_(policy) {}

  /// Returns the value of `e` with bound variables read from `env`
  /// (env[slot]). On a run-time error (division by zero) returns a
  /// default value and sets error() to a message located at the node.
  Value Eval(const RExpr& e, std::vector<Value>& env);

  /// The path formula of a kProb atom, its operands evaluated with the
  /// variables of `env` (a policy must be bound if they apply it).
  PathFormula Path(const RExpr& prob, std::vector<Value>& env);

  /// Marks the states where the policy does not act (an MDP's terminal
  /// states): there pi(s) has no value, and every comparison with it is
  /// false, as with `action` at a terminal position.
  void SetTerminal(const std::vector<bool>* terminal) { terminal_ = terminal; }

  /// Returns whether `goal` holds for the bound policy.
  bool GoalHolds(const Goal& goal);

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  Span error_span() const { return error_span_; }

 private:
  Value Binary(const RExpr& e, std::vector<Value>& env);
  bool Truth(const RExpr& e, std::vector<Value>& env);
  void Fail(const RExpr& e, std::string message);
  Value NoValueUse(const RExpr& e);
  Rational Return(const RExpr& e);
  Rational Probability(const RExpr& e, std::vector<Value>& env);

  const Model& model_;
  const Policy* policy_;
  const std::vector<bool>* terminal_ = nullptr;
  std::string error_;
  Span error_span_;
};

/// Whether `e` contains `return(...)` or `prob(...)`: an atom about runs of
/// an MDP, which only the MDP reading evaluates.
bool UsesRuns(const RExpr& e);

/// The reward of `m`'s transitions that `loss` (over its states and
/// actions) pays, as written (not negated for a loss).
Reward TransitionReward(const Mdp& m, const Loss& loss);

/// Returns whether two values of the same type are equal.
bool ValuesEqual(const Value& a, const Value& b);

/// Returns L_D(policy) = sum_x (w(x) / total) * l(x, policy[x]), exactly.
Rational ExpectedLoss(const Model& model, const Loss& loss, const Data& data,
                      const Policy& policy);

}  // namespace aligncheck

#endif  // ALIGNCHECK_ANALYSIS_EVAL_H_
