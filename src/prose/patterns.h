// The phrase patterns of the prose rules AC101-AC103, matched on the
// tokens of one sentence. Who speaks (quotes) and what qualifies a
// sentence (operationalizations, claims) are decided by the caller.
#ifndef ALIGNCHECK_PROSE_PATTERNS_H_
#define ALIGNCHECK_PROSE_PATTERNS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "prose/tokens.h"

namespace aligncheck::prose {

/// An asserted trigger phrase: tokens [first, last] of the paragraph.
struct Match {
  const char* rule = "";  // "AC101", ...
  size_t first = 0;
  size_t last = 0;
  size_t subject = 0;  // the loss, the agent, or "outer"
  size_t verb = 0;     // decides whose words they are (quotes)
};

/// Finds the rules' phrases in the sentence made of tokens [begin, end) of
/// `tokens`, keeping only assertions: a sentence ending in '?', a negated
/// phrase (not, never, no, n't between subject and object or just before
/// the subject), a modal one (would, could, should, must, may, might, can)
/// and one after if, suppose, imagine, whether, when, want, hope, need,
/// or a frame that talks about the idea (the notion/idea/phrase/claim
/// that, saying, talking about) are not assertions. At most one match per
/// rule; an AC101 phrase inside an AC102 definition is not reported twice.
/// `question` says whether the sentence ends in '?'.
std::vector<Match> FindMatches(const std::vector<Token>& tokens, size_t begin,
                               size_t end, bool question);

/// Sets Token::verb on every token that could start a match, and returns
/// whether any does: the cheap test done before splitting sentences and
/// finding quotes. FindMatches only looks at classified tokens.
bool ClassifyVerbs(std::vector<Token>& tokens);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_PATTERNS_H_
