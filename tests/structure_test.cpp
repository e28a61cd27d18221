// The structural matcher (prose/structure.h) through CheckParagraph: what
// the parse adds to the word patterns, and the shapes it must leave alone.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "prose/parser.h"
#include "prose/prose.h"
#include "prose_test_util.h"

namespace aligncheck::prose {
namespace {

using namespace testing;

const DocumentContext& Parsed() {
  static const DocumentContext kContext{{"reward_trained"}, {}, true};
  return kContext;
}

#ifdef ALIGNCHECK_HAVE_LINK_GRAMMAR

TEST_CASE("structure: sentences only the parse reads") {
  REQUIRE(ParserAvailable());
  struct Case {
    const char* rule;
    const char* text;
    // What is found without the parse: "-" unless the roles reading
    // (prose/roles.h) or the word patterns find the sentence too.
    const char* without_parse = "-";
  };
  const Case cases[] = {
      // A specified goal is the training side; the goal two links away.
      {"AC101",
       "The goals we specify for AI systems often differ from the outcomes "
       "we actually want.",
       "AC101"},
      // A judgement of the specification, words apart.
      {"AC101",
       "If the reward function is even slightly misspecified, the agent will "
       "find and exploit the gap."},
      {"AC101",
       "Even if we perfectly specify an objective, a powerful model may "
       "internally optimize for something else."},
      // A task as the object of a correspondence verb.
      {"AC101",
       "Reward design is hard because the reward function encodes the task "
       "the system should perform.",
       "AC101"},
      // The agent's goal, with a possessive the tokenizer keeps whole.
      {"AC103",
       "The agent\xe2\x80\x99s goal in an MDP is to maximize cumulative (often "
       "discounted) reward."},
      // The past tense in the active voice.
      {"AC103", "The agent optimized the reward perfectly."},
      // A purpose: "in order to", after a subject with its own clause.
      {"AC103", "The agent we built behaves in order to get the most reward."},
      // Two verbs joined: the subject links to the conjunction.
      {"AC103",
       "It stops pursuing the goal we care about and starts pursuing the "
       "reward itself."},
      // "What we specify" is the specification: against what we mean, and
      // as what the agent optimizes.
      {"AC101",
       "Specification gaming exploits the gap between what we specify and "
       "what we mean.",
       "AC101"},
      {"AC103",
       "The agent will optimize exactly what you specify, not what you "
       "meant.",
       "AC103"},
      // A metric that is optimized or chosen is the training side.
      {"AC101",
       "Choosing a metric to optimize that matches the intended goal is the "
       "hard part."},
      // "Ours" as the goal; a judging adverb before the participle; a
      // metric in a gap with the goal.
      {"AC101",
       "How do we ensure that an AI system's objectives match ours?"},
      // (The word patterns read "improperly specified" too now.)
      {"AC101",
       "An improperly specified reward function creates trouble for "
       "everyone.",
       "AC101"},
      {"AC101",
       "The fix assumes the agent can see the gap between the metric and "
       "the goal."},
      // The loss is the object of a relative clause.
      {"AC103",
       "This article considers the challenge of building a reward function "
       "that the agentic AI can attempt to maximize."},
  };
  for (const Case& c : cases) {
    const std::string text = c.text, rule = c.rule;
    CAPTURE(text);
    CHECK(RuleOf(text, Parsed()) == rule);
    // The word patterns alone miss them: the parse is what finds them.
    CHECK(RuleOf(text, DocumentContext{}) == std::string(c.without_parse));
  }
}

TEST_CASE("structure: shapes the parse leaves alone") {
  REQUIRE(ParserAvailable());
  const char* negatives[] = {
      // An ability, not an aim.
      "An RL agent might realize that it can get the same reward by just "
      "closing its eyes.",
      // The loss word modifies another noun.
      "Loss aversion represents a bias in human preferences.",
      // Aligning the reward is making the match, not stating it.
      "The paper's objective is to align the reward with human values.",
      // The goal sits inside a noun's modifier.
      "The reward function encodes the position of the goal in the grid.",
      // Misaligned in another sense.
      "The reward is misaligned in time with the observations.",
      // Negated.
      "No agent wants to minimize its loss.",
      "Loss functions do not directly encode goals.",
      // The passive: a training procedure, not the agent's aim.
      "The language model is optimized to maximize this reward.",
      // The sentence says which reward: the signal.
      "The agent optimized the reward signal.",
      // A concrete task.
      "The reward function defines the task of reaching the exit in terms of "
      "distance.",
      // Proxies in general are not its reward.
      "By default our systems may pursue simplified proxies of human "
      "values.",
      // A metric that is only reported is no training side.
      "The metric we report captures human judgement of fluency.",
      // Qualified in the sentence itself.
      "The goals we specify differ from the outcomes we want, in the "
      "idealized minimizer sense.",
      "The goals we specify differ from the outcomes we want (claim "
      "`reward_trained`).",
  };
  for (const char* negative : negatives) {
    const std::string text = negative;
    CAPTURE(text);
    CHECK(RuleOf(text, Parsed()) == "-");
  }
}

TEST_CASE("structure: a span runs forward when the object precedes the "
          "agent") {
  REQUIRE(ParserAvailable());
  // The parse links "optimizes for it" back to the objective function: the
  // object stands before the agent, and the span must still run forward
  // (it once ran backwards, an empty span in JSON and SARIF).
  const std::string text =
      "The standard model of AI specifies an objective function "
      "\xe2\x80\x94 a precise specification of what the system should "
      "maximize \xe2\x80\x94 and then builds a system that optimizes for "
      "it.";
  for (const Diagnostic& d : Check(text, Parsed())) {
    CAPTURE(d.id);
    CHECK(d.span.begin < d.span.end);
    CHECK(d.span.end <= text.size());
  }
}

TEST_CASE("structure: quoted and mentioned sentences stay what they were") {
  REQUIRE(ParserAvailable());
  // Someone else's words: a note, as for the word patterns.
  std::vector<Diagnostic> quoted = Check(
      "> The goals we specify for AI systems often differ from the outcomes "
      "we actually want.",
      Parsed());
  REQUIRE(quoted.size() == 1);
  CHECK(quoted[0].severity == Severity::kNote);
  // A sentence that calls the notion ambiguous talks about it.
  CHECK(RuleOf("It is ambiguous to say that the goals we specify differ from "
               "the outcomes we want.",
               Parsed()) == "-");
}

#endif  // ALIGNCHECK_HAVE_LINK_GRAMMAR

TEST_CASE("structure: without the parser the word patterns decide") {
  // Whatever the build: no parse, no structural finding.
  CHECK(RuleOf("The agent optimized the reward perfectly.", DocumentContext{}) ==
        "-");
  CHECK(RuleOf("Our reward function captures what users actually want.",
               DocumentContext{}) == "AC101");
}

}  // namespace
}  // namespace aligncheck::prose
