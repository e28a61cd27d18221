// Goal shapes: conjunct splitting and recognition of per-input count atoms.
#include "solve/goal_shape.h"

#include "analysis/eval.h"

namespace aligncheck {

bool UsesPolicy(const RExpr& e) {
  // Returns and probabilities of runs depend on the whole policy.
  if (e.kind == RExpr::Kind::kPolicy || e.kind == RExpr::Kind::kReturn ||
      e.kind == RExpr::Kind::kProb) {
    return true;
  }
  for (const RExpr& a : e.args) {
    if (UsesPolicy(a)) return true;
  }
  return false;
}

bool PolicyOnlyAt(const RExpr& e, int slot) {
  using K = RExpr::Kind;
  if (e.kind == K::kPolicy) {
    const RExpr& arg = e.args[0];
    return arg.kind == K::kVar && arg.slot == slot;
  }
  if ((e.kind == K::kForall || e.kind == K::kExists || e.kind == K::kCount ||
       e.kind == K::kSum) &&
      e.slot == slot && UsesPolicy(e)) {
    return false;
  }
  for (const RExpr& a : e.args) {
    if (!PolicyOnlyAt(a, slot)) return false;
  }
  return true;
}

bool IsComparison(ast::Op op) {
  using ast::Op;
  return op == Op::kEq || op == Op::kNe || op == Op::kLt || op == Op::kLe ||
         op == Op::kGt || op == Op::kGe;
}

ast::Op MirrorComparison(ast::Op op) {
  using ast::Op;
  switch (op) {
    case Op::kLt:
      return Op::kGt;
    case Op::kLe:
      return Op::kGe;
    case Op::kGt:
      return Op::kLt;
    case Op::kGe:
      return Op::kLe;
    default:
      return op;
  }
}

void SplitConjuncts(const RExpr& e, bool negated, std::vector<Conjunct>* out) {
  using K = RExpr::Kind;
  using ast::Op;
  if (e.kind == K::kUnary && e.op == Op::kNot) {
    SplitConjuncts(e.args[0], !negated, out);
    return;
  }
  if (e.kind == K::kBinary) {
    if (e.op == Op::kAnd && !negated) {
      SplitConjuncts(e.args[0], false, out);
      SplitConjuncts(e.args[1], false, out);
      return;
    }
    if (e.op == Op::kOr && negated) {
      SplitConjuncts(e.args[0], true, out);
      SplitConjuncts(e.args[1], true, out);
      return;
    }
    if (e.op == Op::kImplies && negated) {
      SplitConjuncts(e.args[0], false, out);
      SplitConjuncts(e.args[1], true, out);
      return;
    }
  }
  out->push_back({&e, negated});
}

namespace {

bool Compare(const Rational& a, ast::Op op, const Rational& b) {
  using ast::Op;
  switch (op) {
    case Op::kEq:
      return a == b;
    case Op::kNe:
      return a != b;
    case Op::kLt:
      return a < b;
    case Op::kLe:
      return a <= b;
    case Op::kGt:
      return a > b;
    case Op::kGe:
      return a >= b;
    default:
      return false;
  }
}

// A quantifier or count over the policy's inputs whose body is per-input.
bool IsPerInputBinder(const Goal& goal, const RExpr& e) {
  return e.domain == goal.input && PolicyOnlyAt(e.args[0], e.slot);
}

}  // namespace

ConjunctShape ClassifyConjunct(const Model& model, const Goal& goal,
                               const Conjunct& c) {
  using K = RExpr::Kind;
  ConjunctShape shape;
  const RExpr& e = *c.expr;
  const size_t n = model.domains[goal.input].size();
  if (!UsesPolicy(e)) {
    Evaluator ev(model);
    std::vector<Value> env(goal.slot_count);
    bool v = ev.Eval(e, env).boolean;
    if (ev.failed()) shape.error = ev.error();
    shape.kind = ConjunctShape::Kind::kConstant;
    shape.constant = v != c.negated;
    return shape;
  }
  CountAtom& atom = shape.atom;
  atom.good.assign(n + 1, 0);
  if ((e.kind == K::kForall || e.kind == K::kExists) &&
      IsPerInputBinder(goal, e)) {
    atom.pred = &e.args[0];
    atom.slot = e.slot;
    for (size_t k = 0; k <= n; ++k) {
      bool holds = e.kind == K::kForall ? k == n : k >= 1;
      atom.good[k] = holds != c.negated;
    }
    atom.is_forall = e.kind == K::kForall && !c.negated;
    // not exists x: P  ==  forall x: not P, for breaks; the count atom is
    // over P itself so the flag stays off.
    shape.kind = ConjunctShape::Kind::kCount;
    return shape;
  }
  if (e.kind == K::kBinary && IsComparison(e.op)) {
    for (int side = 0; side < 2; ++side) {
      const RExpr& count = e.args[side];
      const RExpr& other = e.args[1 - side];
      if (count.kind != K::kCount || !IsPerInputBinder(goal, count) ||
          UsesPolicy(other)) {
        continue;
      }
      Evaluator ev(model);
      std::vector<Value> env(goal.slot_count);
      Rational bound = ev.Eval(other, env).number;
      if (ev.failed()) {
        shape.error = ev.error();
        return shape;
      }
      ast::Op op = side == 0 ? e.op : MirrorComparison(e.op);
      atom.pred = &count.args[0];
      atom.slot = count.slot;
      for (size_t k = 0; k <= n; ++k) {
        atom.good[k] = Compare(Rational(static_cast<unsigned long>(k)), op,
                               bound) != c.negated;
      }
      shape.kind = ConjunctShape::Kind::kCount;
      return shape;
    }
  }
  shape.kind = ConjunctShape::Kind::kOther;
  return shape;
}

std::vector<int8_t> ComputeBreaks(const Model& model, const Goal& goal,
                                  const Policy& policy) {
  using K = RExpr::Kind;
  const size_t n = model.domains[goal.input].size();
  std::vector<int8_t> breaks(n, -1);
  std::vector<Conjunct> conjuncts;
  SplitConjuncts(goal.body, false, &conjuncts);
  // Each conjunct must be a quantifier over X of a per-input P. P breaks
  // at x when it is false under a positive quantifier (forall: that x fails;
  // exists: no x succeeds) and when it is true under a negated one.
  struct PerInput {
    const RExpr* pred;
    int slot;
    bool negated;
  };
  std::vector<PerInput> preds;
  for (const Conjunct& c : conjuncts) {
    const RExpr& e = *c.expr;
    if ((e.kind != K::kForall && e.kind != K::kExists) ||
        e.domain != goal.input || !PolicyOnlyAt(e.args[0], e.slot)) {
      return breaks;
    }
    preds.push_back({&e.args[0], e.slot, c.negated});
  }
  Evaluator ev(model, &policy);
  std::vector<Value> env(goal.slot_count);
  // Only the conjuncts the policy violates say where it breaks.
  std::vector<PerInput> violated;
  for (size_t i = 0; i < preds.size(); ++i) {
    if (ev.Eval(*conjuncts[i].expr, env).boolean == conjuncts[i].negated) {
      violated.push_back(preds[i]);
    }
  }
  preds.swap(violated);
  if (preds.empty()) return breaks;
  for (size_t x = 0; x < n; ++x) {
    bool broken = false;
    for (const PerInput& p : preds) {
      env[p.slot] = Value::Element(goal.input, static_cast<uint32_t>(x));
      bool v = ev.Eval(*p.pred, env).boolean;
      if (v == p.negated) broken = true;
    }
    breaks[x] = broken ? 1 : 0;
  }
  return breaks;
}

}  // namespace aligncheck
