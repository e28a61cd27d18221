// Differential test: the MDP algorithms against brute force over every
// stationary deterministic policy of small random MDPs. The brute force
// shares no code with them: it evaluates each policy by dense Gaussian
// elimination on the whole system, finds probability-0 states by its own
// search and runs bounded goals forward as a moving distribution.
#include <doctest/doctest.h>

#include <functional>
#include <random>
#include <string>
#include <vector>

#include "mdp/bounded_goal.h"
#include "mdp/census.h"
#include "mdp/mdp.h"
#include "mdp/path_goal.h"
#include "mdp/returns.h"
#include "mdp/witness.h"

namespace aligncheck {
namespace {

// ---- Brute force, independent of src/mdp beyond the Mdp value ----

// Solves A x = b (n x n, nonsingular) by Gauss-Jordan elimination.
std::vector<Rational> DenseSolve(std::vector<std::vector<Rational>> a,
                                 std::vector<Rational> b) {
  const size_t n = b.size();
  for (size_t col = 0; col < n; ++col) {
    size_t pivot = col;
    while (pivot < n && a[pivot][col] == 0) ++pivot;
    REQUIRE(pivot < n);
    std::swap(a[pivot], a[col]);
    std::swap(b[pivot], b[col]);
    for (size_t row = 0; row < n; ++row) {
      if (row == col || a[row][col] == 0) continue;
      Rational factor = a[row][col] / a[col][col];
      for (size_t k = col; k < n; ++k) a[row][k] -= factor * a[col][k];
      b[row] -= factor * b[col];
    }
  }
  for (size_t i = 0; i < n; ++i) b[i] /= a[i][i];
  return b;
}

struct Brute {
  const Mdp& m;

  uint32_t Next(uint32_t s, uint32_t a, uint32_t k) const {
    return m.succ[m.begin[s * m.actions + a] + k].state;
  }
  uint32_t Outcomes(uint32_t s, uint32_t a) const {
    size_t c = s * m.actions + a;
    return m.begin[c + 1] - m.begin[c];
  }
  const Rational& Prob(uint32_t s, uint32_t a, uint32_t k) const {
    return m.succ[m.begin[s * m.actions + a] + k].prob;
  }

  std::vector<Policy> AllPolicies() const {
    std::vector<Policy> out{Policy(m.states, 0)};
    for (uint32_t s = 0; s < m.states; ++s) {
      if (m.terminal[s]) continue;
      std::vector<Policy> grown;
      for (const Policy& p : out) {
        for (uint32_t a = 0; a < m.actions; ++a) {
          grown.push_back(p);
          grown.back()[s] = a;
        }
      }
      out = std::move(grown);
    }
    return out;
  }

  std::vector<Rational> Values(const Policy& pi, const Reward& r) const {
    const size_t n = m.states;
    std::vector<std::vector<Rational>> a(n, std::vector<Rational>(n));
    std::vector<Rational> b(n);
    for (uint32_t s = 0; s < n; ++s) {
      a[s][s] = 1;
      if (m.terminal[s]) continue;
      for (uint32_t k = 0; k < Outcomes(s, pi[s]); ++k) {
        uint32_t t = Next(s, pi[s], k);
        b[s] += Prob(s, pi[s], k) * r.value[m.begin[s * m.actions + pi[s]] + k];
        if (!m.terminal[t]) a[s][t] -= m.discount * Prob(s, pi[s], k);
      }
    }
    return DenseSolve(a, b);
  }

  Rational Start(const std::vector<Rational>& v) const {
    Rational sum = 0;
    for (uint32_t s = 0; s < m.states; ++s) sum += m.start[s] * v[s];
    return sum;
  }

