// Words that say nothing the prose rules read, taken out before they read a
// paragraph: abbreviations defined in passing ("reward models (RMs)"),
// whose parenthesis only repeats the words before it, and the "not" of
// "not only", which negates nothing.
#ifndef ALIGNCHECK_PROSE_SIMPLIFY_H_
#define ALIGNCHECK_PROSE_SIMPLIFY_H_

#include <string>
#include <string_view>
#include <vector>

#include "prose/tokens.h"

namespace aligncheck::prose {

/// Removes each "( ABBR )" whose letters are the initials of the words just
/// before it, in order (function words such as "from" may be skipped; a
/// hyphenated word gives one initial or one per part). When the spelled-out
/// words are all capitalized ("Generalized Reward Matching (GRM)") they
/// are a name, and their tokens get Token::in_name. Blanks the removed
/// bytes in `*blanked` (a copy of the paragraph text) so that a parser sees
/// the same sentence; returns whether anything was removed.
bool DropAbbreviationDefinitions(std::vector<Token>* tokens,
                                 std::string* blanked);

/// Removes the "not" of "not only", "not just", "not merely", "not simply"
/// ("an agent has to not only maximize reward but also ..."), blanking it
/// in `*blanked`; returns whether anything was removed.
bool DropNotOnly(std::vector<Token>* tokens, std::string* blanked);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_SIMPLIFY_H_
