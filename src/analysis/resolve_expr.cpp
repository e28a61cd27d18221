// Expressions and formulas: names bound innermost first, domain values
// resolved by the expected type, calls checked against their signatures,
// range elements turned into numbers where arithmetic needs them.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "analysis/analyzer.h"

namespace aligncheck {
namespace {

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'A' ||
         c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

}  // namespace

void Analyzer::BeginExpr(int base_slots) {
  scopes_.clear();
  max_slots_ = base_slots;
}

std::string Analyzer::TypeText(Type t) const {
  switch (t.kind) {
    case Type::Kind::kBool:
      return "truth value";
    case Type::Kind::kNumber:
      return "number";
    case Type::Kind::kElement:
      return t.domain == kNoDomain ? "value" : model_.domains[t.domain].name;
  }
  return "value";
}

std::string Analyzer::Article(Type t) const {
  std::string text = TypeText(t);
  // Single capital letters are read by name: "an X", "a Y".
  bool an = text.size() == 1 ? std::string_view("AEFHILMNORSX").find(text[0]) !=
                                   std::string_view::npos
                             : IsVowel(text[0]);
  return (an ? "an " : "a ") + text;
}

bool Analyzer::ToNumber(RExpr& e, const char* context) {
  if (e.type.kind == Type::Kind::kNumber) return true;
  if (e.type.kind == Type::Kind::kElement &&
      model_.domains[e.type.domain].is_range) {
    RExpr wrapped;
    wrapped.kind = RExpr::Kind::kToNumber;
    wrapped.type = Type::Number();
    wrapped.span = e.span;
    wrapped.args.push_back(std::move(e));
    e = std::move(wrapped);
    return true;
  }
  sink_.Error(
      file_, e.span, "E005",
      fmt::format("{} needs a number, got {}", context, Article(e.type)));
  return false;
}

// The integer an expression spells as a literal: `3`, or `-3`.
static std::optional<long> IntegerLiteral(const RExpr& e) {
  bool negated = e.kind == RExpr::Kind::kUnary && e.op == ast::Op::kNeg;
  const RExpr& c = negated ? e.args[0] : e;
  if (c.kind != RExpr::Kind::kConst || c.type.kind != Type::Kind::kNumber) {
    return std::nullopt;
  }
  const Rational& q = c.constant.number;
  if (q.get_den() != 1 || !q.get_num().fits_slong_p()) return std::nullopt;
  long v = q.get_num().get_si();
  return negated ? -v : v;
}

// The one rule for integer literals and range domains: a literal (`1`,
// `-1`) where a value of a range domain is expected (an argument, an
// assigned value, an `if` branch next to such a value, a set member) is
// that value, when it lies in the range. Returns false otherwise.
static bool ConstToElement(RExpr& e, const Domain& d, DomainId id) {
  if (!d.is_range) return false;
  std::optional<long> v = IntegerLiteral(e);
  if (!v || *v < d.lo || *v - d.lo >= static_cast<long>(d.size())) {
    return false;
  }
  Span span = e.span;
  e = RExpr();
  e.kind = RExpr::Kind::kConst;
  e.span = span;
  e.constant = Value::Element(id, static_cast<uint32_t>(*v - d.lo));
  e.type = Type::Element(id);
  return true;
}

// "N is outside domain 'Y' (lo..hi)" when `e` is an integer literal and `d`
// a range it misses; empty otherwise.
static std::string OutsideRange(const RExpr& e, const Domain& d) {
  std::optional<long> v = IntegerLiteral(e);
  if (!d.is_range || !v) return "";
  return fmt::format("{} is outside domain '{}' ({}..{})", *v, d.name, d.lo,
                     d.lo + static_cast<long>(d.size()) - 1);
}

bool Analyzer::CheckArgument(RExpr& arg, Type want, size_t position,
                             const std::string& callee) {
  if (arg.type == want) return true;
  if (want.kind == Type::Kind::kElement &&
      ConstToElement(arg, model_.domains[want.domain], want.domain)) {
    return true;
  }
  std::string outside = want.kind == Type::Kind::kElement
                            ? OutsideRange(arg, model_.domains[want.domain])
                            : "";
  sink_.Error(
      file_, arg.span, "E005",
      !outside.empty()
          ? fmt::format("argument {} of '{}': {}", position, callee, outside)
          : fmt::format("argument {} of '{}' must be {}, got {}", position,
                        callee, Article(want), Article(arg.type)));
  return false;
}

bool Analyzer::Unify(RExpr& a, RExpr& b, Span where, const char* what) {
  if (a.type == b.type) return true;
  bool a_num = a.type.kind == Type::Kind::kNumber;
  bool b_num = b.type.kind == Type::Kind::kNumber;
  auto is_range = [&](const RExpr& e) {
    return e.type.kind == Type::Kind::kElement &&
           model_.domains[e.type.domain].is_range;
  };
  if ((a_num || is_range(a)) && (b_num || is_range(b))) {
    return ToNumber(a, what) && ToNumber(b, what);
  }
  std::string message =
      std::string_view(what) == "compare"
          ? fmt::format("cannot compare {} with {}", Article(a.type),
                        Article(b.type))
          : fmt::format("the branches of 'if' differ: {} and {}",
                        Article(a.type), Article(b.type));
  sink_.Error(file_, where, "E005", std::move(message));
  return false;
}

bool Analyzer::ResolveAs(const ast::Expr& e, Type want, RExpr& out) {
  DomainId hint = want.kind == Type::Kind::kElement ? want.domain : kNoDomain;
  if (!Resolve(e, hint, out)) return false;
  if (out.type == want) return true;
  if (want.kind == Type::Kind::kNumber &&
      out.type.kind == Type::Kind::kElement &&
      model_.domains[out.type.domain].is_range) {
    return ToNumber(out, "");
  }
  if (want.kind == Type::Kind::kElement &&
      ConstToElement(out, model_.domains[want.domain], want.domain)) {
    return true;
  }
  std::string outside = want.kind == Type::Kind::kElement
                            ? OutsideRange(out, model_.domains[want.domain])
                            : "";
  sink_.Error(file_, e.span, "E005",
              !outside.empty() ? outside
                               : fmt::format("expected {}, got {}",
                                             Article(want), Article(out.type)));
  return false;
}

bool Analyzer::Resolve(const ast::Expr& e, DomainId hint, RExpr& out) {
  using K = ast::Expr::Kind;
  out = RExpr();
  out.span = e.span;
  switch (e.kind) {
    case K::kNumber: {
      std::optional<Rational> q = ParseDecimal(e.text);
      if (!q) {
        sink_.Error(file_, e.span, "E005",
                    fmt::format("'{}' is not a number", e.text));
        return false;
      }
      out.kind = RExpr::Kind::kConst;
      out.type = Type::Number();
      out.constant = Value::Number(std::move(*q));
      return true;
    }
    case K::kBool:
      out.kind = RExpr::Kind::kConst;
      out.type = Type::Bool();
      out.constant = Value::Bool(e.bool_value);
      return true;
    case K::kName:
      return ResolveName(e, hint, out);
    case K::kCall:
      return ResolveCall(e, out);
    case K::kUnary: {
      out.kind = RExpr::Kind::kUnary;
      out.op = e.op;
      out.args.resize(1);
      if (e.op == ast::Op::kNot) {
        out.type = Type::Bool();
        return ResolveAs(e.args[0], Type::Bool(), out.args[0]);
      }
      out.type = Type::Number();
      return Resolve(e.args[0], kNoDomain, out.args[0]) &&
             ToNumber(out.args[0], "'-'");
    }
    case K::kBinary:
      return ResolveBinary(e, out);
    case K::kForall:
    case K::kExists:
    case K::kCount:
    case K::kSum:
      return ResolveBinder(e, out);
    case K::kIf:
      return ResolveIf(e, hint, out);
    case K::kMember:
      return ResolveMember(e, out);
    case K::kPath:
      return RejectPathOutsideProb(e);
  }
  return false;
}

bool Analyzer::ResolveName(const ast::Expr& e, DomainId hint, RExpr& out) {
  for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
    if (it->name == e.text) {
      out.kind = RExpr::Kind::kVar;
      out.slot = it->slot;
      out.type = Type::Element(it->domain);
      return true;
    }
  }
  auto values = value_domains_.find(e.text);
  if (values != value_domains_.end()) {
    const std::vector<DomainId>& domains = values->second;
    DomainId chosen = kNoDomain;
    if (std::find(domains.begin(), domains.end(), hint) != domains.end()) {
      chosen = hint;
    } else if (domains.size() == 1) {
      chosen = domains[0];
    } else {
      std::string list;
      for (size_t i = 0; i < domains.size(); ++i) {
        list += fmt::format("{}'{}'",
                            i == 0                    ? ""
                            : i + 1 == domains.size() ? " and "
                                                      : ", ",
                            model_.domains[domains[i]].name);
      }
      sink_.Error(
          file_, e.span, "E005",
          fmt::format("ambiguous value '{}': it belongs to {}", e.text, list));
      return false;
    }
    out.kind = RExpr::Kind::kConst;
    out.type = Type::Element(chosen);
    out.constant = Value::Element(chosen, value_index_[chosen].at(e.text));
    return true;
  }
  if (!policy_name_.empty() && e.text == policy_name_) {
    sink_.Error(file_, e.span, "E005",
                fmt::format("policy '{}' is not a value: apply it, as in "
                            "{}(x)",
                            e.text, e.text));
    return false;
  }
  if (const Symbol* symbol = Lookup(e.text)) {
    sink_.Error(
        file_, e.span, "E005",
        fmt::format("'{}' is {}, not a value", e.text,
                    symbol->kind == DeclKind::kData
                        ? "data"
                        : fmt::format("a {}", DeclKindName(symbol->kind))));
    return false;
  }
  ReportUndefinedName(e);
  return false;
}

