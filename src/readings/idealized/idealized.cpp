// The idealized-minimizer engine: counting, deciding, re-checking.
#include "readings/idealized/idealized.h"

#include "solve/dump_path.h"

#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/eval.h"
#include "readings/problem_checks.h"
#include "solve/dump_path.h"
#include "solve/goal_shape.h"
#include "solve/near_minimizers.h"
#include "solve/per_input.h"

namespace aligncheck {
namespace {

// Returns an empty string when the problem's parts fit together.
std::string Validate(const IdealizedProblem& problem) {
  const Model& model = *problem.context;
  const Loss& loss = *problem.loss;
  const Data& data = *problem.data;
  const Goal& goal = *problem.goal;
  if (!InRange(loss.input, model.domains.size()) ||
      !InRange(loss.output, model.domains.size())) {
    return "internal: loss with a missing domain";
  }
  const size_t n = model.domains[loss.input].size();
  const size_t m = model.domains[loss.output].size();
  std::string mismatch = MismatchWithLoss(loss, data, goal, n, true);
  if (!mismatch.empty()) return mismatch;
  if (loss.table.size() != n * m) return "internal: loss table has wrong size";
  if (data.total <= 0) return "data '" + data.name + "' has total weight 0";
  for (const Rational& w : data.weights) {
    if (w < 0) return "data '" + data.name + "' has a negative weight";
  }
  if (problem.within < 0) return "negative 'within'";
  if (m == 0 && n > 0) return "output domain is empty: no policy exists";
  return "";
}

struct Decision {
  enum class Kind { kViolated, kSatisfied, kUnknown };
  Kind kind = Kind::kSatisfied;
  Policy policy;
  std::string reason;
  bool used_solver = false;
  std::vector<DecidedConjunct> conjuncts;  // kSatisfied: how each held
};

class Decider {
 public:
  Decider(const IdealizedProblem& problem, const EngineOptions& options,
          const IdealizedConfig& config, Verdict* verdict)
      : model_(*problem.context),
        name_(problem.name),
        goal_(*problem.goal),
        options_(options),
        config_(config),
        verdict_(verdict) {}

  // Is some policy of `nm` violating the goal?
  Decision Decide(const NearMinimizers& nm) {
    Decision d;
    std::vector<Conjunct> conjuncts;
    SplitConjuncts(goal_.body, false, &conjuncts);
    for (const Conjunct& c : conjuncts) {
      ConjunctShape shape = ClassifyConjunct(model_, goal_, c);
      if (!shape.error.empty()) {
        d.kind = Decision::Kind::kUnknown;
        d.reason = "goal evaluation: " + shape.error;
        return d;
      }
      DecidedConjunct decided;
      decided.span = c.expr->span;
      decided.negated = c.negated;
      if (shape.kind == ConjunctShape::Kind::kConstant) {
        if (!shape.constant) return Violated(nm.best, d.used_solver);
        decided.how = DecidedConjunct::How::kConstant;
        d.conjuncts.push_back(decided);
        continue;
      }
      if (shape.kind == ConjunctShape::Kind::kCount && !config_.force_solver) {
        AtomDecision a = DecideCountAtom(model_, goal_, nm, shape.atom);
        if (!a.error.empty()) {
          d.kind = Decision::Kind::kUnknown;
          d.reason = "goal evaluation: " + a.error;
          return d;
        }
        if (a.violated) return Violated(std::move(a.policy), d.used_solver);
        decided.how = DecidedConjunct::How::kCounting;
        d.conjuncts.push_back(decided);
        continue;
      }
      d.used_solver = true;
      SearchOutcome s =
          SearchViolation(model_, goal_, nm, c, options_, NextDumpPath(),
                          config_.max_ground_nodes);
      if (!s.dump_path.empty()) verdict_->dumped_queries.push_back(s.dump_path);
      if (s.kind == SearchOutcome::Kind::kFound) {
        return Violated(std::move(s.policy), true);
      }
      if (s.kind == SearchOutcome::Kind::kUnknown && d.reason.empty()) {
        // Keep looking: another conjunct may still give a counterexample.
        d.reason = s.reason;
      }
      decided.core = std::move(s.core);
      d.conjuncts.push_back(std::move(decided));
    }
    if (!d.reason.empty()) d.kind = Decision::Kind::kUnknown;
    return d;
  }

 private:
  static Decision Violated(Policy policy, bool used_solver) {
    Decision d;
    d.kind = Decision::Kind::kViolated;
    d.policy = std::move(policy);
    d.used_solver = used_solver;
    return d;
  }
  std::string NextDumpPath() {
    if (options_.dump_smt2_dir.empty()) return "";
    ++queries_;
    return DumpQueryPath(model_, options_,
                         name_ + "-" + std::to_string(queries_));
  }

