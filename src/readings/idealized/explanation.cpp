// Why an idealized claim holds: per-input minimizer sets and conditions.
#include "readings/idealized/explanation.h"

#include <algorithm>

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

// The least excess of an option of x satisfying P (`want`), or nullopt.
std::optional<Rational> Cheapest(OptionTruth& truth, const NearMinimizers& nm,
                                 size_t x, bool want) {
  std::optional<Rational> best;
  for (size_t k = nm.offset[x]; k < nm.offset[x + 1]; ++k) {
    if (truth.At(x, nm.option[k]) != want) continue;
    Rational e = nm.Excess(x, k);
    if (!best || e < *best) best = e;
  }
  return best;
}

// The least excess of a policy in the product of option sets whose count
// is one `good` forbids, or nullopt when none is; as DecideCountAtom.
std::optional<Rational> LeastForbiddenCost(OptionTruth& truth,
                                           const NearMinimizers& nm,
                                           const std::vector<char>& good) {
  size_t forced = 0;
  Rational cost = 0;
  std::vector<Rational> deltas;
  for (size_t x = 0; x < nm.inputs; ++x) {
    std::optional<Rational> t = Cheapest(truth, nm, x, true);
    std::optional<Rational> f = Cheapest(truth, nm, x, false);
    if (!f) {
      ++forced;
      cost += *t;
    } else if (!t) {
      cost += *f;
    } else {
      cost += *f;
      deltas.push_back(*t - *f);
    }
  }
  std::sort(deltas.begin(), deltas.end());
  std::optional<Rational> least;
  for (size_t i = 0; i <= deltas.size(); ++i) {
    if (i > 0) cost += deltas[i - 1];
    if (good[forced + i]) continue;
    if (!least || cost < *least) least = cost;
  }
  return least;
}

}  // namespace

std::optional<PerInputExplanation> ExplainPerInput(const Model& model,
                                                   const Loss& loss,
                                                   const Data& data,
                                                   const Goal& goal,
                                                   const Rational& eps) {
  NearMinimizers nm = BuildNearMinimizers(model, loss, data, &eps);
  PerInputExplanation out;
  out.eps = eps;
  out.inputs.resize(nm.inputs);
  for (size_t x = 0; x < nm.inputs; ++x) {
    out.inputs[x].weight = data.weights[x] / data.total;
    for (size_t k = nm.offset[x]; k < nm.offset[x + 1]; ++k) {
      out.inputs[x].minimizers.push_back(nm.option[k]);
      out.inputs[x].excess.push_back(nm.Excess(x, k));
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
    // The argument is sound only if every reachable count is good, or
    // within eps every forbidden one costs more than eps; the engine decided
    // so, and the explanation must not claim otherwise.
    for (size_t k = atom.forced_true; k <= atom.forced_true + atom.free; ++k) {
      if (!shape.atom.good[k]) atom.needs_budget = true;
    }
    if (atom.needs_budget) {
      if (!nm.HasBudget()) return std::nullopt;
      std::optional<Rational> least =
          LeastForbiddenCost(truth, nm, shape.atom.good);
      if (truth.failed() || !least || *least <= eps) return std::nullopt;
      atom.least_forbidden_cost = *least;
    }
    out.atoms.push_back(std::move(atom));
  }
  return out;
}

}  // namespace aligncheck
