// The idealized reading over a finite MDP. A policy is optimal exactly when
// it takes an optimal action (Q* = V*, exact) at every state it reaches;
// unreached states are free. So:
// - a goal that is a conjunction of `ATOM op constant` comparisons, where
//   each ATOM is a return or probability, is violated by some optimal
//   policy iff the worst value of some atom over the MDP restricted to
//   optimal actions violates its comparison (memoryless deterministic
//   policies attain these extremes; mdp/returns.h, mdp/path_goal.h);
// - any other goal is decided by visiting the classes of optimal policies
//   (each fixes the actions of the states it reaches) and, where the goal
//   reads pi(s) directly, every completion at the free states; past the
//   search budget the verdict is UNKNOWN with the reason.
// Every counterexample is re-checked (optimal, and the goal false under the
// reference evaluator) before it is reported.
#include "readings/mdp/mdp_claim.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/eval.h"
#include "mdp/census.h"
#include "mdp/path_goal.h"
#include "mdp/policy_search.h"
#include "mdp/returns.h"
#include "mdp/witness.h"

namespace aligncheck {
namespace {

/// Completions of one class enumerated at most; past it the goal's direct
/// reads of pi at free states are not decided.
constexpr uint64_t kMaxCompletions = 1u << 14;

struct Question {
  const Model& model;
  const Claim& claim;
  const MdpModel& mm;
  const Mdp& m;
  const Goal& goal;
  Reward reward;  // the claim's, as maximized
};

/// Whether the goal holds for the complete policy `pi`; nullopt (and
/// `error`) when evaluation fails.
std::optional<bool> Holds(const Question& q, const Policy& pi,
                          std::string* error) {
  Evaluator ev(q.model, &pi);
  ev.SetTerminal(&q.m.terminal);
  bool holds = ev.GoalHolds(q.goal);
  if (ev.failed()) {
    *error = ev.error();
    return std::nullopt;
  }
  return holds;
}

/// Whether `e` applies the policy outside the operands of a prob atom
/// (there it only reads reached states). A return or prob atom over
/// another mdp than the claim's `mdp` reads states that the claim's
/// optimal runs may not reach: it counts as a direct read.
bool ReadsPolicyDirectly(const RExpr& e, int mdp) {
  if (e.kind == RExpr::Kind::kPolicy) return true;
  if ((e.kind == RExpr::Kind::kProb || e.kind == RExpr::Kind::kReturn) &&
      e.callee != mdp) {
    return true;
  }
  if (e.kind == RExpr::Kind::kProb) return false;
  for (const RExpr& a : e.args) {
    if (ReadsPolicyDirectly(a, mdp)) return true;
  }
  return false;
}

bool ReadsPolicy(const RExpr& e) {
  if (e.kind == RExpr::Kind::kPolicy) return true;
  for (const RExpr& a : e.args) {
    if (ReadsPolicy(a)) return true;
  }
  return false;
}

bool UsesVariables(const RExpr& e) {
  if (e.kind == RExpr::Kind::kVar) return true;
  for (const RExpr& a : e.args) {
    if (UsesVariables(a)) return true;
  }
  return false;
}

bool IsRunAtom(const RExpr& e) {
  return e.kind == RExpr::Kind::kReturn || e.kind == RExpr::Kind::kProb;
}

/// One conjunct `ATOM op c` of the goal, normalized so the atom is left.
struct AtomBound {
  const RExpr* conjunct;
  const RExpr* atom;
  ast::Op op;
  Rational bound;
};

ast::Op Flip(ast::Op op) {
  switch (op) {
    case ast::Op::kLt: return ast::Op::kGt;
    case ast::Op::kLe: return ast::Op::kGe;
    case ast::Op::kGt: return ast::Op::kLt;
    case ast::Op::kGe: return ast::Op::kLe;
    default: return op;
  }
}

bool Compare(const Rational& v, ast::Op op, const Rational& c) {
  switch (op) {
    case ast::Op::kLt: return v < c;
    case ast::Op::kLe: return v <= c;
    case ast::Op::kGt: return v > c;
    case ast::Op::kGe: return v >= c;
    case ast::Op::kEq: return v == c;
    default: return v != c;
  }
}

/// The goal as a conjunction of atom bounds, or nullopt when it has
/// another shape.
std::optional<std::vector<AtomBound>> AtomBounds(const Question& q) {
  std::vector<const RExpr*> conjuncts;
  std::vector<const RExpr*> stack = {&q.goal.body};
  while (!stack.empty()) {
    const RExpr* e = stack.back();
    stack.pop_back();
    if (e->kind == RExpr::Kind::kBinary && e->op == ast::Op::kAnd) {
      stack.push_back(&e->args[1]);
      stack.push_back(&e->args[0]);
    } else {
      conjuncts.push_back(e);
    }
  }
  std::vector<AtomBound> out;
  for (const RExpr* c : conjuncts) {
    if (c->kind != RExpr::Kind::kBinary) return std::nullopt;
    ast::Op op = c->op;
    if (op != ast::Op::kLt && op != ast::Op::kLe && op != ast::Op::kGt &&
        op != ast::Op::kGe && op != ast::Op::kEq) {
      return std::nullopt;
    }
    const RExpr* atom = &c->args[0];
    const RExpr* other = &c->args[1];
    if (!IsRunAtom(*atom)) {
      std::swap(atom, other);
      op = Flip(op);
    }
    // An atom over another mdp than the claim's is not decided by the
    // claim's optimal actions (its runs reach other states).
    if (!IsRunAtom(*atom) || atom->callee != q.claim.mdp ||
        ReadsPolicy(*atom) || UsesVariables(*other) ||
        ReadsPolicy(*other) || UsesRuns(*other)) {
      return std::nullopt;
    }
    Evaluator ev(q.model);
    std::vector<Value> env(static_cast<size_t>(q.goal.slot_count));
    Value bound = ev.Eval(*other, env);
    if (ev.failed()) return std::nullopt;
    out.push_back({c, atom, op, bound.number});
  }
  return out;
}

Extreme AtomExtreme(const Question& q, const RExpr& atom,
                    const ActionMask& allowed, Sense sense) {
  if (atom.kind == RExpr::Kind::kReturn) {
    const MdpModel& mm = q.model.mdps[atom.callee];
    return ExtremeReturn(mm.mdp,
                         TransitionReward(mm.mdp, q.model.losses[atom.slot]),
                         allowed, sense);
  }
  Evaluator ev(q.model);
  std::vector<Value> env(static_cast<size_t>(q.goal.slot_count) + 2);
  PathFormula phi = ev.Path(atom, env);
  return ExtremePathProbability(q.model.mdps[atom.callee].mdp, allowed, phi,
                                sense);
}

/// What deciding "every policy in the set satisfies G" found.
struct Decision {
  enum class Status { kHolds, kFails, kUnknown };
  Status status = Status::kUnknown;
  std::string reason;  // kUnknown
  std::string method;
  std::optional<Policy> witness;  // kFails: complete, not yet re-checked
  std::vector<AtomWorstCase> worst;  // by the extremes, kHolds
};

const char* OpText(ast::Op op) {
  switch (op) {
    case ast::Op::kLt: return "<";
    case ast::Op::kLe: return "<=";
    case ast::Op::kGt: return ">";
    case ast::Op::kGe: return ">=";
    case ast::Op::kEq: return "==";
    default: return "!=";
  }
}

std::string AtomText(const Model& model, const RExpr& e);

/// The fast path: every conjunct an atom bound; `allowed` restricts the
/// actions at every state (unreached states do not change run atoms).
std::optional<Decision> DecideByExtremes(const Question& q,
                                         const ActionMask& allowed) {
  std::optional<std::vector<AtomBound>> bounds = AtomBounds(q);
  if (!bounds) return std::nullopt;
  Decision d;
  d.method = "worst case of each atom over the optimal actions";
  for (const AtomBound& b : *bounds) {
    AtomWorstCase worst;
    worst.text = AtomText(q.model, *b.conjunct);
    if (q.model.file) {
      LineCol lc = q.model.file->Locate(b.conjunct->span.begin);
      worst.where = q.model.file->name() + ":" + std::to_string(lc.line) +
                    ":" + std::to_string(lc.col);
    }
    worst.op = OpText(b.op);
    worst.bound = b.bound;
    std::vector<Sense> senses;
    if (b.op == ast::Op::kLt || b.op == ast::Op::kLe) senses = {Sense::kMax};
    if (b.op == ast::Op::kGt || b.op == ast::Op::kGe) senses = {Sense::kMin};
    if (b.op == ast::Op::kEq) senses = {Sense::kMin, Sense::kMax};
    for (Sense sense : senses) {
      Extreme x = AtomExtreme(q, *b.atom, allowed, sense);
      if (!x.exact()) return std::nullopt;
      if (!Compare(x.value, b.op, b.bound)) {
        d.status = Decision::Status::kFails;
        d.witness = CompletePolicy(q.m, allowed, x.policy);
        return d;
      }
      (sense == Sense::kMin ? worst.least : worst.greatest) = x.value;
    }
    d.worst.push_back(std::move(worst));
  }
  d.status = Decision::Status::kHolds;
  return d;
}

BigInt Power(size_t base, size_t exp) {
  BigInt out;
  mpz_ui_pow_ui(out.get_mpz_t(), base, exp);
  return out;
}

/// Census and decision by visiting policy classes.
struct Enumeration {
  bool complete = false;
  std::string reason;
  BigInt policies = 0;
  bool violating_counted = true;
  BigInt violating = 0;
  std::optional<Policy> witness;
  std::string error;  // evaluation error
};

/// Visits one class: counts it and its violators, keeps one violator.
bool VisitClass(const Question& q, const PolicyClass& pc, bool direct,
                bool judge, Enumeration& out) {
  size_t actions = q.m.actions;
  out.policies += Power(actions, pc.free_states);
  if (!judge) return true;
  Policy pi = pc.policy;
  std::vector<uint32_t> free;
  for (uint32_t s = 0; s < q.m.states; ++s) {
    if (q.m.terminal[s]) {
      pi[s] = 0;
    } else if (!pc.reached[s]) {
      pi[s] = 0;
      free.push_back(s);
    }
  }
  if (!direct) {
    std::optional<bool> holds = Holds(q, pi, &out.error);
    if (!holds) return false;
    if (!*holds) {
      out.violating += Power(actions, pc.free_states);
      if (!out.witness) out.witness = pi;
    }
    return true;
  }
  // The goal reads pi(s) at free states: every completion.
  BigInt completions = Power(actions, free.size());
  if (completions > kMaxCompletions) {
    out.violating_counted = false;
    out.reason = fmt::format(
        "the goal reads the policy at {} states no optimal run reaches; "
        "their {} completions were not enumerated",
        free.size(), FormatBigInt(completions));
    std::optional<bool> holds = Holds(q, pi, &out.error);
    if (!holds) return false;
    if (!*holds && !out.witness) out.witness = pi;
    return true;
  }
  for (;;) {
    std::optional<bool> holds = Holds(q, pi, &out.error);
    if (!holds) return false;
    if (!*holds) {
      out.violating += 1;
      if (!out.witness) out.witness = pi;
    }
    size_t i = 0;
    for (; i < free.size(); ++i) {
      if (++pi[free[i]] < actions) break;
      pi[free[i]] = 0;
    }
    if (i == free.size()) break;
  }
  return true;
}

/// The search budget: each class costs an evaluation of the goal (a linear
/// solve over the states), so fewer classes for bigger MDPs; `share`
/// divides it further for a census the verdict does not need.
SearchBudget Budget(const Mdp& m, size_t share = 1) {
  constexpr size_t kWork = size_t{1} << 22;  // classes x states
  SearchBudget b;
  b.max_classes = std::clamp<size_t>(kWork / std::max<size_t>(m.states, 1),
                                     16, size_t{1} << 16) /
                  share;
  b.max_nodes = size_t{1} << 20;
  return b;
}

/// Visits the classes of policies `allowed` permits (near-optimal ones for
/// a claim `within eps` when `allowed` is the optimal mask), counting them;
/// with `judge`, also their violators and one violating policy.
Enumeration Enumerate(const Question& q, const Optimum& opt,
                      const ActionMask& allowed, const SearchBudget& budget,
                      bool judge = true) {
  Enumeration out;
  bool direct = ReadsPolicyDirectly(q.goal.body, q.claim.mdp);
  PolicySearchOutcome outcome;
  if (q.claim.has_within && &allowed == &opt.optimal) {
    outcome = EnumerateNearOptimal(
        q.m, q.reward, opt, q.claim.within, budget,
        [&](const PolicyClass& pc, const Rational&) {
          return VisitClass(q, pc, direct, judge, out);
        });
  } else {
    outcome = EnumeratePolicyClasses(
        q.m, allowed, budget, [&](const PolicyClass& pc) {
          return VisitClass(q, pc, direct, judge, out);
        });
  }
  out.complete = outcome.complete && !outcome.stopped && out.error.empty();
  if (!outcome.complete) out.reason = outcome.reason;
  if (!out.complete || !judge) out.violating_counted = false;
  return out;
}

Decision FromEnumeration(const Enumeration& e) {
  Decision d;
  d.method = "enumeration of the optimal policy classes";
  if (!e.error.empty()) {
    d.reason = e.error;
  } else if (e.witness) {
    d.status = Decision::Status::kFails;
    d.witness = e.witness;
  } else if (e.complete && e.violating_counted) {
    d.status = Decision::Status::kHolds;
  } else {
    d.reason = e.reason.empty() ? "the search was cut short" : e.reason;
  }
  return d;
}

std::string AtomText(const Model& model, const RExpr& e) {
  const std::string& text = model.file->text();
  if (e.span.end <= e.span.begin || e.span.end > text.size()) return "";
  return text.substr(e.span.begin, e.span.end - e.span.begin);
}

void CollectAtoms(const RExpr& e, std::vector<const RExpr*>& out) {
  if (IsRunAtom(e)) {
    out.push_back(&e);
    return;
  }
  for (const RExpr& a : e.args) CollectAtoms(a, out);
}

/// Fills the counterexample part of `ev` for the re-checked `pi`.
void DescribeCounterexample(const Question& q, const Policy& pi,
                            MdpEvidence& ev) {
  const Mdp& m = q.m;
  ev.policy = pi;
  ev.reached = ReachedStates(m, pi);
  ev.policy_value =
      q.claim.loss < 0
          ? FromStart(m, PolicyValues(m, q.reward, pi))
          : FromStart(m, PolicyValues(m, TransitionReward(
                                             m, q.model.losses[q.claim.loss]),
                                     pi));
  std::vector<const RExpr*> atoms;
  CollectAtoms(q.goal.body, atoms);
  std::vector<Value> env(static_cast<size_t>(q.goal.slot_count) + 2);
  for (const RExpr* a : atoms) {
    if (UsesVariables(*a) && a->kind == RExpr::Kind::kReturn) continue;
    Evaluator eval(q.model, &pi);
    eval.SetTerminal(&q.m.terminal);
    bool outer = false;
    for (const RExpr& arg : a->args) {
      // Operands that read variables bound outside the atom have no single
      // value to show.
      std::vector<const RExpr*> stack = {&arg};
      while (!stack.empty() && !outer) {
        const RExpr* x = stack.back();
        stack.pop_back();
        if (x->kind == RExpr::Kind::kVar && x->slot != a->slot &&
            x->slot != a->slot + 1) {
          outer = true;
        }
        for (const RExpr& c : x->args) stack.push_back(&c);
      }
    }
    if (outer) continue;
    Value v = eval.Eval(*a, env);
    if (eval.failed()) continue;
    ev.atoms.push_back({AtomText(q.model, *a), v.number});
    if (a->kind == RExpr::Kind::kProb && !IsDeterministic(m) &&
        !ev.path_probability) {
      PathFormula phi = eval.Path(*a, env);
      WitnessPath w = ViolatingPath(q.model.mdps[a->callee].mdp, pi, phi);
      if (w.found) {
        ev.path = w.states;
        ev.path_probability = w.probability;
      }
    }
  }
  if (IsDeterministic(m)) {
    uint32_t start = 0;
    for (uint32_t s = 0; s < m.states; ++s) {
      if (m.start[s] > 0) {
        start = s;
        break;
      }
    }
    Lasso lasso = RunLasso(m, pi, start);
    ev.run_prefix = lasso.prefix;
    ev.run_cycle = lasso.cycle;
  }
}

bool IsOptimal(const Question& q, const Optimum& opt, const Policy& pi) {
  Rational v = FromStart(q.m, PolicyValues(q.m, q.reward, pi));
  if (q.claim.has_within) return v >= opt.start_value - q.claim.within;
  return v == opt.start_value;
}

}  // namespace

std::optional<bool> EveryPolicyMeetsRunGoal(const Model& model,
                                            const Goal& goal, int mdp,
                                            bool none) {
  const MdpModel& mm = model.mdps[mdp];
  Claim every;  // no claim: every policy counts, as under a zero reward
  every.mdp = mdp;
  Reward zero;
  zero.value.assign(mm.mdp.succ.size(), Rational(0));
  Question q{model, every, mm, mm.mdp, goal, zero};
  ActionMask all = AllActions(q.m);
  if (std::optional<std::vector<AtomBound>> bounds = AtomBounds(q)) {
    if (!none) {
      std::optional<Decision> d = DecideByExtremes(q, all);
      if (!d) return std::nullopt;
      return d->status == Decision::Status::kHolds;
    }
    // None meets a single bound when even the best value breaks it.
    if (bounds->size() != 1 || (*bounds)[0].op == ast::Op::kEq) {
      return std::nullopt;
    }
    const AtomBound& b = (*bounds)[0];
    bool upper = b.op == ast::Op::kLt || b.op == ast::Op::kLe;
    Extreme x = AtomExtreme(q, *b.atom, all, upper ? Sense::kMin : Sense::kMax);
    if (!x.exact()) return std::nullopt;
    return !Compare(x.value, b.op, b.bound);
  }
  // Other shapes: by enumeration, on small MDPs only (lint stays cheap).
  constexpr size_t kLintStates = 64;
  if (q.m.states > kLintStates) return std::nullopt;
  Optimum opt = OptimalValues(q.m, zero, all);
  if (!opt.ok) return std::nullopt;
  Enumeration e = Enumerate(q, opt, all, Budget(q.m));
  if (!e.complete || !e.violating_counted || !e.error.empty()) {
    return std::nullopt;
  }
  return none ? e.violating == e.policies : e.violating == 0;
}

namespace {

/// Decides `q`; `negate` when the claim's values are a loss's (q.reward is
/// then minus the loss).
Verdict Decide(const Question& q, bool negate) {
  const Claim& claim = q.claim;
  Optimum opt = OptimalValues(q.m, q.reward, AllActions(q.m));
  if (!opt.ok) return UnknownVerdict("optimal values: " + opt.error);

  MdpEvidence ev;
  ev.mdp = claim.mdp;
  ev.optimum = negate ? Rational(-opt.start_value) : opt.start_value;
  ev.optimal_actions.resize(q.m.states);
  for (uint32_t s = 0; s < q.m.states; ++s) {
    if (q.m.terminal[s]) continue;
    for (uint32_t a = 0; a < q.m.actions; ++a) {
      if (opt.optimal[q.m.Choice(s, a)]) ev.optimal_actions[s].push_back(a);
    }
  }

  // The decision: by the atoms' extremes where the goal allows, else by
  // the enumeration that also takes the census.
  std::optional<Decision> fast =
      claim.has_within ? std::nullopt : DecideByExtremes(q, opt.optimal);
  // When the extremes decided, the census is extra: a smaller budget, and
  // no goal evaluations when no optimal policy violates the goal.
  bool holds_fast = fast && fast->status == Decision::Status::kHolds;
  Enumeration census =
      fast ? Enumerate(q, opt, opt.optimal, Budget(q.m, 16), !holds_fast)
           : Enumerate(q, opt, opt.optimal, Budget(q.m));
  ev.counted = census.complete;
  ev.count_reason = census.reason;
  ev.policies = census.policies;
  ev.violating_counted = census.violating_counted && census.complete;
  ev.violating = census.violating;
  if (holds_fast && census.complete) {
    ev.violating_counted = true;
    ev.violating = 0;
  }
  // Too many classes to visit (every shortest path of a gridworld): count
  // the runs instead where the MDP allows, and say the violators only when
  // the extremes showed there are none.
  if (!census.complete && !claim.has_within) {
    if (std::optional<BigInt> n = CountAllowedByRuns(q.m, opt.optimal)) {
      ev.counted = true;
      ev.count_reason.clear();
      ev.policies = *n;
      ev.violating_counted = holds_fast;
      ev.violating = 0;
    }
  }
  Decision d = fast ? *fast : FromEnumeration(census);
  if (!fast && claim.has_within) {
    d.method = "enumeration of the near-optimal policy classes";
  }

  Verdict v;
  v.method = d.method;
  if (d.status == Decision::Status::kUnknown) {
    v = UnknownVerdict(d.reason);
    v.evidence = std::move(ev);
    return v;
  }
  if (d.status == Decision::Status::kFails) {
    std::string error;
    std::optional<bool> holds = Holds(q, *d.witness, &error);
    if (!IsOptimal(q, opt, *d.witness) || !holds || *holds) {
      v = UnknownVerdict("internal: the counterexample policy did not "
                         "re-check");
      v.evidence = std::move(ev);
      return v;
    }
    v.kind = Verdict::Kind::kFails;
    DescribeCounterexample(q, *d.witness, ev);
    v.evidence = std::move(ev);
    return v;
  }
  v.kind = Verdict::Kind::kHolds;
  ev.worst_cases = d.worst;
  // Vacuous when every policy, optimal or not, satisfies G.
  ActionMask all = AllActions(q.m);
  std::optional<Decision> any = DecideByExtremes(q, all);
  if (!any) {
    Enumeration e = Enumerate(q, opt, all, Budget(q.m));
    any = FromEnumeration(e);
  }
  v.vacuous = any->status == Decision::Status::kHolds;
  v.evidence = std::move(ev);
  return v;
}

}  // namespace

Verdict CheckMdpClaim(const Model& model, const Claim& claim,
                      const EngineOptions& options) {
  (void)options;
  const MdpModel& mm = model.mdps[claim.mdp];
  const Loss& loss = model.losses[claim.loss];
  Reward reward = TransitionReward(mm.mdp, loss);
  if (!loss.reward) reward = Negated(reward);
  Question q{model, claim, mm, mm.mdp, model.goals[claim.goal], reward};
  return Decide(q, !loss.reward);
}

Verdict CheckMdpGoalOverReward(const Model& model, int mdp, int goal,
                               const Reward& reward,
                               const std::optional<Rational>& within) {
  Claim claim;  // no claim of the spec: the question as a value
  claim.mdp = mdp;
  claim.goal = goal;
  claim.has_within = within.has_value();
  if (within) claim.within = *within;
  const MdpModel& mm = model.mdps[mdp];
  Question q{model, claim, mm, mm.mdp, model.goals[goal], reward};
  return Decide(q, false);
}

}  // namespace aligncheck
