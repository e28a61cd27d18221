// Tests of the RL learners against a straightforward re-implementation of
// the documented order of draws and updates: same seeds, bit-identical
// tables.
#include "train/rl_learner.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "train/splitmix.h"

namespace aligncheck {
namespace {

// A 3-state chain with a slippery move: s0 -(go)-> s1 w.p. 3/4 else s0;
// s1 -(go)-> s2 (terminal) paying 1; `back` returns to s0 paying 0.1.
RlProblem Chain() {
  RlProblem p;
  p.states = 3;
  p.actions = 2;
  p.discount = 0.9;
  p.start = {0.5, 0.5, 0.0};
  p.terminal = {false, false, true};
  // choices (s, a): (0,go) (0,back) (1,go) (1,back) (2,go) (2,back)
  p.begin = {0, 2, 3, 4, 5, 6, 7};
  p.next = {1, 0, 0, 2, 0, 2, 2};
  p.prob = {0.75, 0.25, 1.0, 1.0, 1.0, 1.0, 1.0};
  p.reward = {0.0, 0.0, 0.1, 1.0, 0.1, 0.0, 0.0};
  return p;
}

// The reference: every step written out in the documented order.
size_t RefDraw(const std::vector<double>& w, double u) {
  double sum = 0;
  size_t last = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] <= 0) continue;
    sum += w[i];
    last = i;
    if (u < sum) return i;
  }
  return last;
}

size_t RefArgmax(const std::vector<double>& row) {
  double best = row[0];
  for (double v : row) best = std::max(best, v);
  double slack = 1e-9 * std::max(1.0, std::fabs(best));
  for (size_t a = 0; a < row.size(); ++a) {
    if (row[a] >= best - slack) return a;
  }
  return 0;
}

std::vector<double> Row(const std::vector<double>& t, size_t s, size_t n) {
  return std::vector<double>(t.begin() + s * n, t.begin() + (s + 1) * n);
}

size_t RefSuccessor(const RlProblem& p, size_t s, size_t a, double u) {
  size_t c = s * p.actions + a;
  std::vector<double> w(p.prob.begin() + p.begin[c],
                        p.prob.begin() + p.begin[c + 1]);
  return p.begin[c] + RefDraw(w, u);
}

std::vector<double> RefQ(const RlProblem& p, double eps, double lr,
                         int episodes, int horizon, uint64_t seed) {
  SplitMix64 rng(seed);
  std::vector<double> q(p.states * p.actions, 0.0);
  for (int e = 0; e < episodes; ++e) {
    size_t s = RefDraw(p.start, rng.Unit());
    for (int t = 0; t < horizon && !p.terminal[s]; ++t) {
      size_t a;
      if (rng.Unit() < eps) {
        a = std::min<size_t>(static_cast<size_t>(rng.Unit() * p.actions),
                             p.actions - 1);
      } else {
        a = RefArgmax(Row(q, s, p.actions));
      }
      size_t k = RefSuccessor(p, s, a, rng.Unit());
      size_t s2 = p.next[k];
      double target = p.reward[k];
      if (!p.terminal[s2]) {
        std::vector<double> r2 = Row(q, s2, p.actions);
        target += p.discount * *std::max_element(r2.begin(), r2.end());
      }
      q[s * p.actions + a] += lr * (target - q[s * p.actions + a]);
      s = s2;
    }
  }
  return q;
}

std::vector<double> RefReinforce(const RlProblem& p, double lr, int episodes,
                                 int horizon, uint64_t seed) {
  SplitMix64 rng(seed);
  std::vector<double> th(p.states * p.actions, 0.0);
  for (int e = 0; e < episodes; ++e) {
    struct StepRec {
      size_t s, a;
      double r;
      std::vector<double> probs;
    };
    std::vector<StepRec> ep;
    size_t s = RefDraw(p.start, rng.Unit());
    for (int t = 0; t < horizon && !p.terminal[s]; ++t) {
      std::vector<double> row = Row(th, s, p.actions);
      double best = *std::max_element(row.begin(), row.end());
      double total = 0;
      for (double& v : row) {
        v = std::exp(v - best);
        total += v;
      }
      for (double& v : row) v /= total;
      size_t a = RefDraw(row, rng.Unit());
      size_t k = RefSuccessor(p, s, a, rng.Unit());
      ep.push_back({s, a, p.reward[k], row});
      s = p.next[k];
    }
    std::vector<double> g(ep.size() + 1, 0.0);
    for (size_t t = ep.size(); t-- > 0;) g[t] = ep[t].r + p.discount * g[t + 1];
    double power = 1;
    for (size_t t = 0; t < ep.size(); ++t) {
      for (size_t b = 0; b < p.actions; ++b) {
        th[ep[t].s * p.actions + b] +=
            lr * power * g[t] * ((b == ep[t].a ? 1.0 : 0.0) - ep[t].probs[b]);
      }
      power *= p.discount;
    }
  }
  return th;
}

bool BitIdentical(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() &&
         std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

TEST_CASE("rl_learner: Q-learning matches the reference bit for bit") {
  RlProblem p = Chain();
  RlSetup s;
  s.kind = RlSetup::Kind::kQLearning;
  s.epsilon = 0.3;
  s.lr = 0.25;
  s.episodes = 200;
  s.horizon = 7;
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    CAPTURE(seed);
    RlRun run = TrainRl(p, s, seed);
    CHECK(BitIdentical(run.values, RefQ(p, 0.3, 0.25, 200, 7, seed)));
  }
  // Learned: go at s1 (1 now) beats back (0.1 + 0.9 V(s0)).
  RlRun run = TrainRl(p, s, 1);
  CHECK(GreedyPolicy(p, run.values)[1] == 0);
  CHECK(run.visits[0] > 0);
  CHECK(run.visits[2] > 0);  // terminal positions count
}

TEST_CASE("rl_learner: REINFORCE matches the reference bit for bit") {
  RlProblem p = Chain();
  RlSetup s;
  s.kind = RlSetup::Kind::kReinforce;
  s.lr = 0.5;
  s.episodes = 150;
  s.horizon = 9;
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    CAPTURE(seed);
    CHECK(BitIdentical(TrainRl(p, s, seed).values,
                       RefReinforce(p, 0.5, 150, 9, seed)));
  }
}

TEST_CASE("rl_learner: seeds differ, repeats agree, ties take the lowest") {
  RlProblem p = Chain();
  RlSetup s;
  s.episodes = 20;
  s.horizon = 5;
  s.epsilon = 0.5;
  s.lr = 0.5;
  CHECK(BitIdentical(TrainRl(p, s, 7).values, TrainRl(p, s, 7).values));
  CHECK_FALSE(BitIdentical(TrainRl(p, s, 7).values, TrainRl(p, s, 8).values));
  std::vector<double> tied = {0.0, 0.0, 1.0, 1.0 + 1e-12, 2.0, 1.0};
  CHECK(GreedyPolicy(p, tied) == std::vector<uint32_t>{0, 0, 0});
  std::vector<double> second = {0.0, 0.5, 1.0, 2.0, 0.0, 0.0};
  CHECK(GreedyPolicy(p, second) == std::vector<uint32_t>{1, 1, 0});
  s.random_init = true;
  std::vector<double> init = InitialTable(p, s, 3);
  SplitMix64 rng(3);
  for (double v : init) CHECK(v == 0.01 * rng.Normal());
}

}  // namespace
}  // namespace aligncheck
