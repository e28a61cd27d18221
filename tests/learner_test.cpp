// Tests of the toy learners against hand-computed gradient steps, finite
// differences, and for determinism.
#include "train/learner.h"

#include <doctest/doctest.h>

#include <cmath>

namespace aligncheck {
namespace {

// One input, two outputs with losses 0 and 1, full weight.
LearningProblem TwoOutputs() {
  LearningProblem p;
  p.inputs = 1;
  p.outputs = 2;
  p.weight = {1.0};
  p.loss = {0.0, 1.0};
  return p;
}

// Two inputs sharing one feature f = (1, -1); only the first is graded, and
// there output 1 is right.
LearningProblem SharedFeature() {
  LearningProblem p;
  p.inputs = 2;
  p.outputs = 2;
  p.weight = {1.0, 0.0};
  p.loss = {1.0, 0.0, 0.0, 0.0};
  p.features = 1;
  p.feature = {1.0, -1.0};
  return p;
}

TEST_CASE("learner: softmax_table takes the hand-computed steps") {
  LearningProblem p = TwoOutputs();
  LearnerSetup s;
  s.random_init = false;
  s.lr = 0.5;
  // At 0: p = (1/2, 1/2), mean loss 1/2, dJ/ds = (-1/4, 1/4).
  std::vector<double> g = Gradient(p, s, {0.0, 0.0});
  CHECK(g[0] == -0.25);
  CHECK(g[1] == 0.25);
  s.steps = 1;
  std::vector<double> one = Train(p, s, 7);
  CHECK(one[0] == 0.125);
  CHECK(one[1] == -0.125);
  // Second step: p0 = sigmoid(1/4), dJ/ds0 = -p0 (1 - p0).
  s.steps = 2;
  std::vector<double> two = Train(p, s, 7);
  double p0 = 1.0 / (1.0 + std::exp(-0.25));
  CHECK(two[0] == doctest::Approx(0.125 + 0.5 * p0 * (1 - p0)).epsilon(1e-15));
  CHECK(two[1] == doctest::Approx(-0.125 - 0.5 * p0 * (1 - p0)).epsilon(1e-15));
}

TEST_CASE("learner: linear moves shared parameters, reaching ungraded inputs") {
  LearningProblem p = SharedFeature();
  LearnerSetup s;
  s.kind = LearnerSetup::Kind::kLinear;
  s.random_init = false;
  s.lr = 1.0;
  s.steps = 1;
  REQUIRE(ParamCount(p, s) == 2);
  // dJ/ds(x0) = (1/4, -1/4), nothing from x1; theta[y] -= ds(x0, y) * 1.
  std::vector<double> theta = Train(p, s, 1);
  CHECK(theta[0] == -0.25);
  CHECK(theta[1] == 0.25);
  std::vector<double> scores = Scores(p, s, theta);
  // At x1 (feature -1) the signs flip: the learner prefers output 0 there.
  CHECK(scores[2] == 0.25);
  CHECK(scores[3] == -0.25);
  auto argmax = ArgmaxWithTies(p, scores);
  CHECK(argmax[0] == std::vector<uint32_t>{1});
  CHECK(argmax[1] == std::vector<uint32_t>{0});
}

TEST_CASE("learner: gradients match central differences of the loss") {
  LearningProblem p;
  p.inputs = 3;
  p.outputs = 3;
  p.weight = {0.5, 0.3, 0.2};
  p.loss = {0.2, 1.5, 0.0, 3.0, 0.1, 0.7, 0.4, 0.4, 2.0};
  p.features = 2;
  p.feature = {1.0, 0.5, -1.0, 2.0, 0.0, 1.0};
  for (auto kind :
       {LearnerSetup::Kind::kSoftmaxTable, LearnerSetup::Kind::kLinear}) {
    LearnerSetup s;
    s.kind = kind;
    std::vector<double> theta = InitialParams(p, s, 3);
    std::vector<double> g = Gradient(p, s, theta);
    for (size_t i = 0; i < theta.size(); ++i) {
      const double h = 1e-6;
      std::vector<double> up = theta, down = theta;
      up[i] += h;
      down[i] -= h;
      double numeric = (SoftmaxLoss(p, Scores(p, s, up)) -
                        SoftmaxLoss(p, Scores(p, s, down))) /
                       (2 * h);
      CHECK(g[i] == doctest::Approx(numeric).epsilon(1e-6));
    }
  }
}

TEST_CASE("learner: training is deterministic and seeds differ") {
  LearningProblem p = SharedFeature();
  LearnerSetup s;
  s.kind = LearnerSetup::Kind::kLinear;
  s.lr = 0.3;
  s.steps = 50;
  CHECK(Train(p, s, 11) == Train(p, s, 11));
  CHECK(Train(p, s, 11) != Train(p, s, 12));
  // The random init is standard normal: mean near 0 and variance near 1.
  LearningProblem wide;
  wide.inputs = 100;
  wide.outputs = 100;
  LearnerSetup table;
  std::vector<double> init = InitialParams(wide, table, 5);
  double mean = 0, square = 0;
  for (double v : init) {
    mean += v;
    square += v * v;
  }
  mean /= init.size();
  square /= init.size();
  CHECK(std::fabs(mean) < 0.05);
  CHECK(std::fabs(square - 1.0) < 0.05);
}

TEST_CASE("learner: ties within the tolerance are reported, others not") {
  LearningProblem p;
  p.inputs = 3;
  p.outputs = 3;
  std::vector<double> scores = {1.0, 1.0,         0.0,  //
                                2.0, 2.0 - 1e-12, 2.0 - 1e-6, -1.0, 0.5, 0.25};
  auto argmax = ArgmaxWithTies(p, scores);
  CHECK(argmax[0] == std::vector<uint32_t>{0, 1});
  CHECK(argmax[1] == std::vector<uint32_t>{0, 1});
  CHECK(argmax[2] == std::vector<uint32_t>{1});
}

}  // namespace
}  // namespace aligncheck
