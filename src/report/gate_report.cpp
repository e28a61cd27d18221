// Gate summary counts and the summary line.
#include "report/gate_report.h"

#include <fmt/format.h>

namespace aligncheck {
namespace {

std::string Plural(size_t n, const char* word, const char* plural) {
  return fmt::format("{} {}", n, n == 1 ? word : plural);
}

}  // namespace

bool IsProseFinding(const Diagnostic& d) {
  return d.id.size() == 5 && d.id.compare(0, 3, "AC1") == 0;
}

GateSummary SummarizeGate(const GateResult& result) {
  GateSummary s;
  s.check = Summarize(result.files);
  s.documents = result.documents.size();
  for (const GateDocument& doc : result.documents)
    s.specs += doc.attached.size();
  s.check.files = s.documents + s.specs;
  for (const FileResult& f : result.files) {
    for (const Diagnostic& d : f.diagnostics) {
      if (!IsProseFinding(d)) continue;
      switch (d.severity) {
        case Severity::kError:
          ++s.prose_errors;
          break;
        case Severity::kWarning:
          ++s.prose_warnings;
          break;
        case Severity::kNote:
          ++s.prose_notes;
          break;
      }
    }
  }
  return s;
}

std::string RenderGateSummaryText(const GateSummary& s) {
  const CheckSummary& c = s.check;
  std::string out = Plural(s.documents, "document", "documents");
  if (s.specs > 0) {
    out += " and " + Plural(s.specs, "attached spec", "attached specs");
  }
  out += fmt::format(": {} ({} hold{}, {} fail{}, {} unknown",
                     Plural(c.claims, "claim", "claims"), c.holds,
                     c.holds == 1 ? "s" : "", c.fails, c.fails == 1 ? "s" : "",
                     c.unknown);
  if (c.unexpected > 0)
    out += fmt::format(", {} not as expected", c.unexpected);
  if (c.not_checked > 0) out += fmt::format(", {} not checked", c.not_checked);
  out += fmt::format("); prose findings: {}, {}, {}",
                     Plural(s.prose_errors, "error", "errors"),
                     Plural(s.prose_warnings, "warning", "warnings"),
                     Plural(s.prose_notes, "note", "notes"));
  size_t errors = c.unclear + c.errors - s.prose_errors;
  size_t warnings = c.warnings - s.prose_warnings;
  if (errors + warnings > 0) {
    out += fmt::format("; other: {}, {}", Plural(errors, "error", "errors"),
                       Plural(warnings, "warning", "warnings"));
  }
  return out + "\n";
}

}  // namespace aligncheck
