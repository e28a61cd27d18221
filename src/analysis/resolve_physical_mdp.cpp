// Physical models over an mdp: `register computes r on M` with r a reward
// (or loss) over M's states and actions, and channels that act on the
// transitions where their `when` condition over `state` and `action` holds.
#include <fmt/format.h>

#include "analysis/analyzer.h"

namespace aligncheck {

bool Analyzer::RegisterOverMdp(const ast::PhysicalDecl& decl) const {
  for (const ast::PhysicalStmt& stmt : decl.stmts) {
    if (stmt.kind == ast::PhysicalStmt::Kind::kRegister &&
        stmt.names.size() == 2) {
      return IsMdpName(stmt.names[1].text);
    }
  }
  return false;
}

bool Analyzer::ResolveMdpChannel(const ast::PhysicalStmt& stmt,
                                 const PhysicalModel& out, Channel& channel) {
  const MdpModel& m = model_.mdps[out.register_mdp];
  const Loss& reg = model_.losses[out.register_loss];
  if (stmt.when) {
    BeginExpr(0);
    scopes_.push_back({"state", m.states, 0});
    scopes_.push_back({"action", m.actions, 1});
    max_slots_ = 2;
    bool ok = ResolveAs(*stmt.when, Type::Bool(), channel.when);
    scopes_.clear();
    if (!ok) return false;
    channel.has_when = true;
  }
  BeginExpr(0);
  const ast::Expr& target = stmt.target;
  Type want = Type::Number();
  bool is_name = target.kind == ast::Expr::Kind::kName;
  bool is_call = target.kind == ast::Expr::Kind::kCall;
  if (is_name && target.text == "register") {
    // `register := V`: V may read the transition's state and action.
    channel.target = "register";
    scopes_.push_back({"state", m.states, 0});
    scopes_.push_back({"action", m.actions, 1});
  } else if (is_call && target.text == reg.name) {
    // The reward code, `r(s, a) := V` or `r(s, a, s2) := V`.
    channel.target = reg.name;
    channel.target_kind = Channel::Target::kLoss;
    channel.target_index = out.register_loss;
    std::vector<DomainId> params = {m.states, m.actions};
    if (reg.successor != kNoDomain) params.push_back(m.states);
    if (target.args.size() != params.size()) {
      sink_.Error(file_, target.span, "E004",
                  fmt::format("'{}' takes {} arguments, got {}", reg.name,
                              params.size(), target.args.size()));
      return false;
    }
    for (size_t i = 0; i < params.size(); ++i) {
      if (target.args[i].kind != ast::Expr::Kind::kName) {
        sink_.Error(file_, target.args[i].span, "E005",
                    "a channel target's arguments must be variable names");
        return false;
      }
      scopes_.push_back({target.args[i].text, params[i], static_cast<int>(i)});
    }
  } else if (is_call && target.text == "sensor" &&
             Lookup("sensor") == nullptr) {
    // `sensor(x) := E`: the state the reward code observes (the successor
    // for a transition reward, else the state) reads as E.
    channel.target = "sensor";
    channel.target_kind = Channel::Target::kSensor;
    if (target.args.size() != 1 ||
        target.args[0].kind != ast::Expr::Kind::kName) {
      sink_.Error(file_, target.span, "E004",
                  "'sensor' takes 1 argument, a variable name");
      return false;
    }
    scopes_.push_back({target.args[0].text, m.states, 0});
    want = Type::Element(m.states);
  } else {
    Diagnostic& d = sink_.Error(
        file_, target.span, "E005",
        fmt::format("over mdp '{}' a channel writes `register`, the reward "
                    "code `{}(...)` or `sensor(s)`, not '{}'",
                    m.name, reg.name, target.text));
    d.help.push_back(
        fmt::format("physical model '{}' computes its register on mdp '{}'",
                    out.name, m.name));
    return false;
  }
  max_slots_ = static_cast<int>(scopes_.size());
  bool ok = ResolveAs(stmt.value, want, channel.value);
  channel.slot_count = std::max(max_slots_, 3);
  scopes_.clear();
  return ok;
}

void Analyzer::ResolvePhysicalMdp(const ast::PhysicalDecl& decl,
                                  PhysicalModel& out) {
  int id = static_cast<int>(&out - model_.physical.data());
  size_t errors = sink_.error_count();
  const ast::PhysicalStmt* register_stmt = nullptr;
  const ast::PhysicalStmt* closed_stmt = nullptr;
  bool has_channels = false;
  std::unordered_map<std::string, Span> channel_names;
  // The register first: channels are typed by its reward and mdp.
  for (const ast::PhysicalStmt& stmt : decl.stmts) {
    if (stmt.kind != ast::PhysicalStmt::Kind::kRegister) continue;
    if (!FirstRegister(stmt, &register_stmt, out.name)) continue;
    out.register_mdp = FindDecl(stmt.names[1], DeclKind::kMdp);
    out.register_loss = FindDecl(stmt.names[0], DeclKind::kLoss);
    if (out.register_mdp < 0 || !mdp_ok_[out.register_mdp] ||
        out.register_loss < 0 || !loss_sig_ok_[out.register_loss] ||
        loss_state_[out.register_loss] != LossState::kDone ||
        !RewardFitsMdp(model_.losses[out.register_loss],
                       model_.mdps[out.register_mdp], stmt.names[0].span)) {
      out.register_loss = -1;
    }
  }
  for (const ast::PhysicalStmt& stmt : decl.stmts) {
    switch (stmt.kind) {
      case ast::PhysicalStmt::Kind::kRegister:
        break;
      case ast::PhysicalStmt::Kind::kClosed:
        if (closed_stmt == nullptr) closed_stmt = &stmt;
        out.closed = true;
        break;
      case ast::PhysicalStmt::Kind::kArithmetic:
      case ast::PhysicalStmt::Kind::kImplemented:
        sink_.Error(
            file_, stmt.span, "E005",
            fmt::format("`{}` is not supported in a physical model "
                        "over an mdp",
                        stmt.kind == ast::PhysicalStmt::Kind::kArithmetic
                            ? "arithmetic"
                            : "implemented"));
        break;
      case ast::PhysicalStmt::Kind::kChannel: {
        has_channels = true;
        Channel channel;
        channel.span = stmt.span;
        channel.name = stmt.names[0].text;
        auto [it, inserted] =
            channel_names.emplace(channel.name, stmt.names[0].span);
        if (!inserted) {
          Diagnostic& d =
              sink_.Error(file_, stmt.names[0].span, "E003",
                          fmt::format("duplicate channel '{}'", channel.name));
          d.notes.push_back(fmt::format("previous declaration at {}",
                                        At(*file_, it->second)));
        }
        if (out.register_loss < 0) break;  // reported at the register
        if (ResolveMdpChannel(stmt, out, channel)) {
          out.channels.push_back(std::move(channel));
        }
        break;
      }
    }
  }
  CheckClosedOrChannels(decl, closed_stmt, has_channels, out.name);
  physical_ok_[id] = sink_.error_count() == errors && out.register_loss >= 0;
}

}  // namespace aligncheck

