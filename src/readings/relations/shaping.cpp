// Potential shaping: the equations, exact incremental elimination, a
// minimal inconsistent subset, and the comparison of optimal policies.
#include "readings/relations/shaping.h"

#include <fmt/format.h>

#include <algorithm>

#include "mdp/policy_search.h"

namespace aligncheck {
namespace {

// Rows reduced so that each kept row has a leading 1 in its pivot column
// and zeros in the pivot columns of the rows kept before it.
class Echelon {
 public:
  explicit Echelon(size_t n) : n_(n) {}

  enum class Added { kIndependent, kDependent, kInconsistent };

  // The row holds n coefficients and then the right-hand side.
  Added Add(std::vector<Rational> row) {
    for (size_t r = 0; r < rows_.size(); ++r) {
      const Rational f = row[pivot_[r]];
      if (f == 0) continue;
      const std::vector<Rational>& kept = rows_[r];
      for (size_t j = 0; j <= n_; ++j) {
        if (kept[j] != 0) row[j] -= f * kept[j];
      }
    }
    size_t c = 0;
    while (c < n_ && row[c] == 0) ++c;
    if (c == n_) {
      return row[n_] == 0 ? Added::kDependent : Added::kInconsistent;
    }
    const Rational lead = row[c];
    for (size_t j = c; j <= n_; ++j) {
      if (row[j] != 0) row[j] /= lead;
    }
    rows_.push_back(std::move(row));
    pivot_.push_back(c);
    return Added::kIndependent;
  }

  // A solution, free unknowns 0.
  std::vector<Rational> Solve() const {
    std::vector<Rational> x(n_);
    for (size_t r = rows_.size(); r-- > 0;) {
      const std::vector<Rational>& row = rows_[r];
      Rational v = row[n_];
      for (size_t j = 0; j < n_; ++j) {
        if (j != pivot_[r] && row[j] != 0) v -= row[j] * x[j];
      }
      x[pivot_[r]] = v;
    }
    return x;
  }

