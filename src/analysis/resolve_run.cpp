// Atoms about runs of an MDP in goals: `return(M, pi, r)` and
// `prob(M, pi, PATH)` with PATH `eventually [within K] F`, `always F` or
// `F until F2`, where F and F2 are formulas over `state` and `action`.
#include <fmt/format.h>

#include "analysis/analyzer.h"
#include "analysis/eval.h"

namespace aligncheck {

bool Analyzer::IsRunAtom(const ast::Expr& e) const {
  return e.kind == ast::Expr::Kind::kCall &&
         (e.text == "return" || e.text == "prob") && Lookup(e.text) == nullptr;
}

bool Analyzer::ResolveRunAtom(const ast::Expr& e, RExpr& out) {
  bool is_return = e.text == "return";
  if (e.args.size() != 3) {
    sink_.Error(file_, e.span, "E004",
                fmt::format("'{}' takes 3 arguments ({}), got {}", e.text,
                            is_return ? "mdp, policy, reward"
                                      : "mdp, policy, path formula",
                            e.args.size()));
    return false;
  }
  const ast::Expr& m = e.args[0];
  const ast::Expr& pi = e.args[1];
  if (m.kind != ast::Expr::Kind::kName) {
    sink_.Error(file_, m.span, "E005",
                fmt::format("the first argument of '{}' must name an mdp",
                            e.text));
    return false;
  }
  int mdp = FindDecl(ast::Name{m.text, m.span}, DeclKind::kMdp);
  if (mdp < 0 || !mdp_ok_[mdp]) return false;
  const MdpModel& model = model_.mdps[mdp];
  if (policy_name_.empty() || pi.kind != ast::Expr::Kind::kName ||
      pi.text != policy_name_) {
    sink_.Error(file_, pi.span, "E005",
                policy_name_.empty()
                    ? fmt::format("'{}' is only meaningful in a goal, about "
                                  "its policy",
                                  e.text)
                    : fmt::format("the second argument of '{}' must be the "
                                  "goal's policy '{}'",
                                  e.text, policy_name_));
    return false;
  }
  if (policy_in_ != model.states || policy_out_ != model.actions) {
    sink_.Error(
        file_, pi.span, "E005",
        fmt::format("policy '{}' maps {} to {}, but mdp '{}' has states {} "
                    "and actions {}",
                    policy_name_, model_.domains[policy_in_].name,
                    model_.domains[policy_out_].name, model.name,
                    model_.domains[model.states].name,
                    model_.domains[model.actions].name));
    return false;
  }
  out.callee = mdp;
  out.type = Type::Number();
  if (is_return) {
    const ast::Expr& r = e.args[2];
    if (r.kind != ast::Expr::Kind::kName) {
      sink_.Error(file_, r.span, "E005",
                  "the third argument of 'return' must name a reward or "
                  "loss");
      return false;
    }
    int loss = FindDecl(ast::Name{r.text, r.span}, DeclKind::kLoss);
    if (loss < 0 || !loss_sig_ok_[loss]) return false;
    if (!RewardFitsMdp(model_.losses[loss], model, r.span)) return false;
    if (loss_state_[loss] == LossState::kPending) MaterializeLoss(loss, r.span);
    if (loss_state_[loss] != LossState::kDone) return false;
    out.kind = RExpr::Kind::kReturn;
    out.slot = loss;
    return true;
  }
  out.kind = RExpr::Kind::kProb;
  const ast::Expr& path = e.args[2];
  bool until = path.kind == ast::Expr::Kind::kBinary &&
               path.op == ast::Op::kUntil;
  if (path.kind != ast::Expr::Kind::kPath && !until) {
    sink_.Error(file_, path.span, "E005",
                "the third argument of 'prob' must be a path formula: "
                "`eventually F`, `always F`, `eventually within K F` or "
                "`F until G`");
    return false;
  }
  out.op = path.op;
  out.constant = Value::Bool(false);
  if (!path.text.empty()) {
    std::optional<int64_t> k = ParseInt(path.text);
    if (!k || *k < 0) {
      sink_.Error(file_, path.span, "E005",
                  fmt::format("'within' needs a whole number of steps, got "
                              "'{}'",
                              path.text));
      return false;
    }
    // Bounded probabilities take K exact steps on a stochastic MDP.
    constexpr int64_t kMaxWithin = 1000;
    if (*k > kMaxWithin) {
      sink_.Error(file_, path.span, "E011",
                  fmt::format("'eventually within {}': at most {} steps are "
                              "supported",
                              *k, kMaxWithin));
      return false;
    }
    out.constant = Value::Number(Rational(static_cast<long>(*k)));
  }
  // `state` and `action` are bound for the operands.
  out.slot = static_cast<int>(scopes_.size());
  scopes_.push_back({"state", model.states, out.slot});
  scopes_.push_back({"action", model.actions, out.slot + 1});
  max_slots_ = std::max(max_slots_, static_cast<int>(scopes_.size()));
  bool ok = true;
  in_path_ = true;
  out.args.resize(path.args.size());
  for (size_t i = 0; i < path.args.size(); ++i) {
    ok = ResolveAs(path.args[i], Type::Bool(), out.args[i]) && ok;
  }
  in_path_ = false;
  scopes_.pop_back();
  scopes_.pop_back();
  return ok;
}

bool Analyzer::RejectPathOutsideProb(const ast::Expr& e) {
  sink_.Error(file_, e.span, "E005",
              in_path_ ? "temporal operators do not nest: a path formula's "
                         "operands are formulas over `state` and `action`"
                       : "a path formula is only meaningful inside "
                         "`prob(M, pi, ...)`");
  return false;
}

}  // namespace aligncheck

