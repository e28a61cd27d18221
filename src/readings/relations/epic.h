// `proxy epic_distance_to truth over M below d`: the EPIC pseudometric
// (Gleave et al. 2021) with uniform coverage, decided exactly.
//
// Both rewards are taken over every triple (s, a, s2) of S x A x S (a
// reward over (s, a) pays the same for every s2); the dynamics of M only
// give the discount g. Each is canonically shaped with S, S' uniform over
// the states and A uniform over the actions:
//   C(R)(s, a, s2) = R(s, a, s2) + g M(s2) - M(s) - g mu,
// M(s) = E[R(s, A, S')], mu = E[R(S, A, S')]. Then
//   D = sqrt((1 - rho) / 2),  rho = cov / sqrt(var_a var_b)
// with the Pearson correlation taken under the uniform distribution over
// the triples. D < d is decided without a root: rho > t with
// t = 1 - 2 d^2, that is cov >= 0 or cov^2 < t^2 var_a var_b when t < 0,
// and cov > 0 and cov^2 > t^2 var_a var_b when t >= 0.
//
// Zero variance (a canonical reward that is 0 everywhere, i.e. a potential
// shaping of the zero reward): the Pearson distance is then undefined. Two
// such rewards are at distance 0 (both order every policy alike); one
// alone leaves the distance undefined, and the claim UNKNOWN.
#ifndef ALIGNCHECK_READINGS_RELATIONS_EPIC_H_
#define ALIGNCHECK_READINGS_RELATIONS_EPIC_H_

#include <cstddef>
#include <optional>
#include <vector>

#include "util/rational.h"

namespace aligncheck {

/// Triples beyond which EPIC is not computed (UNKNOWN).
inline constexpr size_t kMaxEpicTriples = size_t{1} << 20;

/// A reward on every (s, a, s2), at [(s * actions + a) * states + s2].
struct TripleReward {
  size_t states = 0;
  size_t actions = 0;
  std::vector<Rational> value;
};

/// Returns the canonically shaped reward C(R) with discount g.
TripleReward CanonicalReward(const TripleReward& r, const Rational& g);

/// The exact pieces of the Pearson correlation of two canonical rewards
/// under the uniform distribution over the triples.
struct EpicPieces {
  Rational cov;
  Rational var_a;
  Rational var_b;
  /// Both variances positive: rho and D are defined.
  bool Defined() const { return var_a > 0 && var_b > 0; }
  /// Both variances 0: D is 0 by the convention above.
  bool BothConstant() const { return var_a == 0 && var_b == 0; }
};

/// REQUIRES: a and b of the same shape, with at least one triple.
EpicPieces PearsonPieces(const TripleReward& a, const TripleReward& b);

/// The pieces of EPIC between a and b (canonicalized here).
EpicPieces EpicBetween(const TripleReward& a, const TripleReward& b,
                       const Rational& g);

/// Whether D < d, exactly. REQUIRES: p.Defined() or p.BothConstant(), d > 0.
bool DistanceBelow(const EpicPieces& p, const Rational& d);

/// D^2 = (1 - rho) / 2 when it is rational (var_a var_b a square of a
/// rational, or cov = 0); 0 when both are constant. REQUIRES: defined or
/// both constant.
std::optional<Rational> SquaredDistance(const EpicPieces& p);

/// D as a double, for display only.
double DistanceDecimal(const EpicPieces& p);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_RELATIONS_EPIC_H_
