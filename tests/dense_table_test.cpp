// Dense tables: the int64 path agrees with exact GMP arithmetic on entries,
// comparisons, row minima and argmin sets, and the engine's verdicts on
// tables read through it agree with brute force.
#include "util/dense_table.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "engine_test_util.h"
#include "readings/idealized/idealized.h"
#include "solve/brute_force.h"
#include "solve/near_minimizers.h"

namespace aligncheck {
namespace {

int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

class Literals {
 public:
  explicit Literals(uint32_t seed) : rng_(seed) {}

  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  std::string Digits(int count) {
    std::string s;
    for (int i = 0; i < count; ++i) s += static_cast<char>('0' + Pick(10));
    return s;
  }

  // A literal of one of the shapes tables hold, or one that defeats the
  // int64 path: many digits, many decimal places, exponents.
  std::string Next() {
    std::string sign = Pick(3) == 0 ? "-" : (Pick(10) == 0 ? "+" : "");
    switch (Pick(9)) {
      case 0:
        return sign + Digits(1) + "." + Digits(1);  // one decimal, ties
      case 1:
        return sign + Digits(1 + Pick(3)) + "." + Digits(1 + Pick(4));
      case 2:
        return sign + Digits(1 + Pick(5));
      case 3:  // past the common scale
        return sign + "0." + Digits(DenseTable::kMaxScale + 1 + Pick(4));
      case 4:  // past int64 once scaled
        return sign + Digits(15 + Pick(12)) + "." + Digits(Pick(4));
      case 5:
        return sign + Digits(1 + Pick(3)) + "e" + std::to_string(Pick(25));
      case 6:
        return sign + Digits(1 + Pick(3)) + "." + Digits(1 + Pick(3)) + "e-" +
               std::to_string(Pick(12));
      case 7:  // 9223372036854775807 and its neighbours
        return sign + "92233720368547758" + Digits(2);
      default:
        return sign + "0." + Digits(1 + Pick(DenseTable::kMaxScale));
    }
  }

  // An exact value that is not always a decimal.
  Rational Fraction() {
    Rational q(Pick(2001) - 1000, 1 + Pick(Pick(2) ? 16 : 1000));
    q.canonicalize();
    return q;
  }

