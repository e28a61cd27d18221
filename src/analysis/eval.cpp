// The reference evaluator: direct, exact, short-circuiting.
#include "analysis/eval.h"

#include "mdp/path_goal.h"
#include "mdp/returns.h"

namespace aligncheck {

namespace {

/// `action` at a terminal position has no value (mdp/path_goal.h).
bool NoValue(const Value& v) {
  return v.kind == Type::Kind::kElement && v.index == kNoAction;
}

}  // namespace

bool ValuesEqual(const Value& a, const Value& b) {
  switch (a.kind) {
    case Type::Kind::kBool:
      return b.kind == Type::Kind::kBool && a.boolean == b.boolean;
    case Type::Kind::kNumber:
      return b.kind == Type::Kind::kNumber && a.number == b.number;
    case Type::Kind::kElement:
      return b.kind == Type::Kind::kElement && a.domain == b.domain &&
             a.index == b.index;
  }
  return false;
}

void Evaluator::Fail(const RExpr& e, std::string message) {
  if (error_.empty()) {
    error_ = std::move(message);
    error_span_ = e.span;
  }
}

bool Evaluator::Truth(const RExpr& e, std::vector<Value>& env) {
  return Eval(e, env).boolean;
}

Value Evaluator::Eval(const RExpr& e, std::vector<Value>& env) {
  using K = RExpr::Kind;
  switch (e.kind) {
    case K::kConst:
      return e.constant;
    case K::kVar:
      return env[e.slot];
    case K::kPolicy: {
      Value x = Eval(e.args[0], env);
      if (NoValue(x)) return NoValueUse(e);
      if (terminal_ != nullptr && (*terminal_)[x.index]) {
        return Value::Element(e.type.domain, kNoAction);
      }
      return Value::Element(e.type.domain, (*policy_)[x.index]);
    }
    case K::kLoss: {
      const Loss& loss = model_.losses[e.callee];
      Value x = Eval(e.args[0], env);
      Value y = Eval(e.args[1], env);
      if (NoValue(x) || NoValue(y)) return NoValueUse(e);
      return Value::Number(
          loss.At(x.index, y.index, model_.domains[loss.output].size()));
    }
    case K::kFn: {
      const Function& fn = model_.fns[e.callee];
      Value x = Eval(e.args[0], env);
      if (NoValue(x)) return NoValueUse(e);
      return fn.table[x.index];
    }
    case K::kToNumber: {
      Value x = Eval(e.args[0], env);
      if (NoValue(x)) return NoValueUse(e);
      const Domain& d = model_.domains[x.domain];
      return Value::Number(Rational(BigInt(std::to_string(d.lo))) +
                           Rational(x.index));
    }
    case K::kUnary: {
      Value v = Eval(e.args[0], env);
      if (e.op == ast::Op::kNot) return Value::Bool(!v.boolean);
      return Value::Number(-v.number);
    }
    case K::kBinary:
      return Binary(e, env);
    case K::kForall:
    case K::kExists: {
      bool want = e.kind == K::kExists;
      size_t n = model_.domains[e.domain].size();
      for (uint32_t i = 0; i < n; ++i) {
        env[e.slot] = Value::Element(e.domain, i);
        if (Truth(e.args[0], env) == want) return Value::Bool(want);
        if (failed()) break;
      }
      return Value::Bool(!want);
    }
    case K::kCount: {
      size_t n = model_.domains[e.domain].size();
      unsigned long count = 0;
      for (uint32_t i = 0; i < n; ++i) {
        env[e.slot] = Value::Element(e.domain, i);
        if (Truth(e.args[0], env)) ++count;
      }
      return Value::Number(Rational(count));
    }
    case K::kSum: {
      size_t n = model_.domains[e.domain].size();
      Rational total = 0;
      for (uint32_t i = 0; i < n; ++i) {
        env[e.slot] = Value::Element(e.domain, i);
        total += Eval(e.args[0], env).number;
      }
      return Value::Number(total);
    }
    case K::kIf:
      return Truth(e.args[0], env) ? Eval(e.args[1], env)
                                   : Eval(e.args[2], env);
    case K::kMember: {
      Value v = Eval(e.args[0], env);
      for (const Value& candidate : e.set) {
        if (ValuesEqual(v, candidate)) return Value::Bool(true);
      }
      return Value::Bool(false);
    }
    case K::kReturn:
      return Value::Number(Return(e));
    case K::kProb:
      return Value::Number(Probability(e, env));
  }
  return Value::Bool(false);
}

Value Evaluator::NoValueUse(const RExpr& e) {
  Fail(e, "no action is taken at a terminal state (`action` and pi have no "
          "value there)");
  return e.type.kind == Type::Kind::kNumber ? Value::Number(0)
                                            : Value::Bool(false);
}

Reward TransitionReward(const Mdp& m, const Loss& loss) {
  if (loss.successor != kNoDomain) {
    return RewardOfTransition(m, [&](uint32_t s, uint32_t a, uint32_t s2) {
      return loss.table[(static_cast<size_t>(s) * m.actions + a) * m.states +
                        s2];
    });
  }
  return RewardOfStateAction(m, [&](uint32_t s, uint32_t a) {
    return loss.table[static_cast<size_t>(s) * m.actions + a];
  });
}

Rational Evaluator::Return(const RExpr& e) {
  const Mdp& m = model_.mdps[e.callee].mdp;
  Reward r = TransitionReward(m, model_.losses[e.slot]);
  return FromStart(m, PolicyValues(m, r, *policy_));
}

Rational Evaluator::Probability(const RExpr& e, std::vector<Value>& env) {
  return PathProbability(model_.mdps[e.callee].mdp, *policy_, Path(e, env));
}

PathFormula Evaluator::Path(const RExpr& e, std::vector<Value>& env) {
  const MdpModel& model = model_.mdps[e.callee];
  const Mdp& m = model.mdp;
  auto predicate = [&](const RExpr& f) {
    return PositionPredicate::Of(
        m, [&](uint32_t s, std::optional<uint32_t> a) {
          env[e.slot] = Value::Element(model.states, s);
          env[e.slot + 1] = Value::Element(model.actions, a ? *a : kNoAction);
          return Truth(f, env);
        });
  };
  PathFormula phi;
  if (e.op == ast::Op::kUntil) {
    phi = PathFormula::Until(predicate(e.args[0]), predicate(e.args[1]));
  } else if (e.op == ast::Op::kAlways) {
    phi = PathFormula::Always(predicate(e.args[0]));
  } else if (e.constant.kind == Type::Kind::kNumber) {
    phi = PathFormula::EventuallyWithin(e.constant.number.get_num().get_ui(),
                                        predicate(e.args[0]));
  } else {
    phi = PathFormula::Eventually(predicate(e.args[0]));
  }
  return phi;
}

Value Evaluator::Binary(const RExpr& e, std::vector<Value>& env) {
  using ast::Op;
  switch (e.op) {
    case Op::kAnd:
      return Value::Bool(Truth(e.args[0], env) && Truth(e.args[1], env));
    case Op::kOr:
      return Value::Bool(Truth(e.args[0], env) || Truth(e.args[1], env));
    case Op::kImplies:
      return Value::Bool(!Truth(e.args[0], env) || Truth(e.args[1], env));
    default:
      break;
  }
  Value a = Eval(e.args[0], env);
  Value b = Eval(e.args[1], env);
  switch (e.op) {
    case Op::kEq:
      return Value::Bool(ValuesEqual(a, b));
    case Op::kNe:
      // A comparison with `action` where it has no value is false.
      return Value::Bool(!NoValue(a) && !NoValue(b) && !ValuesEqual(a, b));
    case Op::kLt:
      return Value::Bool(a.number < b.number);
    case Op::kLe:
      return Value::Bool(a.number <= b.number);
    case Op::kGt:
      return Value::Bool(a.number > b.number);
    case Op::kGe:
      return Value::Bool(a.number >= b.number);
    case Op::kAdd:
      return Value::Number(a.number + b.number);
    case Op::kSub:
      return Value::Number(a.number - b.number);
    case Op::kMul:
      return Value::Number(a.number * b.number);
    case Op::kDiv:
      if (b.number == 0) {
        Fail(e, "division by zero");
        return Value::Number(0);
      }
      return Value::Number(a.number / b.number);
    default:
      return Value::Bool(false);
  }
}

bool Evaluator::GoalHolds(const Goal& goal) {
  std::vector<Value> env(goal.slot_count);
  return Eval(goal.body, env).boolean;
}

Rational ExpectedLoss(const Model& model, const Loss& loss, const Data& data,
                      const Policy& policy) {
  size_t m = model.domains[loss.output].size();
  Rational sum = 0;
  for (size_t x = 0; x < policy.size(); ++x) {
    if (data.weights[x] == 0) continue;
    sum += data.weights[x] * loss.At(x, policy[x], m);
  }
  return sum / data.total;
}

}  // namespace aligncheck
