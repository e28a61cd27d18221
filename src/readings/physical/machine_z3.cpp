// Bit-vector translation of the register's loss at concrete inputs.
#include "readings/physical/machine_z3.h"

#include <z3++.h>

#include "analysis/eval.h"

namespace aligncheck {
namespace {

class BvReading {
 public:
  BvReading(const Model& model, const PhysicalModel& physical,
            const std::vector<int>& channels, z3::context& ctx)
      : model_(model),
        physical_(physical),
        ctx_(ctx),
        bits_(static_cast<unsigned>(physical.machine_bits)) {
    for (const Channel& c : physical.implemented) active_.push_back(&c);
    for (int i : channels) active_.push_back(&physical.channels[i]);
  }

  std::optional<z3::expr> RegisterValue(const Policy& policy) {
    const Loss& loss = model_.losses[physical_.register_loss];
    const Data& data = model_.data[physical_.register_data];
    std::optional<z3::expr> overwrite;
    for (const Channel* c : active_) {
      if (c->target_kind == Channel::Target::kRegister) {
        overwrite = Installed(*c, {});
        if (!overwrite) return std::nullopt;
      }
    }
    if (overwrite) return overwrite;
    const Channel* sensor = Last(Channel::Target::kSensor, -1);
    z3::expr sum = ctx_.bv_val(0, bits_);
    for (uint32_t x = 0; x < policy.size(); ++x) {
      uint32_t y = policy[x];
      if (sensor != nullptr) {
        std::optional<z3::expr> seen =
            Installed(*sensor, {Value::Element(loss.input, x)});
        std::optional<uint32_t> index = seen ? Concrete(*seen) : std::nullopt;
        if (!index) return std::nullopt;
        y = *index;
      }
      std::optional<z3::expr> term = Entry(physical_.register_loss, x, y);
      if (!term) return std::nullopt;
      sum = sum + Num(data.weights[x]) * *term;
    }
    return sum;
  }

  std::string error;

 private:
  z3::expr Num(const Rational& q) {
    BigInt whole = q.get_num() / q.get_den();
    return z3::int2bv(bits_, ctx_.int_val(whole.get_str().c_str()));
  }
  z3::expr Elem(uint32_t index) { return ctx_.bv_val(index, 32); }
  std::optional<uint32_t> Concrete(const z3::expr& e) {
    z3::expr s = e.simplify();
    uint64_t v = 0;
    if (!s.is_numeral_u64(v)) {
      error = "bit-vector term did not simplify to a numeral";
      return std::nullopt;
    }
    return static_cast<uint32_t>(v);
  }

  const Channel* Last(Channel::Target kind, int index) const {
    const Channel* found = nullptr;
    if (declared_only_) return found;
    for (const Channel* c : active_) {
      if (c->target_kind == kind && (index < 0 || c->target_index == index)) {
        found = c;
      }
    }
    return found;
  }

  // An override's value as the machine computes it: the same bit-vector
  // arithmetic as the declared code, reading the declared fns and losses.
  std::optional<z3::expr> Installed(const Channel& c, std::vector<Value> args) {
    if (args.size() < static_cast<size_t>(std::max(c.slot_count, 0))) {
      args.resize(static_cast<size_t>(c.slot_count));
    }
    bool was_declared_only = declared_only_;
    declared_only_ = true;
    std::optional<z3::expr> v = Tr(c.value, args);
    declared_only_ = was_declared_only;
    return v;
  }

  std::optional<z3::expr> Entry(int id, uint32_t x, uint32_t y) {
    const Loss& loss = model_.losses[id];
    if (const Channel* c = Last(Channel::Target::kLoss, id)) {
      return Installed(
          *c, {Value::Element(loss.input, x), Value::Element(loss.output, y)});
    }
    if (!loss.expr) {
      return Num(loss.At(x, y, model_.domains[loss.output].size()));
    }
    std::vector<Value> env(static_cast<size_t>(std::max(loss.expr_slots, 2)));
    env[0] = Value::Element(loss.input, x);
    env[1] = Value::Element(loss.output, y);
    return Tr(*loss.expr, env);
  }

  z3::expr FromValue(const Value& v) {
    switch (v.kind) {
      case Type::Kind::kBool:
        return ctx_.bool_val(v.boolean);
      case Type::Kind::kNumber:
        return Num(v.number);
      case Type::Kind::kElement:
        return Elem(v.index);
    }
    return ctx_.bool_val(false);
  }

