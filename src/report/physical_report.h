// Text and JSON for physical_only and agent verdicts: the behaviour, its
// register reading and where the goal breaks, or over which behaviours the
// claim holds.
#ifndef ALIGNCHECK_REPORT_PHYSICAL_REPORT_H_
#define ALIGNCHECK_REPORT_PHYSICAL_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "driver/check_result.h"
#include "report/text_report.h"

namespace aligncheck {

/// Returns the body lines (after the header and the claim) of a verdict
/// that carries physical evidence `ev`.
std::string RenderPhysicalText(const Model& model, const ClaimResult& result,
                               const PhysicalEvidence& ev,
                               const TextOptions& options);

/// Adds the physical fields (model, bound, behaviour counts, and for a
/// failure the counterexample with its `policy`) to a claim's JSON.
void AddPhysicalJson(const Model& model, const ClaimResult& result,
                     const PhysicalEvidence& ev, nlohmann::ordered_json& j);

/// ": a behaviour of lab that reads at most 0 violates g (channels used:
/// overwrite): a -> u, b -> v" for a physical or agent failure, as the
/// one-line annotation formats show it; "" when there is none.
std::string PhysicalMessage(const Model& model, const ClaimResult& result,
                            const PhysicalEvidence& ev);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_PHYSICAL_REPORT_H_
