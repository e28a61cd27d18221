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

/// Whether token j, before `end`, is a word among `words`.
inline bool WordAt(const std::vector<Token>& tokens, size_t j, size_t end,
                   Words words) {
  return j < end && IsWord(tokens[j]) && In(tokens[j].lower, words);
}

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

/// Verbs of correspondence that take the goal as a direct object:
/// represents, encodes, captures, reflects, embodies, matches, specifies,
/// defines, expresses, tracks, approximates, stipulates (most forms).
bool IsRepresentVerb(std::string_view w);

/// Verbs of correspondence that take the goal after a preposition:
/// "corresponds to", "agrees with", "diverges from", "differs from".
/// Returns the preposition they need, or an empty view.
std::string_view PrepositionOf(std::string_view verb);

/// Adjectives that judge a loss against the intent: correct, right,
/// wrong, perfect, accurate, misspecified, misaligned, underspecified,
/// flawed, ... and their negated forms.
bool IsEvaluative(std::string_view w);

/// Adverbs that judge a specification against the intent: "perfectly /
/// correctly / poorly specified", "specify the reward accurately" (not
/// "carefully designed": how it was made, not whether it matches).
bool IsJudgingAdverb(std::string_view w);

/// A form of optimize, maximize or minimize, either spelling
/// ("optimizes", "maximised", "minimizing").
bool IsOptimizeWord(std::string_view w);

/// "the values of its designers", "those of the humans": the owner's token
/// after `of` at j (a human, users, designers, ...), or kNone.
size_t OwnerAfterOf(const std::vector<Token>& tokens, size_t j, size_t end);

/// Adverbs: "-ly" words (not "only", "apply", ...) and the fillers.
bool IsAdverb(std::string_view w);

/// Nouns for a correspondence that fails: misalignment, misspecification,
/// mismatch, gap, divergence, discrepancy.
bool IsGapNoun(std::string_view w);

/// Returns the first token of a learned objective ending at token j, the
/// other side of an inner-alignment definition: mesa-objective(s),
/// internal / learned / inner objective(s), or kNone.
size_t MesaHead(const std::vector<Token>& tokens, size_t begin, size_t j);

/// Returns the first token of a loss-like noun phrase ending at token j
/// (loss, reward, objective, loss/reward/objective/cost function, reward
/// model, reward/loss/training/feedback signal, proxy, specification,
/// optimization target, the metric being optimized), or kNone. "our
/// objective", "the main objective" and "the true objective" are aims or
/// targets, not losses. A token marked kLossAnaphor is a loss phrase.
size_t LossHead(const std::vector<Token>& tokens, size_t begin, size_t j);

/// Whether the aims ending at token j ("objectives", "proxy goals") are
/// what an agent pursues, achieves or learns: its own, not a loss.
bool PursuedAims(const std::vector<Token>& tokens, size_t j);

/// Returns the first token of an agent-like subject ending at token j
/// (agent, model, policy, network, AI, system, learner, assistant, LLM,
/// robot, it, ...), or kNone. "they" is left out: too often people.
size_t AgentHead(const std::vector<Token>& tokens, size_t begin, size_t j);

/// Returns the last token of a goal-like phrase starting at token j, or
/// kNone: goal(s), intent(s), intention(s) as a head noun; values,
/// preferences, desires, interests, wishes after human/our/the designer's;
/// intended/desired goal, behaviour, outcome, task, ...; true / intended /
/// actual objective; "what we (really) want / intend / care about"; "our
/// own" (after aligned with).
size_t GoalEnd(const std::vector<Token>& tokens, size_t j, size_t end);

/// Returns the next token from `k` that is not a quotation mark.
size_t SkipMarks(const std::vector<Token>& tokens, size_t k, size_t end);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_LEXICON_H_
