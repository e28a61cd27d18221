// One-line accounts of claim verdicts, shared by the annotation formats
// (SARIF, GitHub) that show a verdict as a located message; the rule id is
// also shown by text and JSON output, so every format names a verdict alike.
#ifndef ALIGNCHECK_REPORT_CLAIM_SUMMARY_H_
#define ALIGNCHECK_REPORT_CLAIM_SUMMARY_H_

#include <string>

#include "diag/diagnostic.h"
#include "driver/check_result.h"

namespace aligncheck {

/// The rule id an annotation of this verdict carries: "claim-unexpected"
/// whenever the verdict differs from the claim's written `expect` (holds,
/// fails, unknown or mixed alike), otherwise "claim-fails" or
/// "claim-unknown"; "" when it needs no annotation (holds as expected).
const char* ClaimRuleId(const ClaimResult& result);

/// Severity of the annotation: error when the verdict is not as expected,
/// otherwise note for an expected failure and warning for unknown.
Severity ClaimSeverity(const ClaimResult& result);

/// "claim 'c' FAILS: a minimizer of L_train violates g: romance -> ...".
std::string ClaimMessage(const Model& model, const ClaimResult& result);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_CLAIM_SUMMARY_H_
