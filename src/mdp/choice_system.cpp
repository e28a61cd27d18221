// Floating-point proposal, exact policy iteration.
#include "mdp/choice_system.h"

#include <algorithm>
#include <cmath>

#include "mdp/linear_system.h"

namespace aligncheck {

void ChoiceSystem::AddFixedState(const Rational& v) {
  fixed.push_back(true);
  fixed_value.push_back(v);
  choice_begin.push_back(static_cast<uint32_t>(constant.size()));
}

void ChoiceSystem::AddState() {
  fixed.push_back(false);
  fixed_value.emplace_back(0);
  choice_begin.push_back(static_cast<uint32_t>(constant.size()));
}

void ChoiceSystem::AddChoice(uint32_t action, const Rational& c) {
  choice_action.push_back(action);
  constant.push_back(c);
  term_begin.push_back(static_cast<uint32_t>(term_state.size()));
}

void ChoiceSystem::AddTerm(uint32_t t, const Rational& w) {
  term_state.push_back(t);
  term_weight.push_back(w);
}

void ChoiceSystem::Finish() {
  choice_begin.push_back(static_cast<uint32_t>(constant.size()));
  term_begin.push_back(static_cast<uint32_t>(term_state.size()));
}

namespace {

constexpr uint32_t kNone = UINT32_MAX;

bool Better(Sense sense, double a, double b) {
  return sense == Sense::kMax ? a > b : a < b;
}

// Gauss-Seidel value iteration in double; returns a greedy choice per state.
std::vector<uint32_t> ProposePolicy(const ChoiceSystem& sys, Sense sense) {
  const size_t n = sys.states();
  std::vector<double> constant(sys.choices()), weight(sys.term_weight.size());
  for (size_t c = 0; c < constant.size(); ++c) constant[c] = sys.constant[c].get_d();
  for (size_t k = 0; k < weight.size(); ++k) weight[k] = sys.term_weight[k].get_d();
  std::vector<double> v(n, 0.0);
  for (size_t s = 0; s < n; ++s) {
    if (sys.fixed[s]) v[s] = sys.fixed_value[s].get_d();
  }
  auto q = [&](size_t c) {
    double sum = constant[c];
    for (uint32_t k = sys.term_begin[c]; k < sys.term_begin[c + 1]; ++k) {
      sum += weight[k] * v[sys.term_state[k]];
    }
    return sum;
  };
  // A budget in term visits keeps huge systems fast: exact policy
  // iteration repairs whatever the proposal gets wrong.
  const double work = static_cast<double>(weight.size() + constant.size() + 1);
  const int max_sweeps = static_cast<int>(std::clamp(3e8 / work, 50.0, 20000.0));
  for (int sweep = 0; sweep < max_sweeps; ++sweep) {
    double change = 0, scale = 1;
    // Sweeps alternate direction so values flow both ways along the
    // state order.
    const bool forward = sweep % 2 == 0;
    for (size_t i = 0; i < n; ++i) {
      const size_t s = forward ? i : n - 1 - i;
      if (sys.fixed[s] || sys.choice_begin[s] == sys.choice_begin[s + 1]) continue;
      double best = q(sys.choice_begin[s]);
      for (uint32_t c = sys.choice_begin[s] + 1; c < sys.choice_begin[s + 1]; ++c) {
        double value = q(c);
        if (Better(sense, value, best)) best = value;
      }
      change = std::max(change, std::fabs(best - v[s]));
      scale = std::max(scale, std::fabs(best));
      v[s] = best;
    }
    if (change <= 1e-13 * scale) break;
  }
  std::vector<uint32_t> choice(n, kNone);
  for (size_t s = 0; s < n; ++s) {
    if (sys.fixed[s] || sys.choice_begin[s] == sys.choice_begin[s + 1]) continue;
    uint32_t best = sys.choice_begin[s];
    double best_value = q(best);
    for (uint32_t c = best + 1; c < sys.choice_begin[s + 1]; ++c) {
      double value = q(c);
      if (Better(sense, value, best_value)) {
        best = c;
        best_value = value;
      }
    }
    choice[s] = best;
  }
  return choice;
}

// Whether choice c can end the run's dependence on unfixed states: its
// weights to unfixed states sum to less than 1.
std::vector<bool> LeakingChoices(const ChoiceSystem& sys) {
  std::vector<bool> leak(sys.choices());
  Rational sum;
  for (size_t c = 0; c < sys.choices(); ++c) {
    sum = 0;
    for (uint32_t k = sys.term_begin[c]; k < sys.term_begin[c + 1]; ++k) {
      if (!sys.fixed[sys.term_state[k]]) sum += sys.term_weight[k];
    }
    leak[c] = sum < 1;
  }
  return leak;
}

// Makes `choice` proper: states whose chain cannot reach a leaking choice
// switch to a choice that leaks or moves towards one. Returns false when
// some state cannot reach a leaking choice under any policy.
bool MakeProper(const ChoiceSystem& sys, std::vector<uint32_t>& choice,
                std::string* error) {
  const size_t n = sys.states();
  std::vector<bool> leak = LeakingChoices(sys);
  std::vector<bool> good(n, false);
  std::vector<std::vector<uint32_t>> preds(n);
  std::vector<uint32_t> queue;
  for (size_t s = 0; s < n; ++s) {
    if (sys.fixed[s]) {
      good[s] = true;
      continue;
    }
    uint32_t c = choice[s];
    if (c == kNone) continue;
    if (leak[c]) {
      good[s] = true;
      queue.push_back(static_cast<uint32_t>(s));
    }
    for (uint32_t k = sys.term_begin[c]; k < sys.term_begin[c + 1]; ++k) {
      preds[sys.term_state[k]].push_back(static_cast<uint32_t>(s));
    }
  }
  auto spread = [&]() {
    while (!queue.empty()) {
      uint32_t t = queue.back();
      queue.pop_back();
      for (uint32_t s : preds[t]) {
        if (!good[s]) {
          good[s] = true;
          queue.push_back(s);
        }
      }
    }
  };
  spread();
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t s = 0; s < n; ++s) {
      if (good[s]) continue;
      for (uint32_t c = sys.choice_begin[s]; c < sys.choice_begin[s + 1]; ++c) {
        bool reaches = leak[c];
        for (uint32_t k = sys.term_begin[c]; !reaches && k < sys.term_begin[c + 1]; ++k) {
          reaches = good[sys.term_state[k]];
        }
        if (!reaches) continue;
        choice[s] = c;
        good[s] = true;
        queue.push_back(static_cast<uint32_t>(s));
        spread();
        changed = true;
        break;
      }
    }
  }
  for (size_t s = 0; s < n; ++s) {
    if (!good[s]) {
      *error = "state " + std::to_string(s) +
               " cannot leave its end component under any policy";
      return false;
    }
  }
  return true;
}

}  // namespace

