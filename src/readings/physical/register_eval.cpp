// The implemented register computation: overrides, sensor, machine wrap.
#include "readings/physical/register_eval.h"

#include <fmt/format.h>

#include "analysis/eval.h"

namespace aligncheck {

BigInt WrapBits(const BigInt& v, int bits, bool is_signed) {
  BigInt span = BigInt(1) << bits;
  BigInt r = v % span;  // truncates toward zero, like C
  if (r < 0) r += span;
  if (is_signed && r >= span / 2) r -= span;
  return r;
}

RegisterComputation::RegisterComputation(const Model& model,
                                         const PhysicalModel& physical,
                                         std::vector<int> channels)
    : model_(model), physical_(physical) {
  for (const Channel& c : physical.implemented) active_.push_back({&c, -1});
  for (int i : channels) active_.push_back({&physical.channels[i], i});
}

bool RegisterComputation::Fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
  return false;
}

const Channel* RegisterComputation::Last(Channel::Target kind,
                                         int index) const {
  const Channel* found = nullptr;
  if (declared_only_) return found;
  for (const Active& a : active_) {
    if (a.channel->target_kind == kind &&
        (index < 0 || a.channel->target_index == index)) {
      found = a.channel;
    }
  }
  return found;
}

Rational RegisterComputation::Number(Rational q) const {
  if (!machine()) return q;
  return Rational(WrapBits(q.get_num() / q.get_den(), physical_.machine_bits,
                           physical_.machine_signed));
}

std::optional<Value> RegisterComputation::Written(const Channel& c,
                                                  std::vector<Value> args) {
  if (args.size() < static_cast<size_t>(std::max(c.slot_count, 0))) {
    args.resize(static_cast<size_t>(c.slot_count));
  }
  Evaluator declared(model_);
  Value v = declared.Eval(c.value, args);
  if (declared.failed()) {
    Fail(fmt::format("{} in the value of '{}'", declared.error(),
                     c.name.empty() ? c.target : c.name));
    return std::nullopt;
  }
  if (v.kind == Type::Kind::kNumber && machine()) {
    if (v.number.get_den() != 1) {
      Fail(fmt::format("'{}' writes {}, which {}-bit arithmetic cannot hold",
                       c.name.empty() ? c.target : c.name,
                       FormatRational(v.number), physical_.machine_bits));
      return std::nullopt;
    }
  }
  if (!machine()) return v;
  // Installed code runs on the same machine as the declared code: every
  // step wraps and comparisons read wrapped values. It still reads the
  // declared fns and losses, not other tampering.
  bool was_declared_only = declared_only_;
  declared_only_ = true;
  std::optional<Value> wrapped = Eval(c.value, args);
  declared_only_ = was_declared_only;
  return wrapped;
}

bool RegisterComputation::Build() {
  const Loss& loss = model_.losses[physical_.register_loss];
  inputs_ = model_.domains[loss.input].size();
  outputs_ = model_.domains[loss.output].size();
  for (const Active& a : active_) {
    if (a.channel->target_kind != Channel::Target::kRegister) continue;
    std::optional<Value> v = Written(*a.channel, {});
    if (!v) return false;
    overwritten_ = true;
    overwrite_channel_ = a.index;
    overwrite_value_ = v->number;
  }
  sensor_.assign(inputs_, -1);
  if (const Channel* s = Last(Channel::Target::kSensor, -1)) {
    for (uint32_t x = 0; x < inputs_; ++x) {
      std::optional<Value> v = Written(*s, {Value::Element(loss.input, x)});
      if (!v) return false;
      sensor_[x] = v->index;
    }
  }
  terms_.assign(inputs_ * outputs_, Rational(0));
  for (uint32_t x = 0; x < inputs_; ++x) {
    for (uint32_t y = 0; y < outputs_; ++y) {
      std::optional<Rational> t = Entry(physical_.register_loss, x, y);
      if (!t) return false;
      terms_[x * outputs_ + y] = *t;
    }
  }
  return true;
}

