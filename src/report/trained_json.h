// JSON for what trained-outcome claims, hypothesis classes, censuses and
// stories add to a claim object.
#ifndef ALIGNCHECK_REPORT_TRAINED_JSON_H_
#define ALIGNCHECK_REPORT_TRAINED_JSON_H_

#include <nlohmann/json.hpp>

#include "driver/check_result.h"

namespace aligncheck {

/// Adds "trained", "parameters", "census", "story" and "evidence" keys to
/// `j` where the result has them. Keys are added in a fixed order.
void AddTrainedJson(const Model& model, const ClaimResult& result,
                    nlohmann::ordered_json& j);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_TRAINED_JSON_H_
