// Strict-mode findings as text, for standard error in every output format.
#include "report/strict_report.h"

#include <fmt/format.h>

namespace aligncheck {

std::string RenderStrictText(const std::vector<StrictFinding>& findings) {
  std::string out;
  for (const StrictFinding& f : findings) {
    const Claim& claim = *f.claim->claim;
    const SourceFile& file = *f.file->model->file;
    LineCol at = file.Locate(claim.name_span.begin);
    out += fmt::format("{}:{}:{}: strict: claim '{}' is not accepted: {}\n",
                       file.name(), at.line, at.col, claim.name, f.why);
  }
  if (!findings.empty()) {
    out += fmt::format(
        "strict: {} verdict{} UNKNOWN or vacuous, so the check did not "
        "establish {} (exit 1)\n",
        findings.size(), findings.size() == 1 ? " is" : "s are",
        findings.size() == 1 ? "it" : "them");
  }
  return out;
}

}  // namespace aligncheck
