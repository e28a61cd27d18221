// AC105: prose that states a relation between two rewards (a shaping that
// preserves the optimal policies, an unhackable proxy, a reward close to
// the true one by EPIC) without a relation claim of the document that
// checks it.
#ifndef ALIGNCHECK_PROSE_RELATION_WORDS_H_
#define ALIGNCHECK_PROSE_RELATION_WORDS_H_

#include <cstddef>
#include <vector>

#include "prose/patterns.h"
#include "prose/tokens.h"

namespace aligncheck::prose {

/// The relation keyword (potential_shaping_of, unhackable_with,
/// epic_distance_to) whose informal statement tokens [begin, end) make,
/// with the phrase in `*m`; null when they make none. The phrases:
///  - a shaping word (shaping, shaped, bonus, potential-based) and
///    preserve / keep / leave (unchanged) / retain followed within three
///    words by "optimal" or "optimality", or "policy-invariant";
///  - "unhackable", or "not hackable" / "cannot be hacked", in a sentence
///    with a reward word (reward, proxy, objective, loss);
///  - "EPIC" with a reward word and "distance", "close" or "near".
const char* MatchRelationStatement(const std::vector<Token>& tokens,
                                   size_t begin, size_t end, Match* m);

/// Whether the raw bytes may hold such a statement: the stems "shap",
/// "unha" / "hack" and "epic", in any ASCII case.
bool MayStateRelation(std::string_view raw);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_RELATION_WORDS_H_
