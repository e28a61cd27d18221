// The lint pass over one parsed spec: runs the rules, then applies the
// configuration (rule on/off, severity) and the suppression comments, and
// decides which claims an error blocks from being checked.
#ifndef ALIGNCHECK_LINT_LINT_H_
#define ALIGNCHECK_LINT_LINT_H_

#include <memory>
#include <string>
#include <vector>

#include "analysis/model.h"
#include "diag/diagnostic.h"
#include "readings/check.h"
#include "lint/config.h"
#include "parse/ast.h"

namespace aligncheck {

/// A claim that `check` does not check, and the rule that blocks it.
struct BlockedClaim {
  std::string name;
  std::string rule;         // "AC001"
  Span span;                // the claim's name
  bool suppressed = false;  // the blocking finding was suppressed or off
};

struct LintResult {
  std::vector<Diagnostic> diagnostics;  // sorted
  std::vector<BlockedClaim> blocked;    // in source order
};

/// Lints one file. `stage` holds the diagnostics of parsing and analysis;
/// findings among them (AC ids) are adopted: configured, suppressible, and
/// AC001 gains its fix-its. `spec` is null after parse errors, `model` after
/// semantic errors. Claims blocked by an error are removed from
/// `model->claims`; the model is otherwise untouched (semantic rules ask
/// the engine questions of their own).
LintResult LintSpec(const std::shared_ptr<const SourceFile>& file,
                    const ast::Spec* spec, Model* model,
                    std::vector<Diagnostic> stage, const LintConfig& config,
                    const EngineOptions& engine);

}  // namespace aligncheck

#endif  // ALIGNCHECK_LINT_LINT_H_
