// Rendering of why a verdict holds: a short "why:" line by default, the
// input-by-input table (or the solver's account) with --explain, and the
// JSON `explanation` object.
#ifndef ALIGNCHECK_REPORT_EXPLANATION_REPORT_H_
#define ALIGNCHECK_REPORT_EXPLANATION_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "analysis/model.h"
#include "readings/idealized/idealized_evidence.h"
#include "readings/mdp/mdp_evidence.h"
#include "readings/verdict.h"

namespace aligncheck {

/// Returns the lines explaining an idealized HOLDS verdict: the short form,
/// or with `full` the input-by-input table; "" when there is nothing to say.
/// `max_rows` limits the table's rows (0: all).
std::string IdealizedExplanationText(const Model& model, const Claim& claim,
                                     const Verdict& v,
                                     const IdealizedEvidence& ev, bool full,
                                     size_t max_rows);

/// Returns the `explanation` object of an idealized HOLDS verdict, or null.
nlohmann::ordered_json IdealizedExplanationJson(const Model& model,
                                                const Claim& claim,
                                                const Verdict& v,
                                                const IdealizedEvidence& ev);

/// Returns, with `full`, the lines explaining an MDP HOLDS verdict: each
/// goal conjunct's worst case over the optimal policies against its bound;
/// "" without `full` or for another verdict.
std::string MdpExplanationText(const Verdict& v, const MdpEvidence& ev,
                               bool full);

/// Returns the `explanation` object of an MDP HOLDS verdict, or null.
nlohmann::ordered_json MdpExplanationJson(const Verdict& v,
                                          const MdpEvidence& ev);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_EXPLANATION_REPORT_H_
