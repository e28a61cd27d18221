// The exemption of the prose rules: a sentence is qualified when it (or,
// for the author's own words, its paragraph) names an operationalization
// or an attached claim.
#ifndef ALIGNCHECK_PROSE_QUALIFY_H_
#define ALIGNCHECK_PROSE_QUALIFY_H_

#include <string>
#include <string_view>
#include <vector>

#include "prose/prose.h"
#include "prose/tokens.h"

namespace aligncheck::prose {

/// Whether tokens [begin, end) of `paragraph` (with `tokens` its
/// tokenization), or a code span among them, name an operationalization or
/// one of `claim_names`.
///
/// Operationalizations are named by aligncheck's keywords (physical_only,
/// idealized_minimizer, trained_outcome, with '-' or ' ' for '_' and
/// British spellings) and by the essay's explicit phrasings of the same
/// readings: physical loss / physical-loss / physically implemented /
/// physical implementation / loss (or reward) register; mathematical loss /
/// mathematical idealization / minimizer(s) / "on (over) the training
/// data (distribution, set)"; training (or learning) setup, training story
/// / rationale; and a loss said to be "taken (read, interpreted,
/// understood) as" something. Claim names match whole words, case
/// sensitively, in prose or in code.
/// Whether `name` occurs in `text` as a whole identifier (letters,
/// digits and '_' neither before nor after it).
bool ContainsIdentifier(std::string_view text, std::string_view name);

bool NamesQualification(const Paragraph& paragraph,
                        const std::vector<Token>& tokens, size_t begin,
                        size_t end,
                        const std::vector<std::string>& claim_names);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_QUALIFY_H_
