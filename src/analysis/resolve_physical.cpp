// Physical models: the register, its code, sensors and channels, with
// machine arithmetic (`arithmetic unsigned 8`), sensor channels and
// thresholds that a fixed-width register cannot hold.
#include <fmt/format.h>

#include <functional>
#include <set>

#include "analysis/analyzer.h"

namespace aligncheck {
namespace {

const ast::PhysicalStmt* RegisterStmt(const ast::PhysicalDecl& decl) {
  for (const ast::PhysicalStmt& stmt : decl.stmts) {
    if (stmt.kind == ast::PhysicalStmt::Kind::kRegister &&
        stmt.names.size() == 2) {
      return &stmt;
    }
  }
  return nullptr;
}

std::string Describe(int bits, bool is_signed) {
  return fmt::format("{} {}-bit", is_signed ? "signed" : "unsigned", bits);
}

std::string WithArticle(const std::string& kind) {
  return (kind[0] == 'u' ? "an " : "a ") + kind;
}

// The values a W-bit register holds.
void MachineRange(int bits, bool is_signed, BigInt& lo, BigInt& hi) {
  BigInt span = BigInt(1) << bits;
  if (is_signed) {
    lo = -(span / 2);
    hi = span / 2 - 1;
  } else {
    lo = 0;
    hi = span - 1;
  }
}

bool IsInteger(const Rational& q) { return q.get_den() == 1; }

}  // namespace

void Analyzer::ResolveArithmetic(const ast::PhysicalStmt& stmt,
                                 PhysicalModel& out) {
  if (out.machine_bits != 0) {
    sink_.Error(file_, stmt.span, "E003",
                fmt::format("physical model '{}' declares its arithmetic twice",
                            out.name));
    return;
  }
  const ast::Expr& width = stmt.value;
  std::optional<Rational> bits;
  if (width.kind == ast::Expr::Kind::kNumber) bits = ParseDecimal(width.text);
  if (!bits || !IsInteger(*bits)) {
    sink_.Error(file_, width.span, "E005",
                "a bit width must be a whole number, as in `arithmetic "
                "unsigned 8`");
    return;
  }
  if (*bits < 1 || *bits > 64) {
    Diagnostic& d =
        sink_.Error(file_, width.span, "E013",
                    fmt::format("bit width {} is out of range", width.text));
    d.help.push_back("machine arithmetic takes 1 to 64 bits");
    return;
  }
  out.machine_bits = static_cast<int>(bits->get_num().get_si());
  out.machine_signed = !stmt.names.empty() && stmt.names[0].text == "signed";
}

bool Analyzer::ResolveSensorTarget(const ast::PhysicalDecl& decl,
                                   const ast::Expr& target, Type& want) {
  const ast::PhysicalStmt* reg = RegisterStmt(decl);
  const Symbol* loss = reg ? Lookup(reg->names[0].text) : nullptr;
  if (loss == nullptr || loss->kind != DeclKind::kLoss ||
      !loss_sig_ok_[loss->index]) {
    return false;  // the register statement reports its own error
  }
  if (target.args.size() != 1) {
    sink_.Error(
        file_, target.span, "E004",
        fmt::format("'sensor' takes 1 argument, got {}", target.args.size()));
    return false;
  }
  const ast::Expr& arg = target.args[0];
  if (arg.kind != ast::Expr::Kind::kName) {
    sink_.Error(file_, arg.span, "E005",
                "a channel target's arguments must be variable names");
    return false;
  }
  const Loss& l = model_.losses[loss->index];
  scopes_.push_back({arg.text, l.input, 0});
  want = Type::Element(l.output);
  return true;
}

void Analyzer::CheckMachineRegister(const ast::PhysicalDecl& decl,
                                    const PhysicalModel& out) {
  if (out.machine_bits == 0) return;
  const ast::PhysicalStmt* reg = RegisterStmt(decl);
  // Broken parts report their own errors; there is nothing to check here.
  if (reg == nullptr || out.register_loss < 0 || out.register_data < 0 ||
      !loss_sig_ok_[out.register_loss] || !data_ok_[out.register_data]) {
    return;
  }
  std::string kind = Describe(out.machine_bits, out.machine_signed);
  const Data& data = model_.data[out.register_data];
  for (size_t x = 0; x < data.weights.size(); ++x) {
    if (IsInteger(data.weights[x])) continue;
    Diagnostic& d = sink_.Error(
        file_, reg->names[1].span, "E014",
        fmt::format("data '{}' weighs {} by {}, but {} register sums "
                    "whole weights",
                    data.name, model_.domains[data.domain].values[x],
                    FormatRational(data.weights[x]), WithArticle(kind)));
    d.help.push_back("give the data whole-number weights");
    return;
  }
  std::set<int> seen;
  std::function<bool(const RExpr&)> walk;
  std::function<bool(int, Span)> check_loss;
  walk = [&](const RExpr& e) -> bool {
    if (e.kind == RExpr::Kind::kConst &&
        e.constant.kind == Type::Kind::kNumber &&
        !IsInteger(e.constant.number)) {
      sink_.Error(file_, e.span, "E014",
                  fmt::format("{} is not a whole number; {} arithmetic "
                              "holds integers only",
                              FormatRational(e.constant.number), kind));
      return false;
    }
    if (e.kind == RExpr::Kind::kBinary && e.op == ast::Op::kDiv) {
      sink_.Error(
          file_, e.span, "E014",
          fmt::format("division is not modelled in {} arithmetic", kind));
      return false;
    }
    if (e.kind == RExpr::Kind::kFn) {
      const Function& fn = model_.fns[e.callee];
      for (const Value& v : fn.table) {
        if (v.kind == Type::Kind::kNumber && !IsInteger(v.number)) {
          sink_.Error(file_, e.span, "E014",
                      fmt::format("fn '{}' has the value {}, which {} "
                                  "arithmetic cannot hold",
                                  fn.name, FormatRational(v.number), kind));
          return false;
        }
      }
    }
    if (e.kind == RExpr::Kind::kLoss && !check_loss(e.callee, e.span)) {
      return false;
    }
    for (const RExpr& a : e.args) {
      if (!walk(a)) return false;
    }
    return true;
  };
  check_loss = [&](int id, Span use) -> bool {
    if (!seen.insert(id).second) return true;
    if (loss_state_[id] != LossState::kDone) return true;
    const Loss& l = model_.losses[id];
    if (l.expr) return walk(*l.expr);
    size_t m = model_.domains[l.output].size();
    for (size_t i = 0; i < l.table.size(); ++i) {
      if (IsInteger(l.table[i])) continue;
      Diagnostic& d = sink_.Error(
          file_, use, "E014",
          fmt::format("loss '{}' has the entry {} at ({}, {}), which {} "
                      "arithmetic cannot hold",
                      l.name, FormatRational(l.table[i]),
                      model_.domains[l.input].values[i / m],
                      model_.domains[l.output].values[i % m], kind));
      d.help.push_back(
          "machine arithmetic models integer code: scale the "
          "loss to whole numbers");
      return false;
    }
    return true;
  };
  if (!check_loss(out.register_loss, reg->names[0].span)) return;
  for (const auto* list : {&out.implemented, &out.channels}) {
    for (const Channel& c : *list) {
      if (c.target_kind == Channel::Target::kRegister ||
          c.target_kind == Channel::Target::kLoss) {
        if (!walk(c.value)) return;
      }
    }
  }
}

void Analyzer::CheckThreshold(const ast::ClaimDecl& decl, const Claim& out) {
  if (out.model < 0 || !physical_ok_[out.model] || !decl.threshold) return;
  const PhysicalModel& m = model_.physical[out.model];
  if (m.machine_bits == 0) return;
  BigInt lo, hi;
  MachineRange(m.machine_bits, m.machine_signed, lo, hi);
  if (out.threshold >= Rational(lo) && out.threshold <= Rational(hi)) return;
  Diagnostic& d = sink_.Error(
      file_, decl.threshold->span, "E015",
      fmt::format("threshold {} is outside the range of the register of '{}'",
                  decl.threshold->text, m.name));
  d.notes.push_back(
      fmt::format("{} register holds {} to {}",
                  WithArticle(Describe(m.machine_bits, m.machine_signed)),
                  FormatBigInt(lo), FormatBigInt(hi)));
}

void Analyzer::ResolvePhysical(const ast::PhysicalDecl& decl,
                               PhysicalModel& out) {
  out.name = decl.name.text;
  out.span = decl.name.span;
  if (RegisterOverMdp(decl)) return ResolvePhysicalMdp(decl, out);
  int id = static_cast<int>(&out - model_.physical.data());
  size_t errors = sink_.error_count();
  const ast::PhysicalStmt* register_stmt = nullptr;
  const ast::PhysicalStmt* closed_stmt = nullptr;
  std::unordered_map<std::string, Span> channel_names;
  for (const ast::PhysicalStmt& stmt : decl.stmts) {
    switch (stmt.kind) {
      case ast::PhysicalStmt::Kind::kRegister: {
        if (!FirstRegister(stmt, &register_stmt, out.name)) break;
        if (stmt.names.size() != 2) break;
        out.register_loss = FindDecl(stmt.names[0], DeclKind::kLoss);
        out.register_data = FindDecl(stmt.names[1], DeclKind::kData);
        if (out.register_loss >= 0 && model_.losses[out.register_loss].reward) {
          Diagnostic& d = sink_.Error(
              file_, stmt.names[0].span, "E005",
              fmt::format("a register computes a loss, and '{}' is "
                          "a reward (physical models of rewards are "
                          "not supported yet)",
                          stmt.names[0].text));
          if (model_.losses[out.register_loss].input != kNoDomain &&
              !model_.mdps.empty()) {
            d.help.push_back(
                "a reward's observed return is computed over an mdp: "
                "`register computes r on M`");
          }
          out.register_loss = -1;
        }
        if (out.register_loss >= 0 && out.register_data >= 0 &&
            loss_sig_ok_[out.register_loss] && data_ok_[out.register_data]) {
          const Loss& loss = model_.losses[out.register_loss];
          const Data& data = model_.data[out.register_data];
          if (loss.input != data.domain) {
            sink_.Error(
                file_, stmt.names[1].span, "E005",
                fmt::format("data '{}' weighs {} values but loss "
                            "'{}' takes {} inputs",
                            data.name, model_.domains[data.domain].name,
                            loss.name, model_.domains[loss.input].name));
          }
        }
        break;
      }
      case ast::PhysicalStmt::Kind::kClosed:
        if (closed_stmt == nullptr) closed_stmt = &stmt;
        out.closed = true;
        break;
      case ast::PhysicalStmt::Kind::kArithmetic:
        ResolveArithmetic(stmt, out);
        break;
      case ast::PhysicalStmt::Kind::kImplemented:
      case ast::PhysicalStmt::Kind::kChannel: {
        if (stmt.when) {
          Diagnostic& d = sink_.Error(
              file_, stmt.when->span, "E005",
              fmt::format("a `when` condition is over an mdp's state and "
                          "action, and physical model '{}' computes its "
                          "register on data",
                          out.name));
          d.help.push_back(
              "compute the register on an mdp: `register computes r on M`");
        }
        Channel channel;
        channel.span = stmt.span;
        if (!stmt.names.empty()) {
          channel.name = stmt.names[0].text;
          auto [it, inserted] =
              channel_names.emplace(channel.name, stmt.names[0].span);
          if (!inserted) {
            Diagnostic& d = sink_.Error(
                file_, stmt.names[0].span, "E003",
                fmt::format("duplicate channel '{}'", channel.name));
            d.notes.push_back(fmt::format("previous declaration at {}",
                                          At(*file_, it->second)));
          }
        }
        BeginExpr(0);
        Type want = Type::Number();
        bool ok = true;
        const ast::Expr& target = stmt.target;
        const Symbol* symbol = Lookup(target.text);
        bool is_name = target.kind == ast::Expr::Kind::kName;
        bool is_call = target.kind == ast::Expr::Kind::kCall;
        if (is_name && target.text == "register") {
          channel.target = "register";
        } else if (is_call && target.text == "sensor" &&
                   (symbol == nullptr || (symbol->kind != DeclKind::kFn &&
                                          symbol->kind != DeclKind::kLoss))) {
          channel.target = "sensor";
          channel.target_kind = Channel::Target::kSensor;
          ok = ResolveSensorTarget(decl, target, want);
          max_slots_ = static_cast<int>(scopes_.size());
        } else if ((is_name || is_call) && symbol != nullptr &&
                   (symbol->kind == DeclKind::kFn ||
                    symbol->kind == DeclKind::kLoss)) {
          channel.target = target.text;
          channel.target_kind = symbol->kind == DeclKind::kFn
                                    ? Channel::Target::kFn
                                    : Channel::Target::kLoss;
          channel.target_index = symbol->index;
          std::vector<DomainId> params;
          if (symbol->kind == DeclKind::kFn) {
            if (!fn_ok_[symbol->index]) {
              ok = false;
              break;
            }
            params.push_back(model_.fns[symbol->index].from);
            want = model_.fns[symbol->index].to;
          } else {
            if (!loss_sig_ok_[symbol->index]) {
              ok = false;
              break;
            }
            params.push_back(model_.losses[symbol->index].input);
            params.push_back(model_.losses[symbol->index].output);
          }
          if (is_call) {
            // `label(x) := ...`: the arguments name variables over the
            // parameter domains, visible in the value.
            if (target.args.size() != params.size()) {
              sink_.Error(
                  file_, target.span, "E004",
                  fmt::format("'{}' takes {} argument{}, got {}", target.text,
                              params.size(), params.size() == 1 ? "" : "s",
                              target.args.size()));
              ok = false;
              break;
            }
            for (size_t i = 0; i < params.size(); ++i) {
              const ast::Expr& arg = target.args[i];
              if (arg.kind != ast::Expr::Kind::kName) {
                sink_.Error(file_, arg.span, "E005",
                            "a channel target's arguments must be variable "
                            "names");
                ok = false;
                break;
              }
              scopes_.push_back(
                  {arg.text, params[i], static_cast<int>(scopes_.size())});
            }
            max_slots_ = static_cast<int>(scopes_.size());
          }
        } else {
          Diagnostic& d = sink_.Error(
              file_, target.span, "E002",
              fmt::format("undefined channel target '{}'", target.text));
          std::vector<std::string> candidates = NamesOfKind(DeclKind::kFn);
          for (std::string& n : NamesOfKind(DeclKind::kLoss)) {
            candidates.push_back(std::move(n));
          }
          candidates.push_back("register");
          std::string suggestion = SuggestName(target.text, candidates);
          if (!suggestion.empty()) {
            d.help.push_back(fmt::format("did you mean '{}'?", suggestion));
          } else {
            d.help.push_back(
                "a channel writes `register`, a fn's labels or a loss");
          }
          ok = false;
        }
        if (ok && ResolveAs(stmt.value, want, channel.value)) {
          channel.slot_count = max_slots_;
          (stmt.kind == ast::PhysicalStmt::Kind::kImplemented ? out.implemented
                                                              : out.channels)
              .push_back(std::move(channel));
        }
        scopes_.clear();
        break;
      }
    }
  }
  if (register_stmt == nullptr) {
    Diagnostic& d = sink_.Error(
        file_, decl.name.span, "E012",
        fmt::format("physical model '{}' does not say how the register is "
                    "computed",
                    out.name));
    d.help.push_back("add `register computes LOSS on DATA`");
  }
  bool has_channels = false;
  for (const ast::PhysicalStmt& stmt : decl.stmts) {
    if (stmt.kind == ast::PhysicalStmt::Kind::kChannel) has_channels = true;
  }
  CheckClosedOrChannels(decl, closed_stmt, has_channels, out.name);
  if (sink_.error_count() == errors) CheckMachineRegister(decl, out);
  physical_ok_[id] = sink_.error_count() == errors;
}

// The first `register computes` statement of a model is kept in
// `*first`; a second one is an E003 that points at the first.
bool Analyzer::FirstRegister(const ast::PhysicalStmt& stmt,
                             const ast::PhysicalStmt** first,
                             const std::string& name) {
  if (*first == nullptr) {
    *first = &stmt;
    return true;
  }
  Diagnostic& d = sink_.Error(
      file_, stmt.span, "E003",
      fmt::format("physical model '{}' computes the register twice", name));
  d.notes.push_back(
      fmt::format("previous computation at {}", At(*file_, (*first)->span)));
  return false;
}

// A model is either closed or has channels: both is an error, neither a
// lint finding (AC005, not bad input: checked as if closed).
void Analyzer::CheckClosedOrChannels(const ast::PhysicalDecl& decl,
                                     const ast::PhysicalStmt* closed_stmt,
                                     bool has_channels,
                                     const std::string& name) {
  if (closed_stmt != nullptr && has_channels) {
    sink_.Error(file_, closed_stmt->span, "E012",
                fmt::format("physical model '{}' is closed but declares "
                            "channels",
                            name));
  } else if (closed_stmt == nullptr && !has_channels) {
    Diagnostic d;
    d.severity = Severity::kWarning;
    d.file = file_;
    d.span = decl.name.span;
    d.id = "AC005";
    d.message = fmt::format(
        "physical model '{}' declares neither channels nor `closed`", name);
    d.help.push_back(
        "say `closed` if nothing but the world can change the register");
    sink_.Add(std::move(d));
  }
}

}  // namespace aligncheck
