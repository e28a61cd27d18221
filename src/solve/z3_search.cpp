// Grounding a goal over finite domains into Z3 and reading back a policy.
// Over 600 lines on purpose: the grounding visitor (one case per expression
// kind) and the search that drives it read as one unit; the cases share the
// node budget and the memo of grounded subterms.
#include "solve/z3_search.h"

#include <fmt/format.h>
#include <z3++.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include "analysis/eval.h"
#include "solve/solver_budget.h"

namespace aligncheck {
namespace {

struct GroundError {
  std::string message;
};

// A grounded term: a concrete value, or a symbolic Bool / Real, or an
// element given as guarded alternatives (exactly one guard true under the
// one-hot constraints).
struct Sym {
  bool concrete = true;
  Value value;
  std::optional<z3::expr> e;
  std::vector<std::pair<z3::expr, uint32_t>> alts;
};

Sym Concrete(Value v) {
  Sym s;
  s.value = std::move(v);
  return s;
}

class Grounder {
 public:
  Grounder(const Model& model, const Goal& goal, const NearMinimizers& nm,
           z3::context& ctx, size_t max_nodes)
      : model_(model),
        goal_(goal),
        nm_(nm),
        ctx_(ctx),
        max_nodes_(max_nodes),
        eval_(model),
        vars_(ctx),
        base_(nm.inputs, -1) {}

  Sym Ground(const RExpr& e, std::vector<Value>& env);

  z3::expr AsBool(const Sym& s) {
    return s.concrete ? ctx_.bool_val(s.value.boolean) : *s.e;
  }
  z3::expr AsNum(const Sym& s) {
    return s.concrete ? Num(s.value.number) : *s.e;
  }

  /// Inputs whose variables exist, in creation order.
  const std::vector<size_t>& reached() const { return reached_; }
  /// Every input whose pi(x) the grounding read, fixed or not, sorted.
  std::vector<size_t> ReadInputs() const {
    std::vector<size_t> out;
    for (size_t x = 0; x < read_.size(); ++x) {
      if (read_[x]) out.push_back(x);
    }
    return out;
  }
  /// The variable of option k (absolute index) of reached input x.
  z3::expr Var(size_t x, size_t k) const {
    return vars_[static_cast<unsigned>(base_[x] + (k - nm_.offset[x]))];
  }
  bool HasVars(size_t x) const { return base_[x] >= 0; }
  z3::expr Num(const Rational& q) {
    Tick();
    return ctx_.real_val(q.get_str().c_str());
  }