void Analyzer::ReportUndefinedName(const ast::Expr& e) {
  Diagnostic& d = sink_.Error(file_, e.span, "E002",
                              fmt::format("undefined name '{}'", e.text));
  std::vector<std::string> candidates;
  for (const Scope& s : scopes_) candidates.push_back(s.name);
  for (const auto& [name, domains] : value_domains_) candidates.push_back(name);
  std::string suggestion = SuggestName(e.text, candidates);
  if (!suggestion.empty()) {
    d.help.push_back(fmt::format("did you mean '{}'?", suggestion));
  }
}

// When a goal's policy type is unknown its body cannot be typed, but names
// that are defined nowhere can still be reported.
void Analyzer::CheckNamesOnly(const ast::Expr& e) {
  using K = ast::Expr::Kind;
  if (e.kind == K::kName) {
    for (const Scope& s : scopes_) {
      if (s.name == e.text) return;
    }
    if (value_domains_.count(e.text) || Lookup(e.text) ||
        e.text == policy_name_) {
      return;
    }
    ReportUndefinedName(e);
    return;
  }
  if (IsRunAtom(e)) {
    // return(M, pi, r) and prob(M, pi, PATH): `state` and `action` are
    // bound in the path formula.
    scopes_.push_back({"state", kNoDomain, static_cast<int>(scopes_.size())});
    scopes_.push_back({"action", kNoDomain, static_cast<int>(scopes_.size())});
    for (const ast::Expr& a : e.args) CheckNamesOnly(a);
    scopes_.pop_back();
    scopes_.pop_back();
    return;
  }
  if (e.kind == K::kCall && e.text != policy_name_ && !Lookup(e.text)) {
    Diagnostic& d = sink_.Error(file_, e.span, "E002",
                                fmt::format("undefined function '{}'", e.text));
    std::vector<std::string> candidates = NamesOfKind(DeclKind::kFn);
    for (std::string& n : NamesOfKind(DeclKind::kLoss)) {
      candidates.push_back(std::move(n));
    }
    candidates.push_back(policy_name_);
    std::string suggestion = SuggestName(e.text, candidates);
    if (!suggestion.empty()) {
      d.help.push_back(fmt::format("did you mean '{}'?", suggestion));
    }
  }
  bool binder = e.kind == K::kForall || e.kind == K::kExists ||
                e.kind == K::kCount || e.kind == K::kSum;
  if (binder) {
    FindDomain(e.domain);
    scopes_.push_back({e.text, kNoDomain, static_cast<int>(scopes_.size())});
  }
  // Set elements are looked up in the element's domain, unknown here.
  size_t count = e.kind == K::kMember ? 1 : e.args.size();
  for (size_t i = 0; i < count; ++i) CheckNamesOnly(e.args[i]);
  if (binder) scopes_.pop_back();
}

