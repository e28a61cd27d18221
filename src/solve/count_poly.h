// Exact counting of per-input choices by how many of them make a predicate
// true, in quasi-linear time.
//
// Each input x offers t(x) options that make P true and f(x) that make it
// false. The number of choices (one option per input) with exactly c inputs
// on the true side is the coefficient of z^c in prod_x (f(x) + t(x) z). A
// count atom needs the sum of those coefficients over the counts it accepts
// (or rejects, whichever is cheaper). Only the coefficients next to either
// end are needed for threshold atoms, so the polynomial is truncated: inputs
// with the same (t, f) are grouped into one binomial power, and the powers
// are multiplied as a product tree, each product one big-integer product
// (Kronecker substitution) so that GMP's fast multiplication does the work.
#ifndef ALIGNCHECK_SOLVE_COUNT_POLY_H_
#define ALIGNCHECK_SOLVE_COUNT_POLY_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "util/rational.h"

namespace aligncheck {

/// Options of one input: {true side, false side}.
using TruthSplit = std::pair<unsigned long, unsigned long>;

/// Returns the product of `factors`, multiplied as a balanced tree.
BigInt ProductOf(const std::vector<unsigned long>& factors);

struct TruthCount {
  bool counted = false;
  BigInt total;     // all choices: prod_x (t(x) + f(x))
  BigInt good;      // choices whose true-count c has good[c]
  std::string why;  // when not counted: the size that stopped it
};

/// Counts the choices over `splits` whose number of true-side inputs c has
/// good[c] != 0. Stops (counted = false) when the truncated polynomials
/// would take more than `max_bits` bits.
/// REQUIRES: good.size() == splits.size() + 1.
TruthCount CountByTruth(const std::vector<TruthSplit>& splits,
                        const std::vector<char>& good, size_t max_bits);

/// The coefficients of z^0 .. z^(degrees-1) of prod (f + t z) over
/// `splits`, exactly. Exposed for tests.
std::vector<BigInt> LowCoefficients(const std::vector<TruthSplit>& splits,
                                    size_t degrees);

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_COUNT_POLY_H_