  const Model& model_;
  const std::string& name_;
  const Goal& goal_;
  const EngineOptions& options_;
  const IdealizedConfig& config_;
  Verdict* verdict_;
  int queries_ = 0;
};

}  // namespace

std::optional<IdealizedProblem> IdealizedProblemFor(const Model& model,
                                                    const Claim& claim) {
  if (!InRange(claim.loss, model.losses.size()) ||
      !InRange(claim.goal, model.goals.size()) ||
      !InRange(claim.data, model.data.size())) {
    return std::nullopt;
  }
  IdealizedProblem problem;
  problem.context = &model;
  problem.loss = &model.losses[claim.loss];
  problem.data = &model.data[claim.data];
  problem.goal = &model.goals[claim.goal];
  problem.within = claim.has_within ? claim.within : Rational(0);
  problem.name = claim.name;
  return problem;
}

Verdict CheckIdealized(const Model& model, const Claim& claim,
                       const EngineOptions& options,
                       const IdealizedConfig& config) {
  std::optional<IdealizedProblem> problem = IdealizedProblemFor(model, claim);
  if (!problem) {
    return UnknownVerdict(
        "internal: claim refers to a missing loss, goal or data");
  }
  return CheckIdealized(*problem, options, config);
}

Verdict CheckIdealized(const IdealizedProblem& problem,
                       const EngineOptions& options,
                       const IdealizedConfig& config) {
  std::string invalid = Validate(problem);
  if (!invalid.empty()) return UnknownVerdict(invalid);
  const Model& model = *problem.context;
  Loss negated;  // a reward is maximized: the loss -r is minimized
  const Loss& loss = MinimizedLoss(*problem.loss, &negated);
  const Data& data = *problem.data;
  const Goal& goal = *problem.goal;
  const Rational& eps = problem.within;
  const bool reward = problem.loss->reward;

  Verdict verdict;
  NearMinimizers nm = BuildNearMinimizers(model, loss, data, &eps);
  MinimizerCount count = CountNearMinimizers(nm, options.count_cap);
  IdealizedEvidence& evidence = verdict.evidence.emplace<IdealizedEvidence>();
  evidence.minimizers = count.count;
  evidence.minimizers_capped = count.capped;

  Decider decider(problem, options, config, &verdict);
  Decision d = decider.Decide(nm);
  verdict.method = d.used_solver ? "z3" : "per-input counting";
  if (d.kind == Decision::Kind::kUnknown) {
    verdict.kind = Verdict::Kind::kUnknown;
    verdict.reason = d.reason;
    return verdict;
  }
  if (d.kind == Decision::Kind::kViolated) {
    // Re-check exactly with the reference semantics before reporting.
    const Policy& pi = d.policy;
    bool shape_ok = pi.size() == nm.inputs;
    for (size_t x = 0; shape_ok && x < pi.size(); ++x) {
      shape_ok = pi[x] < nm.outputs;
    }
    if (!shape_ok)
      return UnknownVerdict("internal: counterexample failed re-check");
    Rational value = ExpectedLoss(model, loss, data, pi);
    Rational min_loss = ExpectedLoss(model, loss, data, nm.best);
    Evaluator ev(model, &pi);
    bool holds = ev.GoalHolds(goal);
    if (ev.failed()) {
      verdict.kind = Verdict::Kind::kUnknown;
      verdict.reason = "goal evaluation: " + ev.error();
      return verdict;
    }
    if (holds || value > min_loss + eps) {
      verdict.kind = Verdict::Kind::kUnknown;
      verdict.reason = "internal: counterexample failed re-check";
      return verdict;
    }
    IdealizedCounterexample cex;
    cex.policy = pi;
    cex.expected_loss = value;
    cex.min_loss = min_loss;
    cex.breaks = ComputeBreaks(model, goal, pi);
    verdict.kind = Verdict::Kind::kFails;
    verdict.reason = eps > 0 ? "a policy within " + FormatRational(eps) +
                                   (reward ? " of the maximum reward"
                                           : " of the minimum loss") +
                                   " violates the goal"
                     : reward ? "a maximizer of the reward violates the goal"
                              : "a minimizer of the loss violates the goal";
    evidence.counterexample = std::move(cex);
    return verdict;
  }
  verdict.kind = Verdict::Kind::kHolds;
  verdict.reason =
      eps > 0 ? "every policy within " + FormatRational(eps) +
                    (reward ? " of the maximum reward" : " of the minimum loss") +
                    " satisfies the goal"
      : reward ? "every maximizer of the reward satisfies the goal"
               : "every minimizer of the loss satisfies the goal";
  if (!d.used_solver) {
    evidence.explanation = ExplainPerInput(model, loss, data, goal, eps);
  }
  if (d.used_solver) {
    evidence.solver_explanation =
        SolverExplanation{options.unsat_core, std::move(d.conjuncts)};
  }
  if (config.check_vacuity) {
    NearMinimizers all = BuildNearMinimizers(model, loss, data, nullptr);
    Decision any = decider.Decide(all);
    if (any.kind == Decision::Kind::kSatisfied) {
      verdict.vacuous = true;
      verdict.reason += " (vacuously: every policy satisfies it)";
    }
  }
  return verdict;
}

}  // namespace aligncheck