bool Analyzer::ResolveCall(const ast::Expr& e, RExpr& out) {
  auto arity = [&](size_t want, const char* what) {
    if (e.args.size() == want) return true;
    sink_.Error(file_, e.span, "E004",
                fmt::format("{} '{}' takes {} argument{}, got {}", what, e.text,
                            want, want == 1 ? "" : "s", e.args.size()));
    return false;
  };
  if (IsRunAtom(e)) return ResolveRunAtom(e, out);
  if (!policy_name_.empty() && e.text == policy_name_) {
    if (!arity(1, "policy")) return false;
    out.kind = RExpr::Kind::kPolicy;
    out.type = Type::Element(policy_out_);
    out.args.resize(1);
    return Resolve(e.args[0], policy_in_, out.args[0]) &&
           CheckArgument(out.args[0], Type::Element(policy_in_), 1, e.text);
  }
  const Symbol* symbol = Lookup(e.text);
  if (symbol == nullptr) {
    Diagnostic& d = sink_.Error(file_, e.span, "E002",
                                fmt::format("undefined function '{}'", e.text));
    std::vector<std::string> candidates = NamesOfKind(DeclKind::kFn);
    for (std::string& n : NamesOfKind(DeclKind::kLoss)) {
      candidates.push_back(std::move(n));
    }
    if (!policy_name_.empty()) candidates.push_back(policy_name_);
    std::string suggestion = SuggestName(e.text, candidates);
    if (!suggestion.empty()) {
      d.help.push_back(fmt::format("did you mean '{}'?", suggestion));
    }
    return false;
  }
  if (symbol->kind == DeclKind::kFn) {
    if (!arity(1, "fn")) return false;
    if (!fn_ok_[symbol->index]) return false;
    const Function& fn = model_.fns[symbol->index];
    out.kind = RExpr::Kind::kFn;
    out.callee = symbol->index;
    out.type = fn.to;
    out.args.resize(1);
    return Resolve(e.args[0], fn.from, out.args[0]) &&
           CheckArgument(out.args[0], Type::Element(fn.from), 1, e.text);
  }
  if (symbol->kind == DeclKind::kLoss) {
    if (!arity(2, "loss")) return false;
    int callee = symbol->index;
    if (!loss_sig_ok_[callee]) return false;
    const Loss& loss = model_.losses[callee];
    if (loss.successor != kNoDomain) {
      sink_.Error(file_, e.span, "E005",
                  fmt::format("{} '{}' depends on the successor state; use "
                              "it through return(M, pi, {})",
                              loss.Word(), e.text, e.text));
      return false;
    }
    out.kind = RExpr::Kind::kLoss;
    out.callee = callee;
    out.type = Type::Number();
    out.args.resize(2);
    bool ok = Resolve(e.args[0], loss.input, out.args[0]) &&
              CheckArgument(out.args[0], Type::Element(loss.input), 1, e.text);
    ok = Resolve(e.args[1], loss.output, out.args[1]) &&
         CheckArgument(out.args[1], Type::Element(loss.output), 2, e.text) &&
         ok;
    if (!ok) return false;
    if (loss_state_[callee] == LossState::kInProgress) {
      auto start = std::find(loss_stack_.begin(), loss_stack_.end(), callee);
      std::string chain;
      for (auto it = start; it != loss_stack_.end(); ++it) {
        chain += model_.losses[*it].name + " -> ";
      }
      chain += loss.name;
      sink_.Error(
          file_, e.span, "E012",
          fmt::format("loss '{}' depends on itself: {}", loss.name, chain));
      return false;
    }
    if (loss_state_[callee] == LossState::kPending) {
      MaterializeLoss(callee, e.span);
    }
    return loss_state_[callee] == LossState::kDone;
  }
  sink_.Error(
      file_, e.span, "E005",
      fmt::format("'{}' is {}, not a function", e.text,
                  symbol->kind == DeclKind::kData
                      ? "data"
                      : fmt::format("a {}", DeclKindName(symbol->kind))));
  return false;
}

