// The rule implementations behind LintSpec, shared by lint.cpp,
// ast_rules.cpp and model_rules.cpp. Callers include lint/lint.h.
#ifndef ALIGNCHECK_LINT_LINT_RULES_H_
#define ALIGNCHECK_LINT_LINT_RULES_H_

#include <memory>
#include <string>
#include <vector>

#include "analysis/model.h"
#include "diag/diagnostic.h"
#include "readings/check.h"
#include "parse/ast.h"

namespace aligncheck {

struct LintContext {
  std::shared_ptr<const SourceFile> file;
  const ast::Spec* spec = nullptr;  // never null in the rules below
  const Model* model = nullptr;     // null after semantic errors
  EngineOptions engine;
  std::vector<Diagnostic>* out = nullptr;

  /// Adds a diagnostic of rule `id` at its default severity.
  Diagnostic& Report(const char* id, Span span, std::string message) const;
};

/// Adds AC001's three fix-its (one per reading, with the parameters each
/// still needs) and its explanation to `d`, raised on `claim`.
void AddReadingFixIts(const LintContext& ctx, const ast::ClaimDecl& claim,
                      Diagnostic& d);

/// Adds AC002's suggestion of a training story to `d`.
void AddStoryHelp(Diagnostic& d);

/// AC006 (trained_outcome without setup or evidence) and, when the model
/// resolved, AC011 (unused declarations): rules on the syntax alone.
void RunSyntaxRules(const LintContext& ctx);

/// AC007-AC010 and AC012: rules decided exactly on the resolved model.
/// REQUIRES: ctx.model is not null.
void RunModelRules(const LintContext& ctx);

}  // namespace aligncheck

#endif  // ALIGNCHECK_LINT_LINT_RULES_H_
