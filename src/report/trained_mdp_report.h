// Text and JSON for trained_outcome claims over an mdp: per-seed results,
// the fit of each run, and the learned policy of a failing seed.
#ifndef ALIGNCHECK_REPORT_TRAINED_MDP_REPORT_H_
#define ALIGNCHECK_REPORT_TRAINED_MDP_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "analysis/model.h"
#include "driver/check_result.h"
#include "readings/trained_mdp/trained_mdp_evidence.h"
#include "report/text_report.h"

namespace aligncheck {

/// The claim's body (between its header and the `expected` line).
std::string RenderTrainedMdpText(const Model& model, const ClaimResult& result,
                                 const TrainedMdpEvidence& ev,
                                 const TextOptions& options);

/// Adds the "trained_mdp" object (and, for a failing claim, the
/// "counterexample") to a claim's JSON.
void AddTrainedMdpJson(const Model& model, const ClaimResult& result,
                       const TrainedMdpEvidence& ev, nlohmann::ordered_json& j);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_TRAINED_MDP_REPORT_H_
