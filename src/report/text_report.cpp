// Text rendering of verdicts: a located header, the claim, what the evidence
// adds (evidence_report.h), and how the verdict relates to the claim's
// `expect`.
#include "report/text_report.h"

#include <fmt/format.h>

#include <cctype>

#include "parse/claim_words.h"
#include "report/claim_summary.h"
#include "report/evidence_report.h"
#include "report/trained_report.h"

namespace aligncheck {
namespace {

// The verdict word: "SUPPORTED" for trained claims, else "HOLDS", "FAILS",
// "UNKNOWN".
std::string VerdictWord(const Verdict& v) {
  std::string word = VerdictLabel(v);
  for (char& c : word) c = static_cast<char>(std::toupper(c));
  return word;
}

}  // namespace

std::string RenderClaimText(const Model& model, const ClaimResult& result,
                            const TextOptions& options) {
  const Claim& claim = *result.claim;
  const Verdict& v = result.verdict;
  LineCol at = model.file->Locate(claim.name_span.begin);
  std::string out = fmt::format("{}:{}:{}: {} {}", model.file->name(), at.line,
                                at.col, VerdictWord(v), claim.name);
  if (v.kind == Verdict::Kind::kHolds && v.vacuous) out += " (vacuous)";
  // The id SARIF and GitHub annotations give this verdict, in the place a
  // diagnostic shows its id.
  if (std::string id = ClaimRuleId(result); !id.empty()) {
    out += " [" + id + "]";
  }
  out += "\n";
  out += "    " + claim.text + "\n";
  out += RenderEvidenceText(model, result, options);
  out += RenderCitationsText(model, claim);
  for (const std::string& path : v.dumped_queries) {
    out += "  solver query written to " + path + "\n";
  }
  std::string expected = ExpectName(claim.expect);
  if (!expected.empty()) {
    if (result.AsExpected()) {
      out += fmt::format("  expected {}: as expected\n", expected);
    } else {
      std::string got = VerdictLabel(v);
      out += fmt::format("  expected {}, got {}: UNEXPECTED\n", expected, got);
    }
  }
  return out;
}

std::string RenderSummaryText(const CheckSummary& s) {
  std::string out = fmt::format(
      "{} claim{} in {} file{}: {} hold{}, {} fail{}, {} unknown", s.claims,
      s.claims == 1 ? "" : "s", s.files, s.files == 1 ? "" : "s", s.holds,
      s.holds == 1 ? "s" : "", s.fails, s.fails == 1 ? "s" : "", s.unknown);
  if (size_t findings = Findings(s); findings > 0) {
    out += fmt::format("; {} finding{}", findings, findings == 1 ? "" : "s");
  }
  if (s.errors > 0) {
    out += fmt::format("; {} error{}", s.errors, s.errors == 1 ? "" : "s");
  }
  if (s.not_checked > 0) {
    out += fmt::format("; {} not checked", s.not_checked);
  }
  return out + "\n";
}

std::string RenderBlockedText(const FileResult& file) {
  std::string out;
  for (const BlockedClaim& b : file.blocked) {
    LineCol at = file.file->Locate(b.span.begin);
    out += fmt::format("{}:{}:{}: NOT CHECKED {}\n  blocked by {}{}\n",
                       file.file->name(), at.line, at.col, b.name, b.rule,
                       b.suppressed ? " (suppressed, but the claim still has "
                                      "no checkable meaning)"
                                    : "");
  }
  return out;
}

std::string RenderLintSummaryText(const CheckSummary& s) {
  auto plural = [](size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  return fmt::format("{}, {}, {} in {}\n", plural(s.unclear + s.errors, "error"),
                     plural(s.warnings, "warning"), plural(s.notes, "note"),
                     plural(s.files, "file"));
}

}  // namespace aligncheck
