// AC101: a loss, reward or objective said to correspond to a goal. Four
// shapes, each anchored on a classified word: a correspondence verb
// between a loss subject and a goal object (active, passive or "encoded
// into"), an adjective that judges a loss against the intent, a gap
// between a loss and a goal, and "the same as".
#include <algorithm>

#include "prose/clause.h"
#include "prose/matchers.h"

namespace aligncheck::prose {
namespace {

constexpr size_t kMaxIntoGap = 12;  // goal ... into (a precise) objective
constexpr size_t kMaxBetween = 14;  // a gap between <loss> and <goal>

// The last token of a loss phrase starting within `max_words` from `k`.
size_t LossAfter(const std::vector<Token>& tokens, size_t k, size_t end,
                 size_t max_words) {
  for (size_t j = k; j < end && j <= k + max_words; ++j) {
    if (!IsWord(tokens[j])) {
      if (IsQuoteMark(tokens[j])) continue;
      return kNone;
    }
    if (LossHead(tokens, k, j) != kNone) {
      // "the loss function": prefer the whole compound.
      if (j + 1 < end && LossHead(tokens, k, j + 1) != kNone) return j + 1;
      return j;
    }
  }
  return kNone;
}

// A goal phrase ending just before the auxiliaries before `v` ("human
// values are captured"); with `bare`, "values" or "intent" alone counts.
size_t GoalBefore(const std::vector<Token>& tokens, size_t begin, size_t v,
                  size_t end, bool bare) {
  size_t e = v;
  // "values resist being encoded", "the designer's intent, encoded in".
  while (e > begin &&
         (IsQuoteMark(tokens[e - 1]) ||
          (IsWord(tokens[e - 1]) &&
           (IsAdverb(tokens[e - 1].lower) ||
            In(tokens[e - 1].lower, {"resist", "resists", "resisted"}))))) {
    --e;
  }
  if (e == v && e > begin && tokens[e - 1].lower == ",") --e;
  if (e == begin || e == v) return kNone;
  --e;  // the subject's last token
  for (size_t k = e + 1; k > begin && e + 1 - k < 4;) {
    --k;
    if (GoalEnd(tokens, k, end) == e) return k;
  }
  if (bare && IsWord(tokens[e]) &&
      In(tokens[e].lower, {"values", "preferences", "intent", "intentions",
                           "goals", "preference"})) {
    return e;
  }
  return kNone;
}

// A loss phrase, or what a goal is compressed into when the loss is not
// named: "a single differentiable function", "a number", "a scalar".
size_t ComputableAfter(const std::vector<Token>& tokens, size_t k, size_t end) {
  size_t loss = LossAfter(tokens, k, end, 4);
  if (loss != kNone) return loss;
  for (size_t j = k; j < end && j <= k + 4; ++j) {
    if (!IsWord(tokens[j])) return kNone;
    if (In(tokens[j].lower, {"function", "functions", "number", "numbers",
                             "scalar", "scalars", "metric", "metrics"})) {
      // "a number of rules".
      return WordAt(tokens, j + 1, end, {"of"}) ? kNone : j;
    }
  }
  return kNone;
}

// A loss phrase, or a bare "function" as the subject of a correspondence
// with a goal: "producing a function that may diverge from the raters'
// values" is about the learned reward, whatever it is called.
size_t LossOrFunctionHead(const std::vector<Token>& tokens, size_t begin,
                          size_t j) {
  size_t first = LossHead(tokens, begin, j);
  if (first == kNone && IsWord(tokens[j]) &&
      In(tokens[j].lower, {"function", "functions"})) {
    return j;
  }
  return first;
}

bool IsMeasureNoun(const std::string& w) {
  return In(w, {"measure", "representation", "reflection", "encoding",
                "specification", "expression", "description", "approximation"});
}

bool IsEncodeVerb(const std::string& w) {
  return In(
      w,
      {"encode",      "encodes",     "encoding",    "encoded",     "compress",
       "compresses",  "compressing", "compressed",  "translate",   "translates",
       "translating", "translated",  "translation", "capture",     "capturing",
       "captured",    "write",       "writing",     "written",     "put",
       "turn",        "turning",     "convert",     "converting",  "converted",
       "distill",     "distilling",  "distilled",   "distills",    "distil",
       "distils",     "squeeze",     "squeezes",    "squeezing",   "squeezed",
       "formalize",   "formalizing", "formalise",   "formalising", "specify",
       "specifying",  "imbue",       "imbuing"});
}

// "encoding human intent into a precise objective", "the translation of
// human preference into an objective function".
bool MatchEncodeInto(const SentenceView& s, size_t v, Match& m) {
  const auto& tokens = s.tokens;
  size_t k = v + 1;
  if (WordAt(tokens, k, s.end, {"of"})) ++k;
  size_t goal = FindGoal(tokens, k, s.end);
  if (goal == kNone) return false;
  for (size_t j = goal + 1; j < s.end && j <= goal + kMaxIntoGap; ++j) {
    if (tokens[j].lower == ";" || tokens[j].lower == ".") return false;
    if (!WordAt(tokens, j, s.end, {"into", "in", "as"})) continue;
    size_t loss = ComputableAfter(tokens, j + 1, s.end);
    if (loss == kNone) continue;
    if (s.mention <= v) return false;
    m = {"AC101", v, loss, v, v};
    return true;
  }
  return false;
}

// "Human values are captured by the reward function", "values get
// compressed into loss functions".
bool MatchPassive(const SentenceView& s, size_t v, Match& m) {
  const auto& tokens = s.tokens;
  const std::string& w = tokens[v].lower;
  if (w.size() < 3 || w.compare(w.size() - 2, 2, "ed") != 0) return false;
  if (!WordAt(tokens, v + 1, s.end, {"by", "in", "into"})) return false;
  size_t loss = LossAfter(tokens, v + 2, s.end, 4);
  if (loss == kNone) return false;
  size_t goal = GoalBefore(tokens, s.begin, v, s.end, IsEncodeVerb(w));
  if (goal == kNone || s.mention <= goal) return false;
  m = {"AC101", goal, loss, goal, v};
  return true;
}

// Whether the verb at `v` cannot agree with a singular loss subject whose
// head noun ends at `head`: "ways to maximize reward that don't match
// your intent" is about the ways. Only a plural present auxiliary ("do",
// "are", "have") in the verb group, or a bare verb right after a relative
// pronoun, tells; a modal or "to" makes any form fit.
bool DisagreesWithSingular(const std::vector<Token>& tokens, size_t head,
                           size_t v) {
  const std::string& noun = tokens[head].lower;
  bool plural = (tokens[head].verb & kLossAnaphor) != 0
                    ? In(noun, {"they", "these"})
                    : noun.size() > 2 && noun.back() == 's' &&
                          noun[noun.size() - 2] != 's';
  if (plural) return false;
  size_t g = v;
  while (g > head + 1 && IsWord(tokens[g - 1]) &&
         (IsAdverb(tokens[g - 1].lower) || IsNegation(tokens[g - 1].lower) ||
          IsModal(tokens[g - 1].lower) || tokens[g - 1].lower == "to") &&
         !In(tokens[g - 1].lower, {"that", "which", "who"})) {
    --g;
  }
  bool plural_aux = false;
  for (size_t j = g; j < v; ++j) {
    const std::string& u = tokens[j].lower;
    if (IsModal(u) || u == "to") return false;
    plural_aux = plural_aux || In(u, {"do", "don't", "are", "aren't", "have",
                                      "haven't", "were", "weren't"});
  }
  if (plural_aux) return true;
  const std::string& w = tokens[v].lower;
  bool bare = w.back() != 's' && w.size() > 2 &&
              w.compare(w.size() - 2, 2, "ed") != 0 &&
              (w.size() < 4 || w.compare(w.size() - 3, 3, "ing") != 0);
  return bare && g == v && g > head + 1 &&
         In(tokens[g - 1].lower, {"that", "which", "who"});
}

// The last token of the loss phrase that starts at `first`, before `v`.
size_t HeadOf(const std::vector<Token>& tokens, size_t first, size_t v) {
  size_t head = first;
  for (size_t j = first; j < v && j <= first + 3; ++j) {
    if (LossOrFunctionHead(tokens, first, j) == first) head = j;
  }
  return head;
}

// Subject-verb-object with a correspondence verb.
bool MatchVerb(const SentenceView& s, size_t v, Match& m) {
  const auto& tokens = s.tokens;
  const std::string& w = tokens[v].lower;
  size_t object = kNone;
  std::string_view prep = PrepositionOf(w);
  if (IsAlignVerb(w)) {
    size_t n = SkipMarks(tokens, v + 1, s.end);
    // "aligns well with", "aligned closely with".
    while (n < s.end && IsWord(tokens[n]) && IsAdverb(tokens[n].lower) &&
           !IsClauseBreak(tokens[n].lower)) {
      ++n;
    }
    if (!WordAt(tokens, n, s.end, {"with", "to"})) return false;
    object = n + 1;
  } else if (!prep.empty()) {
    size_t n = SkipMarks(tokens, v + 1, s.end);
    while (n < s.end && IsWord(tokens[n]) && IsAdverb(tokens[n].lower)) ++n;
    if (n >= s.end || tokens[n].lower != prep) return false;
    object = n + 1;
  } else if (IsRepresentVerb(w)) {
    object = v + 1;
  } else {
    return false;
  }
  size_t goal = FindGoal(tokens, object, s.end);
  // "the reward function defines the task": the task is the goal here.
  if (goal == kNone &&
      In(w, {"specifies", "specify", "specifying", "defines", "define",
             "defining"}) &&
      WordAt(tokens, object, s.end, {"the", "our", "this", "their"}) &&
      WordAt(tokens, object + 1, s.end, {"task", "tasks"}) &&
      !WordAt(tokens, object + 2, s.end, {"of", "as"})) {
    goal = object + 1;
  }
  if (goal == kNone) return false;
  Subject subject = WalkBack(tokens, s.begin, v, LossOrFunctionHead);
  if (subject.first == kNone || s.mention <= subject.first) return false;
  if (DisagreesWithSingular(tokens, HeadOf(tokens, subject.first, v), v)) {
    return false;
  }
  m = {"AC101", subject.first, goal, subject.first, v};
  return true;
}

// "The reward and the intended goal diverge", "the reward signal and
// what we want come apart": a loss and a goal coordinated as the subject
// of a verb of divergence.
bool MatchCoordinated(const SentenceView& s, size_t v, Match& m) {
  constexpr size_t kMaxConjunct = 7;
  const auto& tokens = s.tokens;
  const std::string& w = tokens[v].lower;
  size_t verb = v;
  if (w == "apart") {
    if (v == s.begin || !WordAt(tokens, v - 1, s.end,
                                {"come", "comes", "came", "coming", "drift",
                                 "drifts", "drifted", "pull", "pulls"})) {
      return false;
    }
    verb = v - 1;
  } else if (!In(w, {"diverge", "diverged", "differ", "differed", "conflict",
                     "conflicted", "disagree", "disagreed"})) {
    return false;
  }
  size_t e = verb;
  while (e > s.begin && IsWord(tokens[e - 1]) &&
         (IsAdverb(tokens[e - 1].lower) || IsModal(tokens[e - 1].lower)) &&
         !In(tokens[e - 1].lower, {"that", "which", "who"})) {
    --e;
  }
  // The right conjunct ends at e - 1; find its "and".
  size_t c = kNone;
  for (size_t j = e; j > s.begin && e - j <= kMaxConjunct;) {
    --j;
    if (IsQuoteMark(tokens[j])) continue;
    if (!IsWord(tokens[j])) return false;
    if (tokens[j].lower == "and") {
      c = j;
      break;
    }
    if (IsClauseBreak(tokens[j].lower) && tokens[j].lower != "that") {
      return false;
    }
  }
  if (c == kNone || c == s.begin) return false;
  size_t left = c;
  while (left > s.begin && c - left < kMaxConjunct &&
         (IsWord(tokens[left - 1]) || IsQuoteMark(tokens[left - 1])) &&
         !IsClauseBreak(tokens[left - 1].lower)) {
    --left;
  }
  auto has_loss = [&](size_t from, size_t to) {
    for (size_t j = from; j < to; ++j) {
      if (LossHead(tokens, from, j) != kNone) return true;
    }
    return false;
  };
  auto has_goal = [&](size_t from, size_t to) {
    for (size_t j = from; j < to; ++j) {
      size_t g = GoalEnd(tokens, j, to);
      if (g != kNone && g < to) return true;
    }
    return false;
  };
  bool match = (has_loss(left, c) && has_goal(c + 1, e)) ||
               (has_goal(left, c) && has_loss(c + 1, e));
  if (!match || s.mention <= left) return false;
  m = {"AC101", left, v, left, v};
  return true;
}

// "the reward signal wasn't the same thing as the actual goal".
bool MatchSameAs(const SentenceView& s, size_t v, Match& m) {
  const auto& tokens = s.tokens;
  if (v == s.begin || tokens[v - 1].lower != "the") return false;
  size_t as = v + 1;
  if (WordAt(tokens, as, s.end, {"thing", "things"})) ++as;
  if (!WordAt(tokens, as, s.end, {"as"})) return false;
  size_t goal = FindGoal(tokens, as + 1, s.end);
  if (goal == kNone) return false;
  Subject subject = WalkBack(tokens, s.begin, v - 1, LossHead);
  if (subject.first == kNone || s.mention <= subject.first) return false;
  m = {"AC101", subject.first, goal, subject.first, v};
  return true;
}

// "the objective is not a perfect measure of the human's goals", "the
// reward is a faithful representation of what we want".
bool MatchMeasureOf(const SentenceView& s, size_t v, Match& m) {
  const auto& tokens = s.tokens;
  if (!WordAt(tokens, v + 1, s.end, {"of"})) return false;
  size_t goal = FindGoal(tokens, v + 2, s.end);
  if (goal == kNone) return false;
  size_t j = v;
  // "is, at best, a crude approximation of".
  while (
      j > s.begin &&
      (tokens[j - 1].lower == "," ||
       WordAt(tokens, j - 1, s.end,
              {"a",         "an",         "the",        "perfect",  "good",
               "imperfect", "faithful",   "accurate",   "complete", "partial",
               "exact",     "incomplete", "inaccurate", "poor",     "direct",
               "full",      "not",        "never",      "crude",    "rough",
               "close",     "reasonable", "decent",     "loose",    "only",
               "just",      "at",         "best"}))) {
    --j;
  }
  if (j == v || j == s.begin ||
      !WordAt(tokens, j - 1, s.end, {"is", "are", "was", "were", "be"})) {
    return false;
  }
  Subject subject = WalkBack(tokens, s.begin, j, LossHead);
  if (subject.first == kNone || s.mention <= subject.first) return false;
  m = {"AC101", subject.first, goal, subject.first, v};
  return true;
}

// Whether the adjective at `a` may judge the loss phrase [first, last].
bool JudgesLoss(const std::vector<Token>& tokens, size_t a, size_t first,
                size_t last) {
  const std::string& adj = tokens[a].lower;
  const std::string& head = tokens[last].lower;
  bool strong = In(adj, {"misspecified", "mis-specified", "underspecified",
                         "misaligned", "specified", "defined", "aligned"});
  // "an imperfect proxy (reward model)", "a good proxy for what we want":
  // substitution, not correspondence.
  for (size_t j = first; j <= last; ++j) {
    if (In(tokens[j].lower, {"proxy", "proxies"}) && !strong) return false;
  }
  // "a bad reward" is a low one.
  if (first == last && In(head, {"reward", "rewards"}) &&
      In(adj, {"bad", "flawed", "faulty", "buggy"})) {
    return false;
  }
  // "imperfect reward signals", "an imperfect reward model": every
  // artefact is imperfect; the policy's judgements say (in)correctly
  // specified, and the labelled corpora read "imperfect" as negative.
  if (adj == "imperfect") return false;
  return true;
}

// "a misspecified reward", "correct reward signals", "the objective itself
// is wrong", "reward functions ... are rarely perfect".
bool MatchEvaluative(const SentenceView& s, size_t a, Match& m) {
  const auto& tokens = s.tokens;
  const std::string& adj = tokens[a].lower;
  // "you've specified the goal wrongly", "you might have correctly
  // specified the goal": the goal as written down, judged.
  if (adj == "specified") {
    size_t g = a + 1;
    if (WordAt(tokens, g, s.end,
               {"the", "a", "their", "your", "its", "our", "this"})) {
      ++g;
    }
    if (WordAt(tokens, g, s.end, {"goal", "goals", "task", "tasks"})) {
      bool before = a > s.begin && IsWord(tokens[a - 1]) &&
                    IsJudgingAdverb(tokens[a - 1].lower);
      bool after = g + 1 < s.end && IsWord(tokens[g + 1]) &&
                   IsJudgingAdverb(tokens[g + 1].lower);
      size_t first = before ? a - 1 : a;
      if ((before || after) && s.mention > first) {
        m = {"AC101", first, after ? g + 1 : g, first, a};
        return true;
      }
    }
  }
  if (In(adj, {"specified", "defined"}) &&
      !(a > s.begin && IsWord(tokens[a - 1]) &&
        IsJudgingAdverb(tokens[a - 1].lower))) {
    return false;
  }
  // "a perfectly aligned loss function would ...": the presupposition.
  // "The reward model is misaligned." judges the loss; "the loss is
  // misaligned with the x-axis" is for MatchVerb to read, and "misaligned
  // in time" is another sense.
  bool attributive_only =
      adj == "aligned" ||
      (adj == "misaligned" && a + 1 < s.end && IsWord(tokens[a + 1]) &&
       !In(tokens[a + 1].lower,
           {"and", "or", "but", "because", "since", "so", "when", "while",
            "although", "though", "if", "unless", "whenever"}));
  // "you misspecify your reward function".
  if (In(adj, {"misspecify", "misspecifies", "misspecifying", "mis-specify",
               "misalign", "misaligns"})) {
    size_t loss = LossAfter(tokens, a + 1, s.end, 3);
    if (loss == kNone || s.mention <= a) return false;
    m = {"AC101", a, loss, a, a};
    return true;
  }
  // "a flawed or incomplete reward function": the noun after the last.
  size_t noun = a + 1;
  while (noun + 1 < s.end && WordAt(tokens, noun, s.end, {"or", "and"}) &&
         IsWord(tokens[noun + 1]) && IsEvaluative(tokens[noun + 1].lower)) {
    noun += 2;
  }
  // "the right kind of objective functions".
  if (WordAt(tokens, noun, s.end,
             {"kind", "kinds", "sort", "type", "form", "set", "choice"}) &&
      WordAt(tokens, noun + 1, s.end, {"of"})) {
    noun += 2;
  }
  for (size_t j = noun; j < s.end && j <= noun + 2; ++j) {
    if (LossHead(tokens, noun, j) == noun && JudgesLoss(tokens, a, noun, j)) {
      // "a misspecified reward function": the whole compound.
      if (j + 1 < s.end && LossHead(tokens, noun, j + 1) == noun) ++j;
      size_t first = a > s.begin && IsAdverb(tokens[a - 1].lower) ? a - 1 : a;
      if (s.mention <= first) return false;
      m = {"AC101", first, j, first, a};
      return true;
    }
  }
  // "misspecified training goals"; "the goal was misspecified".
  if (In(adj, {"misspecified", "mis-specified", "underspecified"})) {
    const Words kGoals = {"goal",    "goals", "target",
                          "targets", "task",  "tasks"};
    for (size_t j = a + 1; j < s.end && j <= a + 2; ++j) {
      if (WordAt(tokens, j, s.end, kGoals)) {
        if (s.mention <= a) return false;
        m = {"AC101", a, j, a, a};
        return true;
      }
    }
    if (a >= s.begin + 2 &&
        In(tokens[a - 1].lower, {"is", "are", "was", "were", "been"}) &&
        WordAt(tokens, a - 2, s.end, kGoals) && s.mention > a - 2) {
      m = {"AC101", a - 2, a, a - 2, a};
      return true;
    }
  }
  if (attributive_only) return false;
  // "reward models are imperfect proxies": the adjective is the noun's.
  if (a + 1 < s.end && IsWord(tokens[a + 1]) &&
      !In(tokens[a + 1].lower,
          {"and",       "or",     "but",    "in",      "for",   "when",
           "because",   "since",  "so",     "as",      "to",    "if",
           "although",  "though", "while",  "even",    "at",    "on",
           "by",        "with",   "enough", "from",    "about", "relative",
           "according", "unless", "until",  "whenever"})) {
    return false;
  }
  Subject subject = WalkBack(tokens, s.begin, a, LossHead);
  if (subject.first == kNone || s.mention <= subject.first) return false;
  bool copula = false;
  size_t last = subject.first;
  for (size_t j = subject.first; j < a; ++j) {
    if (WordAt(tokens, j, s.end,
               {"is", "are", "was", "were", "be", "been", "being", "become",
                "becomes", "became", "remain", "remains", "seem", "seems",
                "isn't", "aren't", "wasn't", "weren't"})) {
      copula = true;
    } else if (!copula && LossHead(tokens, subject.first, j) != kNone) {
      last = j;
    }
  }
  if (!copula || !JudgesLoss(tokens, a, subject.first, last)) return false;
  m = {"AC101", subject.first, a, subject.first, a};
  return true;
}

// "reward misspecification", "the misalignment between the specified
// reward and the user's expectations".
bool MatchGap(const SentenceView& s, size_t g, Match& m) {
  const auto& tokens = s.tokens;
  const std::string& w = tokens[g].lower;
  if (g > s.begin &&
      In(w, {"misspecification", "misspecifications", "mis-specification",
             "misalignment", "misalignments"})) {
    size_t first = LossHead(tokens, s.begin, g - 1);
    if (first != kNone && first < s.mention) {
      m = {"AC101", first, g, first, g};
      return true;
    }
  }
  // "the misalignment (was) between <loss> and <goal>".
  size_t between = g + 1;
  if (WordAt(tokens, between, s.end, {"is", "was", "lies", "arises"})) {
    ++between;
  }
  if (!WordAt(tokens, between, s.end, {"between"}) || s.mention <= g) {
    return false;
  }
  bool loss = false, goal = false;
  size_t last = g;
  for (size_t j = between + 1; j < s.end && j <= g + kMaxBetween; ++j) {
    if (tokens[j].lower == ";" || tokens[j].lower == ".") break;
    if (!IsWord(tokens[j])) continue;
    if (!loss && LossHead(tokens, between + 1, j) != kNone) {
      loss = true, last = std::max(last, j);
    }
    size_t e = GoalEnd(tokens, j, s.end);
    if (!goal && e != kNone) goal = true, last = std::max(last, e);
    if (loss && goal) {
      m = {"AC101", g, last, g, g};
      return true;
    }
  }
  return false;
}

}  // namespace

bool MatchCorrespondence(const SentenceView& s, Match& m) {
  const auto& tokens = s.tokens;
  for (size_t v = s.begin; v < s.end; ++v) {
    const Token& t = tokens[v];
    if ((t.verb & (kLossGoalVerb | kEvaluative | kGapNoun)) == 0) continue;
    if ((t.verb & kLossGoalVerb) != 0 &&
        (MatchVerb(s, v, m) || MatchPassive(s, v, m) ||
         (IsEncodeVerb(t.lower) && MatchEncodeInto(s, v, m)) ||
         (t.lower == "same" && MatchSameAs(s, v, m)) ||
         MatchCoordinated(s, v, m) ||
         (IsMeasureNoun(t.lower) && MatchMeasureOf(s, v, m)))) {
      return true;
    }
    if ((t.verb & kEvaluative) != 0 && MatchEvaluative(s, v, m)) return true;
    if ((t.verb & kGapNoun) != 0 && MatchGap(s, v, m)) return true;
  }
  return false;
}

bool IsEncodeWord(const std::string& w) {
  return IsEncodeVerb(w) || IsMeasureNoun(w);
}

}  // namespace aligncheck::prose
