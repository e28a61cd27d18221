// Rules decided exactly on the resolved model: AC007 (ungraded inputs, and
// states no run of an mdp reaches),
// AC008 (constant loss), AC009 (trivial goal), AC010 (wide within), AC012
// (never-minimal outputs). Nothing here is a heuristic: a rule reports only
// what it has established by exact evaluation or by the engine.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "analysis/eval.h"
#include "readings/mdp/mdp_claim.h"
#include "solve/every_policy.h"
#include "solve/goal_shape.h"
#include "lint/lint_rules.h"

namespace aligncheck {
namespace {

// The engine path for "does every policy X -> Y meet the goal" builds an
// all-zero loss of |X| * |Y| entries; beyond this the rule stays silent.
constexpr size_t kMaxScratchEntries = 4'000'000;

const ast::ClaimDecl* ClaimDeclNamed(const ast::Spec& spec,
                                     const std::string& name) {
  for (const ast::Decl& decl : spec.decls) {
    const auto* c = std::get_if<ast::ClaimDecl>(&decl);
    if (c && c->name.text == name) return c;
  }
  return nullptr;
}

// "a, b, c" or "a, b, ... and 7 more".
std::string ListValues(const Domain& domain, const std::vector<size_t>& xs) {
  constexpr size_t kShown = 8;
  std::string out;
  for (size_t i = 0; i < xs.size() && i < kShown; ++i) {
    out += (i ? ", " : "") + domain.values[xs[i]];
  }
  if (xs.size() > kShown)
    out += fmt::format(" and {} more", xs.size() - kShown);
  return out;
}

const RExpr* FirstRunAtom(const RExpr& e) {
  if (e.kind == RExpr::Kind::kReturn || e.kind == RExpr::Kind::kProb) {
    return &e;
  }
  for (const RExpr& a : e.args) {
    if (const RExpr* found = FirstRunAtom(a)) return found;
  }
  return nullptr;
}

bool EveryMdpPolicy(const Model& model, const Goal& goal, bool negate) {
  const RExpr* atom = FirstRunAtom(goal.body);
  if (atom == nullptr) return false;
  return EveryPolicyMeetsRunGoal(model, goal, atom->callee, negate)
      .value_or(false);
}

// Returns whether every policy meets the goal (or, with `negate`, none
// does), as the idealized engine decides it when every policy is a
// minimizer: an all-zero loss over uniform data, asked as a question of its
// own (the model is not touched). Returns false when the engine cannot
// decide.
bool ForEveryPolicy(const LintContext& ctx, int goal_index, bool negate) {
  const Model& model = *ctx.model;
  const Goal& goal = model.goals[goal_index];
  if (goal.input == kNoDomain || goal.output == kNoDomain) return false;
  // Goals about runs of an MDP: the MDP reading decides, over the mdp of
  // the goal's first atom (a goal's policy has that mdp's states).
  if (UsesRuns(goal.body)) return EveryMdpPolicy(model, goal, negate);
  size_t n = model.domains[goal.input].size();
  size_t m = model.domains[goal.output].size();
  if (n == 0 || m == 0 || n > kMaxScratchEntries / m) return false;
  // Per-input goals need no zero table; the engine decides them alike.
  if (std::optional<bool> every = EveryPolicyMeets(model, goal, negate)) {
    return *every;
  }
  Goal asked = goal;
  if (negate) {
    RExpr not_body;
    not_body.kind = RExpr::Kind::kUnary;
    not_body.op = ast::Op::kNot;
    not_body.type = Type::Bool();
    not_body.span = goal.body.span;
    not_body.args.push_back(goal.body);
    asked.body = std::move(not_body);
  }
  return CheckForEveryPolicy(model, asked, ctx.engine).kind ==
         Verdict::Kind::kHolds;
}

// Per goal: 1 when every policy meets it, -1 when none does, 0 otherwise
// (or undecided).
std::vector<int> GoalTriviality(const LintContext& ctx) {
  std::vector<int> out(ctx.model->goals.size(), 0);
  for (size_t g = 0; g < out.size(); ++g) {
    int index = static_cast<int>(g);
    if (ForEveryPolicy(ctx, index, false)) {
      out[g] = 1;
    } else if (ForEveryPolicy(ctx, index, true)) {
      out[g] = -1;
    }
  }
  return out;
}

void TrivialGoals(const LintContext& ctx, const std::vector<int>& trivial) {
  for (size_t g = 0; g < trivial.size(); ++g) {
    const Goal& goal = ctx.model->goals[g];
    if (trivial[g] == 0) continue;
    Diagnostic& d =
        ctx.Report("AC009", goal.span,
                   fmt::format("goal '{}' holds for {} policy", goal.name,
                               trivial[g] > 0 ? "every" : "no"));
    d.notes.push_back(trivial[g] > 0
                          ? "every claim about it holds vacuously, whatever "
                            "the loss"
                          : "every claim about it fails, whatever the loss");
  }
}

// Inputs of weight 0 at which the goal depends on the output: there it asks
// for something the loss never grades. Exact for the inputs it reports:
// when some policy meets the goal and a conjunct "forall x: P(x, pi(x))"
// has P(x, .) non-constant, changing that policy at x alone breaks the
// goal. Other conjuncts are not examined, so the list may be short, never
// wrong. REQUIRES: some policy meets the goal.
std::vector<size_t> ConstrainedUngraded(const Model& model, const Goal& goal,
                                        const Data& data) {
  std::vector<size_t> zero;
  for (size_t x = 0; x < data.weights.size(); ++x) {
    if (data.weights[x] == 0) zero.push_back(x);
  }
  if (zero.empty() || goal.input != data.domain) return {};
  std::vector<Conjunct> conjuncts;
  SplitConjuncts(goal.body, false, &conjuncts);
  size_t n = model.domains[goal.input].size();
  size_t m = model.domains[goal.output].size();
  std::vector<char> constrained(n, 0);
  for (const Conjunct& c : conjuncts) {
    ConjunctShape shape = ClassifyConjunct(model, goal, c);
    if (shape.kind != ConjunctShape::Kind::kCount) continue;
    const CountAtom& atom = shape.atom;
    if (!atom.is_forall) continue;
    Policy policy(n, 0);
    Evaluator eval(model, &policy);
    std::vector<Value> env(std::max(goal.slot_count, atom.slot + 1));
    for (size_t x : zero) {
      if (constrained[x]) continue;
      env[atom.slot] = Value::Element(goal.input, static_cast<uint32_t>(x));
      int seen = -1;
      for (size_t y = 0; y < m && !constrained[x]; ++y) {
        policy[x] = static_cast<uint32_t>(y);
        bool truth = eval.Eval(*atom.pred, env).boolean;
        if (eval.failed()) return {};
        if (seen >= 0 && seen != static_cast<int>(truth)) constrained[x] = 1;
        seen = static_cast<int>(truth);
      }
      policy[x] = 0;
    }
  }
  std::vector<size_t> out;
  for (size_t x : zero) {
    if (constrained[x]) out.push_back(x);
  }
  return out;
}

void ClaimRules(const LintContext& ctx, const std::vector<int>& trivial) {
  const Model& model = *ctx.model;
  for (const Claim& claim : model.claims) {
    if (claim.reading != Claim::Reading::kIdealized || claim.data < 0 ||
        claim.loss < 0 || claim.goal < 0) {
      continue;
    }
    const ast::ClaimDecl* decl = ClaimDeclNamed(*ctx.spec, claim.name);
    const Loss& loss = model.losses[claim.loss];
    const Data& data = model.data[claim.data];
    const Goal& goal = model.goals[claim.goal];
    if (loss.input != data.domain) continue;
    Span data_span = decl && decl->data ? decl->data->span : claim.name_span;
    size_t m = model.domains[loss.output].size();
    // Range of L_D over all policies: sum of weighted per-input spreads.
    Rational range = 0;
    // Indexes, not copies, and one pass over the table for both extremes.
    std::vector<uint32_t> lows, highs;
    if (m > 0) loss.table.RowExtremes(m, &lows, &highs);
    for (size_t x = 0; x < data.weights.size() && x < lows.size(); ++x) {
      if (data.weights[x] == 0) continue;
      const size_t lo = lows[x], hi = highs[x];
      if (lo == hi) continue;  // a constant row adds nothing
      range += data.weights[x] / data.total *
               (loss.At(x, hi, m) - loss.At(x, lo, m));
    }
    if (range == 0) {
      Diagnostic& d = ctx.Report(
          "AC008", data_span,
          fmt::format("loss '{}' is constant over every input data '{}' "
                      "weighs: every policy is a minimizer",
                      loss.name, data.name));
      d.notes.push_back(fmt::format(
          "claim '{}' can hold only if goal '{}' holds for every policy",
          claim.name, goal.name));
    } else if (claim.has_within && claim.within >= range) {
      Span at = decl && decl->within ? decl->within->span : claim.name_span;
      Diagnostic& d = ctx.Report(
          "AC010", at,
          fmt::format("within {} is at least the range of L_{} ({}): every "
                      "policy is a near-minimizer",
                      FormatRational(claim.within), data.name,
                      FormatRational(range)));
      d.notes.push_back(fmt::format(
          "claim '{}' can hold only if goal '{}' holds for every policy",
          claim.name, goal.name));
    }
    if (!claim.hypothesis.empty()) continue;  // a class ties inputs together
    if (trivial[claim.goal] != 0) continue;   // AC009 says more
    std::vector<size_t> free = ConstrainedUngraded(model, goal, data);
    if (free.empty()) continue;
    Diagnostic& d = ctx.Report(
        "AC007", data_span,
        fmt::format("goal '{}' constrains input{} that data '{}' weighs 0: {}",
                    goal.name, free.size() == 1 ? "" : "s", data.name,
                    ListValues(model.domains[data.domain], free)));
    d.notes.push_back(
        "ungraded inputs: the minimizers are free there (goal "
        "misgeneralization in miniature)");
    d.help.push_back(fmt::format(
        "give {} a weight in '{}', or say in the goal that {} not matter",
        free.size() == 1 ? "it" : "them", data.name,
        free.size() == 1 ? "it does" : "they do"));
  }
}

// The states some run of `mdp` can visit, whatever the policy: the start
// states and everything their successors lead to.
std::vector<char> ReachableStates(const Mdp& mdp) {
  std::vector<char> seen(mdp.states, 0);
  std::vector<uint32_t> stack;
  for (uint32_t s = 0; s < mdp.states; ++s) {
    if (mdp.start[s] > 0) {
      seen[s] = 1;
      stack.push_back(s);
    }
  }
  while (!stack.empty()) {
    uint32_t s = stack.back();
    stack.pop_back();
    if (mdp.terminal[s]) continue;
    for (size_t a = 0; a < mdp.actions; ++a) {
      size_t c = mdp.Choice(s, a);
      for (uint32_t k = mdp.begin[c]; k < mdp.begin[c + 1]; ++k) {
        uint32_t s2 = mdp.succ[k].state;
        if (!seen[s2]) {
          seen[s2] = 1;
          stack.push_back(s2);
        }
      }
    }
  }
  return seen;
}

// AC007 for mdp claims: a goal that asks for pi(s) at states no run can
// reach asks for something the return never sees, so every optimal policy
// is free there. The unreached states play the part of inputs weighed 0.
void UnreachedStates(const LintContext& ctx, const std::vector<int>& trivial) {
  const Model& model = *ctx.model;
  for (const Claim& claim : model.claims) {
    if (claim.reading != Claim::Reading::kMdpIdealized || claim.mdp < 0 ||
        claim.goal < 0 || trivial[claim.goal] != 0) {
      continue;
    }
    const MdpModel& mm = model.mdps[claim.mdp];
    const Goal& goal = model.goals[claim.goal];
    if (goal.input != mm.states) continue;
    std::vector<char> reached = ReachableStates(mm.mdp);
    Data reach;
    reach.name = mm.name;
    reach.domain = mm.states;
    reach.total = 0;
    for (char r : reached) {
      reach.weights.push_back(Rational(r ? 1 : 0));
      reach.total += reach.weights.back();
    }
    std::vector<size_t> free = ConstrainedUngraded(model, goal, reach);
    if (free.empty()) continue;
    const ast::ClaimDecl* decl = ClaimDeclNamed(*ctx.spec, claim.name);
    Span at = decl && decl->data ? decl->data->span : claim.name_span;
    Diagnostic& d = ctx.Report(
        "AC007", at,
        fmt::format("goal '{}' constrains state{} that no run of mdp '{}' "
                    "reaches: {}",
                    goal.name, free.size() == 1 ? "" : "s", mm.name,
                    ListValues(model.domains[mm.states], free)));
    d.notes.push_back(
        "no policy reaches them from the start, so the return never sees "
        "what a policy does there: every optimal policy is free there");
    d.help.push_back(
        "restrict the goal to states a run can reach, or state it over runs: "
        "prob(M, pi, always ...)");
  }
}

void NeverMinimalOutputs(const LintContext& ctx) {
  const Model& model = *ctx.model;
  for (const ast::Decl& decl : ctx.spec->decls) {
    const auto* loss_decl = std::get_if<ast::LossDecl>(&decl);
    if (!loss_decl || loss_decl->body == ast::LossDecl::Body::kExpr) continue;
    auto it = std::find_if(
        model.losses.begin(), model.losses.end(),
        [&](const Loss& l) { return l.name == loss_decl->name.text; });
    if (it == model.losses.end() || it->input == kNoDomain ||
        it->output == kNoDomain) {
      continue;
    }
    // Over an MDP's states and actions, an action that is never best now
    // may be best for the return: not a sign of anything.
    bool over_mdp = std::any_of(
        model.mdps.begin(), model.mdps.end(), [&](const MdpModel& mm) {
          return mm.states == it->input && mm.actions == it->output;
        });
    if (over_mdp) continue;
    Loss negated;
    const Loss& loss = MinimizedLoss(*it, &negated);
    size_t n = model.domains[loss.input].size();
    size_t m = model.domains[loss.output].size();
    if (n == 0 || loss.table.size() != n * m) continue;
    std::vector<char> minimal(m, 0);
    size_t minimal_count = 0;
    // Once every output is minimal somewhere, no further row can change that.
    for (size_t x = 0; x < n && minimal_count < m; ++x) {
      const size_t row = x * m;
      const size_t best = loss.table.Argmin(row, row + m);
      for (size_t y = 0; y < m; ++y) {
        if (!minimal[y] && loss.table.Equal(row + y, best)) {
          minimal[y] = 1;
          ++minimal_count;
        }
      }
    }
    std::vector<size_t> never;
    for (size_t y = 0; y < m; ++y) {
      if (!minimal[y]) never.push_back(y);
    }
    if (never.empty()) continue;
    Diagnostic& d = ctx.Report(
        "AC012", loss_decl->name.span,
        fmt::format("output{} {} of {} '{}' {} {} for any input",
                    never.size() == 1 ? "" : "s",
                    ListValues(model.domains[loss.output], never), it->Word(),
                    loss.name, never.size() == 1 ? "is never" : "are never",
                    it->reward ? "maximal" : "minimal"));
    d.notes.push_back(fmt::format("no exact {} ever chooses {}",
                                  it->reward ? "maximizer" : "minimizer",
                                  never.size() == 1 ? "it" : "them"));
  }
}

}  // namespace

void RunModelRules(const LintContext& ctx) {
  std::vector<int> trivial = GoalTriviality(ctx);
  ClaimRules(ctx, trivial);
  TrivialGoals(ctx, trivial);
  UnreachedStates(ctx, trivial);
  NeverMinimalOutputs(ctx);
}

}  // namespace aligncheck
