// Policy censuses over the classes of EnumeratePolicyClasses.
#include "mdp/census.h"

#include <algorithm>
#include <utility>

namespace aligncheck {

namespace {

// Adds one class (actions^free policies) to `out`.
void Tally(const Mdp& m, const PolicyClass& cls, const CensusGoal& goal,
           MdpCensus& out) {
  BigInt total;
  mpz_ui_pow_ui(total.get_mpz_t(), m.actions, cls.free_states);
  out.policies += total;
  ++out.classes;
  const ActionMask any = AllActions(m);
  bool violated = goal.violated_by_runs && goal.violated_by_runs(cls);
  for (size_t s = 0; s < m.states && !violated && !goal.state_ok.empty(); ++s) {
    if (cls.reached[s] && !m.terminal[s]) {
      violated = !goal.state_ok[m.Choice(s, cls.policy[s])];
    }
  }
  if (violated) {
    out.violating += total;
    if (out.violation.empty()) out.violation = CompletePolicy(m, any, cls.policy);
    return;
  }
  if (goal.state_ok.empty()) return;
  // The free states violate unless each takes an acceptable action.
  BigInt fine = 1;
  uint32_t bad_state = kNoAction, bad_action = 0;
  for (uint32_t s = 0; s < m.states; ++s) {
    if (cls.reached[s] || m.terminal[s]) continue;
    unsigned long ok = 0;
    for (uint32_t a = 0; a < m.actions; ++a) {
      if (goal.state_ok[m.Choice(s, a)]) {
        ++ok;
      } else if (bad_state == kNoAction) {
        bad_state = s;
        bad_action = a;
      }
    }
    fine *= ok;
  }
  out.violating += total - fine;
  if (bad_state != kNoAction && out.violation.empty()) {
    out.violation = CompletePolicy(m, any, cls.policy);
    out.violation[bad_state] = bad_action;
  }
}

bool Beyond(Sense sense, const Rational& a, const Rational& b) {
  return sense == Sense::kMax ? a > b : a < b;
}

}  // namespace

MdpCensus CountOptimalPolicies(const Mdp& m, const Optimum& optimum,
                            const CensusGoal& goal,
                            const SearchBudget& budget) {
  MdpCensus out;
  PolicySearchOutcome search = EnumeratePolicyClasses(
      m, optimum.optimal, budget, [&](const PolicyClass& cls) {
        Tally(m, cls, goal, out);
        return true;
      });
  out.counted = search.complete;
  if (!out.counted) out.reason = "not counted: " + search.reason;
  return out;
}

PolicySearchOutcome EnumerateNearOptimal(
    const Mdp& m, const Reward& r, const Optimum& optimum, const Rational& eps,
    const SearchBudget& budget,
    const std::function<bool(const PolicyClass&, const Rational&)>& visit) {
  const ActionMask any = AllActions(m);
  const Rational threshold = optimum.start_value - eps;
  std::vector<Rational> gap(m.choices());
  for (size_t s = 0; s < m.states; ++s) {
    if (m.terminal[s]) continue;
    for (size_t a = 0; a < m.actions; ++a) {
      gap[m.Choice(s, a)] = optimum.v[s] - optimum.q[m.Choice(s, a)];
    }
  }
  // Deterministic runs: the gaps at the positions already fixed bound the
  // policy's shortfall from below.
  std::function<bool(const Policy&)> prune;
  std::vector<size_t> seen(m.states, 0);
  size_t walk = 0;
  if (IsDeterministic(m)) {
    prune = [&](const Policy& pi) {
      Rational bound = 0, weight, t;
      for (size_t s0 = 0; s0 < m.states; ++s0) {
        if (m.start[s0] == 0) continue;
        ++walk;
        weight = m.start[s0];
        for (size_t s = s0; !m.terminal[s] && pi[s] != kNoAction && seen[s] != walk;) {
          seen[s] = walk;
          size_t c = m.Choice(s, pi[s]);
          if (gap[c] != 0) {
            t = weight * gap[c];
            bound += t;
            if (bound > eps) return true;
          }
          weight *= m.discount;
          s = m.succ[m.begin[c]].state;
        }
      }
      return false;
    };
  } else {
    // Stochastic: the discounted mass that reaches assigned states through
    // assigned states only, over the first kHorizon steps, is part of the
    // occupancy, so its gaps are part of the shortfall.
    prune = [&](const Policy& pi) {
      constexpr int kHorizon = 32;
      Rational bound = 0, t;
      std::vector<Rational> mass(m.states), moved(m.states);
      std::vector<uint32_t> live, next_live;
      for (uint32_t s = 0; s < m.states; ++s) {
        if (m.start[s] > 0) {
          mass[s] = m.start[s];
          live.push_back(s);
        }
      }
      Rational weight = 1;
      for (int step = 0; step < kHorizon && !live.empty(); ++step) {
        next_live.clear();
        for (uint32_t s : live) {
          if (m.terminal[s] || pi[s] == kNoAction) continue;
          size_t c = m.Choice(s, pi[s]);
          if (gap[c] != 0) {
            t = weight * mass[s] * gap[c];
            bound += t;
            if (bound > eps) return true;
          }
          for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
            uint32_t u = m.succ[k].state;
            if (moved[u] == 0) next_live.push_back(u);
            t = mass[s] * m.succ[k].prob;
            moved[u] += t;
          }
        }
        for (uint32_t s : live) mass[s] = 0;
        live.swap(next_live);
        for (uint32_t s : live) mass[s].swap(moved[s]);
        weight *= m.discount;
      }
      return false;
    };
  }
  return EnumeratePolicyClasses(
      m, any, budget,
      [&](const PolicyClass& cls) {
        Policy pi = CompletePolicy(m, any, cls.policy);
        Rational j = FromStart(m, PolicyValues(m, r, pi));
        if (j < threshold) return true;
        return visit(cls, j);
      },
      prune);
}

