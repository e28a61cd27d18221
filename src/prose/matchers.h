// The three phrase families of the prose rules, each matched on one
// sentence: a loss that corresponds to a goal (AC101), a definition of
// outer or inner alignment by such a correspondence (AC102), and an agent
// that pursues reward or low loss (AC103). Mood, quotes and exemptions are
// decided by the caller (prose/patterns.cpp, prose/prose.cpp).
#ifndef ALIGNCHECK_PROSE_MATCHERS_H_
#define ALIGNCHECK_PROSE_MATCHERS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "prose/patterns.h"
#include "prose/tokens.h"

namespace aligncheck::prose {

/// One sentence: tokens [begin, end) of `tokens`. A phrase whose subject
/// starts at or after `mention` is talked about, not used (see
/// prose/mention.h).
struct SentenceView {
  const std::vector<Token>& tokens;
  size_t begin;
  size_t end;
  size_t mention;
};

/// AC101: a loss-like subject with a correspondence verb and a goal
/// ("the reward captures what users want", "the objective diverges from
/// the true objective"), a goal encoded into a loss ("values compressed
/// into loss functions"), a loss judged against the intent ("a misspecified
/// reward", "the reward was wrong"), or a gap between a loss and a goal.
/// Negated and modal forms count: they still presume the match is well
/// defined. Returns whether `m` was set to the first such phrase.
bool MatchCorrespondence(const SentenceView& s, Match& m);

/// AC101 by roles: a training-side phrase (a loss, or what is measured or
/// optimized: "the metric", "what we measure"), a target-side phrase and a
/// correspondence word between them, each side within a few words of it
/// and in the same clause, in any order ("human intentions are not easily
/// expressed as formal objectives"); a gap noun may name both sides after
/// it ("the misalignment between what we measure and what we want"). An
/// align verb must be said of the loss: the loss stands just before it or
/// is its object ("aligning LLMs with human preferences" is not). The
/// last resort after the phrase patterns and the parse.
bool MatchCorrespondenceByRoles(const SentenceView& s, Match& m);

/// AC103 by roles: an agent (within a few words before, in the same
/// clause, with no negation, training procedure or author in between) and
/// a pursuit verb or an infinitive of getting ("to maximize") whose object
/// is reward, loss, the objective or a proxy ("adjusts its acceleration to
/// maximize the proxy reward"). Not when the sentence names what is meant.
/// The last resort after the phrase patterns and the parse.
bool MatchAgentByRoles(const SentenceView& s, Match& m);

/// Which half of the outer/inner alignment definition the term at `v`
/// names ("outer alignment", "inner-misalignment", "outer aligned"): 'o'
/// for outer, 'i' for inner, 0 for neither; `after` is set to the token
/// after the term.
char DefinitionTerm(const std::vector<Token>& tokens, size_t v, size_t end,
                    size_t& after);

/// AC102 by roles: "outer alignment" followed (within a definition's
/// length, not negated) by an AC101 roles match, or "inner alignment"
/// followed by one or by a model that learns, pursues or internalizes the
/// training side ("whether a system learns the objective it was given").
/// Match::subject is the term's first token.
bool MatchDefinitionByRoles(const SentenceView& s, Match& m);

/// Whether `w` is a correspondence word only the roles reading uses.
bool IsRolesCue(const std::string& w);

/// AC102: outer alignment defined by a loss-goal correspondence, or inner
/// alignment defined by a learned objective or model that matches or
/// pursues the base or training objective. A negated definition ("outer
/// alignment is not about ...") and a question about what the term means
/// ("would outer alignment mean ...?") are not definitions.
bool MatchDefinition(const SentenceView& s, bool question, Match& m);

/// AC103: an agent that wants, tries, seeks, aims, learns or is built to
/// get reward or low loss; that optimizes, maximizes or pursues reward or
/// its objective; whose goal or job is to maximize reward; or that cares
/// about reward. Not when negated (that rejects the notion), and not when
/// the sentence names what is meant: the reward signal, register, channel
/// or sensor, a number or a score.
bool MatchAgentWants(const SentenceView& s, Match& m);

/// AC103's word classes, shared with the structural matcher
/// (prose/structure.h): motivation verbs (wants, tries, aims, designed,
/// incentivized), acquisition verbs (maximize, get, receive), pursuit verbs
/// (optimizes, pursues, values, seeks) and aim nouns (goal, objective, job).
/// Whether the agent starting at token `first` is acted on or studied
/// rather than acting: "train a model to", "we optimize the model to",
/// "we study how an agent maximizes".
bool FramedAgent(const SentenceView& s, size_t first);

/// Whether the words after the reward at `loss` describe behaviour that
/// scores without doing the task (the prose policy's C6): "even though it
/// violated the intent", "rather than genuinely cleaning", and with
/// `contrast` also "without" and "while" (which the labelled corpora read
/// both ways, so only the roles reading, the last, uses them); not a claim
/// about what the agent wants.
bool DescribesBehaviour(const SentenceView& s, size_t loss, bool contrast);

bool IsMotivation(const std::string& w);
bool IsAcquisition(const std::string& w);
bool IsPursuit(const std::string& w);
bool IsAimNoun(const std::string& w);
/// Whether the sentence names the physical reading anywhere: the
/// register, channel, sensor or button, tampering, overwriting,
/// wireheading.
bool NamesRegister(const SentenceView& s);
/// Whether the sentence says which reward is meant, anywhere (the
/// register, channel or sensor, tampering) or next to the loss at token
/// `loss` (the signal, a number, a score, the loss on a data set).
bool NamesWhatIsMeant(const SentenceView& s, size_t loss);

/// Whether `w` is a verb of putting a goal into a loss ("encoding",
/// "compressed", "translation"): ClassifyVerbs marks it.
bool IsEncodeWord(const std::string& w);

/// Whether `w` can anchor an AC103 phrase (wants, tries, optimizes,
/// goal, job, ...): ClassifyVerbs marks it.
bool IsAgentWord(const std::string& w);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_MATCHERS_H_
