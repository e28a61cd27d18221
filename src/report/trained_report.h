// Text for what trained-outcome claims, hypothesis classes, censuses and
// stories add to a verdict block.
#ifndef ALIGNCHECK_REPORT_TRAINED_REPORT_H_
#define ALIGNCHECK_REPORT_TRAINED_REPORT_H_

#include <string>

#include "driver/check_result.h"
#include "report/text_report.h"

namespace aligncheck {

/// The verdict word of a result: "SUPPORTED" for trained claims, else the
/// usual "HOLDS", "FAILS", "UNKNOWN".
std::string VerdictWord(const Verdict& v);

/// Returns whether the result has a block that RenderExtraText renders in
/// place of the generic one (trained runs, class counterexamples, stories).
bool HasExtraBody(const Model& model, const ClaimResult& result);

/// Renders that block, every line indented by two spaces.
std::string RenderExtraText(const Model& model, const ClaimResult& result,
                            const TextOptions& options);

/// Renders the census line(s) of an idealized claim, or "" without one.
std::string RenderCensusText(const Model& model, const ClaimResult& result);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_TRAINED_REPORT_H_
