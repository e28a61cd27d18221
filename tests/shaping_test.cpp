// Unit tests of the MDP relations (readings/relations/shaping.h and
// mdp_pairs.h): potentials found and re-checked, minimal conflicts, the
// optimal-policy comparison, and the reversal search against brute force
// over every pair of stationary deterministic policies of random MDPs.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "mdp/mdp.h"
#include "mdp/returns.h"
#include "readings/relations/mdp_pairs.h"
#include "readings/relations/shaping.h"

namespace aligncheck {
namespace {

// The bicycle of specs/shaping.align: d3, d2, d1, goal (terminal).
Mdp Bicycle() {
  MdpBuilder b(4, 2);
  b.SetDiscount(Rational(9, 10));
  b.SetStartWeight(0, 1);
  b.SetTerminal(3);
  const uint32_t closer[] = {1, 2, 3, 3}, farther[] = {0, 0, 1, 3};
  for (uint32_t s = 0; s < 3; ++s) {
    b.SetNext(s, 0, closer[s]);
    b.SetNext(s, 1, farther[s]);
  }
  std::string error;
  Mdp m = b.Build(&error);
  REQUIRE(error.empty());
  return m;
}

Reward Arrival(const Mdp& m) {
  return RewardOfTransition(m, [](uint32_t, uint32_t, uint32_t s2) {
    return Rational(s2 == 3 ? 1 : 0);
  });
}

// base + g Phi(s2) - Phi(s), Phi 0 on terminal states.
Reward Shaped(const Mdp& m, const Reward& base,
              const std::vector<Rational>& phi) {
  Reward out = base;
  for (uint32_t s = 0; s < m.states; ++s) {
    for (uint32_t a = 0; a < m.actions; ++a) {
      size_t c = m.Choice(s, a);
      for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
        uint32_t s2 = m.succ[k].state;
        Rational p2 = m.terminal[s2] ? Rational(0) : phi[s2];
        Rational p1 = m.terminal[s] ? Rational(0) : phi[s];
        out.value[k] += m.discount * p2 - p1;
      }
    }
  }
  return out;
}

// Whether base + g Phi(s2) - Phi(s) is `shaped` on every transition of a
// non-terminal state.
bool ShapedEquals(const Mdp& m, const Reward& base,
                  const std::vector<Rational>& phi, const Reward& shaped) {
  Reward built = Shaped(m, base, phi);
  for (uint32_t s = 0; s < m.states; ++s) {
    if (m.terminal[s]) continue;
    for (uint32_t a = 0; a < m.actions; ++a) {
      size_t c = m.Choice(s, a);
      for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
        if (built.value[k] != shaped.value[k]) return false;
      }
    }
  }
  return true;
}

TEST_CASE("shaping: the bicycle's potential is found exactly") {
  Mdp m = Bicycle();
  Reward base = Arrival(m);
  std::vector<Rational> phi = {-3, -2, -1, 0};
  Reward shaped = Shaped(m, base, phi);
  auto eqs = ShapingEquations(m, shaped, base, false);
  CHECK(eqs.size() == 6);
  PotentialSearch s = FindPotential(m, eqs);
  REQUIRE(s.kind == PotentialSearch::Kind::kPotential);
  CHECK(s.phi == phi);
  CHECK(s.unknowns == 3);
  OptimalComparison o = CompareOptimalPolicies(m, shaped, base);
  CHECK(o.kind == OptimalComparison::Kind::kSame);
  CHECK(o.best_b == Rational(81, 100));
  CHECK(o.best_a == Rational(381, 100));
}

TEST_CASE("shaping: the progress bonus has a minimal conflict") {
  Mdp m = Bicycle();
  Reward base = Arrival(m);
  Reward progress = RewardOfTransition(
      m, [](uint32_t, uint32_t a, uint32_t s2) {
        return Rational((s2 == 3 ? 1 : 0) + (a == 0 ? 1 : 0));
      });
  auto eqs = ShapingEquations(m, progress, base, false);
  PotentialSearch s = FindPotential(m, eqs);
  REQUIRE(s.kind == PotentialSearch::Kind::kNoPotential);
  CHECK(s.conflict.size() == 3);
  CHECK_FALSE(EquationsConsistent(m, s.conflict));
  for (size_t i = 0; i < s.conflict.size(); ++i) {
    auto rest = s.conflict;
    rest.erase(rest.begin() + static_cast<long>(i));
    CHECK(EquationsConsistent(m, rest));
  }
  OptimalComparison o = CompareOptimalPolicies(m, progress, base);
  REQUIRE(o.kind == OptimalComparison::Kind::kDiffer);
  CHECK(o.best_a == Rational(109, 19));
  CHECK(o.best_b == Rational(81, 100));
}

