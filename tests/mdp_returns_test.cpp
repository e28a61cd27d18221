// Exact returns, Q* and optimal-action sets: DESIGN's boat race and ties.
#include "mdp/returns.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

#include "mdp/lifting_solve.h"
#include "mdp/linear_system.h"
#include "mdp/mdp.h"

namespace aligncheck {
namespace {

enum Tile : uint32_t { t0, t1, t2, t3 };
enum Move : uint32_t { cw, ccw };

Mdp BoatRace() {
  MdpBuilder b(4, 2);
  b.SetDiscount(Rational(9, 10));
  b.SetStartWeight(t0, 1);
  for (uint32_t s = 0; s < 4; ++s) {
    b.SetNext(s, cw, (s + 1) % 4);
    b.SetNext(s, ccw, (s + 3) % 4);
  }
  b.SetNames({"t0", "t1", "t2", "t3"}, {"cw", "ccw"});
  std::string error;
  Mdp m = b.Build(&error);
  REQUIRE(error == "");
  return m;
}

Reward Checkpoint(const Mdp& m) {
  return RewardOfStateAction(m, [](uint32_t s, uint32_t a) {
    return Rational(s == t0 && a == cw ? 3 : 0);
  });
}

Reward Progress(const Mdp& m) {
  return RewardOfStateAction(
      m, [](uint32_t, uint32_t a) { return Rational(a == cw ? 1 : -1); });
}

TEST_CASE("mdp returns: the boat race numbers of DESIGN") {
  Mdp m = BoatRace();
  Optimum opt = OptimalValues(m, Checkpoint(m), AllActions(m));
  REQUIRE(opt.ok);
  CHECK(opt.start_value == Rational(300, 19));
  CHECK(opt.optimal[m.Choice(t0, cw)]);
  CHECK(!opt.optimal[m.Choice(t0, ccw)]);
  CHECK(opt.optimal[m.Choice(t1, ccw)]);
  CHECK(!opt.optimal[m.Choice(t1, cw)]);

  Extreme worst = ExtremeReturn(m, Progress(m), opt.optimal, Sense::kMin);
  REQUIRE(worst.exact());
  CHECK(worst.value == Rational(10, 19));
  Extreme best = ExtremeReturn(m, Progress(m), opt.optimal, Sense::kMax);
  CHECK(best.value == Rational(10, 19));

  Policy clockwise(4, cw);
  CHECK(FromStart(m, PolicyValues(m, Checkpoint(m), clockwise)) ==
        Rational(30000, 3439));
  CHECK(FromStart(m, PolicyValues(m, Progress(m), clockwise)) == 10);

  Optimum progress = OptimalValues(m, Progress(m), AllActions(m));
  REQUIRE(progress.ok);
  CHECK(progress.start_value == 10);
  for (uint32_t s = 0; s < 4; ++s) {
    CHECK(progress.optimal[m.Choice(s, cw)]);
    CHECK(!progress.optimal[m.Choice(s, ccw)]);
  }
}

TEST_CASE("mdp returns: discount 15/16 makes two actions exactly optimal") {
  // From s0: `wait` stays one step and then takes the exit worth 16; `go`
  // takes an exit worth 15 now. 15/16 * 16 == 15: a tie, decided exactly.
  MdpBuilder b(3, 2);
  b.SetDiscount(Rational(15, 16));
  b.SetStartWeight(0, 1);
  b.SetTerminal(2);
  b.SetNext(0, 0, 1);  // wait
  b.SetNext(0, 1, 2);  // go
  b.SetNext(1, 0, 2);
  b.SetNext(1, 1, 2);
  std::string error;
  Mdp m = b.Build(&error);
  REQUIRE(error == "");
  Reward r = RewardOfStateAction(m, [](uint32_t s, uint32_t a) {
    return Rational(s == 1 ? 16 : a == 1 ? 15 : 0);
  });
  Optimum opt = OptimalValues(m, r, AllActions(m));
  REQUIRE(opt.ok);
  CHECK(opt.v[0] == 15);
  CHECK(opt.optimal[m.Choice(0, 0)]);
  CHECK(opt.optimal[m.Choice(0, 1)]);
  CHECK(opt.q[m.Choice(0, 0)] == opt.q[m.Choice(0, 1)]);
}

TEST_CASE("mdp returns: terminal transitions pay their reward, then stop") {
  MdpBuilder b(2, 1);
  b.SetDiscount(Rational(1, 2));
  b.SetStartWeight(0, 1);
  b.SetTerminal(1);
  b.SetSuccessors(0, 0, {{0, Rational(1, 2)}, {1, Rational(1, 2)}});
  b.SetNext(1, 0, 1);
  std::string error;
  Mdp m = b.Build(&error);
  REQUIRE(error == "");
  Reward r = RewardOfTransition(
      m, [](uint32_t, uint32_t, uint32_t s2) { return Rational(s2 == 1 ? 4 : 1); });
  // V = 1/2 (1 + V/2) + 1/2 * 4  =>  V = 10/3.
  CHECK(PolicyValues(m, r, Policy{0, 0})[0] == Rational(10, 3));
}

TEST_CASE("mdp validation names the first problem") {
  MdpBuilder b(2, 1);
  b.SetDiscount(1);
  b.SetStartWeight(0, 1);
  b.SetNext(0, 0, 1);
  b.SetNext(1, 0, 0);
  std::string error;
  b.Build(&error);
  CHECK(error == "discount 1 is outside (0, 1)");
  b.SetDiscount(Rational(1, 2));
  b.SetSuccessors(0, 0, {{1, Rational(1, 2)}, {0, Rational(1, 3)}});
  b.Build(&error);
  CHECK(error == "probabilities of next(s0, a0) sum to 5/6");
  b.SetSuccessors(0, 0, {{1, Rational(3, 2)}, {0, Rational(-1, 2)}});
  b.Build(&error);
  CHECK(error == "next(s0, a0) gives probability -0.5 to s0; it must be positive");
  b.SetNext(0, 0, 7);
  b.Build(&error);
  CHECK(error == "next(s0, a0) leaves the state domain");
  b.SetNext(0, 0, 1);
  b.SetStartWeight(1, -3);
  b.Build(&error);
  CHECK(error == "start weight of s1 is negative");
  b.SetStartWeight(1, 0);
  Mdp m = b.Build(&error);
  REQUIRE(error == "");
  CHECK(ValidatePolicy(m, Policy{0, 0}) == "");
  CHECK(ValidatePolicy(m, Policy{0, 1}) == "policy has no action at s1");
  CHECK(ValidatePolicy(m, Policy{0}) == "policy has 1 entries for 2 states");
}

TEST_CASE("mdp linear system: a long cycle and a dense component") {
  // x_i = 1 + x_{i+1} / 2 around a cycle of 50: every x_i = 2.
  LinearSystem lin;
  for (uint32_t i = 0; i < 50; ++i) {
    lin.AddRow(1);
    lin.AddTerm((i + 1) % 50, Rational(1, 2));
  }
  lin.Finish();
  std::vector<Rational> x;
  REQUIRE(SolveLinearSystem(lin, &x));
  for (const Rational& v : x) CHECK(v == 2);
  // x = y/2 + 1, y = x/3 + z/3, z = z  (singular on z alone).
  LinearSystem bad;
  bad.AddRow(1);
  bad.AddTerm(1, Rational(1, 2));
  bad.AddRow(0);
  bad.AddTerm(0, Rational(1, 3));
  bad.AddTerm(2, Rational(1, 3));
  bad.AddRow(0);
  bad.AddTerm(2, 1);
  bad.Finish();
  CHECK(!SolveLinearSystem(bad, &x));
}

TEST_CASE("mdp linear system: lifting solves large coupled systems exactly") {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    const uint32_t n = 50 + rng() % 80;
    LinearSystem lin;
    for (uint32_t i = 0; i < n; ++i) {
      Rational c(static_cast<long>(rng() % 7) - 3, 1 + rng() % 4);
      c.canonicalize();
      lin.AddRow(c);
      // A ring keeps everything in one component; two random terms couple it.
      lin.AddTerm((i + 1) % n, Rational(1, 3));
      lin.AddTerm(rng() % n, Rational(1, 4));
      lin.AddTerm(rng() % n, Rational(2, 7));
    }
    lin.Finish();
    SharedDenominator shared;
    REQUIRE(SolveByLifting(lin, &shared));
    std::vector<Rational> x(n), y;
    for (uint32_t i = 0; i < n; ++i) {
      x[i] = Rational(shared.numerator[i], shared.denominator);
      x[i].canonicalize();
    }
    for (uint32_t i = 0; i < n; ++i) {
      Rational v = lin.constant[i];
      for (uint32_t k = lin.begin[i]; k < lin.begin[i + 1]; ++k) {
        v += lin.weight[k] * x[lin.var[k]];
      }
      CHECK(v == x[i]);
    }
    REQUIRE(SolveLinearSystem(lin, &y));
    CHECK(x == y);
  }
}

TEST_CASE("mdp linear system: lifting finds a denominator shared by many "
          "components") {
  // A coupled ring next to 40 one-variable components whose values have
  // 40 different prime denominators: the shared denominator is their
  // product, found entry by entry (a reach system over many small
  // components looks like this).
  const uint32_t ring = 60, singles = 40;
  LinearSystem lin;
  for (uint32_t i = 0; i < ring; ++i) {
    lin.AddRow(Rational(static_cast<long>(i % 5), 7));
    lin.AddTerm((i + 1) % ring, Rational(1, 2));
    lin.AddTerm((i + 7) % ring, Rational(1, 3));
  }
  uint32_t prime = 11;
  for (uint32_t k = 0; k < singles; ++k) {
    auto is_prime = [](uint32_t q) {
      for (uint32_t d = 2; d * d <= q; ++d) {
        if (q % d == 0) return false;
      }
      return true;
    };
    while (!is_prime(prime)) ++prime;
    lin.AddRow(Rational(1, prime));
    ++prime;
  }
  lin.Finish();
  SharedDenominator shared;
  REQUIRE(SolveByLifting(lin, &shared));
  std::vector<Rational> y;
  REQUIRE(SolveLinearSystem(lin, &y));
  for (uint32_t i = 0; i < ring + singles; ++i) {
    Rational x(shared.numerator[i], shared.denominator);
    x.canonicalize();
    CHECK(x == y[i]);
  }
}

TEST_CASE("mdp linear system: lifting in a minimum-degree order solves a "
          "random sparse system") {
  // Random successors fill the LU in in the state order past its budget,
  // so the unknowns are reordered; the answer must come back in the state
  // order and satisfy every equation exactly.
  std::mt19937 rng(23);
  const uint32_t n = 700;
  LinearSystem lin;
  for (uint32_t i = 0; i < n; ++i) {
    Rational c(static_cast<long>(rng() % 5), 1 + rng() % 3);
    c.canonicalize();
    lin.AddRow(c);
    lin.AddTerm(rng() % n, Rational(3, 10));
    lin.AddTerm(rng() % n, Rational(3, 10));
    lin.AddTerm(rng() % n, Rational(1, 5));
  }
  lin.Finish();
  SharedDenominator shared;
  REQUIRE(SolveByLifting(lin, &shared));
  std::vector<Rational> x(n);
  for (uint32_t i = 0; i < n; ++i) {
    x[i] = Rational(shared.numerator[i], shared.denominator);
    x[i].canonicalize();
  }
  for (uint32_t i = 0; i < n; ++i) {
    Rational v = lin.constant[i];
    for (uint32_t k = lin.begin[i]; k < lin.begin[i + 1]; ++k) {
      v += lin.weight[k] * x[lin.var[k]];
    }
    CHECK(v == x[i]);
  }
}

}  // namespace
}  // namespace aligncheck
