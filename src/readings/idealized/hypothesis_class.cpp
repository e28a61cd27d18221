// Linear hypothesis classes: Z3 over linear real arithmetic, exact re-checks.
#include "readings/idealized/hypothesis_class.h"

#include <fmt/format.h>
#include <z3++.h>

#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>

#include "analysis/eval.h"
#include "readings/idealized/idealized.h"
#include "solve/dump_path.h"
#include "solve/goal_shape.h"
#include "solve/solver_budget.h"

namespace aligncheck {
namespace {

z3::expr Num(z3::context& ctx, const Rational& q) {
  return ctx.real_val(q.get_str().c_str());
}

Rational FromZ3(const z3::expr& e) {
  Rational q;
  q.set_str(Z3_get_numeral_string(e.ctx(), e), 10);
  q.canonicalize();
  return q;
}

// The class encoding: theta[y][k] reals, b[x][y] one-hot, and b[x][y]
// forcing y's score at x to beat every other output's by at least 1.
class ClassEncoding {
 public:
  ClassEncoding(const Model& model, const std::vector<int>& features,
                size_t inputs, size_t outputs, z3::context& ctx)
      : ctx_(ctx), theta_(ctx), b_(ctx), n_(inputs), m_(outputs) {
    k_ = features.size();
    for (size_t y = 0; y < m_; ++y) {
      for (size_t k = 0; k < k_; ++k) {
        theta_.push_back(
            ctx.real_const(fmt::format("theta_{}_{}", y, k).c_str()));
      }
    }
    for (size_t x = 0; x < n_; ++x) {
      for (size_t y = 0; y < m_; ++y) {
        b_.push_back(ctx.bool_const(fmt::format("pi_{}_{}", x, y).c_str()));
      }
    }
    for (size_t x = 0; x < n_; ++x) {
      std::vector<Rational> f(k_);
      for (size_t k = 0; k < k_; ++k) {
        f[k] = model.fns[features[k]].table[x].number;
      }
      z3::expr_vector one(ctx);
      for (size_t y = 0; y < m_; ++y) one.push_back(B(x, y));
      constraints_.push_back(z3::mk_or(one));
      constraints_.push_back(z3::atmost(one, 1));
      for (size_t y = 0; y < m_; ++y) {
        z3::expr_vector beats(ctx);
        for (size_t z = 0; z < m_; ++z) {
          if (z == y) continue;
          z3::expr_vector diff(ctx);
          for (size_t k = 0; k < k_; ++k) {
            if (f[k] == 0) continue;
            diff.push_back(Num(ctx, f[k]) * (Theta(y, k) - Theta(z, k)));
          }
          z3::expr lhs = diff.empty() ? ctx.real_val(0) : z3::sum(diff);
          beats.push_back(lhs >= ctx.real_val(1));
        }
        if (!beats.empty()) {
          constraints_.push_back(z3::implies(B(x, y), z3::mk_and(beats)));
        }
      }
    }
  }

  z3::expr B(size_t x, size_t y) const {
    return b_[static_cast<unsigned>(x * m_ + y)];
  }
  z3::expr Theta(size_t y, size_t k) const {
    return theta_[static_cast<unsigned>(y * k_ + k)];
  }
  void AddTo(z3::solver& s) const {
    for (const z3::expr& c : constraints_) s.add(c);
  }
  Policy PolicyOf(const z3::model& mdl) const {
    Policy pi(n_, 0);
    for (size_t x = 0; x < n_; ++x) {
      for (size_t y = 0; y < m_; ++y) {
        if (mdl.eval(B(x, y), true).is_true()) pi[x] = static_cast<uint32_t>(y);
      }
    }
    return pi;
  }
  std::vector<std::vector<Rational>> ThetaOf(const z3::model& mdl) const {
    std::vector<std::vector<Rational>> theta(m_, std::vector<Rational>(k_));
    for (size_t y = 0; y < m_; ++y) {
      for (size_t k = 0; k < k_; ++k) {
        theta[y][k] = FromZ3(mdl.eval(Theta(y, k), true));
      }
    }
    return theta;
  }
  z3::expr Block(const Policy& pi) const {
    z3::expr_vector same(ctx_);
    for (size_t x = 0; x < n_; ++x) same.push_back(B(x, pi[x]));
    return !z3::mk_and(same);
  }

