// AC103 by roles: an agent shortly before a pursuit verb whose object is
// the reward, the loss, the objective, a proxy or what is measured, when
// the phrase patterns (wants.cpp) and the parse (structure.cpp) have no
// shape for the sentence ("the agent optimizes for a flawed proxy", "gives
// false results to maximize its reward").
#include "prose/clause.h"
#include "prose/roles.h"

namespace aligncheck::prose {
namespace {

constexpr size_t kMaxAgentToVerb = 12;

// The reward, loss or objective a pursuit verb at `v` takes ("maximizes
// its cumulative reward", "optimizes for a flawed proxy"), or kNone.
size_t PursuedLoss(const std::vector<Token>& tokens, size_t v, size_t end) {
  size_t n = v + 1;
  if (WordAt(tokens, n, end, {"for", "towards", "toward"})) ++n;
  if (WordAt(tokens, n, end,
             {"some", "any", "exactly", "these", "those", "whatever", "more",
              "higher"})) {
    ++n;
  }
  // "as much reward as possible".
  if (WordAt(tokens, n, end, {"as"}) &&
      WordAt(tokens, n + 1, end, {"much", "high"})) {
    n += 2;
  }
  size_t loss = FindLossObject(tokens, n, end, true);
  // "pursue the wrong objectives": its own aims (lexicon.h PursuedAims).
  if (loss != kNone && WordAt(tokens, loss, end, {"objectives"}) &&
      PursuedAims(tokens, loss)) {
    return kNone;
  }
  if (loss != kNone) return loss;
  // "optimizes exactly what you specified", "what it is measured on",
  // "the grader", "the metric".
  if (WordAt(tokens, n, end, {"what", "whatever"})) {
    for (size_t k = n + 1; k < end && k <= n + 4; ++k) {
      if (!IsWord(tokens[k])) break;
      if (In(tokens[k].lower,
             {"specify", "specified", "define", "defined", "reward", "rewards",
              "rewarded", "measure", "measures", "measured", "wrote", "asked",
              "told", "tell", "programmed", "incentivized"})) {
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
    if (In(tokens[j].lower, {"proxy", "proxies"})) {
      bool aims = WordAt(tokens, j + 1, end, {"objectives", "goals"}) &&
                  PursuedAims(tokens, j + 1);
      return aims ? kNone : j;
    }
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
  // A gerund is the agent's only after an auxiliary ("is optimizing") or
  // an aim ("focus on maximizing"), not as a noun ("the output of
  // optimizing a proxy").
  if (w.size() > 3 && w.compare(w.size() - 3, 3, "ing") == 0) {
    if (v <= begin) return false;
    const std::string& p = tokens[v - 1].lower;
    if (In(p, {"on", "at", "toward", "towards"})) {
      return v > begin + 1 &&
             In(tokens[v - 2].lower, {"focus", "focuses", "focused", "aimed",
                                      "fixated", "bent", "intent", "set"});
    }
    // "with the target of maximizing"; "learns by maximizing rewards" (the
    // agent search stops at a procedure: "is trained by maximizing").
    if (p == "of") {
      return v > begin + 1 && (IsAimNoun(tokens[v - 2].lower) ||
                               In(tokens[v - 2].lower, {"target", "hope"}));
    }
    // "learns by maximizing rewards", but not "models are aligned with
    // human preferences by optimizing reward models": a passive names the
    // procedure.
    if (p == "by") {
      // A participle ("-ed") one or two words after a copula, before "by".
      auto participle = [&](size_t k) {
        const std::string& u = tokens[k].lower;
        return k + 1 < v && u.size() > 3 &&
               u.compare(u.size() - 2, 2, "ed") == 0;
      };
      for (size_t k = v - 1; k > begin && v - k < 10;) {
        --k;
        if (In(tokens[k].lower, {"is", "are", "was", "were", "be", "been"}) &&
            (participle(k + 1) || participle(k + 2))) {
          return false;
        }
      }
      return true;
    }
    return In(p, {"is", "are", "was", "were", "be", "been", "keeps", "starts",
                  "started", "stop", "stops"});
  }
  if (IsPursuit(w)) return true;
  return IsAcquisition(w) && v > begin && tokens[v - 1].lower == "to";
}

// Who does the pursuing: the training procedure, the optimizer or the
// authors ("we seek a policy that maximizes ..." defines a problem).
bool IsProcedureWord(const std::string& w) {
  return In(
      w,
      {"trained",   "optimized",      "optimised", "fine-tuned", "finetuned",
       "taught",    "used",           "we",        "you",        "i",
       "algorithm", "algorithms",     "ppo",       "optimizer",  "optimizers",
       "gradient",  "descent",        "training",  "procedure",  "method",
       "methods",   "backpropagation"});
}

// The loss placed before the agent of a relative clause that ends at
// `agent` - 1 ("the reward function [that] an agent ..."), or "the
// quantity" standing for a loss named before it through a copula ("the
// objective function is the quantity a model ..."). Returns its first
// token or kNone.
size_t LossBeforeRelative(const std::vector<Token>& tokens, size_t begin,
                          size_t agent) {
  size_t j = agent;
  // The agent's determiner, then an optional relative pronoun.
  if (j > begin && In(tokens[j - 1].lower, {"a", "an", "the", "its"})) --j;
  if (j > begin && In(tokens[j - 1].lower, {"that", "which"})) --j;
  if (j == begin || !IsWord(tokens[j - 1])) return kNone;
  size_t loss = LossHead(tokens, begin, j - 1);
  if (loss != kNone) return loss;
  if (!In(tokens[j - 1].lower, {"quantity", "number", "thing", "function"})) {
    return kNone;
  }
  bool copula = false;
  for (size_t k = j - 1; k-- > begin;) {
    if (In(tokens[k].lower, {"is", "are"})) copula = true;
    if (copula && LossHead(tokens, begin, k) != kNone) {
      return LossHead(tokens, begin, k);
    }
  }
  return kNone;
}

// "the quantity a model seeks to minimize during training", "inferring the
// reward function an agent is optimizing": the loss is the object of a
// pursuit verb whose agent stands right before it in a relative clause.
bool MatchRelativePursuit(const SentenceView& s, Match& m) {
  const auto& tokens = s.tokens;
  for (size_t v = s.begin + 2; v < s.end; ++v) {
    const std::string& w = tokens[v].lower;
    if ((tokens[v].verb & kAgentVerb) == 0 ||
        !(IsOptimizeWord(w) || w.rfind("pursu", 0) == 0)) {
      continue;
    }
    // The verb has no object of its own ("minimize or maximize during").
    size_t n = v + 1;
    if (WordAt(tokens, n, s.end, {"or", "and"}) && n + 1 < s.end &&
        (tokens[n + 1].verb & kAgentVerb) != 0) {
      n += 2;
    }
    if (WordAt(tokens, n, s.end, {"for"})) ++n;
    if (n < s.end && IsWord(tokens[n]) &&
        !In(tokens[n].lower, {"during", "in", "from", "over", "at", "when",
                              "while", "under", "throughout", "across"})) {
      continue;
    }
    size_t k = v - 1;
    if (tokens[k].lower == "to" && k > s.begin + 1 &&
        In(tokens[k - 1].lower,
           {"seek", "seeks", "try", "tries", "trying", "intend", "intends",
            "want", "wants", "aim", "aims", "attempt", "attempts"})) {
      k -= 2;
    }
    for (int aux = 0;
         aux < 2 && k > s.begin &&
         In(tokens[k].lower,
            {"is", "are", "was", "were", "should", "will", "would", "can",
             "could", "may", "might", "must", "does", "do"});
         ++aux) {
      --k;
    }
    size_t agent = AgentHead(tokens, s.begin, k);
    if (agent == kNone || agent >= s.mention || FramedAgent(s, agent)) {
      continue;
    }
    size_t loss = LossBeforeRelative(tokens, s.begin, agent);
    if (loss == kNone || loss >= s.mention || NamesWhatIsMeant(s, loss)) {
      continue;
    }
    m = {"AC103", loss, v, agent, v};
    return true;
  }
  return false;
}

}  // namespace

bool MatchAgentByRoles(const SentenceView& s, Match& m) {
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
        DescribesBehaviour(s, loss, true)) {
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
      // Not "adjusts its behaviour to get reward": the agent's own
      // behaviour, a purpose clause.
      if (j > s.begin && j + 1 == v && t.lower == "to" &&
          !(j > s.begin + 1 &&
            In(tokens[j - 2].lower, {"its", "their", "his", "her"})) &&
          In(tokens[j - 1].lower,
             {"ways", "way", "strategies", "strategy", "behaviour", "behavior",
              "behaviours", "behaviors", "actions", "moves", "shortcuts",
              "shortcut", "decisions", "loopholes", "loophole", "path",
              "paths", "route", "trick", "tricks"})) {
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
    if (agent == kNone || agent >= s.mention || FramedAgent(s, agent)) {
      continue;
    }
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
      // ("we suggest that agents ..." is the authors' claim, not a frame).
      bool author = In(u, {"we", "you", "i", "our"});
      bool aim = u == "our" && j + 1 < agent &&
                 IsAimNoun(tokens[j + 1].lower) &&
                 WordAt(tokens, j + 2, s.end, {"is", "was"});
      bool seeks = j + 1 < agent &&
                   In(tokens[j + 1].lower,
                      {"seek", "want", "find", "learn", "train", "define",
                       "consider", "look", "design", "build", "choose",
                       "compute", "search", "obtain", "need"});
      // "the goal is to learn a policy that ...": a problem, unless an
      // agent owns the goal ("the goal of an RL agent is to learn ...").
      bool problem = j + 1 < agent && j > s.begin &&
                     In(u, {"learn", "find", "obtain", "compute", "select",
                            "develop", "choose", "identify", "construct",
                            "derive"}) &&
                     tokens[j - 1].lower == "to";
      for (size_t k = s.begin; problem && k < j; ++k) {
        // "the agent's goal is to learn a policy that ..." too.
        const std::string& o = tokens[k].lower;
        problem = !IsWord(tokens[k]) ||
                  (AgentHead(tokens, s.begin, k) == kNone &&
                   !In(o.substr(0, o.find_first_of("'\xe2")),
                       {"agent", "agents", "learner", "model", "ai"}));
      }
      framed = IsWord(tokens[j]) &&
               (author ? (agent - j <= 3 && seeks) || aim
                       : problem || IsNegation(u) || IsProcedureWord(u) ||
                             In(u, {"train", "trains", "teach", "teaching",
                                    "optimize", "optimise", "no"}));
    }
    if (framed) continue;
    m = {"AC103", agent, loss, agent, v};
    return true;
  }
  return MatchRelativePursuit(s, m);
}

}  // namespace aligncheck::prose
