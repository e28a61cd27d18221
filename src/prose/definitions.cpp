// AC102: outer alignment defined as a loss matching the goal, and inner
// alignment defined as a learned objective (or the trained model) matching
// or pursuing the base objective: the two halves of the definition the
// essay quotes and cannot make sense of.
#include <algorithm>

#include "prose/clause.h"
#include "prose/matchers.h"

namespace aligncheck::prose {
namespace {

constexpr size_t kMaxDefinition = 24;  // words of a definition
constexpr size_t kMaxAlignWith = 8;    // aligning <the mesa-objective> with

bool EndsDefinition(const Token& u) {
  return u.lower == ";" ||
         (IsWord(u) &&
          In(u.lower, {"whereas", "while", "but", "because", "since",
                       "although", "though", "unless", "however"}));
}

// The definition verb after the term, or kNone: "is", "refers", "means",
// ":", "concerns", "asks"; past an aside ("outer alignment, roughly,
// is"), a noun ("the outer alignment problem is"), "which asks", "by
// outer alignment we mean".
size_t DefinitionVerb(const std::vector<Token>& tokens, size_t after,
                      size_t end) {
  size_t d = SkipMarks(tokens, after, end);
  if (d < end && tokens[d].lower == ",") {
    size_t close = d + 1;
    if (WordAt(tokens, close, end, {"which", "that"}))
      return close + 1 < end ? close + 1 : kNone;
    while (close < end && close <= d + 5 && IsWord(tokens[close]) &&
           !IsNegation(tokens[close].lower)) {
      ++close;
    }
    if (close < end && close > d + 1 && tokens[close].lower == ",") {
      d = SkipMarks(tokens, close + 1, end);
    }
  }
  if (WordAt(tokens, d, end,
             {"problem", "task", "challenge", "condition", "requirement",
              "optimizer", "optimiser", "model", "models", "system", "agent",
              "agents", "policy", "loss", "objective", "reward"})) {
    d = SkipMarks(tokens, d + 1, end);
  }
  if (d + 1 < end && WordAt(tokens, d, end, {"we", "i", "they"}) &&
      WordAt(tokens, d + 1, end, {"mean", "means", "understand"})) {
    ++d;
  }
  if (d < end && tokens[d].lower == ":") return d;
  if (WordAt(tokens, d, end,
             {"is",       "refers",     "means",     "denotes",  "describes",
              "concerns", "consists",   "amounts",   "involves", "requires",
              "asks",     "deals",      "seeks",     "aims",     "entails",
              "mean",     "understand", "addresses", "captures", "considers",
              "focuses",  "questions",  "examines",  "occurs",   "happens",
              "arises"})) {
    return d;
  }
  return kNone;
}

bool IsCopula(const std::string& w) {
  return In(w, {"is", "are", "was", "were", "be"});
}

// Outer content in [from, to): a loss with a correspondence word and a
// goal, a loss judged against the intent ("the right loss"), or a loss
// that is what we want. Returns its last token, or kNone.
size_t OuterContent(const SentenceView& s, size_t from, size_t to,
                    bool& negated) {
  const auto& tokens = s.tokens;
  size_t corr = kNone, loss = kNone, goal = kNone, judged = kNone;
  for (size_t j = from; j < to; ++j) {
    const Token& u = tokens[j];
    if (EndsDefinition(u)) break;
    if (!IsWord(u)) continue;
    if (IsNegation(u.lower)) negated = true;
    // "the base objective is the objective we want"; not "is a proxy".
    bool identity = loss != kNone && IsCopula(u.lower) && j + 1 < to &&
                    (GoalEnd(tokens, j + 1, s.end) != kNone ||
                     (j + 2 < to && GoalEnd(tokens, j + 2, s.end) != kNone));
    if (corr == kNone &&
        (IsAlignVerb(u.lower) || IsRepresentVerb(u.lower) ||
         !PrepositionOf(u.lower).empty() || IsGapNoun(u.lower) || identity)) {
      corr = j;
    }
    if (judged == kNone && IsEvaluative(u.lower)) judged = j;
    if (loss == kNone && LossHead(tokens, from, j) != kNone) loss = j;
    if (goal == kNone) goal = GoalEnd(tokens, j, s.end);
    if (loss != kNone && corr != kNone && goal != kNone) {
      return std::max({corr, loss, goal});
    }
    if (loss != kNone && judged != kNone && judged + 3 >= loss &&
        judged < loss) {
      return loss;
    }
  }
  return kNone;
}

bool IsPursuitWord(const std::string& w) {
  return IsAlignVerb(w) ||
         In(w, {"match",        "matches",     "matched",      "matching",
                "optimize",     "optimizes",   "optimizing",   "optimise",
                "optimises",    "optimising",  "pursue",       "pursues",
                "pursuing",     "internalize", "internalizes", "internalise",
                "internalises", "achieve",     "achieves",     "agree",
                "agrees",       "coincide",    "coincides",    "differs",
                "differ",       "diverges",    "diverge"});
}

// Inner content in [from, to): something that aligns with, matches or
// pursues the base or training objective, or "the base-mesa objective
// gap". Returns its last token, or kNone.
size_t InnerContent(const SentenceView& s, size_t from, size_t to,
                    bool& negated) {
  const auto& tokens = s.tokens;
  for (size_t j = from; j < to; ++j) {
    const Token& u = tokens[j];
    if (!IsWord(u)) continue;
    if (IsNegation(u.lower)) negated = true;
    if (IsGapNoun(u.lower) && j > from &&
        WordAt(tokens, j - 1, s.end, {"objective", "objectives"})) {
      return j;
    }
    if (!IsPursuitWord(u.lower)) continue;
    size_t n = j + 1;
    if (WordAt(tokens, n, s.end, {"with", "to", "for", "on", "from"})) ++n;
    size_t obj = FindLossObject(tokens, n, s.end, true);
    if (obj != kNone) return obj;
    // "given some base objective, does the model end up pursuing it".
    if (WordAt(tokens, n, s.end, {"it"})) {
      for (size_t k = from; k < j; ++k) {
        if (LossHead(tokens, from, k) != kNone) return n;
      }
    }
    if (!IsAlignVerb(u.lower)) continue;
    // "aligning the mesa-objective of a mesa-optimizer with the loss".
    for (size_t k = j + 1; k < to && k <= j + kMaxAlignWith; ++k) {
      if (!WordAt(tokens, k, s.end, {"with", "to"})) continue;
      obj = FindLossObject(tokens, k + 1, s.end, true);
      if (obj != kNone) return obj;
      break;
    }
  }
  return kNone;
}

}  // namespace

bool MatchDefinition(const SentenceView& s, bool question, Match& m) {
  const auto& tokens = s.tokens;
  for (size_t v = s.begin; v < s.end; ++v) {
    if ((tokens[v].verb & kDefinitionWord) == 0 || s.mention <= v) continue;
    size_t after = 0;
    char kind = DefinitionTerm(tokens, v, s.end, after);
    if (kind == 0) continue;
    size_t d = DefinitionVerb(tokens, after, s.end);
    // "Would outer alignment mean ...?" asks what the term means.
    if (d != kNone && question &&
        In(tokens[d].lower, {"mean", "means", "refers"})) {
      continue;
    }
    size_t from = d == kNone ? after : d + 1;
    // "the outer-alignment gap: ...": the term's own noun is not content.
    if (d == kNone && WordAt(tokens, from, s.end, {"gap", "problem"})) ++from;
    // "the objective you wrote down may not be what you meant (outer
    // alignment)": the term after its content.
    if (d == kNone && kind == 'o' && v > s.begin) {
      bool before_negated = false;
      size_t last = OuterContent(s, s.begin, v, before_negated);
      if (last != kNone) {
        m = {"AC102", s.begin, v, v, v};
        return true;
      }
    }
    // "Outer misalignment is the gap between the two": the term's own
    // correspondence, defined as a gap.
    if (kind == 'o' && d != kNone) {
      size_t g = from;
      while (g < s.end && g < from + 2 &&
             WordAt(tokens, g, s.end, {"the", "a"}))
        ++g;
      if (g < s.end && IsWord(tokens[g]) && IsGapNoun(tokens[g].lower) &&
          WordAt(tokens, g + 1, s.end, {"between"})) {
        m = {"AC102", v, g + 1, v, d};
        return true;
      }
    }
    // "An outer-aligned objective is one that captures human values": the
    // term's noun is the loss the content is about.
    if (d != kNone && kind == 'o') {
      for (size_t j = after; j < d; ++j) {
        if (LossHead(tokens, after, j) != kNone) from = after;
      }
    }
    size_t to = d == kNone ? s.end : std::min(s.end, d + 1 + kMaxDefinition);
    bool negated = false;
    size_t last = kind == 'o' ? OuterContent(s, from, to, negated)
                              : InnerContent(s, from, to, negated);
    // "If the mesa-objective matches the base objective, the system is
    // inner-aligned": the definition comes first.
    if (last == kNone && kind == 'i' && d == kNone) {
      last = InnerContent(s, s.begin, v, negated);
      if (last != kNone && !negated) {
        m = {"AC102", s.begin, v, v, v};
        return true;
      }
    }
    if (last == kNone || negated) continue;
    m = {"AC102", v, std::max(last, v), v, d == kNone ? v : d};
    return true;
  }
  return false;
}

char DefinitionTerm(const std::vector<Token>& tokens, size_t v, size_t end,
                    size_t& after) {
  const std::string& w = tokens[v].lower;
  char kind = w.rfind("outer", 0) == 0   ? 'o'
              : w.rfind("inner", 0) == 0 ? 'i'
                                         : 0;
  if (kind == 0) return 0;
  if (In(w, {"outer-alignment", "inner-alignment", "outer-aligned",
             "inner-aligned", "inner-misalignment", "outer-misalignment"})) {
    after = v + 1;
    return kind;
  }
  if (!In(w, {"outer", "inner"})) return 0;
  size_t a = SkipMarks(tokens, v + 1, end);
  if (!WordAt(tokens, a, end,
              {"alignment", "misalignment", "aligned", "misaligned"})) {
    return 0;
  }
  after = a + 1;
  return kind;
}

}  // namespace aligncheck::prose