namespace aligncheck {

bool Analyzer::IsMdpName(const std::string& name) const {
  const Symbol* symbol = Lookup(name);
  return symbol != nullptr && symbol->kind == DeclKind::kMdp;
}

void Analyzer::ResolveMdpClaim(const ast::ClaimDecl& decl, int loss,
                               Claim& out) {
  out.reading = Claim::Reading::kMdpIdealized;
  out.mdp = Lookup(decl.data->text)->index;
  if (!mdp_ok_[out.mdp]) return;
  const MdpModel& m = model_.mdps[out.mdp];
  if (loss >= 0) RewardFitsMdp(model_.losses[loss], m, decl.subject.span);
  if (decl.hypothesis) {
    sink_.Error(file_, decl.hypothesis->span, "E004",
                "hypothesis classes apply to one-step policies, not to mdp "
                "policies");
  }
  ResolveWithin(decl, out);
}

bool Analyzer::RewardFitsMdp(const Loss& l, const MdpModel& m, Span at,
                             const std::string& why) {
  if (l.input == m.states && l.output == m.actions &&
      (l.successor == kNoDomain || l.successor == m.states)) {
    return true;
  }
  Diagnostic& d = sink_.Error(
      file_, at, "E005",
      fmt::format("{} '{}' is over ({}, {}), but mdp '{}' has states {} and "
                  "actions {}{}",
                  l.Word(), l.name, model_.domains[l.input].name,
                  model_.domains[l.output].name, m.name,
                  model_.domains[m.states].name,
                  model_.domains[m.actions].name, why));
  d.notes.push_back(
      fmt::format("'{}' is declared at {}", l.name, At(*file_, l.span)));
  return false;
}

void Analyzer::ResolveWithin(const ast::ClaimDecl& decl, Claim& out) {
  if (!decl.within) return;
  std::optional<Rational> eps = NumberOrError(*decl.within, "within");
  if (eps && *eps < 0) {
    sink_.Error(file_, decl.within->span, "E008",
                fmt::format("negative within {}", decl.within->text));
  } else if (eps) {
    out.has_within = true;
    out.within = *eps;
  }
}

}  // namespace aligncheck

namespace aligncheck {

bool UsesRuns(const RExpr& e) {
  if (e.kind == RExpr::Kind::kReturn || e.kind == RExpr::Kind::kProb) {
    return true;
  }
  for (const RExpr& a : e.args) {
    if (UsesRuns(a)) return true;
  }
  return false;
}

}  // namespace aligncheck
