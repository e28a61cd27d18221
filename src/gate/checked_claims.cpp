// The document's verdicts as the contradiction rule (AC104) reads them.
#include <fmt/format.h>

#include <cctype>

#include "gate/gate.h"

namespace aligncheck::gate {
namespace {

prose::ClaimVerdict::Outcome OutcomeOf(Verdict::Kind kind) {
  switch (kind) {
    case Verdict::Kind::kHolds:
      return prose::ClaimVerdict::Outcome::kHolds;
    case Verdict::Kind::kFails:
      return prose::ClaimVerdict::Outcome::kFails;
    case Verdict::Kind::kUnknown:
      break;
  }
  return prose::ClaimVerdict::Outcome::kUnknown;
}

// The verdict word the text report prints: trained claims say SUPPORTED,
// REFUTED or MIXED.
std::string LabelOf(const Verdict& v) {
  std::string word = VerdictLabel(v);
  for (char& c : word) c = static_cast<char>(std::toupper(c));
  return word;
}

void Add(const FileResult& file, std::vector<prose::ClaimVerdict>& out) {
  if (!file.model || !file.file) return;
  for (const ClaimResult& r : file.claims) {
    if (r.claim == nullptr) continue;
    prose::ClaimVerdict c;
    c.name = r.claim->name;
    c.outcome = OutcomeOf(r.verdict.kind);
    c.label = LabelOf(r.verdict);
    LineCol at = file.file->Locate(r.claim->name_span.begin);
    c.location = fmt::format("{}:{}:{}", file.file->name(), at.line, at.col);
    if (r.verdict.kind == Verdict::Kind::kUnknown &&
        !r.verdict.reason.empty()) {
      c.detail = "unknown because: " + r.verdict.reason;
    }
    out.push_back(std::move(c));
  }
}

}  // namespace

std::vector<prose::ClaimVerdict> CheckedClaims(const DocumentResult& result) {
  std::vector<prose::ClaimVerdict> out;
  Add(result.document, out);
  for (const FileResult& spec : result.attached) Add(spec, out);
  return out;
}

}  // namespace aligncheck::gate
