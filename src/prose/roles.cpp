// The roles reading's phrases (prose/roles.h): training sides and targets
// found by their words alone.
#include "prose/roles.h"

namespace aligncheck::prose {

// What is measured or optimized when it is not called a loss: "what we
// measure", "what is optimized", "what you specified", "the metric(s)",
// "KPIs", "the specified goal". Returns the phrase's last token or kNone.
size_t MeasuredEnd(const std::vector<Token>& tokens, size_t j, size_t end) {
  const std::string& w = tokens[j].lower;
  if (In(w, {"metric", "metrics", "kpi", "kpis", "grader", "graders", "rubric",
             "rubrics"})) {
    return j;
  }
  // "the fitness function", "the scoring function".
  if (In(w, {"fitness", "scoring"}) &&
      WordAt(tokens, j + 1, end, {"function", "functions"})) {
    return j + 1;
  }
  if (w == "specified" &&
      WordAt(tokens, j + 1, end,
             {"goal", "goals", "objective", "objectives"})) {
    return j + 1;
  }
  // "the goal it was given", "the objective we set": the one handed over.
  if (In(w, {"goal", "goals", "objective", "objectives", "instruction",
             "instructions", "target"})) {
    size_t k = j + 1;
    Words handed = {"given",  "gave",      "give",       "set",
                    "specified", "specify", "wrote",     "assigned",
                    "provided", "optimized", "optimised", "programmed",
                    "trained"};
    // "the goal provided during training", "the objective given to it".
    if (WordAt(tokens, k, end,
               {"provided", "given", "assigned", "programmed", "specified"}) &&
        WordAt(tokens, k + 1, end, {"to", "during", "by", "in", "at"})) {
      return k;
    }
    if (!WordAt(tokens, k, end, {"it", "we", "they", "you", "the"})) {
      return kNone;
    }
    ++k;
    if (tokens[k - 1].lower == "the" &&
        !WordAt(tokens, k++, end, {"system", "model", "agent", "ai"})) {
      return kNone;
    }
    if (WordAt(tokens, k, end, {"was", "is", "were", "are", "has", "had"})) ++k;
    return WordAt(tokens, k, end, handed) ? k : kNone;
  }
  if (w != "what") return kNone;
  size_t k = j + 1;
  if (WordAt(tokens, k, end,
             {"we", "you", "they", "is", "was", "gets", "get", "are", "the",
              "you're", "we're", "they're", "you\xe2\x80\x99re",
              "we\xe2\x80\x99re", "they\xe2\x80\x99re"})) {
    ++k;
    if (tokens[k - 1].lower == "the" &&
        WordAt(tokens, k, end, {"system", "model", "agent", "optimizer"})) {
      ++k;
    }
  } else if (k < end && AgentHead(tokens, k, k) != kNone) {
    // "what algorithms optimize", "what agents optimize for".
    ++k;
  } else if (WordAt(tokens, k, end, {"algorithms", "algorithm", "optimizers"})) {
    ++k;
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
namespace {

// Whether the pronoun at `j` stands for the loss phrase `loss` before it
// in the same sentence: "it" or "they" after a clause boundary, when the
// loss comes before any agent, so that it is the subject carried on ("the
// loss function is what the model optimizes, so it must align with ...";
// not "the agent maximizes the reward, and it is aligned with ...").
bool RefersToLoss(const SentenceView& s, const Phrase& loss, size_t j) {
  const auto& tokens = s.tokens;
  if (!In(tokens[j].lower, {"it", "they"}) || j < loss.last + 2) return false;
  if (!In(tokens[j - 1].lower,
          {",", "so", "and", "but", "that", "then", "\xe2\x80\x94"})) {
    return false;
  }
  // The subject carries on: the loss must come before any agent.
  for (size_t k = s.begin; k < loss.first; ++k) {
    if (IsWord(tokens[k]) && AgentHead(tokens, s.begin, k) != kNone) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<Phrase> LossPhrases(const SentenceView& s) {
  std::vector<Phrase> out;
  const auto& tokens = s.tokens;
  for (size_t j = s.begin; j < s.end; ++j) {
    if (!IsWord(tokens[j])) continue;
    size_t first = LossHead(tokens, s.begin, j);
    size_t last = j;
    if (first == kNone && !out.empty() && RefersToLoss(s, out.back(), j)) {
      first = j;
    }
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
  Words aims = {"objective",   "objectives",  "goal",         "goals",
                "task",        "tasks",       "needs",        "priorities",
                "outcome",     "outcomes",    "quality",      "intent",
                "preference",  "preferences", "requirements", "impact",
                "behavior",    "behaviour",   "values",       "purpose",
                "constraints", "supervision", "metric"};
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
      if (!IsWord(tokens[k])) break;
      if (In(tokens[k].lower, {"intend", "intends", "intended", "designed",
                               "meant", "want", "wants", "wanted"})) {
        return k;
      }
    }
    if (In(w, {"problem", "problems"})) return kNone;
  }
  if (In(w, {"true", "actual", "real", "real-world", "underlying", "genuine",
             "business", "intended", "desired"})) {
    for (size_t k = j + 1; k < end && k <= j + 3; ++k) {
      // "true, unobservable objectives".
      if (tokens[k].lower == ",") continue;
      if (!IsWord(tokens[k])) return kNone;
      // "the desired goal destination": "goal" modifies a place.
      if (In(tokens[k].lower, {"goal", "goals"})) {
        return GoalEnd(tokens, k, end);
      }
      if (In(tokens[k].lower, aims)) return k;
    }
    return kNone;
  }
  // "the user's real-world objective", "your values".
  if (In(w, {"user's", "users'", "designer's", "designers'", "human's",
             "humans'", "people's", "humanity's", "developer's",
             "developers'"})) {
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
             {"ethics",       "values",      "wellbeing",  "well-being",
              "welfare",      "flourishing", "survival",   "interests",
              "needs",        "judgment",    "judgement",  "judgments",
              "judgements",   "goals",       "desires",    "happiness",
              "satisfaction", "intent",      "intentions", "decision-making",
              "preferences",  "wishes",      "perception"})) {
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

}  // namespace aligncheck::prose
