// Relations between two rewards over data: `proxy unhackable_with truth
// over D` (Skalse et al. 2022, Def. 1) and `proxy simplifies truth over D`
// (Def. 2), decided exactly on the one-step policies pi: X -> Y.
//
// J_r(pi) = sum_x D(x) r(x, pi(x)) with D normalized; a loss l counts as
// the reward -l. Both relations are decided by the frontier search of
// opposite_pairs.h; every pair it returns is re-checked by evaluating the
// four values exactly before it is reported.
//
// Simplification, as read here (Def. 2 of the paper): for all policies
// p, q, J_truth(p) < J_truth(q) implies J_proxy(p) <= J_proxy(q), and
// J_truth(p) = J_truth(q) implies J_proxy(p) = J_proxy(q); and some pair
// with J_truth(p) < J_truth(q) has J_proxy(p) = J_proxy(q). A proxy that
// orders every pair as the truth does is equivalent to it, not a
// simplification.
#ifndef ALIGNCHECK_READINGS_RELATIONS_RELATIONS_H_
#define ALIGNCHECK_READINGS_RELATIONS_RELATIONS_H_

#include "analysis/model.h"
#include "readings/relations/opposite_pairs.h"
#include "readings/verdict.h"
#include "solve/engine_options.h"

namespace aligncheck {

/// The weighted option values of `claim`'s two rewards over its data, in
/// reward units; sets `*error` instead when the parts do not fit together.
OptionTable RelationTable(const Model& model, const Claim& claim,
                          std::string* error);

/// Sets `v`'s kind and reason for a relation's finding, over data or an
/// mdp alike; `pair` describes the pair of policies that shows it (not
/// read for kNone and kNoTieMade).
void SetFindingVerdict(RelationEvidence::Finding finding,
                       const std::string& proxy, const std::string& truth,
                       const std::string& pair, Verdict* v);

/// Decides a relation claim. REQUIRES: claim.reading == kRelation.
Verdict CheckRelationClaim(const Model& model, const Claim& claim,
                           const EngineOptions& options);

/// Decides a relation claim over an mdp (claim.mdp >= 0):
/// `unhackable_with` and `potential_shaping_of` (mdp_pairs.h, shaping.h).
Verdict CheckMdpRelationClaim(const Model& model, const Claim& claim,
                              const EngineOptions& options);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_RELATIONS_RELATIONS_H_