TEST_CASE("shaping: per-choice equations use the expected potential") {
  // One state s0 with a coin flip to itself or the terminal t.
  MdpBuilder b(2, 1);
  b.SetDiscount(Rational(1, 2));
  b.SetStartWeight(0, 1);
  b.SetTerminal(1);
  b.SetSuccessors(0, 0, {{0, Rational(1, 2)}, {1, Rational(1, 2)}});
  std::string error;
  Mdp m = b.Build(&error);
  REQUIRE(error.empty());
  Reward base = RewardOfStateAction(m, [](uint32_t, uint32_t) {
    return Rational(0);
  });
  // g E[Phi(s2)] - Phi(s0) = 1/4 Phi(s0) - Phi(s0) = -3/4 Phi(s0).
  Reward shaped = RewardOfStateAction(m, [](uint32_t, uint32_t) {
    return Rational(3);
  });
  auto eqs = ShapingEquations(m, shaped, base, true);
  REQUIRE(eqs.size() == 1);
  PotentialSearch s = FindPotential(m, eqs);
  REQUIRE(s.kind == PotentialSearch::Kind::kPotential);
  CHECK(s.phi[0] == -4);
  // Per transition, the same reward is no shaping: Phi(s0) would have to
  // be -6 on the self-loop and -3 on the way out.
  CHECK(FindPotential(m, ShapingEquations(m, shaped, base, false)).kind ==
        PotentialSearch::Kind::kNoPotential);
}

// ---- Random MDPs ----

Mdp RandomMdp(std::mt19937& rng) {
  std::uniform_int_distribution<int> states(2, 4), actions(1, 3), coin(0, 3);
  const size_t n = static_cast<size_t>(states(rng));
  const size_t k = static_cast<size_t>(actions(rng));
  MdpBuilder b(n, k);
  b.SetDiscount(Rational(coin(rng) + 1) / 5);
  b.SetStartWeight(0, 1);
  if (coin(rng) == 0) b.SetStartWeight(1, 2);
  const bool has_terminal = coin(rng) < 2;
  if (has_terminal) b.SetTerminal(static_cast<uint32_t>(n - 1));
  std::uniform_int_distribution<uint32_t> any(0, static_cast<uint32_t>(n - 1));
  for (uint32_t s = 0; s < n; ++s) {
    for (uint32_t a = 0; a < k; ++a) {
      uint32_t s1 = any(rng), s2 = any(rng);
      if (s1 == s2 || coin(rng) < 2) {
        b.SetNext(s, a, s1);
      } else {
        b.SetSuccessors(s, a, {{s1, Rational(1, 3)}, {s2, Rational(2, 3)}});
      }
    }
  }
  std::string error;
  Mdp m = b.Build(&error);
  REQUIRE(error.empty());
  return m;
}

Reward RandomReward(const Mdp& m, std::mt19937& rng) {
  std::uniform_int_distribution<int> v(-3, 3);
  Reward r;
  for (size_t k = 0; k < m.succ.size(); ++k) r.value.push_back(v(rng));
  return r;
}