bool Analyzer::ResolveBinary(const ast::Expr& e, RExpr& out) {
  using ast::Op;
  if (e.op == Op::kUntil) return RejectPathOutsideProb(e);
  out.kind = RExpr::Kind::kBinary;
  out.op = e.op;
  out.args.resize(2);
  switch (e.op) {
    case Op::kAnd:
    case Op::kOr:
    case Op::kImplies: {
      out.type = Type::Bool();
      bool ok = ResolveAs(e.args[0], Type::Bool(), out.args[0]);
      return ResolveAs(e.args[1], Type::Bool(), out.args[1]) && ok;
    }
    case Op::kAdd:
    case Op::kSub:
    case Op::kMul:
    case Op::kDiv:
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe: {
      bool arithmetic = e.op == Op::kAdd || e.op == Op::kSub ||
                        e.op == Op::kMul || e.op == Op::kDiv;
      out.type = arithmetic ? Type::Number() : Type::Bool();
      const char* what = arithmetic ? "arithmetic" : "comparison";
      bool ok = Resolve(e.args[0], kNoDomain, out.args[0]) &&
                ToNumber(out.args[0], what);
      ok = Resolve(e.args[1], kNoDomain, out.args[1]) &&
           ToNumber(out.args[1], what) && ok;
      return ok;
    }
    case Op::kEq:
    case Op::kNe: {
      out.type = Type::Bool();
      // A bare value name takes its domain from the other side.
      auto bare = [&](const ast::Expr& x) {
        if (x.kind != ast::Expr::Kind::kName) return false;
        for (const Scope& s : scopes_) {
          if (s.name == x.text) return false;
        }
        return true;
      };
      int first = bare(e.args[0]) && !bare(e.args[1]) ? 1 : 0;
      int second = 1 - first;
      if (!Resolve(e.args[first], kNoDomain, out.args[first])) return false;
      const RExpr& known = out.args[first];
      DomainId hint = known.type.kind == Type::Kind::kElement
                          ? known.type.domain
                          : kNoDomain;
      if (!Resolve(e.args[second], hint, out.args[second])) return false;
      return Unify(out.args[0], out.args[1], e.span, "compare");
    }
    default:
      return false;
  }
}

