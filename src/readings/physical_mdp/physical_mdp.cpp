// The physical reading over an mdp: one near-optimality question of the
// mdp reading per channel subset, and the agents that act in an mdp.
#include "readings/physical_mdp/physical_mdp.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/eval.h"
#include "mdp/returns.h"
#include "readings/mdp/mdp_claim.h"
#include "readings/physical_mdp/observed_reward.h"

namespace aligncheck {
namespace {

/// Every subset of k channels, smallest first (then by bits), so that a
/// counterexample uses as few channels as one can.
std::vector<uint32_t> SubsetsBySize(size_t k) {
  std::vector<uint32_t> out;
  for (uint32_t u = 0; u < (1u << k); ++u) out.push_back(u);
  std::stable_sort(out.begin(), out.end(), [](uint32_t a, uint32_t b) {
    return __builtin_popcount(a) < __builtin_popcount(b);
  });
  return out;
}

std::vector<int> Members(uint32_t used, size_t k) {
  std::vector<int> out;
  for (size_t i = 0; i < k; ++i) {
    if (used >> i & 1u) out.push_back(static_cast<int>(i));
  }
  return out;
}

/// One subset's observed reward (maximized: negated for a loss) and its
/// optimum.
struct SubsetReward {
  uint32_t used = 0;
  Reward maximized;
  Rational best;  // V* of `maximized` from the start
};

/// The setting shared by a physical claim and a register-caring agent.
struct Observation {
  const Model& model;
  const PhysicalModel& p;
  const MdpModel& mm;
  const Loss& reg;
  std::vector<std::vector<bool>> sites;
  std::vector<SubsetReward> subsets;
  std::string error;
};

/// Builds every subset's observed reward and optimum; `error` on failure.
void Observe(Observation& o) {
  const Mdp& m = o.mm.mdp;
  o.sites = ChannelSites(o.model, o.p, &o.error);
  if (!o.error.empty()) return;
  for (uint32_t used : SubsetsBySize(o.p.channels.size())) {
    SubsetReward s;
    s.used = used;
    s.maximized = ObservedReward(o.model, o.p, o.sites, used, &o.error);
    if (!o.error.empty()) return;
    if (!o.reg.reward) s.maximized = Negated(s.maximized);
    Optimum opt = OptimalValues(m, s.maximized, AllActions(m));
    if (!opt.ok) {
      o.error = "optimal values: " + opt.error;
      return;
    }
    s.best = opt.start_value;
    o.subsets.push_back(std::move(s));
  }
}

Rational AsWritten(const Loss& l, const Rational& maximized) {
  return l.reward ? maximized : Rational(-maximized);
}

/// Re-checks a counterexample independently of the search: its observed
/// return recomputed reaches `bound_max` (maximized units) and the goal is
/// false under the reference evaluator. Fills the behaviour's part of `ev`.
bool Recheck(const Observation& o, uint32_t used, const Policy& pi,
             const Goal& goal, const Rational& bound_max,
             PhysicalMdpEvidence& ev) {
  const Mdp& m = o.mm.mdp;
  if (!ValidatePolicy(m, pi).empty()) return false;
  std::string error;
  Reward observed = ObservedReward(o.model, o.p, o.sites, used, &error);
  if (!error.empty()) return false;
  Rational obs = FromStart(m, PolicyValues(m, observed, pi));
  Rational obs_max = o.reg.reward ? obs : Rational(-obs);
  if (obs_max < bound_max) return false;
  Evaluator eval(o.model, &pi);
  eval.SetTerminal(&m.terminal);
  if (eval.GoalHolds(goal) || eval.failed()) return false;
  ev.channels = Members(used, o.p.channels.size());
  std::vector<bool> reached = ReachedStates(m, pi);
  ev.channels_acting = ChannelsActing(o.p, m, o.sites, used, pi, reached);
  ev.observed = obs;
  ev.honest = FromStart(m, PolicyValues(m, TransitionReward(m, o.reg), pi));
  return true;
}

PhysicalMdpEvidence BaseEvidence(const Observation& o, int model_id) {
  PhysicalMdpEvidence ev;
  ev.model = model_id;
  ev.mdp = o.p.register_mdp;
  ev.reward = o.p.register_loss;
  ev.loss_sense = !o.reg.reward;
  for (const SubsetReward& s : o.subsets) {
    ev.optima.push_back(
        {Members(s.used, o.p.channels.size()), AsWritten(o.reg, s.best)});
  }
  return ev;
}

/// Decides "every behaviour whose observed return reaches `bound_max`
/// (maximized units) satisfies the goal" over the subsets `which`;
/// `exact_optimum` when the bound is each subset's own optimum (agents).
Verdict DecideOverSubsets(const Observation& o, int goal_id,
                          const Rational& bound_max,
                          const std::vector<const SubsetReward*>& which,
                          PhysicalMdpEvidence ev) {
  const Goal& goal = o.model.goals[goal_id];
  Verdict unknown;
  bool any_unknown = false;
  bool vacuous = false;
  bool counted = true;
  BigInt reaching = 0;
  std::string method;
  // A FAILS of the mdp reading for subset `s`, re-checked as a behaviour
  // of the physical model before it is reported.
  auto Counterexample = [&](const SubsetReward* s, const MdpEvidence* mev,
                            std::string how) {
    if (mev == nullptr || !mev->policy ||
        !Recheck(o, s->used, *mev->policy, goal, bound_max, ev)) {
      return UnknownVerdict(
          "internal: the counterexample behaviour did not re-check");
    }
    ev.run = *mev;
    Verdict out;
    out.kind = Verdict::Kind::kFails;
    out.method = std::move(how);
    out.evidence = std::move(ev);
    return out;
  };
  // First the optimal behaviours of each subset (they reach the bound, and
  // the worst cases over optimal actions are cheap): a violation among them
  // is a counterexample without enumerating the near-optimal ones.
  for (const SubsetReward* s : which) {
    if (s->best == bound_max) continue;  // decided exactly below
    Verdict v = CheckMdpGoalOverReward(o.model, o.p.register_mdp, goal_id,
                                       s->maximized, std::nullopt);
    const MdpEvidence* mev = v.mdp();
    if (v.kind != Verdict::Kind::kFails) continue;
    return Counterexample(
        s, mev,
        fmt::format("per channel subset, its optimal behaviours first: {}",
                    v.method));
  }
  for (const SubsetReward* s : which) {
    std::optional<Rational> within;
    if (s->best != bound_max) within = s->best - bound_max;
    Verdict v = CheckMdpGoalOverReward(o.model, o.p.register_mdp, goal_id,
                                       s->maximized, within);
    const MdpEvidence* mev = v.mdp();
    if (mev != nullptr && mev->counted) {
      reaching += mev->policies;
    } else {
      counted = false;
    }
    if (method.empty()) method = v.method;
    vacuous = vacuous || v.vacuous;
    if (v.kind == Verdict::Kind::kUnknown) {
      if (!any_unknown) unknown = v;
      any_unknown = true;
      continue;
    }
    if (v.kind == Verdict::Kind::kHolds) continue;
    return Counterexample(s, mev,
                          fmt::format("per channel subset: {}", v.method));
  }
  ev.counted = counted;
  ev.reaching = reaching;
  if (any_unknown) {
    Verdict out = UnknownVerdict(unknown.reason);
    out.evidence = std::move(ev);
    return out;
  }
  Verdict out;
  out.kind = Verdict::Kind::kHolds;
  out.method = fmt::format("per channel subset: {}", method);
  out.vacuous = vacuous;
  out.evidence = std::move(ev);
  return out;
}

Verdict TooManyChannels(const PhysicalModel& p) {
  return UnknownVerdict(fmt::format(
      "physical model '{}' has {} channels; at most {} ({} subsets) are "
      "searched",
      p.name, p.channels.size(), kMaxMdpChannels, 1u << kMaxMdpChannels));
}

Verdict CheckPredictionsMdp(const Model& model, const Agent& agent,
                            const Claim& claim) {
  const MdpModel& mm = model.mdps[agent.mdp];
  const Loss& l = model.losses[agent.loss];
  Reward r = TransitionReward(mm.mdp, l);
  if (!l.reward) r = Negated(r);
  Verdict v =
      CheckMdpGoalOverReward(model, agent.mdp, claim.goal, r, std::nullopt);
  PhysicalMdpEvidence ev;
  ev.agent = true;
  ev.mdp = agent.mdp;
  ev.reward = agent.loss;
  ev.loss_sense = !l.reward;
  const MdpEvidence* mev = v.mdp();
  if (mev == nullptr) return v;
  ev.bound = mev->optimum;
  ev.counted = mev->counted;
  ev.reaching = mev->policies;
  if (v.kind == Verdict::Kind::kFails) {
    const Policy& pi = *mev->policy;
    Evaluator eval(model, &pi);
    eval.SetTerminal(&mm.mdp.terminal);
    Rational value = FromStart(mm.mdp, PolicyValues(mm.mdp, r, pi));
    Rational optimum = l.reward ? ev.bound : Rational(-ev.bound);
    if (value != optimum || eval.GoalHolds(model.goals[claim.goal]) ||
        eval.failed()) {
      return UnknownVerdict("internal: an optimal policy did not re-check");
    }
    ev.observed = AsWritten(l, value);
    ev.honest = ev.observed;
    ev.run = *mev;
  }
  v.evidence = std::move(ev);
  return v;
}

}  // namespace

Verdict CheckPhysicalMdp(const Model& model, const Claim& claim,
                         const EngineOptions& options) {
  (void)options;
  const PhysicalModel& p = model.physical[claim.model];
  if (p.channels.size() > kMaxMdpChannels) return TooManyChannels(p);
  Observation o{
      model, p, model.mdps[p.register_mdp], model.losses[p.register_loss], {},
      {},    {}};
  Observe(o);
  if (!o.error.empty()) return UnknownVerdict(o.error);
  PhysicalMdpEvidence ev = BaseEvidence(o, claim.model);
  ev.bound = claim.threshold;
  Rational bound_max = o.reg.reward ? claim.threshold : -claim.threshold;
  std::vector<const SubsetReward*> which;
  for (const SubsetReward& s : o.subsets) {
    if (s.best >= bound_max) which.push_back(&s);
  }
  if (which.empty()) {
    ev.unreachable = true;
    ev.counted = true;
    ev.reaching = 0;
    Verdict v;
    v.kind = Verdict::Kind::kHolds;
    v.vacuous = true;
    v.method = "optimal observed return per channel subset";
    v.evidence = std::move(ev);
    return v;
  }
  return DecideOverSubsets(o, claim.goal, bound_max, which, std::move(ev));
}

Verdict CheckMdpAgent(const Model& model, const Claim& claim,
                      const EngineOptions& options) {
  (void)options;
  const Agent& agent = model.agents[claim.agent];
  if (agent.aspect == Agent::Aspect::kPredictions) {
    return CheckPredictionsMdp(model, agent, claim);
  }
  const PhysicalModel& p = model.physical[agent.model];
  if (p.channels.size() > kMaxMdpChannels) return TooManyChannels(p);
  Observation o{
      model, p, model.mdps[p.register_mdp], model.losses[p.register_loss], {},
      {},    {}};
  Observe(o);
  if (!o.error.empty()) return UnknownVerdict(o.error);
  PhysicalMdpEvidence ev = BaseEvidence(o, agent.model);
  ev.agent = true;
  Rational best = o.subsets.front().best;
  for (const SubsetReward& s : o.subsets) best = std::max(best, s.best);
  ev.bound = AsWritten(o.reg, best);
  std::vector<const SubsetReward*> which;
  for (const SubsetReward& s : o.subsets) {
    if (s.best == best) which.push_back(&s);
  }
  return DecideOverSubsets(o, claim.goal, best, which, std::move(ev));
}

}  // namespace aligncheck
