// Summary counts and expectation matching shared by every output format.
#include "report/check_result.h"

namespace aligncheck {

const char* ReadingName(Claim::Reading reading) {
  switch (reading) {
    case Claim::Reading::kIdealized:
      return "idealized_minimizer";
    case Claim::Reading::kPhysical:
      return "physical_only";
    case Claim::Reading::kTrained:
      return "trained_outcome";
    case Claim::Reading::kAgent:
      return "agent";
  }
  return "idealized_minimizer";
}

bool ClaimResult::AsExpected() const {
  switch (claim->expect) {
    case Claim::Expect::kNone:
      return verdict.kind != Verdict::Kind::kFails;
    case Claim::Expect::kHolds:
      return verdict.kind == Verdict::Kind::kHolds;
    case Claim::Expect::kFails:
      return verdict.kind == Verdict::Kind::kFails;
  }
  return false;
}

CheckSummary Summarize(const std::vector<FileResult>& results) {
  CheckSummary s;
  s.files = results.size();
  for (const FileResult& file : results) {
    for (const Diagnostic& d : file.diagnostics) {
      if (d.severity == Severity::kError) ++(IsFinding(d) ? s.unclear : s.errors);
      if (d.severity == Severity::kWarning) ++s.warnings;
      if (d.severity == Severity::kNote) ++s.notes;
    }
    s.not_checked += file.blocked.size();
    for (const ClaimResult& c : file.claims) {
      ++s.claims;
      switch (c.verdict.kind) {
        case Verdict::Kind::kHolds:
          ++s.holds;
          break;
        case Verdict::Kind::kFails:
          ++s.fails;
          break;
        case Verdict::Kind::kUnknown:
          ++s.unknown;
          break;
      }
      if (!c.AsExpected()) ++s.unexpected;
    }
  }
  return s;
}

}  // namespace aligncheck
