// `proxy unhackable_with truth over M` on the stationary deterministic
// policies of an MDP, J = the expected discounted return from the start
// (Skalse et al. 2022, Def. 1).
//
// Policies that agree on the states they reach have the same returns, so
// the search enumerates policy classes (mdp/policy_search.h), evaluates
// both returns of each exactly, sorts the pairs by J_truth and scans the
// groups of equal J_truth in order, keeping the largest J_proxy of the
// groups before: a reversal exists iff some policy's J_proxy is below it.
// `proxy simplifies truth over M` (Def. 2, read as in relations.h) uses
// the same sorted classes: a truth tie the proxy breaks is a group with
// two J_proxy values; once no pair is reversed or broken, the proxy is a
// non-decreasing function of J_truth, and a tie it makes is two adjacent
// groups with the same J_proxy.
#ifndef ALIGNCHECK_READINGS_RELATIONS_MDP_PAIRS_H_
#define ALIGNCHECK_READINGS_RELATIONS_MDP_PAIRS_H_

#include <cstddef>
#include <string>

#include "mdp/mdp.h"
#include "readings/relations/opposite_pairs.h"
#include "util/rational.h"

namespace aligncheck {

/// Policy classes evaluated at most.
inline constexpr size_t kMaxMdpPolicyClasses = size_t{1} << 16;

struct MdpPairSearch {
  enum class Kind { kFound, kNone, kTooLarge };
  Kind kind = Kind::kTooLarge;
  /// kFound: J_truth(p) < J_truth(q) and J_proxy(p) > J_proxy(q); each
  /// policy completed with the first action at the states it does not
  /// reach.
  Policy p, q;
  Rational p_truth, p_proxy, q_truth, q_proxy;
  size_t classes = 0;  // policy classes evaluated
  std::string reason;  // kTooLarge
};

/// REQUIRES: m, truth, proxy valid (rewards, maximized).
MdpPairSearch FindMdpReversal(const Mdp& m, const Reward& truth,
                              const Reward& proxy,
                              size_t max_classes = kMaxMdpPolicyClasses);

/// A pair in `region` (opposite_pairs.h): kReversed as FindMdpReversal;
/// kNotPreserved J_truth(p) <= J_truth(q), J_proxy(p) > J_proxy(q);
/// kTieMade J_truth(p) < J_truth(q), J_proxy(p) = J_proxy(q), exact only
/// when no kNotPreserved pair exists.
MdpPairSearch FindMdpPair(const Mdp& m, const Reward& truth,
                          const Reward& proxy, PairRegion region,
                          size_t max_classes = kMaxMdpPolicyClasses);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_RELATIONS_MDP_PAIRS_H_
