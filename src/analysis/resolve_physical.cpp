// Analysis of what physical models add to the math: machine arithmetic
// (`arithmetic unsigned 8`), sensor channels and thresholds that a
// fixed-width register cannot hold.
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

}  // namespace aligncheck
