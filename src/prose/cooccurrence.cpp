// AC101 by roles rather than word order: a training-side phrase, a
// target-side phrase and a correspondence word close together in one
// clause, in any order. The policy's definition (a correspondence between
// a loss and a goal) read literally; the phrase matchers (correspondence.cpp)
// and the parse (structure.cpp) place the words precisely, this tier
// catches the shapes they have no pattern for ("human intentions are not
// easily expressed as formal mathematical objectives", "a structural gap
// between what is truly desired and what is optimized").
#include <algorithm>

#include "prose/clause.h"
#include "prose/lexicon.h"
#include "prose/matchers.h"

namespace aligncheck::prose {
namespace {

// How far a correspondence word may stand from each side.
constexpr size_t kMaxToSide = 7;
// An align verb ("aligned with") belongs to the nearest noun before it, or
// takes its object right after it ("aligning the reward with").
constexpr size_t kMaxAlignSubject = 4;
constexpr size_t kMaxAlignObject = 3;

struct Phrase {
  size_t first = kNone;
  size_t last = kNone;
};

bool WordAt(const std::vector<Token>& tokens, size_t j, size_t end,
            Words words) {
  return j < end && IsWord(tokens[j]) && In(tokens[j].lower, words);
}

// What is measured or optimized when it is not called a loss: "what we
// measure", "what is optimized", "what you specified", "the metric(s)",
// "KPIs", "the specified goal". Returns the phrase's last token or kNone.
size_t MeasuredEnd(const std::vector<Token>& tokens, size_t j, size_t end) {
  const std::string& w = tokens[j].lower;
  if (In(w, {"metric", "metrics", "kpi", "kpis", "grader", "graders",
             "rubric", "rubrics"})) {
    return j;
  }
  // "the fitness function", "the scoring function".
  if (In(w, {"fitness", "scoring"}) &&
      WordAt(tokens, j + 1, end, {"function", "functions"})) {
    return j + 1;
  }
  if (w == "specified" &&
      WordAt(tokens, j + 1, end, {"goal", "goals", "objective", "objectives"})) {
    return j + 1;
  }
  // "the goal it was given", "the objective we set": the one handed over.
  if (In(w, {"goal", "goals", "objective", "objectives", "instruction",
             "instructions", "target"})) {
    size_t k = j + 1;
    if (!WordAt(tokens, k, end, {"it", "we", "they", "you", "the"})) {
      return kNone;
    }
    ++k;
    if (tokens[k - 1].lower == "the" &&
        !WordAt(tokens, k++, end, {"system", "model", "agent", "ai"})) {
      return kNone;
    }
    if (WordAt(tokens, k, end, {"was", "is", "were", "are", "has", "had"})) ++k;
    return WordAt(tokens, k, end,
                  {"given", "gave", "give", "set", "specified", "specify",
                   "wrote", "assigned"})
               ? k
               : kNone;
  }
  if (w != "what") return kNone;
  size_t k = j + 1;
  if (WordAt(tokens, k, end, {"we", "you", "they", "is", "was", "gets", "get",
                              "are", "the"})) {
    ++k;
    if (tokens[k - 1].lower == "the" &&
        WordAt(tokens, k, end, {"system", "model", "agent", "optimizer"})) {
      ++k;
    }
  }
  while (k < end && IsWord(tokens[k]) && IsAdverb(tokens[k].lower)) ++k;
  if (k < end && IsWord(tokens[k]) &&
      (tokens[k].lower.rfind("measur", 0) == 0 ||
       tokens[k].lower.rfind("optimi", 0) == 0 ||
       tokens[k].lower.rfind("specif", 0) == 0 ||
       tokens[k].lower.rfind("reward", 0) == 0 ||
       WordAt(tokens, k, end,
              {"wrote", "write", "written", "scored", "told", "asked",
               "instructed", "incentivize", "incentivized", "literally"}))) {
    return k;
  }
  return kNone;
}

// Every training-side phrase in [begin, end), outermost only.
std::vector<Phrase> LossPhrases(const SentenceView& s) {
  std::vector<Phrase> out;
  const auto& tokens = s.tokens;
  for (size_t j = s.begin; j < s.end; ++j) {
    if (!IsWord(tokens[j])) continue;
    size_t first = LossHead(tokens, s.begin, j);
    size_t last = j;
    if (first == kNone) {
      size_t e = MeasuredEnd(tokens, j, s.end);
      if (e == kNone) continue;
      first = j, last = e;
    }
    // "proxy measures", "the reward model": the compound's head.
    while (WordAt(tokens, last + 1, s.end,
                  {"measure", "measures", "metric", "metrics", "function",
                   "functions", "model", "models"})) {
      ++last;
    }
    if (!out.empty() && first <= out.back().last + 1 &&
        first >= out.back().first) {
      out.back().last = std::max(out.back().last, last);
    } else {
      out.push_back({first, last});
    }
  }
  return out;
}

// Targets the goal phrases (lexicon.h) leave to context, read here only
// next to a loss and a correspondence word: a true / actual / real /
// intended aim with up to two words between ("true task objectives",
// "actual business needs"), a business aim ("business outcomes"), and what
// humans or users have ("human ethics", "user happiness"). Returns the
// phrase's last token or kNone.
size_t TargetEnd(const std::vector<Token>& tokens, size_t j, size_t end) {
  size_t goal = GoalEnd(tokens, j, end);
  // "what we measure and what we want" is two phrases, not one.
  for (size_t k = j + 1; goal != kNone && k <= goal; ++k) {
    if (In(tokens[k].lower, {"and", "or", "but"})) goal = kNone;
  }
  if (goal != kNone) return goal;
  Words aims = {"objective",   "objectives",   "goal",        "goals",
                "task",        "tasks",        "needs",       "priorities",
                "outcome",     "outcomes",     "quality",     "intent",
                "preference",  "preferences",  "requirements", "impact",
                "behavior",    "behaviour",    "values",      "purpose",
                "constraints", "supervision"};
  const std::string& w = tokens[j].lower;
  if (w == "what") {
    for (size_t k = j + 1; k < end && k <= j + 6; ++k) {
      if (!IsWord(tokens[k]) && !IsQuoteMark(tokens[k])) return kNone;
      const std::string& u = tokens[k].lower;
      if (In(u, {"and", "or", "but"})) return kNone;
      // "what \"good\" means", "what is truly desired".
      if (In(u, {"means", "meant", "mean", "desired", "wanted", "intended"})) {
        return k;
      }
      // "what the agent should achieve".
      if (In(u, {"should", "must", "ought"}) && k + 1 < end &&
          IsWord(tokens[k + 1])) {
        return k + 1;
      }
    }
    return kNone;
  }
  // "how the task should be completed", "the task the system should
  // perform".
  if (In(w, {"how", "task", "tasks"})) {
    for (size_t k = j + 1; k < end && k <= j + 5; ++k) {
      if (!IsWord(tokens[k])) return kNone;
      if (In(tokens[k].lower, {"should", "must"}) && k + 1 < end &&
          IsWord(tokens[k + 1])) {
        return k + 1;
      }
    }
    return kNone;
  }
  // "the problem you intend to solve", "the goals the agent is designed
  // to achieve".
  if (In(w, {"problem", "problems", "goals", "goal", "objectives"})) {
    for (size_t k = j + 1; k < end && k <= j + 5; ++k) {
      if (!IsWord(tokens[k])) return kNone;
      if (In(tokens[k].lower, {"intend", "intends", "intended", "designed",
                               "meant", "want", "wants", "wanted"})) {
        return k;
      }
    }
    return kNone;
  }
  if (In(w, {"true", "actual", "real", "real-world", "underlying", "genuine",
             "business", "intended", "desired"})) {
    for (size_t k = j + 1; k < end && k <= j + 3; ++k) {
      if (!IsWord(tokens[k])) return kNone;
      if (In(tokens[k].lower, aims)) return k;
    }
    return kNone;
  }
  // "the user's real-world objective", "your values".
  if (In(w, {"user's", "users'", "designer's", "designers'", "human's",
             "people's", "humanity's"})) {
    for (size_t k = j + 1; k < end && k <= j + 3; ++k) {
      if (!IsWord(tokens[k])) return kNone;
      if (In(tokens[k].lower, aims)) return k;
    }
  }
  // "the organisation's values": an owner's aims.
  auto ends = [&w](std::string_view tail) {
    return w.size() > tail.size() &&
           w.compare(w.size() - tail.size(), tail.size(), tail) == 0;
  };
  // Not an agent's own ("an agent's preferences"): that is the learned
  // side, or the subject of inverse RL.
  bool agents = In(w.substr(0, w.find_first_of("'\xe2")),
                   {"agent", "agents", "model", "models", "system", "systems",
                    "policy", "ai", "ai's", "robot", "optimizer"});
  if (!agents && (ends("'s") || ends("\xe2\x80\x99s") || ends("'")) &&
      WordAt(tokens, j + 1, end,
             {"values", "goals", "intent", "intentions", "preferences",
              "wishes", "priorities", "objectives", "needs"})) {
    return j + 1;
  }
  // "the objectives of the agent": what it is meant to do.
  if (In(w, {"objective", "objectives", "goal", "goals"}) &&
      WordAt(tokens, j + 1, end, {"of"})) {
    size_t k = j + 2;
    if (WordAt(tokens, k, end, {"the", "an", "a", "its"})) ++k;
    if (k < end && AgentHead(tokens, k, k) != kNone) return k;
  }
  if (In(w, {"human", "humanity's", "user", "users'", "user's", "people's"}) &&
      WordAt(tokens, j + 1, end,
             {"ethics", "values", "wellbeing", "well-being", "welfare",
              "flourishing", "survival", "interests", "needs", "judgment",
              "judgement", "judgments", "judgements", "goals", "desires",
              "happiness", "satisfaction", "intent", "intentions",
              "decision-making", "preferences", "wishes"})) {
    return j + 1;
  }
  return kNone;
}

std::vector<Phrase> GoalPhrases(const SentenceView& s) {
  std::vector<Phrase> out;
  for (size_t j = s.begin; j < s.end; ++j) {
    if (!IsWord(s.tokens[j])) continue;
    size_t e = TargetEnd(s.tokens, j, s.end);
    if (e != kNone) {
      out.push_back({j, e});
      j = e;
    }
  }
  return out;
}

// The correspondence words this tier reads, and whether the word is a
// noun that names both sides after it ("the gap between ... and ...").
// Measure nouns ("an approximation of") are substitutions and "encode"
// verbs of putting a goal into a loss need their own shape: the phrase
// matchers read those.
enum class Cue { kNone, kVerb, kNoun };

Cue CueOf(const std::vector<Token>& tokens, size_t v, size_t end) {
  const Token& t = tokens[v];
  if (!IsWord(t)) return Cue::kNone;
  const std::string& w = t.lower;
  if ((t.verb & kGapNoun) != 0) {
    return In(w, {"difference", "differences"}) ? Cue::kNone : Cue::kNoun;
  }
  if (In(w, {"alignment", "misalignment"})) return Cue::kNoun;
  // "a mathematical specification of what we want".
  if (In(w, {"specification", "representation", "encoding", "expression",
             "description", "translation", "formalization", "formalisation"}) &&
      WordAt(tokens, v + 1, end, {"of"})) {
    return Cue::kVerb;
  }
  if (IsAlignVerb(w) || IsRepresentVerb(w) || !PrepositionOf(w).empty() ||
      In(w, {"misspecified", "mis-specified"}) ||
      (t.verb & kCooccurrenceCue) != 0) {
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
  if (loss.last < v) return v - loss.last <= kMaxAlignSubject;
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

// Whether a word that may judge a training side is in the sentence.
bool MayJudge(const SentenceView& s) {
  for (size_t j = s.begin; j < s.end; ++j) {
    if (IsWord(s.tokens[j]) &&
        In(s.tokens[j].lower,
           {"wrong", "right", "correct", "incorrect", "imprecise",
            "ill-specified", "ill-defined", "poorly-specified",
            "badly-specified", "poorly-defined", "specified", "defined",
            "misaligned", "misspecified", "mis-specified"})) {
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
  if (In(head, {"metric", "metrics"})) {
    if (loss.first > s.begin &&
        WordAt(tokens, loss.first - 1, s.end,
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
// reward channel"). Then the whole sentence is left alone: the tier has no
// way to tell which clause the reading belongs to.
bool SaysWhichReading(const SentenceView& s,
                      const std::vector<Phrase>& losses) {
  const auto& tokens = s.tokens;
  for (size_t j = s.begin; j < s.end; ++j) {
    if (WordAt(tokens, j, s.end,
               {"register", "registers", "channel", "sensor", "sensors",
                "tamper", "tampers", "tampering", "wirehead", "wireheading"})) {
      return true;
    }
  }
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
  return k == begin || !In(tokens[k - 1].lower,
                           {"our", "your", "their", "designer's",
                            "designers'", "human", "user's", "users'",
                            "overall", "intended", "real", "true"});
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
    if (a > s.begin) {
      const std::string& adj = tokens[a - 1].lower;
      if ((metric && In(adj, {"wrong", "right", "correct", "incorrect",
                              "misaligned", "misspecified"})) ||
          In(adj, {"imprecise", "ill-specified", "ill-defined",
                   "poorly-specified", "badly-specified", "poorly-defined"})) {
        m = {"AC101", a - 1, loss.last, loss.first, a - 1};
        return true;
      }
    }
    // "<loss> (itself) is not specified correctly", "the metric is
    // misaligned".
    size_t k = loss.last + 1;
    if (WordAt(tokens, k, s.end, {"itself"})) ++k;
    if (!WordAt(tokens, k, s.end, {"is", "was", "are", "were"})) continue;
    ++k;
    if (k < s.end && IsNegation(tokens[k].lower)) ++k;
    if (metric && WordAt(tokens, k, s.end,
                         {"misaligned", "misspecified", "mis-specified",
                          "wrong", "incorrect"})) {
      m = {"AC101", loss.first, k, loss.first, k};
      return true;
    }
    if (WordAt(tokens, k, s.end, {"specified", "defined"}) &&
        WordAt(tokens, k + 1, s.end,
               {"correctly", "properly", "precisely", "exactly", "well",
                "accurately", "incorrectly", "poorly", "badly", "wrongly"})) {
      m = {"AC101", loss.first, k + 1, loss.first, k};
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsCooccurrenceCue(const std::string& w) {
  return In(w, {"alignment", "mismatched", "encapsulates", "encapsulate",
                "incorporates", "incorporate", "incorporated", "fidelity",
                "convey", "conveys", "conveyed", "mirror", "mirrors",
                "mirrored",
                "encapsulated", "divergent", "drift", "drifts", "drifted"});
}

bool MatchCooccurrence(const SentenceView& s, Match& m) {
  const auto& tokens = s.tokens;
  bool any_cue = false;
  for (size_t v = s.begin; v < s.end && !any_cue; ++v) {
    any_cue = (tokens[v].verb & (kLossGoalVerb | kGapNoun | kEvaluative |
                             kCooccurrenceCue)) != 0;
  }
  std::vector<Phrase> losses;
  if (any_cue || MayJudge(s)) losses = LossPhrases(s);
  if (losses.empty() || SaysWhichReading(s, losses)) return false;
  if (MatchJudged(s, losses, m)) return true;
  if (!any_cue) return false;
  std::vector<Phrase> goals = GoalPhrases(s);
  if (goals.empty()) return false;
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
        // A verb stands between the two sides; a noun names both after it
        // ("the gap between what we measure and what we want").
        bool placed =
            cue == Cue::kVerb
                ? (loss.last < v && v < goal.first) ||
                      (goal.last < v && v < loss.first)
                : v < loss.first && v < goal.first &&
                      WordAt(tokens, v + 1, s.end, {"between", "of"});
        if (!placed || Distance(v, loss) > kMaxToSide ||
            Distance(v, goal) > kMaxToSide ||
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

namespace {

constexpr size_t kMaxAgentToVerb = 12;

// The reward, loss or objective a pursuit verb at `v` takes ("maximizes
// its cumulative reward", "optimizes for a flawed proxy"), or kNone.
size_t PursuedLoss(const std::vector<Token>& tokens, size_t v, size_t end) {
  size_t n = v + 1;
  if (WordAt(tokens, n, end, {"for", "towards", "toward"})) ++n;
  if (WordAt(tokens, n, end, {"some", "any", "exactly", "these", "those"})) ++n;
  size_t loss = FindLossObject(tokens, n, end, true);
  if (loss != kNone) return loss;
  // "optimizes exactly what you specified", "what it is measured on",
  // "the grader", "the metric".
  if (WordAt(tokens, n, end, {"what", "whatever"})) {
    for (size_t k = n + 1; k < end && k <= n + 4; ++k) {
      if (!IsWord(tokens[k])) break;
      if (In(tokens[k].lower,
             {"specify", "specified", "define", "defined", "reward", "rewards",
              "rewarded", "measure", "measured", "wrote", "asked", "told",
              "tell", "programmed", "incentivized"})) {
        return k;
      }
    }
  }
  for (size_t j = n; j < end && j <= n + 3; ++j) {
    if (!IsWord(tokens[j])) break;
    size_t e = MeasuredEnd(tokens, j, end);
    if (e != kNone && !In(tokens[j].lower, {"goal", "goals", "target"})) {
      return e;
    }
    if (!In(tokens[j].lower, {"the", "a", "its", "their", "this", "that",
                              "grader's", "written", "given", "proxy"})) {
      break;
    }
  }
  for (size_t j = n; j < end && j <= n + 2; ++j) {
    if (!IsWord(tokens[j])) return kNone;
    if (In(tokens[j].lower, {"proxy", "proxies"})) return j;
    if (!In(tokens[j].lower, {"the", "a", "its", "their", "this", "that",
                              "flawed", "imperfect", "given"})) {
      return kNone;
    }
  }
  return kNone;
}

// A pursuit verb, or an acquisition verb in an infinitive ("to maximize").
bool IsPursuitAt(const std::vector<Token>& tokens, size_t begin, size_t v) {
  const std::string& w = tokens[v].lower;
  if (In(w, {"values", "value", "valued", "covets"})) return false;
  // A gerund is the agent's only after an auxiliary ("is optimizing"),
  // not as a noun ("the output of optimizing a proxy").
  if (w.size() > 3 && w.compare(w.size() - 3, 3, "ing") == 0) {
    return v > begin && In(tokens[v - 1].lower,
                           {"is", "are", "was", "were", "be", "been", "keeps",
                            "starts", "started", "stop", "stops"});
  }
  if (IsPursuit(w)) return true;
  return IsAcquisition(w) && v > begin && tokens[v - 1].lower == "to";
}

// Who does the pursuing: the training procedure, the optimizer or the
// authors ("we seek a policy that maximizes ..." defines a problem).
bool IsProcedureWord(const std::string& w) {
  return In(w, {"trained", "optimized", "optimised", "fine-tuned", "finetuned",
                "taught", "used", "we", "you", "i", "algorithm", "algorithms",
                "ppo", "optimizer", "optimizers", "gradient", "descent",
                "training", "procedure", "method", "methods", "backpropagation"});
}

// A description of behaviour that scores without doing the task ("finds
// ways to maximize reward without achieving the goal", "while violating
// the intent"), not a claim about what the agent wants.
bool DescribesBehaviour(const SentenceView& s, size_t loss) {
  for (size_t j = loss + 1; j < s.end; ++j) {
    if (WordAt(s.tokens, j, s.end, {"without", "while", "whilst"})) return true;
  }
  return false;
}

}  // namespace

bool MatchAgentCooccurrence(const SentenceView& s, Match& m) {
  const auto& tokens = s.tokens;
  for (size_t v = s.begin; v < s.end; ++v) {
    // Pursuit verbs are classified kAgentVerb, acquisition verbs
    // kStructureCue: most words are dropped without a string compare.
    if ((tokens[v].verb & (kAgentVerb | kStructureCue)) == 0 ||
        !IsPursuitAt(tokens, s.begin, v)) {
      continue;
    }
    size_t loss = PursuedLoss(tokens, v, s.end);
    if (loss == kNone || NamesWhatIsMeant(s, loss) ||
        DescribesBehaviour(s, loss)) {
      continue;
    }
    // "with respect to the parameters": a technical statement.
    if (WordAt(tokens, loss + 1, s.end, {"with", "w.r.t"})) continue;
    size_t from = v > s.begin + kMaxAgentToVerb ? v - kMaxAgentToVerb : s.begin;
    size_t agent = kNone;
    for (size_t j = v; j-- > from;) {
      const Token& t = tokens[j];
      if (In(t.lower, {";", ":"}) || IsNegation(t.lower) ||
          (IsWord(t) && IsProcedureWord(t.lower))) {
        break;
      }
      // "behaviours that maximize", "ways to maximize": another noun's.
      if ((j > s.begin && In(t.lower, {"that", "which"}) &&
           AgentHead(tokens, s.begin, j - 1) == kNone) ||
          In(t.lower, {"whichever", "whatever"})) {
        break;
      }
      if (j > s.begin && t.lower == "to" &&
          In(tokens[j - 1].lower,
             {"ways", "way", "strategies", "strategy", "behaviour", "behavior",
              "behaviours", "behaviors", "actions", "moves", "shortcuts",
              "decisions", "loopholes"})) {
        break;
      }
      if (!IsWord(t)) continue;
      agent = AgentHead(tokens, s.begin, j);
      // "agent behaviour optimizes ...": the behaviour is the subject.
      if (agent != kNone &&
          WordAt(tokens, j + 1, s.end,
                 {"behavior", "behaviour", "behaviors", "behaviours",
                  "performance", "outputs", "actions"})) {
        agent = kNone;
        break;
      }
      if (agent != kNone) break;
    }
    if (agent == kNone || agent >= s.mention) continue;
    // The authors or a procedure before the agent ("we seek a policy
    // that", "to train an agent to"), or a negation ("no agent wants").
    // The authors count only as the agent's framers right before it ("we
    // seek a policy"), not as the speakers of a claim ("we suggest that
    // agents ...").
    bool framed = false;
    for (size_t j = agent; j-- > s.begin && !framed;) {
      if (In(tokens[j].lower, {";", ":"})) break;
      const std::string& u = tokens[j].lower;
      // "our objective is to learn a policy that ..." frames as well.
      bool author = In(u, {"we", "you", "i", "our"});
      bool aim = u == "our" && j + 1 < agent && IsAimNoun(tokens[j + 1].lower);
      framed = IsWord(tokens[j]) &&
               (author ? agent - j <= 3 || aim
                       : IsNegation(u) || IsProcedureWord(u) ||
                             In(u, {"train", "trains", "teach", "teaching",
                                    "no"}));
    }
    if (framed) continue;
    m = {"AC103", agent, loss, agent, v};
    return true;
  }
  return false;
}

namespace {

constexpr size_t kMaxDefinitionWords = 30;

// The token after "outer alignment", "inner-misalignment", ... at `v`,
// with the half it names ('o' or 'i'), or 0.
char TermAt(const std::vector<Token>& tokens, size_t v, size_t end,
            size_t& after) {
  const std::string& w = tokens[v].lower;
  char kind = w.rfind("outer", 0) == 0 ? 'o' : w.rfind("inner", 0) == 0 ? 'i' : 0;
  if (kind == 0) return 0;
  if (In(w, {"outer-alignment", "inner-alignment", "outer-misalignment",
             "inner-misalignment"})) {
    after = v + 1;
    return kind;
  }
  if (!In(w, {"outer", "inner"}) ||
      !WordAt(tokens, v + 1, end, {"alignment", "misalignment"})) {
    return 0;
  }
  after = v + 2;
  return kind;
}

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
    char kind = TermAt(tokens, t, s.end, after);
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
    if (MatchCooccurrence(rest, found) ||
        (kind == 'i' && LearnsTrainingSide(rest, found))) {
      m = {"AC102", t, std::max(found.last, after - 1), t, found.verb};
      return true;
    }
  }
  return false;
}

}  // namespace aligncheck::prose
