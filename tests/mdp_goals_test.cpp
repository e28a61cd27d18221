// Goals over runs, censuses and witnesses on hand-made MDPs: DESIGN's boat
// race, a stochastic cliff, bounded goals that stationary policies cannot
// meet the way step-counting ones could.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "mdp/census.h"
#include "mdp/mdp.h"
#include "mdp/path_goal.h"
#include "mdp/returns.h"
#include "mdp/witness.h"

namespace aligncheck {
namespace {

enum Tile : uint32_t { t0, t1, t2, t3 };
enum Move : uint32_t { cw, ccw };

Mdp BoatRace() {
  MdpBuilder b(4, 2);
  b.SetDiscount(Rational(9, 10));
  b.SetStartWeight(t0, 1);
  for (uint32_t s = 0; s < 4; ++s) {
    b.SetNext(s, cw, (s + 1) % 4);
    b.SetNext(s, ccw, (s + 3) % 4);
  }
  std::string error;
  Mdp m = b.Build(&error);
  REQUIRE(error == "");
  return m;
}

Reward Checkpoint(const Mdp& m) {
  return RewardOfStateAction(m, [](uint32_t s, uint32_t a) {
    return Rational(s == t0 && a == cw ? 3 : 0);
  });
}

Reward Progress(const Mdp& m) {
  return RewardOfStateAction(
      m, [](uint32_t, uint32_t a) { return Rational(a == cw ? 1 : -1); });
}

TEST_CASE("mdp census: 4 optimal boat-race policies for checkpoint, 1 for progress") {
  Mdp m = BoatRace();
  Reward progress = Progress(m);
  Optimum opt = OptimalValues(m, Checkpoint(m), AllActions(m));
  REQUIRE(opt.ok);
  // laps(pi) = return(track, pi, progress) >= 9.
  CensusGoal laps;
  laps.violated_by_runs = [&](const PolicyClass& cls) {
    Policy pi = CompletePolicy(m, AllActions(m), cls.policy);
    return FromStart(m, PolicyValues(m, progress, pi)) < 9;
  };
  MdpCensus census = CountOptimalPolicies(m, opt, laps);
  REQUIRE(census.counted);
  CHECK(census.policies == 4);
  CHECK(census.violating == 4);
  CHECK(census.violation[t0] == cw);
  CHECK(census.violation[t1] == ccw);
  CHECK(ReachedStates(m, census.violation) ==
        std::vector<bool>{true, true, false, false});
  Lasso run = RunLasso(m, census.violation, t0);
  CHECK(run.prefix.empty());
  CHECK(run.cycle == std::vector<uint32_t>{t0, t1});

  Optimum best = OptimalValues(m, progress, AllActions(m));
  MdpCensus honest = CountOptimalPolicies(m, best, laps);
  REQUIRE(honest.counted);
  CHECK(honest.policies == 1);
  CHECK(honest.violating == 0);

  // A per-state goal counts the free states too: pi(t2) == cw.
  CensusGoal t2_cw;
  t2_cw.state_ok.assign(m.choices(), true);
  t2_cw.state_ok[m.Choice(t2, ccw)] = false;
  MdpCensus per_state = CountOptimalPolicies(m, opt, t2_cw);
  CHECK(per_state.violating == 2);
  CHECK(per_state.violation[t2] == ccw);
}

TEST_CASE("mdp near-optimal: within eps admits the laps only when eps is large") {
  Mdp m = BoatRace();
  Reward checkpoint = Checkpoint(m);
  Optimum opt = OptimalValues(m, checkpoint, AllActions(m));
  CensusGoal none;
  // 300/19 - 30000/3439 = 6.8...: laps need eps >= that gap.
  Rational lap_gap = Rational(300, 19) - Rational(30000, 3439);
  MdpCensus tight = CountNearOptimalPolicies(m, checkpoint, opt, 0, none);
  REQUIRE(tight.counted);
  CHECK(tight.policies == 4);
  auto progress_of = [&](const Policy& pi) {
    return FromStart(m, PolicyValues(m, Progress(m), pi));
  };
  Extreme below = NearOptimalExtreme(m, checkpoint, opt, lap_gap - Rational(1, 1000),
                                     progress_of, Sense::kMax);
  REQUIRE(below.exact());
  CHECK(below.value < 10);
  Extreme at = NearOptimalExtreme(m, checkpoint, opt, lap_gap, progress_of,
                                  Sense::kMax);
  REQUIRE(at.exact());
  CHECK(at.value == 10);
  CHECK(at.policy == Policy{cw, cw, cw, cw});
}

// A cliff walk: from s0 the short road (s1) slips into lava with 1/4; the
// long road (s2, s3) is safe. Lava and home are terminal.
enum Cliff : uint32_t { s0, s1, s2, s3, lava, home };
enum Road : uint32_t { kShort, kLong };

Mdp CliffWalk() {
  MdpBuilder b(6, 2);
  b.SetDiscount(Rational(1, 2));
  b.SetStartWeight(s0, 1);
  b.SetTerminal(lava);
  b.SetTerminal(home);
  b.SetNext(s0, kShort, s1);
  b.SetNext(s0, kLong, s2);
  for (uint32_t a : {kShort, kLong}) {
    b.SetSuccessors(s1, a, {{home, Rational(3, 4)}, {lava, Rational(1, 4)}});
    b.SetNext(s2, a, s3);
    b.SetNext(s3, a, home);
  }
  std::string error;
  Mdp m = b.Build(&error);
  REQUIRE(error == "");
  return m;
}

TEST_CASE("mdp path goals: reach, avoid, until and within on a cliff") {
  Mdp m = CliffWalk();
  auto in = [&](uint32_t target) {
    return PositionPredicate::Of(
        m, [target](uint32_t s, std::optional<uint32_t>) { return s == target; });
  };
  PositionPredicate not_lava = in(lava).Negated();
  ActionMask all = AllActions(m);
  Extreme worst = ExtremePathProbability(m, all, PathFormula::Always(not_lava),
                                         Sense::kMin);
  REQUIRE(worst.exact());
  CHECK(worst.value == Rational(3, 4));
  CHECK(worst.policy[s0] == kShort);
  Extreme safest = ExtremePathProbability(m, all, PathFormula::Always(not_lava),
                                          Sense::kMax);
  CHECK(safest.value == 1);
  CHECK(safest.policy[s0] == kLong);
  Extreme home_first = ExtremePathProbability(
      m, all, PathFormula::Until(not_lava, in(home)), Sense::kMin);
  CHECK(home_first.value == Rational(3, 4));
  // Home within 2 transitions only by the short road, within 3 surely.
  CHECK(ExtremePathProbability(m, all, PathFormula::EventuallyWithin(2, in(home)),
                               Sense::kMax).value == Rational(3, 4));
  CHECK(ExtremePathProbability(m, all, PathFormula::EventuallyWithin(3, in(home)),
                               Sense::kMax).value == 1);

  // Reward 10 for home; the short road is optimal (2 steps), and so the
  // optimal policies fall in the lava with probability 1/4: 1/2 * 3/4 * 10
  // beats 1/4 * 10 by the long road.
  Reward r = RewardOfTransition(m, [](uint32_t, uint32_t, uint32_t s2) {
    return Rational(s2 == home ? 10 : 0);
  });
  Optimum opt = OptimalValues(m, r, all);
  REQUIRE(opt.ok);
  CHECK(opt.v[s0] == Rational(15, 4));
  Extreme risk = ExtremePathProbability(m, opt.optimal,
                                        PathFormula::Eventually(in(lava)),
                                        Sense::kMax);
  CHECK(risk.value == Rational(1, 4));
  WitnessPath path = ViolatingPath(m, risk.policy, PathFormula::Always(not_lava));
  REQUIRE(path.found);
  CHECK(path.states == std::vector<uint32_t>{s0, s1, lava});
  CHECK(path.probability == Rational(1, 4));
}

TEST_CASE("mdp path goals: an action comparison is false at a terminal position") {
  // action == go holds at s0 only when s0 goes; the terminal end has none.
  MdpBuilder b(2, 2);
  b.SetDiscount(Rational(1, 2));
  b.SetStartWeight(0, 1);
  b.SetTerminal(1);
  b.SetNext(0, 0, 1);
  b.SetNext(0, 1, 1);
  std::string error;
  Mdp m = b.Build(&error);
  REQUIRE(error == "");
  PositionPredicate go = PositionPredicate::Of(
      m, [](uint32_t, std::optional<uint32_t> a) { return a && *a == 1; });
  CHECK(PathProbability(m, Policy{1, 0}, PathFormula::Always(go)) == 0);
  CHECK(PathProbability(m, Policy{1, 0}, PathFormula::Eventually(go)) == 1);
  CHECK(PathProbability(m, Policy{0, 0}, PathFormula::Eventually(go)) == 0);
}

TEST_CASE("mdp bounded goals: stationary runs on a deterministic MDP") {
  // A line 0 -> 1 -> 2 -> 3 (F at 3) with a detour 1 -> 4 -> 1 that a
  // stationary policy cannot take just once: it stays on the detour forever.
  MdpBuilder b(5, 2);
  b.SetDiscount(Rational(1, 2));
  b.SetStartWeight(0, 1);
  for (uint32_t a = 0; a < 2; ++a) {
    b.SetNext(0, a, 1);
    b.SetNext(2, a, 3);
    b.SetNext(3, a, 3);
    b.SetNext(4, a, 1);
  }
  b.SetNext(1, 0, 2);
  b.SetNext(1, 1, 4);
  std::string error;
  Mdp m = b.Build(&error);
  REQUIRE(error == "");
  PositionPredicate at3 = PositionPredicate::Of(
      m, [](uint32_t s, std::optional<uint32_t>) { return s == 3; });
  ActionMask all = AllActions(m);
  Extreme avoid = ExtremePathProbability(
      m, all, PathFormula::EventuallyWithin(10, at3), Sense::kMin);
  REQUIRE(avoid.exact());
  CHECK(avoid.value == 0);
  CHECK(avoid.policy[1] == 1);
  CHECK(RunLasso(m, avoid.policy, 0).cycle == std::vector<uint32_t>{1, 4});
  // Without the detour every run meets F at position 3.
  all[m.Choice(1, 1)] = false;
  CHECK(ExtremePathProbability(m, all, PathFormula::EventuallyWithin(2, at3),
                               Sense::kMin).value == 0);
  CHECK(ExtremePathProbability(m, all, PathFormula::EventuallyWithin(3, at3),
                               Sense::kMin).value == 1);
  CHECK(ExtremePathProbability(m, all, PathFormula::EventuallyWithin(2, at3),
                               Sense::kMax).value == 0);
}

TEST_CASE("mdp census: a budget too small says why nothing was counted") {
  // 12 states in a ring, both actions equal everywhere: 2^12 optimal policies.
  MdpBuilder b(12, 2);
  b.SetDiscount(Rational(1, 2));
  b.SetStartWeight(0, 1);
  for (uint32_t s = 0; s < 12; ++s) {
    b.SetNext(s, 0, (s + 1) % 12);
    b.SetNext(s, 1, (s + 1) % 12);
  }
  std::string error;
  Mdp m = b.Build(&error);
  REQUIRE(error == "");
  Reward r = RewardOfStateAction(m, [](uint32_t, uint32_t) { return Rational(1); });
  Optimum opt = OptimalValues(m, r, AllActions(m));
  MdpCensus full = CountOptimalPolicies(m, opt, CensusGoal{});
  REQUIRE(full.counted);
  CHECK(full.policies == 4096);
  SearchBudget small;
  small.max_classes = 100;
  MdpCensus cut = CountOptimalPolicies(m, opt, CensusGoal{}, small);
  CHECK(!cut.counted);
  CHECK(cut.reason == "not counted: more than 100 policy classes");
}

TEST_CASE("mdp census: counting by runs agrees with brute force") {
  // Random deterministic MDPs whose moves go to later states (acyclic) and
  // end in terminal states, random allowed sets: every policy is tried.
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    const uint32_t n = 2 + rng() % 7, k = 1 + rng() % 3;
    MdpBuilder b(n, k);
    b.SetDiscount(Rational(1, 2));
    b.SetStartWeight(0, 1);
    b.SetTerminal(n - 1);
    for (uint32_t s = 0; s + 1 < n; ++s) {
      if (s > 0 && rng() % 5 == 0) b.SetTerminal(s);
      for (uint32_t a = 0; a < k; ++a) {
        b.SetNext(s, a, s + 1 + rng() % (n - 1 - s));
      }
    }
    std::string error;
    Mdp m = b.Build(&error);
    REQUIRE(error == "");
    ActionMask allowed(m.choices(), false);
    for (uint32_t s = 0; s < n; ++s) {
      allowed[m.Choice(s, rng() % k)] = true;
      for (uint32_t a = 0; a < k; ++a) {
        if (rng() % 2) allowed[m.Choice(s, a)] = true;
      }
    }
    // Brute force: every policy over the non-terminal states; follow its
    // run and accept it when every move on the run is allowed.
    std::vector<uint32_t> acting;
    for (uint32_t s = 0; s < n; ++s) {
      if (!m.terminal[s]) acting.push_back(s);
    }
    Policy pi(n, 0);
    BigInt brute = 0;
    for (;;) {
      bool ok = true;
      for (uint32_t s = 0; !m.terminal[s];) {
        uint32_t c = static_cast<uint32_t>(m.Choice(s, pi[s]));
        if (!allowed[c]) {
          ok = false;
          break;
        }
        s = m.succ[m.begin[c]].state;
      }
      if (ok) brute += 1;
      size_t i = 0;
      for (; i < acting.size(); ++i) {
        if (++pi[acting[i]] < k) break;
        pi[acting[i]] = 0;
      }
      if (i == acting.size()) break;
    }
    std::optional<BigInt> counted = CountAllowedByRuns(m, allowed);
    REQUIRE(counted);
    CHECK(*counted == brute);
  }
}

TEST_CASE("mdp census: counting by runs declines lassos, slips and two starts") {
  Mdp ring = BoatRace();
  CHECK(!CountAllowedByRuns(ring, AllActions(ring)));
  MdpBuilder b(3, 1);
  b.SetDiscount(Rational(1, 2));
  b.SetStartWeight(0, 1);
  b.SetStartWeight(1, 1);
  b.SetNext(0, 0, 2);
  b.SetNext(1, 0, 2);
  b.SetTerminal(2);
  std::string error;
  Mdp two = b.Build(&error);
  REQUIRE(error == "");
  CHECK(!CountAllowedByRuns(two, AllActions(two)));
  MdpBuilder c(3, 1);
  c.SetDiscount(Rational(1, 2));
  c.SetStartWeight(0, 1);
  c.SetSuccessors(0, 0, {{1, Rational(1, 2)}, {2, Rational(1, 2)}});
  c.SetTerminal(1);
  c.SetTerminal(2);
  Mdp slip = c.Build(&error);
  REQUIRE(error == "");
  CHECK(!CountAllowedByRuns(slip, AllActions(slip)));
}

}  // namespace
}  // namespace aligncheck
