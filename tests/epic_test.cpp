// Unit tests of EPIC (readings/relations/epic.h): the identities Gleave et
// al. 2021 state, checked exactly on random small reward triples, the
// canonicalization against a brute-force float evaluation of its
// definition, and the rootless comparison against the float distance.
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <vector>

#include "readings/relations/epic.h"

namespace aligncheck {
namespace {

// a / b in lowest terms (GMP compares canonical fractions only).
Rational Q(long a, long b) {
  Rational q(a, b);
  q.canonicalize();
  return q;
}

TripleReward Random(std::mt19937& rng, size_t n, size_t k) {
  std::uniform_int_distribution<int> v(-4, 4);
  TripleReward r;
  r.states = n;
  r.actions = k;
  for (size_t i = 0; i < n * k * n; ++i) r.value.push_back(Q(v(rng), 2));
  return r;
}

// r + g Phi(s2) - Phi(s) for a random Phi over every state.
TripleReward Shaped(std::mt19937& rng, const TripleReward& r,
                    const Rational& g) {
  std::uniform_int_distribution<int> v(-6, 6);
  std::vector<Rational> phi;
  for (size_t s = 0; s < r.states; ++s) phi.push_back(Q(v(rng), 3));
  TripleReward out = r;
  for (size_t s = 0; s < r.states; ++s) {
    for (size_t a = 0; a < r.actions; ++a) {
      for (size_t t = 0; t < r.states; ++t) {
        out.value[(s * r.actions + a) * r.states + t] += g * phi[t] - phi[s];
      }
    }
  }
  return out;
}

TripleReward Scaled(const TripleReward& r, const Rational& c) {
  TripleReward out = r;
  for (Rational& v : out.value) v *= c;
  return out;
}

// D, via the exact D^2 when it is rational (else the float).
double Distance(const EpicPieces& p) {
  std::optional<Rational> sq = SquaredDistance(p);
  return sq ? std::sqrt(sq->get_d()) : DistanceDecimal(p);
}

TEST_CASE("epic: the canonical reward matches its definition in floats") {
  std::mt19937 rng(7);
  for (int round = 0; round < 30; ++round) {
    const size_t n = 1 + rng() % 4, k = 1 + rng() % 3;
    const Rational g = Q(static_cast<long>(rng() % 10), 10);
    TripleReward r = Random(rng, n, k);
    TripleReward c = CanonicalReward(r, g);
    auto R = [&](size_t s, size_t a, size_t t) {
      return r.value[(s * k + a) * n + t].get_d();
    };
    const double gd = g.get_d();
    for (size_t s = 0; s < n; ++s) {
      for (size_t a = 0; a < k; ++a) {
        for (size_t t = 0; t < n; ++t) {
          // E[g R(s2, A, S') - R(s, A, S') - g R(S, A, S')], S, S', A uniform.
          double e = 0;
          for (size_t s0 = 0; s0 < n; ++s0) {
            for (size_t a2 = 0; a2 < k; ++a2) {
              for (size_t s3 = 0; s3 < n; ++s3) {
                e += gd * R(t, a2, s3) - R(s, a2, s3) - gd * R(s0, a2, s3);
              }
            }
          }
          e /= static_cast<double>(n * k * n);
          CHECK(c.value[(s * k + a) * n + t].get_d() ==
                doctest::Approx(R(s, a, t) + e));
        }
      }
    }
  }
}

TEST_CASE("epic: identities of the pseudometric, exactly") {
  std::mt19937 rng(11);
  int defined = 0, triangles = 0;
  for (int round = 0; round < 60; ++round) {
    const size_t n = 2 + rng() % 3, k = 1 + rng() % 3;
    const Rational g = Q(static_cast<long>(rng() % 10), 10);
    TripleReward a = Random(rng, n, k), b = Random(rng, n, k),
                 c = Random(rng, n, k);
    EpicPieces aa = EpicBetween(a, a, g);
    if (!aa.Defined()) continue;  // a is a shaping of 0
    ++defined;
    // D(R, R) = 0; symmetry.
    CHECK(SquaredDistance(aa) == Rational(0));
    EpicPieces ab = EpicBetween(a, b, g), ba = EpicBetween(b, a, g);
    CHECK(ab.cov == ba.cov);
    CHECK(ab.var_a == ba.var_b);
    CHECK(ab.var_b == ba.var_a);
    // Invariance to potential shaping and positive scaling.
    TripleReward shaped = Shaped(rng, a, g);
    CHECK(SquaredDistance(EpicBetween(a, shaped, g)) == Rational(0));
    CHECK(SquaredDistance(EpicBetween(a, Scaled(shaped, Rational(7, 3)), g)) ==
          Rational(0));
    if (ab.Defined()) {
      EpicPieces shifted = EpicBetween(Scaled(Shaped(rng, a, g), 5), b, g);
      CHECK((shifted.cov > 0) == (ab.cov > 0));
      CHECK(shifted.cov * shifted.cov * (ab.var_a * ab.var_b) ==
            ab.cov * ab.cov * (shifted.var_a * shifted.var_b));
    }
    // D(R, -R) = 1.
    CHECK(SquaredDistance(EpicBetween(a, Scaled(a, -1), g)) == Rational(1));
    // The triangle inequality (floats as the oracle, with slack).
    EpicPieces bc = EpicBetween(b, c, g), ac = EpicBetween(a, c, g);
    if (ab.Defined() && bc.Defined() && ac.Defined()) {
      ++triangles;
      CHECK(Distance(ac) <= Distance(ab) + Distance(bc) + 1e-9);
    }
  }
  CHECK(defined > 30);
  CHECK(triangles > 20);
}

TEST_CASE("epic: the rootless comparison agrees with the float distance") {
  std::mt19937 rng(3);
  int compared = 0;
  for (int round = 0; round < 200; ++round) {
    const size_t n = 2 + rng() % 2, k = 1 + rng() % 2;
    EpicPieces p = EpicBetween(Random(rng, n, k), Random(rng, n, k),
                               Rational(9, 10));
    if (!p.Defined()) continue;
    const double dist = DistanceDecimal(p);
    for (int i = 1; i <= 20; ++i) {
      const Rational d = Q(i, 20);
      if (std::fabs(dist - d.get_d()) < 1e-9) continue;
      ++compared;
      CHECK(DistanceBelow(p, d) == (dist < d.get_d()));
      std::optional<Rational> sq = SquaredDistance(p);
      if (sq) CHECK(DistanceBelow(p, d) == (*sq < d * d));
    }
  }
  CHECK(compared > 1000);
}

TEST_CASE("epic: a constant canonical reward") {
  TripleReward zero{2, 2, std::vector<Rational>(8)};
  TripleReward r{2, 2, {1, 0, 0, 0, 0, 0, 0, 2}};
  EpicPieces both = EpicBetween(zero, zero, Rational(1, 2));
  CHECK(both.BothConstant());
  CHECK(SquaredDistance(both) == Rational(0));
  CHECK(DistanceBelow(both, Rational(1, 100)));
  EpicPieces one = EpicBetween(zero, r, Rational(1, 2));
  CHECK(!one.Defined());
  CHECK(!one.BothConstant());
}

}  // namespace
}  // namespace aligncheck