 private:
  std::mt19937 rng_;
};

// Fills a table of `rows` x `cols` through SetDecimal / Set, in a random
// order with overwrites, and the same values into `ref`.
DenseTable RandomTable(Literals& gen, size_t rows, size_t cols, bool fractions,
                       std::vector<Rational>* ref) {
  DenseTable t(rows * cols);
  ref->assign(rows * cols, Rational(0));
  for (size_t k = 0; k < 2 * rows * cols; ++k) {
    size_t i = static_cast<size_t>(gen.Pick(static_cast<int>(rows * cols)));
    if (fractions && gen.Pick(5) == 0) {
      Rational q = gen.Fraction();
      t.Set(i, q);
      (*ref)[i] = q;
      continue;
    }
    std::string text = gen.Next();
    std::optional<Rational> q = ParseDecimal(text);
    REQUIRE_MESSAGE(q.has_value(), text);
    REQUIRE(t.SetDecimal(i, text));
    (*ref)[i] = *q;
  }
  return t;
}

void ExpectAgrees(const DenseTable& t, const std::vector<Rational>& ref,
                  size_t cols, Literals& gen) {
  REQUIRE(t.size() == ref.size());
  for (size_t i = 0; i < ref.size(); ++i) {
    CAPTURE(i);
    CHECK(t.Get(i) == ref[i]);
    CHECK(t.GetDouble(i) == ref[i].get_d());
  }
  std::vector<uint32_t> lows, highs;
  t.RowExtremes(cols, &lows, &highs);
  REQUIRE(lows.size() == ref.size() / cols);
  REQUIRE(highs.size() == ref.size() / cols);
  for (size_t row = 0; row < ref.size(); row += cols) {
    size_t want = row, top = row;
    for (size_t i = row + 1; i < row + cols; ++i) {
      if (ref[i] < ref[want]) want = i;
      if (ref[top] < ref[i]) top = i;
    }
    CHECK(t.Argmin(row, row + cols) == want);
    CHECK(lows[row / cols] == want - row);
    CHECK(highs[row / cols] == top - row);
    for (size_t i = row; i < row + cols; ++i) {
      CHECK(t.Equal(i, want) == (ref[i] == ref[want]));
      for (size_t j = row; j < row + cols; ++j) {
        CHECK(t.Compare(i, j) == Sign(cmp(ref[i], ref[j])));
      }
      Rational v = gen.Fraction();
      CHECK(t.Compare(i, v) == Sign(cmp(ref[i], v)));
      CHECK(t.Compare(i, ref[want]) == Sign(cmp(ref[i], ref[want])));
    }
  }
}

TEST_CASE("dense table: one-decimal tables stay on the int64 path") {
  DenseTable t(6);
  const char* kTexts[] = {"3.7", "0.0", "9.9", "-0.1", "3.7", "0"};
  for (size_t i = 0; i < 6; ++i) REQUIRE(t.SetDecimal(i, kTexts[i]));
  CHECK(t.scale() == 1);
  CHECK(t.big_count() == 0);
  CHECK(t.Get(0) == Rational(37, 10));
  CHECK(t.Argmin(0, 6) == 3);
  CHECK(t.Argmin(0, 3) == 1);
  CHECK(t.Equal(0, 4));
  CHECK(t.Equal(1, 5));
  CHECK_FALSE(t.SetDecimal(0, "abc"));
  CHECK_FALSE(t.SetDecimal(0, "1..2"));
  CHECK(t.Get(0) == Rational(37, 10));  // unchanged by a failed parse
  t.Negate();
  CHECK(t.Get(2) == Rational(-99, 10));
  CHECK(t.Argmin(0, 6) == 2);
}

TEST_CASE("dense table: entries that do not fit are kept exactly aside") {
  DenseTable t(5);
  REQUIRE(t.SetDecimal(0, "1.5"));
  REQUIRE(t.SetDecimal(1, "123456789012345678901234567890"));
  t.Set(2, Rational(1, 3));
  REQUIRE(t.SetDecimal(3, "0.0000000000001"));  // 13 places > kMaxScale
  REQUIRE(t.SetDecimal(4, "0.000000001"));      // 9 places: rescales
  CHECK(t.scale() == DenseTable::kMaxScale);
  CHECK(t.big_count() == 3);
  CHECK(t.Get(0) == Rational(3, 2));
  CHECK(t.Get(1) == *ParseDecimal("123456789012345678901234567890"));
  CHECK(t.Get(2) == Rational(1, 3));
  CHECK(t.Get(3) == *ParseDecimal("1e-13"));
  CHECK(t.Argmin(0, 5) == 3);
  // Overwriting a big entry with a small one brings it back.
  REQUIRE(t.SetDecimal(1, "-2"));
  CHECK(t.big_count() == 2);
  CHECK(t.Argmin(0, 5) == 1);
  // Rescaling moves entries that would overflow aside, exactly.
  DenseTable u(2);
  REQUIRE(u.SetDecimal(0, "9000000000000000"));
  REQUIRE(u.SetDecimal(1, "0.5"));
  REQUIRE(u.SetDecimal(1, "0.0001"));
  CHECK(u.big_count() == 1);
  CHECK(u.Get(0) == 9000000000000000);
  CHECK(u.Compare(1, 0) < 0);
  CHECK(u == u);
}

TEST_CASE("dense table: int64 path agrees with GMP on random tables") {
  Literals gen(20261202);
  for (int round = 0; round < 400; ++round) {
    CAPTURE(round);
    size_t rows = 1 + static_cast<size_t>(gen.Pick(6));
    size_t cols = 1 + static_cast<size_t>(gen.Pick(8));
    std::vector<Rational> ref;
    DenseTable t = RandomTable(gen, rows, cols, round % 2 == 1, &ref);
    ExpectAgrees(t, ref, cols, gen);
    DenseTable negated = t;
    negated.Negate();
    for (Rational& q : ref) q = -q;
    ExpectAgrees(negated, ref, cols, gen);
  }
}

TEST_CASE("dense table: minimizers and verdicts agree with brute force") {
  using namespace test;  // NOLINT
  Literals gen(7);
  int holds = 0, fails = 0;
  for (int round = 0; round < 300; ++round) {
    CAPTURE(round);
    Builder b;
    size_t n = 1 + static_cast<size_t>(gen.Pick(4));
    size_t m = 1 + static_cast<size_t>(gen.Pick(4));
    DomainId xd = b.AddDomain("X", n, "x");
    DomainId yd = b.AddDomain("Y", m, "y");
    std::vector<Rational> ref;
    DenseTable t = RandomTable(gen, n, m, round % 3 == 0, &ref);
    int loss = b.AddLoss("l", xd, yd, ref);
    b.model.losses[loss].table = t;
    std::vector<Rational> w;
    for (size_t i = 0; i < n; ++i) w.push_back(Rational(gen.Pick(3)));
    if (w[0] == 0) w[0] = 1;
    int data = b.AddData("D", xd, w);
    uint32_t y0 = static_cast<uint32_t>(gen.Pick(static_cast<int>(m)));
    RExpr body = gen.Pick(2)
                     ? Forall(0, xd, Ne(Pi(Var(0, xd), yd), Elem(yd, y0)))
                     : Exists(0, xd, Eq(Pi(Var(0, xd), yd), Elem(yd, y0)));
    int goal = b.AddGoal("g", xd, yd, std::move(body), 1);
    static const char* kEps[] = {"", "0", "1/10", "1/1000", "3", "1e-12"};
    std::string eps = kEps[gen.Pick(6)];
    std::optional<Rational> within;
    if (!eps.empty()) within = Q(eps);
    const Claim& claim = b.AddClaim("c", loss, goal, data, within);

    // Minima and argmin sets, against the exact reference.
    Rational e = within ? *within : Rational(0);
    NearMinimizers nm = BuildNearMinimizers(b.model, b.model.losses[loss],
                                            b.model.data[data], &e);
    for (size_t x = 0; x < n; ++x) {
      Rational min = ref[x * m];
      for (size_t y = 1; y < m; ++y) min = std::min(min, ref[x * m + y]);
      CHECK(nm.MinLoss(x) == min);
      std::vector<uint32_t> want;
      for (size_t y = 0; y < m; ++y) {
        bool ok = w[x] == 0 ||
                  w[x] / b.model.data[data].total * (ref[x * m + y] - min) <= e;
        if (ok) want.push_back(static_cast<uint32_t>(y));
      }
      std::vector<uint32_t> got(nm.option.begin() + nm.offset[x],
                                nm.option.begin() + nm.offset[x + 1]);
      CHECK(got == want);
    }

    BruteForceResult bf = BruteForceIdealized(b.model, claim);
    REQUIRE_MESSAGE(bf.error.empty(), bf.error);
    Verdict v = CheckIdealized(b.model, claim, EngineOptions{});
    REQUIRE_MESSAGE(v.kind != Verdict::Kind::kUnknown, v.reason);
    CHECK((v.kind == Verdict::Kind::kHolds) == bf.holds);
    REQUIRE(v.idealized()->minimizers);
    CHECK(*v.idealized()->minimizers == bf.feasible);
    (v.kind == Verdict::Kind::kHolds ? holds : fails)++;
  }
  CHECK(holds > 30);
  CHECK(fails > 30);
}

}  // namespace
}  // namespace aligncheck
