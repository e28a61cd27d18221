// Engine timings on large problems, below the process level that
// bench/run.py measures. Built with -DALIGNCHECK_BENCH=ON; run with
//   ./build/aligncheck_engine_bench
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <string>

#include "readings/check.h"
#include "readings/idealized/idealized.h"
#include "engine_test_util.h"

namespace aligncheck {
namespace {

using namespace test;  // NOLINT
using ast::Op;

struct Big {
  Builder b;
  DomainId x, y;
  int loss, data, label, next;
  // n inputs x m outputs; losses k/8 for random k in 0..7 (ties common)
  // unless `distinct`, weights random 1..3.
  Big(size_t n, size_t m, bool all_tied = false) {
    std::mt19937 rng(7);
    x = b.AddDomain("X", n, "x");
    y = b.AddDomain("Y", m, "y");
    std::vector<Rational> t;
    t.reserve(n * m);
    for (size_t i = 0; i < n * m; ++i) {
      t.push_back(all_tied ? Rational(1) : Rational(rng() % 8, 8));
    }
    loss = b.AddLoss("l", x, y, std::move(t));
    std::vector<Rational> w;
    for (size_t i = 0; i < n; ++i) w.push_back(Rational(1 + rng() % 3));
    data = b.AddData("d", x, std::move(w));
    std::vector<Value> lab, nx;
    for (size_t i = 0; i < n; ++i) {
      lab.push_back(Value::Element(y, rng() % m));
      nx.push_back(Value::Element(x, (i + 1) % n));
    }
    label = b.AddFn("label", x, Type::Element(y), lab);
    next = b.AddFn("next", x, Type::Element(x), nx);
  }
  RExpr PiX(int slot) { return Pi(Var(slot, x), y); }
};

double Run(const Model& model, const Claim& c, Verdict* v,
           EngineOptions o = EngineOptions{}) {
  if (const char* dir = std::getenv("ALIGNCHECK_PERF_DUMP"))
    o.dump_smt2_dir = dir;
  auto start = std::chrono::steady_clock::now();
  *v = CheckClaim(model, c, o);
  std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
  return d.count();
}

void Report(const std::string& what, double s, const Verdict& v) {
  std::string line = what + ": " + std::to_string(s) + " s, " +
                     VerdictName(v.kind) + " via " + v.method +
                     (v.minimizers_capped ? " (count capped)" : "") + " - " +
                     v.reason;
  MESSAGE(line);
}

TEST_CASE("perf: per-input 10000 x 100") {
  Big big(10000, 100);
  // Violated: some minimizer picks an output other than 0 somewhere.
  int g1 = big.b.AddGoal("g1", big.x, big.y,
                         Forall(0, big.x, Eq(big.PiX(0), Elem(big.y, 0))), 1);
  // Holds: every minimizer has loss 0 wherever loss 0 is reachable.
  int g2 = big.b.AddGoal(
      "g2", big.x, big.y,
      Forall(0, big.x,
             Bin(Op::kLe, LossOf(big.loss, Var(0, big.x), big.PiX(0)),
                 Num("1/8"))),
      1);
  Verdict v;
  Claim c1 = big.b.AddClaim("c1", big.loss, g1, big.data);
  Report("10000x100 forall, violated", Run(big.b.model, c1, &v), v);
  CHECK(v.kind == Verdict::Kind::kFails);
  Claim c2 = big.b.AddClaim("c2", big.loss, g2, big.data);
  Report("10000x100 forall, holds", Run(big.b.model, c2, &v), v);
  CHECK(v.kind == Verdict::Kind::kHolds);
  Claim c3 = big.b.AddClaim("c3", big.loss, g2, big.data, Q("0.00001"));
  Report("10000x100 forall, within 1e-5", Run(big.b.model, c3, &v), v);
  CHECK(v.kind != Verdict::Kind::kUnknown);
  Claim c4 = big.b.AddClaim("c4", big.loss, g2, big.data, Q("0.001"));
  Report("10000x100 forall, within 1e-3", Run(big.b.model, c4, &v), v);
  CHECK(v.kind != Verdict::Kind::kUnknown);
  Big tied(10000, 100, true);
  int g3 = tied.b.AddGoal(
      "g3", tied.x, tied.y,
      Exists(0, tied.x,
             Ne(tied.PiX(0),
                FnOf(tied.label, Type::Element(tied.y), Var(0, tied.x)))),
      1);
  Claim c5 = tied.b.AddClaim("c5", tied.loss, g3, tied.data);
  Report("10000x100 all tied, exists, violated", Run(tied.b.model, c5, &v), v);
  CHECK(v.kind == Verdict::Kind::kFails);
}

TEST_CASE("perf: count 10000 x 10") {
  Big big(10000, 10);
  // K = number of inputs whose minimum loss is <= 1/8: every minimizer has
  // exactly K inputs with loss <= 1/8, so count >= K holds at the threshold.
  const Loss& l = big.b.model.losses[big.loss];
  int k = 0;
  for (size_t x = 0; x < 10000; ++x) {
    Rational best = l.At(x, 0, 10);
    for (size_t y = 1; y < 10; ++y) best = std::min(best, l.At(x, y, 10));
    if (best <= Rational(1, 8)) ++k;
  }
  auto goal = [&](Op op, int bound) {
    RExpr low =
        Bin(Op::kLe, LossOf(big.loss, Var(0, big.x), big.PiX(0)), Num("1/8"));
    return big.b.AddGoal("g", big.x, big.y,
                         Bin(op, Count(0, big.x, low), Num(Rational(bound))),
                         1);
  };
  auto labelled = [&](Op op, int bound) {
    RExpr eq =
        Eq(big.PiX(0), FnOf(big.label, Type::Element(big.y), Var(0, big.x)));
    return big.b.AddGoal("g", big.x, big.y,
                         Bin(op, Count(0, big.x, eq), Num(Rational(bound))), 1);
  };
  Verdict v;
  Claim c1 = big.b.AddClaim("c1", big.loss, goal(Op::kGe, k), big.data);
  Report("10000x10 count >= K at the threshold (holds)",
         Run(big.b.model, c1, &v), v);
  CHECK(v.kind == Verdict::Kind::kHolds);
  Claim c2 = big.b.AddClaim("c2", big.loss, goal(Op::kGe, k + 1), big.data);
  Report("10000x10 count >= K+1 (violated)", Run(big.b.model, c2, &v), v);
  CHECK(v.kind == Verdict::Kind::kFails);
  Claim c3 = big.b.AddClaim("c3", big.loss, labelled(Op::kGe, 5000), big.data);
  Report("10000x10 count pi(x)==label(x) >= 5000 (violated)",
         Run(big.b.model, c3, &v), v);
  CHECK(v.kind == Verdict::Kind::kFails);
  Claim c4 = big.b.AddClaim("c4", big.loss, goal(Op::kGe, k - 30), big.data,
                            Q("0.0001"));
  Report("10000x10 count >= K-30 within 1e-4", Run(big.b.model, c4, &v), v);
  CHECK(v.kind != Verdict::Kind::kUnknown);
  Claim c5 = big.b.AddClaim("c5", big.loss, goal(Op::kGe, k - 30), big.data,
                            Q("0.00001"));
  Report("10000x10 count >= K-30 within 1e-5", Run(big.b.model, c5, &v), v);
  CHECK(v.kind != Verdict::Kind::kUnknown);
}

TEST_CASE("perf: z3 cross-input 1000 x 10") {
  Big tied(1000, 10, true);
  // pi(x) == pi(next(x)) for all x: constant policies only; violated.
  RExpr body = Forall(
      0, tied.x,
      Eq(tied.PiX(0),
         Pi(FnOf(tied.next, Type::Element(tied.x), Var(0, tied.x)), tied.y)));
  int g = tied.b.AddGoal("g", tied.x, tied.y, body, 1);
  Verdict v;
  Claim c = tied.b.AddClaim("c", tied.loss, g, tied.data);
  Report("1000x10 tied, forall pi(x)==pi(next(x)), violated",
         Run(tied.b.model, c, &v), v);
  CHECK(v.kind == Verdict::Kind::kFails);
  // Holds: some input's output equals its successor's (there are 10
  // outputs on a 1000-cycle: pigeonhole makes it true for every policy).
  RExpr body2 = Exists(
      0, tied.x,
      Eq(tied.PiX(0),
         Pi(FnOf(tied.next, Type::Element(tied.x), Var(0, tied.x)), tied.y)));
  int g2 = tied.b.AddGoal("g2", tied.x, tied.y, body2, 1);
  Claim c2 = tied.b.AddClaim("c2", tied.loss, g2, tied.data);
  Report("1000x10 tied, exists pi(x)==pi(next(x)), violated",
         Run(tied.b.model, c2, &v), v);
  // Holds: 1001 inputs on a cycle, two tied outputs: an odd cycle cannot
  // alternate, so some input shares its successor's output.
  Big odd(1001, 10);
  for (size_t x = 0; x < 1001; ++x) {
    for (size_t y = 0; y < 10; ++y)
      odd.b.model.losses[odd.loss].table.Set(x * 10 + y, Rational(y < 2 ? 0 : 1));
  }
  RExpr body4 = Exists(
      0, odd.x,
      Eq(odd.PiX(0),
         Pi(FnOf(odd.next, Type::Element(odd.x), Var(0, odd.x)), odd.y)));
  int g4 = odd.b.AddGoal("g4", odd.x, odd.y, body4, 1);
  Claim c4 = odd.b.AddClaim("c4", odd.loss, g4, odd.data);
  Report("1001x10 two tied outputs, exists pi(x)==pi(next(x)) (holds)",
         Run(odd.b.model, c4, &v), v);
  CHECK(v.kind == Verdict::Kind::kHolds);
  Big mixed(1000, 10);
  int g3 = mixed.b.AddGoal(
      "g3", mixed.x, mixed.y,
      Forall(0, mixed.x,
             Eq(mixed.PiX(0),
                Pi(FnOf(mixed.next, Type::Element(mixed.x), Var(0, mixed.x)),
                   mixed.y))),
      1);
  Claim c3 = mixed.b.AddClaim("c3", mixed.loss, g3, mixed.data, Q("0.001"));
  Report("1000x10 random, within 1e-3, forall pi(x)==pi(next(x))",
         Run(mixed.b.model, c3, &v), v);
  CHECK(v.kind != Verdict::Kind::kUnknown);
}

}  // namespace
}  // namespace aligncheck