std::optional<Rational> RegisterComputation::Entry(int id, uint32_t x,
                                                   uint32_t y) {
  const Loss& loss = model_.losses[id];
  size_t m = model_.domains[loss.output].size();
  auto key =
      std::make_tuple(declared_only_, id, static_cast<size_t>(x) * m + y);
  if (auto it = memo_.find(key); it != memo_.end()) return it->second;
  std::optional<Rational> out;
  if (const Channel* c = Last(Channel::Target::kLoss, id)) {
    std::optional<Value> v = Written(
        *c, {Value::Element(loss.input, x), Value::Element(loss.output, y)});
    if (!v) return std::nullopt;
    out = v->number;
  } else if (loss.expr) {
    std::vector<Value> env(static_cast<size_t>(std::max(loss.expr_slots, 2)));
    env[0] = Value::Element(loss.input, x);
    env[1] = Value::Element(loss.output, y);
    std::optional<Value> v = Eval(*loss.expr, env);
    if (!v) return std::nullopt;
    out = v->number;
  } else {
    out = Number(loss.At(x, y, m));
  }
  memo_.emplace(key, *out);
  return out;
}

std::optional<Value> RegisterComputation::Eval(const RExpr& e,
                                               std::vector<Value>& env) {
  using K = RExpr::Kind;
  switch (e.kind) {
    case K::kConst:
      if (e.constant.kind == Type::Kind::kNumber) {
        if (machine() && e.constant.number.get_den() != 1) {
          Fail(fmt::format("{} is not a whole number",
                           FormatRational(e.constant.number)));
          return std::nullopt;
        }
        return Value::Number(Number(e.constant.number));
      }
      return e.constant;
    case K::kVar:
      return env[e.slot];
    case K::kPolicy:
      Fail("internal: a loss applies the policy");
      return std::nullopt;
    case K::kLoss: {
      std::optional<Value> x = Eval(e.args[0], env);
      if (!x) return std::nullopt;
      std::optional<Value> y = Eval(e.args[1], env);
      if (!y) return std::nullopt;
      std::optional<Rational> t = Entry(e.callee, x->index, y->index);
      if (!t) return std::nullopt;
      return Value::Number(*t);
    }
    case K::kFn: {
      std::optional<Value> x = Eval(e.args[0], env);
      if (!x) return std::nullopt;
      if (const Channel* c = Last(Channel::Target::kFn, e.callee)) {
        return Written(*c, {*x});
      }
      Value v = model_.fns[e.callee].table[x->index];
      if (v.kind == Type::Kind::kNumber) {
        if (machine() && v.number.get_den() != 1) {
          Fail(fmt::format("fn '{}' gives {}, not a whole number",
                           model_.fns[e.callee].name,
                           FormatRational(v.number)));
          return std::nullopt;
        }
        v.number = Number(v.number);
      }
      return v;
    }
    case K::kToNumber: {
      std::optional<Value> x = Eval(e.args[0], env);
      if (!x) return std::nullopt;
      const Domain& d = model_.domains[x->domain];
      return Value::Number(
          Number(Rational(BigInt(std::to_string(d.lo))) + Rational(x->index)));
    }
    case K::kUnary: {
      std::optional<Value> v = Eval(e.args[0], env);
      if (!v) return std::nullopt;
      if (e.op == ast::Op::kNot) return Value::Bool(!v->boolean);
      return Value::Number(Number(-v->number));
    }
    case K::kBinary:
      return Binary(e, env);
    case K::kForall:
    case K::kExists:
    case K::kCount:
    case K::kSum: {
      size_t n = model_.domains[e.domain].size();
      Rational total = 0;
      bool any = false, all = true;
      for (uint32_t i = 0; i < n; ++i) {
        env[e.slot] = Value::Element(e.domain, i);
        std::optional<Value> v = Eval(e.args[0], env);
        if (!v) return std::nullopt;
        if (e.kind == K::kSum) {
          total = Number(total + v->number);
        } else {
          any = any || v->boolean;
          all = all && v->boolean;
          if (v->boolean) total = Number(total + 1);
        }
      }
      if (e.kind == K::kForall) return Value::Bool(all);
      if (e.kind == K::kExists) return Value::Bool(any);
      return Value::Number(total);
    }
    case K::kIf: {
      std::optional<Value> c = Eval(e.args[0], env);
      if (!c) return std::nullopt;
      return Eval(e.args[c->boolean ? 1 : 2], env);
    }
    case K::kMember: {
      std::optional<Value> v = Eval(e.args[0], env);
      if (!v) return std::nullopt;
      for (const Value& candidate : e.set) {
        if (ValuesEqual(*v, candidate)) return Value::Bool(true);
      }
      return Value::Bool(false);
    }
    case K::kReturn:
    case K::kProb:
      break;  // runs of an MDP: not part of a register's code
  }
  Fail("internal: unknown expression");
  return std::nullopt;
}