bool EvaluateChoices(const ChoiceSystem& sys,
                     const std::vector<uint32_t>& choice,
                     std::vector<Rational>* value) {
  const size_t n = sys.states();
  LinearSystem lin;
  lin.constant.reserve(n);
  Rational t;
  for (size_t s = 0; s < n; ++s) {
    if (sys.fixed[s]) {
      lin.AddRow(sys.fixed_value[s]);
      continue;
    }
    uint32_t c = choice[s];
    if (c == kNone) return false;
    lin.AddRow(sys.constant[c]);
    for (uint32_t k = sys.term_begin[c]; k < sys.term_begin[c + 1]; ++k) {
      uint32_t target = sys.term_state[k];
      if (sys.fixed[target]) {
        t = sys.term_weight[k] * sys.fixed_value[target];
        lin.constant.back() += t;
      } else {
        lin.AddTerm(target, sys.term_weight[k]);
      }
    }
  }
  lin.Finish();
  return SolveLinearSystem(lin, value);
}

namespace {

// Each choice scaled to integers once: scale * (constant + weights . x)
// = integer_constant + integer_weights . x. With the values over one
// shared denominator D, comparing choices needs only products of big and
// small integers, never a gcd of two big ones.
struct ScaledChoices {
  std::vector<BigInt> scale, constant, weight;

  explicit ScaledChoices(const ChoiceSystem& sys)
      : scale(sys.choices()), constant(sys.choices()), weight(sys.term_weight.size()) {
    for (size_t c = 0; c < sys.choices(); ++c) {
      BigInt& l = scale[c];
      l = sys.constant[c].get_den();
      for (uint32_t k = sys.term_begin[c]; k < sys.term_begin[c + 1]; ++k) {
        mpz_lcm(l.get_mpz_t(), l.get_mpz_t(), sys.term_weight[k].get_den_mpz_t());
      }
      constant[c] = l / sys.constant[c].get_den() * sys.constant[c].get_num();
      for (uint32_t k = sys.term_begin[c]; k < sys.term_begin[c + 1]; ++k) {
        weight[k] = l / sys.term_weight[k].get_den() * sys.term_weight[k].get_num();
      }
    }
  }
};

// Writes x = numerator / denominator for every state.
void ShareDenominator(const std::vector<Rational>& x, std::vector<BigInt>* numerator,
                      BigInt* denominator) {
  *denominator = 1;
  for (const Rational& v : x) {
    if (v.get_den() != *denominator) {
      mpz_lcm(denominator->get_mpz_t(), denominator->get_mpz_t(), v.get_den_mpz_t());
    }
  }
  numerator->resize(x.size());
  for (size_t s = 0; s < x.size(); ++s) {
    BigInt& n = (*numerator)[s];
    mpz_divexact(n.get_mpz_t(), denominator->get_mpz_t(), x[s].get_den_mpz_t());
    n *= x[s].get_num();
  }
}

}  // namespace

