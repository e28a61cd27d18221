// Rendering of why a claim over a hypothesis class holds: the class
// minimum and its minimizers, and, when the claim fails over all policies,
// the violating minimizer outside the class with the inputs whose
// strict-argmax constraints rule it out.
#ifndef ALIGNCHECK_REPORT_CLASS_EXPLANATION_REPORT_H_
#define ALIGNCHECK_REPORT_CLASS_EXPLANATION_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "analysis/model.h"
#include "readings/idealized/explanation.h"

namespace aligncheck {

/// One sentence, without "why: ".
std::string ClassShortReason(const Model& model, const Claim& claim,
                             const ClassExplanation& e);

/// The "why:" line, and with `full` the class minimizers and the
/// constraints that keep the outside minimizer out of the class.
std::string ClassExplanationText(const Model& model, const Claim& claim,
                                 const ClassExplanation& e, bool full);

/// The `explanation` object (kind "class").
nlohmann::ordered_json ClassExplanationJson(const Model& model,
                                            const Claim& claim,
                                            const ClassExplanation& e);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_CLASS_EXPLANATION_REPORT_H_