bool Analyzer::ResolveBinder(const ast::Expr& e, RExpr& out) {
  using K = ast::Expr::Kind;
  DomainId d = FindDomain(e.domain);
  if (d == kNoDomain) return false;
  out.kind = e.kind == K::kForall   ? RExpr::Kind::kForall
             : e.kind == K::kExists ? RExpr::Kind::kExists
             : e.kind == K::kCount  ? RExpr::Kind::kCount
                                    : RExpr::Kind::kSum;
  out.type = e.kind == K::kForall || e.kind == K::kExists ? Type::Bool()
                                                          : Type::Number();
  out.domain = d;
  out.slot = static_cast<int>(scopes_.size());
  scopes_.push_back({e.text, d, out.slot});
  max_slots_ = std::max(max_slots_, static_cast<int>(scopes_.size()));
  out.args.resize(1);
  bool ok = e.kind == K::kSum ? Resolve(e.args[0], kNoDomain, out.args[0]) &&
                                    ToNumber(out.args[0], "sum")
                              : ResolveAs(e.args[0], Type::Bool(), out.args[0]);
  scopes_.pop_back();
  return ok;
}

bool Analyzer::ResolveIf(const ast::Expr& e, DomainId hint, RExpr& out) {
  out.kind = RExpr::Kind::kIf;
  out.args.resize(3);
  bool ok = ResolveAs(e.args[0], Type::Bool(), out.args[0]);
  if (!Resolve(e.args[1], hint, out.args[1])) return false;
  DomainId then_domain = out.args[1].type.kind == Type::Kind::kElement
                             ? out.args[1].type.domain
                             : hint;
  if (!Resolve(e.args[2], then_domain, out.args[2])) return false;
  // A literal branch next to a range value (or where one is expected) is
  // that range's value, as everywhere a range value is expected.
  DomainId range = kNoDomain;
  for (DomainId d : {hint, out.args[1].type.domain, out.args[2].type.domain}) {
    if (range == kNoDomain && d != kNoDomain && model_.domains[d].is_range) {
      range = d;
    }
  }
  for (int branch : {1, 2}) {
    RExpr& arm = out.args[branch];
    if (range == kNoDomain || arm.type.kind != Type::Kind::kNumber ||
        ConstToElement(arm, model_.domains[range], range)) {
      continue;
    }
    std::string outside = OutsideRange(arm, model_.domains[range]);
    if (range == hint && !outside.empty()) {
      sink_.Error(file_, arm.span, "E005", outside);
      return false;
    }
  }
  if (!Unify(out.args[1], out.args[2], e.span, "mix")) return false;
  out.type = out.args[1].type;
  return ok;
}

