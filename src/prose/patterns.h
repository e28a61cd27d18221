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

class SentenceParseCache;

/// A trigger phrase: tokens [first, last] of the paragraph.
struct Match {
  const char* rule = "";  // "AC101", ...
  size_t first = 0;
  size_t last = 0;
  size_t subject = 0;  // the loss, the agent, or "outer" / "inner"
  size_t verb = 0;     // decides whose words they are (quotes)
};

/// What the neighbouring sentences say about this one.
struct SentenceMood {
  bool question = false;     // it ends in '?'
  bool answered_no = false;  // the next sentence answers it "No"
};

/// Finds the rules' phrases in the sentence made of tokens [begin, end) of
/// `tokens`. Mood does not matter, use versus mention does: questions,
/// conditions, wishes and modals that use the notion match like
/// assertions; a phrase after a frame that talks about the idea (see
/// prose/mention.h), in a sentence that calls the notion ambiguous, or in
/// a question answered "No" (for AC103) does not. At most one match per
/// rule; an AC101 phrase inside an AC102 definition is not reported twice.
/// With `structure`, a sentence no word pattern matches is parsed and
/// given to the structural matcher (prose/structure.h); a sentence that
/// neither reads is read by roles last (prose/roles.h), parse or not.
std::vector<Match> FindMatches(const std::vector<Token>& tokens, size_t begin,
                               size_t end, SentenceMood mood,
                               SentenceParseCache* structure = nullptr);

/// Sets Token::verb on every token that could anchor a match, and returns
/// whether any does: the cheap test done before splitting sentences and
/// finding quotes. FindMatches only looks at classified tokens.
bool ClassifyVerbs(std::vector<Token>& tokens);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_PATTERNS_H_
