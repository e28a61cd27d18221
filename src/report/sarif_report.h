// SARIF 2.1.0 output (--format sarif), as GitHub code scanning reads it:
// the rule catalogue as tool.driver.rules, every located diagnostic and
// every failed or unknown claim as a result.
#ifndef ALIGNCHECK_REPORT_SARIF_REPORT_H_
#define ALIGNCHECK_REPORT_SARIF_REPORT_H_

#include <string>
#include <vector>

#include "driver/check_result.h"

namespace aligncheck {

/// Renders one SARIF log with one run. Results are in file and source
/// order; URIs are the paths as given (relative ones against %SRCROOT%);
/// columns count UTF-16 code units, as SARIF's default columnKind says.
/// Diagnostics without a file become tool execution notifications.
std::string RenderSarif(const std::vector<FileResult>& results);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_SARIF_REPORT_H_
