// The lint rule catalogue: the one place that owns every rule's id, name,
// default severity and explanation. Detection lives elsewhere (analysis for
// AC001-AC005, lint/*_rules.cpp for the rest, prose/ for the write-up
// rules AC101-AC103); everything user-facing about a rule comes from here.
#ifndef ALIGNCHECK_LINT_RULE_CATALOG_H_
#define ALIGNCHECK_LINT_RULE_CATALOG_H_

#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace aligncheck {

struct Rule {
  const char* id;       // "AC001": stable, never reused
  const char* name;     // "bare-aligned-with": kebab-case, for humans
  Severity severity;    // the default
  const char* summary;  // one line: what the rule flags
  const char* why;      // a paragraph: why it exists
  const char* bad;      // a spec fragment (AC1xx: a sentence) that triggers it
  const char* good;     // the same fragment, fixed
};

/// Every rule, sorted by id.
const std::vector<Rule>& AllRules();

/// Returns the rule with `id`, or null.
const Rule* FindRule(const std::string& id);

/// Ids of every rule, sorted: for did-you-mean suggestions.
std::vector<std::string> RuleIds();

/// Renders `aligncheck explain ID`: summary, why, bad and good examples.
std::string ExplainRule(const Rule& rule);

/// Renders `aligncheck explain`: one line per rule.
std::string ListRules();

/// An input error (E001-E037): what it means and how a fix looks. Errors
/// are not lint rules: they cannot be suppressed or configured.
struct ErrorInfo {
  const char* id;       // "E001"
  const char* meaning;  // one line
  const char* fix;      // an example of the fix
};

/// Every error id E001-E037, sorted (ids no longer reported say so).
const std::vector<ErrorInfo>& AllErrors();

/// Returns the error with `id`, or null.
const ErrorInfo* FindError(const std::string& id);

/// Renders `aligncheck explain EXXX`.
std::string ExplainError(const ErrorInfo& error);

}  // namespace aligncheck

#endif  // ALIGNCHECK_LINT_RULE_CATALOG_H_