namespace aligncheck {

void Analyzer::ResolvePhysicalMdpClaim(const ast::ClaimDecl& decl, int loss,
                                       Claim& out) {
  out.reading = Claim::Reading::kMdpPhysical;
  out.model = FindDecl(*decl.model, DeclKind::kPhysical);
  if (out.model < 0 || !physical_ok_[out.model]) return;
  const PhysicalModel& p = model_.physical[out.model];
  const Loss& reg = model_.losses[p.register_loss];
  out.mdp = p.register_mdp;
  if (loss >= 0) {
    RewardFitsMdp(model_.losses[loss], model_.mdps[out.mdp], decl.subject.span,
                  fmt::format(" (physical model '{}' computes its register "
                              "on it)",
                              p.name));
  }
  if (!decl.threshold) {
    Diagnostic& d = sink_.Error(
        file_, decl.reading_span, "AC004",
        fmt::format("claim '{}' does not say how {} the observed return must "
                    "be",
                    out.name, reg.reward ? "high" : "low"));
    d.help.push_back(reg.reward ? "add `above T`: the observed return that "
                                  "counts as high"
                                : "add `below T`: the observed discounted "
                                  "loss that counts as low");
    return;
  }
  if (decl.threshold_above != reg.reward) {
    Diagnostic& d = sink_.Error(
        file_, decl.threshold->span, "E005",
        fmt::format("physical model '{}' observes the {} '{}': its claims "
                    "say `{} T`",
                    p.name, reg.Word(), reg.name,
                    reg.reward ? "above" : "below"));
    d.help.push_back(
        "a reward's observed return counts when at least T, a loss's when at "
        "most T");
    return;
  }
  std::optional<Rational> t = NumberOrError(*decl.threshold, "below");
  if (t) {
    out.threshold = *t;
    out.threshold_above = decl.threshold_above;
  }
}

}  // namespace aligncheck