 private:
  void Tick(size_t k = 1) {
    nodes_ += k;
    if (nodes_ > max_nodes_) {
      throw GroundError{"the grounded goal exceeds " +
                        std::to_string(max_nodes_) + " terms"};
    }
  }
  bool Uses(const RExpr& e) {
    auto it = uses_.find(&e);
    if (it != uses_.end()) return it->second;
    bool u = UsesPolicy(e);
    uses_.emplace(&e, u);
    return u;
  }
  void Reach(size_t x);
  Sym BoolSym(const z3::expr& e) {
    if (e.is_true()) return Concrete(Value::Bool(true));
    if (e.is_false()) return Concrete(Value::Bool(false));
    Sym s;
    s.concrete = false;
    s.e = e;
    return s;
  }
  Sym NumSym(const z3::expr& e) {
    Sym s;
    s.concrete = false;
    s.e = e;
    return s;
  }
  z3::expr And(const z3::expr& a, const z3::expr& b) {
    if (a.is_false() || b.is_true()) return a;
    if (b.is_false() || a.is_true()) return b;
    Tick();
    return a && b;
  }
  z3::expr Or(const z3::expr& a, const z3::expr& b) {
    if (a.is_true() || b.is_false()) return a;
    if (b.is_true() || a.is_false()) return b;
    Tick();
    return a || b;
  }
  z3::expr Not(const z3::expr& a) {
    if (a.is_true()) return ctx_.bool_val(false);
    if (a.is_false()) return ctx_.bool_val(true);
    Tick();
    return !a;
  }
  z3::expr OrAll(const std::vector<z3::expr>& v) {
    if (v.empty()) return ctx_.bool_val(false);
    if (v.size() == 1) return v[0];
    z3::expr_vector ev(ctx_);
    for (const z3::expr& g : v) {
      if (g.is_true()) return g;
      if (!g.is_false()) ev.push_back(g);
    }
    if (ev.empty()) return ctx_.bool_val(false);
    Tick(ev.size());
    return z3::mk_or(ev);
  }
  std::vector<std::pair<z3::expr, uint32_t>> Alts(const Sym& s) {
    if (s.concrete) return {{ctx_.bool_val(true), s.value.index}};
    return s.alts;
  }
  // An element from guards grouped by value; concrete when one value.
  Sym ElementFrom(DomainId d,
                  std::map<uint32_t, std::vector<z3::expr>>& groups) {
    if (groups.size() == 1) {
      return Concrete(Value::Element(d, groups.begin()->first));
    }
    Sym s;
    s.concrete = false;
    s.value = Value::Element(d, 0);
    for (auto& [idx, guards] : groups) s.alts.emplace_back(OrAll(guards), idx);
    return s;
  }
  Sym NumberFrom(std::map<Rational, std::vector<z3::expr>>& groups) {
    if (groups.size() == 1)
      return Concrete(Value::Number(groups.begin()->first));
    auto it = groups.rbegin();
    z3::expr acc = Num(it->first);
    for (++it; it != groups.rend(); ++it) {
      Tick();
      acc = z3::ite(OrAll(it->second), Num(it->first), acc);
    }
    return NumSym(acc);
  }
  // Maps element arguments through `f`, grouping the result by value.
  Sym Lift(const std::vector<Sym>& args, const Type& type,
           const std::function<Value(const std::vector<uint32_t>&)>& f);
  Sym Compare(const RExpr& e, std::vector<Value>& env);
  Sym CountCompare(const RExpr& count, ast::Op op, const Rational& bound,
                   std::vector<Value>& env);

