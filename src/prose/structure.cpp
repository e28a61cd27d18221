// AC101 and AC103 read off a parse: the parse's words are mapped onto the
// rules' tokens, so that the vocabulary (prose/lexicon.h, matchers.h) is
// the word patterns' own and only "which word belongs to which" comes from
// the parser.
#include "prose/structure.h"

#include <algorithm>
#include <string>
#include <vector>

#include "prose/lexicon.h"

namespace aligncheck::prose {
namespace {

// Links that join words of one clause or a clause to its complement;
// punctuation (X..) and wall links (W.., RW) say nothing of who does what.
bool Meaningful(const std::string& label) {
  return !label.empty() && label[0] != 'X' && label[0] != 'W' &&
         label.rfind("RW", 0) != 0;
}

bool StartsWith(const std::string& label, std::string_view prefix) {
  return label.rfind(prefix, 0) == 0;
}

// The parse as a graph over its words, with each word's token.
class Graph {
 public:
  Graph(const SentenceView& s, const SentenceParse& parse)
      : parse_(parse), tokens_(s.tokens) {
    const auto& tokens = s.tokens;
    uint32_t base = tokens[s.begin].begin;
    size_t n = parse.words.size();
    token_of_.assign(n, kNone);
    adjacent_.resize(n);
    size_t t = s.begin;
    for (size_t w = 0; w < n; ++w) {
      const SentenceParse::Word& word = parse.words[w];
      if (word.wall || word.begin == word.end) continue;
      uint32_t at = base + word.begin;
      while (t < s.end && tokens[t].end <= at) ++t;
      if (t < s.end && tokens[t].begin <= at) token_of_[w] = t;
    }
    for (size_t i = 0; i < parse.links.size(); ++i) {
      const ParseLink& l = parse.links[i];
      if (!Meaningful(l.label) || l.left >= n || l.right >= n) continue;
      if (token_of_[l.left] == kNone || token_of_[l.right] == kNone) continue;
      adjacent_[l.left].push_back(i);
      adjacent_[l.right].push_back(i);
    }
  }

  size_t size() const { return token_of_.size(); }
  size_t token(size_t w) const { return token_of_[w]; }
  const std::string& word(size_t w) const { return tokens_[token_of_[w]].lower; }
  const Token& token_at(size_t w) const { return tokens_[token_of_[w]]; }
  const std::vector<size_t>& links(size_t w) const { return adjacent_[w]; }
  const ParseLink& link(size_t i) const { return parse_.links[i]; }
  size_t other(size_t i, size_t w) const {
    const ParseLink& l = parse_.links[i];
    return l.left == w ? l.right : l.left;
  }

  // The words of tokens [first, last].
  std::vector<size_t> WordsOf(size_t first, size_t last) const {
    std::vector<size_t> out;
    for (size_t w = 0; w < size(); ++w) {
      if (token_of_[w] != kNone && token_of_[w] >= first &&
          token_of_[w] <= last) {
        out.push_back(w);
      }
    }
    return out;
  }

  // Link distance of every word from `from`, up to `max` (-1: farther),
  // not crossing a link `skip(link, word it leaves, depth there)` refuses.
  template <typename Skip>
  std::vector<int> Distances(const std::vector<size_t>& from, int max,
                             Skip skip) const {
    std::vector<int> d(size(), -1);
    std::vector<size_t> queue;
    for (size_t w : from) {
      d[w] = 0;
      queue.push_back(w);
    }
    for (size_t q = 0; q < queue.size(); ++q) {
      size_t w = queue[q];
      if (d[w] >= max) continue;
      for (size_t i : adjacent_[w]) {
        size_t v = other(i, w);
        if (d[v] >= 0 || skip(parse_.links[i], v, d[w])) continue;
        d[v] = d[w] + 1;
        queue.push_back(v);
      }
    }
    return d;
  }

  std::vector<int> Distances(const std::vector<size_t>& from, int max) const {
    return Distances(from, max, [](const ParseLink&, size_t, int) {
      return false;
    });
  }

