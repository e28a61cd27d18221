// Exact solution of large coupled systems by p-adic lifting (Dixon 1982).
//
// A stochastic MDP under one policy is often one big strongly connected
// component whose exact values have thousands of digits; eliminating it in
// rationals costs O(n * band^2) operations on such numbers. Lifting instead
// factors the integer-scaled system once modulo a word-size prime, then
// solves it digit by digit in base p with word arithmetic, and recovers
// the common denominator by rational reconstruction. The candidate is
// accepted only after the exact check A x = b over the integers, so the
// answer never rests on the modular arithmetic or on a size bound.
#ifndef ALIGNCHECK_MDP_LIFTING_SOLVE_H_
#define ALIGNCHECK_MDP_LIFTING_SOLVE_H_

#include <vector>

#include "mdp/linear_system.h"
#include "util/rational.h"

namespace aligncheck {

/// x_i = numerator[i] / denominator, denominator > 0 (not reduced).
struct SharedDenominator {
  std::vector<BigInt> numerator;
  BigInt denominator;
};

/// Solves x = c + W x exactly. Returns false when lifting does not apply
/// (a scaled coefficient beyond 31 bits, a singular system, or fill-in over
/// its budget); the caller then eliminates in rationals.
bool SolveByLifting(const LinearSystem& sys, SharedDenominator* out);

}  // namespace aligncheck

#endif  // ALIGNCHECK_MDP_LIFTING_SOLVE_H_
