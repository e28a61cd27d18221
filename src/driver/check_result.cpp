// Summary counts and expectation matching shared by every output format.
#include "driver/check_result.h"

namespace aligncheck {
namespace {

// `expect supported|refuted|mixed` names the trained verdict exactly.
bool TrainedAsExpected(Claim::Expect expect, const Verdict& v) {
  if (!v.trained) return false;
  switch (v.trained->kind) {
    case TrainedEvidence::Kind::kSupported:
      return expect == Claim::Expect::kSupported;
    case TrainedEvidence::Kind::kRefuted:
      return expect == Claim::Expect::kRefuted;
    case TrainedEvidence::Kind::kMixed:
      return expect == Claim::Expect::kMixed;
  }
  return false;
}

}  // namespace

bool ClaimResult::AsExpected() const {
  switch (claim->expect) {
    case Claim::Expect::kNone:
      return verdict.kind != Verdict::Kind::kFails;
    case Claim::Expect::kHolds:
      return verdict.kind == Verdict::Kind::kHolds;
    case Claim::Expect::kFails:
      return verdict.kind == Verdict::Kind::kFails;
    case Claim::Expect::kSupported:
    case Claim::Expect::kRefuted:
    case Claim::Expect::kMixed:
      return TrainedAsExpected(claim->expect, verdict);
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