  // Probability per state that F holds until F2 (strong), by the states
  // that can still reach F2 and a dense solve over them.
  std::vector<Rational> Until(const Policy& pi, const PositionPredicate& f,
                              const PositionPredicate& f2) const {
    const size_t n = m.states;
    auto at = [&](const PositionPredicate& p, uint32_t s) {
      return m.terminal[s] ? bool(p.at_terminal[s])
                           : bool(p.at_choice[s * m.actions + pi[s]]);
    };
    std::vector<bool> live(n, false);
    for (bool grew = true; grew;) {
      grew = false;
      for (uint32_t s = 0; s < n; ++s) {
        if (live[s]) continue;
        bool now = at(f2, s);
        if (!now && !m.terminal[s] && at(f, s)) {
          for (uint32_t k = 0; k < Outcomes(s, pi[s]); ++k) {
            now = now || live[Next(s, pi[s], k)];
          }
        }
        if (now) live[s] = grew = true;
      }
    }
    std::vector<std::vector<Rational>> a(n, std::vector<Rational>(n));
    std::vector<Rational> b(n);
    for (uint32_t s = 0; s < n; ++s) {
      a[s][s] = 1;
      if (!live[s]) continue;
      if (at(f2, s)) {
        b[s] = 1;
        continue;
      }
      for (uint32_t k = 0; k < Outcomes(s, pi[s]); ++k) {
        a[s][Next(s, pi[s], k)] -= Prob(s, pi[s], k);
      }
    }
    return DenseSolve(a, b);
  }

  // Probability per state that F holds at every position.
  std::vector<Rational> Always(const Policy& pi, const PositionPredicate& f) const {
    const size_t n = m.states;
    auto ok = [&](uint32_t s) {
      return m.terminal[s] ? bool(f.at_terminal[s])
                           : bool(f.at_choice[s * m.actions + pi[s]]);
    };
    std::vector<bool> exposed(n, false);  // can meet a position without F
    for (bool grew = true; grew;) {
      grew = false;
      for (uint32_t s = 0; s < n; ++s) {
        if (exposed[s]) continue;
        bool now = !ok(s);
        for (uint32_t k = 0; !now && !m.terminal[s] && k < Outcomes(s, pi[s]); ++k) {
          now = exposed[Next(s, pi[s], k)];
        }
        if (now) exposed[s] = grew = true;
      }
    }
    std::vector<std::vector<Rational>> a(n, std::vector<Rational>(n));
    std::vector<Rational> b(n);
    for (uint32_t s = 0; s < n; ++s) {
      a[s][s] = 1;
      if (!exposed[s]) {
        b[s] = 1;
        continue;
      }
      if (!ok(s)) continue;
      for (uint32_t k = 0; k < Outcomes(s, pi[s]); ++k) {
        a[s][Next(s, pi[s], k)] -= Prob(s, pi[s], k);
      }
    }
    return DenseSolve(a, b);
  }

