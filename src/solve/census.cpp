// Counting minimizers and the ones that violate the goal.
#include "solve/census.h"

#include <fmt/format.h>

#include <functional>

#include "analysis/eval.h"
#include "solve/count_poly.h"
#include "solve/goal_shape.h"
#include "solve/near_minimizers.h"
#include "solve/option_truth.h"

namespace aligncheck {
namespace {

Census NotCounted(std::string why) {
  Census c;
  c.why = std::move(why);
  return c;
}

// Per input, whether each option satisfies the atom's predicate P.
bool OptionTruths(const Model& model, const Goal& goal,
                  const NearMinimizers& nm, const CountAtom& atom,
                  std::vector<std::vector<char>>* truth, std::string* error) {
  OptionTruth option_truth(model, goal, atom, nm.best);
  truth->assign(nm.inputs, {});
  for (size_t x = 0; x < nm.inputs; ++x) {
    (*truth)[x].reserve(nm.OptionCount(x));
    for (size_t k = nm.offset[x]; k < nm.offset[x + 1]; ++k) {
      bool v = option_truth.At(x, nm.option[k]);
      if (option_truth.failed()) {
        *error = option_truth.error();
        return false;
      }
      (*truth)[x].push_back(v ? 1 : 0);
    }
  }
  return true;
}

// Satisfying policies by formula, or nullopt when no formula applies.
std::optional<std::pair<BigInt, std::string>> ByFormula(
    const Model& model, const Goal& goal, const NearMinimizers& nm,
    const BigInt& total, std::string* error, std::string* too_big) {
  std::vector<Conjunct> conjuncts;
  SplitConjuncts(goal.body, false, &conjuncts);
  std::vector<CountAtom> atoms;
  for (const Conjunct& c : conjuncts) {
    ConjunctShape shape = ClassifyConjunct(model, goal, c);
    if (!shape.error.empty()) {
      *error = shape.error;
      return std::nullopt;
    }
    if (shape.kind == ConjunctShape::Kind::kConstant) {
      if (!shape.constant) return std::make_pair(BigInt(0), "constant goal");
      continue;
    }
    if (shape.kind != ConjunctShape::Kind::kCount) return std::nullopt;
    atoms.push_back(shape.atom);
  }
  if (atoms.empty()) return std::make_pair(total, "constant goal");
  const size_t n = nm.inputs;
  std::vector<std::vector<std::vector<char>>> truths(atoms.size());
  for (size_t a = 0; a < atoms.size(); ++a) {
    if (!OptionTruths(model, goal, nm, atoms[a], &truths[a], error)) {
      return std::nullopt;
    }
  }
  bool all_forall = true;
  for (const CountAtom& a : atoms) {
    for (size_t c = 0; c < n; ++c) all_forall = all_forall && !a.good[c];
    all_forall = all_forall && a.good[n];
  }
  if (all_forall) {
    std::vector<unsigned long> ok(n, 0);
    for (size_t x = 0; x < n; ++x) {
      for (size_t k = 0; k < nm.OptionCount(x); ++k) {
        bool all = true;
        for (size_t a = 0; a < atoms.size(); ++a) all = all && truths[a][x][k];
        ok[x] += all ? 1 : 0;
      }
    }
    return std::make_pair(ProductOf(ok), "product formula");
  }
  if (atoms.size() != 1) return std::nullopt;
  std::vector<TruthSplit> splits(n);
  for (size_t x = 0; x < n; ++x) {
    unsigned long t = 0;
    for (char v : truths[0][x]) t += v ? 1 : 0;
    splits[x] = {t, nm.OptionCount(x) - t};
  }
  TruthCount counted = CountByTruth(splits, atoms[0].good, kCensusMaxBits);
  if (!counted.counted) {
    *too_big = counted.why;
    return std::nullopt;
  }
  return std::make_pair(std::move(counted.good), "count polynomial");
}

// Enumerates the feasible policies (depth first, pruning on the budget).
bool Enumerate(const Model& model, const Goal& goal, const NearMinimizers& nm,
               BigInt* violating, std::string* error) {
  Policy pi = nm.best;
  Evaluator ev(model, &pi);
  std::function<bool(size_t, const Rational&)> walk =
      [&](size_t x, const Rational& spent) -> bool {
    if (x == nm.inputs) {
      bool holds = ev.GoalHolds(goal);
      if (ev.failed()) {
        *error = ev.error();
        return false;
      }
      if (!holds) *violating += 1;
      return true;
    }
    for (size_t k = nm.offset[x]; k < nm.offset[x + 1]; ++k) {
      Rational next = spent + nm.Excess(x, k);
      if (nm.HasBudget() && next > nm.eps) continue;
      pi[x] = nm.option[k];
      if (!walk(x + 1, next)) return false;
    }
    pi[x] = nm.best[x];
    return true;
  };
  return walk(0, Rational(0));
}

}  // namespace

Census TakeCensus(const Model& model, const Claim& claim,
                  const EngineOptions& options) {
  try {
    Loss negated;
    const Loss& loss = MinimizedLoss(model.losses[claim.loss], &negated);
    const Data& data = model.data[claim.data];
    const Goal& goal = model.goals[claim.goal];
    const Rational eps = claim.has_within ? claim.within : Rational(0);
    NearMinimizers nm = BuildNearMinimizers(model, loss, data, &eps);
    MinimizerCount count = CountNearMinimizers(nm, options.count_cap);
    if (count.capped) {
      return NotCounted(
          fmt::format("at least {} policies: more than the counting cap allows",
                      FormatBigInt(count.count)));
    }
    Census c;
    c.minimizers = count.count;
    std::string error;
    if (!nm.HasBudget()) {
      std::string too_big;
      auto good = ByFormula(model, goal, nm, count.count, &error, &too_big);
      if (!error.empty()) return NotCounted("goal evaluation: " + error);
      if (!too_big.empty()) return NotCounted(too_big);
      if (good) {
        c.counted = true;
        c.violating = count.count - good->first;
        c.method = good->second;
        return c;
      }
    }
    // Each enumerated policy costs a goal evaluation of about |X| steps.
    const BigInt work = count.count * static_cast<unsigned long>(nm.inputs);
    if (count.count > kCensusEnumerationCap) {
      return NotCounted(fmt::format(
          "{} policies, more than the enumeration cap of {}, and the goal "
          "has no product form",
          FormatBigInt(count.count), kCensusEnumerationCap));
    }
    if (work > kCensusEnumerationCap * 200) {
      return NotCounted(fmt::format(
          "{} policies of {} inputs each, more than the enumeration cap of {} "
          "policy-inputs, and the goal has no product form",
          FormatBigInt(count.count), nm.inputs, kCensusEnumerationCap * 200));
    }
    c.violating = 0;
    if (!Enumerate(model, goal, nm, &c.violating, &error)) {
      return NotCounted("goal evaluation: " + error);
    }
    c.counted = true;
    c.method = "enumeration";
    return c;
  } catch (const std::exception& e) {
    return NotCounted(std::string("internal: ") + e.what());
  }
}

}  // namespace aligncheck
