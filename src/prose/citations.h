// The contradiction rule (AC104): prose that cites a claim of the document
// and says the opposite of the claim's verdict. The gate checks the claims
// first and hands their verdicts over as plain values; this module never
// sees the model or the engines.
#ifndef ALIGNCHECK_PROSE_CITATIONS_H_
#define ALIGNCHECK_PROSE_CITATIONS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "prose/prose.h"
#include "prose/tokens.h"
#include "util/source_file.h"

namespace aligncheck::prose {

/// A checked claim of the document, as the contradiction rule needs it.
struct ClaimVerdict {
  enum class Outcome { kHolds, kFails, kUnknown };
  std::string name;
  Outcome outcome = Outcome::kUnknown;
  std::string label;     // as printed: "HOLDS", "FAILS", "MIXED", ...
  std::string location;  // "file:line:col" of the claim's name
  std::string detail;    // UNKNOWN: the reason; otherwise empty
};

/// What a sentence says about the one claim it cites.
enum class Assertion { kNone, kHolds, kFails };

/// Returns what the sentence made of tokens [begin, end) asserts about a
/// claim it cites (precision first; kNone whenever in doubt):
///  - kNone for a question, a sentence with a condition, supposition,
///    modal or expectation (if, whether, unless, suppose, would, could,
///    might, may, should, expect, hope, a wish "we want" but not "what we
///    want", ...), or both readings at once;
///  - kFails for "fails", "failed", "fail", "is refuted", "is falsified",
///    "does not hold", "never holds" (a negation at most two words before
///    "hold"); not "fails to ..." (something else failing), and not a
///    negated "fails" (which may still be unknown);
///  - kHolds for "holds", "held", "is verified", "is proved / proven",
///    "is confirmed", "is supported" without a negation, or a
///    correspondence (an AC101 phrase with "aligned" or a verb such as
///    "captures", or a loss, reward or objective followed by "aligned",
///    "captures", "represents", ...)
///    in a sentence without any negation and without a negative
///    correspondence word (misaligned, diverges, differs, gap, ...).
Assertion SentenceAssertion(const std::vector<Token>& tokens, size_t begin,
                            size_t end, bool question);

/// A cheap filter over a paragraph's raw bytes: whether any claim's name
/// occurs in it at all.
bool MayCite(std::string_view raw, const std::vector<ClaimVerdict>& claims);

/// Applies AC104 to `paragraph` of `host`: each sentence of the author's
/// own (not a blockquote) that cites exactly one claim of `claims` (in
/// inline code, as a link or \ref target, or as a whole word when the
/// name has '_' or a digit or follows "claim": "Claim narrow holds") and
/// asserts it holds while it FAILS or is UNKNOWN, or asserts it fails
/// while it HOLDS, is a finding at the citation, with the verdict and the
/// claim's location as notes.
std::vector<Diagnostic> CheckCitations(
    const std::shared_ptr<const SourceFile>& host, const Paragraph& paragraph,
    const std::vector<ClaimVerdict>& claims);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_CITATIONS_H_
