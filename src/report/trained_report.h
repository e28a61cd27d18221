// Text and JSON for trained_outcome claims: the toy learner's runs, and the
// evidence the claim cites without it being checked.
#ifndef ALIGNCHECK_REPORT_TRAINED_REPORT_H_
#define ALIGNCHECK_REPORT_TRAINED_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "driver/check_result.h"

namespace aligncheck {

/// Returns the body lines of a verdict that carries trained evidence.
std::string RenderTrainedText(const Model& model, const ClaimResult& result,
                              const TrainedEvidence& ev);

/// Adds "trained" and, for a failure, the "counterexample" of the first seed
/// that violates the goal.
void AddTrainedJson(const Model& model, const ClaimResult& result,
                    const TrainedEvidence& ev, nlohmann::ordered_json& j);

/// For a trained_outcome claim, whatever its verdict: one line per cited
/// piece of evidence, or "" for other claims.
std::string RenderCitationsText(const Model& model, const Claim& claim);

/// For a trained_outcome claim, whatever its verdict: adds "evidence".
void AddCitationsJson(const Model& model, const Claim& claim,
                      nlohmann::ordered_json& j);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_TRAINED_REPORT_H_
