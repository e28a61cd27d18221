// The lint driver: rules, configuration, suppressions, blocked claims.
#include "lint/lint.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "lint/lint_rules.h"
#include "lint/rule_catalog.h"
#include "lint/suppress.h"

namespace aligncheck {
namespace {

struct DeclRef {
  const ast::Name* name = nullptr;
  Span span;
  const ast::ClaimDecl* claim = nullptr;
};

// The declaration whose text contains `span`, if any.
DeclRef Enclosing(const ast::Spec& spec, Span span) {
  DeclRef found;
  for (const ast::Decl& decl : spec.decls) {
    std::visit(
        [&](const auto& d) {
          if (d.span.begin <= span.begin && span.begin < d.span.end) {
            found.name = &d.name;
            found.span = d.span;
          }
        },
        decl);
    if (found.name) {
      found.claim = std::get_if<ast::ClaimDecl>(&decl);
      break;
    }
  }
  return found;
}

// Claims a finding is about: the claim it sits in, or every claim that
// names the declaration it sits in.
std::vector<const ast::ClaimDecl*> TouchedClaims(const ast::Spec& spec,
                                                 const Diagnostic& d) {
  DeclRef ref = Enclosing(spec, d.span);
  if (ref.claim) return {ref.claim};
  std::vector<const ast::ClaimDecl*> out;
  if (!ref.name) return out;
  const std::string& n = ref.name->text;
  for (const ast::Decl& decl : spec.decls) {
    const auto* c = std::get_if<ast::ClaimDecl>(&decl);
    if (!c) continue;
    auto is = [&](const std::optional<ast::Name>& x) {
      return x && x->text == n;
    };
    if (c->subject.text == n || c->goal.text == n || is(c->data) ||
        is(c->model) || is(c->training)) {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

LintResult LintSpec(const std::shared_ptr<const SourceFile>& file,
                    const ast::Spec* spec, Model* model,
                    std::vector<Diagnostic> stage, const LintConfig& config,
                    const EngineOptions& engine) {
  LintResult result;
  std::vector<Diagnostic> found;
  LintContext ctx{file, spec, model, engine, &found};
  if (spec) {
    for (Diagnostic& d : stage) {
      if (d.id == "AC002") AddStoryHelp(d);
      if (d.id != "AC001") continue;
      for (const ast::Decl& decl : spec->decls) {
        const auto* c = std::get_if<ast::ClaimDecl>(&decl);
        if (c && c->relation_span.begin == d.span.begin) {
          AddReadingFixIts(ctx, *c, d);
        }
      }
    }
    RunSyntaxRules(ctx);
    if (model) RunModelRules(ctx);
  }

  // Claims that analysis could not resolve because of a finding: they stay
  // unchecked even when the finding is suppressed.
  std::set<std::string> in_model;
  if (model) {
    for (const Claim& c : model->claims) in_model.insert(c.name);
  }
  std::vector<BlockedClaim> blocked;
  auto block = [&](const ast::ClaimDecl& c, const std::string& rule,
                   bool suppressed) {
    for (const BlockedClaim& b : blocked) {
      if (b.name == c.name.text) return;
    }
    blocked.push_back({c.name.text, rule, c.name.span, suppressed});
  };

  std::vector<Suppression> suppressions;
  std::vector<Diagnostic> kept;
  if (file && !file->text().empty()) {
    suppressions = ParseSuppressions(file, found);
  }
  for (Diagnostic& d : stage) found.push_back(std::move(d));
  // Source order, so the first finding on a claim is the one that blocks it.
  std::stable_sort(
      found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.span.begin, a.id) < std::tie(b.span.begin, b.id);
      });
  for (Diagnostic& d : found) {
    bool rule_finding = IsFinding(d) && FindRule(d.id) != nullptr;
    bool was_error = d.severity == Severity::kError;
    bool dropped = false;
    if (rule_finding) {
      dropped = !ApplyRuleSetting(config, d);
      if (!dropped && d.file == file && Suppressed(d, suppressions)) {
        dropped = true;
      }
    }
    if (spec && model && IsFinding(d) && d.file == file) {
      for (const ast::ClaimDecl* c : TouchedClaims(*spec, d)) {
        bool unresolved = in_model.count(c->name.text) == 0;
        // An unresolved claim is blocked by the analysis error on it, even
        // when that error is suppressed; a resolved one by any error left.
        if ((unresolved && was_error) ||
            (!dropped && d.severity == Severity::kError)) {
          block(*c, d.id, dropped);
        }
      }
    }
    if (!dropped) kept.push_back(std::move(d));
  }
  if (file) {
    for (Diagnostic& d : UnusedSuppressions(file, suppressions)) {
      if (ApplyRuleSetting(config, d)) kept.push_back(std::move(d));
    }
  }
  DiagnosticSink sink;
  for (Diagnostic& d : kept) sink.Add(std::move(d));
  result.diagnostics = sink.Sorted();

  if (model) {
    std::set<std::string> names;
    for (const BlockedClaim& b : blocked) names.insert(b.name);
    auto& claims = model->claims;
    claims.erase(
        std::remove_if(claims.begin(), claims.end(),
                       [&](const Claim& c) { return names.count(c.name) > 0; }),
        claims.end());
  }
  std::sort(blocked.begin(), blocked.end(),
            [](const BlockedClaim& a, const BlockedClaim& b) {
              return a.span.begin < b.span.begin;
            });
  result.blocked = std::move(blocked);
  return result;
}

}  // namespace aligncheck
