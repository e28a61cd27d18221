// Clause shapes shared by the prose rules: the subject a verb belongs to,
// and the goal or the loss that follows it.
#ifndef ALIGNCHECK_PROSE_CLAUSE_H_
#define ALIGNCHECK_PROSE_CLAUSE_H_

#include <cstddef>
#include <vector>

#include "prose/lexicon.h"
#include "prose/tokens.h"

namespace aligncheck::prose {

/// Recognizes a noun phrase ending at token j; returns its first token or
/// kNone (LossHead, AgentHead, MesaHead).
using HeadFn = size_t (*)(const std::vector<Token>&, size_t, size_t);

/// The subject found before a verb, and what stands between them.
struct Subject {
  size_t first = kNone;
  bool modal = false;
  bool negated = false;
};

/// Walks back from the verb at `v` over auxiliaries, adverbs, negations,
/// modals and one comma aside to a subject accepted by `head`; a name may
/// follow the subject's noun ("the loss ℓ novel"). Stops at `begin`.
Subject WalkBack(const std::vector<Token>& tokens, size_t begin, size_t v,
                 HeadFn head);

/// The goal a correspondence verb points at: a goal phrase within a few
/// words from `k`, with nothing but words and quotation marks before it.
/// Returns its last token, or kNone.
size_t FindGoal(const std::vector<Token>& tokens, size_t k, size_t end);

/// The loss or reward an agent is said to pursue, from `k`: a few
/// determiners and adjectives ("its expected future"), then the noun.
/// Returns its last token, or kNone. With `objective`, "the objective" and
/// "the base objective" count as well.
size_t FindLossObject(const std::vector<Token>& tokens, size_t k, size_t end,
                      bool objective);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_CLAUSE_H_
