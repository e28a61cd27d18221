// Training runs per seed, exact goal checks of the learned argmax.
#include "readings/trained/trained.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "analysis/eval.h"
#include "readings/problem_checks.h"
#include "solve/product_search.h"
#include "util/progress.h"

namespace aligncheck {
namespace {

std::string Validate(const Model& model, const Claim& claim) {
  if (!InRange(claim.loss, model.losses.size()) ||
      !InRange(claim.goal, model.goals.size()) ||
      !InRange(claim.training, model.trainings.size())) {
    return "internal: claim refers to a missing loss, goal or training";
  }
  const Loss& loss = model.losses[claim.loss];
  const Goal& goal = model.goals[claim.goal];
  const Training& t = model.trainings[claim.training];
  if (!InRange(t.data, model.data.size())) {
    return "training '" + t.name + "' has no data";
  }
  const Data& data = model.data[t.data];
  std::string mismatch = MismatchWithLoss(loss, data, goal, 0, false);
  if (!mismatch.empty()) return mismatch;
  if (t.learner == "linear") {
    if (t.features.empty()) return "training '" + t.name + "' has no features";
    for (int f : t.features) {
      if (!InRange(f, model.fns.size()) || model.fns[f].from != loss.input ||
          model.fns[f].to.kind != Type::Kind::kNumber) {
        return "training '" + t.name + "' has a feature that is not " +
               model.domains[loss.input].name + " -> Real";
      }
    }
  }
  if (t.seed_lo > t.seed_hi || t.steps <= 0 || t.lr <= 0) {
    return "training '" + t.name + "' is incomplete";
  }
  return "";
}

}  // namespace

LearningProblem MakeLearningProblem(const Model& model, const Loss& loss,
                                    const Training& training) {
  const Data& data = model.data[training.data];
  LearningProblem p;
  p.inputs = model.domains[loss.input].size();
  p.outputs = model.domains[loss.output].size();
  p.weight.resize(p.inputs);
  for (size_t x = 0; x < p.inputs; ++x) {
    p.weight[x] = Rational(data.weights[x] / data.total).get_d();
  }
  p.loss.resize(loss.table.size());
  for (size_t i = 0; i < loss.table.size(); ++i) {
    // A reward is maximized: the learner descends on -r.
    p.loss[i] = loss.reward ? -loss.table[i].get_d() : loss.table[i].get_d();
  }
  if (training.learner == "linear") {
    p.features = training.features.size();
    p.feature.resize(p.inputs * p.features);
    for (size_t x = 0; x < p.inputs; ++x) {
      for (size_t k = 0; k < p.features; ++k) {
        const Function& f = model.fns[training.features[k]];
        p.feature[x * p.features + k] = f.table[x].number.get_d();
      }
    }
  }
  return p;
}

Verdict CheckTrained(const Model& model, const Claim& claim,
                     const EngineOptions& options) {
  if (InRange(claim.training, model.trainings.size()) &&
      model.trainings[claim.training].learner.empty()) {
    const Training& t = model.trainings[claim.training];
    return UnknownVerdict(fmt::format(
        "training '{}' describes a real system (no toy learner to run): its "
        "evidence is shown, not checked",
        t.name));
  }
  std::string invalid = Validate(model, claim);
  if (!invalid.empty()) return UnknownVerdict(invalid);
  const Loss& loss = model.losses[claim.loss];
  const Goal& goal = model.goals[claim.goal];
  const Training& t = model.trainings[claim.training];
  const Data& data = model.data[t.data];

  LearningProblem problem = MakeLearningProblem(model, loss, t);
  LearnerSetup setup;
  setup.kind = t.learner == "linear" ? LearnerSetup::Kind::kLinear
                                     : LearnerSetup::Kind::kSoftmaxTable;
  setup.random_init = t.init != "zero";
  setup.lr = t.lr.get_d();
  setup.steps = t.steps;
  if (!std::isfinite(setup.lr) || setup.lr <= 0) {
    return UnknownVerdict("lr " + FormatRational(t.lr) +
                          " is not a usable double");
  }

  const uint64_t seeds = static_cast<uint64_t>(t.seed_hi - t.seed_lo) + 1;
  const double per_step =
      static_cast<double>(problem.inputs * problem.outputs) *
      static_cast<double>(std::max<size_t>(1, problem.features));
  const double work =
      per_step * static_cast<double>(t.steps) * static_cast<double>(seeds);
  if (work > static_cast<double>(options.max_training_work)) {
    return UnknownVerdict(fmt::format(
        "training '{}' would take about {:.3g} multiply-adds, over the limit "
        "of {:.3g}",
        t.name, work, static_cast<double>(options.max_training_work)));
  }

  TrainedEvidence ev;
  ev.learner =
      fmt::format("{} over {} -> {}", t.learner, model.domains[loss.input].name,
                  model.domains[loss.output].name);
  ev.evidence = t.evidence;
  for (size_t x = 0; x < problem.inputs; ++x) {
    if (data.weights[x] == 0) ev.ungraded.push_back(static_cast<uint32_t>(x));
  }
  // The fit is judged exactly on the minimized loss (-r for a reward).
  Loss negated;
  const Loss& minimized = MinimizedLoss(loss, &negated);
  const DenseTable& table = minimized.table;
  const size_t m = problem.outputs;
  Policy best(problem.inputs, 0);
  for (size_t x = 0; x < problem.inputs && m > 0; ++x) {
    best[x] = static_cast<uint32_t>(table.Argmin(x * m, x * m + m) - x * m);
  }
  const Rational best_loss = ExpectedLoss(model, minimized, data, best);
  ev.best_loss = loss.reward ? Rational(-best_loss) : best_loss;
  Progress progress("training " + t.name, seeds);
  for (int64_t seed = t.seed_lo;; ++seed) {
    progress.Update(static_cast<uint64_t>(seed - t.seed_lo));
    std::vector<double> params =
        Train(problem, setup, static_cast<uint64_t>(seed));
    std::vector<double> scores = Scores(problem, setup, params);
    for (double s : scores) {
      if (!std::isfinite(s)) {
        return UnknownVerdict(fmt::format(
            "training diverged for seed {} (a score is not finite); try a "
            "smaller lr",
            seed));
      }
    }
    SeedOutcome out;
    out.seed = seed;
    out.argmax = ArgmaxWithTies(problem, scores);
    out.final_loss = SoftmaxLoss(problem, scores);
    // The worst tie-break: a tie fits only if every tied output does.
    Policy worst(problem.inputs, 0);
    for (size_t x = 0; x < problem.inputs; ++x) {
      worst[x] = out.argmax[x][0];
      for (uint32_t y : out.argmax[x]) {
        if (table.Compare(x * m + y, x * m + worst[x]) > 0) worst[x] = y;
      }
    }
    Rational greedy = ExpectedLoss(model, minimized, data, worst);
    out.converged = greedy == best_loss;
    out.greedy_loss = loss.reward ? Rational(-greedy) : greedy;
    if (!out.converged) ++ev.unfit;
    ProductOutcome found =
        FindViolationInProduct(model, goal, out.argmax, options);
    if (found.kind == ProductOutcome::Kind::kUnknown) {
      return UnknownVerdict(fmt::format("seed {}: {}", seed, found.reason));
    }
    out.achieves = found.kind == ProductOutcome::Kind::kNoViolation;
    out.violating = std::move(found.policy);
    if (out.achieves) ++ev.achieving;
    ev.seeds.push_back(std::move(out));
    if (seed == t.seed_hi) break;
  }

  Verdict v;
  v.method = "toy training, " + std::to_string(seeds) + " seed" +
             (seeds == 1 ? "" : "s");
  const std::string& g = goal.name;
  if (ev.achieving == ev.seeds.size()) {
    ev.kind = TrainedEvidence::Kind::kSupported;
    v.kind = Verdict::Kind::kHolds;
    v.reason = ev.seeds.size() == 1
                   ? fmt::format(
                         "the only seed learns a policy that "
                         "achieves {}",
                         g)
                   : fmt::format(
                         "all {} seeds learn a policy that achieves "
                         "{}",
                         ev.seeds.size(), g);
  } else if (ev.achieving == 0) {
    ev.kind = TrainedEvidence::Kind::kRefuted;
    v.kind = Verdict::Kind::kFails;
    v.reason = fmt::format(
        "none of the {} seeds learns a policy that "
        "achieves {}",
        ev.seeds.size(), g);
  } else {
    ev.kind = TrainedEvidence::Kind::kMixed;
    v.kind = Verdict::Kind::kFails;
    v.reason = fmt::format("{} of {} seeds learn{} a policy that achieves {}",
                           ev.achieving, ev.seeds.size(),
                           ev.achieving == 1 ? "s" : "", g);
  }
  v.evidence = std::move(ev);
  return v;
}

const char* TrainedKindName(TrainedEvidence::Kind kind) {
  switch (kind) {
    case TrainedEvidence::Kind::kSupported:
      return "supported";
    case TrainedEvidence::Kind::kRefuted:
      return "refuted";
    case TrainedEvidence::Kind::kMixed:
      return "mixed";
  }
  return "mixed";
}

}  // namespace aligncheck
