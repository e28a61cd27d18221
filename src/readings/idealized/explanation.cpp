// Why an idealized claim holds: per-input minimizer sets and conditions.
#include "readings/idealized/explanation.h"

#include "solve/goal_shape.h"
#include "solve/near_minimizers.h"
#include "solve/option_truth.h"

namespace aligncheck {
namespace {

// Classifies P at input x of `nm` (exact minimizers) over all m outputs.
AtInput Classify(OptionTruth& truth, const NearMinimizers& nm, size_t x,
                 size_t m) {
  bool any_min_true = false, any_min_false = false;
  for (size_t k = nm.offset[x]; k < nm.offset[x + 1]; ++k) {
    (truth.At(x, nm.option[k]) ? any_min_true : any_min_false) = true;
  }
  if (any_min_true && any_min_false) return AtInput::kSome;
  bool any_true = false, any_false = false;
  for (uint32_t y = 0; y < m; ++y) {
    (truth.At(x, y) ? any_true : any_false) = true;
  }
  if (!any_false) return AtInput::kUnconstrained;
  if (!any_true) return AtInput::kNever;
  return any_min_true ? AtInput::kAllMinimizers : AtInput::kNoMinimizer;
}

}  // namespace

std::optional<PerInputExplanation> ExplainPerInput(const Model& model,
                                                   const Loss& loss,
                                                   const Data& data,
                                                   const Goal& goal) {
  const Rational zero = 0;
  NearMinimizers nm = BuildNearMinimizers(model, loss, data, &zero);
  PerInputExplanation out;
  out.inputs.resize(nm.inputs);
  for (size_t x = 0; x < nm.inputs; ++x) {
    out.inputs[x].weight = data.weights[x] / data.total;
    for (size_t k = nm.offset[x]; k < nm.offset[x + 1]; ++k) {
      out.inputs[x].minimizers.push_back(nm.option[k]);
    }
  }
  std::vector<Conjunct> conjuncts;
  SplitConjuncts(goal.body, false, &conjuncts);
  for (const Conjunct& c : conjuncts) {
    ConjunctShape shape = ClassifyConjunct(model, goal, c);
    if (!shape.error.empty()) return std::nullopt;
    if (shape.kind == ConjunctShape::Kind::kConstant) continue;
    if (shape.kind != ConjunctShape::Kind::kCount) return std::nullopt;
    ExplainedAtom atom;
    atom.span = c.expr->span;
    atom.negated = c.negated;
    atom.is_forall = shape.atom.is_forall;
    OptionTruth truth(model, goal, shape.atom, nm.best);
    for (size_t x = 0; x < nm.inputs; ++x) {
      AtInput a = Classify(truth, nm, x, nm.outputs);
      if (truth.failed()) return std::nullopt;
      atom.at.push_back(a);
      if (a == AtInput::kAllMinimizers || a == AtInput::kUnconstrained) {
        ++atom.forced_true;
      } else if (a == AtInput::kSome) {
        ++atom.free;
      }
    }
    // The argument is sound only if every reachable count is good; the
    // engine decided so, and the explanation must not claim otherwise.
    for (size_t k = atom.forced_true; k <= atom.forced_true + atom.free; ++k) {
      if (!shape.atom.good[k]) return std::nullopt;
    }
    out.atoms.push_back(std::move(atom));
  }
  return out;
}

}  // namespace aligncheck
