// MDP engine timings on gridworlds: Q* and the worst cases over optimal
// policies of reach, avoid and return goals, all exact. Not a test; see
// bench/README.md for how to build and run it and for measured figures.
//
// A W x H grid, moves up/down/left/right (a wall keeps the boat in place),
// the goal tile in the far corner and lava tiles (terminal) on a fixed
// pseudo-random 5% of the tiles. Reward 1 for entering the goal, discount
// 99/100. The stochastic variant slips sideways with probability 1/10 each
// way (three successors per move).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "mdp/census.h"
#include "mdp/mdp.h"
#include "mdp/path_goal.h"
#include "mdp/returns.h"

namespace aligncheck {
namespace {

struct Grid {
  Mdp mdp;
  uint32_t goal;
  std::vector<bool> lava;
};

Grid MakeGrid(uint32_t w, uint32_t h, bool slip) {
  const uint32_t n = w * h;
  Grid g;
  g.goal = n - 1;
  g.lava.assign(n, false);
  uint64_t x = 88172645463325252ull;
  for (uint32_t s = 1; s + 1 < n; ++s) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    g.lava[s] = x % 20 == 0;
  }
  MdpBuilder b(n, 4);
  b.SetDiscount(Rational(99, 100));
  b.SetStartWeight(0, 1);
  const int dx[] = {0, 0, -1, 1}, dy[] = {-1, 1, 0, 0};
  auto move = [&](uint32_t s, int d) {
    int cx = static_cast<int>(s % w) + dx[d], cy = static_cast<int>(s / w) + dy[d];
    if (cx < 0 || cy < 0 || cx >= static_cast<int>(w) || cy >= static_cast<int>(h)) {
      return s;
    }
    return static_cast<uint32_t>(cy * static_cast<int>(w) + cx);
  };
  const int left_of[] = {2, 3, 1, 0}, right_of[] = {3, 2, 0, 1};
  for (uint32_t s = 0; s < n; ++s) {
    if (s == g.goal || g.lava[s]) b.SetTerminal(s);
    for (uint32_t a = 0; a < 4; ++a) {
      if (!slip) {
        b.SetNext(s, a, move(s, a));
        continue;
      }
      std::vector<Successor> out;
      auto add = [&](uint32_t t, const Rational& p) {
        for (Successor& o : out) {
          if (o.state == t) {
            o.prob += p;
            return;
          }
        }
        out.push_back({t, p});
      };
      add(move(s, a), Rational(8, 10));
      add(move(s, left_of[a]), Rational(1, 10));
      add(move(s, right_of[a]), Rational(1, 10));
      b.SetSuccessors(s, a, out);
    }
  }
  std::string error;
  g.mdp = b.Build(&error);
  if (!error.empty()) {
    std::fprintf(stderr, "bad grid: %s\n", error.c_str());
    std::exit(1);
  }
  return g;
}

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void Run(uint32_t w, uint32_t h, bool slip) {
  auto t0 = std::chrono::steady_clock::now();
  Grid g = MakeGrid(w, h, slip);
  const Mdp& m = g.mdp;
  Reward r = RewardOfTransition(m, [&](uint32_t, uint32_t, uint32_t s2) {
    return Rational(s2 == g.goal ? 1 : 0);
  });
  // Another reward for the return goal: -1 per step taken near the border.
  Reward border = RewardOfStateAction(m, [&](uint32_t s, uint32_t) {
    uint32_t x = s % w, y = s / w;
    return Rational(x == 0 || y == 0 || x + 1 == w || y + 1 == h ? -1 : 0);
  });
  double build = Since(t0);

  auto t1 = std::chrono::steady_clock::now();
  Optimum opt = OptimalValues(m, r, AllActions(m));
  double qstar = Since(t1);
  if (!opt.ok) {
    std::printf("optimum failed: %s\n", opt.error.c_str());
    return;
  }
  auto t2 = std::chrono::steady_clock::now();
  PositionPredicate at_goal = PositionPredicate::Of(
      m, [&](uint32_t s, std::optional<uint32_t>) { return s == g.goal; });
  PositionPredicate not_lava = PositionPredicate::Of(
      m, [&](uint32_t s, std::optional<uint32_t>) { return !g.lava[s]; });
  Extreme reach = ExtremePathProbability(m, opt.optimal,
                                         PathFormula::Eventually(at_goal), Sense::kMin);
  double t_reach = Since(t2);
  auto t3 = std::chrono::steady_clock::now();
  Extreme avoid = ExtremePathProbability(m, opt.optimal,
                                         PathFormula::Always(not_lava), Sense::kMin);
  double t_avoid = Since(t3);
  auto t4 = std::chrono::steady_clock::now();
  Extreme ret = ExtremeReturn(m, border, opt.optimal, Sense::kMin);
  double t_return = Since(t4);
  auto t5 = std::chrono::steady_clock::now();
  MdpCensus census = CountOptimalPolicies(m, opt, CensusGoal{});
  double t_census = Since(t5);

  std::string v = FormatRational(opt.start_value);
  std::printf(
      "%s %ux%u (%zu states, %zu transitions): build %.3f s, Q* %.3f s "
      "(%d exact repairs, V*(start) %zu chars), reach %.3f s (min %s), "
      "avoid %.3f s (min %s), return %.3f s (%s), census %.3f s (%s), "
      "total %.3f s\n",
      slip ? "stochastic" : "deterministic", w, h, m.states, m.succ.size(), build,
      qstar, opt.improvement_rounds, v.size(), t_reach,
      reach.exact() ? FormatRational(reach.value).substr(0, 12).c_str() : "undecided",
      t_avoid,
      avoid.exact() ? FormatRational(avoid.value).substr(0, 12).c_str() : "undecided",
      t_return, ret.exact() ? "exact" : "undecided", t_census,
      census.counted ? FormatBigInt(census.policies).substr(0, 20).c_str()
                     : census.reason.c_str(),
      Since(t0));
  std::fflush(stdout);
}

}  // namespace
}  // namespace aligncheck

int main(int argc, char** argv) {
  using aligncheck::Run;
  std::string only = argc > 1 ? argv[1] : "";
  if (only == "grid100") Run(100, 100, false);
  if (only == "slip32") Run(32, 32, true);
  if (only.empty() || only == "det") {
    Run(50, 50, false);
    Run(100, 100, false);
    Run(160, 160, false);
    Run(224, 224, false);
    Run(317, 317, false);
  }
  if (only.empty() || only == "slip") {
    Run(10, 10, true);
    Run(20, 20, true);
    Run(32, 32, true);
  }
  return 0;
}