  // From the start: F at one of positions 0..k, by pushing the
  // distribution of runs that have not met F yet.
  Rational Within(const Policy& pi, const PositionPredicate& f, uint64_t k) const {
    std::vector<Rational> mass = m.start;
    Rational hit = 0;
    for (uint64_t d = 0;; ++d) {
      std::vector<Rational> moved(m.states);
      for (uint32_t s = 0; s < m.states; ++s) {
        if (mass[s] == 0) continue;
        bool f_here = m.terminal[s] ? bool(f.at_terminal[s])
                                    : bool(f.at_choice[s * m.actions + pi[s]]);
        if (f_here) {
          hit += mass[s];
          continue;
        }
        if (m.terminal[s] || d == k) continue;
        for (uint32_t j = 0; j < Outcomes(s, pi[s]); ++j) {
          moved[Next(s, pi[s], j)] += mass[s] * Prob(s, pi[s], j);
        }
      }
      if (d == k) return hit;
      mass = std::move(moved);
    }
  }
};

// ---- Random small MDPs ----

Mdp RandomMdp(std::mt19937& rng, bool deterministic) {
  auto pick = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  uint32_t n = pick(2, 5), k = pick(1, 3);
  MdpBuilder b(n, k);
  const Rational discounts[] = {Rational(1, 2), Rational(9, 10),
                                Rational(15, 16), Rational(2, 3)};
  b.SetDiscount(discounts[pick(0, 3)]);
  b.SetStartWeight(pick(0, n - 1), pick(1, 3));
  if (pick(0, 2) == 0) b.SetStartWeight(pick(0, n - 1), pick(1, 3));
  for (uint32_t s = 0; s < n; ++s) {
    if (pick(0, 4) == 0) b.SetTerminal(s);
    for (uint32_t a = 0; a < k; ++a) {
      int outcomes = deterministic ? 1 : pick(1, 3);
      std::vector<Successor> out;
      std::vector<int> weight;
      int total = 0;
      for (int i = 0; i < outcomes; ++i) {
        uint32_t t = pick(0, n - 1);
        bool dup = false;
        for (const Successor& o : out) dup = dup || o.state == t;
        if (dup) continue;
        out.push_back({t, 0});
        weight.push_back(pick(1, 3));
        total += weight.back();
      }
      for (size_t i = 0; i < out.size(); ++i) out[i].prob = Rational(weight[i], total);
      b.SetSuccessors(s, a, out);
    }
  }
  std::string error;
  Mdp m = b.Build(&error);
  REQUIRE(error == "");
  return m;
}

Reward RandomReward(std::mt19937& rng, const Mdp& m) {
  Reward r;
  for (size_t i = 0; i < m.succ.size(); ++i) {
    r.value.emplace_back(std::uniform_int_distribution<int>(-1, 2)(rng));
  }
  return r;
}

PositionPredicate RandomPredicate(std::mt19937& rng, const Mdp& m, int odds) {
  return PositionPredicate::Of(m, [&](uint32_t, std::optional<uint32_t>) {
    return std::uniform_int_distribution<int>(0, 9)(rng) < odds;
  });
}

// Checks the extreme of `value` over `set` against `got`, whose policy must
// lie in the set and attain it.
void CheckExtreme(const std::vector<Policy>& set,
                  const std::function<Rational(const Policy&)>& value,
                  const Extreme& got, Sense sense, bool in_set_only,
                  const std::function<bool(const Policy&)>& member) {
  REQUIRE(!set.empty());
  Rational want = value(set[0]);
  for (const Policy& p : set) {
    Rational v = value(p);
    if (sense == Sense::kMax ? v > want : v < want) want = v;
  }
  REQUIRE(got.exact());
  CHECK(got.value == want);
  CHECK(value(got.policy) == want);
  if (in_set_only) CHECK(member(got.policy));
}

void RunOne(std::mt19937& rng, bool deterministic) {
  Mdp m = RandomMdp(rng, deterministic);
  Reward r = RandomReward(rng, m), other = RandomReward(rng, m);
  Brute brute{m};
  std::vector<Policy> all = brute.AllPolicies();
  auto ret = [&](const Reward& rw) {
    return [&brute, &rw](const Policy& p) { return brute.Start(brute.Values(p, rw)); };
  };

  // Q*, V* and Opt against the best policy per state.
  Optimum opt = OptimalValues(m, r, AllActions(m));
  REQUIRE(opt.ok);
  std::vector<Rational> best = brute.Values(all[0], r);
  for (const Policy& p : all) {
    std::vector<Rational> v = brute.Values(p, r);
    for (uint32_t s = 0; s < m.states; ++s) best[s] = std::max(best[s], v[s]);
  }
  for (uint32_t s = 0; s < m.states; ++s) {
    CHECK(opt.v[s] == best[s]);
    if (m.terminal[s]) continue;
    for (uint32_t a = 0; a < m.actions; ++a) {
      Rational q = 0;
      for (uint32_t k = 0; k < brute.Outcomes(s, a); ++k) {
        uint32_t t = brute.Next(s, a, k);
        q += brute.Prob(s, a, k) *
             (r.value[m.begin[m.Choice(s, a)] + k] + m.discount * best[t]);
      }
      CHECK(opt.optimal[m.Choice(s, a)] == (q == best[s]));
    }
  }

  // The optimal and near-optimal sets, by their returns from the start.
  Rational top = brute.Start(best);
  const Rational epsilons[] = {Rational(0), Rational(1, 4), Rational(1), Rational(3)};
  Rational eps = epsilons[std::uniform_int_distribution<int>(0, 3)(rng)];
  std::vector<Policy> optimal, near;
  for (const Policy& p : all) {
    Rational j = ret(r)(p);
    if (j == top) optimal.push_back(p);
    if (j >= top - eps) near.push_back(p);
  }
  auto is_optimal = [&](const Policy& p) { return ret(r)(p) == top; };
  auto is_near = [&](const Policy& p) { return ret(r)(p) >= top - eps; };

  // MdpCensus: a return threshold and a per-state part.
  Rational threshold = ret(other)(optimal[optimal.size() / 2]);
  std::vector<bool> state_ok(m.choices());
  for (size_t c = 0; c < m.choices(); ++c) {
    state_ok[c] = std::uniform_int_distribution<int>(0, 3)(rng) != 0;
  }
  CensusGoal goal;
  goal.violated_by_runs = [&](const PolicyClass& cls) {
    Policy p = CompletePolicy(m, AllActions(m), cls.policy);
    return FromStart(m, PolicyValues(m, other, p)) < threshold;
  };
  goal.state_ok = state_ok;
  auto violates = [&](const Policy& p) {
    if (ret(other)(p) < threshold) return true;
    for (uint32_t s = 0; s < m.states; ++s) {
      if (!m.terminal[s] && !state_ok[m.Choice(s, p[s])]) return true;
    }
    return false;
  };
  BigInt want_violating = 0, want_near_violating = 0;
  for (const Policy& p : optimal) want_violating += violates(p) ? 1 : 0;
  for (const Policy& p : near) want_near_violating += violates(p) ? 1 : 0;
  MdpCensus census = CountOptimalPolicies(m, opt, goal);
  REQUIRE(census.counted);
  CHECK(census.policies == BigInt(optimal.size()));
  CHECK(census.violating == want_violating);
  if (want_violating > 0) {
    CHECK(is_optimal(census.violation));
    CHECK(violates(census.violation));
  }
  MdpCensus near_census = CountNearOptimalPolicies(m, r, opt, eps, goal);
  REQUIRE(near_census.counted);
  CHECK(near_census.policies == BigInt(near.size()));
  CHECK(near_census.violating == want_near_violating);
  for (Sense sense : {Sense::kMin, Sense::kMax}) {
    CheckExtreme(near, ret(other),
                 NearOptimalExtreme(m, r, opt, eps,
                                    [&](const Policy& p) { return ret(other)(p); },
                                    sense),
                 sense, true, is_near);
  }

  // Worst and best cases over optimal policies and over all policies.
  PositionPredicate f = RandomPredicate(rng, m, 6), f2 = RandomPredicate(rng, m, 3);
  uint64_t k = std::uniform_int_distribution<int>(0, 4)(rng);
  PositionPredicate always_true = PositionPredicate::Constant(m, true);
  struct Case {
    PathFormula phi;
    std::function<Rational(const Policy&)> value;
  };
  std::vector<Case> cases = {
      {PathFormula::Eventually(f2),
       [&](const Policy& p) { return brute.Start(brute.Until(p, always_true, f2)); }},
      {PathFormula::Always(f),
       [&](const Policy& p) { return brute.Start(brute.Always(p, f)); }},
      {PathFormula::Until(f, f2),
       [&](const Policy& p) { return brute.Start(brute.Until(p, f, f2)); }},
      {PathFormula::EventuallyWithin(k, f2),
       [&](const Policy& p) { return brute.Within(p, f2, k); }},
  };
  for (Sense sense : {Sense::kMin, Sense::kMax}) {
    CheckExtreme(optimal, ret(other),
                 ExtremeReturn(m, other, opt.optimal, sense), sense, true,
                 is_optimal);
    for (const Case& c : cases) {
      CAPTURE(static_cast<int>(c.phi.kind));
      CheckExtreme(optimal, c.value,
                   ExtremePathProbability(m, opt.optimal, c.phi, sense), sense,
                   true, is_optimal);
      CheckExtreme(all, c.value,
                   ExtremePathProbability(m, AllActions(m), c.phi, sense),
                   sense, false, is_optimal);
    }
  }

  // One policy: values, probabilities, violating paths.
  const Policy& some = all[std::uniform_int_distribution<size_t>(0, all.size() - 1)(rng)];
  std::vector<Rational> v = PolicyValues(m, other, some), w = brute.Values(some, other);
  CHECK(v == w);
  for (const Case& c : cases) {
    Rational p = PathProbability(m, some, c.phi);
    CHECK(p == c.value(some));
    if (c.phi.kind == PathFormula::Kind::kEventuallyWithin) continue;
    WitnessPath path = ViolatingPath(m, some, c.phi);
    CHECK(path.found == (p < 1));
    if (path.found) {
      CHECK(path.probability > 0);
      CHECK(path.probability <= 1 - p);
    }
  }
}

TEST_CASE("mdp differential: deterministic MDPs against brute force") {
  std::mt19937 rng(20261202);
  for (int i = 0; i < 200; ++i) {
    CAPTURE(i);
    RunOne(rng, true);
  }
}

TEST_CASE("mdp differential: stochastic MDPs against brute force") {
  std::mt19937 rng(424242);
  for (int i = 0; i < 200; ++i) {
    CAPTURE(i);
    RunOne(rng, false);
  }
}

TEST_CASE("mdp differential: large coupled MDPs against dense elimination") {
  // 60 to 90 states in one component: the lifting path of the solver.
  std::mt19937 rng(99);
  for (int round = 0; round < 6; ++round) {
    uint32_t n = 60 + rng() % 31;
    MdpBuilder b(n, 2);
    b.SetDiscount(Rational(9, 10));
    b.SetStartWeight(0, 1);
    b.SetTerminal(n - 1);
    for (uint32_t s = 0; s < n; ++s) {
      for (uint32_t a = 0; a < 2; ++a) {
        uint32_t t1 = (s + 1 + a) % n, t2 = rng() % n;
        if (t2 == t1) t2 = (t2 + 1) % n;
        b.SetSuccessors(s, a, {{t1, Rational(2, 3)}, {t2, Rational(1, 3)}});
      }
    }
    std::string error;
    Mdp m = b.Build(&error);
    REQUIRE(error == "");
    Reward r = RandomReward(rng, m);
    Brute brute{m};
    Optimum opt = OptimalValues(m, r, AllActions(m));
    REQUIRE(opt.ok);
    CHECK(brute.Values(opt.policy, r) == opt.v);
    // Bellman optimality, recomputed independently.
    for (uint32_t s = 0; s + 1 < n; ++s) {
      for (uint32_t a = 0; a < 2; ++a) {
        Rational q = 0;
        for (uint32_t k = 0; k < brute.Outcomes(s, a); ++k) {
          uint32_t t = brute.Next(s, a, k);
          q += brute.Prob(s, a, k) *
               (r.value[m.begin[m.Choice(s, a)] + k] + m.discount * opt.v[t]);
        }
        CHECK(q <= opt.v[s]);
        CHECK(q == opt.q[m.Choice(s, a)]);
      }
    }
    Policy some(n);
    for (uint32_t s = 0; s < n; ++s) some[s] = rng() % 2;
    CHECK(PolicyValues(m, r, some) == brute.Values(some, r));
  }
}

}  // namespace
}  // namespace aligncheck