// `E in {v1, ..., vn}` means `E == v1 or ... or E == vn`. Members are values
// of E's type: a literal member of a range must lie in the range (the one
// literal rule); constant members become the kMember set, others
// (`pi(p1) in {pi(p0)}`) become `==` disjuncts.
bool Analyzer::ResolveMember(const ast::Expr& e, RExpr& out) {
  using K = ast::Expr::Kind;
  RExpr member;
  member.kind = RExpr::Kind::kMember;
  member.type = Type::Bool();
  member.span = e.span;
  member.args.resize(1);
  if (!Resolve(e.args[0], kNoDomain, member.args[0])) return false;
  Type t = member.args[0].type;
  const Domain* range =
      t.kind == Type::Kind::kElement && model_.domains[t.domain].is_range
          ? &model_.domains[t.domain]
          : nullptr;
  auto bound = [&](const std::string& name) {
    for (const Scope& s : scopes_) {
      if (s.name == name) return true;
    }
    return false;
  };
  std::vector<RExpr> disjuncts;
  CellSource here{file_, false, ""};
  bool ok = true;
  for (size_t i = 1; i < e.args.size(); ++i) {
    const ast::Expr& v = e.args[i];
    if (t.kind == Type::Kind::kElement &&
        ((v.kind == K::kName && !bound(v.text)) || v.kind == K::kNumber)) {
      Cell cell{v.text, v.kind == K::kNumber, v.span};
      std::optional<uint32_t> index = LookupValue(t.domain, cell, here, "E005");
      if (!index) {
        ok = false;
        continue;
      }
      member.set.push_back(Value::Element(t.domain, *index));
      continue;
    }
    RExpr value;
    if (!Resolve(v, t.kind == Type::Kind::kElement ? t.domain : kNoDomain,
                 value)) {
      ok = false;
      continue;
    }
    if (range != nullptr && IntegerLiteral(value)) {
      if (ConstToElement(value, *range, t.domain)) {
        member.set.push_back(value.constant);
      } else {
        sink_.Error(file_, v.span, "E005", OutsideRange(value, *range));
        ok = false;
      }
      continue;
    }
    if (value.type == t) {
      if (value.kind == RExpr::Kind::kConst) {
        member.set.push_back(value.constant);
        continue;
      }
      if (t.kind == Type::Kind::kNumber && value.kind == RExpr::Kind::kUnary &&
          value.op == ast::Op::kNeg &&
          value.args[0].kind == RExpr::Kind::kConst) {
        member.set.push_back(Value::Number(-value.args[0].constant.number));
        continue;
      }
    }
    RExpr eq;
    eq.kind = RExpr::Kind::kBinary;
    eq.op = ast::Op::kEq;
    eq.type = Type::Bool();
    eq.span = v.span;
    eq.args = {member.args[0], std::move(value)};
    if (!Unify(eq.args[0], eq.args[1], v.span, "compare")) {
      ok = false;
      continue;
    }
    disjuncts.push_back(std::move(eq));
  }
  out = std::move(member);
  for (RExpr& d : disjuncts) {
    RExpr either;
    either.kind = RExpr::Kind::kBinary;
    either.op = ast::Op::kOr;
    either.type = Type::Bool();
    either.span = e.span;
    either.args = {std::move(out), std::move(d)};
    out = std::move(either);
  }
  return ok;
}

}  // namespace aligncheck