 private:
  const SentenceParse& parse_;
  const std::vector<Token>& tokens_;
  std::vector<size_t> token_of_;
  std::vector<std::vector<size_t>> adjacent_;
};

// Judgements of a loss against the intent that need no goal named. Not
// "flawed", "imperfect", "bad": they fit any artefact.
// "Misaligned" needs what it is misaligned with ("misaligned in time").
bool JudgesSpecification(std::string_view w) {
  return In(w, {"misspecified", "mis-specified", "well-specified",
                "underspecified", "under-specified", "perfectly-specified",
                "poorly-specified", "misspecify", "misspecifies",
                "mis-specify", "correct", "incorrect", "wrong", "accurate",
                "inaccurate"});
}

// "specified", "defined" judged by an adverb: "a perfectly specified loss",
// "accurately specify a reward function" (not "poorly chosen", "carefully
// designed": how it was made, not whether it matches the intent).
bool IsSpecifyWord(std::string_view w) {
  return In(w, {"specified", "specify", "specifies", "specifying", "defined",
                "define", "defines", "defining"});
}

// Whether word `w` is a specify word with a judging adverb linked to it.
bool JudgedSpecifyWord(const Graph& g, const std::vector<Token>& tokens,
                       size_t w) {
  if (!IsSpecifyWord(tokens[g.token(w)].lower)) return false;
  for (size_t i : g.links(w)) {
    if (IsJudgingAdverb(tokens[g.token(g.other(i, w))].lower)) return true;
  }
  return false;
}

// Whether adjective `c` is said of the loss through a copula ("the reward
// is wrong"), not of another noun near it ("reward the wrong answer",
// "the loss quantifies how wrong the model is").
bool ThroughCopula(const Graph& g, const std::vector<Token>& tokens,
                   const std::vector<size_t>& loss, size_t c) {
  for (size_t w : loss) {
    for (size_t i : g.links(w)) {
      size_t x = g.other(i, w);
      if (!In(tokens[g.token(x)].lower,
              {"is", "are", "was", "were", "be", "been", "being", "seems",
               "seem", "remains", "remain", "isn't", "aren't", "wasn't"})) {
        continue;
      }
      for (size_t k : g.links(x)) {
        if (g.other(k, x) == c) return true;
      }
    }
  }
  return false;
}

bool IsCorrespondenceWord(const Token& t) {
  return (t.verb & (kLossGoalVerb | kGapNoun)) != 0;
}

// Whether loss word `w` heads its noun phrase: not a modifier of the next
// noun ("loss aversion", "reward hacking") and not "loss of" something.
bool HeadsPhrase(const Graph& g, const std::vector<Token>& tokens, size_t w) {
  for (size_t i : g.links(w)) {
    const ParseLink& l = g.link(i);
    if (l.left != w) continue;
    if (StartsWith(l.label, "AN")) return false;
    if (StartsWith(l.label, "Mp") &&
        In(tokens[g.token(w)].lower, {"loss", "losses"}) &&
        tokens[g.token(l.right)].lower == "of") {
      return false;
    }
  }
  return true;
}

// Whether a loss is what the correspondence word acts on ("align the
// reward with", "aligning the loss"): making the match, not stating it.
// "aligning language models with human preferences" aligns a model (the
// policy's other sense of "aligned"), whatever the sentence's subject.
bool ActsOnLoss(const Graph& g, const SentenceView& s, size_t c) {
  for (size_t i : g.links(c)) {
    const ParseLink& l = g.link(i);
    if (l.left != c || !StartsWith(l.label, "O")) continue;
    size_t object = g.token(l.right);
    if (LossHead(s.tokens, s.begin, object) != kNone ||
        (IsAlignVerb(s.tokens[g.token(c)].lower) &&
         AgentHead(s.tokens, s.begin, object) != kNone)) {
      return true;
    }
  }
  return false;
}

// Distances from the loss to the words that may say something of it. Not
// through a relative clause the loss is the object of ("the loss (that)
// aversion represents"): the loss must be the one that corresponds, in a
// relative clause through "that" or "which".
std::vector<int> LossDistances(const Graph& g, const std::vector<size_t>& loss,
                               int max) {
  return g.Distances(loss, max, [&g](const ParseLink& l, size_t to, int depth) {
    return depth == 0 && (l.label[0] == 'B' ||
                          (l.label[0] == 'R' && !In(g.word(to), {"that", "which"})));
  });
}

// Distances from a correspondence word to its arguments: the path may run
// through subjects, objects, prepositions and verb chains, not into a
// noun's modifiers ("the position of the goal"), nor through the loss
// phrase, tokens [blocked_first, blocked_last].
// A gap noun takes its sides as its own modifier ("the gap between the
// metric and the goal").
std::vector<int> ArgumentDistances(const Graph& g, size_t c, int max,
                                   size_t blocked_first, size_t blocked_last) {
  bool gap = (g.token_at(c).verb & kGapNoun) != 0;
  return g.Distances({c}, max, [&](const ParseLink& l, size_t to, int depth) {
    size_t t = g.token(to);
    bool modifier = l.label[0] == 'M' && !StartsWith(l.label, "MV");
    return (modifier && !(gap && depth == 0)) ||
           (t >= blocked_first && t <= blocked_last);
  });
}

// Tokens that start a goal phrase, with the phrase's last token.
std::vector<std::pair<size_t, size_t>> GoalPhrases(const SentenceView& s) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t j = s.begin; j < s.end; ++j) {
    size_t e = GoalEnd(s.tokens, j, s.end);
    // "match ours": our goals, after a correspondence word.
    if (e == kNone && s.tokens[j].lower == "ours") e = j;
    if (e != kNone) out.emplace_back(j, e);
  }
  return out;
}