 private:
  size_t n_;
  std::vector<std::vector<Rational>> rows_;
  std::vector<size_t> pivot_;
};

// Unknown index per state (terminal states have none).
std::vector<uint32_t> Unknowns(const Mdp& m, size_t* count) {
  std::vector<uint32_t> index(m.states, UINT32_MAX);
  *count = 0;
  for (size_t s = 0; s < m.states; ++s) {
    if (!m.terminal[s]) index[s] = static_cast<uint32_t>((*count)++);
  }
  return index;
}

// Up to scale the last unknown (column n - 1) is c, and the equation is
// g Phi(s2) - Phi(s) + c base = shaped = difference + base.
std::vector<Rational> Row(const ShapingEquation& e,
                          const std::vector<uint32_t>& unknown, size_t n,
                          bool scaled) {
  std::vector<Rational> row(n + 1);
  for (const auto& [s, w] : e.terms) row[unknown[s]] += w;
  row[n] = e.difference;
  if (scaled) {
    row[n - 1] = e.base;
    row[n] += e.base;
  }
  return row;
}

}  // namespace

std::vector<ShapingEquation> ShapingEquations(const Mdp& m,
                                              const Reward& shaped,
                                              const Reward& base,
                                              bool per_choice) {
  std::vector<ShapingEquation> out;
  const Rational& g = m.discount;
  for (uint32_t s = 0; s < m.states; ++s) {
    if (m.terminal[s]) continue;
    for (uint32_t a = 0; a < m.actions; ++a) {
      const size_t c = m.Choice(s, a);
      const uint32_t b = m.begin[c], e = m.begin[c + 1];
      if (b == e) continue;
      if (per_choice) {
        ShapingEquation eq;
        eq.state = s;
        eq.action = a;
        eq.difference = shaped.value[b] - base.value[b];
        eq.base = base.value[b];
        eq.terms.push_back({s, Rational(-1)});
        for (uint32_t k = b; k < e; ++k) {
          const Successor& to = m.succ[k];
          if (!m.terminal[to.state]) {
            eq.terms.push_back({to.state, Rational(g * to.prob)});
          }
        }
        out.push_back(std::move(eq));
        continue;
      }
      for (uint32_t k = b; k < e; ++k) {
        const Successor& to = m.succ[k];
        ShapingEquation eq;
        eq.state = s;
        eq.action = a;
        eq.successor = to.state;
        eq.difference = shaped.value[k] - base.value[k];
        eq.base = base.value[k];
        eq.terms.push_back({s, Rational(-1)});
        if (!m.terminal[to.state]) eq.terms.push_back({to.state, g});
        out.push_back(std::move(eq));
      }
    }
  }
  return out;
}

bool EquationsConsistent(const Mdp& m,
                         const std::vector<ShapingEquation>& equations,
                         bool scaled) {
  size_t n = 0;
  std::vector<uint32_t> unknown = Unknowns(m, &n);
  if (scaled) ++n;
  Echelon ech(n);
  for (const ShapingEquation& e : equations) {
    if (ech.Add(Row(e, unknown, n, scaled)) ==
        Echelon::Added::kInconsistent) {
      return false;
    }
  }
  return true;
}

PotentialSearch FindPotential(const Mdp& m,
                              const std::vector<ShapingEquation>& equations,
                              bool scaled) {
  PotentialSearch out;
  size_t n = 0;
  std::vector<uint32_t> unknown = Unknowns(m, &n);
  if (scaled) ++n;
  out.unknowns = n;
  if (n > kMaxShapingUnknowns || equations.size() > kMaxShapingEquations) {
    out.kind = PotentialSearch::Kind::kTooLarge;
    out.reason = fmt::format(
        "{} unknowns and {} equations: exact elimination is limited to {} "
        "unknowns (non-terminal states) and {} equations (transitions)",
        n, equations.size(), kMaxShapingUnknowns, kMaxShapingEquations);
    return out;
  }
  {
    Echelon ech(n);
    bool broken = false;
    for (const ShapingEquation& e : equations) {
      if (ech.Add(Row(e, unknown, n, scaled)) ==
          Echelon::Added::kInconsistent) {
        broken = true;
        break;
      }
    }
    if (!broken) {
      out.kind = PotentialSearch::Kind::kPotential;
      std::vector<Rational> x = ech.Solve();
      if (scaled && x[n - 1] <= 0) {
        // c is fixed at x[n - 1] unless c = 1 is consistent too.
        Echelon one = ech;
        std::vector<Rational> row(n + 1);
        row[n - 1] = 1;
        row[n] = 1;
        if (one.Add(std::move(row)) == Echelon::Added::kInconsistent) {
          out.kind = PotentialSearch::Kind::kNonPositiveScale;
        } else {
          x = one.Solve();
        }
      }
      if (scaled) out.scale = x[n - 1];
      out.phi.assign(m.states, Rational(0));
      for (size_t s = 0; s < m.states; ++s) {
        if (unknown[s] != UINT32_MAX) out.phi[s] = x[unknown[s]];
      }
      return out;
    }
  }
  // Linear insertion: `kept` are in every conflict among the candidates.
  std::vector<size_t> kept;
  size_t candidates = equations.size();
  for (;;) {
    Echelon ech(n);
    bool broken = false;
    for (size_t i : kept) {
      if (ech.Add(Row(equations[i], unknown, n, scaled)) ==
          Echelon::Added::kInconsistent) {
        broken = true;
        break;
      }
    }
    if (broken) break;
    size_t breaker = candidates;
    for (size_t i = 0; i < candidates; ++i) {
      if (ech.Add(Row(equations[i], unknown, n, scaled)) ==
          Echelon::Added::kInconsistent) {
        breaker = i;
        break;
      }
    }
    if (breaker == candidates) break;  // cannot happen: kept + all breaks
    kept.push_back(breaker);
    candidates = breaker;
  }
  std::sort(kept.begin(), kept.end());
  out.kind = PotentialSearch::Kind::kNoPotential;
  for (size_t i : kept) out.conflict.push_back(equations[i]);
  return out;
}

OptimalComparison CompareOptimalPolicies(const Mdp& m, const Reward& a,
                                         const Reward& b) {
  OptimalComparison out;
  Optimum oa = OptimalValues(m, a, AllActions(m));
  Optimum ob = OptimalValues(m, b, AllActions(m));
  if (!oa.ok || !ob.ok) {
    out.reason = !oa.ok ? oa.error : ob.error;
    return out;
  }
  out.best_a = oa.start_value;
  out.best_b = ob.start_value;
  SearchBudget budget;
  budget.max_classes = 1 << 16;
  budget.max_nodes = 1 << 20;
  // Every policy optimal for `first` agrees with a class of its optimal
  // actions on the states it reaches; is each also optimal for `second`?
  auto scan = [&](const Optimum& first, const Reward& second,
                  const Optimum& second_opt, bool first_is_a) {
    bool found = false;
    PolicySearchOutcome o = EnumeratePolicyClasses(
        m, first.optimal, budget, [&](const PolicyClass& cls) {
          Policy pi = CompletePolicy(m, first.optimal, cls.policy);
          Rational j = FromStart(m, PolicyValues(m, second, pi));
          if (j == second_opt.start_value) return true;
          found = true;
          out.kind = OptimalComparison::Kind::kDiffer;
          out.witness = pi;
          out.optimal_for_a = first_is_a;
          Rational other = FromStart(m, PolicyValues(m, first_is_a ? a : b, pi));
          out.witness_a = first_is_a ? other : j;
          out.witness_b = first_is_a ? j : other;
          return false;
        });
    if (found) return true;
    if (!o.complete) {
      out.reason = fmt::format(
          "the optimal policies are too many to compare ({})", o.reason);
    }
    return false;
  };
  if (scan(oa, b, ob, true) || scan(ob, a, oa, false)) return out;
  if (out.reason.empty()) out.kind = OptimalComparison::Kind::kSame;
  return out;
}

}  // namespace aligncheck
