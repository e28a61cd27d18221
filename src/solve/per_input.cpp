// Per-input counting: exact decision of count atoms without a solver.
#include "solve/per_input.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "solve/option_truth.h"

namespace aligncheck {

AtomDecision DecideCountAtom(const Model& model, const Goal& goal,
                             const NearMinimizers& nm, const CountAtom& atom) {
  constexpr size_t kNone = std::numeric_limits<size_t>::max();
  AtomDecision out;
  const size_t n = nm.inputs;
  OptionTruth truth(model, goal, atom, nm.best);
  // Per input: the option index (into nm.option) of the cheapest option
  // making P true and the cheapest making it false.
  std::vector<size_t> true_opt(n, kNone), false_opt(n, kNone);
  for (size_t x = 0; x < n; ++x) {
    size_t& t = true_opt[x];
    size_t& f = false_opt[x];
    for (size_t k = nm.offset[x]; k < nm.offset[x + 1]; ++k) {
      // Once both sides have a free option nothing cheaper exists.
      if (t != kNone && f != kNone) {
        if (nm.Free(x, t) && nm.Free(x, f)) break;
        // An option no cheaper than both current picks cannot improve
        // either side: skip evaluating it.
        if (!nm.Cheaper(x, k, t) && !nm.Cheaper(x, k, f)) continue;
      }
      bool v = truth.At(x, nm.option[k]);
      if (truth.failed()) {
        out.error = truth.error();
        return out;
      }
      size_t& side = v ? t : f;
      if (side == kNone || nm.Cheaper(x, k, side)) {
        side = k;
      }
    }
  }
  size_t forced_true = 0;
  // Inputs free to go either way, cheapest switch to P-true first.
  std::vector<size_t> order;
  size_t best_c = kNone;
  if (!nm.HasBudget()) {
    // Nothing costs anything (exact minimizers): every count in range is
    // feasible, the least bad one is taken, and the inputs keep their
    // order, as the stable sort of all-zero costs below would leave them.
    for (size_t x = 0; x < n; ++x) {
      if (false_opt[x] == kNone) {
        ++forced_true;
      } else if (true_opt[x] != kNone) {
        order.push_back(x);
      }
    }
    for (size_t i = 0; i <= order.size() && best_c == kNone; ++i) {
      if (!atom.good[forced_true + i]) best_c = forced_true + i;
    }
  } else {
    Rational base = 0;
    std::vector<std::pair<Rational, size_t>> deltas;  // (t - f, x)
    for (size_t x = 0; x < n; ++x) {
      if (false_opt[x] == kNone) {
        ++forced_true;
        base += nm.Excess(x, true_opt[x]);
      } else if (true_opt[x] == kNone) {
        base += nm.Excess(x, false_opt[x]);
      } else {
        base += nm.Excess(x, false_opt[x]);
        deltas.emplace_back(
            nm.Excess(x, true_opt[x]) - nm.Excess(x, false_opt[x]), x);
      }
    }
    std::stable_sort(
        deltas.begin(), deltas.end(),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    // Cheapest bad count c in [forced_true, forced_true + |deltas|].
    Rational best_cost;
    Rational cost = base;
    for (size_t i = 0; i <= deltas.size(); ++i) {
      if (i > 0) cost += deltas[i - 1].first;
      size_t c = forced_true + i;
      if (atom.good[c]) continue;
      if (!nm.unbounded && cost > nm.eps) continue;
      if (best_c == kNone || cost < best_cost) {
        best_c = c;
        best_cost = cost;
      }
    }
    order.reserve(deltas.size());
    for (const auto& d : deltas) order.push_back(d.second);
  }
  if (best_c == kNone) return out;
  out.violated = true;
  out.policy.assign(n, 0);
  std::vector<char> take_true(n, 0);
  for (size_t i = 0; i < best_c - forced_true; ++i) {
    take_true[order[i]] = 1;
  }
  for (size_t x = 0; x < n; ++x) {
    size_t k;
    if (false_opt[x] == kNone) {
      k = true_opt[x];
    } else if (true_opt[x] == kNone) {
      k = false_opt[x];
    } else {
      k = take_true[x] ? true_opt[x] : false_opt[x];
    }
    out.policy[x] = nm.option[k];
  }
  return out;
}

}  // namespace aligncheck