// A goal that was handed to the system is the training side: "the goals
// we specify", "the objective given to the agent", "a specified goal" (the
// prose policy's "specified objective").
bool IsSpecifiedGoal(const Graph& g, const std::vector<Token>& tokens,
                     size_t j) {
  // "what we specify", "what you define": the specification itself.
  bool what = tokens[j].lower == "what";
  if (!what &&
      !In(tokens[j].lower, {"goal", "goals", "objective", "objectives"})) {
    return false;
  }
  for (size_t w : g.WordsOf(j, j)) {
    for (size_t i : g.links(w)) {
      const ParseLink& l = g.link(i);
      const std::string& other = tokens[g.token(g.other(i, w))].lower;
      bool relative = l.left == w && (StartsWith(l.label, "B") ||
                                      StartsWith(l.label, "Mv"));
      bool modifier = l.right == w && StartsWith(l.label, "A");
      if (what && !(relative && In(other, {"specify", "specified", "define",
                                           "defined", "reward", "rewarded"}))) {
        continue;
      }
      if ((relative &&
           In(other, {"specify", "specified", "give", "gave", "given", "set",
                      "write", "wrote", "written", "program", "programmed",
                      "assign", "assigned", "provide", "provided", "define",
                      "defined"})) ||
          (modifier && In(other, {"specified", "given", "stated",
                                  "programmed", "assigned", "written"}))) {
        return true;
      }
    }
  }
  return false;
}

// Whether correspondence word `c` takes a task as its object ("encodes the
// task the system should perform", "captures a complex task").
bool TakesTask(const Graph& g, const std::vector<Token>& tokens, size_t c) {
  if (!IsRepresentVerb(tokens[g.token(c)].lower)) return false;
  for (size_t i : g.links(c)) {
    const ParseLink& l = g.link(i);
    if (l.left != c || !StartsWith(l.label, "O") ||
        !In(tokens[g.token(l.right)].lower, {"task", "tasks"})) {
      continue;
    }
    // "the task of reaching the exit" is a concrete one, not the intent.
    bool concrete = false;
    for (size_t k : g.links(l.right)) {
      const ParseLink& ml = g.link(k);
      concrete = concrete || (ml.left == l.right && ml.label[0] == 'M' &&
                              tokens[g.token(ml.right)].lower == "of");
    }
    if (!concrete) return true;
  }
  return false;
}

// Whether the sentence optimizes or chooses something: a metric is the
// training side only as "the metric being optimized" (or chosen to be),
// not as a number reported.
bool OptimizesOrChooses(const SentenceView& s) {
  for (size_t j = s.begin; j < s.end; ++j) {
    const std::string& w = s.tokens[j].lower;
    if (IsOptimizeWord(w) ||
        In(w, {"choose", "chooses", "choosing", "chose", "chosen", "pick",
               "picks", "picking", "picked", "select", "selects", "selecting",
               "selected", "train", "trains", "training", "trained"})) {
      return true;
    }
  }
  return false;
}

