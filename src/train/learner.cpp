// Softmax learners: initialization, scores, exact gradients, descent.
#include "train/learner.h"

#include <algorithm>
#include <cmath>

#include "train/splitmix.h"

namespace aligncheck {

size_t ParamCount(const LearningProblem& p, const LearnerSetup& s) {
  return s.kind == LearnerSetup::Kind::kLinear ? p.outputs * p.features
                                               : p.inputs * p.outputs;
}

std::vector<double> InitialParams(const LearningProblem& p,
                                  const LearnerSetup& s, uint64_t seed) {
  std::vector<double> params(ParamCount(p, s), 0.0);
  if (!s.random_init) return params;
  SplitMix64 rng(seed);
  for (double& v : params) v = rng.Normal();
  return params;
}

std::vector<double> Scores(const LearningProblem& p, const LearnerSetup& s,
                           const std::vector<double>& params) {
  if (s.kind == LearnerSetup::Kind::kSoftmaxTable) return params;
  std::vector<double> scores(p.inputs * p.outputs, 0.0);
  for (size_t x = 0; x < p.inputs; ++x) {
    for (size_t y = 0; y < p.outputs; ++y) {
      double sum = 0.0;
      for (size_t k = 0; k < p.features; ++k) {
        sum += params[y * p.features + k] * p.feature[x * p.features + k];
      }
      scores[x * p.outputs + y] = sum;
    }
  }
  return scores;
}

std::vector<double> Softmax(const LearningProblem& p,
                            const std::vector<double>& scores) {
  std::vector<double> prob(scores.size(), 0.0);
  for (size_t x = 0; x < p.inputs; ++x) {
    const double* row = &scores[x * p.outputs];
    double best = row[0];
    for (size_t y = 1; y < p.outputs; ++y) best = std::max(best, row[y]);
    double total = 0.0;
    for (size_t y = 0; y < p.outputs; ++y) {
      prob[x * p.outputs + y] = std::exp(row[y] - best);
      total += prob[x * p.outputs + y];
    }
    for (size_t y = 0; y < p.outputs; ++y) prob[x * p.outputs + y] /= total;
  }
  return prob;
}

double SoftmaxLoss(const LearningProblem& p,
                   const std::vector<double>& scores) {
  std::vector<double> prob = Softmax(p, scores);
  double total = 0.0;
  for (size_t x = 0; x < p.inputs; ++x) {
    double row = 0.0;
    for (size_t y = 0; y < p.outputs; ++y) {
      row += prob[x * p.outputs + y] * p.loss[x * p.outputs + y];
    }
    total += p.weight[x] * row;
  }
  return total;
}

std::vector<double> Gradient(const LearningProblem& p, const LearnerSetup& s,
                             const std::vector<double>& params) {
  std::vector<double> scores = Scores(p, s, params);
  std::vector<double> prob = Softmax(p, scores);
  // dJ / ds(x, y), then chained through the scores.
  std::vector<double> ds(scores.size(), 0.0);
  for (size_t x = 0; x < p.inputs; ++x) {
    if (p.weight[x] == 0.0) continue;
    double mean = 0.0;
    for (size_t y = 0; y < p.outputs; ++y) {
      mean += prob[x * p.outputs + y] * p.loss[x * p.outputs + y];
    }
    for (size_t y = 0; y < p.outputs; ++y) {
      size_t i = x * p.outputs + y;
      ds[i] = p.weight[x] * prob[i] * (p.loss[i] - mean);
    }
  }
  if (s.kind == LearnerSetup::Kind::kSoftmaxTable) return ds;
  std::vector<double> grad(ParamCount(p, s), 0.0);
  for (size_t y = 0; y < p.outputs; ++y) {
    for (size_t k = 0; k < p.features; ++k) {
      double sum = 0.0;
      for (size_t x = 0; x < p.inputs; ++x) {
        sum += ds[x * p.outputs + y] * p.feature[x * p.features + k];
      }
      grad[y * p.features + k] = sum;
    }
  }
  return grad;
}

std::vector<double> Train(const LearningProblem& p, const LearnerSetup& s,
                          uint64_t seed) {
  std::vector<double> params = InitialParams(p, s, seed);
  for (int64_t step = 0; step < s.steps; ++step) {
    std::vector<double> grad = Gradient(p, s, params);
    for (size_t i = 0; i < params.size(); ++i) params[i] -= s.lr * grad[i];
  }
  return params;
}

std::vector<std::vector<uint32_t>> ArgmaxWithTies(
    const LearningProblem& p, const std::vector<double>& scores) {
  std::vector<std::vector<uint32_t>> out(p.inputs);
  for (size_t x = 0; x < p.inputs; ++x) {
    const double* row = &scores[x * p.outputs];
    double best = row[0];
    for (size_t y = 1; y < p.outputs; ++y) best = std::max(best, row[y]);
    double slack = kTieTolerance * std::max(1.0, std::fabs(best));
    for (size_t y = 0; y < p.outputs; ++y) {
      if (row[y] >= best - slack) out[x].push_back(static_cast<uint32_t>(y));
    }
  }
  return out;
}

}  // namespace aligncheck