std::vector<Policy> AllPolicies(const Mdp& m) {
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

TEST_CASE("shaping: random potentials are found, random bonuses re-checked") {
  std::mt19937 rng(15);
  std::uniform_int_distribution<int> v(-4, 4);
  int found = 0, conflicts = 0;
  for (int round = 0; round < 300; ++round) {
    Mdp m = RandomMdp(rng);
    Reward base = RandomReward(m, rng);
    std::vector<Rational> phi(m.states);
    for (Rational& p : phi) p = Rational(v(rng)) / 2;  // canonical
    Reward shaped = Shaped(m, base, phi);
    PotentialSearch s =
        FindPotential(m, ShapingEquations(m, shaped, base, false));
    REQUIRE(s.kind == PotentialSearch::Kind::kPotential);
    ++found;
    // The potential found need not be phi, but it must shape base into
    // shaped, and keep the optimal policies and their order.
    CHECK(ShapedEquals(m, base, s.phi, shaped));
    CHECK(CompareOptimalPolicies(m, shaped, base).kind ==
          OptimalComparison::Kind::kSame);
    CHECK(FindMdpReversal(m, base, shaped).kind ==
          MdpPairSearch::Kind::kNone);
    // A random other reward: either a potential that re-checks, or a
    // minimal conflict.
    Reward other = RandomReward(m, rng);
    auto eqs = ShapingEquations(m, other, base, false);
    PotentialSearch t = FindPotential(m, eqs);
    if (t.kind == PotentialSearch::Kind::kPotential) {
      CHECK(ShapedEquals(m, base, t.phi, other));
    } else {
      REQUIRE(t.kind == PotentialSearch::Kind::kNoPotential);
      ++conflicts;
      CHECK_FALSE(EquationsConsistent(m, t.conflict));
      for (size_t i = 0; i < t.conflict.size(); ++i) {
        auto rest = t.conflict;
        rest.erase(rest.begin() + static_cast<long>(i));
        CHECK(EquationsConsistent(m, rest));
      }
      CHECK_FALSE(EquationsConsistent(m, eqs));
    }
  }
  CHECK(found == 300);
  CHECK(conflicts > 30);
}

TEST_CASE("shaping up to scale: c and Phi found, c > 0 decided exactly") {
  std::mt19937 rng(21);
  std::uniform_int_distribution<int> v(-4, 4);
  int positive = 0, nonpositive = 0;
  for (int round = 0; round < 200; ++round) {
    Mdp m = RandomMdp(rng);
    Reward base = RandomReward(m, rng);
    std::vector<Rational> phi(m.states);
    for (Rational& p : phi) p = Rational(v(rng)) / 2;
    Rational c = Rational(v(rng)) / 3;
    Reward scaled_base = base;
    for (Rational& x : scaled_base.value) x *= c;
    Reward shaped = Shaped(m, scaled_base, phi);
    auto eqs = ShapingEquations(m, shaped, base, false);
    PotentialSearch s = FindPotential(m, eqs, true);
    REQUIRE(s.kind != PotentialSearch::Kind::kNoPotential);
    REQUIRE(s.kind != PotentialSearch::Kind::kTooLarge);
    Reward rebuilt = base;
    for (Rational& x : rebuilt.value) x *= s.scale;
    CHECK(ShapedEquals(m, rebuilt, s.phi, shaped));
    if (c > 0) {
      CHECK(s.kind == PotentialSearch::Kind::kPotential);
    }
    if (s.kind == PotentialSearch::Kind::kPotential) {
      ++positive;
      CHECK(s.scale > 0);
    } else {
      ++nonpositive;
      CHECK(s.scale <= 0);
      // No c > 0 fits: c = 1 with any Phi is inconsistent, so is the
      // unscaled problem.
      CHECK(FindPotential(m, eqs).kind == PotentialSearch::Kind::kNoPotential);
    }
  }
  CHECK(positive > 50);
  CHECK(nonpositive > 30);
}

TEST_CASE("mdp unhackable: the reversal search agrees with brute force") {
  std::mt19937 rng(7);
  int reversed = 0, clean = 0;
  for (int round = 0; round < 300; ++round) {
    Mdp m = RandomMdp(rng);
    Reward truth = RandomReward(m, rng);
    Reward proxy = round % 3 == 0 ? truth : RandomReward(m, rng);
    bool brute = false;
    std::vector<Policy> all = AllPolicies(m);
    std::vector<Rational> jt, jp;
    for (const Policy& pi : all) {
      jt.push_back(FromStart(m, PolicyValues(m, truth, pi)));
      jp.push_back(FromStart(m, PolicyValues(m, proxy, pi)));
    }
    for (size_t i = 0; i < all.size() && !brute; ++i) {
      for (size_t j = 0; j < all.size(); ++j) {
        if (jt[i] < jt[j] && jp[i] > jp[j]) {
          brute = true;
          break;
        }
      }
    }
    MdpPairSearch s = FindMdpReversal(m, truth, proxy);
    REQUIRE(s.kind != MdpPairSearch::Kind::kTooLarge);
    CHECK((s.kind == MdpPairSearch::Kind::kFound) == brute);
    if (s.kind == MdpPairSearch::Kind::kFound) {
      ++reversed;
      CHECK(FromStart(m, PolicyValues(m, truth, s.p)) == s.p_truth);
      CHECK(FromStart(m, PolicyValues(m, proxy, s.q)) == s.q_proxy);
      CHECK(s.p_truth < s.q_truth);
      CHECK(s.p_proxy > s.q_proxy);
    } else {
      ++clean;
    }
  }
  CHECK(reversed > 50);
  CHECK(clean > 50);
}

TEST_CASE("mdp simplifies: the class search agrees with brute force") {
  std::mt19937 rng(9);
  std::uniform_int_distribution<int> v(-1, 1);
  int holds = 0, fails = 0;
  for (int round = 0; round < 300; ++round) {
    Mdp m = RandomMdp(rng);
    Reward truth = RandomReward(m, rng);
    // Proxies that tie: 0, a coarse copy of the truth, or random.
    Reward proxy = truth;
    if (round % 3 == 0) {
      for (Rational& x : proxy.value) x = 0;
    } else if (round % 3 == 1) {
      for (Rational& x : proxy.value) x = x > 0 ? 1 : 0;
    } else {
      for (Rational& x : proxy.value) x = v(rng);
    }
    std::vector<Policy> all = AllPolicies(m);
    std::vector<Rational> jt, jp;
    for (const Policy& pi : all) {
      jt.push_back(FromStart(m, PolicyValues(m, truth, pi)));
      jp.push_back(FromStart(m, PolicyValues(m, proxy, pi)));
    }
    bool broken = false, tie_made = false;
    for (size_t i = 0; i < all.size(); ++i) {
      for (size_t j = 0; j < all.size(); ++j) {
        if (jt[i] <= jt[j] && jp[i] > jp[j]) broken = true;
        if (jt[i] < jt[j] && jp[i] == jp[j]) tie_made = true;
      }
    }
    MdpPairSearch s =
        FindMdpPair(m, truth, proxy, PairRegion::kNotPreserved);
    REQUIRE(s.kind != MdpPairSearch::Kind::kTooLarge);
    CHECK((s.kind == MdpPairSearch::Kind::kFound) == broken);
    if (s.kind == MdpPairSearch::Kind::kFound) {
      CHECK(s.p_truth <= s.q_truth);
      CHECK(s.p_proxy > s.q_proxy);
    }
    bool simplifies = false;
    if (!broken) {
      MdpPairSearch t = FindMdpPair(m, truth, proxy, PairRegion::kTieMade);
      CHECK((t.kind == MdpPairSearch::Kind::kFound) == tie_made);
      if (t.kind == MdpPairSearch::Kind::kFound) {
        CHECK(t.p_truth < t.q_truth);
        CHECK(t.p_proxy == t.q_proxy);
        CHECK(FromStart(m, PolicyValues(m, proxy, t.p)) ==
              FromStart(m, PolicyValues(m, proxy, t.q)));
      }
      simplifies = t.kind == MdpPairSearch::Kind::kFound;
    }
    simplifies ? ++holds : ++fails;
  }
  CHECK(holds > 30);
  CHECK(fails > 30);
}

TEST_CASE("mdp unhackable: beyond the class limit the answer is unknown") {
  Mdp m = Bicycle();
  Reward r = Arrival(m);
  MdpPairSearch s = FindMdpReversal(m, r, r, 2);
  CHECK(s.kind == MdpPairSearch::Kind::kTooLarge);
  CHECK(s.reason.find("more than 2 classes") != std::string::npos);
}

TEST_CASE("shaping: beyond the size limit the answer is unknown") {
  const size_t n = kMaxShapingUnknowns + 1;
  MdpBuilder b(n, 1);
  b.SetDiscount(Rational(1, 2));
  b.SetStartWeight(0, 1);
  for (uint32_t s = 0; s < n; ++s) {
    b.SetNext(s, 0, static_cast<uint32_t>((s + 1) % n));
  }
  std::string error;
  Mdp m = b.Build(&error);
  REQUIRE(error.empty());
  Reward r = RewardOfStateAction(m, [](uint32_t, uint32_t) {
    return Rational(0);
  });
  PotentialSearch s = FindPotential(m, ShapingEquations(m, r, r, true));
  CHECK(s.kind == PotentialSearch::Kind::kTooLarge);
  CHECK(s.reason.find("limited to 400 unknowns") != std::string::npos);
}

}  // namespace
}  // namespace aligncheck
