// Machine-readable output of `aligncheck check` (--format json).
#ifndef ALIGNCHECK_REPORT_JSON_REPORT_H_
#define ALIGNCHECK_REPORT_JSON_REPORT_H_

#include <string>
#include <vector>

#include "driver/check_result.h"

namespace aligncheck {

/// Renders all results as one JSON document (keys in a fixed order):
/// {"version", "claims": [...], "not_checked": [...], "diagnostics": [...],
/// "summary": {...}}.
/// Each claim has file, line, column, name, claim, operationalization,
/// verdict, expected, as_expected, method, reason, minimizers, vacuous and,
/// for fails, a counterexample whose policy maps every input to an output.
std::string RenderCheckJson(const std::vector<FileResult>& results);

/// Renders `aligncheck lint` results: {"version", "diagnostics": [...],
/// "summary": {files, errors, warnings, notes}}. Every diagnostic has file,
/// line, column, end_line, end_column, severity, id, message, notes, help
/// and fixits (description, replacement, needs and their range).
std::string RenderLintJson(const std::vector<FileResult>& results);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_JSON_REPORT_H_
