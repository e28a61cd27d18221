// Violations in a product of option sets, by counting or by Z3.
#include "solve/product_search.h"

#include "analysis/eval.h"
#include "solve/goal_shape.h"
#include "solve/near_minimizers.h"
#include "solve/per_input.h"
#include "solve/z3_search.h"

namespace aligncheck {
namespace {

ProductOutcome Unknown(std::string reason) {
  ProductOutcome out;
  out.reason = std::move(reason);
  return out;
}

// Evaluates the goal for one policy exactly.
ProductOutcome Evaluate(const Model& model, const Goal& goal,
                        const Policy& pi) {
  Evaluator ev(model, &pi);
  bool holds = ev.GoalHolds(goal);
  if (ev.failed()) return Unknown("goal evaluation: " + ev.error());
  ProductOutcome out;
  out.kind = holds ? ProductOutcome::Kind::kNoViolation
                   : ProductOutcome::Kind::kViolation;
  if (!holds) out.policy = pi;
  return out;
}

}  // namespace

ProductOutcome FindViolationInProduct(
    const Model& model, const Goal& goal,
    const std::vector<std::vector<uint32_t>>& options,
    const EngineOptions& engine) {
  const size_t n = options.size();
  const size_t m = model.domains[goal.output].size();
  bool single = true;
  Policy first(n);
  for (size_t x = 0; x < n; ++x) {
    if (options[x].empty()) return Unknown("internal: empty option set");
    first[x] = options[x][0];
    single = single && options[x].size() == 1;
  }
  if (single) return Evaluate(model, goal, first);

  // Option sets without a budget: every combination is allowed.
  DenseTable zeros(n * m);
  NearMinimizers nm;
  nm.inputs = n;
  nm.outputs = m;
  nm.losses = &zeros;
  nm.scale.assign(n, Rational(0));
  nm.best = first;
  for (size_t x = 0; x < n; ++x) {
    nm.offset.push_back(nm.option.size());
    for (uint32_t y : options[x]) nm.option.push_back(y);
  }
  nm.offset.push_back(nm.option.size());

  std::vector<Conjunct> conjuncts;
  SplitConjuncts(goal.body, false, &conjuncts);
  std::string unknown;
  for (const Conjunct& c : conjuncts) {
    ConjunctShape shape = ClassifyConjunct(model, goal, c);
    if (!shape.error.empty()) return Unknown("goal evaluation: " + shape.error);
    Policy found;
    bool violated = false;
    if (shape.kind == ConjunctShape::Kind::kConstant) {
      violated = !shape.constant;
      found = first;
    } else if (shape.kind == ConjunctShape::Kind::kCount) {
      AtomDecision a = DecideCountAtom(model, goal, nm, shape.atom);
      if (!a.error.empty()) return Unknown("goal evaluation: " + a.error);
      violated = a.violated;
      found = std::move(a.policy);
    } else {
      SearchOutcome s = SearchViolation(model, goal, nm, c, engine, "");
      if (s.kind == SearchOutcome::Kind::kUnknown) {
        if (unknown.empty()) unknown = s.reason;
        continue;
      }
      violated = s.kind == SearchOutcome::Kind::kFound;
      found = std::move(s.policy);
    }
    if (!violated) continue;
    // Re-check: the policy must lie in the product and violate the goal.
    bool inside = found.size() == n;
    for (size_t x = 0; inside && x < n; ++x) {
      inside = false;
      for (uint32_t y : options[x]) inside = inside || y == found[x];
    }
    if (!inside) return Unknown("internal: violation outside the option sets");
    ProductOutcome out = Evaluate(model, goal, found);
    if (out.kind != ProductOutcome::Kind::kViolation) {
      return Unknown("internal: violation failed re-check");
    }
    return out;
  }
  if (!unknown.empty()) return Unknown(unknown);
  ProductOutcome out;
  out.kind = ProductOutcome::Kind::kNoViolation;
  return out;
}

}  // namespace aligncheck
