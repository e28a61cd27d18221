// The outcome of `aligncheck gate` over a set of write-ups, and what only
// the gate prints: its summary line and its JSON document.
#ifndef ALIGNCHECK_REPORT_GATE_REPORT_H_
#define ALIGNCHECK_REPORT_GATE_REPORT_H_

#include <string>
#include <vector>

#include "driver/check_result.h"

namespace aligncheck {

/// A write-up among GateResult::files.
struct GateDocument {
  size_t index = 0;              // its entry in GateResult::files
  std::string syntax;            // "markdown" or "latex"
  size_t blocks = 0;             // embedded aligncheck blocks
  std::vector<size_t> attached;  // entries of the specs it attaches
};

struct GateResult {
  /// Problems without a document first (if any), then each document
  /// followed by the specs it attaches: the order every format prints.
  std::vector<FileResult> files;
  std::vector<GateDocument> documents;
};

struct GateSummary {
  CheckSummary check;  // claims, verdicts and every diagnostic
  size_t documents = 0;
  size_t specs = 0;  // attached specs
  size_t prose_errors = 0;
  size_t prose_warnings = 0;
  size_t prose_notes = 0;
};

/// Whether `d` comes from a prose rule (ids AC1xx).
bool IsProseFinding(const Diagnostic& d);

GateSummary SummarizeGate(const GateResult& result);

/// The closing line of `aligncheck gate`, e.g. "2 documents and 1 attached
/// spec: 3 claims (2 hold, 1 fails, 0 unknown); prose findings: 0 errors,
/// 1 warning, 2 notes".
std::string RenderGateSummaryText(const GateSummary& summary);

/// {"version", "documents": [...], "claims": [...], "not_checked": [...],
/// "diagnostics": [...], "summary": {...}}; claims and diagnostics as
/// `check --format json` has them.
std::string RenderGateJson(const GateResult& result);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_GATE_REPORT_H_