  // Numbers become W-bit vectors, truth values Booleans, domain elements
  // 32-bit indices; elements that index a table are made concrete.
  std::optional<z3::expr> Tr(const RExpr& e, std::vector<Value>& env) {
    using K = RExpr::Kind;
    switch (e.kind) {
      case K::kConst:
        return FromValue(e.constant);
      case K::kVar:
        return FromValue(env[e.slot]);
      case K::kPolicy:
        error = "a loss applies the policy";
        return std::nullopt;
      case K::kLoss: {
        std::optional<uint32_t> x = Index(e.args[0], env);
        std::optional<uint32_t> y = x ? Index(e.args[1], env) : std::nullopt;
        if (!y) return std::nullopt;
        return Entry(e.callee, *x, *y);
      }
      case K::kFn: {
        std::optional<uint32_t> x = Index(e.args[0], env);
        if (!x) return std::nullopt;
        const Function& fn = model_.fns[e.callee];
        if (const Channel* c = Last(Channel::Target::kFn, e.callee)) {
          return Installed(*c, {Value::Element(fn.from, *x)});
        }
        return FromValue(fn.table[*x]);
      }
      case K::kToNumber: {
        std::optional<uint32_t> x = Index(e.args[0], env);
        if (!x) return std::nullopt;
        const Domain& d = model_.domains[e.args[0].type.domain];
        return Num(Rational(BigInt(std::to_string(d.lo))) + Rational(*x));
      }
      case K::kUnary: {
        std::optional<z3::expr> a = Tr(e.args[0], env);
        if (!a) return std::nullopt;
        return e.op == ast::Op::kNot ? !*a : -*a;
      }
      case K::kBinary:
        return Binary(e, env);
      case K::kForall:
      case K::kExists:
      case K::kCount:
      case K::kSum: {
        size_t n = model_.domains[e.domain].size();
        z3::expr_vector parts(ctx_);
        for (uint32_t i = 0; i < n; ++i) {
          env[e.slot] = Value::Element(e.domain, i);
          std::optional<z3::expr> b = Tr(e.args[0], env);
          if (!b) return std::nullopt;
          if (e.kind == K::kCount) {
            parts.push_back(
                z3::ite(*b, ctx_.bv_val(1, bits_), ctx_.bv_val(0, bits_)));
          } else {
            parts.push_back(*b);
          }
        }
        if (e.kind == K::kForall) return z3::mk_and(parts);
        if (e.kind == K::kExists) return z3::mk_or(parts);
        z3::expr total = ctx_.bv_val(0, bits_);
        for (unsigned i = 0; i < parts.size(); ++i) total = total + parts[i];
        return total;
      }
      case K::kIf: {
        std::optional<z3::expr> c = Tr(e.args[0], env);
        std::optional<z3::expr> a = c ? Tr(e.args[1], env) : std::nullopt;
        std::optional<z3::expr> b = a ? Tr(e.args[2], env) : std::nullopt;
        if (!b) return std::nullopt;
        return z3::ite(*c, *a, *b);
      }
      case K::kMember: {
        std::optional<z3::expr> v = Tr(e.args[0], env);
        if (!v) return std::nullopt;
        z3::expr_vector eqs(ctx_);
        for (const Value& s : e.set) eqs.push_back(*v == FromValue(s));
        return z3::mk_or(eqs);
      }
      case K::kReturn:
      case K::kProb:
        break;  // runs of an MDP: not part of a register's code
    }
    error = "unknown expression";
    return std::nullopt;
  }

  std::optional<uint32_t> Index(const RExpr& e, std::vector<Value>& env) {
    std::optional<z3::expr> t = Tr(e, env);
    if (!t) return std::nullopt;
    return Concrete(*t);
  }

  std::optional<z3::expr> Binary(const RExpr& e, std::vector<Value>& env) {
    using ast::Op;
    std::optional<z3::expr> a = Tr(e.args[0], env);
    std::optional<z3::expr> b = a ? Tr(e.args[1], env) : std::nullopt;
    if (!b) return std::nullopt;
    bool s = physical_.machine_signed;
    switch (e.op) {
      case Op::kAnd:
        return *a && *b;
      case Op::kOr:
        return *a || *b;
      case Op::kImplies:
        return z3::implies(*a, *b);
      case Op::kEq:
        return *a == *b;
      case Op::kNe:
        return *a != *b;
      case Op::kLt:
        return s ? z3::slt(*a, *b) : z3::ult(*a, *b);
      case Op::kLe:
        return s ? z3::sle(*a, *b) : z3::ule(*a, *b);
      case Op::kGt:
        return s ? z3::sgt(*a, *b) : z3::ugt(*a, *b);
      case Op::kGe:
        return s ? z3::sge(*a, *b) : z3::uge(*a, *b);
      case Op::kAdd:
        return *a + *b;
      case Op::kSub:
        return *a - *b;
      case Op::kMul:
        return *a * *b;
      default:
        error = "division is not modelled in machine arithmetic";
        return std::nullopt;
    }
  }

  const Model& model_;
  const PhysicalModel& physical_;
  z3::context& ctx_;
  unsigned bits_;
  std::vector<const Channel*> active_;
  bool declared_only_ = false;  // inside an override's value
};

}  // namespace

std::optional<BigInt> Z3MachineReading(const Model& model,
                                       const PhysicalModel& physical,
                                       const std::vector<int>& channels,
                                       const Policy& policy,
                                       std::string* error) {
  z3::context ctx;
  BvReading bv(model, physical, channels, ctx);
  std::optional<z3::expr> reading = bv.RegisterValue(policy);
  if (!reading) {
    *error = bv.error;
    return std::nullopt;
  }
  z3::expr s = reading->simplify();
  if (!s.is_numeral()) {
    *error = "the register term did not simplify to a numeral";
    return std::nullopt;
  }
  BigInt value(s.get_decimal_string(0));
  BigInt span = BigInt(1) << physical.machine_bits;
  if (physical.machine_signed && value >= span / 2) value -= span;
  return value;
}

}  // namespace aligncheck
