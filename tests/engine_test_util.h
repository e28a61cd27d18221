// Builders for resolved models and expressions, so engine tests do not need
// the parser.
#ifndef ALIGNCHECK_TESTS_ENGINE_TEST_UTIL_H_
#define ALIGNCHECK_TESTS_ENGINE_TEST_UTIL_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/model.h"
#include "util/rational.h"

namespace aligncheck::test {

/// "0.25", "-3" or "1/3" as an exact rational.
inline Rational Q(const std::string& text) {
  if (text.find('/') != std::string::npos) {
    Rational q(text);
    q.canonicalize();
    return q;
  }
  return *ParseDecimal(text);
}

inline RExpr Node(RExpr::Kind kind, Type type, std::vector<RExpr> args = {}) {
  RExpr e;
  e.kind = kind;
  e.type = type;
  e.args = std::move(args);
  return e;
}
inline RExpr Num(const Rational& q) {
  RExpr e = Node(RExpr::Kind::kConst, Type::Number());
  e.constant = Value::Number(q);
  return e;
}
inline RExpr Num(const std::string& q) { return Num(Q(q)); }
inline RExpr Bool(bool b) {
  RExpr e = Node(RExpr::Kind::kConst, Type::Bool());
  e.constant = Value::Bool(b);
  return e;
}
inline RExpr Elem(DomainId d, uint32_t i) {
  RExpr e = Node(RExpr::Kind::kConst, Type::Element(d));
  e.constant = Value::Element(d, i);
  return e;
}
inline RExpr Var(int slot, DomainId d) {
  RExpr e = Node(RExpr::Kind::kVar, Type::Element(d));
  e.slot = slot;
  return e;
}
inline RExpr Pi(RExpr arg, DomainId out) {
  return Node(RExpr::Kind::kPolicy, Type::Element(out), {std::move(arg)});
}
inline RExpr LossOf(int id, RExpr x, RExpr y) {
  RExpr e =
      Node(RExpr::Kind::kLoss, Type::Number(), {std::move(x), std::move(y)});
  e.callee = id;
  return e;
}
inline RExpr FnOf(int id, Type to, RExpr x) {
  RExpr e = Node(RExpr::Kind::kFn, to, {std::move(x)});
  e.callee = id;
  return e;
}
inline RExpr Not(RExpr a) {
  RExpr e = Node(RExpr::Kind::kUnary, Type::Bool(), {std::move(a)});
  e.op = ast::Op::kNot;
  return e;
}
inline RExpr Bin(ast::Op op, RExpr a, RExpr b) {
  using ast::Op;
  bool numeric =
      op == Op::kAdd || op == Op::kSub || op == Op::kMul || op == Op::kDiv;
  RExpr e = Node(RExpr::Kind::kBinary, numeric ? Type::Number() : Type::Bool(),
                 {std::move(a), std::move(b)});
  e.op = op;
  return e;
}
inline RExpr And(RExpr a, RExpr b) {
  return Bin(ast::Op::kAnd, std::move(a), std::move(b));
}
inline RExpr Or(RExpr a, RExpr b) {
  return Bin(ast::Op::kOr, std::move(a), std::move(b));
}
inline RExpr Implies(RExpr a, RExpr b) {
  return Bin(ast::Op::kImplies, std::move(a), std::move(b));
}
inline RExpr Eq(RExpr a, RExpr b) {
  return Bin(ast::Op::kEq, std::move(a), std::move(b));
}
inline RExpr Ne(RExpr a, RExpr b) {
  return Bin(ast::Op::kNe, std::move(a), std::move(b));
}
inline RExpr Binder(RExpr::Kind kind, int slot, DomainId d, RExpr body) {
  RExpr e = Node(kind,
                 kind == RExpr::Kind::kCount || kind == RExpr::Kind::kSum
                     ? Type::Number()
                     : Type::Bool(),
                 {std::move(body)});
  e.slot = slot;
  e.domain = d;
  return e;
}
inline RExpr Forall(int slot, DomainId d, RExpr body) {
  return Binder(RExpr::Kind::kForall, slot, d, std::move(body));
}
inline RExpr Exists(int slot, DomainId d, RExpr body) {
  return Binder(RExpr::Kind::kExists, slot, d, std::move(body));
}
inline RExpr Count(int slot, DomainId d, RExpr body) {
  return Binder(RExpr::Kind::kCount, slot, d, std::move(body));
}
inline RExpr Sum(int slot, DomainId d, RExpr body) {
  return Binder(RExpr::Kind::kSum, slot, d, std::move(body));
}
inline RExpr If(RExpr c, RExpr a, RExpr b) {
  Type t = a.type;
  return Node(RExpr::Kind::kIf, t, {std::move(c), std::move(a), std::move(b)});
}
inline RExpr Member(RExpr a, DomainId d, const std::vector<uint32_t>& set) {
  RExpr e = Node(RExpr::Kind::kMember, Type::Bool(), {std::move(a)});
  for (uint32_t i : set) e.set.push_back(Value::Element(d, i));
  return e;
}

/// A model under construction with one claim per AddClaim.
struct Builder {
  Model model;

  DomainId AddDomain(const std::string& name, size_t size,
                     const std::string& prefix) {
    Domain d;
    d.name = name;
    for (size_t i = 0; i < size; ++i)
      d.values.push_back(prefix + std::to_string(i));
    model.domains.push_back(std::move(d));
    return static_cast<DomainId>(model.domains.size() - 1);
  }
  int AddLoss(const std::string& name, DomainId in, DomainId out,
              std::vector<Rational> table) {
    Loss l;
    l.name = name;
    l.input = in;
    l.output = out;
    l.table = DenseTable(table.size());
    for (size_t i = 0; i < table.size(); ++i) l.table.Set(i, table[i]);
    model.losses.push_back(std::move(l));
    return static_cast<int>(model.losses.size() - 1);
  }
  int AddData(const std::string& name, DomainId d, std::vector<Rational> w) {
    Data data;
    data.name = name;
    data.domain = d;
    data.total = 0;
    for (const Rational& q : w) data.total += q;
    data.weights = std::move(w);
    model.data.push_back(std::move(data));
    return static_cast<int>(model.data.size() - 1);
  }
  int AddFn(const std::string& name, DomainId from, Type to,
            std::vector<Value> table) {
    Function f;
    f.name = name;
    f.from = from;
    f.to = to;
    f.table = std::move(table);
    model.fns.push_back(std::move(f));
    return static_cast<int>(model.fns.size() - 1);
  }
  int AddGoal(const std::string& name, DomainId in, DomainId out, RExpr body,
              int slot_count) {
    Goal g;
    g.name = name;
    g.input = in;
    g.output = out;
    g.body = std::move(body);
    g.slot_count = slot_count;
    model.goals.push_back(std::move(g));
    return static_cast<int>(model.goals.size() - 1);
  }
  Claim& AddClaim(const std::string& name, int loss, int goal, int data,
                  std::optional<Rational> within = std::nullopt) {
    Claim c;
    c.name = name;
    c.reading = Claim::Reading::kIdealized;
    c.loss = loss;
    c.goal = goal;
    c.data = data;
    if (within) {
      c.has_within = true;
      c.within = *within;
    }
    model.claims.push_back(std::move(c));
    return model.claims.back();
  }
};

}  // namespace aligncheck::test

#endif  // ALIGNCHECK_TESTS_ENGINE_TEST_UTIL_H_
