// What a relation claim between two rewards reports besides the verdict
// kind: the pair of policies that decides it, with the exact values of both
// rewards for each.
#ifndef ALIGNCHECK_READINGS_RELATIONS_RELATION_EVIDENCE_H_
#define ALIGNCHECK_READINGS_RELATIONS_RELATION_EVIDENCE_H_

#include <cstddef>
#include <optional>

#include "analysis/model.h"
#include "util/rational.h"

namespace aligncheck {

/// One policy with its expected true and proxy reward over the data, in
/// reward units (a loss counts as minus a reward).
struct RelationPolicy {
  Policy policy;
  Rational truth;  // J_truth
  Rational proxy;  // J_proxy
};

struct RelationEvidence {
  /// What the pair (p, q) shows; always J_truth(p) <= J_truth(q).
  ///   kReversed   J_truth(p) < J_truth(q), J_proxy(p) > J_proxy(q): the
  ///               proxy is hackable (Skalse et al. 2022, Def. 1)
  ///   kTieBroken  J_truth(p) = J_truth(q), J_proxy(p) > J_proxy(q): not a
  ///               simplification (it must keep truth ties)
  ///   kTieMade    J_truth(p) < J_truth(q), J_proxy(p) = J_proxy(q): the
  ///               pair a simplification must have (evidence for HOLDS)
  ///   kNoTieMade  no pair: the proxy orders every pair exactly as the
  ///               truth does, so it is equivalent, not a simplification
  ///   kNone       no pair: unhackable, nothing reversed
  enum class Finding { kNone, kReversed, kTieBroken, kTieMade, kNoTieMade };
  Finding finding = Finding::kNone;
  std::optional<RelationPolicy> p;
  std::optional<RelationPolicy> q;
  /// Every deterministic policy: |Y|^|X|.
  BigInt policies;
  /// The most points the search kept at once (see opposite_pairs.h).
  size_t largest_frontier = 0;
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_RELATIONS_RELATION_EVIDENCE_H_