MdpCensus CountNearOptimalPolicies(const Mdp& m, const Reward& r,
                                const Optimum& optimum, const Rational& eps,
                                const CensusGoal& goal,
                                const SearchBudget& budget) {
  MdpCensus out;
  PolicySearchOutcome search = EnumerateNearOptimal(
      m, r, optimum, eps, budget, [&](const PolicyClass& cls, const Rational&) {
        Tally(m, cls, goal, out);
        return true;
      });
  out.counted = search.complete;
  if (!out.counted) out.reason = "not counted: " + search.reason;
  return out;
}

Extreme NearOptimalExtreme(
    const Mdp& m, const Reward& r, const Optimum& optimum, const Rational& eps,
    const std::function<Rational(const Policy&)>& objective, Sense sense,
    const SearchBudget& budget) {
  Extreme out;
  bool any = false;
  const ActionMask all = AllActions(m);
  PolicySearchOutcome search = EnumerateNearOptimal(
      m, r, optimum, eps, budget, [&](const PolicyClass& cls, const Rational&) {
        Policy pi = CompletePolicy(m, all, cls.policy);
        Rational value = objective(pi);
        if (!any || Beyond(sense, value, out.value)) {
          any = true;
          out.value = std::move(value);
          out.policy = std::move(pi);
        }
        return true;
      });
  if (!search.complete) {
    out.reason = "near-optimal policies not enumerated: " + search.reason;
    return out;
  }
  out.status = Extreme::Status::kExact;
  return out;
}

std::optional<BigInt> CountAllowedByRuns(const Mdp& m,
                                         const ActionMask& allowed) {
  const size_t n = m.states, k = m.actions;
  if (k == 0) return std::nullopt;
  uint32_t start = UINT32_MAX;
  for (uint32_t s = 0; s < n; ++s) {
    if (m.start[s] == 0) continue;
    if (start != UINT32_MAX) return std::nullopt;  // runs from two states
    start = s;
  }
  if (start == UINT32_MAX) return std::nullopt;
  size_t non_terminal = 0;
  for (uint32_t s = 0; s < n; ++s) non_terminal += m.terminal[s] ? 0 : 1;
  // With N non-terminal states, the count is the sum over allowed runs p
  // from the start of k^(N - |p|), |p| the run's non-terminal states. Per
  // state s, D(s) is the most non-terminal states of a run from s (0 at a
  // terminal) and H(s) = sum over runs p from s of k^(D(s) - |p|), so
  // H(terminal) = 1 and H(s) = sum over allowed a of k^(D(s) - 1 -
  // D(next)) H(next): integers of about D(s) log k bits, not N log k.
  // The count is k^(N - D(start)) H(start). Visited in post-order by an
  // explicit DFS; a grey state reached again is a cycle, and then runs are
  // lassos and this count does not apply.
  enum : char { kWhite, kGrey, kBlack };
  std::vector<char> colour(n, kWhite);
  std::vector<BigInt> h(n);
  std::vector<size_t> depth(n, 0);
  std::vector<std::pair<uint32_t, uint32_t>> stack;  // state, next action
  auto successor = [&](uint32_t s, uint32_t a) -> std::optional<uint32_t> {
    size_t c = m.Choice(s, a);
    if (m.begin[c + 1] - m.begin[c] != 1) return std::nullopt;
    return m.succ[m.begin[c]].state;
  };
  auto enter = [&](uint32_t s) {
    colour[s] = kGrey;
    stack.push_back({s, 0});
  };
  enter(start);
  BigInt term;
  while (!stack.empty()) {
    auto& [s, a] = stack.back();
    if (m.terminal[s]) {
      h[s] = 1;
      colour[s] = kBlack;
      stack.pop_back();
      continue;
    }
    if (a == k) {
      size_t deepest = 0;
      bool any = false;
      for (uint32_t b = 0; b < k; ++b) {
        if (!allowed[m.Choice(s, b)]) continue;
        deepest = std::max(deepest, depth[*successor(s, b)]);
        any = true;
      }
      if (!any) return std::nullopt;  // no allowed action: not a policy set
      depth[s] = deepest + 1;
      BigInt sum = 0;
      for (uint32_t b = 0; b < k; ++b) {
        if (!allowed[m.Choice(s, b)]) continue;
        uint32_t t = *successor(s, b);
        mpz_ui_pow_ui(term.get_mpz_t(), k, deepest - depth[t]);
        term *= h[t];
        sum += term;
      }
      h[s] = std::move(sum);
      colour[s] = kBlack;
      stack.pop_back();
      continue;
    }
    uint32_t b = a++;
    if (!allowed[m.Choice(s, b)]) continue;
    std::optional<uint32_t> t = successor(s, b);
    if (!t) return std::nullopt;  // stochastic
    if (colour[*t] == kGrey) return std::nullopt;  // a cycle
    if (colour[*t] == kWhite) enter(*t);  // invalidates s and a
  }
  BigInt count;
  mpz_ui_pow_ui(count.get_mpz_t(), k, non_terminal - depth[start]);
  return count * h[start];
}

}  // namespace aligncheck
