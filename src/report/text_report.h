// Human-readable output of `aligncheck check`: one block per claim with the
// evidence, then a summary line.
#ifndef ALIGNCHECK_REPORT_TEXT_REPORT_H_
#define ALIGNCHECK_REPORT_TEXT_REPORT_H_

#include <string>
#include <vector>

#include "driver/check_result.h"

namespace aligncheck {

struct TextOptions {
  /// Most counterexample rows printed; inputs where the goal breaks come
  /// first. 0 = all.
  size_t max_rows = 20;
  /// --explain: why a verdict holds in full, not just its short "why:" line.
  bool explain = false;
};

/// Renders the verdict block of one claim.
std::string RenderClaimText(const Model& model, const ClaimResult& result,
                            const TextOptions& options);

/// Renders the closing summary line, e.g.
/// "4 claims in 1 file: 1 holds, 2 fail, 1 unknown; all as expected".
std::string RenderSummaryText(const CheckSummary& summary);

/// Renders the claims of `file` that lint blocked, one block each:
/// "file:line:col: NOT CHECKED name" and the rule that blocks it.
std::string RenderBlockedText(const FileResult& file);

/// Renders the closing line of `aligncheck lint`, e.g.
/// "1 error, 2 warnings, 0 notes in 3 files".
std::string RenderLintSummaryText(const CheckSummary& summary);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_TEXT_REPORT_H_