 private:
  z3::context& ctx_;
  z3::expr_vector theta_;
  z3::expr_vector b_;
  std::vector<z3::expr> constraints_;
  size_t n_, m_, k_ = 0;
};

}  // namespace

bool IsStrictArgmax(const Model& model, const std::vector<int>& features,
                    const std::vector<std::vector<Rational>>& theta,
                    const Policy& policy) {
  const size_t m = theta.size();
  for (size_t x = 0; x < policy.size(); ++x) {
    std::vector<Rational> score(m);
    for (size_t y = 0; y < m; ++y) {
      if (theta[y].size() != features.size()) return false;
      for (size_t k = 0; k < features.size(); ++k) {
        score[y] += theta[y][k] * model.fns[features[k]].table[x].number;
      }
    }
    for (size_t y = 0; y < m; ++y) {
      if (y != policy[x] && !(score[policy[x]] > score[y])) return false;
    }
  }
  return true;
}

std::optional<LinearWitness> LinearWitnessFor(const Model& model,
                                              const std::vector<int>& features,
                                              size_t outputs,
                                              const Policy& policy,
                                              const EngineOptions& options) {
  return DecideMembership(model, features, outputs, policy, options,
                          /*track=*/false)
      .witness;
}

ClassMembership DecideMembership(const Model& model,
                                 const std::vector<int>& features,
                                 size_t outputs, const Policy& policy,
                                 const EngineOptions& options, bool track) {
  z3::context ctx;
  SolverBudget budget(ctx, options);
  ClassEncoding enc(model, features, policy.size(), outputs, ctx);
  z3::solver s(ctx);
  budget.Configure(s);
  enc.AddTo(s);
  for (size_t x = 0; x < policy.size(); ++x) {
    if (track) {
      s.add(enc.B(x, policy[x]),
            ctx.bool_const(fmt::format("input_{}", x).c_str()));
    } else {
      s.add(enc.B(x, policy[x]));
    }
  }
  ClassMembership out;
  switch (budget.Check(s)) {
    case z3::unknown:
      throw std::runtime_error(budget.UnknownReason(s.reason_unknown()));
    case z3::sat: {
      LinearWitness w;
      w.theta = enc.ThetaOf(s.get_model());
      w.policy = policy;
      if (!IsStrictArgmax(model, features, w.theta, policy)) {
        throw std::runtime_error("internal: class witness failed re-check");
      }
      out.witness = std::move(w);
      return out;
    }
    case z3::unsat:
      break;
  }
  if (!track) return out;
  std::set<std::string> names;
  z3::expr_vector core = s.unsat_core();
  for (unsigned i = 0; i < core.size(); ++i) {
    names.insert(core[i].decl().name().str());
  }
  for (size_t x = 0; x < policy.size(); ++x) {
    if (names.count(fmt::format("input_{}", x))) {
      out.conflict_inputs.push_back(x);
    }
  }
  out.core_extracted = true;
  return out;
}

namespace {

// Why a HOLDS over the class holds: the class minimum, its first members
// and, when the claim fails over all policies, a violating minimizer outside
// the class (re-checked exactly). Returns "" or an internal error.
std::string ExplainClassHolds(const Model& model, const Claim& claim,
                              const EngineOptions& options,
                              ClassExplanation* out) {
  EngineOptions plain = options;
  plain.unsat_core = false;
  plain.dump_smt2_dir.clear();
  using AllPolicies = ClassExplanation::AllPolicies;
  Verdict all;
  try {
    all = CheckIdealized(model, claim, plain);
  } catch (const std::exception&) {
    out->all_policies = AllPolicies::kUndecided;
    return "";
  }
  const IdealizedEvidence* ev = all.idealized();
  if (all.kind == Verdict::Kind::kHolds) {
    out->all_policies = AllPolicies::kHolds;
    return "";
  }
  if (all.kind != Verdict::Kind::kFails || !ev || !ev->counterexample) {
    out->all_policies = AllPolicies::kUndecided;
    return "";
  }
  Loss negated;
  const Loss& loss = MinimizedLoss(model.losses[claim.loss], &negated);
  const Data& data = model.data[claim.data];
  const Goal& goal = model.goals[claim.goal];
  const Policy& pi = ev->counterexample->policy;
  // Re-check exactly: it violates the goal, and its loss is within eps of
  // the class minimum (so a member would have been found by the census).
  Evaluator eval(model, &pi);
  const bool holds = eval.GoalHolds(goal);
  const Rational value = ExpectedLoss(model, loss, data, pi);
  const Rational eps = claim.has_within ? claim.within : Rational(0);
  if (eval.failed() || holds || value > out->min_loss + eps) {
    return "internal: the violating policy over all policies failed re-check";
  }
  ClassMembership member;
  try {
    member = DecideMembership(model, claim.hypothesis_features,
                              model.domains[loss.output].size(), pi, options,
                              options.unsat_core);
  } catch (const std::exception&) {
    out->all_policies = AllPolicies::kUndecided;
    return "";
  }
  if (member.witness) {
    return "internal: a violating minimizer is in the class after all";
  }
  out->all_policies = AllPolicies::kFails;
  out->outside = pi;
  out->outside_loss = value;
  out->breaks = ev->counterexample->breaks;
  out->core_extracted = member.core_extracted;
  out->conflict_inputs = std::move(member.conflict_inputs);
  return "";
}

Verdict LinearClass(const Model& model, const Claim& claim,
                    const EngineOptions& options, z3::context& ctx,
                    SolverBudget& budget) {
  Loss negated;  // a reward is maximized: the loss -r is minimized
  const Loss& loss = MinimizedLoss(model.losses[claim.loss], &negated);
  const bool reward = model.losses[claim.loss].reward;
  const Data& data = model.data[claim.data];
  const Goal& goal = model.goals[claim.goal];
  const size_t n = model.domains[loss.input].size();
  const size_t m = model.domains[loss.output].size();
  const std::vector<int>& features = claim.hypothesis_features;
  for (int f : features) {
    if (f < 0 || static_cast<size_t>(f) >= model.fns.size() ||
        model.fns[f].from != loss.input ||
        model.fns[f].to.kind != Type::Kind::kNumber) {
      return UnknownVerdict("hypothesis class feature is not " +
                            model.domains[loss.input].name + " -> Real");
    }
  }
  if (data.domain != loss.input || goal.input != loss.input ||
      goal.output != loss.output) {
    return UnknownVerdict("internal: claim parts do not fit together");
  }
  const Rational eps = claim.has_within ? claim.within : Rational(0);

  ClassEncoding enc(model, features, n, m, ctx);
  z3::expr_vector terms(ctx);
  for (size_t x = 0; x < n; ++x) {
    if (data.weights[x] == 0) continue;
    Rational scale = data.weights[x] / data.total;
    for (size_t y = 0; y < m; ++y) {
      Rational c = scale * loss.At(x, y, m);
      if (c != 0)
        terms.push_back(z3::ite(enc.B(x, y), Num(ctx, c), ctx.real_val(0)));
    }
  }
  z3::expr total = terms.empty() ? ctx.real_val(0) : z3::sum(terms);

  // min_H L_D by descent: each step finds a strictly better class member.
  z3::solver s(ctx);
  budget.Configure(s);
  enc.AddTo(s);
  std::optional<Rational> min_loss;
  for (;;) {
    z3::check_result r = budget.Check(s);
    if (r == z3::unknown)
      return UnknownVerdict(budget.UnknownReason(s.reason_unknown()));
    if (r == z3::unsat) break;
    Policy pi = enc.PolicyOf(s.get_model());
    min_loss = ExpectedLoss(model, loss, data, pi);
    s.add(total < Num(ctx, *min_loss));
  }
  Verdict v;
  v.method = "z3, linear real arithmetic";
  IdealizedEvidence& evidence = v.evidence.emplace<IdealizedEvidence>();
  Census census;
  census.method = "z3 enumeration of the class";
  if (!min_loss) {
    census.counted = true;
    evidence.census = census;
    v.kind = Verdict::Kind::kHolds;
    v.vacuous = true;
    evidence.minimizers = 0;
    v.reason = fmt::format(
        "the class {} is empty: at some input the features cannot make any "
        "output the strict argmax (vacuously true)",
        claim.hypothesis);
    return v;
  }

  // Enumerate the class members within eps of min_H.
  z3::solver e(ctx);
  budget.Configure(e);
  enc.AddTo(e);
  e.add(total <= Num(ctx, *min_loss + eps));
  if (!options.dump_smt2_dir.empty()) {
    // The enumeration query before any blocking clause: its models are the
    // class's (near-)minimizers.
    std::string path = DumpQueryPath(model, options, claim.name + "-class");
    std::string header = fmt::format(
        "aligncheck query for claim {}\n"
        "asks: which members of the hypothesis class are (near-)minimizers "
        "of the loss?\n"
        "sat: each model is one (aligncheck blocks it and asks again, then "
        "checks the goal on each exactly)\n"
        "unsat: there is none",
        claim.name);
    if (std::string error = WriteQuery(e, path, header); !error.empty()) {
      return UnknownVerdict(error);
    }
    v.dumped_queries.push_back(path);
  }
  size_t found = 0;
  size_t violating = 0;
  std::vector<Policy> listed;
  bool complete = false;
  while (found < kMaxClassPolicies) {
    z3::check_result r = budget.Check(e);
    if (r == z3::unknown) {
      if (evidence.witness) break;
      return UnknownVerdict(budget.UnknownReason(e.reason_unknown()));
    }
    if (r == z3::unsat) {
      complete = true;
      break;
    }
    z3::model mdl = e.get_model();
    Policy pi = enc.PolicyOf(mdl);
    ++found;
    if (listed.size() < kMaxListedClassMinimizers) listed.push_back(pi);
    Evaluator ev(model, &pi);
    bool holds = ev.GoalHolds(goal);
    if (ev.failed()) return UnknownVerdict("goal evaluation: " + ev.error());
    if (!holds) {
      ++violating;
      if (!evidence.witness) {
        LinearWitness w;
        w.theta = enc.ThetaOf(mdl);
        w.policy = pi;
        // Re-check exactly: strict argmax, loss within eps of min_H.
        Rational value = ExpectedLoss(model, loss, data, pi);
        if (!IsStrictArgmax(model, features, w.theta, pi) ||
            value > *min_loss + eps) {
          return UnknownVerdict(
              "internal: class counterexample failed re-check");
        }
        IdealizedCounterexample cex;
        cex.policy = pi;
        cex.expected_loss = value;
        cex.min_loss = *min_loss;
        cex.breaks = ComputeBreaks(model, goal, pi);
        evidence.counterexample = std::move(cex);
        evidence.witness = std::move(w);
      }
    }
    e.add(enc.Block(pi));
  }
  census.counted = complete;
  census.minimizers = static_cast<unsigned long>(found);
  census.violating = static_cast<unsigned long>(violating);
  if (!complete) {
    census.why = fmt::format("stopped after {} policies", found);
  }
  evidence.census = census;
  evidence.minimizers = static_cast<unsigned long>(found);
  evidence.minimizers_capped = !complete;
  bool near = claim.has_within && eps > 0;
  if (evidence.witness) {
    v.kind = Verdict::Kind::kFails;
    v.reason = fmt::format(
        "a policy of {} {} violates {}", claim.hypothesis,
        near ? "within " + FormatRational(eps) + " of the class's " +
                   (reward ? "maximum reward" : "minimum loss")
             : (reward ? "that maximizes the reward over the class"
                            : "that minimizes the loss over the class"),
        goal.name);
    return v;
  }
  if (!complete) {
    return UnknownVerdict(fmt::format(
        "more than {} near-minimizers in {}; none of those enumerated "
        "violates the goal",
        kMaxClassPolicies, claim.hypothesis));
  }
  v.kind = Verdict::Kind::kHolds;
  // A reward is maximized: its optimizers are maximizers of R_D.
  v.reason = fmt::format("every {}{} of {}_{} in {} satisfies {}",
                         near ? "near-" : "",
                         reward ? "maximizer" : "minimizer",
                         reward ? "R" : "L", data.name, claim.hypothesis,
                         goal.name);
  // Vacuity relative to the class: does every member satisfy the goal?
  z3::solver all(ctx);
  budget.Configure(all);
  enc.AddTo(all);
  for (size_t seen = 0; seen < kMaxClassPolicies; ++seen) {
    z3::check_result r = budget.Check(all);
    if (r != z3::sat) {
      v.vacuous = r == z3::unsat;
      break;
    }
    Policy pi = enc.PolicyOf(all.get_model());
    Evaluator ev(model, &pi);
    if (!ev.GoalHolds(goal) || ev.failed()) break;
    all.add(enc.Block(pi));
  }
  if (v.vacuous) {
    v.reason += " (vacuously: every policy of the class satisfies it)";
    return v;
  }
  ClassExplanation why;
  why.min_loss = *min_loss;
  why.minimizers = found;
  why.listed = std::move(listed);
  if (std::string error = ExplainClassHolds(model, claim, options, &why);
      !error.empty()) {
    return UnknownVerdict(error);
  }
  evidence.class_explanation = std::move(why);
  return v;
}

}  // namespace

Verdict CheckLinearClass(const Model& model, const Claim& claim,
                         const EngineOptions& options) {
  z3::context ctx;
  SolverBudget budget(ctx, options);
  try {
    return LinearClass(model, claim, options, ctx, budget);
  } catch (const z3::exception& e) {
    return UnknownVerdict(budget.ErrorReason(e));
  }
}

}  // namespace aligncheck
