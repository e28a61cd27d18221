// AC102 by roles: "outer alignment" or "inner alignment" followed by a
// correspondence read by roles, or, for inner alignment, by a model that
// learns or pursues the training side ("whether a system learns the
// objective it was given").
#include <algorithm>

#include "prose/roles.h"

namespace aligncheck::prose {
namespace {

constexpr size_t kMaxDefinitionWords = 30;

// Inner alignment's half: the model learns, pursues or takes on the
// training side ("learns the objective it was given", "pursues the
// specified goal").
bool LearnsTrainingSide(const SentenceView& s, Match& m) {
  const auto& tokens = s.tokens;
  std::vector<Phrase> losses = LossPhrases(s);
  for (size_t v = s.begin; v < s.end; ++v) {
    if (!WordAt(tokens, v, s.end,
                {"learns", "learned", "learn", "internalizes", "internalize",
                 "internalized", "pursues", "pursue", "pursuing", "accomplish",
                 "optimizes", "optimize", "adopts", "adopt", "wants"})) {
      continue;
    }
    for (const Phrase& loss : losses) {
      if (loss.first > v && loss.first - v <= 4 && loss.first < s.mention) {
        m = {"AC102", v, loss.last, v, v};
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool MatchDefinitionByRoles(const SentenceView& s, Match& m) {
  const auto& tokens = s.tokens;
  for (size_t t = s.begin; t < s.end; ++t) {
    if ((tokens[t].verb & kDefinitionWord) == 0 || t >= s.mention) continue;
    size_t after = 0;
    char kind = DefinitionTerm(tokens, t, s.end, after);
    if (kind == 0) continue;
    // "outer alignment is not about ...": a definition rejected.
    bool negated = false;
    for (size_t k = after; k < s.end && k < after + 3; ++k) {
      negated = negated || IsNegation(tokens[k].lower);
    }
    if (negated) continue;
    size_t end = std::min(s.end, after + kMaxDefinitionWords);
    SentenceView rest{tokens, after, end, s.mention};
    Match found;
    if (MatchCorrespondenceByRoles(rest, found) ||
        (kind == 'i' && LearnsTrainingSide(rest, found))) {
      m = {"AC102", t, std::max(found.last, after - 1), t, found.verb};
      return true;
    }
  }
  return false;
}

}  // namespace aligncheck::prose
