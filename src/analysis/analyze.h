// Name resolution and type checking: AST in, Model out.
#ifndef ALIGNCHECK_ANALYSIS_ANALYZE_H_
#define ALIGNCHECK_ANALYSIS_ANALYZE_H_

#include <memory>
#include <optional>

#include "analysis/model.h"
#include "diag/diagnostic.h"
#include "parse/ast.h"

namespace aligncheck {

/// Limits that keep analysis bounded on hostile input.
struct AnalysisLimits {
  size_t max_domain_size = 1'000'000;
  size_t max_table_entries = 20'000'000;  // |X| * |Y| of a loss
  size_t max_csv_bytes = 512u << 20;
  // Specs are untrusted (they arrive in pull requests): a CSV file must lie
  // in the spec's own directory tree unless the user allows otherwise.
  bool allow_outside = false;
};

/// Resolves `spec` (parsed from `file`) into a Model. Every semantic error
/// is reported to `sink` with its location; the model is returned only when
/// there were none but findings (IsFinding), whose claims are left out of
/// it. CSV files are read relative to the directory of
/// `file->name()`.
std::optional<Model> Analyze(const ast::Spec& spec,
                             const std::shared_ptr<const SourceFile>& file,
                             DiagnosticSink& sink,
                             const AnalysisLimits& limits = {});

}  // namespace aligncheck

#endif  // ALIGNCHECK_ANALYSIS_ANALYZE_H_
