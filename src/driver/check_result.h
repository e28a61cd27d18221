// The outcome of `aligncheck check` over a set of files, as plain data that
// every output format renders.
#ifndef ALIGNCHECK_DRIVER_CHECK_RESULT_H_
#define ALIGNCHECK_DRIVER_CHECK_RESULT_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/model.h"
#include "diag/diagnostic.h"
#include "readings/verdict.h"
#include "lint/lint.h"
#include "readings/readings.h"

namespace aligncheck {

struct ClaimResult {
  const Claim* claim = nullptr;
  Verdict verdict;

  /// Returns whether the verdict matches the claim's `expect`, or, without
  /// one, whether it is not a failure.
  bool AsExpected() const;
};

struct FileResult {
  std::string path;
  std::shared_ptr<const SourceFile> file;  // null when it could not be read
  std::vector<Diagnostic> diagnostics;     // sorted
  std::optional<Model> model;              // absent after errors
  std::vector<ClaimResult> claims;
  std::vector<BlockedClaim> blocked;  // claims lint kept from checking
  bool bad_input = false;             // parse or semantic errors: exit 2
  /// --strict or `strict = true` in the file's configuration: UNKNOWN and
  /// vacuous verdicts are findings.
  bool strict = false;
};

/// Why a verdict is not accepted under --strict: an UNKNOWN verdict, or a
/// HOLDS that is vacuous (true whatever the loss, or with nothing to
/// constrain). Empty when it is accepted.
std::string StrictObjection(const ClaimResult& result);

/// One claim that --strict does not accept.
struct StrictFinding {
  const FileResult* file = nullptr;
  const ClaimResult* claim = nullptr;
  std::string why;  // StrictObjection
};

/// The claims of strict files whose verdicts --strict does not accept, in
/// file order.
std::vector<StrictFinding> StrictFindings(
    const std::vector<FileResult>& results);

struct CheckSummary {
  size_t files = 0;
  size_t claims = 0;
  size_t holds = 0;
  size_t fails = 0;
  size_t unknown = 0;
  size_t unexpected = 0;  // verdicts that do not match `expect`
  size_t unclear = 0;     // claims that cannot be checked as written (AC...)
  size_t errors = 0;      // other error diagnostics: bad input
  size_t warnings = 0;
  size_t notes = 0;
  size_t not_checked = 0;  // claims blocked by a finding
};

/// Unexpected verdicts plus unclear claims: what makes `check` exit 1.
inline size_t Findings(const CheckSummary& s) { return s.unexpected + s.unclear; }

CheckSummary Summarize(const std::vector<FileResult>& results);


}  // namespace aligncheck

#endif  // ALIGNCHECK_DRIVER_CHECK_RESULT_H_
