// The prose rules' vocabulary: which words are loss-like subjects, agents,
// goals, auxiliaries, modals and clause breaks.
#include "prose/lexicon.h"

namespace aligncheck::prose {
namespace {

// Owners of values and preferences that make them a goal.
bool IsHumanishWord(std::string_view w) {
  return In(w, {"human",       "humans'",     "human's",      "our",
                "their",       "your",        "people's",     "users'",
                "user's",      "user",        "users",        "designer's",
                "designers'",  "designer",    "designers",    "operator's",
                "overseer's",  "principal's", "humanity's",   "moral",
                "societal",    "shared",      "stakeholder",  "stakeholders'",
                "annotator",   "annotators'", "labeler",      "labelers'",
                "rater",       "raters'",     "true",         "real",
                "underlying",  "actual",      "programmers'", "programmer's",
                "developers'", "developer's", "creators'",    "creator's",
                "principal",   "operator",    "operators'",   "human-"});
}

// The owner before token j: "human values", "the raters' values" (the
// apostrophe of a plural possessive is a token of its own).
bool HumanishBefore(const std::vector<Token>& tokens, size_t j) {
  if (j == 0) return false;
  const Token& p = tokens[j - 1];
  if (IsWord(p)) return IsHumanishWord(p.lower);
  if (j < 2 || !IsWord(tokens[j - 2]) ||
      (p.lower != "'" && p.lower != "\xE2\x80\x99")) {
    return false;
  }
  return IsHumanishWord(tokens[j - 2].lower + "'");
}

}  // namespace

bool IsQuoteMark(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         In(t.lower,
            {"\"", "'", "`", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
             "\xE2\x80\x99", "\xE2\x80\x9E", "\xC2\xAB", "\xC2\xBB", "*", "_"});
}

bool IsModal(std::string_view w) {
  return In(w, {"would", "could", "might", "may", "should", "must", "can",
                "shall", "ought", "wouldn't", "couldn't", "shouldn't"});
}

// Words that may stand between a subject and its verb without changing
// who does what: auxiliaries, relative pronouns and adverbs.
bool IsFiller(std::string_view w) {
  return In(w, {"is",           "are",         "was",           "were",
                "be",           "been",        "being",         "will",
                "does",         "do",          "did",           "has",
                "have",         "had",         "which",         "that",
                "who",          "also",        "already",       "still",
                "truly",        "really",      "actually",      "indeed",
                "perfectly",    "fully",       "completely",    "closely",
                "well",         "tightly",     "largely",       "mostly",
                "roughly",      "exactly",     "precisely",     "faithfully",
                "accurately",   "correctly",   "properly",      "sufficiently",
                "ultimately",   "essentially", "basically",     "directly",
                "always",       "generally",   "typically",     "usually",
                "successfully", "somehow",     "now",           "thus",
                "therefore",    "hence",       "clearly",       "obviously",
                "certainly",    "simply",      "just",          "only",
                "reliably",     "quite",       "very",          "highly",
                "strongly",     "broadly",     "approximately", "adequately",
                "explicitly",   "implicitly",  "genuinely",     "finally",
                "eventually",   "merely",      "secretly",      "internally",
                "inherently",   "naturally",   "robustly",      "sufficiently",
                "primarily",    "mainly",      "deeply",        "desperately",
                "consistently", "faithfully",  "then",          "so",
                "all",          "both",        "better",        "each",
                "itself",       "themselves",  "alone",         "become",
                "becomes",      "became",      "remain",        "remains",
                "seem",         "seems",       "get",           "gets",
                "got",          "rarely",      "often",         "sometimes"});
}

// Words that end a clause: an object or definition never runs past them.
bool IsClauseBreak(std::string_view w) {
  return In(w, {"and", "or", "but", "while", "whereas", "because", "although",
                "though", "which", "that", "who", "if", "than", "so", "since",
                "unless", "when", "where", "however"});
}

// A name given to a loss or an agent right after its noun: `L`, ℓ, R.
bool IsName(const Token& t) {
  if (t.kind == TokenKind::kOpaque) return true;
  if (!IsWord(t)) return false;
  if (static_cast<unsigned char>(t.lower[0]) >= 0x80) return true;
  return t.lower.size() == 1 && t.lower != "a" && t.lower != "i";
}

// "agents pursue proxy objectives", "achieving objectives that ...",
// "learn incomplete objectives": the agent's own aims, the learned side,
// not the objective it is trained on. Looks before the sentence's begin
// too ("the wrong objectives" is read from the adjective on), but stops at
// any mark, so stays within the sentence.
bool PursuedAims(const std::vector<Token>& tokens, size_t j) {
  for (size_t k = j; k > 0 && j - k < 4;) {
    const Token& p = tokens[--k];
    if (!IsWord(p)) break;
    if (In(p.lower, {"pursue", "pursues", "pursued", "pursuing", "pursuit",
                     "achieve", "achieves", "achieving", "learn", "learns",
                     "learned", "learning", "acquire", "acquires", "develop",
                     "develops", "has", "have", "having"})) {
      return true;
    }
  }
  return false;
}

// A loss-like noun phrase ending at token j: returns its first token.
size_t LossHead(const std::vector<Token>& tokens, size_t begin, size_t j) {
  const Token& t = tokens[j];
  if (!IsWord(t)) return kNone;
  if ((t.verb & kLossAnaphor) != 0) return j;
  const std::string& w = t.lower;
  auto prev = [&](Words words) {
    return j > begin && IsWord(tokens[j - 1]) && In(tokens[j - 1].lower, words);
  };
  size_t first = kNone;
  if (In(w, {"loss", "losses", "reward", "rewards", "loss-function",
             "loss-functions", "reward-function", "reward-functions",
             "reward-model", "reward-models", "reward-signal", "proxy",
             "proxies"})) {
    // "the true reward", "the intended reward": the target, not the loss.
    if (prev({"true", "intended", "desired", "real", "actual", "ideal"})) {
      return kNone;
    }
    if (In(w, {"proxy", "proxies"}) && j + 1 < tokens.size() &&
        In(tokens[j + 1].lower, {"objectives", "goals"}) &&
        PursuedAims(tokens, j + 1)) {
      return kNone;
    }
    first = j;
  } else if (In(w, {"objective", "objectives", "specification",
                    "specifications", "spec", "specs"})) {
    // "our objective", "the main objective": an aim, not a loss; "the true
    // objective", "the mesa-objective": the target or the learned one.
    if (prev({"our",      "my",         "your",        "his",      "her",
              "their",    "main",       "primary",     "key",      "overall",
              "research", "ultimate",   "first",       "second",   "sole",
              "chief",    "central",    "broader",     "whose",    "business",
              "project",  "policy",     "true",        "intended", "desired",
              "real",     "actual",     "internal",    "inner",    "mesa",
              "learned",  "behavioral", "behavioural", "its",      "implicit",
              "emergent", "own",        "learning",    "ideal"})) {
      return kNone;
    }
    if (w == "objectives" && PursuedAims(tokens, j)) return kNone;
    first = j;
  } else if (In(w, {"function", "functions"})) {
    if (!prev({"loss", "reward", "objective", "cost", "utility"})) return kNone;
    first = j - 1;
  } else if (In(w, {"model", "models", "system"})) {
    if (!prev({"reward", "preference"})) return kNone;
    first = j - 1;
  } else if (In(w, {"signal", "signals", "term", "terms"})) {
    if (!prev({"loss", "reward", "training", "feedback"})) return kNone;
    first = j - 1;
  } else if (In(w, {"metric", "metrics"})) {
    // "the metric being optimized", "the proxy metric": not any metric.
    auto optimizing = [&](size_t k) {
      return k < tokens.size() && IsWord(tokens[k]) &&
             IsOptimizeWord(tokens[k].lower);
    };
    bool optimized = optimizing(j + 1) ||
                     (j + 1 < tokens.size() &&
                      In(tokens[j + 1].lower, {"being", "we", "you", "they"}) &&
                      optimizing(j + 2));
    if (!optimized && !prev({"proxy", "training", "optimized", "optimised",
                             "target", "surrogate"})) {
      return kNone;
    }
    first = j;
  } else if (In(w, {"target", "targets"})) {
    if (!prev({"optimization", "optimisation", "training"})) return kNone;
    first = j - 1;
  } else if (In(w, {"goal", "goals"})) {
    // "the specified goal" is what was written down, not what is wanted.
    if (!prev({"specified", "stated", "literal", "programmed", "coded"})) {
      return kNone;
    }
    first = j - 1;
  } else {
    return kNone;
  }
  while (first > begin && IsWord(tokens[first - 1]) &&
         In(tokens[first - 1].lower,
            {"training",    "specified", "proxy",        "base",
             "outer",       "learning",  "optimization", "rl",
             "pretraining", "surrogate", "designed",     "reward",
             "loss",        "task",      "objective",    "explicit",
             "stated",      "given",     "formal",       "hand-crafted",
             "handcrafted", "written",   "learned"})) {
    --first;
  }
  return first;
}

size_t MesaHead(const std::vector<Token>& tokens, size_t begin, size_t j) {
  const Token& t = tokens[j];
  if (!IsWord(t)) return kNone;
  if (In(t.lower,
         {"mesa-objective", "mesa-objectives", "mesa-goal", "mesa-goals"})) {
    return j;
  }
  if (In(t.lower, {"objective", "objectives", "goal", "goals"}) && j > begin &&
      IsWord(tokens[j - 1]) &&
      In(tokens[j - 1].lower,
         {"mesa", "internal", "learned", "inner", "internalized", "its"})) {
    return j - 1;
  }
  return kNone;
}

// An agent-like subject ending at token j: returns its first token.
size_t AgentHead(const std::vector<Token>& tokens, size_t begin, size_t j) {
  const Token& t = tokens[j];
  if (!IsWord(t) || !In(t.lower, {"agent",
                                  "agents",
                                  "model",
                                  "models",
                                  "policy",
                                  "policies",
                                  "network",
                                  "networks",
                                  "net",
                                  "nets",
                                  "ai",
                                  "ais",
                                  "system",
                                  "systems",
                                  "learner",
                                  "learners",
                                  "assistant",
                                  "assistants",
                                  "llm",
                                  "llms",
                                  "lm",
                                  "lms",
                                  "bot",
                                  "bots",
                                  "robot",
                                  "robots",
                                  "it",
                                  "mesa-optimizer",
                                  "mesa-optimizers",
                                  "chatbot",
                                  "chatbots",
                                  "mesa-optimiser",
                                  "mesa-optimisers",
                                  "agi",
                                  "agis",
                                  "entity",
                                  "schemer",
                                  "schemers",
                                  "reward-seeker",
                                  "reward-seekers",
                                  "learner",
                                  "maximizer",
                                  "maximiser",
                                  "machine",
                                  "machines"})) {
    return kNone;
  }
  // "machine learning", "machine translation": a field, not an agent.
  if (j + 1 < tokens.size() && In(t.lower, {"machine", "machines"}) &&
      In(tokens[j + 1].lower, {"learning", "translation", "vision"})) {
    return kNone;
  }
  if (j > begin && IsWord(tokens[j - 1])) {
    const std::string& p = tokens[j - 1].lower;
    // "the reward model tries to ..."; but "a reward maximizer wants".
    if (p == "reward") {
      return In(t.lower, {"maximizer", "maximiser", "reward-seeker"}) ? j - 1
                                                                      : kNone;
    }
    if (In(p, {"rl", "language", "trained", "learned", "deployed", "ai"})) {
      return j - 1;
    }
  }
  return j;
}

// Index of the next token from `k` that is not a quotation mark.
size_t SkipMarks(const std::vector<Token>& tokens, size_t k, size_t end) {
  while (k < end && IsQuoteMark(tokens[k])) ++k;
  return k;
}

bool IsPreposition(std::string_view w) {
  return In(w, {"of",      "to",     "in",      "on",     "at",      "for",
                "from",    "by",     "about",   "into",   "over",    "under",
                "between", "toward", "towards", "near",   "through", "across",
                "along",   "around", "behind",  "beyond", "within",  "without",
                "via",     "per"});
}

// A goal-like phrase starting at token j: returns its last token.
size_t GoalEnd(const std::vector<Token>& tokens, size_t j, size_t end) {
  const Token& t = tokens[j];
  if (!IsWord(t)) return kNone;
  const std::string& w = t.lower;
  size_t n = SkipMarks(tokens, j + 1, end);
  if (In(w,
         {"goal", "goals", "intent", "intents", "intention", "intentions"})) {
    // "the goal square", "goals scored": a modifier, not the head.
    auto adverb = [&](const std::string& x) {
      return x.size() > 4 && x.compare(x.size() - 2, 2, "ly") == 0;
    };
    if (n < end && IsWord(tokens[n]) && !adverb(tokens[n].lower) &&
        !In(tokens[n].lower,
            {"of",      "for",     "in",        "and",     "or",     "that",
             "into",    "than",    "via",       "such",    "rather", "even",
             "without", "through", "only",      "it",      "its",    "under",
             "which",   "is",      "are",       "was",     "were",   "as",
             "by",      "to",      "than",      "we",      "they",   "it",
             "while",   "whereas", "but",       "because", "so",     "when",
             "at",      "on",      "from",      "with",    "here",   "there",
             "well",    "better",  "perfectly", "exactly", "closely"})) {
      return kNone;
    }
    return j;
  }
  if (In(w, {"values", "preferences", "desires", "interests", "wishes",
             "preference", "judgment", "judgement", "judgments", "concept",
             "concepts", "notion", "understanding", "expectations",
             "desiderata", "objectives", "intentions"})) {
    if (HumanishBefore(tokens, j)) return j;
    return OwnerAfterOf(tokens, n, end);
  }
  // "the true objective", "the actual goal", "the intended reward".
  if (In(w, {"true", "actual", "real", "underlying"}) && n < end &&
      IsWord(tokens[n]) &&
      In(tokens[n].lower,
         {"objective", "objectives", "goal", "goals", "reward", "intent",
          "intention", "intentions", "preferences", "values"})) {
    return n;
  }
  // "the task concept".
  if (In(w, {"task", "tasks"}) && n < end && IsWord(tokens[n]) &&
      In(tokens[n].lower, {"concept", "concepts", "intent", "intention"})) {
    return n;
  }
  // "aligned with our own".
  if (w == "our" && n < end && tokens[n].lower == "own") return n;
  if (In(w, {"intended", "desired"})) {
    // "the desired goal destination": a place.
    if (n < end && In(tokens[n].lower, {"goal", "goals"}) &&
        WordAt(tokens, n + 1, end,
               {"state", "states", "destination", "position", "location",
                "cell", "tile", "square", "region", "pose", "coordinates",
                "point"})) {
      return kNone;
    }
    return n < end && IsWord(tokens[n]) &&
                   In(tokens[n].lower,
                      {"goal",       "goals",     "behaviour",   "behavior",
                       "behaviours", "behaviors", "outcome",     "outcomes",
                       "task",       "tasks",     "objective",   "objectives",
                       "purpose",    "result",    "results",     "effect",
                       "effects",    "values",    "preferences", "target",
                       "use"})
               ? n
               : kNone;
  }
  // "something we want", "the objective we want".
  if (In(w, {"something", "anything", "whatever", "everything", "objective",
             "objectives", "thing", "things", "outcome", "outcomes",
             "behaviour", "behavior", "task", "tasks"}) &&
      n < end && IsWord(tokens[n]) &&
      In(tokens[n].lower, {"we", "you", "they", "humans", "people", "i", "the",
                           "our", "users", "designers"})) {
    for (size_t m = n + 1; m < end && m <= n + 4; ++m) {
      if (IsWord(tokens[m]) &&
          In(tokens[m].lower,
             {"want", "wants", "wanted", "intend", "intends", "intended",
              "mean", "meant", "value", "values", "desire", "desires", "prefer",
              "prefers", "mind", "care", "cares"})) {
        if (m + 1 < end && tokens[m + 1].lower == "about") return m + 1;
        return m;
      }
    }
  }
  if (w == "what") {
    for (size_t m = j + 1; m < end && m <= j + 8; ++m) {
      if (!IsWord(tokens[m])) return kNone;
      if (In(tokens[m].lower,
             {"want",   "wants",   "wanted", "intend",  "intends", "intended",
              "mean",   "means",   "meant",  "value",   "values",  "valued",
              "desire", "desires", "prefer", "prefers", "care",    "cares",
              "like",   "likes",   "wish",   "wishes"})) {
        if (m + 1 < end && tokens[m + 1].lower == "about") return m + 1;
        return m;
      }
    }
  }
  return kNone;
}

size_t OwnerAfterOf(const std::vector<Token>& tokens, size_t j, size_t end) {
  if (j >= end || tokens[j].lower != "of") return kNone;
  size_t k = j + 1;
  if (k < end && In(tokens[k].lower, {"the", "its", "their", "our", "all"})) {
    ++k;
  }
  return k < end && IsWord(tokens[k]) &&
                 In(tokens[k].lower,
                    {"humans",    "humanity",   "users",        "people",
                     "designers", "developers", "raters",       "annotators",
                     "labelers",  "operators",  "stakeholders", "programmers",
                     "creators",  "overseers",  "principals",   "society",
                     "user",      "designer",   "operator",     "principal",
                     "overseer",  "human"})
             ? k
             : kNone;
}

bool IsOptimizeWord(std::string_view w) {
  return w.rfind("optimi", 0) == 0 || w.rfind("maximi", 0) == 0 ||
         w.rfind("minimi", 0) == 0;
}

bool IsJudgingAdverb(std::string_view w) {
  return In(w, {"perfectly", "imperfectly", "correctly", "incorrectly",
                "accurately", "inaccurately", "precisely", "imprecisely",
                "properly", "improperly", "poorly", "badly", "wrongly",
                "exactly", "faithfully", "adequately", "well"});
}

bool IsAlignVerb(std::string_view w) {
  if (In(w, {"aligned", "aligns", "align", "aligning", "misaligned",
             "unaligned"})) {
    return true;
  }
  return w.size() > 8 && w.substr(w.size() - 8) == "-aligned";
}

bool IsRepresentVerb(std::string_view w) {
  return In(
      w,
      {"represents",    "represent",    "representing",    "represented",
       "encodes",       "encode",       "encoding",        "encoded",
       "captures",      "capture",      "capturing",       "captured",
       "reflects",      "reflect",      "reflecting",      "reflected",
       "embodies",      "embody",       "embodied",        "matches",
       "match",         "matching",     "matched",         "specifies",
       "specify",       "specifying",   "expresses",       "express",
       "expressing",    "expressed",    "tracks",          "track",
       "tracking",      "approximates", "approximate",     "approximating",
       "stipulates",    "stipulating",  "defines",         "define",
       "misrepresents", "misrepresent", "misrepresenting", "misrepresented"});
}

std::string_view PrepositionOf(std::string_view verb) {
  if (In(verb, {"corresponds", "correspond", "corresponding"})) return "to";
  if (In(verb, {"agrees", "agree", "agreeing"})) return "with";
  if (In(verb, {"diverges", "diverge", "diverging", "diverged", "differs",
                "differ", "differing", "differed", "deviates", "deviate"})) {
    return "from";
  }
  return {};
}

bool IsEvaluative(std::string_view w) {
  return In(w, {"correct",
                "incorrect",
                "right",
                "wrong",
                "perfect",
                "imperfect",
                "accurate",
                "inaccurate",
                "misspecified",
                "mis-specified",
                "underspecified",
                "misaligned",
                "well-specified",
                "flawed",
                "bad",
                "faulty",
                "buggy",
                "well-aligned",
                "perfectly-specified",
                "incomplete",
                "misspecify",
                "misspecifies",
                "misspecifying",
                "mis-specify",
                "misalign",
                "misaligns"});
}

bool IsAdverb(std::string_view w) {
  if (IsFiller(w)) return true;
  return w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0 &&
         !In(w, {"only", "apply", "supply", "reply", "family", "early", "belly",
                 "italy", "rely", "ally", "holy", "daily"});
}

bool IsGapNoun(std::string_view w) {
  return In(w, {"misalignment", "misalignments", "misspecification",
                "misspecifications", "mis-specification", "mismatch",
                "mismatches", "gap", "gaps", "divergence", "discrepancy",
                "discrepancies", "difference", "differences"});
}

}  // namespace aligncheck::prose
