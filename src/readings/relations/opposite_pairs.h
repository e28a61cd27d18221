// Finds two one-step policies that two rewards order in given ways, without
// enumerating the pairs of policies.
//
// Setting. Inputs x with weights w(x) >= 0; a policy picks one option
// pi(x) per input; J_truth(pi) = sum_x w(x) truth(x, pi(x)) and likewise
// J_proxy. The table below holds the weighted values w(x) truth(x, y) and
// w(x) proxy(x, y).
//
// Reduction. For two policies p and q, write
//   (dT, dP) = (J_truth(q) - J_truth(p), J_proxy(q) - J_proxy(p))
//            = sum_x (truth(x, q(x)) - truth(x, p(x)), same for proxy).
// Since p and q choose independently at every input, the set of all
// (dT, dP) is exactly the Minkowski sum D_1 + ... + D_n of the per-input
// difference sets D_x = {(t(x, b) - t(x, a), r(x, b) - r(x, a)) : a, b}.
// Every D_x contains (0, 0) (a = b) and is symmetric (swap a and b).
// Skalse's Def. 1 fails (the proxy is hackable) iff the sum meets the open
// quadrant {dT > 0, dP < 0}. So a single input whose options differ in
// truth and proxy with strictly opposite signs makes the proxy hackable at
// once, but so can a combination of inputs whose own differences all agree
// in sign: (2, 1) at one input plus (-1, -2) at another gives (1, -1). The
// cleaning robot with truth [1, 1.5, 3] and proxy [1, 1, 1] is such a case:
// cleaning the kitchen and skipping the attic and the bedroom changes the
// truth by 3 - 1 - 1.5 = 0.5 and the proxy by 1 - 1 - 1 = -1.
//
// No closed form. Deciding it in general contains a subset-sum question:
// with differences (a_i, a_i) at inputs i and (-c, -c') at one more input,
// c < c', a pair exists iff some signed sum of the a_i lies strictly
// between c and c'. So the search below is exact but not polynomial in the
// worst case; it is fast when the sums take few values, as in every spec.
//
// Search. A point (dT, dP) dominates another when its dT is at least as
// large and its dP at least as small. The regions asked about (dT > 0 and
// dP < 0; dT >= 0 and dP < 0) are closed under moving to a dominating
// point, and the Pareto frontier (the undominated points) of A + B is made
// of sums of frontier points of A and of B. So it suffices to keep, input
// by input, the frontier of the partial sums: a staircase, kept sorted.
// Each step merges the shifted copies of the sorted frontier (one per
// point of D_x) rather than sorting them.
// Since D_x contains (0, 0), a partial sum in the region is completed by
// choosing p(x) = q(x) at the remaining inputs, so the search stops at the
// first partial sum in the region. A partial sum is dropped when even the
// largest remaining dT cannot make the total >= 0, or the smallest
// remaining dP cannot make it <= 0: then no completion reaches any region.
// The region {dT > 0, dP = 0} (a truth-strict pair the proxy ties) is not
// closed under domination, but when no pair has dT >= 0 and dP < 0 (ask
// that first), a point dominating one with dT > 0 and dP = 0 has dT > 0
// and dP <= 0, hence dP = 0: the same frontier argument applies.
//
// Shortcuts, before any frontier: when dP = c dT at every input for one
// c > 0, no region has a point; when one reward is constant at every input,
// the pair (if any) differs at a single input; and a gap argument rules out
// reversed pairs when the proxy follows the truth up to noise smaller than
// the truth's resolution (see GapRulesOutReversal in the .cpp).
#ifndef ALIGNCHECK_READINGS_RELATIONS_OPPOSITE_PAIRS_H_
#define ALIGNCHECK_READINGS_RELATIONS_OPPOSITE_PAIRS_H_

#include <cstddef>
#include <vector>

#include "analysis/model.h"
#include "util/rational.h"

namespace aligncheck {

/// Weighted values of one option of one input, in reward units.
struct OptionValue {
  Rational truth;
  Rational proxy;
};

/// option_values[x][y]: the weighted values of option y at input x. Every
/// input has at least one option.
using OptionTable = std::vector<std::vector<OptionValue>>;

/// Which pairs a search asks for, by dT = J_truth(q) - J_truth(p) and
/// dP = J_proxy(q) - J_proxy(p).
enum class PairRegion {
  kReversed,      // dT > 0 and dP < 0: the proxy is hackable
  kNotPreserved,  // dT >= 0 and dP < 0: reversed, or a truth tie broken
  /// dT > 0 and dP == 0: a truth-strict pair the proxy ties. Exact only
  /// when no kNotPreserved pair exists.
  kTieMade,
};

struct PairSearch {
  enum class Kind { kFound, kNone, kTooLarge };
  Kind kind = Kind::kNone;
  Policy p;  // kFound: the pair
  Policy q;
  size_t largest_frontier = 0;
  /// How it was decided: "pareto frontier of per-input differences", or a
  /// shortcut that needed no frontier ("proportional differences", "a
  /// constant reward", "a gap argument").
  const char* method = "pareto frontier of per-input differences";
};

/// The frontier may hold at most this many points by default.
inline constexpr size_t kMaxFrontierPoints = 200'000;

/// Looks for policies p, q whose (dT, dP) lies in `region`. kTooLarge when
/// a frontier would pass `max_points`, or the candidate sums made in all
/// (per-input differences included) would pass 100 times `max_points`: the
/// work is bounded whatever the table.
PairSearch FindPolicyPair(const OptionTable& table, PairRegion region,
                          size_t max_points = kMaxFrontierPoints);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_RELATIONS_OPPOSITE_PAIRS_H_
