// Verdicts as one-line messages for annotation formats.
#include "report/claim_summary.h"

#include <fmt/format.h>

#include <cctype>

#include "report/objective_words.h"

namespace aligncheck {

const char* ClaimRuleId(const ClaimResult& result) {
  bool expected = result.AsExpected();
  switch (result.verdict.kind) {
    case Verdict::Kind::kFails:
      return "claim-fails";
    case Verdict::Kind::kUnknown:
      return "claim-unknown";
    case Verdict::Kind::kHolds:
      return expected ? "" : "claim-unexpected";
  }
  return "";
}

Severity ClaimSeverity(const ClaimResult& result) {
  if (!result.AsExpected()) return Severity::kError;
  return result.verdict.kind == Verdict::Kind::kFails ? Severity::kNote
                                                      : Severity::kWarning;
}

std::string ClaimMessage(const Model& model, const ClaimResult& result) {
  const Claim& claim = *result.claim;
  const Verdict& v = result.verdict;
  std::string verdict = VerdictName(v.kind);
  for (char& c : verdict) c = static_cast<char>(std::toupper(c));
  std::string out = fmt::format("claim '{}' {}", claim.name, verdict);
  if (v.kind == Verdict::Kind::kFails && v.counterexample &&
      claim.reading == Claim::Reading::kIdealized) {
    const Loss& loss = model.losses[claim.loss];
    const Domain& in = model.domains[loss.input];
    const Domain& out_domain = model.domains[loss.output];
    const ObjectiveWords w = WordsFor(loss);
    out += fmt::format(": a {} of {}_{} violates {}:",
                       w.Optimizer(claim.has_within && claim.within != 0),
                       w.letter, model.data[claim.data].name,
                       model.goals[claim.goal].name);
    constexpr size_t kShown = 10;
    const Policy& pi = v.counterexample->policy;
    for (size_t x = 0; x < pi.size() && x < kShown; ++x) {
      out += fmt::format("{} {} -> {}", x ? "," : "", in.values[x],
                         out_domain.values[pi[x]]);
    }
    if (pi.size() > kShown) out += fmt::format(", ... ({} inputs)", pi.size());
  } else if (!v.reason.empty()) {
    out += ": " + v.reason;
  }
  if (claim.expect != Claim::Expect::kNone) {
    out += result.AsExpected() ? " (as expected)" : " (UNEXPECTED)";
  }
  return out;
}

}  // namespace aligncheck
