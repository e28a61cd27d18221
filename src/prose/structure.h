// The structural matcher of the prose rules: AC101 and AC103 read off a
// sentence's parse (prose/parser.h) instead of word order, so that
// passives ("intent is rarely captured by the reward"), reduced relatives,
// long subjects and words in between stop being special cases. It runs
// only on sentences the word patterns (prose/matchers.h) leave open and
// that name a loss; mood, mentions, quotes and exemptions are decided by
// the same callers as for the word patterns.
#ifndef ALIGNCHECK_PROSE_STRUCTURE_H_
#define ALIGNCHECK_PROSE_STRUCTURE_H_

#include <cstdint>
#include <string_view>

#include "prose/matchers.h"
#include "prose/parser.h"
#include "prose/patterns.h"

namespace aligncheck::prose {

/// Parses the sentence under test at most once, and only when asked.
class SentenceParseCache {
 public:
  /// `paragraph` is the text the tokens index into.
  explicit SentenceParseCache(std::string_view paragraph)
      : paragraph_(paragraph) {}
  /// The parse of bytes [begin, end) of the paragraph, or nullptr when it
  /// has none (see ParseSentence).
  const SentenceParse* Get(uint32_t begin, uint32_t end);

 private:
  std::string_view paragraph_;
  uint32_t begin_ = 1;
  uint32_t end_ = 0;
  bool ok_ = false;
  SentenceParse parse_;
};

/// Past-tense pursuit verbs ("optimized", "maximized", "pursued"): only
/// the parse tells the active voice ("the agent optimized the reward")
/// from the passive, so only the structural matcher reads them.
bool IsPastPursuit(std::string_view w);

/// Words only the structural matcher anchors on: acquisition verbs ("get",
/// "achieve"), past-tense pursuit, verbs of specifying and judgements of a
/// specification.
bool IsStructureCue(std::string_view w);

/// AC101 from structure: a loss phrase linked (two links at most) to a
/// correspondence word that is in turn linked to a goal phrase, not
/// through the loss ("the goals we specify for AI systems often differ
/// from the outcomes we actually want"; "human intent is rarely captured
/// by the reward"), or to a judgement of how it was specified ("a reward
/// function that is even slightly misspecified", "a perfectly specified
/// loss"). A proxy judged alone is a substitution, not a claim.
///
/// AC103 from structure: an agent that is the subject of a chain of verbs
/// (wants, tries to, is designed to, learns to) ending in an acquisition
/// or pursuit verb whose object is reward or loss, or whose goal (the
/// agent's goal, the goal of an agent) is to get it; not when negated or
/// when the sentence names what is meant (prose/matchers.h).
///
/// Returns whether `m` was set. Sentences without a loss word are not
/// parsed.
bool MatchStructure(const SentenceView& s, SentenceParseCache& cache,
                    Match& m);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_STRUCTURE_H_
