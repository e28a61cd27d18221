// Summary counts and expectation matching shared by every output format.
#include "driver/check_result.h"

#include <fmt/format.h>

#include <algorithm>

namespace aligncheck {
namespace {

// `expect supported|refuted|mixed` names the trained verdict exactly.
bool TrainedAsExpected(Claim::Expect expect, const Verdict& v) {
  const TrainedEvidence* trained = v.trained();
  const TrainedMdpEvidence* over_mdp = v.trained_mdp();
  if (trained == nullptr && over_mdp == nullptr) return false;
  switch (trained != nullptr ? trained->kind : over_mdp->kind) {
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

namespace {

/// The best observed value over the channel subsets (least for a loss).
Rational BestOf(const PhysicalMdpEvidence& ev) {
  Rational best = ev.optima.front().best;
  for (const ObservedOptimum& o : ev.optima) {
    best = ev.loss_sense ? std::min(best, o.best) : std::max(best, o.best);
  }
  return best;
}

}  // namespace

std::string StrictObjection(const ClaimResult& result) {
  const Verdict& v = result.verdict;
  if (v.kind == Verdict::Kind::kUnknown) {
    return "UNKNOWN: " + (v.reason.empty() ? "not decided" : v.reason);
  }
  if (v.kind != Verdict::Kind::kHolds || !v.vacuous) return "";
  if (const PhysicalMdpEvidence* pm = v.physical_mdp();
      pm != nullptr && pm->unreachable) {
    return fmt::format("vacuous HOLDS: no behaviour's observed return "
                       "reaches the threshold (the best is {})",
                       FormatRational(pm->optima.empty()
                                          ? Rational(0)
                                          : BestOf(*pm)));
  }
  const PhysicalEvidence* physical = v.physical();
  const IdealizedEvidence* idealized = v.idealized();
  bool none_low = physical && physical->low && *physical->low == 0;
  std::string why = none_low ? "no behaviour reads at most the threshold"
                             : "the goal holds for every policy, whatever "
                               "the loss";
  if (none_low && !v.reason.empty()) why += " (" + v.reason + ")";
  if (!none_low && idealized && idealized->minimizers &&
      *idealized->minimizers == 0) {
    why = "no policy to check" + (v.reason.empty() ? "" : ": " + v.reason);
  }
  return "vacuous HOLDS: " + why;
}

std::vector<StrictFinding> StrictFindings(
    const std::vector<FileResult>& results) {
  std::vector<StrictFinding> out;
  for (const FileResult& file : results) {
    if (!file.strict) continue;
    for (const ClaimResult& c : file.claims) {
      std::string why = StrictObjection(c);
      if (!why.empty()) out.push_back({&file, &c, std::move(why)});
    }
  }
  return out;
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
