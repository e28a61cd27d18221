// Goals and their signatures (inferred from the claims that use them).
#include <fmt/format.h>

#include <functional>
#include <set>

#include "analysis/analyzer.h"

namespace aligncheck {

int Analyzer::ClaimLoss(const ast::ClaimDecl& decl) const {
  const Symbol* subject = Lookup(decl.subject.text);
  if (subject == nullptr) return -1;
  if (decl.relation == ast::ClaimDecl::Relation::kAchieves) {
    if (subject->kind != DeclKind::kAgent || !agent_ok_[subject->index]) {
      return -1;
    }
    const Agent& agent = model_.agents[subject->index];
    int loss = agent.aspect == Agent::Aspect::kPredictions
                   ? agent.loss
                   : (physical_ok_[agent.model]
                          ? model_.physical[agent.model].register_loss
                          : -1);
    return loss >= 0 && loss_sig_ok_[loss] ? loss : -1;
  }
  if (subject->kind != DeclKind::kLoss || !loss_sig_ok_[subject->index]) {
    return -1;
  }
  return subject->index;
}

// A goal without a signature takes it from the claims that use it, else
// from how the body applies the policy.
void Analyzer::InferGoalSignatures() {
  std::vector<Span> first_use(goal_decls_.size());
  std::vector<bool> from_claim(goal_decls_.size(), false);
  std::vector<bool> used_by_broken(goal_decls_.size(), false);
  for (size_t g = 0; g < goal_decls_.size(); ++g) {
    const ast::GoalDecl& decl = *goal_decls_[g];
    Goal& goal = model_.goals[g];
    goal.name = decl.name.text;
    goal.span = decl.name.span;
    if (decl.signature) {
      goal.input = FindDomain(decl.signature->first);
      goal.output = FindDomain(decl.signature->second);
      goal_sig_ok_[g] = goal.input != kNoDomain && goal.output != kNoDomain;
    }
  }
  for (const ast::ClaimDecl* claim : claim_decls_) {
    const Symbol* symbol = Lookup(claim->goal.text);
    if (symbol == nullptr || symbol->kind != DeclKind::kGoal) continue;
    int g = symbol->index;
    if (goal_decls_[g]->signature) continue;
    int loss = ClaimLoss(*claim);
    if (loss < 0) {
      // The claim's subject is broken and already reported: inferring the
      // goal from its body instead would only add noise.
      used_by_broken[g] = true;
      continue;
    }
    const Loss& l = model_.losses[loss];
    // A claim over an mdp takes policies from its states to its actions
    // (its loss is checked against the mdp where the claim is resolved).
    DomainId input = l.input, output = l.output;
    if (claim->data && IsMdpName(claim->data->text)) {
      int mdp = Lookup(claim->data->text)->index;
      if (!mdp_ok_[mdp]) {
        used_by_broken[g] = true;
        continue;
      }
      input = model_.mdps[mdp].states;
      output = model_.mdps[mdp].actions;
    }
    Goal& goal = model_.goals[g];
    if (!from_claim[g]) {
      from_claim[g] = true;
      goal.input = input;
      goal.output = output;
      first_use[g] = claim->goal.span;
      goal_sig_ok_[g] = true;
    } else if (goal.input != input || goal.output != output) {
      Diagnostic& d = sink_.Error(
          file_, claim->goal.span, "E005",
          fmt::format(
              "goal '{}' is used here with policies {} -> {}, but "
              "with {} -> {} at {}",
              goal.name, model_.domains[input].name,
              model_.domains[output].name, model_.domains[goal.input].name,
              model_.domains[goal.output].name, At(*file_, first_use[g])));
      d.help.push_back(fmt::format(
          "declare the signature: `goal {}({}: {} -> "
          "{})`",
          goal.name, goal_decls_[g]->policy.text,
          model_.domains[goal.input].name, model_.domains[goal.output].name));
    }
  }
  for (size_t g = 0; g < goal_decls_.size(); ++g) {
    const ast::GoalDecl& decl = *goal_decls_[g];
    if (decl.signature || from_claim[g]) continue;
    Goal& goal = model_.goals[g];
    // Candidates from the body: the domain of each argument given to the
    // policy, and the domains its result is compared with.
    std::set<DomainId> inputs, outputs;
    bool undetermined_output = false;
    std::vector<std::pair<std::string, std::string>> bound;
    auto domain_of_name =
        [&](const std::string& name) -> std::vector<DomainId> {
      for (auto it = bound.rbegin(); it != bound.rend(); ++it) {
        if (it->first == name) {
          const Symbol* s = Lookup(it->second);
          if (s && s->kind == DeclKind::kDomain && domain_ok_[s->index]) {
            return {s->index};
          }
          return {};
        }
      }
      auto it = value_domains_.find(name);
      return it == value_domains_.end() ? std::vector<DomainId>{} : it->second;
    };
    auto domain_of = [&](const ast::Expr& e) -> std::vector<DomainId> {
      if (e.kind == ast::Expr::Kind::kName) return domain_of_name(e.text);
      if (e.kind == ast::Expr::Kind::kCall) {
        const Symbol* s = Lookup(e.text);
        if (s && s->kind == DeclKind::kFn && fn_ok_[s->index] &&
            model_.fns[s->index].to.kind == Type::Kind::kElement) {
          return {model_.fns[s->index].to.domain};
        }
      }
      return {};
    };
    auto is_policy = [&](const ast::Expr& e) {
      return e.kind == ast::Expr::Kind::kCall && e.text == decl.policy.text;
    };
    std::function<void(const ast::Expr&)> walk = [&](const ast::Expr& e) {
      using K = ast::Expr::Kind;
      if (is_policy(e) && e.args.size() == 1) {
        for (DomainId d : domain_of(e.args[0])) inputs.insert(d);
      }
      if (e.kind == K::kBinary &&
          (e.op == ast::Op::kEq || e.op == ast::Op::kNe)) {
        for (int side = 0; side < 2; ++side) {
          if (is_policy(e.args[side])) {
            for (DomainId d : domain_of(e.args[1 - side])) outputs.insert(d);
          }
        }
      }
      if (e.kind == K::kMember && !e.args.empty() && is_policy(e.args[0])) {
        for (size_t i = 1; i < e.args.size(); ++i) {
          for (DomainId d : domain_of(e.args[i])) outputs.insert(d);
        }
      }
      if (IsRunAtom(e) && e.args.size() >= 2 &&
          e.args[0].kind == K::kName && IsMdpName(e.args[0].text) &&
          e.args[1].kind == K::kName && e.args[1].text == decl.policy.text) {
        // return(M, pi, ...) and prob(M, pi, ...): pi maps M's states to
        // its actions.
        int mdp = Lookup(e.args[0].text)->index;
        if (mdp_ok_[mdp]) {
          inputs.insert(model_.mdps[mdp].states);
          outputs.insert(model_.mdps[mdp].actions);
        }
      }
      if (e.kind == K::kCall && !is_policy(e)) {
        const Symbol* s = Lookup(e.text);
        for (size_t i = 0; s && i < e.args.size(); ++i) {
          if (!is_policy(e.args[i])) continue;
          if (s->kind == DeclKind::kFn && fn_ok_[s->index] && i == 0) {
            outputs.insert(model_.fns[s->index].from);
          } else if (s->kind == DeclKind::kLoss && loss_sig_ok_[s->index]) {
            const Loss& l = model_.losses[s->index];
            outputs.insert(i == 0 ? l.input : l.output);
          }
        }
      }
      bool binder = e.kind == K::kForall || e.kind == K::kExists ||
                    e.kind == K::kCount || e.kind == K::kSum;
      if (binder) bound.emplace_back(e.text, e.domain.text);
      for (const ast::Expr& a : e.args) walk(a);
      if (binder) bound.pop_back();
    };
    walk(decl.body);
    (void)undetermined_output;
    if (inputs.size() == 1 && outputs.size() == 1) {
      goal.input = *inputs.begin();
      goal.output = *outputs.begin();
      goal_sig_ok_[g] = true;
      continue;
    }
    if (used_by_broken[g]) continue;
    Diagnostic& d = sink_.Error(
        file_, decl.name.span, "E012",
        fmt::format("cannot infer the policy type of goal '{}'", goal.name));
    d.help.push_back(fmt::format("declare it: `goal {}({}: X -> Y)`", goal.name,
                                 decl.policy.text));
  }
}

void Analyzer::ResolveGoal(const ast::GoalDecl& decl, Goal& out) {
  int id = static_cast<int>(&out - model_.goals.data());
  BeginExpr(0);
  if (!goal_sig_ok_[id]) {
    policy_name_ = decl.policy.text;
    CheckNamesOnly(decl.body);
    policy_name_.clear();
    return;
  }
  policy_name_ = decl.policy.text;
  policy_in_ = out.input;
  policy_out_ = out.output;
  ResolveAs(decl.body, Type::Bool(), out.body);
  out.slot_count = max_slots_;
  policy_name_.clear();
  policy_in_ = policy_out_ = kNoDomain;
}

}  // namespace aligncheck
