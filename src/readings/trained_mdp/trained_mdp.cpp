// RL training runs per seed over an mdp, exact judgement of each greedy
// policy against the goal and of its fit against the optimum.
#include "readings/trained_mdp/trained_mdp.h"

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <utility>

#include "analysis/eval.h"
#include "mdp/returns.h"
#include "util/progress.h"

namespace aligncheck {
namespace {

std::string Validate(const Model& model, const Claim& claim) {
  if (claim.loss < 0 || claim.goal < 0 || claim.training < 0 || claim.mdp < 0) {
    return "internal: claim refers to a missing reward, goal, training or "
           "mdp";
  }
  const Training& t = model.trainings[claim.training];
  if (t.seed_lo > t.seed_hi || t.episodes <= 0 || t.horizon <= 0 || t.lr <= 0) {
    return "training '" + t.name + "' is incomplete";
  }
  double lr = t.lr.get_d();
  if (!std::isfinite(lr) || lr <= 0) {
    return "lr " + FormatRational(t.lr) + " is not a usable double";
  }
  return "";
}

}  // namespace

Mdp TrainingMdp(const Model& model, const Training& t) {
  Mdp m = model.mdps[t.mdp].mdp;
  if (t.start.empty()) return m;
  m.start.assign(m.states, Rational(0));
  Rational each = Rational(1) / Rational(static_cast<long>(t.start.size()));
  for (uint32_t s : t.start) m.start[s] += each;
  return m;
}

RlProblem MakeRlProblem(const Mdp& m, const Reward& reward) {
  RlProblem p;
  p.states = m.states;
  p.actions = m.actions;
  p.discount = m.discount.get_d();
  for (const Rational& w : m.start) p.start.push_back(w.get_d());
  p.terminal = m.terminal;
  p.begin = m.begin;
  for (size_t k = 0; k < m.succ.size(); ++k) {
    p.next.push_back(m.succ[k].state);
    p.prob.push_back(m.succ[k].prob.get_d());
    p.reward.push_back(reward.value[k].get_d());
  }
  return p;
}

Verdict CheckTrainedMdp(const Model& model, const Claim& claim,
                        const EngineOptions& options) {
  std::string invalid = Validate(model, claim);
  if (!invalid.empty()) return UnknownVerdict(invalid);
  const Training& t = model.trainings[claim.training];
  const MdpModel& mm = model.mdps[claim.mdp];
  const Loss& loss = model.losses[claim.loss];
  const Goal& goal = model.goals[claim.goal];

  const Mdp train = TrainingMdp(model, t);
  Reward reward = TransitionReward(train, loss);
  if (!loss.reward) reward = Negated(reward);
  RlProblem problem = MakeRlProblem(train, reward);
  RlSetup setup;
  setup.kind = t.learner == "reinforce" ? RlSetup::Kind::kReinforce
                                        : RlSetup::Kind::kQLearning;
  setup.random_init = t.init == "random";
  setup.epsilon = t.epsilon.get_d();
  setup.lr = t.lr.get_d();
  setup.episodes = t.episodes;
  setup.horizon = t.horizon;

  const uint64_t seeds = static_cast<uint64_t>(t.seed_hi - t.seed_lo) + 1;
  const double work = RlWork(problem, setup, seeds);
  if (work > static_cast<double>(options.max_training_work)) {
    return UnknownVerdict(fmt::format(
        "training '{}' would take about {:.3g} steps, over the limit of {:.3g}",
        t.name, work, static_cast<double>(options.max_training_work)));
  }
  // REINFORCE keeps one episode's steps (and their probabilities) until the
  // episode ends: bound that buffer, not only the total work.
  constexpr double kMaxEpisodeCells = 1 << 24;
  if (setup.kind == RlSetup::Kind::kReinforce &&
      static_cast<double>(t.horizon) * static_cast<double>(problem.actions) >
          kMaxEpisodeCells) {
    return UnknownVerdict(fmt::format(
        "training '{}': horizon {} is too long for one reinforce episode "
        "(at most {} steps x actions are kept)",
        t.name, t.horizon, static_cast<uint64_t>(kMaxEpisodeCells)));
  }
  Optimum opt = OptimalValues(train, reward, AllActions(train));
  if (!opt.ok) return UnknownVerdict("optimal values: " + opt.error);

  TrainedMdpEvidence ev;
  ev.mdp = claim.mdp;
  ev.learner = fmt::format("{} over mdp {}", t.learner, mm.name);
  ev.optimum = loss.reward ? opt.start_value : Rational(-opt.start_value);
  std::vector<bool> visited(train.states, false);
  Progress progress("training " + t.name, seeds);
  for (int64_t seed = t.seed_lo;; ++seed) {
    progress.Update(static_cast<uint64_t>(seed - t.seed_lo));
    RlRun run = TrainRl(problem, setup, static_cast<uint64_t>(seed));
    for (double v : run.values) {
      if (!std::isfinite(v)) {
        return UnknownVerdict(fmt::format(
            "training diverged for seed {} (a value is not finite); try a "
            "smaller lr",
            seed));
      }
    }
    for (size_t s = 0; s < train.states; ++s) {
      if (run.visits[s] > 0) visited[s] = true;
    }
    MdpSeedRun out;
    out.seed = seed;
    out.policy = GreedyPolicy(problem, run.values);
    Evaluator eval(model, &out.policy);
    eval.SetTerminal(&mm.mdp.terminal);
    out.achieves = eval.GoalHolds(goal);
    if (eval.failed()) {
      return UnknownVerdict(fmt::format("seed {}: {}", seed, eval.error()));
    }
    Rational ret = FromStart(train, PolicyValues(train, reward, out.policy));
    out.converged = ret == opt.start_value;
    out.training_return = loss.reward ? ret : Rational(-ret);
    out.reached = ReachedStates(train, out.policy);
    if (out.achieves) ++ev.achieving;
    if (!out.converged) ++ev.unfit;
    ev.seeds.push_back(std::move(out));
    if (seed == t.seed_hi) break;
  }
  for (uint32_t s = 0; s < train.states; ++s) {
    if (!visited[s] && !train.terminal[s]) ev.unvisited.push_back(s);
  }

  Verdict v;
  v.method = fmt::format("toy {} training, {} seed{}", t.learner, seeds,
                         seeds == 1 ? "" : "s");
  const std::string& g = goal.name;
  size_t n = ev.seeds.size();
  if (ev.achieving == n) {
    ev.kind = TrainedEvidence::Kind::kSupported;
    v.kind = Verdict::Kind::kHolds;
    v.reason = n == 1 ? fmt::format(
                            "the only seed learns a policy that "
                            "achieves {}",
                            g)
                      : fmt::format(
                            "all {} seeds learn a policy that "
                            "achieves {}",
                            n, g);
  } else if (ev.achieving == 0) {
    ev.kind = TrainedEvidence::Kind::kRefuted;
    v.kind = Verdict::Kind::kFails;
    v.reason = fmt::format(
        "none of the {} seeds learns a policy that "
        "achieves {}",
        n, g);
  } else {
    ev.kind = TrainedEvidence::Kind::kMixed;
    v.kind = Verdict::Kind::kFails;
    v.reason = fmt::format("{} of {} seeds learn{} a policy that achieves {}",
                           ev.achieving, n, ev.achieving == 1 ? "s" : "", g);
  }
  if (ev.unfit > 0) {
    v.reason += fmt::format(
        "; {} of {} seed{} did not converge (greedy "
        "policy's {} {} the {} in {})",
        ev.unfit, n, n == 1 ? "" : "s",
        loss.reward ? "return" : "expected loss",
        loss.reward ? "below" : "above", loss.reward ? "optimum" : "least",
        mm.name);
  }
  v.evidence = std::move(ev);
  return v;
}

}  // namespace aligncheck
