// Text and JSON for story evidence: each rationale claim's verdict, and
// the assumptions the story states without checking.
#ifndef ALIGNCHECK_REPORT_STORY_REPORT_H_
#define ALIGNCHECK_REPORT_STORY_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "driver/check_result.h"

namespace aligncheck {

/// Returns the body lines of a story's verdict.
std::string RenderStoryText(const Model& model, const ClaimResult& result,
                            const StoryEvidence& ev);

/// Adds, for a failure, the "counterexample" of the first rationale claim
/// that has one, then "story".
void AddStoryJson(const Model& model, const ClaimResult& result,
                  const StoryEvidence& ev, nlohmann::ordered_json& j);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_STORY_REPORT_H_
