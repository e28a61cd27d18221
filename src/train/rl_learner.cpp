// Q-learning and REINFORCE, in the draw and update order rl_learner.h fixes.
#include "train/rl_learner.h"

#include <algorithm>
#include <cmath>

#include "train/learner.h"
#include "train/splitmix.h"

namespace aligncheck {
namespace {

// The first index whose cumulative weight exceeds u; the last positive
// one when rounding leaves u above every partial sum.
size_t Draw(const double* weight, size_t n, double u) {
  double sum = 0.0;
  size_t last = 0;
  for (size_t i = 0; i < n; ++i) {
    if (weight[i] <= 0.0) continue;
    sum += weight[i];
    last = i;
    if (u < sum) return i;
  }
  return last;
}

uint32_t GreedyAt(const RlProblem& p, const std::vector<double>& values,
                  size_t s) {
  const double* row = &values[s * p.actions];
  double best = row[0];
  for (size_t a = 1; a < p.actions; ++a) best = std::max(best, row[a]);
  double slack = kTieTolerance * std::max(1.0, std::fabs(best));
  for (size_t a = 0; a < p.actions; ++a) {
    if (row[a] >= best - slack) return static_cast<uint32_t>(a);
  }
  return 0;
}

// Softmax of one row, the row maximum subtracted, sums in action order.
void RowSoftmax(const double* row, size_t n, double* out) {
  double best = row[0];
  for (size_t a = 1; a < n; ++a) best = std::max(best, row[a]);
  double total = 0.0;
  for (size_t a = 0; a < n; ++a) {
    out[a] = std::exp(row[a] - best);
    total += out[a];
  }
  for (size_t a = 0; a < n; ++a) out[a] /= total;
}

// One sampled transition of choice (s, a): its index.
uint32_t Step(const RlProblem& p, size_t s, size_t a, SplitMix64& rng) {
  size_t c = s * p.actions + a;
  uint32_t b = p.begin[c];
  uint32_t e = p.begin[c + 1];
  return b + static_cast<uint32_t>(Draw(&p.prob[b], e - b, rng.Unit()));
}

void QEpisode(const RlProblem& p, const RlSetup& setup, SplitMix64& rng,
              RlRun& run) {
  std::vector<double>& q = run.values;
  size_t s = Draw(p.start.data(), p.states, rng.Unit());
  for (int64_t t = 0; t < setup.horizon && !p.terminal[s]; ++t) {
    ++run.visits[s];
    size_t a;
    if (rng.Unit() < setup.epsilon) {
      a = std::min(
          static_cast<size_t>(rng.Unit() * static_cast<double>(p.actions)),
          p.actions - 1);
    } else {
      a = GreedyAt(p, q, s);
    }
    uint32_t k = Step(p, s, a, rng);
    size_t s2 = p.next[k];
    double target = p.reward[k];
    if (!p.terminal[s2]) {
      const double* row = &q[s2 * p.actions];
      double best = row[0];
      for (size_t b = 1; b < p.actions; ++b) best = std::max(best, row[b]);
      target += p.discount * best;
    }
    double& cell = q[s * p.actions + a];
    cell += setup.lr * (target - cell);
    s = s2;
  }
  ++run.visits[s];
}

void ReinforceEpisode(const RlProblem& p, const RlSetup& setup, SplitMix64& rng,
                      RlRun& run) {
  std::vector<double>& theta = run.values;
  std::vector<size_t> states, acts;
  std::vector<double> rewards, probs;
  std::vector<double> row(p.actions);
  size_t s = Draw(p.start.data(), p.states, rng.Unit());
  for (int64_t t = 0; t < setup.horizon && !p.terminal[s]; ++t) {
    ++run.visits[s];
    RowSoftmax(&theta[s * p.actions], p.actions, row.data());
    size_t a = Draw(row.data(), p.actions, rng.Unit());
    uint32_t k = Step(p, s, a, rng);
    states.push_back(s);
    acts.push_back(a);
    rewards.push_back(p.reward[k]);
    probs.insert(probs.end(), row.begin(), row.end());
    s = p.next[k];
  }
  ++run.visits[s];
  size_t steps = states.size();
  std::vector<double> ret(steps + 1, 0.0);
  for (size_t t = steps; t-- > 0;)
    ret[t] = rewards[t] + p.discount * ret[t + 1];
  double power = 1.0;  // g^t
  for (size_t t = 0; t < steps; ++t) {
    double scale = setup.lr * power * ret[t];
    double* logits = &theta[states[t] * p.actions];
    const double* pt = &probs[t * p.actions];
    for (size_t b = 0; b < p.actions; ++b) {
      logits[b] += scale * ((b == acts[t] ? 1.0 : 0.0) - pt[b]);
    }
    power *= p.discount;
  }
}

}  // namespace

std::vector<double> InitialTable(const RlProblem& p, const RlSetup& s,
                                 uint64_t seed) {
  std::vector<double> table(p.states * p.actions, 0.0);
  if (!s.random_init) return table;
  SplitMix64 rng(seed);
  for (double& v : table) v = 0.01 * rng.Normal();
  return table;
}

RlRun TrainRl(const RlProblem& p, const RlSetup& s, uint64_t seed) {
  SplitMix64 rng(seed);
  RlRun run;
  run.values.assign(p.states * p.actions, 0.0);
  if (s.random_init) {
    for (double& v : run.values) v = 0.01 * rng.Normal();
  }
  run.visits.assign(p.states, 0);
  for (int64_t e = 0; e < s.episodes; ++e) {
    if (s.kind == RlSetup::Kind::kQLearning) {
      QEpisode(p, s, rng, run);
    } else {
      ReinforceEpisode(p, s, rng, run);
    }
  }
  return run;
}

std::vector<uint32_t> GreedyPolicy(const RlProblem& p,
                                   const std::vector<double>& values) {
  std::vector<uint32_t> pi(p.states);
  for (size_t s = 0; s < p.states; ++s) pi[s] = GreedyAt(p, values, s);
  return pi;
}

double RlWork(const RlProblem& p, const RlSetup& s, uint64_t seeds) {
  return static_cast<double>(s.horizon) * static_cast<double>(s.episodes) *
         static_cast<double>(seeds) * static_cast<double>(p.actions);
}

}  // namespace aligncheck
