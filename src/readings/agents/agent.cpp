// Agents: the register-caring one reduces to the physical engine at the
// optimum; the prediction-caring one to the idealized engine.
#include "readings/agents/agent.h"

#include "analysis/eval.h"
#include "readings/idealized/idealized.h"
#include "readings/problem_checks.h"

namespace aligncheck {
namespace {

Verdict CheckPredictions(const Model& model, const Agent& agent,
                         const Claim& claim, const EngineOptions& options) {
  if (!InRange(agent.loss, model.losses.size())) {
    return UnknownVerdict("internal: agent without a loss");
  }
  const Loss& loss = model.losses[agent.loss];
  Data every;
  every.name = "every input of " + model.domains[loss.input].name;
  every.domain = loss.input;
  size_t n = model.domains[loss.input].size();
  every.weights.assign(n, Rational(1));
  every.total = Rational(static_cast<unsigned long>(n));
  IdealizedProblem ideal;
  ideal.context = &model;
  ideal.loss = &loss;
  ideal.data = &every;
  ideal.goal = &model.goals[claim.goal];
  ideal.name = claim.name;
  Verdict v = CheckIdealized(ideal, options);
  if (v.kind == Verdict::Kind::kUnknown) return v;
  const IdealizedEvidence* optimal = v.idealized();
  if (optimal == nullptr ||
      (v.kind == Verdict::Kind::kFails && !optimal->counterexample)) {
    return UnknownVerdict("internal: a verdict without its evidence");
  }
  PhysicalEvidence ev;
  ev.model = -1;
  size_t m = model.domains[loss.output].size();
  ev.behaviours = 1;
  for (size_t i = 0; i < n; ++i) ev.behaviours *= static_cast<unsigned long>(m);
  if (v.kind == Verdict::Kind::kFails) {
    const IdealizedCounterexample& cx = *optimal->counterexample;
    // Re-check: optimal for the agent, and breaking the goal.
    Rational utility_loss =
        ExpectedLoss(model, loss, every, cx.policy);
    Evaluator eval(model, &cx.policy);
    if (utility_loss != cx.min_loss ||
        eval.GoalHolds(model.goals[claim.goal])) {
      return UnknownVerdict("internal: an optimal policy did not re-check");
    }
    ev.bound = cx.min_loss;
    ev.behaviour = Behaviour{cx.policy, {}};
    ev.intended_loss = utility_loss;
    ev.breaks = cx.breaks;
  } else {
    // The optimum, for the report: the least expected loss.
    Rational least = 0;
    for (size_t x = 0; x < n; ++x) {
      least += loss.table.Get(loss.table.Argmin(x * m, x * m + m));
    }
    ev.bound = least / Rational(static_cast<unsigned long>(n));
  }
  // The optimal policies are the minimizers: report them as behaviours.
  if (optimal->minimizers) ev.low = *optimal->minimizers;
  ev.low_capped = optimal->minimizers_capped;
  v.reason.clear();
  if (v.kind == Verdict::Kind::kFails) v.method += ", re-checked by evaluation";
  v.evidence = std::move(ev);
  return v;
}

}  // namespace

Verdict CheckAgent(const Model& model, const Claim& claim,
                   const EngineOptions& options, const PhysicalConfig& config) {
  if (!InRange(claim.agent, model.agents.size())) {
    return UnknownVerdict("internal: claim refers to a missing agent");
  }
  const Agent& agent = model.agents[claim.agent];
  if (agent.aspect == Agent::Aspect::kPredictions) {
    return CheckPredictions(model, agent, claim, options);
  }
  if (!InRange(agent.model, model.physical.size())) {
    return UnknownVerdict("internal: agent without a physical model");
  }
  int reg_loss = model.physical[agent.model].register_loss;
  PhysicalConfig named = config;
  named.query_name = claim.name;
  return CheckRegisterBound(model, agent.model, claim.goal, reg_loss,
                            std::nullopt, options, named);
}

}  // namespace aligncheck
