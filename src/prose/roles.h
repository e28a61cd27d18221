// The phrases the roles reading of the prose rules looks for (prose/
// matchers.h: MatchCorrespondenceByRoles, MatchAgentByRoles,
// MatchDefinitionByRoles): a training side, a target, each found by its
// words alone, wherever it stands in the sentence. Internal to prose/.
#ifndef ALIGNCHECK_PROSE_ROLES_H_
#define ALIGNCHECK_PROSE_ROLES_H_

#include <cstddef>
#include <vector>

#include "prose/lexicon.h"
#include "prose/matchers.h"

namespace aligncheck::prose {

/// Tokens [first, last] of the paragraph.
struct Phrase {
  size_t first = kNone;
  size_t last = kNone;
};

/// What is measured or optimized when it is not called a loss, starting at
/// token j: "what we measure", "what is optimized", "what you specified",
/// "the metric", "the grader", "the goal it was given". Returns the
/// phrase's last token or kNone.
size_t MeasuredEnd(const std::vector<Token>& tokens, size_t j, size_t end);

/// Every training-side phrase of the sentence (LossHead or MeasuredEnd),
/// outermost only, in order.
std::vector<Phrase> LossPhrases(const SentenceView& s);

/// A target starting at token j: a goal phrase (GoalEnd) or one of the
/// targets read only next to a loss and a correspondence word ("the true
/// task objectives", "what the agent should achieve", "human ethics").
/// Returns its last token or kNone.
size_t TargetEnd(const std::vector<Token>& tokens, size_t j, size_t end);

/// Every target phrase of the sentence, in order.
std::vector<Phrase> GoalPhrases(const SentenceView& s);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_ROLES_H_
