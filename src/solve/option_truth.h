// The truth of a count atom's predicate P(x, pi(x)) for one input and one
// output, without evaluating the same question twice.
//
// Most per-input goals read x only through pi(x) (`pi(x) != y0`,
// `pi(x) in {a, b}`): then P(x, y) is Q(y), the same for every input, and
// Q is evaluated once per output instead of once per (input, output). Other
// predicates are evaluated every time. Either way the reference Evaluator
// decides every answer, so both paths agree by construction; the tests
// compare them anyway.
#ifndef ALIGNCHECK_SOLVE_OPTION_TRUTH_H_
#define ALIGNCHECK_SOLVE_OPTION_TRUTH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/eval.h"
#include "analysis/model.h"
#include "solve/goal_shape.h"

namespace aligncheck {

class OptionTruth {
 public:
  /// `base` is the policy at the inputs P does not look at.
  /// REQUIRES: base.size() == |goal.input|; `atom` outlives this.
  OptionTruth(const Model& model, const Goal& goal, const CountAtom& atom,
              const Policy& base, bool share_across_inputs = true);

  /// Returns P(x, y). On an evaluation error returns false and sets error().
  bool At(size_t x, uint32_t y);

  bool failed() const { return ev_.failed(); }
  const std::string& error() const { return ev_.error(); }
  /// Q(y) is shared by every input.
  bool shared() const { return shared_; }

 private:
  bool Evaluate(size_t x, uint32_t y);

  const Goal& goal_;
  const CountAtom& atom_;
  Policy scratch_;
  Evaluator ev_;
  std::vector<Value> env_;
  bool shared_ = false;
  std::vector<int8_t> by_output_;  // -1: not evaluated yet
};

/// Returns whether `e` reads the variable in `slot` only as pi's argument.
bool ReadsSlotOnlyThroughPolicy(const RExpr& e, int slot);

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_OPTION_TRUTH_H_
