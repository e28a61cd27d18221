// The vocabulary of the prose rules: word classes and the noun phrases the
// patterns (prose/patterns.cpp) look for. Words are compared lower-cased.
#ifndef ALIGNCHECK_PROSE_LEXICON_H_
#define ALIGNCHECK_PROSE_LEXICON_H_

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "prose/tokens.h"

namespace aligncheck::prose {

using Words = std::initializer_list<std::string_view>;

/// "Not found" for the token indices below.
inline constexpr size_t kNone = static_cast<size_t>(-1);

inline bool In(std::string_view w, Words words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

inline bool IsWord(const Token& t) { return t.kind == TokenKind::kWord; }

/// Quotation marks and leftover emphasis markers: transparent to patterns.
bool IsQuoteMark(const Token& t);

/// would, could, might, may, should, must, can, ...
bool IsModal(std::string_view w);

/// Auxiliaries, relative pronouns and adverbs that may stand between a
/// subject and its verb without changing who does what.
bool IsFiller(std::string_view w);

/// Words that end a clause: an object or definition never runs past them.
bool IsClauseBreak(std::string_view w);

bool IsPreposition(std::string_view w);

/// A name given to a loss or an agent right after its noun: `L`, ℓ, R.
bool IsName(const Token& t);

/// aligned, aligns, align, aligning, and "well-aligned".
bool IsAlignVerb(std::string_view w);

/// represents, encodes, captures, reflects, embodies (any form), matches.
bool IsRepresentVerb(std::string_view w);

/// Returns the first token of a loss-like noun phrase ending at token j
/// (loss, reward, objective, loss/reward/objective/cost function, reward
/// model, reward/loss/training signal), or kNone. "our objective" and
/// "the main objective" are aims, not losses.
size_t LossHead(const std::vector<Token>& tokens, size_t begin, size_t j);

/// Returns the first token of an agent-like subject ending at token j
/// (agent, model, policy, network, AI, system, learner, assistant, LLM,
/// robot, it, ...), or kNone. "they" is left out: too often people.
size_t AgentHead(const std::vector<Token>& tokens, size_t begin, size_t j);

/// Returns the last token of a goal-like phrase starting at token j, or
/// kNone: goal(s), intent(s), intention(s) as a head noun; values,
/// preferences, desires, interests, wishes after human/our/the designer's;
/// intended/desired goal, behaviour, outcome, task, ...; "what we (really)
/// want / intend / care about".
size_t GoalEnd(const std::vector<Token>& tokens, size_t j, size_t end);

/// Returns the next token from `k` that is not a quotation mark.
size_t SkipMarks(const std::vector<Token>& tokens, size_t k, size_t end);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_LEXICON_H_
