// What a relation claim between two rewards reports besides the verdict
// kind: the pair of policies that decides it, with the exact values of both
// rewards for each.
#ifndef ALIGNCHECK_READINGS_RELATIONS_RELATION_EVIDENCE_H_
#define ALIGNCHECK_READINGS_RELATIONS_RELATION_EVIDENCE_H_

#include <cstddef>
#include <optional>

#include <vector>

#include "analysis/model.h"
#include "readings/relations/epic.h"
#include "readings/relations/shaping.h"
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
  /// Every deterministic policy: |Y|^|X| (over an mdp: actions to the
  /// power of the non-terminal states).
  BigInt policies;
  /// Over an mdp: the policy classes (policies differing where they go)
  /// whose returns were compared.
  size_t classes = 0;
  /// The most points the search kept at once (see opposite_pairs.h).
  size_t largest_frontier = 0;
};

/// `shaped potential_shaping_of base over M`: the potential that makes
/// the shaping exact, or the transitions where none fits.
struct ShapingEvidence {
  bool potential = false;  // a Phi exists (HOLDS)
  bool per_choice = false;  // both rewards over (s, a): one equation per choice
  size_t equations = 0;
  size_t unknowns = 0;
  std::vector<Rational> phi;  // per state, when `potential`
  /// J_shaped(pi) - J_base(pi), the same for every policy: -E_start[Phi].
  Rational shift;
  /// A minimal set of equations no Phi satisfies together (FAILS).
  std::vector<ShapingEquation> conflict;
  /// Whether the two rewards have the same optimal policies (a = shaped,
  /// b = base).
  OptimalComparison optimal;
  /// `up to scale`: shaped = scale * base + g*Phi(s2) - Phi(s). When no
  /// scale > 0 fits but Phi and a scale <= 0 do, `potential` is false,
  /// `conflict` empty and `scale` that scale (the only one that fits).
  bool scaled = false;
  Rational scale = Rational(1);
};

/// `proxy epic_distance_to truth over M below d` (epic.h).
struct EpicEvidence {
  EpicPieces pieces;  // a = proxy, b = truth, both canonical
  Rational below;     // d
  size_t triples = 0;  // |S| |A| |S|
  bool below_holds = false;  // D < d, decided exactly
  std::optional<Rational> squared;  // D^2 when rational
  double distance = 0.0;            // D, for display only
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_RELATIONS_RELATION_EVIDENCE_H_
