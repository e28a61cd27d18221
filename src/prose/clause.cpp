// Subjects found by walking back from a verb, and the goal or loss found
// by walking forward: word windows, not a parse, so the rules stay linear.
#include "prose/clause.h"

namespace aligncheck::prose {
namespace {

constexpr size_t kMaxFillers = 6;    // auxiliaries and adverbs before a verb
constexpr size_t kMaxObjectGap = 7;  // words before the goal ("the intended")
constexpr size_t kMaxLossGap = 6;    // words before the loss ("its own")

// An aside between commas before a verb ("the reward, which we wrote by
// hand, is ..."): returns the opening comma of the aside that the comma at
// `close` ends, or kNone when the words between are not a plain aside.
size_t OpeningComma(const std::vector<Token>& tokens, size_t begin,
                    size_t close) {
  constexpr size_t kMaxAside = 10;
  for (size_t j = close; j > begin && close - j <= kMaxAside;) {
    --j;
    const Token& t = tokens[j];
    if (t.lower == ",") return j + 1 < close ? j : kNone;
    // "reward functions — which are hard to specify, often misaligned".
    if (t.lower == "\xE2\x80\x94" || t.lower == "\xE2\x80\x93") {
      return j + 1 < close ? j : kNone;
    }
    if (IsQuoteMark(t) || t.kind == TokenKind::kOpaque) continue;
    if (!IsWord(t) || IsNegation(t.lower) || IsModal(t.lower)) return kNone;
    // "the objective, however, encodes": a discourse adverb is an aside.
    if (IsClauseBreak(t.lower) && !In(t.lower, {"which", "that", "who", "or",
                                                "and", "however", "though"})) {
      return kNone;
    }
  }
  return kNone;
}

// Nouns after which "of" still leads to the goal: "a combination of the
// human's goals", "a partial specification of the principal's goals".
bool TakesOfGoal(const std::string& w) {
  return In(w,
            {"combination", "mix",           "set",           "part",
             "parts",       "aspects",       "aspect",        "subset",
             "version",     "approximation", "specification", "representation",
             "totality",    "notion",        "complexity",    "richness",
             "entirety",    "range",         "spirit",        "essence",
             "breadth",     "nuances",       "nuance"});
}

// Words that let a verb phrase reach back past them: "is supposed to",
// "is meant to capture".
bool IsRaising(const std::string& w) {
  return In(w, {"to",       "supposed",   "meant",   "expected", "designed",
                "intended", "able",       "likely",  "unlikely", "guaranteed",
                "assumed",  "believed",   "hoped",   "thought",  "said",
                "claimed",  "known",      "shown",   "going",    "needs",
                "need",     "has",        "have",    "tend",     "tends",
                "seem",     "seems",      "appear",  "appears",  "fail",
                "fails",    "failed",     "failing", "hard",     "difficult",
                "easy",     "impossible", "tricky"});
}

// The start of a modifier that ends at token `j` and sits between a
// subject and its verb: a relative clause with a pronoun subject ("the
// reward we chose", "the objective we wrote down"), a prepositional or
// participle phrase ("rewards in our environment", "reward functions
// written by experts"), or a parenthesis. Returns its first token, or
// kNone.
size_t ModifierStart(const std::vector<Token>& tokens, size_t begin, size_t j) {
  constexpr size_t kMaxModifier = 8;  // "we settled on after months of tuning"
  if (tokens[j].lower == ")") {
    for (size_t k = j; k > begin && j - k <= kMaxModifier + 2;) {
      if (tokens[--k].lower == "(") return k;
    }
    return kNone;
  }
  // The leftmost start within reach: "reward functions written by experts"
  // starts at "written", not at "experts".
  size_t start = kNone;
  for (size_t k = j + 1; k > begin && j + 1 - k <= kMaxModifier;) {
    const Token& t = tokens[--k];
    if (!IsWord(t)) break;
    if (In(t.lower, {"we", "they", "you", "i", "he", "she", "experts", "people",
                     "humans", "designers", "researchers"}) ||
        IsPreposition(t.lower) ||
        In(t.lower, {"written", "designed", "specified", "chosen", "learned",
                     "trained", "used", "given", "built", "defined", "derived",
                     "inferred", "being", "optimized", "optimised"})) {
      start = k;
    }
  }
  return start;
}

}  // namespace

Subject WalkBack(const std::vector<Token>& tokens, size_t begin, size_t v,
                 HeadFn head) {
  Subject s;
  size_t fillers = 0;
  bool after_aside = false;     // one aside at most
  bool after_modifier = false;  // one modifier at most
  for (size_t j = v; j > begin;) {
    --j;
    const Token& t = tokens[j];
    if (IsQuoteMark(t)) continue;
    if (IsWord(t) && (IsNegation(t.lower) || IsModal(t.lower) ||
                      IsAdverb(t.lower) || IsRaising(t.lower))) {
      if (IsNegation(t.lower)) s.negated = true;
      if (IsModal(t.lower)) s.modal = true;
      if (++fillers > kMaxFillers) return {};
      continue;
    }
    if (!after_aside && t.lower == ",") {
      size_t open = OpeningComma(tokens, begin, j);
      if (open == kNone) return {};
      j = open;
      after_aside = true;
      continue;
    }
    if ((s.first = head(tokens, begin, j)) != kNone) return s;
    if (IsName(t) && j > begin &&
        (s.first = head(tokens, begin, j - 1)) != kNone) {
      return s;
    }
    if (IsWord(t) && j > begin + 1 && IsName(tokens[j - 1]) &&
        (s.first = head(tokens, begin, j - 2)) != kNone) {
      return s;
    }
    size_t modifier = after_modifier ? kNone : ModifierStart(tokens, begin, j);
    if (modifier == kNone || modifier == begin) return {};
    // "the reward that we specified": the relative pronoun goes too.
    j = modifier;
    if (j > begin + 1 && In(tokens[j - 1].lower, {"that", "which"})) --j;
    after_modifier = true;
  }
  return {};
}

size_t FindGoal(const std::vector<Token>& tokens, size_t k, size_t end) {
  size_t words = 0;
  for (size_t j = k; j < end && words <= kMaxObjectGap; ++j) {
    const Token& t = tokens[j];
    if (IsQuoteMark(t)) continue;
    if (!IsWord(t)) return kNone;
    // A bare "goals" right after the verb is rarely someone's goal.
    bool bare = words == 0 && In(t.lower, {"goal", "goals"});
    size_t goal = bare ? kNone : GoalEnd(tokens, j, end);
    if (goal != kNone) return goal;
    if (t.lower == "of" && j > k && TakesOfGoal(tokens[j - 1].lower)) {
      ++words;
      continue;
    }
    // "the position of the goal", "the distance to the goal".
    if (IsClauseBreak(t.lower) || IsPreposition(t.lower)) return kNone;
    ++words;
  }
  return kNone;
}

size_t FindLossObject(const std::vector<Token>& tokens, size_t k, size_t end,
                      bool objective) {
  size_t words = 0;
  for (size_t j = k; j < end && words <= kMaxLossGap; ++j) {
    const Token& t = tokens[j];
    if (IsQuoteMark(t)) continue;
    // "the greatest possible benefit, or reward".
    if (t.lower == "," && j + 1 < end && tokens[j + 1].lower == "or") continue;
    if (!IsWord(t)) return kNone;
    const std::string& w = t.lower;
    if (In(w, {"loss", "losses", "reward", "rewards", "return", "returns"}) ||
        (objective && In(w, {"objective", "objectives"}) &&
         // "its own objective": the agent's aim, not the one it is
         // trained on; "any objective whatsoever": none in particular.
         !(j > k && tokens[j - 1].lower == "own") &&
         !(j + 1 < end && In(tokens[j + 1].lower, {"whatsoever"})))) {
      // "the return" alone is too common a word; it needs a modifier.
      if (In(w, {"return", "returns"}) && words == 0) return kNone;
      size_t n = j + 1;
      if (n < end && IsWord(tokens[n]) &&
          In(tokens[n].lower, {"function", "functions", "signal", "signals",
                               "system", "model"})) {
        return n;
      }
      // "pursue reward hacking": a behaviour or a practice named after
      // the reward, not the reward.
      if (n < end && IsWord(tokens[n]) &&
          In(tokens[n].lower,
             {"hacking", "hack", "hacks", "gaming", "tampering", "shaping",
              "design", "engineering", "modeling", "modelling",
              "misspecification", "hypothesis", "aversion"})) {
        return kNone;
      }
      return j;
    }
    if (!In(w, {"its",        "the",        "their",      "his",
                "her",        "a",          "high",       "higher",
                "highest",    "low",        "lower",      "lowest",
                "more",       "less",       "expected",   "total",
                "cumulative", "discounted", "training",   "own",
                "future",     "long-term",  "maximal",    "minimal",
                "much",       "as",         "getting",    "achieving",
                "obtaining",  "maximizing", "maximising", "minimizing",
                "minimising", "receiving",  "earning",    "collecting",
                "only",       "just",       "this",       "that",
                "base",       "specified",  "outer",      "given",
                "greatest",   "possible",   "benefit",    "or",
                "most",       "maximum",    "immediate",  "long",
                "term",       "average",    "episode",    "on-episode",
                "overall",    "final",      "of",         "expectation",
                "such",       "lots",       "correct",    "for",
                "right",      "wrong",      "an",         "sum",
                "amount",     "quantity",   "measure",    "internal",
                "measurable", "explicit",   "literal",    "stated",
                "written",    "formal",     "mathematical", "proxy",
                "surrogate",  "learned",    "designed",   "programmed",
                "specific",   "particular", "single"})) {
      return kNone;
    }
    ++words;
  }
  return kNone;
}

}  // namespace aligncheck::prose