bool MatchCorrespondenceStructure(const SentenceView& s, const Graph& g,
                                  Match& m) {
  const auto& tokens = s.tokens;
  std::vector<std::pair<size_t, size_t>> goals;
  bool goals_found = false;
  for (size_t j = s.begin; j < s.end; ++j) {
    size_t first = (tokens[j].verb & kLossAnaphor) != 0
                       ? j
                       : LossHead(tokens, s.begin, j);
    if (first == kNone && IsSpecifiedGoal(g, tokens, j)) first = j;
    // A metric (the prose policy's "metric being optimized"): in a gap
    // with a goal, or, when the sentence optimizes or chooses something,
    // judged right or wrong or said to match a goal.
    bool metric_only = false;
    if (first == kNone && In(tokens[j].lower, {"metric", "metrics"})) {
      first = j;
      metric_only = true;
    }
    if (first == kNone || first >= s.mention) continue;
    // A proxy judged or matched alone is a substitution (the prose
    // policy's tie-breaker); the word patterns read the exceptions.
    if (In(tokens[j].lower, {"proxy", "proxies"})) continue;
    std::vector<size_t> loss = g.WordsOf(j, j);
    loss.erase(std::remove_if(loss.begin(), loss.end(),
                              [&](size_t w) {
                                return !HeadsPhrase(g, tokens, w);
                              }),
               loss.end());
    if (loss.empty()) continue;
    // "between the metric and the goal": a conjunction joining the loss
    // to something else stands where the loss does.
    std::vector<size_t> seeds = loss;
    for (size_t w : loss) {
      for (size_t i : g.links(w)) {
        if (StartsWith(g.link(i).label, "SJ")) seeds.push_back(g.other(i, w));
      }
    }
    std::vector<int> d = LossDistances(g, seeds, 2);
    for (size_t c = 0; c < g.size(); ++c) {
      if (d[c] <= 0) continue;
      size_t tc = g.token(c);
      if (tc == j) continue;
      const Token& word = tokens[tc];
      // A judgement may sit inside the loss phrase ("an improperly
      // specified reward function"); a correspondence word may not.
      bool judged = (JudgesSpecification(word.lower) &&
                     (d[c] == 1 || ThroughCopula(g, tokens, seeds, c))) ||
                    JudgedSpecifyWord(g, tokens, c);
      if (!judged && tc >= first && tc <= j) continue;
      if (judged && (!metric_only || OptimizesOrChooses(s))) {
        m = Match{"AC101", std::min(first, tc), std::max(j, tc), first, tc};
        return true;
      }
      if (!IsCorrespondenceWord(word) || ActsOnLoss(g, s, c)) continue;
      if (metric_only && !OptimizesOrChooses(s) &&
          (word.verb & kGapNoun) == 0) {
        continue;
      }
      if (TakesTask(g, tokens, c)) {
        m = Match{"AC101", std::min(first, tc), std::max(j, tc), first, tc};
        return true;
      }
      if (!goals_found) {
        goals = GoalPhrases(s);
        goals_found = true;
      }
      std::vector<int> dg = ArgumentDistances(g, c, 3, first, j);
      for (const auto& [gb, ge] : goals) {
        if (gb <= j && ge >= first) continue;  // the loss phrase itself
        // "Loss functions do not directly encode goals": a bare plural is
        // goals in general, what the essay says losses are not.
        if (gb == ge && gb > s.begin && tokens[gb].lower == "goals" &&
            (gb - 1 == tc || IsAdverb(tokens[gb - 1].lower))) {
          continue;
        }
        for (size_t w : g.WordsOf(gb, ge)) {
          if (dg[w] > 0) {
            m = Match{"AC101", std::min(first, gb), std::max({j, tc, ge}),
                      first, tc};
            return true;
          }
        }
      }
    }
  }
  return false;
}

// The verbs an agent's clause runs through, from the verb `v` the agent
// is the subject of: auxiliaries, "to", infinitives, and participles or
// adjectives of motivation ("is designed to", "is incentivized to").
std::vector<size_t> VerbChain(const Graph& g, const std::vector<Token>& tokens,
                              size_t v) {
  std::vector<size_t> chain = {v};
  auto add = [&chain](size_t w) {
    if (std::find(chain.begin(), chain.end(), w) == chain.end()) {
      chain.push_back(w);
    }
  };
  auto word = [&](size_t w) -> const std::string& {
    return tokens[g.token(w)].lower;
  };
  // "It stops pursuing X and starts pursuing reward": the subject links to
  // the conjunction, which links to both verbs.
  if (In(word(v), {"and", "or", "but"})) {
    for (size_t i : g.links(v)) {
      if (StartsWith(g.link(i).label, "VJ")) add(g.other(i, v));
    }
  }
  for (size_t q = 0; q < chain.size() && chain.size() < 10; ++q) {
    size_t w = chain[q];
    for (size_t i : g.links(w)) {
      const ParseLink& l = g.link(i);
      if (l.left != w) continue;  // the chain runs rightwards
      size_t next = l.right;
      const std::string& label = l.label;
      bool follow = StartsWith(label, "I") || StartsWith(label, "PP") ||
                    StartsWith(label, "Pg") || StartsWith(label, "TO");
      if (StartsWith(label, "Pv") || StartsWith(label, "Pa")) {
        follow = IsMotivation(word(next));
      }
      // "behaves in order to get": on to "order", whose "to" follows.
      if (StartsWith(label, "MV") && word(next) == "in") {
        for (size_t k : g.links(next)) {
          const ParseLink& jl = g.link(k);
          if (jl.left == next && StartsWith(jl.label, "J") &&
              word(jl.right) == "order") {
            add(jl.right);
          }
        }
      }
      if (follow) add(next);
    }
  }
  return chain;
}