std::optional<Value> RegisterComputation::Binary(const RExpr& e,
                                                 std::vector<Value>& env) {
  using ast::Op;
  std::optional<Value> a = Eval(e.args[0], env);
  if (!a) return std::nullopt;
  // Short-circuit as the reference evaluator does, so errors agree.
  if (e.op == Op::kAnd && !a->boolean) return Value::Bool(false);
  if (e.op == Op::kOr && a->boolean) return Value::Bool(true);
  if (e.op == Op::kImplies && !a->boolean) return Value::Bool(true);
  std::optional<Value> b = Eval(e.args[1], env);
  if (!b) return std::nullopt;
  switch (e.op) {
    case Op::kAnd:
    case Op::kOr:
    case Op::kImplies:
      return Value::Bool(b->boolean);
    case Op::kEq:
      return Value::Bool(ValuesEqual(*a, *b));
    case Op::kNe:
      return Value::Bool(!ValuesEqual(*a, *b));
    case Op::kLt:
      return Value::Bool(a->number < b->number);
    case Op::kLe:
      return Value::Bool(a->number <= b->number);
    case Op::kGt:
      return Value::Bool(a->number > b->number);
    case Op::kGe:
      return Value::Bool(a->number >= b->number);
    case Op::kAdd:
      return Value::Number(Number(a->number + b->number));
    case Op::kSub:
      return Value::Number(Number(a->number - b->number));
    case Op::kMul:
      return Value::Number(Number(a->number * b->number));
    case Op::kDiv:
      if (machine()) {
        Fail("division is not modelled in machine arithmetic");
        return std::nullopt;
      }
      if (b->number == 0) {
        Fail("division by zero in the register's loss");
        return std::nullopt;
      }
      return Value::Number(a->number / b->number);
    default:
      break;
  }
  Fail("internal: unknown operator");
  return std::nullopt;
}

Rational RegisterComputation::Contribution(size_t x, uint32_t y) const {
  const Data& data = model_.data[physical_.register_data];
  const Rational& term = Term(x, Observed(x, y));
  if (machine()) return data.weights[x] * term;
  return data.weights[x] * term / data.total;
}

Rational RegisterComputation::Finish(const Rational& sum) const {
  if (overwritten_) return overwrite_value_;
  return Number(sum);
}

RegisterReading RegisterComputation::Read(const Policy& policy) const {
  RegisterReading r;
  Rational sum = 0;
  for (size_t x = 0; x < inputs_; ++x) {
    uint32_t seen = Observed(x, policy[x]);
    r.observed.push_back(seen);
    r.terms.push_back(Term(x, seen));
    sum += Contribution(x, policy[x]);
  }
  r.value = Finish(sum);
  r.overwritten = overwritten_;
  r.overwritten_by = overwritten_ ? overwrite_channel_ : -1;
  return r;
}

}  // namespace aligncheck