ChoiceSolution SolveChoiceSystem(const ChoiceSystem& sys, Sense sense,
                                 bool choice_values) {
  ChoiceSolution out;
  const size_t n = sys.states();
  for (size_t s = 0; s < n; ++s) {
    if (!sys.fixed[s] && sys.choice_begin[s] == sys.choice_begin[s + 1]) {
      out.error = "state " + std::to_string(s) + " has no choice";
      return out;
    }
  }
  std::vector<uint32_t> choice = ProposePolicy(sys, sense);
  if (!MakeProper(sys, choice, &out.error)) return out;
  const ScaledChoices scaled(sys);
  // Per choice: value * scale * D.
  std::vector<BigInt> times(sys.choices());
  std::vector<BigInt> numerator;
  BigInt denominator, lhs, rhs;
  auto better = [&](uint32_t c, uint32_t b) {  // q_c strictly better than q_b
    lhs = times[c] * scaled.scale[b];
    rhs = times[b] * scaled.scale[c];
    return sense == Sense::kMax ? lhs > rhs : lhs < rhs;
  };
  // With at most one term per choice (deterministic moves) the values have
  // many different denominators and rationals are cheaper than one shared
  // denominator: a choice's value is a small rational plus a small one
  // times a value, and only small gcds are taken.
  bool single_terms = true;
  for (size_t c = 0; c < sys.choices() && single_terms; ++c) {
    single_terms = sys.term_begin[c + 1] - sys.term_begin[c] <= 1;
  }
  std::vector<Rational> rational_q(single_terms ? sys.choices() : 0);
  Rational t;
  auto rational_better = [&](uint32_t c, uint32_t b) {
    return sense == Sense::kMax ? rational_q[c] > rational_q[b]
                                : rational_q[c] < rational_q[b];
  };
  for (;;) {
    if (!EvaluateChoices(sys, choice, &out.value)) {
      out.error = "policy evaluation met a singular system";
      return out;
    }
    if (!single_terms) ShareDenominator(out.value, &numerator, &denominator);
    bool improved = false;
    for (size_t s = 0; s < n; ++s) {
      if (sys.fixed[s]) continue;
      for (uint32_t c = sys.choice_begin[s]; c < sys.choice_begin[s + 1]; ++c) {
        if (single_terms) {
          Rational& q = rational_q[c];
          q = sys.constant[c];
          for (uint32_t k = sys.term_begin[c]; k < sys.term_begin[c + 1]; ++k) {
            t = sys.term_weight[k] * out.value[sys.term_state[k]];
            q += t;
          }
          continue;
        }
        BigInt& q = times[c];
        q = scaled.constant[c] * denominator;
        for (uint32_t k = sys.term_begin[c]; k < sys.term_begin[c + 1]; ++k) {
          mpz_addmul(q.get_mpz_t(), scaled.weight[k].get_mpz_t(),
                     numerator[sys.term_state[k]].get_mpz_t());
        }
      }
      // Switch only on strict improvement over the current value.
      uint32_t best = choice[s];
      for (uint32_t c = sys.choice_begin[s]; c < sys.choice_begin[s + 1]; ++c) {
        if (single_terms ? rational_better(c, best) : better(c, best)) best = c;
      }
      if (best != choice[s]) {
        choice[s] = best;
        improved = true;
      }
    }
    if (!improved) break;
    ++out.improvement_rounds;
  }
  if (single_terms && choice_values) {
    out.choice_value = std::move(rational_q);
    choice_values = false;
  }
  if (choice_values) out.choice_value.resize(sys.choices());
  for (size_t s = 0; s < n && choice_values; ++s) {
    if (sys.fixed[s]) continue;
    for (uint32_t c = sys.choice_begin[s]; c < sys.choice_begin[s + 1]; ++c) {
      if (c == choice[s]) {
        out.choice_value[c] = out.value[s];
        continue;
      }
      Rational& q = out.choice_value[c];
      q.get_num() = times[c];
      q.get_den() = scaled.scale[c] * denominator;
      q.canonicalize();
    }
  }
  out.choice = std::move(choice);
  for (size_t s = 0; s < n; ++s) {
    if (sys.fixed[s]) out.choice[s] = kNone;
  }
  out.ok = true;
  return out;
}

}  // namespace aligncheck