  const Model& model_;
  const Goal& goal_;
  const NearMinimizers& nm_;
  z3::context& ctx_;
  size_t max_nodes_;
  size_t nodes_ = 0;
  Evaluator eval_;
  std::unordered_map<const RExpr*, bool> uses_;
  z3::expr_vector vars_;
  std::vector<long> base_;
  std::vector<size_t> reached_;
  std::vector<char> read_;  // per input: pi(x) was read
};

void Grounder::Reach(size_t x) {
  if (read_.size() <= x) read_.resize(nm_.inputs, 0);
  read_[x] = 1;
  if (base_[x] >= 0 || nm_.OptionCount(x) <= 1) return;
  base_[x] = static_cast<long>(vars_.size());
  reached_.push_back(x);
  const Domain& in = model_.domains[goal_.input];
  const Domain& out = model_.domains[goal_.output];
  for (size_t k = nm_.offset[x]; k < nm_.offset[x + 1]; ++k) {
    std::string name = "pi(" + in.values[x] + ")=" + out.values[nm_.option[k]];
    Tick();
    vars_.push_back(ctx_.bool_const(name.c_str()));
  }
}

Sym Grounder::Lift(
    const std::vector<Sym>& args, const Type& type,
    const std::function<Value(const std::vector<uint32_t>&)>& f) {
  std::map<uint32_t, std::vector<z3::expr>> elements;
  std::map<Rational, std::vector<z3::expr>> numbers;
  std::vector<z3::expr> truths;
  bool any_false = false;
  std::vector<std::vector<std::pair<z3::expr, uint32_t>>> alts;
  for (const Sym& a : args) alts.push_back(Alts(a));
  std::vector<uint32_t> pick(args.size());
  std::function<void(size_t, z3::expr)> walk = [&](size_t i, z3::expr guard) {
    if (guard.is_false()) return;
    if (i == args.size()) {
      Value v = f(pick);
      switch (type.kind) {
        case Type::Kind::kElement:
          elements[v.index].push_back(guard);
          break;
        case Type::Kind::kNumber:
          numbers[v.number].push_back(guard);
          break;
        case Type::Kind::kBool:
          if (v.boolean) {
            truths.push_back(guard);
          } else {
            any_false = true;
          }
          break;
      }
      return;
    }
    for (const auto& [g, idx] : alts[i]) {
      pick[i] = idx;
      walk(i + 1, And(guard, g));
    }
  };
  walk(0, ctx_.bool_val(true));
  switch (type.kind) {
    case Type::Kind::kElement:
      return ElementFrom(type.domain, elements);
    case Type::Kind::kNumber:
      return NumberFrom(numbers);
    case Type::Kind::kBool:
      if (!any_false) return Concrete(Value::Bool(true));
      return BoolSym(OrAll(truths));
  }
  return Concrete(Value::Bool(false));
}

BigInt Floor(const Rational& q) {
  BigInt r;
  mpz_fdiv_q(r.get_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
  return r;
}
BigInt Ceil(const Rational& q) {
  BigInt r;
  mpz_cdiv_q(r.get_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
  return r;
}

Sym Grounder::CountCompare(const RExpr& count, ast::Op op,
                           const Rational& bound, std::vector<Value>& env) {
  using ast::Op;
  size_t n = model_.domains[count.domain].size();
  long fixed = 0;
  z3::expr_vector bodies(ctx_);
  for (uint32_t i = 0; i < n; ++i) {
    env[count.slot] = Value::Element(count.domain, i);
    Sym b = Ground(count.args[0], env);
    if (b.concrete) {
      if (b.value.boolean) ++fixed;
    } else {
      bodies.push_back(*b.e);
    }
  }
  const long s = static_cast<long>(bodies.size());
  Rational k = bound - Rational(fixed);
  // s ranges over 0..S; clamp the thresholds into [-1, S + 1] first.
  auto clamp = [&](const BigInt& v) -> long {
    if (v < -1) return -1;
    if (v > s + 1) return s + 1;
    return v.get_si();
  };
  auto at_least = [&](long lo) -> z3::expr {
    if (lo <= 0) return ctx_.bool_val(true);
    if (lo > s) return ctx_.bool_val(false);
    Tick(s);
    return lo == 1 ? z3::mk_or(bodies) : z3::atleast(bodies, lo);
  };
  auto at_most = [&](long hi) -> z3::expr {
    if (hi < 0) return ctx_.bool_val(false);
    if (hi >= s) return ctx_.bool_val(true);
    Tick(s);
    return hi == 0 ? !z3::mk_or(bodies) : z3::atmost(bodies, hi);
  };
  z3::expr r = ctx_.bool_val(false);
  switch (op) {
    case Op::kGe:
      r = at_least(clamp(Ceil(k)));
      break;
    case Op::kGt:
      r = at_least(clamp(Floor(k) + 1));
      break;
    case Op::kLe:
      r = at_most(clamp(Floor(k)));
      break;
    case Op::kLt:
      r = at_most(clamp(Ceil(k) - 1));
      break;
    case Op::kEq:
    case Op::kNe: {
      z3::expr eq = ctx_.bool_val(false);
      if (k.get_den() == 1) {
        long v = clamp(k.get_num());
        eq = And(at_least(v), at_most(v));
      }
      r = op == Op::kEq ? eq : Not(eq);
      break;
    }
    default:
      break;
  }
  return BoolSym(r);
}

Sym Grounder::Compare(const RExpr& e, std::vector<Value>& env) {
  using ast::Op;
  using K = RExpr::Kind;
  // (count x in D: P) op K with K pi-free: a cardinality constraint.
  for (int side = 0; side < 2; ++side) {
    const RExpr& count = e.args[side];
    const RExpr& other = e.args[1 - side];
    if (count.kind == K::kCount && Uses(count) && !Uses(other)) {
      Sym k = Ground(other, env);
      return CountCompare(count, side == 0 ? e.op : MirrorComparison(e.op),
                          k.value.number, env);
    }
  }
  Sym a = Ground(e.args[0], env);
  Sym b = Ground(e.args[1], env);
  const Type& t = e.args[0].type;
  if (t.kind == Type::Kind::kElement) {
    std::unordered_map<uint32_t, z3::expr> bmap;
    for (auto& [g, idx] : Alts(b)) bmap.emplace(idx, g);
    std::vector<z3::expr> eq;
    for (auto& [g, idx] : Alts(a)) {
      auto it = bmap.find(idx);
      if (it != bmap.end()) eq.push_back(And(g, it->second));
    }
    z3::expr r = OrAll(eq);
    return BoolSym(e.op == Op::kEq ? r : Not(r));
  }
  if (t.kind == Type::Kind::kBool) {
    z3::expr x = AsBool(a), y = AsBool(b);
    Tick();
    z3::expr r = x == y;
    return BoolSym(e.op == Op::kEq ? r : Not(r));
  }
  z3::expr x = AsNum(a), y = AsNum(b);
  Tick();
  switch (e.op) {
    case Op::kEq:
      return BoolSym(x == y);
    case Op::kNe:
      return BoolSym(x != y);
    case Op::kLt:
      return BoolSym(x < y);
    case Op::kLe:
      return BoolSym(x <= y);
    case Op::kGt:
      return BoolSym(x > y);
    case Op::kGe:
      return BoolSym(x >= y);
    default:
      break;
  }
  throw GroundError{"unsupported comparison"};
}

Sym Grounder::Ground(const RExpr& e, std::vector<Value>& env) {
  using K = RExpr::Kind;
  using ast::Op;
  Tick();
  if (!Uses(e)) {
    Value v = eval_.Eval(e, env);
    if (eval_.failed()) throw GroundError{"goal evaluation: " + eval_.error()};
    return Concrete(std::move(v));
  }
  switch (e.kind) {
    case K::kConst:
    case K::kVar:
      break;  // pi-free, handled above
    case K::kPolicy: {
      Sym arg = Ground(e.args[0], env);
      std::map<uint32_t, std::vector<z3::expr>> groups;
      for (auto& [g, x] : Alts(arg)) {
        Reach(x);
        for (size_t k = nm_.offset[x]; k < nm_.offset[x + 1]; ++k) {
          z3::expr guard = HasVars(x) ? And(g, Var(x, k)) : g;
          groups[nm_.option[k]].push_back(guard);
        }
      }
      return ElementFrom(e.type.domain, groups);
    }
    case K::kLoss: {
      const Loss& loss = model_.losses[e.callee];
      size_t m = model_.domains[loss.output].size();
      std::vector<Sym> args{Ground(e.args[0], env), Ground(e.args[1], env)};
      return Lift(args, e.type, [&](const std::vector<uint32_t>& p) {
        return Value::Number(loss.At(p[0], p[1], m));
      });
    }
    case K::kFn: {
      const Function& fn = model_.fns[e.callee];
      std::vector<Sym> args{Ground(e.args[0], env)};
      return Lift(args, e.type, [&](const std::vector<uint32_t>& p) {
        return fn.table[p[0]];
      });
    }
    case K::kToNumber: {
      const Domain& d = model_.domains[e.args[0].type.domain];
      Rational lo(BigInt(std::to_string(d.lo)));
      std::vector<Sym> args{Ground(e.args[0], env)};
      return Lift(args, e.type, [&](const std::vector<uint32_t>& p) {
        return Value::Number(lo + Rational(p[0]));
      });
    }
    case K::kUnary: {
      Sym a = Ground(e.args[0], env);
      if (e.op == Op::kNot) return BoolSym(Not(AsBool(a)));
      if (a.concrete) return Concrete(Value::Number(-a.value.number));
      Tick();
      return NumSym(-*a.e);
    }
    case K::kBinary: {
      if (IsComparison(e.op)) return Compare(e, env);
      if (e.op == Op::kAnd || e.op == Op::kOr || e.op == Op::kImplies) {
        Sym a = Ground(e.args[0], env);
        if (a.concrete) {
          bool v = a.value.boolean;
          if (e.op == Op::kAnd && !v) return a;
          if (e.op == Op::kOr && v) return a;
          if (e.op == Op::kImplies && !v) return Concrete(Value::Bool(true));
          return Ground(e.args[1], env);
        }
        Sym b = Ground(e.args[1], env);
        z3::expr x = AsBool(a), y = AsBool(b);
        if (e.op == Op::kAnd) return BoolSym(And(x, y));
        if (e.op == Op::kOr) return BoolSym(Or(x, y));
        return BoolSym(Or(Not(x), y));
      }
      Sym a = Ground(e.args[0], env);
      Sym b = Ground(e.args[1], env);
      if (a.concrete && b.concrete) {
        const Rational& p = a.value.number;
        const Rational& q = b.value.number;
        switch (e.op) {
          case Op::kAdd:
            return Concrete(Value::Number(p + q));
          case Op::kSub:
            return Concrete(Value::Number(p - q));
          case Op::kMul:
            return Concrete(Value::Number(p * q));
          case Op::kDiv:
            if (q == 0) throw GroundError{"goal evaluation: division by zero"};
            return Concrete(Value::Number(p / q));
          default:
            break;
        }
      }
      z3::expr x = AsNum(a), y = AsNum(b);
      Tick();
      switch (e.op) {
        case Op::kAdd:
          return NumSym(x + y);
        case Op::kSub:
          return NumSym(x - y);
        case Op::kMul:
          return NumSym(x * y);
        case Op::kDiv:
          if (b.concrete && b.value.number == 0) {
            throw GroundError{"goal evaluation: division by zero"};
          }
          // The evaluator reads x / 0 as 0 (and reports an error, which the
          // counterexample re-check turns into UNKNOWN).
          return NumSym(b.concrete ? x / y
                                   : z3::ite(y == Num(0), Num(0), x / y));
        default:
          break;
      }
      throw GroundError{"unsupported operator"};
    }
    case K::kForall:
    case K::kExists: {
      const bool all = e.kind == K::kForall;
      size_t n = model_.domains[e.domain].size();
      std::vector<z3::expr> parts;
      for (uint32_t i = 0; i < n; ++i) {
        env[e.slot] = Value::Element(e.domain, i);
        Sym b = Ground(e.args[0], env);
        if (b.concrete) {
          if (b.value.boolean != all) return b;
          continue;
        }
        parts.push_back(all ? Not(*b.e) : *b.e);
      }
      z3::expr any = OrAll(parts);  // some counter-instance / witness
      return BoolSym(all ? Not(any) : any);
    }
    case K::kCount:
    case K::kSum: {
      size_t n = model_.domains[e.domain].size();
      Rational fixed = 0;
      z3::expr_vector terms(ctx_);
      for (uint32_t i = 0; i < n; ++i) {
        env[e.slot] = Value::Element(e.domain, i);
        Sym b = Ground(e.args[0], env);
        if (e.kind == K::kCount) {
          if (b.concrete) {
            if (b.value.boolean) fixed += 1;
          } else {
            Tick();
            terms.push_back(z3::ite(*b.e, Num(1), Num(0)));
          }
        } else if (b.concrete) {
          fixed += b.value.number;
        } else {
          terms.push_back(*b.e);
        }
      }
      if (terms.empty()) return Concrete(Value::Number(fixed));
      if (fixed != 0) terms.push_back(Num(fixed));
      Tick(terms.size());
      return NumSym(z3::sum(terms));
    }
    case K::kIf: {
      Sym c = Ground(e.args[0], env);
      if (c.concrete) return Ground(e.args[c.value.boolean ? 1 : 2], env);
      Sym a = Ground(e.args[1], env);
      Sym b = Ground(e.args[2], env);
      z3::expr cond = *c.e;
      switch (e.type.kind) {
        case Type::Kind::kBool: {
          z3::expr x = AsBool(a), y = AsBool(b);
          return BoolSym(Or(And(cond, x), And(Not(cond), y)));
        }
        case Type::Kind::kNumber: {
          if (a.concrete && b.concrete && a.value.number == b.value.number) {
            return a;
          }
          Tick();
          return NumSym(z3::ite(cond, AsNum(a), AsNum(b)));
        }
        case Type::Kind::kElement: {
          std::map<uint32_t, std::vector<z3::expr>> groups;
          for (auto& [g, idx] : Alts(a)) groups[idx].push_back(And(cond, g));
          z3::expr neg = Not(cond);
          for (auto& [g, idx] : Alts(b)) groups[idx].push_back(And(neg, g));
          return ElementFrom(e.type.domain, groups);
        }
      }
      break;
    }
    case K::kMember: {
      Sym a = Ground(e.args[0], env);
      std::vector<z3::expr> in;
      for (auto& [g, idx] : Alts(a)) {
        for (const Value& v : e.set) {
          if (v.index == idx) {
            in.push_back(g);
            break;
          }
        }
      }
      return BoolSym(OrAll(in));
    }
    case K::kReturn:
    case K::kProb:
      break;  // runs of an MDP: only the MDP reading evaluates them
  }
  throw GroundError{"unsupported expression"};
}

// The budget sum_k cost_k * b_k <= eps. When every cost and eps scaled by
// the least common denominator fit in an int, it is a pseudo-boolean
// constraint (measured far faster in Z3 4.8.12 than the same sum in real
// arithmetic); otherwise linear real arithmetic over ite terms.
z3::expr Budget(z3::context& ctx, Grounder& g, const z3::expr_vector& vars,
                const std::vector<Rational>& costs, const Rational& eps) {
  BigInt lcm = eps.get_den();
  for (const Rational& c : costs) {
    mpz_lcm(lcm.get_mpz_t(), lcm.get_mpz_t(), c.get_den_mpz_t());
  }
  const BigInt limit = 2'000'000'000;
  BigInt bound = eps.get_num() * (lcm / eps.get_den());
  bool fits = lcm <= limit && bound <= limit;
  std::vector<int> coeffs;
  coeffs.reserve(costs.size());
  BigInt total = 0;
  for (const Rational& c : costs) {
    if (!fits) break;
    BigInt scaled = c.get_num() * (lcm / c.get_den());
    total += scaled;
    fits = scaled <= limit;
    if (fits) coeffs.push_back(static_cast<int>(scaled.get_si()));
  }
  if (fits) {
    if (total <= bound) return ctx.bool_val(true);
    return z3::pble(vars, coeffs.data(), static_cast<int>(bound.get_si()));
  }
  z3::expr_vector terms(ctx);
  for (size_t i = 0; i < costs.size(); ++i) {
    terms.push_back(
        z3::ite(vars[static_cast<unsigned>(i)], g.Num(costs[i]), g.Num(0)));
  }
  return z3::sum(terms) <= g.Num(eps);
}

// Dump files are named [SPEC.]CLAIM-N.smt2 (the spec stem has no '.').
std::string ClaimOfDump(const std::string& path) {
  std::string stem = std::filesystem::path(path).stem().string();
  size_t dot = stem.find('.');
  if (dot != std::string::npos) stem = stem.substr(dot + 1);
  return stem.substr(0, stem.rfind('-'));
}
std::string QueryOfDump(const std::string& path) {
  std::string stem = std::filesystem::path(path).stem().string();
  return stem.substr(stem.rfind('-') + 1);
}

// With tracking pi(x) ranges over every output, so that "row x" can be a
// part of its own: otherwise the option sets are built into the variables.
NearMinimizers EveryOutput(const NearMinimizers& nm) {
  NearMinimizers wide = nm;
  wide.offset.clear();
  wide.option.clear();
  wide.offset.reserve(nm.inputs + 1);
  wide.option.reserve(nm.inputs * nm.outputs);
  for (size_t x = 0; x < nm.inputs; ++x) {
    wide.offset.push_back(wide.option.size());
    for (size_t y = 0; y < nm.outputs; ++y) {
      wide.option.push_back(static_cast<uint32_t>(y));
    }
  }
  wide.offset.push_back(wide.option.size());
  return wide;
}

// Reads the tracked parts an unsat core kept.
void ReadCore(const z3::expr_vector& core, UnsatCore* out) {
  out->extracted = true;
  for (unsigned i = 0; i < core.size(); ++i) {
    std::string name = core[i].decl().name().str();
    if (name == "goal") {
      out->goal = true;
    } else if (name == "budget") {
      out->budget = true;
    } else if (name.rfind("row_", 0) == 0) {
      out->rows.push_back(std::stoul(name.substr(4)));
    } else if (name.rfind("weight_", 0) == 0) {
      out->weights.push_back(std::stoul(name.substr(7)));
    }
  }
  std::sort(out->rows.begin(), out->rows.end());
  std::sort(out->weights.begin(), out->weights.end());
}

SearchOutcome Search(const Model& model, const Goal& goal,
                     const NearMinimizers& nm, const Conjunct& c,
                     z3::context& ctx, SolverBudget& budget,
                     const std::string& dump_path, size_t max_nodes,
                     bool track) {
  SearchOutcome out;
  std::optional<NearMinimizers> wide;
  if (track) wide = EveryOutput(nm);
  const NearMinimizers& q = track ? *wide : nm;
  Grounder g(model, goal, q, ctx, max_nodes);
  std::vector<Value> env(goal.slot_count);
  z3::expr formula = g.AsBool(g.Ground(*c.expr, env));
  // The conjunct means (negated ? not F : F); a violation makes it false.
  z3::expr violated = c.negated ? formula : !formula;
  if (formula.is_true() || formula.is_false()) {
    bool v = formula.is_true() == c.negated;
    out.kind = v ? SearchOutcome::Kind::kFound : SearchOutcome::Kind::kNone;
    if (v) out.policy = nm.best;
    // No policy can violate the grounded conjunct: it alone is the proof.
    if (!v) {
      out.core.extracted = track;
      out.core.goal = track;
      out.core.read_inputs = g.ReadInputs();
    }
    return out;
  }
  z3::solver s(ctx);
  budget.Configure(s);
  // Tracked parts are asserted as "name implies part", which replays as
  // sat: the dump then gets the same parts asserted plainly.
  std::optional<z3::solver> replay;
  if (track && !dump_path.empty()) replay.emplace(ctx);
  auto add = [&](const z3::expr& part, const std::string& name) {
    if (track) {
      s.add(part, name.c_str());
    } else {
      s.add(part);
    }
    if (replay) replay->add(part);
  };
  auto add_plain = [&](const z3::expr& part) {
    s.add(part);
    if (replay) replay->add(part);
  };
  // One output per reached input; tracked, the row's options apart.
  z3::expr_vector costly(ctx);
  std::vector<Rational> costs;
  z3::expr_vector input_costs(ctx);
  for (size_t x : g.reached()) {
    z3::expr_vector one(ctx);
    z3::expr_vector allowed(ctx);
    z3::expr_vector costly_x(ctx);
    std::vector<Rational> costs_x;
    size_t j = nm.offset[x];
    for (size_t k = q.offset[x]; k < q.offset[x + 1]; ++k) {
      z3::expr b = g.Var(x, k);
      one.push_back(b);
      if (track) {
        while (j < nm.offset[x + 1] && nm.option[j] < q.option[k]) ++j;
        if (j < nm.offset[x + 1] && nm.option[j] == q.option[k]) {
          allowed.push_back(b);
        }
      }
      if (!q.Free(x, k)) {
        costly_x.push_back(b);
        costs_x.push_back(q.Excess(x, k));
      }
    }
    add_plain(z3::mk_or(one));
    add_plain(z3::atmost(one, 1));
    if (track && allowed.size() < one.size()) {
      add(z3::mk_or(allowed), "row_" + std::to_string(x));
    }
    if (costly_x.empty()) continue;
    if (!track) {
      for (unsigned i = 0; i < costly_x.size(); ++i) {
        costly.push_back(costly_x[i]);
        costs.push_back(costs_x[i]);
      }
      continue;
    }
    // cost(x) >= e(x, pi(x)) >= 0, the lower bound tracked as x's weight.
    z3::expr cost = ctx.real_const(("cost_" + std::to_string(x)).c_str());
    z3::expr_vector terms(ctx);
    for (unsigned i = 0; i < costly_x.size(); ++i) {
      terms.push_back(z3::ite(costly_x[i], g.Num(costs_x[i]), g.Num(0)));
    }
    add_plain(cost >= g.Num(0));
    add(cost >= z3::sum(terms), "weight_" + std::to_string(x));
    input_costs.push_back(cost);
  }
  if (!input_costs.empty()) {
    add(z3::sum(input_costs) <= g.Num(nm.eps), "budget");
  } else if (!costly.empty()) {
    add_plain(Budget(ctx, g, costly, costs, nm.eps));
  }
  add(violated, "goal");
  if (!dump_path.empty()) {
    out.reason = WriteQuery(
        replay ? *replay : s, dump_path,
        fmt::format("aligncheck query {} (claim {}, query {})\n"
                    "asks: is some (near-)minimizer of the claim's loss a "
                    "policy that violates this part of goal {}?\n"
                    "sat: the claim FAILS; the model's true Booleans pick the "
                    "counterexample's outputs\n"
                    "unsat: every (near-)minimizer meets this part of {}",
                    std::filesystem::path(dump_path).filename().string(),
                    ClaimOfDump(dump_path), QueryOfDump(dump_path), goal.name,
                    goal.name));
    if (!out.reason.empty()) return out;
    out.dump_path = dump_path;
  }
  if (!CheckSearch(budget, s, out)) {
    if (out.kind == SearchOutcome::Kind::kNone) {
      if (track) ReadCore(s.unsat_core(), &out.core);
      out.core.read_inputs = g.ReadInputs();
    }
    return out;
  }
  z3::model model_z3 = s.get_model();
  out.kind = SearchOutcome::Kind::kFound;
  out.policy = nm.best;
  for (size_t x : g.reached()) {
    for (size_t k = q.offset[x]; k < q.offset[x + 1]; ++k) {
      if (model_z3.eval(g.Var(x, k), true).is_true()) {
        out.policy[x] = q.option[k];
        break;
      }
    }
  }
  return out;
}

SearchOutcome SearchOnce(const Model& model, const Goal& goal,
                         const NearMinimizers& nm, const Conjunct& c,
                         const EngineOptions& options,
                         const std::string& dump_path, size_t max_nodes,
                         bool track) {
  z3::context ctx;
  SolverBudget budget(ctx, options);
  try {
    return Search(model, goal, nm, c, ctx, budget, dump_path, max_nodes,
                  track);
  } catch (const GroundError& e) {
    SearchOutcome out;
    out.reason = e.message;
    return out;
  } catch (const z3::exception& e) {
    SearchOutcome out;
    out.reason = budget.ErrorReason(e);
    return out;
  } catch (const std::exception& e) {
    SearchOutcome out;
    out.reason = std::string("internal: ") + e.what();
    return out;
  }
}

}  // namespace

SearchOutcome SearchViolation(const Model& model, const Goal& goal,
                              const NearMinimizers& nm, const Conjunct& c,
                              const EngineOptions& options,
                              const std::string& dump_path, size_t max_nodes) {
  SearchOutcome out = SearchOnce(model, goal, nm, c, options, dump_path,
                                 max_nodes, options.unsat_core);
  if (options.unsat_core && out.kind == SearchOutcome::Kind::kUnknown) {
    out = SearchOnce(model, goal, nm, c, options, dump_path, max_nodes, false);
  }
  return out;
}

}  // namespace aligncheck
