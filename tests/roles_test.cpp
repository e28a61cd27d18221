// The roles reading of the prose rules (prose/roles.h; MatchCorrespondence-
// ByRoles, MatchAgentByRoles and MatchDefinitionByRoles in prose/
// matchers.h): what it adds to the phrase patterns, the guards that keep
// it precise, and that the callers' exemptions still apply.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "prose/matchers.h"
#include "prose/patterns.h"
#include "prose/prose.h"
#include "prose/tokens.h"
#include "prose_test_util.h"

namespace aligncheck::prose {
namespace {

using namespace testing;

struct Verdicts {
  bool roles = false;    // MatchCorrespondenceByRoles
  bool phrases = false;  // MatchCorrespondence, the word patterns
  bool agent = false;    // MatchAgentByRoles
  bool wants = false;    // MatchAgentWants, the word patterns
};

// One sentence, as CheckParagraph would hand it to the matchers.
Verdicts Roles(const std::string& sentence) {
  std::vector<Token> tokens = Tokenize(sentence);
  ClassifyVerbs(tokens);
  SentenceView s{tokens, 0, tokens.size(), tokens.size()};
  Match m;
  Verdicts v;
  v.roles = MatchCorrespondenceByRoles(s, m);
  if (v.roles) {
    CHECK(m.first <= m.verb);
    CHECK(m.verb <= m.last);
    CHECK(m.last < tokens.size());
  }
  v.phrases = MatchCorrespondence(s, m);
  v.agent = MatchAgentByRoles(s, m);
  if (v.agent) {
    CHECK(m.first <= m.verb);
    CHECK(m.verb <= m.last);
  }
  v.wants = MatchAgentWants(s, m);
  return v;
}

TEST_CASE(
    "roles: correspondences the phrase patterns have no shape "
    "for") {
  const char* positives[] = {
      // The goal first, the loss after the verb.
      "The difficulty is that human intentions are not easily expressed as "
      "formal mathematical objectives.",
      // A noun naming both sides after it.
      "The alignment between a specified goal and the intended outcome is "
      "one of the central challenges in AI development.",
      "Optimizing a proxy metric tends to exploit gaps between the metric "
      "and the underlying goal.",
      // What is measured is the training side.
      "Understanding loss functions lets you align what your code measures "
      "with what you actually want it to accomplish.",
      // Targets read only next to a loss: business aims, "true task
      // objectives", what humans have.
      "How does Q-Learning behave when rewards are misaligned with true task "
      "objectives?",
      "The difference lies in choosing evaluation metrics that align with "
      "actual business objectives.",
      // A measure noun with "of", set off by a dash.
      // A pronoun after a clause boundary stands for the loss before it.
      "The loss function is what the model optimizes, so it must align "
      "with your actual business objective.",
      "When we train AI systems, we provide an objective function\xe2\x80\x94"
      "a mathematical specification of what we want the system to achieve.",
  };
  for (const char* p : positives) {
    const std::string text = p;
    CAPTURE(text);
    Verdicts v = Roles(text);
    CHECK(v.roles);
    CHECK_FALSE(v.phrases);  // only the roles reading finds it
  }
}

TEST_CASE("roles: roles present, no correspondence claimed") {
  const char* negatives[] = {
      // The loss word modifies another noun, or is a quantity.
      "Loss aversion represents a bias in human preferences.",
      "A loss of accuracy represents a failure to meet the designer's goals.",
      // A bare goal: the gridworld's, or goals in general.
      "The reward function encodes the position of the goal in the grid.",
      "Loss functions do not directly encode goals.",
      // The align verb is said of something else.
      "Reward-model-based fine-tuning is a central paradigm in aligning "
      "Large Language Models with human preferences.",
      // The verb belongs to another noun ("ways").
      "The agent collects reward in ways that don't match the designers' "
      "intent.",
      // The sentence names the reading: the signal, the channel.
      "When you optimize a reward signal, the model finds ways to maximize "
      "reward that don't match your actual intent.",
      "The number stored in the reward channel represents human values only "
      "by accident.",
      // A metric a paper reports; an aim, not a loss.
      "Our metric captures human judgments of summary quality better than "
      "ROUGE.",
      // The learned side, not the intent.
      "That internal goal need not match the loss you trained on.",
      // A clause break between the sides.
      "The reward is sparse; it reflects nothing about human values.",
      // Too far apart.
      "The reward function, which we tuned by hand over many weeks of "
      "experiments on three environments, was then compared with human "
      "values.",
      // A pronoun after an agent is the agent's ("aligned" model, C2).
      "The agent maximizes the reward, and it is aligned with human "
      "values.",
      // A gap noun must name both sides after it.
      "While modern AI can optimise complex objectives with remarkable "
      "efficiency, misalignment between what humans want and what machines "
      "pursue can lead to harm.",
  };
  for (const char* n : negatives) {
    const std::string text = n;
    CAPTURE(text);
    CHECK_FALSE(Roles(text).roles);
  }
}

TEST_CASE("roles: agents that pursue reward") {
  const char* positives[] = {
      "The goal of the agent is to learn a policy that maximizes the "
      "cumulative rewards over time.",
      "Instead of learning the desired objective, the agent optimizes for a "
      "flawed proxy.",
      "An AI could therefore recognize why it receives a reward and then "
      "give false results to maximize its reward.",
      "The agent\xe2\x80\x99s objective is to find a policy that maximizes the "
      "expected return.",
      // A gerund after an aim.
      "Such agents focus on maximizing reward within the current episode.",
  };
  for (const char* p : positives) {
    const std::string text = p;
    CAPTURE(text);
    Verdicts v = Roles(text);
    CHECK(v.agent);
    CHECK_FALSE(v.wants);  // only the roles reading finds it
  }
  const char* negatives[] = {
      // A formal problem, the authors' aim, a training procedure.
      "We seek a policy that maximizes expected return.",
      "Our objective is to learn a policy that maximizes the sum of rewards.",
      "The fundamental goal of reinforcement learning is to train an agent to "
      "make sequential decisions that maximize its cumulative reward.",
      // Negated.
      "No agent wants to minimize its loss.",
      // Another noun's verb.
      "Reinforcement learning agents learn behaviours that maximise reward.",
      "Does a chess-playing RL agent make whichever move maximises reward?",
      "Agent/Model learns an unintentional (undesirable) behaviour to "
      "achieve the high reward.",
      "The AI finds a shortcut to achieve rewards.",
      // A practice named after the reward.
      "Both approaches caused the models to pursue reward hacking.",
      // A passive names the procedure; a problem to develop a policy.
      "Language models are typically aligned with human preferences by "
      "optimizing reward models fitted to human feedback.",
      "The primary goal is to develop a policy that maximizes cumulative "
      "rewards over time.",
      // Behaviour that scores without doing the task (C6).
      "The agent discovers unintended ways to maximize reward without "
      "achieving your actual goal.",
      // A gerund used as a noun; the signal named.
      "It is the predictable output of optimizing a proxy objective.",
      "The model finds ways to maximize the reward signal.",
      // A technical statement.
      "Using gradient descent, it minimizes the loss with respect to the "
      "generator's parameters.",
  };
  for (const char* n : negatives) {
    const std::string text = n;
    CAPTURE(text);
    CHECK_FALSE(Roles(text).agent);
  }
}

TEST_CASE("roles: edges, through CheckParagraph") {
  // "what you measure" and "the grader" have no loss word: the prefilter
  // lets them through by the stems measur and grader.
  CHECK(RuleOf("The Gap Between What You Measure and What You Want") ==
        "AC101");
  CHECK(RuleOf("Models optimise the grader, not the task.") == "AC103");
  // A judged metric; what the model is measured on; "to boost".
  CHECK(RuleOf("If the answer is harmful, the metric is misaligned.") ==
        "AC101");
  CHECK(RuleOf("The model optimizes exactly what it is measured on.") ==
        "AC103");
  CHECK(RuleOf("A model optimises for exactly what its loss function "
             "measures - nothing more.") == "AC103");
  // The loss as the object of a relative clause whose agent comes first.
  CHECK(RuleOf("The objective function is the quantity a model seeks to "
             "minimize or maximize during training.") == "AC103");
  CHECK(RuleOf("We infer the reward function an agent is optimizing from its "
             "behavior.") == "AC103");
  CHECK(RuleOf("The loss function is the quantity that we minimize during "
             "training.") == "-");
  CHECK(RuleOf("The reward function the agent maximizes the score of is "
             "fixed.") == "-");
  CHECK(RuleOf("The model flatters users to boost its reward.") == "AC103");
  // A training signal is a training side, not the named register reading.
  CHECK(RuleOf("The training signal fails to capture what users actually "
             "want.") == "AC101");
  CHECK(RuleOf("The reward channel captures what users actually want.") == "-");
  // The authors' claim is not a frame; "we seek ..." is.
  CHECK(RuleOf("We suggest that agents which learn by trial and error come to "
             "maximise reward.") == "AC103");
  CHECK(RuleOf("We seek a policy that maximizes expected return.") == "-");
  // An agent's own preferences, agent behaviour: not the training side's
  // target, not the agent.
  CHECK(RuleOf("Inverse reinforcement learning aims to infer an agent's "
             "preferences, represented as a reward function.") == "-");
  CHECK(RuleOf("Governance processes detect when agent behavior optimizes for "
             "metrics.") == "-");
}

// Shapes added after blind sets 6-9 were opened for tuning; each was
// missed (positives) or reported (negatives) before.
TEST_CASE("roles: identity, judgements and aims") {
  // Identity with what is wanted, asserted or asked; not "what you care
  // about" (a stand-in) or "what the model optimizes".
  CHECK(RuleOf("The objective we specified is not what we wanted.") == "AC101");
  CHECK(RuleOf("Is the objective we wrote down actually what we meant?") ==
        "AC101");
  CHECK(RuleOf("The reward model is not what you actually care about.") == "-");
  CHECK(RuleOf("The loss function is what the model optimizes.") == "-");
  // Judged: matched, got right or wrong, incomplete.
  CHECK(RuleOf("A poorly matched objective can reward shortcuts.") == "AC101");
  CHECK(RuleOf("Get the grader wrong and the whole loop drifts.") == "AC101");
  CHECK(RuleOf("If we can get the objective function just right, the rest "
             "follows.") == "AC101");
  CHECK(RuleOf("The problem is that the training objective was incomplete.") ==
        "AC101");
  // "consistent with", not when a reward model is trained to be.
  CHECK(RuleOf("The reward function should be consistent with the desired "
             "behavior.") == "AC101");
  CHECK(RuleOf("A reward model is trained to be consistent with human "
             "preferences.") == "-");
  // The objectives of the agent are a target; a gap noun's second side
  // may follow "and" further away.
  CHECK(RuleOf("The reward function should be aligned with the overall "
             "objectives of the agent.") == "AC101");
  CHECK(RuleOf("Poor alignment between the objectives that deployed agents "
             "optimize for and the desires of human users is a risk.") ==
        "AC101");
  CHECK(RuleOf("There is a misalignment between what algorithms optimize and "
             "the human goals they serve.") == "AC101");
  // "according to its training" names no source.
  CHECK(RuleOf("It works according to its training; the problem is that the "
             "training objective was incomplete.") == "AC101");
  CHECK(RuleOf("According to Smith, the reward is misaligned with our "
             "values.") == "-");
  // A phrase after "for" belongs to the loss, not the verb.
  CHECK(RuleOf("Human-designed reward functions for RL agents are frequently "
             "misaligned with the humans' true, unobservable objectives.") ==
        "AC101");
  // The value-alignment problem: a system's objectives and the humans'.
  CHECK(RuleOf("It is vital to ensure that their objectives match those of "
             "their human users.") == "AC101");
  CHECK(RuleOf("Deployment requires aligning their objectives with those of "
             "the humans they interact with.") == "AC101");
  CHECK(RuleOf("Our objectives match those of our users.") == "-");
  CHECK(RuleOf("It needs to align its values with those of the humans.") ==
        "-");
  // Nor does a criterion.
  CHECK(RuleOf("Five problems, categorized according to whether the problem "
             "originates from having the wrong objective function.") ==
        "AC101");
  // "align" with an object of its own is said of that object.
  CHECK(RuleOf("Loss functions minimize errors to align predictions closely "
             "with true outcomes.") == "-");
  CHECK(RuleOf("Understanding loss functions lets you align what your code "
             "measures with what you actually want.") == "AC101");
  CHECK(RuleOf("Custom loss functions can align training with business "
             "priorities.") == "AC101");
  // A goal that is a place.
  CHECK(RuleOf("The reward function must also specify the desired goal "
             "destination.") == "-");
  CHECK(RuleOf("The reward function must specify the desired goal.") ==
        "AC101");
  // Aligning a model is the model's alignment.
  CHECK(RuleOf("We learn reward functions and align the agents with the "
             "intended behavior.") == "-");
}

TEST_CASE("roles: agents that pursue, and agents acted on") {
  CHECK(RuleOf("The agent learns by maximizing rewards.") == "AC103");
  CHECK(RuleOf("A learning agent acts with the target of maximizing the "
             "cumulative reward.") == "AC103");
  CHECK(RuleOf("The learner must discover what actions to take in each state "
             "to maximize the reward.") == "AC103");
  CHECK(RuleOf("A machine will pursue whatever objective you give it.") ==
        "AC103");
  // No loss word at all: the prefilter passes it by the stem optimi.
  CHECK(RuleOf("The agent will optimize exactly what you define.") == "AC103");
  // A problem, a procedure, a study, a formula: not the agent's want.
  CHECK(RuleOf("The goal is to learn a policy that maximizes expected "
             "return.") == "-");
  CHECK(RuleOf("The agent's goal is to learn a policy that maximizes expected "
             "reward.") == "AC103");
  CHECK(RuleOf("Then we optimize the main model to maximize that reward.") ==
        "-");
  CHECK(RuleOf("We study how an agent maximizes the cumulative reward.") == "-");
  CHECK(RuleOf("Language models are trained by minimizing this loss.") == "-");
  CHECK(RuleOf("That is why LLMs optimize cross-entropy loss.") == "-");
  CHECK(RuleOf("Using gradient descent, it minimizes the loss with respect to "
             "the generator's parameters.") == "-");
  // Aims an agent pursues or learns are its own.
  CHECK(RuleOf("Agents may pursue proxy objectives, misaligned with the "
             "designers' true goals.") == "-");
  CHECK(RuleOf("Agents keep their skills but pursue the wrong objectives.") ==
        "-");
  CHECK(RuleOf("A mesa-optimizer might pursue objectives different from what "
             "we intended.") == "-");
  CHECK(RuleOf("Models may learn incomplete objectives, which leads to reward "
             "hacking.") == "-");
}

// The second pass, over blind sets 10-13; each was missed (positives) or
// reported (negatives) before.
TEST_CASE("roles: judged specifications, gaps and behaviour") {
  CHECK(RuleOf("Agents exploit misspecifications in their learning "
             "objectives.") == "AC101");
  CHECK(RuleOf("This creates a dependency on an accurate definition of the "
             "reward function.") == "AC101");
  CHECK(RuleOf("Faithful reward specification is central to safe agents.") ==
        "AC101");
  // A gap between "the two" named before it.
  CHECK(RuleOf("The metric is a proxy for the real goal, and there's always "
             "a gap between the two.") == "AC101");
  CHECK(RuleOf("As systems get more capable, the gap between the two can "
             "become catastrophic.") == "-");
  CHECK(RuleOf("The reward is a proxy, and the gap between the two grows.") ==
        "-");
  CHECK(RuleOf("AI objectives are often hard to specify properly.") == "AC101");
  CHECK(RuleOf("Imprecisely defined reward functions cause harm.") == "AC101");
  CHECK(RuleOf("Values are complex, making precise specification hard.") ==
        "-");
  CHECK(RuleOf("Optimization drives a wedge between what you're optimizing "
             "and what you want.") == "AC101");
  CHECK(RuleOf("The fit between human intentions and formal specification "
             "could be poor.") == "AC101");
  CHECK(RuleOf("The base objective is unaligned with actual human values.") ==
        "AC101");
  CHECK(RuleOf("Such reward functions are often misaligned with the humans' "
             "true, unobservable objectives.") == "AC101");
  CHECK(RuleOf("A grader that rewards the wrong thing wastes every GPU "
             "hour.") == "AC101");
  CHECK(RuleOf("Annotators who are not trained will reward the wrong "
             "answer.") == "-");
  CHECK(RuleOf("The loss quantifies how wrong the model is.") == "-");
  CHECK(RuleOf("Nobody is wrong about what they're measuring.") == "-");
  // Every artefact is imperfect.
  CHECK(RuleOf("Models score highly on imperfect reward signals.") == "-");
  // Agents: a purpose clause on the agent's own behaviour, after a colon,
  // a measure of reward; behaviour in every reading.
  CHECK(RuleOf("The agent updates its behavior to get more reward over "
             "time.") == "AC103");
  CHECK(RuleOf("RLHF may make this worse: to achieve higher rewards, LMs "
             "might learn to persuade.") == "AC103");
  CHECK(RuleOf("These agents act to maximize an internal measure of "
             "reward.") == "AC103");
  CHECK(RuleOf("It optimized the proxy, even though it violated the spirit "
             "of the task.") == "-");
  CHECK(RuleOf("A robot might create trash to collect rewards rather than "
             "genuinely cleaning.") == "-");
  // As adjudicated (second_labels/adjudicated.tsv): the letter, not the
  // spirit (C6); an agent's own objective and "any objective whatsoever"
  // are not the objective it is trained on.
  CHECK(RuleOf("The system technically optimizes the metric but violates the "
             "spirit of the objective.") == "-");
  CHECK(RuleOf("The agent learns ethical behaviour while pursuing its own "
             "objective.") == "-");
  CHECK(RuleOf("We must prevent that any powerful agent optimizes for any "
             "objective whatsoever.") == "-");
  CHECK(RuleOf("A powerful agent optimizes for the objective we gave it.") ==
        "AC103");
}

TEST_CASE("roles: definitions of outer and inner alignment") {
  auto definition = [](const std::string& text) {
    std::vector<Token> tokens = Tokenize(text);
    ClassifyVerbs(tokens);
    SentenceView s{tokens, 0, tokens.size(), tokens.size()};
    Match m;
    bool found = MatchDefinitionByRoles(s, m);
    // The term is the subject: it picks the message (outer or inner).
    return found ? tokens[m.subject].lower : std::string("-");
  };
  CHECK(definition("Inner alignment asks whether the model truly learned the "
                   "objective you specified.") == "inner");
  CHECK(definition("Outer alignment is distinct from inner alignment, which "
                   "focuses on whether the AI internalizes and pursues the "
                   "specified goal once trained.") == "inner");
  CHECK(definition("The outer alignment challenge is defining metrics that "
                   "capture what \"good service\" means.") == "outer");
  // Negated, or no correspondence and nothing learned.
  CHECK(definition("Outer alignment is not about metrics that capture what "
                   "users want.") == "-");
  CHECK(definition("Inner alignment is an open problem in AI safety.") == "-");
  CHECK(definition("Outer alignment research often studies reward "
                   "models.") == "-");
}

TEST_CASE("roles: the callers' exemptions apply") {
  const DocumentContext context{{"intent_claim"}, {}, false};
  const std::string sentence =
      "Human intentions are not easily expressed as formal mathematical "
      "objectives";
  // Found through CheckParagraph, with or without the parser.
  std::vector<Diagnostic> found = Check(sentence + ".", context);
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == "AC101");
  // Named claim, named reading, quotation, mention: as for every reading.
  CHECK(Check(sentence + " (claim `intent_claim`).", context).empty());
  CHECK(
      Check(sentence + " in the idealized minimizer sense.", context).empty());
  std::vector<Diagnostic> quoted = Check("> " + sentence + ".", context);
  REQUIRE(quoted.size() == 1);
  CHECK(quoted[0].severity == Severity::kNote);
  CHECK(Check("It is ambiguous to say that human intentions are not easily "
              "expressed as formal mathematical objectives.",
              context)
            .empty());
}

}  // namespace
}  // namespace aligncheck::prose