// The loss object of verb `v`: a loss phrase's last token reached by an
// object or a preposition ("maximize its reward", "optimizes for reward",
// "cares about reward"), not "against" a reward model (a training
// procedure), or kNone.
size_t LossObject(const SentenceView& s, const Graph& g, size_t v) {
  const auto& tokens = s.tokens;
  for (size_t i : g.links(v)) {
    const ParseLink& l = g.link(i);
    if (l.left != v) continue;
    // An object, a preposition, or a free relative ("optimize what you
    // define").
    bool object = StartsWith(l.label, "O") || StartsWith(l.label, "MV") ||
                  StartsWith(l.label, "QN");
    if (!object) continue;
    size_t next = l.right;
    std::vector<size_t> candidates = {next};
    if (StartsWith(l.label, "MV")) {
      if (tokens[g.token(next)].lower == "against") continue;
      for (size_t k : g.links(next)) {
        const ParseLink& jl = g.link(k);
        if (jl.left == next && StartsWith(jl.label, "J")) {
          candidates.push_back(jl.right);
        }
      }
    }
    for (size_t w : candidates) {
      size_t t = g.token(w);
      if (LossHead(tokens, s.begin, t) != kNone ||
          In(tokens[t].lower, {"return", "returns"}) ||
          IsSpecifiedGoal(g, tokens, t)) {
        return t;
      }
    }
  }
  // "a reward function that the agent attempts to maximize": the loss is
  // the relative clause's object.
  for (size_t i : g.links(v)) {
    const ParseLink& l = g.link(i);
    if (l.right == v && StartsWith(l.label, "B") &&
        LossHead(tokens, s.begin, g.token(l.left)) != kNone) {
      return g.token(l.left);
    }
  }
  return kNone;
}

}  // namespace

bool IsStructureCue(std::string_view w) {
  return IsAcquisition(std::string(w)) || IsPastPursuit(w) ||
         IsSpecifyWord(w) || JudgesSpecification(w);
}

bool IsPastPursuit(std::string_view w) {
  return In(w, {"optimized", "optimised", "maximized", "maximised",
                "minimized", "minimised", "pursued", "sought", "chased"});
}

