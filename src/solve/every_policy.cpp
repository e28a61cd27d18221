// Every-policy questions decided by per-input counting, without a table.
#include "solve/every_policy.h"

#include <exception>
#include <vector>

#include "solve/goal_shape.h"
#include "solve/near_minimizers.h"
#include "solve/per_input.h"

namespace aligncheck {
namespace {

// The option sets BuildNearMinimizers gives an all-zero loss: every output
// of every input, nothing costs anything.
NearMinimizers AllPolicies(size_t inputs, size_t outputs) {
  NearMinimizers nm;
  nm.inputs = inputs;
  nm.outputs = outputs;
  nm.eps = 0;
  nm.best.assign(inputs, 0);
  nm.scale.assign(inputs, Rational(0));
  nm.offset.reserve(inputs + 1);
  nm.option.reserve(inputs * outputs);
  for (size_t x = 0; x < inputs; ++x) {
    nm.offset.push_back(nm.option.size());
    for (size_t y = 0; y < outputs; ++y) {
      nm.option.push_back(static_cast<uint32_t>(y));
    }
  }
  nm.offset.push_back(nm.option.size());
  return nm;
}

}  // namespace

std::optional<bool> EveryPolicyMeets(const Model& model, const Goal& goal,
                                     bool negate) {
  try {
    std::vector<Conjunct> conjuncts;
    SplitConjuncts(goal.body, negate, &conjuncts);
    std::vector<ConjunctShape> shapes;
    for (const Conjunct& c : conjuncts) {
      shapes.push_back(ClassifyConjunct(model, goal, c));
      const ConjunctShape& shape = shapes.back();
      // An error makes the engine's verdict UNKNOWN: not "every policy".
      if (!shape.error.empty()) return false;
      if (shape.kind == ConjunctShape::Kind::kOther) return std::nullopt;
    }
    const size_t n = model.domains[goal.input].size();
    const size_t m = model.domains[goal.output].size();
    if (n == 0 || m == 0) return std::nullopt;
    NearMinimizers nm;
    for (const ConjunctShape& shape : shapes) {
      if (shape.kind == ConjunctShape::Kind::kConstant) {
        if (!shape.constant) return false;
        continue;
      }
      if (nm.inputs == 0) nm = AllPolicies(n, m);
      AtomDecision d = DecideCountAtom(model, goal, nm, shape.atom);
      if (!d.error.empty() || d.violated) return false;
    }
    return true;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace aligncheck
