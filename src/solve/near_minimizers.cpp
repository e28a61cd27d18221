// Option sets, feasibility and exact counting of near-minimizers.
#include "solve/near_minimizers.h"

#include <map>

#include "solve/count_poly.h"

namespace aligncheck {

NearMinimizers BuildNearMinimizers(const Model& model, const Loss& loss,
                                   const Data& data, const Rational* eps) {
  NearMinimizers nm;
  nm.inputs = model.domains[loss.input].size();
  nm.outputs = model.domains[loss.output].size();
  nm.unbounded = eps == nullptr;
  if (eps != nullptr) nm.eps = *eps;
  nm.losses = &loss.table;
  const DenseTable& table = loss.table;
  const size_t n = nm.inputs;
  const size_t m = nm.outputs;
  nm.offset.reserve(n + 1);
  // Every output of every input is an option: one allocation, not ~log(n m).
  if (nm.unbounded) nm.option.reserve(n * m);
  nm.best.resize(n);
  nm.scale.resize(n);
  Rational weighted_min = 0;
  Rational threshold;
  for (size_t x = 0; x < n; ++x) {
    nm.offset.push_back(nm.option.size());
    const size_t row = x * m;
    const size_t arg = table.Argmin(row, row + m);
    nm.best[x] = static_cast<uint32_t>(arg - row);
    const Rational& w = data.weights[x];
    if (w != 0) {
      weighted_min += w * table.Get(arg);
      nm.scale[x] = w / data.total;
    }
    if (nm.unbounded || w == 0) {
      for (size_t y = 0; y < m; ++y)
        nm.option.push_back(static_cast<uint32_t>(y));
      continue;
    }
    if (nm.eps == 0) {
      for (size_t y = 0; y < m; ++y) {
        if (table.Equal(row + y, arg)) {
          nm.option.push_back(static_cast<uint32_t>(y));
        }
      }
      continue;
    }
    // e(x, y) <= eps  iff  l(x, y) <= m(x) + eps * W / w(x): one division
    // per input, then comparisons only.
    threshold = nm.eps * data.total / w + table.Get(arg);
    for (size_t y = 0; y < m; ++y) {
      if (table.Compare(row + y, threshold) <= 0) {
        nm.option.push_back(static_cast<uint32_t>(y));
        if (!table.Equal(row + y, arg)) nm.has_budget = true;
      }
    }
  }
  nm.offset.push_back(nm.option.size());
  nm.min_loss = weighted_min / data.total;
  return nm;
}

bool IsFeasible(const NearMinimizers& nm, const Policy& policy) {
  if (nm.unbounded) return true;
  Rational sum = 0;
  for (size_t x = 0; x < nm.inputs; ++x) {
    bool found = false;
    for (size_t k = nm.offset[x]; k < nm.offset[x + 1]; ++k) {
      if (nm.option[k] == policy[x]) {
        sum += nm.Excess(x, k);
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return sum <= nm.eps;
}

MinimizerCount CountNearMinimizers(const NearMinimizers& nm, size_t cap) {
  MinimizerCount result;
  // Multiplied as a product tree at the end: one factor at a time costs
  // quadratic time in the digits of the count.
  std::vector<unsigned long> factors;
  // Inputs whose options all cost nothing multiply the count; the others
  // go through the DP over partial excess sums.
  std::vector<size_t> costly;
  std::vector<size_t> free_options(nm.inputs, 0);
  for (size_t x = 0; x < nm.inputs; ++x) {
    bool has_cost = false;
    for (size_t k = nm.offset[x]; k < nm.offset[x + 1]; ++k) {
      if (nm.Free(x, k)) {
        ++free_options[x];
      } else {
        has_cost = true;
      }
    }
    if (has_cost) {
      costly.push_back(x);
    } else {
      factors.push_back(nm.OptionCount(x));
    }
  }
  if (costly.empty()) {
    result.count = ProductOf(factors);
    return result;
  }
  if (cap == 0) cap = 1;
  const size_t work_limit = 2 * cap;
  size_t work = 0;
  std::map<Rational, BigInt> sums{{Rational(0), BigInt(1)}};
  size_t i = 0;
  for (; i < costly.size(); ++i) {
    size_t x = costly[i];
    // Group the options by loss (one excess per distinct loss).
    std::map<Rational, unsigned long> by_loss;
    for (size_t k = nm.offset[x]; k < nm.offset[x + 1]; ++k) {
      ++by_loss[nm.LossOf(x, k)];
    }
    std::vector<std::pair<Rational, unsigned long>> groups;
    groups.reserve(by_loss.size());
    for (const auto& [l, multiplicity] : by_loss) {
      groups.emplace_back(nm.scale[x] * (l - nm.MinLoss(x)), multiplicity);
    }
    if (work + sums.size() * groups.size() > work_limit) {
      result.capped = true;
      break;
    }
    std::map<Rational, BigInt> next;
    Rational t;
    for (const auto& [s, count] : sums) {
      for (const auto& [e, multiplicity] : groups) {
        ++work;
        t = s + e;
        if (t > nm.eps) break;
        BigInt& slot = next[t];
        slot += count * multiplicity;
      }
    }
    while (next.size() > cap) {
      next.erase(std::prev(next.end()));
      result.capped = true;
    }
    sums.swap(next);
  }
  // Inputs the DP did not reach keep only their zero-excess options.
  for (; i < costly.size(); ++i) {
    factors.push_back(free_options[costly[i]]);
  }
  BigInt total = 0;
  for (const auto& entry : sums) total += entry.second;
  result.count = total * ProductOf(factors);
  return result;
}

}  // namespace aligncheck
