// EPIC: canonical shaping, the exact Pearson pieces and the rootless test.
#include "readings/relations/epic.h"

#include <algorithm>
#include <cmath>

namespace aligncheck {
namespace {

// Whether q >= 0 is the square of a rational; sets *root when it is.
bool RationalSquare(const Rational& q, Rational* root) {
  if (q < 0) return false;
  const mpz_class& num = q.get_num();
  const mpz_class& den = q.get_den();
  if (!mpz_perfect_square_p(num.get_mpz_t()) ||
      !mpz_perfect_square_p(den.get_mpz_t())) {
    return false;
  }
  mpz_class rn, rd;
  mpz_sqrt(rn.get_mpz_t(), num.get_mpz_t());
  mpz_sqrt(rd.get_mpz_t(), den.get_mpz_t());
  *root = Rational(rn, rd);
  root->canonicalize();
  return true;
}

}  // namespace

TripleReward CanonicalReward(const TripleReward& r, const Rational& g) {
  const size_t n = r.states, k = r.actions;
  const Rational per_state(static_cast<long>(k * n));
  std::vector<Rational> mean(n);  // M(s) = E[R(s, A, S')]
  Rational all;                   // mu = E[R(S, A, S')]
  for (size_t s = 0; s < n; ++s) {
    Rational sum;
    for (size_t i = 0; i < k * n; ++i) sum += r.value[s * k * n + i];
    mean[s] = sum / per_state;
    all += mean[s];
  }
  all /= Rational(static_cast<long>(n));
  TripleReward out = r;
  for (size_t s = 0; s < n; ++s) {
    for (size_t a = 0; a < k; ++a) {
      for (size_t t = 0; t < n; ++t) {
        out.value[(s * k + a) * n + t] += g * mean[t] - mean[s] - g * all;
      }
    }
  }
  return out;
}

EpicPieces PearsonPieces(const TripleReward& a, const TripleReward& b) {
  const Rational count(static_cast<long>(a.value.size()));
  Rational sa, sb, saa, sbb, sab;
  for (size_t i = 0; i < a.value.size(); ++i) {
    const Rational& x = a.value[i];
    const Rational& y = b.value[i];
    sa += x;
    sb += y;
    saa += x * x;
    sbb += y * y;
    sab += x * y;
  }
  const Rational ea = sa / count, eb = sb / count;
  EpicPieces p;
  p.cov = sab / count - ea * eb;
  p.var_a = saa / count - ea * ea;
  p.var_b = sbb / count - eb * eb;
  return p;
}

EpicPieces EpicBetween(const TripleReward& a, const TripleReward& b,
                       const Rational& g) {
  return PearsonPieces(CanonicalReward(a, g), CanonicalReward(b, g));
}

bool DistanceBelow(const EpicPieces& p, const Rational& d) {
  if (p.BothConstant()) return d > 0;
  // sqrt((1 - rho) / 2) < d  <=>  rho > t, rho = cov / sqrt(P).
  const Rational t = Rational(1) - 2 * d * d;
  const Rational bound = t * t * (p.var_a * p.var_b);
  const Rational cov2 = p.cov * p.cov;
  if (t < 0) return p.cov >= 0 || cov2 < bound;
  return p.cov > 0 && cov2 > bound;
}

std::optional<Rational> SquaredDistance(const EpicPieces& p) {
  if (p.BothConstant()) return Rational(0);
  if (p.cov == 0) return Rational(1, 2);
  Rational root;
  if (!RationalSquare(p.var_a * p.var_b, &root)) return std::nullopt;
  Rational rho = p.cov / root;
  return (Rational(1) - rho) / 2;
}

double DistanceDecimal(const EpicPieces& p) {
  if (p.BothConstant()) return 0.0;
  double rho = p.cov.get_d() / std::sqrt(p.var_a.get_d() * p.var_b.get_d());
  rho = std::max(-1.0, std::min(1.0, rho));
  return std::sqrt((1.0 - rho) / 2.0);
}

}  // namespace aligncheck