namespace {

// AgentHead, also for a possessive ("the agent's goal", "the agent’s
// goal"), which the tokenizer keeps as one word.
size_t AgentOrOwner(const std::vector<Token>& tokens, size_t begin, size_t a) {
  size_t first = AgentHead(tokens, begin, a);
  if (first != kNone) return first;
  const std::string& w = tokens[a].lower;
  for (std::string_view mark : {"'s", "\xe2\x80\x99s"}) {
    if (w.size() > mark.size() &&
        w.compare(w.size() - mark.size(), mark.size(), mark) == 0) {
      std::vector<Token> stem = {tokens[a]};
      stem[0].lower.resize(w.size() - mark.size());
      if (AgentHead(stem, 0, 0) != kNone) return a;
    }
  }
  return kNone;
}

bool MatchWantsStructure(const SentenceView& s, const Graph& g, Match& m) {
  const auto& tokens = s.tokens;

  for (size_t a = s.begin; a < s.end; ++a) {
    size_t first = AgentOrOwner(tokens, s.begin, a);
    if (first == kNone || first >= s.mention) continue;
    if (LossHead(tokens, s.begin, a) != kNone) continue;  // a reward model
    // The verbs the agent is the subject of, directly or through its aim
    // ("the agent's goal is to", "the goal of an agent is to").
    std::vector<size_t> subjects = g.WordsOf(a, a);
    const size_t agent_words = subjects.size();
    std::vector<int> near = g.Distances(subjects, 2);
    for (size_t w = 0; w < g.size(); ++w) {
      if (near[w] > 0 && IsAimNoun(tokens[g.token(w)].lower)) {
        subjects.push_back(w);
      }
    }
    for (size_t k = 0; k < subjects.size(); ++k) {
      size_t subject = subjects[k];
      for (size_t i : g.links(subject)) {
        const ParseLink& l = g.link(i);
        // The subject of a verb, or of a reduced relative ("the robot
        // maximizing this reward").
        if (l.left != subject ||
            !(StartsWith(l.label, "S") || StartsWith(l.label, "Mg"))) {
          continue;
        }
        std::vector<size_t> chain = VerbChain(g, tokens, l.right);
        // "can get the same reward" is an ability; "tries to get", "its
        // goal is to get" are aims.
        bool aim = k >= agent_words;
        for (size_t v : chain) {
          aim = aim || IsMotivation(tokens[g.token(v)].lower) ||
                tokens[g.token(v)].lower == "order";  // in order to
        }
        for (size_t v : chain) {
          const std::string& verb = tokens[g.token(v)].lower;
          // The parse knows the voice, so the past tense is the agent's
          // own act ("the agent optimized the reward").
          bool pursues = IsPursuit(verb) ||
                         IsPastPursuit(verb) ||
                         In(verb, {"cares", "care", "cared", "wants", "want"});
          if (!pursues && !(aim && IsAcquisition(verb))) continue;
          size_t object = LossObject(s, g, v);
          // "pursue objectives", "pursue proxies of human values": aims in
          // general, not its objective or its reward.
          if (object == kNone ||
              In(tokens[object].lower, {"objectives", "proxies"})) {
            continue;
          }
          bool denied = false;
          for (size_t t = s.begin; t < object; ++t) {
            denied = denied || (IsWord(tokens[t]) && IsNegation(tokens[t].lower));
          }
          if (denied || NamesWhatIsMeant(s, object) || FramedAgent(s, first) ||
              DescribesBehaviour(s, object, false)) {
            continue;
          }
          // The object may stand before the agent ("a reward function
          // that the agent attempts to maximize"): the span covers both.
          m = Match{"AC103", std::min(first, object),
                    std::max({first, object, g.token(v)}), first, g.token(v)};
          return true;
        }
      }
    }
  }
  return false;
}

// Whether the sentence has the words a structural match needs: a loss (or
// a goal that may turn out to be a specified one) and either a word of
// correspondence or judgement, or an agent and a word of pursuit. Parsing
// is the expensive step; most sentences that name a loss stop here.
bool MayMatch(const SentenceView& s) {
  bool loss = false, correspondence = false, agent = false, pursuit = false;
  bool specify = false, adverb = false, what = false;
  const auto& tokens = s.tokens;
  for (size_t j = s.begin; j < s.end; ++j) {
    const Token& t = tokens[j];
    if (!IsWord(t)) continue;
    const std::string& w = t.lower;
    loss = loss || (t.verb & kLossAnaphor) != 0 ||
           LossHead(tokens, s.begin, j) != kNone ||
           In(w, {"return", "returns", "goal", "goals", "objective",
                  "objectives", "metric", "metrics"});
    what = what || w == "what";
    correspondence = correspondence || IsCorrespondenceWord(t) ||
                     JudgesSpecification(w);
    specify = specify || IsSpecifyWord(w);
    adverb = adverb || IsJudgingAdverb(w);
    agent = agent || AgentOrOwner(tokens, s.begin, j) != kNone;
    // "value" is a noun far more often than a verb of pursuit.
    pursuit = pursuit ||
              ((IsPursuit(w) || IsAcquisition(w) || IsPastPursuit(w) ||
                In(w, {"cares", "care", "cared", "wants", "want"})) &&
               !In(w, {"value", "values"}));
  }
  // "what we specify" is a loss only next to a verb of specifying.
  loss = loss || (what && specify);
  return loss && (correspondence || (specify && adverb) || (agent && pursuit));
}

}  // namespace

const SentenceParse* SentenceParseCache::Get(uint32_t begin, uint32_t end) {
  if (begin != begin_ || end != end_) {
    begin_ = begin;
    end_ = end;
    ok_ = ParseSentence(paragraph_.substr(begin, end - begin), &parse_);
  }
  return ok_ ? &parse_ : nullptr;
}

bool MatchStructure(const SentenceView& s, SentenceParseCache& cache,
                    Match& m) {
  if (s.begin >= s.end || !MayMatch(s)) return false;
  const SentenceParse* parse =
      cache.Get(s.tokens[s.begin].begin, s.tokens[s.end - 1].end);
  if (parse == nullptr) return false;
  Graph g(s, *parse);
  return MatchCorrespondenceStructure(s, g, m) || MatchWantsStructure(s, g, m);
}

}  // namespace aligncheck::prose
