// The minimizer census of an idealized claim over all policies: how many
// (near-)minimizers L_D has and how many of them violate the goal, i.e.
// what a training rationale must rule out for the goal to follow.
//
// Exact minimizers form the product of per-input argmin sets, so:
//   - goals made of `forall x: P(x, pi(x))` atoms: the satisfying policies
//     are the product of per-input counts of options meeting every P
//     ("product formula");
//   - one count atom (forall, exists, count comparisons): the number of
//     policies with exactly c inputs meeting P is the coefficient of z^c in
//     prod_x (f(x) + t(x) z), t (f) the options meeting (missing) P
//     ("count polynomial", computed as in engine/count_poly.h, only the
//     coefficients the atom needs; past kCensusMaxBits not counted);
//   - anything else (and near-minimizers, whose budget couples the inputs):
//     enumeration, up to kCensusEnumerationCap policies (and policies times
//     inputs up to 200 times that); past it the census says it was not
//     counted and why.
#ifndef ALIGNCHECK_SOLVE_CENSUS_H_
#define ALIGNCHECK_SOLVE_CENSUS_H_

#include <cstddef>

#include "analysis/model.h"
#include "solve/engine_options.h"

namespace aligncheck {

/// What the training rationale must rule out: the (near-)minimizers of the
/// loss and how many of them violate the goal.
struct Census {
  bool counted = false;  // false: too many to count; see `why`
  BigInt minimizers;
  BigInt violating;
  /// How the numbers were obtained: "product formula", "count polynomial",
  /// "enumeration", "z3 enumeration".
  std::string method;
  std::string why;  // !counted: the cap that was hit
};

inline constexpr size_t kCensusEnumerationCap = 100'000;

/// The count polynomial is truncated to the coefficients a count atom needs
/// and multiplied as big integers; past this many bits the census says so
/// instead (about 8 MB per operand, well under a second).
inline constexpr size_t kCensusMaxBits = size_t{1} << 26;

/// Takes the census of an idealized claim with the class of all policies.
/// Never throws; evaluation errors give an uncounted census with the reason.
Census TakeCensus(const Model& model, const Claim& claim,
                  const EngineOptions& options);

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_CENSUS_H_
