// Phrase patterns of the prose rules. Each rule finds its verb, walks back
// over auxiliaries and adverbs to its subject and forward to its object;
// anything else in between (a comma, another noun) breaks the match, which
// keeps precision above recall.
#include "prose/patterns.h"

#include <unordered_map>

#include "prose/lexicon.h"

namespace aligncheck::prose {
namespace {

constexpr size_t kMaxFillers = 6;      // auxiliaries and adverbs before a verb
constexpr size_t kMaxObjectGap = 5;    // words before the goal ("the intended")
constexpr size_t kMaxLossGap = 3;      // words before the loss ("its own")
constexpr size_t kMaxDefinition = 24;  // words of an outer alignment definition

// An aside between commas before a verb ("the reward, which we wrote by
// hand, is ..."): returns the opening comma of the aside that the comma at
// `close` ends, or kNone when the words between are not a plain aside.
size_t OpeningComma(const std::vector<Token>& tokens, size_t begin,
                    size_t close) {
  constexpr size_t kMaxAside = 8;
  for (size_t j = close; j > begin && close - j <= kMaxAside;) {
    --j;
    const Token& t = tokens[j];
    if (t.lower == ",") return j + 1 < close ? j : kNone;
    if (IsQuoteMark(t) || t.kind == TokenKind::kOpaque) continue;
    if (!IsWord(t) || IsNegation(t.lower) || IsModal(t.lower)) return kNone;
    if (IsClauseBreak(t.lower) && !In(t.lower, {"which", "who", "that"})) {
      return kNone;
    }
  }
  return kNone;
}

struct Subject {
  size_t first = kNone;
  bool modal = false;
  bool negated = false;
};

// Walks back from the verb at `v` over fillers to a subject accepted by
// `head`; a name may follow the subject's noun ("the loss ℓ novel").
template <class Head>
Subject WalkBack(const std::vector<Token>& tokens, size_t begin, size_t v,
                 Head head) {
  Subject s;
  size_t fillers = 0;
  bool after_aside = false;  // one aside at most
  for (size_t j = v; j > begin;) {
    --j;
    const Token& t = tokens[j];
    if (IsQuoteMark(t)) continue;
    if (IsWord(t) &&
        (IsNegation(t.lower) || IsModal(t.lower) || IsFiller(t.lower))) {
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
    return {};
  }
  return {};
}

// The goal object of an AC101 verb: a goal phrase within a few words of
// `k`, with nothing but words and quotation marks before it.
size_t FindGoal(const std::vector<Token>& tokens, size_t k, size_t end) {
  size_t words = 0;
  for (size_t j = k; j < end && words <= kMaxObjectGap; ++j) {
    const Token& t = tokens[j];
    if (IsQuoteMark(t)) continue;
    if (!IsWord(t) || IsNegation(t.lower)) return kNone;
    // A bare "goals" right after the verb is rarely someone's goal.
    bool bare = words == 0 && In(t.lower, {"goal", "goals"});
    size_t goal = bare ? kNone : GoalEnd(tokens, j, end);
    if (goal != kNone) return goal;
    // "the position of the goal", "the distance to the goal".
    if (IsClauseBreak(t.lower) || IsPreposition(t.lower)) return kNone;
    ++words;
  }
  return kNone;
}

// Words before the subject that make the sentence something other than an
// assertion of it: conditions, wishes, and frames that talk about the idea.
// Returns the first such word of the sentence [begin, end), or `end`: a
// phrase whose subject comes after it is not asserted.
size_t FirstNonAssertion(const std::vector<Token>& tokens, size_t begin,
                         size_t end) {
  for (size_t j = begin; j < end; ++j) {
    const Token& t = tokens[j];
    if (!IsWord(t)) continue;
    if (IsModal(t.lower) ||
        In(t.lower,
           {"if",        "suppose",       "supposing", "imagine",
            "imagining", "assume",        "assuming",  "assumed",
            "whether",   "unless",        "when",      "hypothetically",
            "want",      "wants",         "wanted",    "wish",
            "wishes",    "hope",          "hopes",     "hoped",
            "hoping",    "need",          "needs",     "needed",
            "require",   "requires",      "believed",  "pretend",
            "saying",    "talking",       "talk",      "notion",
            "idea",      "phrase",        "statement", "sentence",
            "slogan",    "misconception", "myth",      "assumption",
            "belief",    "intuition",     "doubtful",  "doubt",
            "doubts",    "unclear",       "unlikely",  "unproven",
            "false"}) ||
        // "No loss ...", "we do not claim that the reward ...".
        IsNegation(t.lower)) {
      return j;
    }
    if (In(t.lower, {"claim", "claims"}) && j > begin &&
        In(tokens[j - 1].lower, {"the", "a", "this", "that", "such", "any"})) {
      return j;
    }
  }
  return end;
}

// AC101: a loss that is aligned with / represents / captures a goal.
size_t MatchLossGoal(const std::vector<Token>& tokens, size_t begin, size_t end,
                     size_t marker, Match& m) {
  for (size_t v = begin; v < end; ++v) {
    const Token& t = tokens[v];
    if ((t.verb & kLossGoalVerb) == 0) continue;
    size_t object;
    if (IsAlignVerb(t.lower)) {
      size_t n = SkipMarks(tokens, v + 1, end);
      if (n >= end || !IsWord(tokens[n]) ||
          !In(tokens[n].lower, {"with", "to"})) {
        continue;
      }
      object = n + 1;
    } else if (IsRepresentVerb(t.lower)) {
      object = v + 1;
    } else {
      continue;
    }
    Subject s = WalkBack(tokens, begin, v, LossHead);
    if (s.first == kNone) continue;
    size_t goal = FindGoal(tokens, object, end);
    if (goal == kNone || s.negated || s.modal || marker < s.first) {
      continue;
    }
    m = {"AC101", s.first, goal, s.first, v};
    return v;
  }
  return kNone;
}

// The loss or reward an agent is said to want: a few determiners and
// adjectives, then the noun. Returns its last token.
size_t FindLossObject(const std::vector<Token>& tokens, size_t k, size_t end) {
  size_t words = 0;
  for (size_t j = k; j < end && words <= kMaxLossGap; ++j) {
    const Token& t = tokens[j];
    if (IsQuoteMark(t)) continue;
    if (!IsWord(t)) return kNone;
    if (In(t.lower, {"loss", "losses", "reward", "rewards"})) {
      size_t n = j + 1;
      if (n < end && IsWord(tokens[n]) &&
          In(tokens[n].lower, {"function", "functions", "signal", "signals"})) {
        return n;
      }
      return j;
    }
    if (!In(t.lower, {"its",        "the",        "their",      "his",
                      "her",        "a",          "high",       "higher",
                      "highest",    "low",        "lower",      "lowest",
                      "more",       "less",       "expected",   "total",
                      "cumulative", "discounted", "training",   "own",
                      "future",     "long-term",  "maximal",    "minimal",
                      "much",       "as",         "getting",    "achieving",
                      "obtaining",  "maximizing", "maximising", "minimizing",
                      "minimising", "receiving",  "earning",    "collecting",
                      "only",       "just",       "this"})) {
      return kNone;
    }
    ++words;
  }
  return kNone;
}

// AC103: an agent that wants / tries / seeks to minimize its loss or
// maximize reward, or cares about loss or reward.
size_t MatchAgentWants(const std::vector<Token>& tokens, size_t begin,
                       size_t end, size_t marker, Match& m) {
  for (size_t v = begin; v < end; ++v) {
    const Token& t = tokens[v];
    if ((t.verb & kAgentVerb) == 0) continue;
    const std::string& w = t.lower;
    size_t object = kNone;
    size_t n = SkipMarks(tokens, v + 1, end);
    auto next_is = [&](Words words) {
      return n < end && IsWord(tokens[n]) && In(tokens[n].lower, words);
    };
    if (In(w, {"care", "cares", "cared", "caring"})) {
      while (next_is({"only", "mostly", "solely", "most", "primarily", "just",
                      "really", "deeply", "exclusively"})) {
        n = SkipMarks(tokens, n + 1, end);
      }
      if (next_is({"about"})) object = n + 1;
    } else if (In(w,
                  {"want",    "wants",    "wanted",   "wanting",  "try",
                   "tries",   "tried",    "trying",   "seek",     "seeks",
                   "seeking", "aim",      "aims",     "aiming",   "strive",
                   "strives", "striving", "attempt",  "attempts", "attempting",
                   "desire",  "desires",  "motivated"})) {
      if (next_is({"to"})) {
        n = SkipMarks(tokens, n + 1, end);
        if (next_is({"minimize", "minimise", "reduce", "lower", "decrease",
                     "maximize", "maximise", "increase", "get", "obtain",
                     "achieve", "attain", "collect", "earn", "receive", "gain",
                     "optimize", "optimise", "accumulate"})) {
          object = n + 1;
        }
      } else if (In(w, {"want", "wants", "wanted", "desire", "desires"})) {
        object = v + 1;  // "the agent wants reward"
      }
    }
    if (object == kNone) continue;
    size_t loss = FindLossObject(tokens, object, end);
    if (loss == kNone) continue;
    Subject s = WalkBack(tokens, begin, v, AgentHead);
    if (s.first == kNone || s.negated || s.modal || marker < s.first) {
      continue;
    }
    for (size_t j = v; j <= loss; ++j) {
      if (IsWord(tokens[j]) && IsNegation(tokens[j].lower)) return kNone;
    }
    m = {"AC103", s.first, loss, s.first, v};
    return v;
  }
  return kNone;
}

// AC102: "outer alignment is / refers to / means ... aligning the loss
// with the intended goal".
size_t MatchOuterAlignment(const std::vector<Token>& tokens, size_t begin,
                           size_t end, size_t marker, Match& m) {
  for (size_t v = begin; v < end; ++v) {
    const Token& t = tokens[v];
    if ((t.verb & kOuterWord) == 0) continue;
    size_t after;
    if (t.lower == "outer-alignment") {
      after = v + 1;
    } else if (t.lower == "outer") {
      size_t a = SkipMarks(tokens, v + 1, end);
      if (a >= end || tokens[a].lower != "alignment") continue;
      after = a + 1;
    } else {
      continue;
    }
    size_t d = SkipMarks(tokens, after, end);
    // "outer alignment, roughly, is"; "the outer alignment problem is".
    if (d < end && tokens[d].lower == ",") {
      size_t close = d + 1;
      while (close < end && close <= d + 4 && IsWord(tokens[close]) &&
             !IsNegation(tokens[close].lower)) {
        ++close;
      }
      if (close < end && close > d + 1 && tokens[close].lower == ",") {
        d = SkipMarks(tokens, close + 1, end);
      }
    }
    if (d < end && IsWord(tokens[d]) &&
        In(tokens[d].lower,
           {"problem", "task", "challenge", "condition", "requirement"})) {
      d = SkipMarks(tokens, d + 1, end);
    }
    // "by outer alignment we mean".
    if (d + 1 < end && IsWord(tokens[d]) &&
        In(tokens[d].lower, {"we", "i", "they"}) &&
        In(tokens[d + 1].lower, {"mean", "means", "understand"})) {
      ++d;
    }
    if (d >= end || !IsWord(tokens[d]) ||
        !In(tokens[d].lower,
            {"is", "refers", "means", "denotes", "describes", "concerns",
             "consists", "amounts", "involves", "requires", "asks", "deals",
             "seeks", "aims", "entails", "mean", "understand"})) {
      continue;
    }
    size_t align = kNone, loss = kNone, goal = kNone;
    bool negated = false;
    for (size_t j = d + 1; j < end && j <= d + kMaxDefinition; ++j) {
      const Token& u = tokens[j];
      if (u.lower == ";" ||
          (IsWord(u) &&
           In(u.lower, {"whereas", "while", "but", "because", "since",
                        "although", "though", "unless", "however"}))) {
        break;
      }
      if (!IsWord(u)) continue;
      if (IsNegation(u.lower)) negated = true;
      if (align == kNone && (IsAlignVerb(u.lower) || IsRepresentVerb(u.lower) ||
                             In(u.lower, {"match", "matches", "matching"}))) {
        align = j;
      }
      if (loss == kNone && LossHead(tokens, d + 1, j) != kNone) loss = j;
      if (goal == kNone) goal = GoalEnd(tokens, j, end);
      if (align != kNone && loss != kNone && goal != kNone) break;
    }
    if (align == kNone || loss == kNone || goal == kNone || negated ||
        marker < v) {
      continue;
    }
    m = {"AC102", v, std::max({align, loss, goal}), v, d};
    return v;
  }
  return kNone;
}

}  // namespace

bool ClassifyVerbs(std::vector<Token>& tokens) {
  // One hash lookup per word instead of a scan of every word list.
  static const std::unordered_map<std::string_view, uint8_t> kClasses = [] {
    std::unordered_map<std::string_view, uint8_t> m;
    for (std::string_view w :
         {"aligned", "aligns", "align", "aligning", "represents", "represent",
          "representing", "encodes", "encode", "encoding", "captures",
          "capture", "capturing", "reflects", "reflect", "reflecting",
          "embodies", "embody", "matches"}) {
      m[w] |= kLossGoalVerb;
    }
    for (std::string_view w :
         {"care",   "cares",   "cared",    "caring",  "want",     "wants",
          "wanted", "wanting", "try",      "tries",   "tried",    "trying",
          "seek",   "seeks",   "seeking",  "aim",     "aims",     "aiming",
          "strive", "strives", "striving", "attempt", "attempts", "attempting",
          "desire", "desires", "motivated"}) {
      m[w] |= kAgentVerb;
    }
    m["outer"] |= kOuterWord;
    m["outer-alignment"] |= kOuterWord;
    return m;
  }();
  bool any = false;
  for (Token& t : tokens) {
    if (t.kind != TokenKind::kWord) continue;
    auto it = kClasses.find(t.lower);
    if (it != kClasses.end()) t.verb = it->second;
    if (IsAlignVerb(t.lower)) t.verb |= kLossGoalVerb;  // "well-aligned"
    any = any || t.verb != 0;
  }
  return any;
}

std::vector<Match> FindMatches(const std::vector<Token>& tokens, size_t begin,
                               size_t end, bool question) {
  std::vector<Match> out;
  if (question) return out;
  size_t marker = FirstNonAssertion(tokens, begin, end);
  Match outer, loss, agent;
  bool has_outer =
      MatchOuterAlignment(tokens, begin, end, marker, outer) != kNone;
  bool has_loss = MatchLossGoal(tokens, begin, end, marker, loss) != kNone;
  bool has_agent = MatchAgentWants(tokens, begin, end, marker, agent) != kNone;
  if (has_outer) out.push_back(outer);
  // A loss-goal phrase inside the definition is the definition's.
  if (has_loss &&
      !(has_outer && loss.verb >= outer.first && loss.verb <= outer.last)) {
    out.push_back(loss);
  }
  if (has_agent) out.push_back(agent);
  std::sort(out.begin(), out.end(),
            [](const Match& a, const Match& b) { return a.first < b.first; });
  return out;
}

}  // namespace aligncheck::prose
