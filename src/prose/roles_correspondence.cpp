// AC101 by roles rather than word order: a training side, a target and a
// correspondence word close together in one clause, in any order, or a
// training side judged against the intent. The policy's definition (a
// correspondence between a loss and a goal) read literally; the phrase
// matchers (correspondence.cpp) and the parse (structure.cpp) place the
// words precisely, this reading catches the shapes they have no pattern
// for ("human intentions are not easily expressed as formal mathematical
// objectives", "a structural gap between what is truly desired and what is
// optimized").
#include <algorithm>

#include "prose/roles.h"

namespace aligncheck::prose {
namespace {

// How far a correspondence word may stand from each side.
constexpr size_t kMaxToSide = 7;
// An align verb ("aligned with") belongs to the nearest noun before it, or
// takes its object right after it ("aligning the reward with").
constexpr size_t kMaxAlignSubject = 4;
constexpr size_t kMaxAlignObject = 3;

// The correspondence words this reading uses, and whether the word is a
// noun that names both sides after it ("the gap between ... and ...").
// Measure nouns ("an approximation of") are substitutions and "encode"
// verbs of putting a goal into a loss need their own shape: the phrase
// matchers read those.
enum class Cue { kNone, kVerb, kNoun };

// A noun that names one side as a rendering of what follows "of". Not
// correspondence.cpp's IsMeasureNoun: "a measure of", "an approximation
// of" are substitutions, which the word patterns read in their own shape.
bool IsRenderingNoun(const std::string& w) {
  return In(w, {"specification", "representation", "encoding", "expression",
                "description", "translation", "formalization",
                "formalisation"});
}

Cue CueOf(const std::vector<Token>& tokens, size_t v, size_t end) {
  const Token& t = tokens[v];
  if (!IsWord(t)) return Cue::kNone;
  const std::string& w = t.lower;
  if ((t.verb & kGapNoun) != 0) {
    return In(w, {"difference", "differences"}) ? Cue::kNone : Cue::kNoun;
  }
  if (In(w, {"alignment", "misalignment"})) return Cue::kNoun;
  // "drive a wedge between what you optimize and what you want", "the fit
  // between human intentions and formal specification".
  if (In(w, {"wedge", "fit", "tension"}) &&
      WordAt(tokens, v + 1, end, {"between"})) {
    return Cue::kNoun;
  }
  // "a mathematical specification of what we want".
  if (IsRenderingNoun(w) && WordAt(tokens, v + 1, end, {"of"})) {
    return Cue::kVerb;
  }
  // "should be consistent with the desired behavior".
  // Not "a reward model is trained to be consistent with human
  // preferences": a training procedure.
  if (In(w, {"consistent", "inconsistent"})) {
    for (size_t j = v > 3 ? v - 3 : 0; j < v; ++j) {
      if (In(tokens[j].lower, {"trained", "fit", "fitted", "learned"})) {
        return Cue::kNone;
      }
    }
    return WordAt(tokens, v + 1, end, {"with"}) ? Cue::kVerb : Cue::kNone;
  }
  if (IsAlignVerb(w) || IsRepresentVerb(w) || !PrepositionOf(w).empty() ||
      In(w, {"misspecified", "mis-specified"}) || (t.verb & kRolesCue) != 0) {
    return Cue::kVerb;
  }
  return Cue::kNone;
}

bool Inside(size_t j, const Phrase& p) { return j >= p.first && j <= p.last; }

size_t Distance(size_t v, const Phrase& p) {
  if (v < p.first) return p.first - v;
  return v > p.last ? v - p.last : 0;
}

// Whether the align verb at `v` is said of the loss phrase `loss`: the
// loss ends just before it ("the reward function should be aligned with")
// or is its object ("aligning their reward functions with").
bool AlignSaysOfLoss(const std::vector<Token>& tokens, size_t v,
                     const Phrase& loss) {
  if (loss.last < v) {
    // "reward models are essential for aligning language models with
    // human preferences": the verb's object is what is aligned.
    // So is "loss functions minimize errors to align predictions with
    // true outcomes": any object that is not the loss.
    if (In(tokens[v].lower, {"align", "aligning", "aligns"})) {
      for (size_t j = v + 1; j < tokens.size() && j <= v + 4; ++j) {
        if (!IsWord(tokens[j]) || tokens[j].lower == "with") break;
        if (AgentHead(tokens, v + 1, j) != kNone) return false;
        // "align what your code measures with ...": a what-clause names
        // what is measured.
        if (LossHead(tokens, v + 1, j) != kNone || tokens[j].lower == "what" ||
            MeasuredEnd(tokens, j, tokens.size()) != kNone) {
          break;
        }
        if (!In(tokens[j].lower,
                {"it", "them", "this", "the", "their", "its", "closely",
                 "better", "more", "training", "learning", "optimization"}) &&
            !IsAdverb(tokens[j].lower)) {
          return false;
        }
      }
    }
    // "reward functions for RL agents are misaligned with": a phrase after
    // "for" or "in" belongs to the loss; the verb is still its own.
    size_t end = loss.last;
    if (WordAt(tokens, end + 1, tokens.size(), {"for", "in"})) {
      for (size_t j = end + 2; j < v && j <= end + 5; ++j) {
        if (!IsWord(tokens[j])) break;
        if (In(tokens[j].lower, {"is", "are", "was", "were", "can", "may",
                                 "might", "must", "should", "will", "would",
                                 "could", "remain", "remains"})) {
          end = j - 1;
          break;
        }
      }
    }
    return v - end <= kMaxAlignSubject;
  }
  return loss.first > v && loss.first - v <= kMaxAlignObject &&
         In(tokens[v].lower, {"align", "aligning", "aligns", "misalign"});
}

// Whether a clause break (";", a colon) stands between a and b; a dash
// more often sets off an apposition ("an objective function -- a
// specification of what we want").
bool ClauseBreakBetween(const std::vector<Token>& tokens, size_t a, size_t b) {
  for (size_t j = std::min(a, b); j < std::max(a, b); ++j) {
    if (In(tokens[j].lower, {";", ":"})) return true;
  }
  return false;
}

// Whether a word that may judge a training side, or an identity with what
// is wanted ("is not what we want"), is in the sentence.
bool MayJudge(const SentenceView& s) {
  for (size_t j = s.begin; j < s.end; ++j) {
    if (IsWord(s.tokens[j]) &&
        In(s.tokens[j].lower,
           {"wrong", "right", "correct", "incorrect", "imprecise",
            "ill-specified", "ill-defined", "poorly-specified",
            "badly-specified", "poorly-defined", "specified", "defined",
            "misaligned", "misspecified", "mis-specified", "matched",
            "mismatched", "poorly-matched", "badly-matched", "incomplete",
            "what", "misspecification", "misspecifications",
            "mis-specification", "definition", "specification", "specify",
            "faithful"})) {
      return true;
    }
  }
  return false;
}

// A loss word that is not the loss: "loss aversion", "a loss of
// accuracy", "the paper's objective is to ...", or a metric a paper
// reports ("our metric", "the metric we report").
bool NotALoss(const SentenceView& s, const Phrase& loss) {
  const auto& tokens = s.tokens;
  size_t n = loss.last + 1;
  const std::string& head = tokens[loss.last].lower;
  if (WordAt(tokens, n, s.end,
             {"aversion", "curve", "curves", "landscape", "spike", "spikes",
              "value", "values", "scale", "term", "terms"}) ||
      (In(head, {"loss", "losses", "reward", "rewards"}) &&
       WordAt(tokens, n, s.end, {"of"}))) {
    return true;
  }
  if (In(head, {"objective", "objectives"}) &&
      WordAt(tokens, n, s.end, {"is", "was", "here"}) &&
      WordAt(tokens, n + 1, s.end, {"to"})) {
    return true;
  }
  // "the objectives of the agent": what it is meant to do, a target.
  if (In(head, {"objective", "objectives"}) && loss.first == loss.last &&
      WordAt(tokens, n, s.end, {"of"})) {
    size_t k = n + 1;
    if (WordAt(tokens, k, s.end, {"the", "an", "a", "its"})) ++k;
    if (k < s.end && AgentHead(tokens, k, k) != kNone) return true;
  }
  if (In(head, {"metric", "metrics"})) {
    if (loss.first > s.begin && WordAt(tokens, loss.first - 1, s.end,
                                       {"our", "this", "new", "proposed"})) {
      return true;
    }
    if (WordAt(tokens, n, s.end, {"we", "they"}) &&
        WordAt(tokens, n + 1, s.end, {"report", "reported", "propose"})) {
      return true;
    }
  }
  return false;
}

// Whether the sentence says which reading of a loss it means: the
// register, channel or sensor anywhere, or the signal, a number or a score
// next to a loss phrase ("the reward signal", "the number stored in the
// reward channel"). Then the whole sentence is left alone: reading by
// roles cannot tell which clause the named reading belongs to.
bool SaysWhichReading(const SentenceView& s,
                      const std::vector<Phrase>& losses) {
  const auto& tokens = s.tokens;
  if (NamesRegister(s)) return true;
  for (const Phrase& loss : losses) {
    size_t from = loss.first > s.begin + 2 ? loss.first - 2 : s.begin;
    for (size_t j = from; j < s.end && j <= loss.last + 2; ++j) {
      // "the training signal", "the feedback signal": training sides the
      // policy lists, not the register.
      bool training_signal =
          j > s.begin && In(tokens[j].lower, {"signal", "signals"}) &&
          In(tokens[j - 1].lower, {"training", "feedback", "learning"});
      if (!training_signal &&
          WordAt(tokens, j, s.end,
                 {"signal", "signals", "number", "numbers", "score", "scores",
                  "output", "outputs", "counter"})) {
        return true;
      }
    }
  }
  return false;
}

// "reward in ways that don't match your intent": the verb after a
// relative pronoun belongs to the noun before the pronoun, here "ways".
bool OtherSubjectBetween(const std::vector<Token>& tokens, const Phrase& loss,
                         size_t v) {
  for (size_t j = loss.last + 1; j < v; ++j) {
    if (In(tokens[j].lower, {"that", "which", "who"}) && j - 1 != loss.last) {
      return true;
    }
  }
  return false;
}

// A goal too generic to be the intent on its own: a bare "goal(s)" ("the
// goal in the grid", "do not directly encode goals"), or the learned side
// ("that internal goal", "its own goals").
bool WeakGoal(const std::vector<Token>& tokens, size_t begin,
              const Phrase& goal) {
  if (goal.first > begin &&
      In(tokens[goal.first - 1].lower,
         {"internal", "learned", "mesa", "inner", "emergent", "own",
          "instrumental", "different", "its"})) {
    return true;
  }
  if (goal.first != goal.last ||
      !In(tokens[goal.first].lower, {"goal", "goals"})) {
    return false;
  }
  size_t k = goal.first;
  return k == begin ||
         !In(tokens[k - 1].lower,
             {"our", "your", "their", "designer's", "designers'", "human",
              "user's", "users'", "overall", "intended", "real", "true"});
}

// "misspecifications in their learning objectives", "an accurate
// definition of the reward function": the noun judges what follows "of"
// or "in" (a training side the loss phrases may not hold: "learning
// objectives").
bool MatchJudgedNoun(const SentenceView& s, Match& m) {
  const auto& tokens = s.tokens;
  for (size_t j = s.begin; j + 2 < s.end && j < s.mention; ++j) {
    const std::string& w = tokens[j].lower;
    bool judged =
        In(w, {"misspecification", "misspecifications", "mis-specification"}) ||
        (In(w, {"definition", "specification"}) && j > s.begin &&
         In(tokens[j - 1].lower, {"accurate", "inaccurate", "correct",
                                  "incorrect", "faithful", "precise",
                                  "imprecise", "proper", "wrong"}));
    if (!judged || !WordAt(tokens, j + 1, s.end, {"in", "of"})) continue;
    for (size_t k = j + 2; k < s.end && k <= j + 5; ++k) {
      if (!IsWord(tokens[k])) break;
      if (In(tokens[k].lower, {"objective", "objectives", "reward", "rewards",
                               "loss", "losses"})) {
        size_t last = k;
        if (WordAt(tokens, k + 1, s.end, {"function", "functions", "signal",
                                          "signals", "model", "models"})) {
          ++last;
        }
        size_t first = In(w, {"definition", "specification"}) ? j - 1 : j;
        m = {"AC101", first, last, k, j};
        return true;
      }
    }
  }
  return false;
}

// A training side judged by the words around it: "get the reward function
// just right", "objectives are hard to specify properly", "a grader that
// rewards the wrong thing".
bool JudgedAround(const SentenceView& s, const Phrase& loss, Match& m) {
  const auto& tokens = s.tokens;
  // "get the reward function just right", "get the grader wrong".
  size_t g = loss.first;
  // "get the value specification wrong": one modifier may stand between.
  if (g > s.begin + 1 && IsWord(tokens[g - 1]) &&
      In(tokens[g - 2].lower, {"the", "a", "your", "our", "their", "its"})) {
    --g;
  }
  while (g > s.begin && In(tokens[g - 1].lower, {"the", "a", "your", "our",
                                                "their", "its", "this"})) {
    --g;
  }
  if (g > s.begin &&
      In(tokens[g - 1].lower, {"get", "gets", "getting", "got", "gotten"})) {
    size_t r = loss.last + 1;
    while (r < s.end && (IsQuoteMark(tokens[r]) ||
                         In(tokens[r].lower, {"just", "exactly", "quite",
                                              "precisely", "perfectly"}))) {
      ++r;
    }
    if (WordAt(tokens, r, s.end, {"right", "wrong"})) {
      m = {"AC101", g - 1, r, loss.first, r};
      return true;
    }
  }
  // "objectives are hard to specify properly".
  for (size_t k = loss.last + 1; k + 1 < s.end && k <= loss.last + 6; ++k) {
    if (!IsWord(tokens[k]) || In(tokens[k].lower, {"and", "but", "or"})) {
      break;
    }
    if (In(tokens[k].lower, {"specify", "define", "write"}) &&
        IsWord(tokens[k + 1]) && IsJudgingAdverb(tokens[k + 1].lower)) {
      m = {"AC101", loss.first, k + 1, loss.first, k};
      return true;
    }
  }
  // "a grader that rewards the wrong thing".
  size_t r = loss.last + 1;
  if (WordAt(tokens, r, s.end, {"that", "which"})) ++r;
  if (WordAt(tokens, r, s.end,
             {"rewards", "rewarded", "incentivizes", "incentivises",
              "penalizes", "penalises", "favors", "favours"}) &&
      WordAt(tokens, r + 1, s.end, {"the"}) &&
      WordAt(tokens, r + 2, s.end, {"wrong"})) {
    m = {"AC101", loss.first, r + 2, loss.first, r};
    return true;
  }
  return false;
}

// "the wrong metric", "the right KPIs", "imprecise reward functions",
// "the objective itself is not specified correctly": a training side
// judged against the intent, for the training sides and adjectives the
// phrase patterns leave out (matchers.h; a proxy judged alone is a
// substitution there and here).
bool MatchJudged(const SentenceView& s, const std::vector<Phrase>& losses,
                 Match& m) {
  const auto& tokens = s.tokens;
  for (const Phrase& loss : losses) {
    if (loss.first >= s.mention || NotALoss(s, loss)) continue;
    const std::string& head = tokens[loss.last].lower;
    if (In(head, {"proxy", "proxies"})) continue;
    bool metric = In(head, {"metric", "metrics", "kpi", "kpis"});
    size_t a = loss.first;
    // "the wrong business objective": one modifier between.
    if (a > s.begin + 1 && IsWord(tokens[a - 1]) &&
        In(tokens[a - 2].lower, {"wrong", "right", "correct", "incorrect"}) &&
        !IsAdverb(tokens[a - 1].lower) && !IsPreposition(tokens[a - 1].lower) &&
        !In(tokens[a - 1].lower, {"kind", "sort", "type", "thing", "way",
                                  "and", "or", "that", "which", "is", "are"})) {
      --a;
    }
    if (a > s.begin) {
      const std::string& adj = tokens[a - 1].lower;
      // "a poorly matched objective", "mismatched rewards".
      bool matched =
          In(adj, {"mismatched", "poorly-matched", "badly-matched"}) ||
          (adj == "matched" && a > s.begin + 1 &&
           In(tokens[a - 2].lower, {"poorly", "badly", "well", "closely"}));
      if (matched || (a < loss.first && !metric)) {
        m = {"AC101", a - 1, loss.last, loss.first, a - 1};
        return true;
      }
      // Of a reward or an objective, not a bare "precise specification".
      bool spec = In(head, {"specification", "specifications"}) &&
                  loss.first < loss.last;
      if ((metric && In(adj, {"wrong", "right", "correct", "incorrect",
                              "misaligned", "misspecified"})) ||
          // "faithful reward specification".
          (spec && In(adj, {"faithful", "accurate", "inaccurate", "precise",
                            "imprecise", "correct", "incorrect", "proper"})) ||
          In(adj, {"imprecise", "ill-specified", "ill-defined",
                   "poorly-specified", "badly-specified", "poorly-defined"})) {
        m = {"AC101", a - 1, loss.last, loss.first, a - 1};
        return true;
      }
    }
    if (JudgedAround(s, loss, m)) return true;
    // "<loss> (itself) is not specified correctly", "the metric is
    // misaligned".
    size_t k = loss.last + 1;
    if (WordAt(tokens, k, s.end, {"itself"})) ++k;
    if (!WordAt(tokens, k, s.end, {"is", "was", "are", "were"})) continue;
    ++k;
    if (k < s.end && IsNegation(tokens[k].lower)) ++k;
    // "the training objective was incomplete".
    if ((metric && WordAt(tokens, k, s.end,
                          {"misaligned", "misspecified", "mis-specified",
                           "wrong", "incorrect"})) ||
        (WordAt(tokens, k, s.end, {"incomplete"}) &&
         !WordAt(tokens, k + 1, s.end, {"without", "if", "unless"}))) {
      m = {"AC101", loss.first, k, loss.first, k};
      return true;
    }
    if (WordAt(tokens, k, s.end, {"specified", "defined"}) &&
        k + 1 < s.end && IsWord(tokens[k + 1]) &&
        IsJudgingAdverb(tokens[k + 1].lower)) {
      m = {"AC101", loss.first, k + 1, loss.first, k};
      return true;
    }
  }
  return false;
}

// "the objective we specified is not what we wanted", "Is the objective
// we specified actually what we wanted?": identity with the intent.
bool MatchIdentity(const SentenceView& s, const std::vector<Phrase>& losses,
                   Match& m) {
  const auto& tokens = s.tokens;
  Words copula = {"is", "are", "was", "were", "isn't", "aren't", "wasn't"};
  Words hedges = {"not", "actually", "really", "exactly", "precisely",
                  "truly", "always", "never", "rarely", "seldom", "often",
                  "only", "still", "necessarily"};
  for (const Phrase& loss : losses) {
    if (loss.first >= s.mention || NotALoss(s, loss)) continue;
    // "the objective we specified is ...".
    size_t handed = MeasuredEnd(tokens, loss.last, s.end);
    size_t k = (handed != kNone ? handed : loss.last) + 1;
    if (handed != kNone && WordAt(tokens, k, s.end, {"down"})) ++k;
    size_t d = loss.first;
    if (d > s.begin && In(tokens[d - 1].lower, {"the", "a", "an", "our",
                                               "your", "this", "their"})) {
      --d;
    }
    bool asked =
        d > s.begin && In(tokens[d - 1].lower, {"is", "are", "was", "were"});
    if (!asked) {
      if (!WordAt(tokens, k, s.end, copula)) continue;
      ++k;
    }
    while (k < s.end && In(tokens[k].lower, hedges)) ++k;
    if (!WordAt(tokens, k, s.end, {"what"})) continue;
    // What is wanted or meant, not "what you care about" (the reward model
    // as a stand-in, a substitution).
    size_t goal = kNone;
    for (size_t j = k + 1; j < s.end && j <= k + 4 && goal == kNone; ++j) {
      if (!IsWord(tokens[j])) break;
      if (In(tokens[j].lower, {"want", "wanted", "wants", "mean", "meant",
                               "means", "intend", "intended", "intends"})) {
        goal = j;
      }
    }
    if (goal == kNone) continue;
    m = {"AC101", loss.first, goal, loss.first, k};
    return true;
  }
  return false;
}

// "ensure that their objectives match those of their human users",
// "aligning their objectives with those of the humans": the objectives
// stand for what the system is given, whoever owns them, since the other
// side is the humans'.
bool MatchObjectivesOfHumans(const SentenceView& s, Match& m) {
  const auto& tokens = s.tokens;
  for (size_t j = s.begin; j < s.end && j < s.mention; ++j) {
    if (!WordAt(tokens, j, s.end, {"objective", "objectives"})) continue;
    // "our objectives": the writers' aims.
    if (j > s.begin && In(tokens[j - 1].lower, {"our", "my", "your"})) continue;
    size_t v = kNone;
    size_t from = j > s.begin + 3 ? j - 3 : s.begin;
    for (size_t k = from; k < s.end && k <= j + 5; ++k) {
      if (k != j && IsWord(tokens[k]) &&
          (IsAlignVerb(tokens[k].lower) ||
           In(tokens[k].lower, {"match", "matches", "matched", "matching",
                                "alignment", "correspond", "corresponds"}))) {
        v = k;
        break;
      }
    }
    if (v == kNone) continue;
    for (size_t k = std::max(j, v) + 1; k < s.end && k <= std::max(j, v) + 4;
         ++k) {
      if (!WordAt(tokens, k, s.end, {"those"})) continue;
      size_t h = OwnerAfterOf(tokens, k + 1, s.end);
      if (h != kNone) {
        m = {"AC101", std::min(j, v), h, j, v};
        return true;
      }
    }
  }
  return false;
}

// "The metric is a proxy for the real goal, and there's always a gap
// between the two": a gap noun, or "the two diverge", whose sides are a
// loss and a target named before it in the sentence.
bool MatchGapOfTheTwo(const SentenceView& s, const std::vector<Phrase>& losses,
                      const std::vector<Phrase>& goals, Match& m) {
  const auto& tokens = s.tokens;
  for (size_t v = s.begin + 2; v < s.end && v < s.mention; ++v) {
    size_t last = kNone;
    if ((tokens[v].verb & kGapNoun) != 0 &&
        WordAt(tokens, v + 1, s.end, {"between"})) {
      if (WordAt(tokens, v + 2, s.end, {"them", "both"})) {
        last = v + 2;
      } else if (WordAt(tokens, v + 2, s.end, {"the", "these"}) &&
                 WordAt(tokens, v + 3, s.end, {"two"})) {
        last = v + 3;
      }
    } else if (tokens[v].lower == "two" && tokens[v - 1].lower == "the" &&
               WordAt(tokens, v + 1, s.end,
                      {"diverge", "differ", "drift", "part"})) {
      last = v + 1;
    }
    if (last == kNone) continue;
    const Phrase* loss = nullptr;
    for (const Phrase& l : losses) {
      if (l.last < v && !NotALoss(s, l)) {
        loss = &l;
        break;
      }
    }
    for (const Phrase& goal : goals) {
      if (loss == nullptr || goal.last >= v || Inside(goal.first, *loss) ||
          WeakGoal(tokens, s.begin, goal)) {
        continue;
      }
      m = {"AC101", std::min(loss->first, goal.first), last, loss->first, v};
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsRolesCue(const std::string& w) {
  return In(
      w, {"alignment", "mismatched", "consistent", "inconsistent", "wedge",
          "fit", "tension", "encapsulates", "encapsulate",
          "incorporates", "incorporate", "incorporated", "fidelity", "convey",
          "conveys", "conveyed", "mirror", "mirrors", "mirrored",
          "encapsulated", "divergent", "drift", "drifts", "drifted"});
}

bool MatchCorrespondenceByRoles(const SentenceView& s, Match& m) {
  const auto& tokens = s.tokens;
  bool any_cue = false;
  for (size_t v = s.begin; v < s.end && !any_cue; ++v) {
    any_cue = (tokens[v].verb &
               (kLossGoalVerb | kGapNoun | kEvaluative | kRolesCue)) != 0;
  }
  std::vector<Phrase> losses;
  if (any_cue || MayJudge(s)) losses = LossPhrases(s);
  bool named = !losses.empty() && SaysWhichReading(s, losses);
  if (!named && MayJudge(s) && MatchJudgedNoun(s, m)) return true;
  if (any_cue && !named && MatchObjectivesOfHumans(s, m)) return true;
  if (losses.empty() || named) return false;
  if (MatchJudged(s, losses, m) || MatchIdentity(s, losses, m)) return true;
  if (!any_cue) return false;
  std::vector<Phrase> goals = GoalPhrases(s);
  if (goals.empty()) return false;
  if (MatchGapOfTheTwo(s, losses, goals, m)) return true;
  for (size_t v = s.begin; v < s.end; ++v) {
    Cue cue = CueOf(tokens, v, s.end);
    if (cue == Cue::kNone) continue;
    for (const Phrase& loss : losses) {
      if (loss.first >= s.mention || Inside(v, loss) || NotALoss(s, loss)) {
        continue;
      }
      if (IsAlignVerb(tokens[v].lower) && !AlignSaysOfLoss(tokens, v, loss)) {
        continue;
      }
      if (cue == Cue::kVerb && loss.last < v &&
          OtherSubjectBetween(tokens, loss, v)) {
        continue;
      }
      for (const Phrase& goal : goals) {
        if (Inside(v, goal) || Inside(goal.first, loss) ||
            Inside(loss.first, goal) || WeakGoal(tokens, s.begin, goal)) {
          continue;
        }
        // "a specification of what we want": the goal follows "of".
        if (goal.first < v && IsRenderingNoun(tokens[v].lower)) continue;
        // A verb stands between the two sides; a noun names both after it
        // ("the gap between what we measure and what we want").
        bool placed = cue == Cue::kVerb
                          ? (loss.last < v && v < goal.first) ||
                                (goal.last < v && v < loss.first)
                          : v < loss.first && v < goal.first &&
                                WordAt(tokens, v + 1, s.end, {"between", "of"});
        // "the misalignment between the objectives that agents optimize
        // for and the desires of users": the second side follows "and".
        size_t reach = kMaxToSide;
        for (size_t j = loss.last + 1; cue == Cue::kNoun && j < goal.first;
             ++j) {
          if (tokens[j].lower == "and") reach = 2 * kMaxToSide;
        }
        if (!placed || Distance(v, loss) > kMaxToSide ||
            Distance(v, goal) > reach ||
            ClauseBreakBetween(tokens, v, loss.first) ||
            ClauseBreakBetween(tokens, v, goal.first)) {
          continue;
        }
        m = {"AC101", std::min({loss.first, goal.first, v}),
             std::max({loss.last, goal.last, v}), loss.first, v};
        return true;
      }
    }
  }
  return false;
}

}  // namespace aligncheck::prose
