// Text and JSON for physical and agent claims over an MDP: the best
// observed return per channel subset, and a failing behaviour (policy,
// channels, observed and true returns, its run, on the map for a grid).
#ifndef ALIGNCHECK_REPORT_PHYSICAL_MDP_REPORT_H_
#define ALIGNCHECK_REPORT_PHYSICAL_MDP_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "analysis/model.h"
#include "driver/check_result.h"
#include "readings/physical_mdp/physical_mdp_evidence.h"
#include "report/text_report.h"

namespace aligncheck {

/// The claim's body (between its header and the `expected` line).
std::string RenderPhysicalMdpText(const Model& model, const ClaimResult& result,
                                  const PhysicalMdpEvidence& ev,
                                  const TextOptions& options);

/// For one-line messages (SARIF, GitHub), or "" unless the claim fails.
std::string PhysicalMdpMessage(const Model& model, const ClaimResult& result,
                               const PhysicalMdpEvidence& ev);

/// Adds the "physical_mdp" object (and "counterexample") to a claim's JSON.
void AddPhysicalMdpJson(const Model& model, const ClaimResult& result,
                        const PhysicalMdpEvidence& ev,
                        nlohmann::ordered_json& j);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_PHYSICAL_MDP_REPORT_H_
