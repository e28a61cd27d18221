// AC103: an agent that pursues reward or low loss, said without saying
// whether the reward signal, the register, or something else is meant.
// Shapes: a motivation verb and an acquisition verb ("tries to maximize
// its reward", "learns to act deceptively to receive higher reward"), a
// pursuit verb ("optimizes the base objective", "terminally pursues
// reward"), the agent's goal or job ("the agent's goal is to maximize
// cumulative reward"), "cares about reward", and a leading purpose clause
// ("To get high reward, models must ...").
#include "prose/clause.h"
#include "prose/matchers.h"

namespace aligncheck::prose {
namespace {

constexpr size_t kMaxToAcquire = 8;  // "seeks to select actions that ... get"

}  // namespace

bool IsMotivation(const std::string& w) {
  return In(
      w, {"want",         "wants",        "wanted",    "wanting",  "try",
          "tries",        "tried",        "trying",    "seek",     "seeks",
          "seeking",      "aim",          "aims",      "aiming",   "strive",
          "strives",      "striving",     "attempt",   "attempts", "attempting",
          "desire",       "desires",      "motivated", "learn",    "learns",
          "learned",      "learning",     "designed",  "built",    "going",
          "incentivized", "incentivised", "driven",    "inclined", "acts",
          "act",          "acting"});
}

bool IsAcquisition(const std::string& w) {
  return In(
      w, {"minimize",   "minimise", "reduce",  "lower",  "decrease", "maximize",
          "maximise",   "increase", "get",     "obtain", "achieve",  "attain",
          "collect",    "earn",     "receive", "gain",   "optimize", "optimise",
          "accumulate", "chase",    "grab",    "secure",   "boost",
          "raise",      "inflate"});
}

// "the goal of maximizing reward": the gerund after an aim noun.
bool IsAcquisitionGerund(const std::string& w) {
  return In(w, {"minimizing", "minimising", "maximizing", "maximising",
                "optimizing", "optimising", "getting", "obtaining", "achieving",
                "collecting", "earning", "receiving", "gaining", "accumulating",
                "increasing", "reducing"});
}

bool IsPursuit(const std::string& w) {
  return In(
      w, {"optimizes",  "optimize",   "optimizing", "optimises",  "optimise",
          "optimising", "maximizes",  "maximize",   "maximizing", "maximises",
          "maximise",   "maximising", "minimizes",  "minimize",   "minimizing",
          "minimises",  "minimise",   "minimising", "pursues",    "pursue",
          "pursuing",   "values",     "value",      "valued",     "chases",
          "chase",      "chasing",    "seeks",      "seek",       "seeking",
          "covets"}) ||
         In(w, {"overoptimize", "overoptimizes", "overoptimise",
                "overoptimises", "over-optimize", "over-optimizes",
                "over-optimise", "over-optimises"});
}

// "optimizes", "optimized", "optimizing": not the bare form.
bool Inflected(const std::string& w) {
  auto ends = [&](std::string_view e) {
    return w.size() > e.size() &&
           w.compare(w.size() - e.size(), e.size(), e) == 0;
  };
  return ends("s") || ends("ed") || ends("ing");
}

// Whether a bare verb form at `v` fits the subject starting at `first`:
// an auxiliary or "to" before it (or before the subject, in a question),
// or a plural subject.
bool AgreesWithBareVerb(const std::vector<Token>& tokens, size_t first,
                        size_t v) {
  // "Does the trained model optimize ...?": the auxiliary comes first.
  for (size_t j = first; j > 0 && first - j < 3;) {
    const std::string& u = tokens[--j].lower;
    if (IsModal(u) || In(u, {"do", "does", "did", "will"})) return true;
  }
  for (size_t j = first; j < v; ++j) {
    const std::string& u = tokens[j].lower;
    if (IsModal(u) || In(u, {"to", "do", "did", "will", "don't", "didn't",
                             "won't", "cannot"})) {
      return true;
    }
    if (In(u, {"agents", "models", "policies", "systems", "ais", "llms",
               "networks", "learners", "they", "assistants", "robots",
               "mesa-optimizers", "mesa-optimisers", "agis", "schemers"})) {
      return true;
    }
  }
  return false;
}

bool IsAimNoun(const std::string& w) {
  return In(w, {"goal", "goals", "objective", "job", "aim", "purpose",
                "motivation", "mission"});
}

bool NamesRegister(const SentenceView& s) {
  for (size_t j = s.begin; j < s.end; ++j) {
    if (WordAt(s.tokens, j, s.end,
               {"register", "registers", "channel", "sensor", "sensors",
                "tamper", "tampers", "tampering", "overwrite", "overwrites",
                "wirehead", "wireheading", "button"})) {
      return true;
    }
  }
  return false;
}

// Words that say which reward is meant. Anywhere in the sentence: the
// register, channel or sensor, tampering with them. Next to the reward:
// the signal, a number, a score, a formal object, the loss on a data set.
bool NamesWhatIsMeant(const SentenceView& s, size_t loss) {
  const auto& tokens = s.tokens;
  if (NamesRegister(s)) return true;
  size_t from = loss > s.begin + 2 ? loss - 2 : s.begin;
  for (size_t j = from; j < s.end && j < loss + 4; ++j) {
    if (IsWord(tokens[j]) &&
        In(tokens[j].lower,
           {"signal", "signals", "number", "numerical", "scalar", "score",
            "scores", "counter", "mathematical", "formal", "output",
            // a loss named by its formula: "cross-entropy loss".
            "cross-entropy", "likelihood", "log-likelihood", "mse",
            "squared", "hinge", "perplexity"})) {
      return true;
    }
  }
  // "the loss on the training set": the mathematical reading.
  Words data = {"training", "data", "dataset", "set", "distribution", "test"};
  return WordAt(tokens, loss + 1, s.end, {"on", "over"}) &&
         (WordAt(tokens, loss + 2, s.end, data) ||
          WordAt(tokens, loss + 3, s.end, data));
}

namespace {

// An acquisition verb and its loss object within a few words from `k`:
// returns the object's last token and sets `verb`, or kNone.
size_t AcquiresLoss(const std::vector<Token>& tokens, size_t k, size_t end,
                    bool objective, size_t& verb) {
  for (size_t j = k; j < end && j <= k + kMaxToAcquire; ++j) {
    const Token& t = tokens[j];
    if (t.lower == ";" || t.lower == ".") return kNone;
    if (!IsWord(t)) continue;
    // "trained to", "taught to": the training procedure acts, not the agent.
    if (In(t.lower, {"train", "trained", "teach", "taught", "but"})) {
      return kNone;
    }
    // "its goal of reward maximization".
    if (In(t.lower, {"reward", "rewards", "loss"}) &&
        WordAt(
            tokens, j + 1, end,
            {"maximization", "maximisation", "minimization", "minimisation"})) {
      verb = j + 1;
      return j + 1;
    }
    if (!IsAcquisition(t.lower) && !IsAcquisitionGerund(t.lower)) continue;
    size_t n = j + 1;
    if (WordAt(tokens, n, end, {"for"})) ++n;
    size_t loss = FindLossObject(tokens, n, end, objective);
    if (loss != kNone) {
      verb = j;
      return loss;
    }
  }
  return kNone;
}

// Whether the words between `from` and `to` deny the phrase ("does not
// want", "isn't to maximize", "coverage, not reward"), looking back no
// further than the last dash or semicolon.
bool Denied(const std::vector<Token>& tokens, size_t from, size_t to) {
  bool negated = false;
  for (size_t j = from; j < to; ++j) {
    const std::string& w = tokens[j].lower;
    if (w == ";" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93") {
      negated = false;
    } else if (IsWord(tokens[j]) && IsNegation(w)) {
      negated = true;
    }
  }
  return negated;
}

// The agent an aim noun belongs to: "the agent's goal", "the goal of an
// RL agent", "agents whose goal", or an agent named shortly before.
bool HasOwner(const std::vector<Token>& tokens, size_t begin, size_t a,
              size_t end) {
  // "a mesa-optimizer whose goal is".
  if (a > begin + 1 && tokens[a - 1].lower == "whose" &&
      AgentHead(tokens, begin, a - 2) != kNone) {
    return true;
  }
  // "the AI's only goal", "the agent's ultimate objective".
  size_t o = a;
  if (o > begin + 1 &&
      WordAt(tokens, o - 1, end,
             {"only", "sole", "main", "ultimate", "true", "final", "primary",
              "real", "overriding", "terminal", "single", "one"})) {
    --o;
  }
  if (o > begin) {
    const std::string& p = tokens[o - 1].lower;
    for (std::string_view agent : {"agent", "model", "ai", "policy", "system",
                                   "robot", "assistant", "learner", "llm"}) {
      if (p.rfind(agent, 0) == 0 && p.size() > agent.size() &&
          (p[agent.size()] == '\'' || p.compare(agent.size(), 3, "s'") == 0)) {
        return true;
      }
    }
  }
  if (WordAt(tokens, a + 1, end, {"of"})) {
    for (size_t j = a + 2; j < end && j <= a + 5; ++j) {
      if (AgentHead(tokens, a + 2, j) != kNone) return true;
    }
  }
  for (size_t j = a; j > begin && a - j < 12;) {
    --j;
    if (IsWord(tokens[j]) && In(tokens[j].lower, {"agent", "agents"})) {
      return true;
    }
  }
  return false;
}

// "maximizer" in "a reward maximizer", or the compound "reward-seeking".
bool IsSeekerNoun(const std::string& w) {
  return In(w, {"maximizer", "maximizers", "maximiser", "maximisers", "seeker",
                "seekers", "optimizer", "optimizers", "optimiser", "optimisers",
                "reward-seeking", "reward-maximizing", "reward-maximising",
                "reward-seeker", "reward-seekers", "reward-maximizer",
                "reward-maximizers", "reward-maximiser", "reward-maximisers",
                "reward-addicted", "reward-hungry", "reward-obsessed"});
}

// "The agent is a reward maximizer", "the trained policy is
// reward-seeking": returns the agent's first token, or kNone; "a
// reward-seeking agent": the compound's.
size_t SeekerOwner(const SentenceView& s, size_t v) {
  const auto& tokens = s.tokens;
  const std::string& w = tokens[v].lower;
  size_t k = v;
  // "reward-seeking agents", "a reward-addicted model".
  if (w.rfind("reward-", 0) == 0 && v + 1 < s.end &&
      AgentHead(tokens, v + 1, v + 1) != kNone) {
    return v;
  }
  if (w.rfind("reward-", 0) != 0) {
    // "reward optimizer" with a bare noun: only after "reward(s)".
    if (k == s.begin || !WordAt(tokens, k - 1, s.end, {"reward", "rewards"})) {
      return kNone;
    }
    --k;
  }
  while (k > s.begin && WordAt(tokens, k - 1, s.end,
                               {"a", "an", "pure", "pure-", "perfect", "mere",
                                "simple", "ruthless", "relentless"})) {
    --k;
  }
  if (k == s.begin || !WordAt(tokens, k - 1, s.end,
                              {"is", "are", "was", "were", "be", "become",
                               "becomes", "became", "remains", "remain"})) {
    return kNone;
  }
  Subject subject = WalkBack(tokens, s.begin, k, AgentHead);
  if (subject.first == kNone || subject.negated) return kNone;
  return subject.first;
}

}  // namespace

bool IsAgentWord(const std::string& w) {
  return IsMotivation(w) || IsPursuit(w) || IsAimNoun(w) || IsSeekerNoun(w) ||
         In(w, {"care", "cares", "cared", "caring"});
}

bool DescribesBehaviour(const SentenceView& s, size_t loss, bool contrast) {
  const auto& tokens = s.tokens;
  for (size_t j = loss + 1; j < s.end; ++j) {
    if (contrast && WordAt(tokens, j, s.end, {"without", "while", "whilst"})) {
      return true;
    }
    // "even though it violated the spirit of the task", "but violates the
    // spirit of the objective".
    if ((WordAt(tokens, j, s.end, {"even"}) &&
         WordAt(tokens, j + 1, s.end, {"though"})) ||
        WordAt(tokens, j, s.end, {"spirit"})) {
      return true;
    }
  }
  // "collect rewards rather than genuinely cleaning".
  return WordAt(tokens, loss + 1, s.end, {"rather"}) &&
         WordAt(tokens, loss + 2, s.end, {"than"}) &&
         WordAt(tokens, loss + 3, s.end,
                {"genuinely", "actually", "truly", "really"});
}

bool FramedAgent(const SentenceView& s, size_t first) {
  const auto& tokens = s.tokens;
  for (size_t k = first; k > s.begin && first - k < 3;) {
    if (!IsWord(tokens[--k])) break;  // "During training, the network"
    // "train a model to optimize", "align the model by optimizing": the
    // procedure acts on the model.
    if (WordAt(tokens, k, s.end,
               {"train", "trains", "trained", "training", "teach", "teaches",
                "taught", "fine-tune", "finetune", "optimize", "optimise",
                "optimizes", "optimises", "align", "aligns", "aligning"})) {
      return true;
    }
    // "we study how an agent maximizes reward": the problem studied.
    if (tokens[k].lower == "how" && k > s.begin &&
        WordAt(tokens, k - 1, s.end,
               {"study", "studies", "studied", "studying", "examine",
                "examines", "analyze", "analyzes", "analyse", "analyses",
                "model", "models", "formalize", "formalizes"})) {
      return true;
    }
  }
  return false;
}

bool MatchAgentWants(const SentenceView& s, Match& m) {
  const auto& tokens = s.tokens;
  for (size_t v = s.begin; v < s.end; ++v) {
    const Token& t = tokens[v];
    if ((t.verb & kAgentVerb) == 0) continue;
    const std::string& w = t.lower;
    size_t loss = kNone, verb = v;  // verb: the acquisition verb, if any
    bool needs_subject = true;
    size_t first = v;
    size_t n = SkipMarks(tokens, v + 1, s.end);
    if (In(w, {"care", "cares", "cared", "caring"})) {
      while (WordAt(
          tokens, n, s.end,
          {"only", "mostly", "solely", "most", "primarily", "just", "really",
           "deeply", "exclusively", "intrinsically", "terminally"})) {
        n = SkipMarks(tokens, n + 1, s.end);
      }
      if (WordAt(tokens, n, s.end, {"about"})) {
        loss = FindLossObject(tokens, n + 1, s.end, false);
      }
    } else if (IsMotivation(w) &&
               (WordAt(tokens, n, s.end, {"to"}) ||
                (WordAt(tokens, n, s.end, {"at"}) && n + 1 < s.end &&
                 IsAcquisitionGerund(tokens[n + 1].lower)))) {
      // "tries to maximize", "aims at maximising".
      loss = AcquiresLoss(tokens, n + 1, s.end, true, verb);
    } else if (In(w, {"want", "wants", "desire", "desires", "values", "seeks",
                      "cares"}) &&
               WordAt(tokens, n, s.end, {"is", "are"})) {
      loss = FindLossObject(tokens, n + 1, s.end, false);  // "what it wants is"
    } else if (In(w, {"want", "wants", "desire", "desires"})) {
      loss = FindLossObject(tokens, v + 1, s.end, false);  // "wants reward"
    } else if (IsPursuit(w)) {
      // "the value loss", "a value function": a noun, not the verb.
      if (In(w, {"value", "values"}) && WordAt(tokens, n, s.end,
                                               {
                                                   "loss",
                                                   "losses",
                                                   "function",
                                                   "functions",
                                               })) {
        continue;
      }
      if (WordAt(tokens, n, s.end, {"for"})) ++n;
      loss = FindLossObject(tokens, n, s.end, true);
      // "systems pursue objectives that match human intentions": the
      // agent's own aims, not the objective it is trained on.
      if (loss != kNone && w.rfind("pursu", 0) == 0 &&
          WordAt(tokens, loss, s.end, {"objectives"})) {
        continue;
      }
    } else if (IsSeekerNoun(w)) {
      first = SeekerOwner(s, v);
      if (first == kNone) continue;
      loss = v;
      needs_subject = false;
    } else if (IsAimNoun(w) && WordAt(tokens, n, s.end, {"of"}) &&
               n + 1 < s.end && IsAcquisitionGerund(tokens[n + 1].lower) &&
               v > s.begin + 1 && WordAt(tokens, v - 1, s.end, {"the", "a"}) &&
               WordAt(tokens, v - 2, s.end, {"has", "have", "had", "with"})) {
      // "the agent has the goal of maximizing reward": the agent is the
      // subject of "has".
      loss = FindLossObject(tokens, n + 2, s.end, false);
      verb = n + 1;
      if (loss != kNone) {
        Subject subject = WalkBack(tokens, s.begin, v - 2, AgentHead);
        if (subject.first == kNone || subject.negated) continue;
        first = subject.first;
        needs_subject = false;
      }
    } else if (IsAimNoun(w) && HasOwner(tokens, s.begin, v, s.end)) {
      // "the agent's goal is (always) to maximize its total reward"; "its
      // objective isn't to maximize immediate reward, it's to maximize".
      size_t from = v + 1;
      while ((loss = AcquiresLoss(tokens, from, s.end, true, verb)) != kNone &&
             Denied(tokens, v, loss + 1)) {
        from = loss + 1;
      }
      // "the AI's terminal goal would be reward itself".
      size_t k = v + 1;
      while (k < s.end && IsWord(tokens[k]) &&
             (IsModal(tokens[k].lower) ||
              (IsAdverb(tokens[k].lower) &&
               !In(tokens[k].lower, {"is", "was", "be"})))) {
        ++k;
      }
      if (loss == kNone && WordAt(tokens, k, s.end, {"is", "was", "be"}) &&
          WordAt(tokens, k + 1, s.end, {"reward", "rewards", "loss"}) &&
          (k + 2 >= s.end || !IsWord(tokens[k + 2]) ||
           WordAt(tokens, k + 2, s.end, {"itself", "alone", "and", "or"}))) {
        loss = k + 1;
      }
      needs_subject = false;
    } else if (w == "to" && (v == s.begin || tokens[v - 1].lower == ":")) {
      // "To get high reward, models must learn ...".
      loss = AcquiresLoss(tokens, v + 1, s.end, false, verb);
      size_t comma = loss == kNone ? s.end : loss + 1;
      while (comma < s.end && tokens[comma].lower != ",") ++comma;
      bool agent = false;
      for (size_t j = comma + 1; j < s.end && j <= comma + 3; ++j) {
        agent = agent || AgentHead(tokens, comma + 1, j) != kNone;
      }
      if (!agent) loss = kNone;
      needs_subject = false;
    }
    if (loss == kNone) continue;
    if (needs_subject) {
      Subject subject = WalkBack(tokens, s.begin, v, AgentHead);
      if (subject.first == kNone || subject.negated) continue;
      first = subject.first;
      // "agent value the loss": a bare verb after a singular subject is a
      // noun compound, not a verb ("the agents value", "will value").
      if (IsPursuit(w) && !Inflected(w) &&
          !AgreesWithBareVerb(tokens, first, v)) {
        continue;
      }
      if (FramedAgent(s, first)) continue;
      // "We seek a policy that maximizes expected return", "the optimal
      // policy maximizes reward": a formal optimization problem.
      if (first > s.begin &&
          (WordAt(tokens, first - 1, s.end, {"optimal"}) ||
           (first > s.begin + 1 &&
            WordAt(tokens, first - 1, s.end, {"a", "an", "any", "some"}) &&
            WordAt(
                tokens, first - 2, s.end,
                {"seek",    "seeks",   "sought",   "find",    "finds",
                 "found",   "compute", "computes", "choose",  "chooses",
                 "search",  "obtain",  "obtains",  "return",  "returns",
                 "output",  "outputs", "select",   "selects", "yield",
                 "yields",  "produce", "produces", "for",     "exists",
                 "learn",   "learns",  "train",    "trains",  "design",
                 "designs", "build",   "builds",   "derive",  "construct",
                 "develop", "develops", "identify", "identifies"})))) {
        continue;
      }
      // "No agent wants ...", "nobody's model tries ...".
      if (first > s.begin && WordAt(tokens, first - 1, s.end,
                                    {"no", "nobody", "none", "neither"})) {
        continue;
      }
      // "The model minimizes the loss": a statement about training.
      Words technical = {"model", "models",     "network",     "networks",
                         "net",   "classifier", "classifiers", "learner"};
      if (IsPursuit(w) && WordAt(tokens, loss, s.end, {"loss", "losses"}) &&
          (WordAt(tokens, subject.first, s.end, technical) ||
           WordAt(tokens, subject.first + 1, s.end, technical))) {
        continue;
      }
    }
    if (s.mention <= first || Denied(tokens, v, loss + 1) ||
        NamesWhatIsMeant(s, loss) || DescribesBehaviour(s, loss, false)) {
      continue;
    }
    // "the model is trained to maximize": the procedure acts.
    Words procedure = {"trained",   "optimized", "optimised", "fine-tuned",
                       "finetuned", "taught",    "used"};
    // "trained by minimizing this loss" too.
    if ((v > s.begin && WordAt(tokens, v - 1, s.end, procedure)) ||
        (v > s.begin + 1 && WordAt(tokens, v - 1, s.end, {"to", "by"}) &&
         WordAt(tokens, v - 2, s.end, procedure))) {
      continue;
    }
    // "minimizes the loss with respect to the generator's parameters".
    if (WordAt(tokens, loss + 1, s.end, {"with", "w.r.t"}) &&
        WordAt(tokens, loss + 2, s.end, {"respect", "regard"})) {
      continue;
    }
    m = {"AC103", first, loss, first, v};
    return true;
  }
  return false;
}

}  // namespace aligncheck::prose
