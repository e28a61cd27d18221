// Verdicts as one-line messages for annotation formats.
#include "report/claim_summary.h"

#include <fmt/format.h>

#include <cctype>

#include "report/evidence_report.h"

namespace aligncheck {

const char* ClaimRuleId(const ClaimResult& result) {
  // A verdict other than the written `expect` is one finding, whichever
  // verdict it is: a filter on claim-unexpected catches every broken
  // expectation. A claim without `expect` keeps the id of its verdict.
  if (result.claim->expect != Claim::Expect::kNone && !result.AsExpected())
    return "claim-unexpected";
  switch (result.verdict.kind) {
    case Verdict::Kind::kFails:
      return "claim-fails";
    case Verdict::Kind::kUnknown:
      return "claim-unknown";
    case Verdict::Kind::kHolds:
      return result.AsExpected() ? "" : "claim-unexpected";
  }
  return "";
}

Severity ClaimSeverity(const ClaimResult& result) {
  if (!result.AsExpected()) return Severity::kError;
  return result.verdict.kind == Verdict::Kind::kFails ? Severity::kNote
                                                      : Severity::kWarning;
}

std::string ClaimMessage(const Model& model, const ClaimResult& result) {
  const Claim& claim = *result.claim;
  const Verdict& v = result.verdict;
  std::string verdict = VerdictName(v.kind);
  for (char& c : verdict) c = static_cast<char>(std::toupper(c));
  std::string out = fmt::format("claim '{}' {}", claim.name, verdict);
  std::string detail = EvidenceMessage(model, result);
  if (!detail.empty()) {
    out += detail;
  } else if (!v.reason.empty()) {
    out += ": " + v.reason;
  }
  if (claim.expect != Claim::Expect::kNone) {
    out += result.AsExpected() ? " (as expected)" : " (UNEXPECTED)";
  }
  return out;
}

}  // namespace aligncheck
