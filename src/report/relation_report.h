// Text and JSON for relation claims between two rewards: the pair of
// policies that decides the verdict, with the four values exactly.
#ifndef ALIGNCHECK_REPORT_RELATION_REPORT_H_
#define ALIGNCHECK_REPORT_RELATION_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "driver/check_result.h"
#include "report/text_report.h"

namespace aligncheck {

/// The verdict block of a result with relation evidence (after the claim
/// line); "" when it has none.
std::string RenderRelationText(const Model& model, const ClaimResult& result,
                               const RelationEvidence& ev,
                               const TextOptions& options);

/// Adds a "relation" key to `j` when the result has relation evidence.
void AddRelationJson(const Model& model, const ClaimResult& result,
                     const RelationEvidence& ev, nlohmann::ordered_json& j);

/// The verdict block of a `potential_shaping_of` claim: Phi per state, or
/// the transitions no Phi fits and how the optimal policies compare.
std::string RenderShapingText(const Model& model, const ClaimResult& result,
                              const ShapingEvidence& ev,
                              const TextOptions& options);

/// Adds a "shaping" key to `j`.
void AddShapingJson(const Model& model, const ClaimResult& result,
                    const ShapingEvidence& ev, nlohmann::ordered_json& j);

/// The verdict block of an `epic_distance_to` claim: the distance, the
/// exact pieces it comes from, and how D < d was decided.
std::string RenderEpicText(const Model& model, const ClaimResult& result,
                           const EpicEvidence& ev);

/// Adds an "epic" key to `j`.
void AddEpicJson(const Model& model, const ClaimResult& result,
                 const EpicEvidence& ev, nlohmann::ordered_json& j);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_RELATION_REPORT_H_
