// Prose rules AC101-AC103: sentence splitting, quotes, each rule, the
// exemptions, use versus mention, host spans, the prefilter and the essay.
// The labelled corpora are scored in prose_corpus_test.cpp.
#include "prose/prose.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cctype>
#include <iostream>
#include <random>

#include "lint/config.h"
#include "lint/rule_catalog.h"
#include "lint/suppress.h"
#include "prose/quoted.h"
#include "prose/quotes.h"
#include "prose/sentences.h"
#include "prose/tokens.h"
#include "prose_test_util.h"

namespace aligncheck::prose {
namespace {

using namespace testing;

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (TextRange r : SplitSentences(text)) {
    out.emplace_back(text.substr(r.begin, r.end - r.begin));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST_CASE("prose: sentences split at terminators, not at abbreviations") {
  CHECK(Sentences("One. Two! Three? Four") ==
        Strings{"One.", "Two!", "Three?", "Four"});
  CHECK(Sentences("See e.g. the loss, i.e. the code. Then stop.") ==
        Strings{"See e.g. the loss, i.e. the code.", "Then stop."});
  CHECK(Sentences("Smith et al. Show it. Fig. 3 and Sec. 2 vs. Eq. 4 agree.") ==
        Strings{"Smith et al. Show it.", "Fig. 3 and Sec. 2 vs. Eq. 4 agree."});
  CHECK(Sentences("The loss was 3.5 on average. It fell.") ==
        Strings{"The loss was 3.5 on average.", "It fell."});
  CHECK(Sentences("As A. M. Turing said. Then the U.S. Army came.") ==
        Strings{"As A. M. Turing said.", "Then the U.S. Army came."});
  CHECK(Sentences("Wait... and see... Then go. And so… on.") ==
        Strings{"Wait... and see...", "Then go.", "And so… on."});
  CHECK(Sentences("He said \"Stop.\" Then he left.") ==
        Strings{"He said \"Stop.\"", "Then he left."});
  CHECK(Sentences("Use \x1a. \x1a is code. Version 1.2.3 works.") ==
        Strings{"Use \x1a.", "\x1a is code.", "Version 1.2.3 works."});
  CHECK(Sentences("It ends (see Fig. 2). Next one.") ==
        Strings{"It ends (see Fig. 2).", "Next one."});
  CHECK(Sentences("Answer: no. No. 5 is fine.") ==
        Strings{"Answer: no.", "No. 5 is fine."});
  CHECK(Sentences("Text. — Source name") == Strings{"Text.", "— Source name"});
  CHECK(Sentences("   ").empty());
  CHECK(Sentences("").empty());
}

std::vector<std::string> Quoted(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text);
  std::vector<std::string> out;
  for (const Quote& q : FindQuotes(text, tokens, SplitSentences(text))) {
    out.push_back(std::string(q.mention ? "mention:" : "") +
                  std::string(text.substr(q.content.begin,
                                          q.content.end - q.content.begin)));
  }
  return out;
}

TEST_CASE("prose: quotation marks pair; apostrophes open nothing") {
  CHECK(Quoted("a \"b c\" d") == Strings{"b c"});
  CHECK(Quoted("a “b c” d ``e f'' g") == Strings{"b c", "e f"});
  CHECK(Quoted("the designer's and the models' loss, don't") == Strings{});
  CHECK(Quoted("a 'write good novels'. b") == Strings{"write good novels"});
  CHECK(Quoted("x \"I wrote 'good novels'.\" y") ==
        Strings{"I wrote 'good novels'.", "good novels"});
  CHECK(Quoted("mixed “reward\" marks") == Strings{"reward"});
  CHECK(Quoted("never closed \"here and on") == Strings{});
  CHECK(Quoted("isn’t it ‘odd’ now") == Strings{"odd"});
  CHECK(Quoted("\"The agent cares\" is vague; the phrase \"x y\" too") ==
        Strings{"mention:The agent cares", "mention:x y"});
}

TEST_CASE("prose: a colon after quote/wrote/says opens a quotation") {
  CHECK(Quoted("Here is a quote: the loss is aligned. — Someone Else. Then.") ==
        Strings{" the loss is aligned. "});
  CHECK(Quoted("Leo wrote: one thing. Another thing.") ==
        Strings{" one thing."});
  CHECK(Quoted("My summary: one thing.") == Strings{});
}

TEST_CASE("prose: AC101 flags a loss aligned with a goal, with its span") {
  CHECK(Findings("The loss function is aligned with the intended goal.") ==
        Strings{"AC101:warning:loss function is aligned with the intended "
                "goal"});
  CHECK(Findings("Our reward model represents human preferences.") ==
        Strings{"AC101:warning:reward model represents human preferences"});
  CHECK(Findings("The training objective encodes what we really want.") ==
        Strings{"AC101:warning:training objective encodes what we really "
                "want"});
  CHECK(Findings("The reward captures the designer's goals.") ==
        Strings{"AC101:warning:reward captures the designer's goals"});
  CHECK(Findings("The loss represents the cross-entropy.").empty());
  CHECK(Findings("The x-axis is aligned with the goal line.").empty());
}

TEST_CASE("prose: AC102 flags outer alignment defined as a loss-goal match") {
  CHECK(Findings("Outer alignment refers to aligning the specified loss "
                 "function with the intended goal, whereas inner alignment "
                 "is something else.") ==
        Strings{"AC102:warning:Outer alignment refers to aligning the "
                "specified loss function with the intended goal"});
  // The loss-goal phrase inside the definition is reported once.
  CHECK(Findings("Outer alignment means the loss is aligned with the "
                 "intended goal.") ==
        Strings{"AC102:warning:Outer alignment means the loss is aligned "
                "with the intended goal"});
  CHECK(Findings("Outer alignment is hard.").empty());
  CHECK(Findings("Outer alignment is not about matching the loss to the "
                 "intended goal.")
            .empty());
}

TEST_CASE("prose: AC102 flags inner alignment defined by the base objective") {
  CHECK(Findings("Inner alignment refers to aligning the mesa-objective "
                 "with the specified loss function.") ==
        Strings{"AC102:warning:Inner alignment refers to aligning the "
                "mesa-objective with the specified loss function"});
  CHECK(Findings("Inner alignment: does the trained model optimize the "
                 "training objective?") ==
        Strings{"AC102:warning:Inner alignment: does the trained model "
                "optimize the training objective"});
  CHECK(Findings("If the mesa-objective matches the base objective, the "
                 "system is inner-aligned.")
            .size() == 1);
  // Both halves of one definition are one finding, the outer one.
  CHECK(Findings("Outer alignment means aligning the loss with the intended "
                 "goal, whereas inner alignment means aligning the "
                 "mesa-objective with the loss.") ==
        Strings{"AC102:warning:Outer alignment means aligning the loss with "
                "the intended goal"});
  CHECK(Findings("Inner alignment is hard to study.").empty());
}

TEST_CASE("prose: AC105 flags a relation between rewards no claim checks") {
  CHECK(Findings("Our shaping term preserves optimal policies.") ==
        Strings{"AC105:warning:preserves optimal"});
  CHECK(Findings("The proxy reward is unhackable.") ==
        Strings{"AC105:warning:unhackable"});
  CHECK(Findings("The proxy reward cannot be hacked.") ==
        Strings{"AC105:warning:cannot be hacked"});
  CHECK(Findings("The learned reward is close to the true reward (EPIC).") ==
        Strings{"AC105:warning:close to the true reward (EPIC"});
  // A claim of the same relation in the document backs the sentence.
  DocumentContext shaping{{}, {"potential_shaping_of"}};
  CHECK(Findings("Our shaping term preserves optimal policies.", shaping)
            .empty());
  CHECK(Findings("The proxy reward is unhackable.", shaping) ==
        Strings{"AC105:warning:unhackable"});
  DocumentContext all{{}, {"unhackable_with", "epic_distance_to"}};
  CHECK(Findings("The proxy reward is unhackable.", all).empty());
  CHECK(Findings("The learned reward is close to the true reward (EPIC).", all)
            .empty());
  // "Unhackable" said of something else, or in a definition.
  CHECK(Findings("We train on hackable and unhackable prompts to study reward "
                 "hacking.")
            .empty());
  CHECK(Findings("We say that a proxy is unhackable if increasing the proxy "
                 "return can never decrease the true return.")
            .empty());
  CHECK(Findings("An unhackable proxy reward is rare.") ==
        Strings{"AC105:warning:unhackable"});
  // Other words alone are not statements of a relation.
  CHECK(Findings("Reward shaping changes the optimal policy.").empty());
  CHECK(Findings("An epic story about the loss.").empty());
  CHECK(
      Findings("The shape of the data keeps the optimal batch size.").empty());
  CHECK(MayTrigger("Our shaping term preserves optimal policies."));
}

TEST_CASE("prose: AC103 flags an agent that wants low loss or high reward") {
  CHECK(Findings("The agent wants to minimize its loss.") ==
        Strings{"AC103:warning:agent wants to minimize its loss"});
  CHECK(Findings("The RL agent cares only about reward.") ==
        Strings{"AC103:warning:RL agent cares only about reward"});
  CHECK(Findings("It tries to get as much reward as possible.") ==
        Strings{"AC103:warning:It tries to get as much reward"});
  CHECK(Findings("The optimizer tries to minimize the loss.").empty());
  CHECK(Findings("The model \"wants\" to minimize its loss.").empty());
  CHECK(Findings("Models overoptimize proxy rewards.").size() == 1);
  CHECK(Findings("AI systems optimize measurable objectives.").size() == 1);
  CHECK(Findings("We align the model by optimizing the learned reward.")
            .empty());
  // A formal problem: the goal is to develop a policy, nobody's aim.
  CHECK(Findings("The primary goal is to develop a policy that maximizes "
                 "cumulative rewards over time.")
            .empty());
  CHECK(Findings("Reward hacking leads to a reward-addicted model.").size() ==
        1);
  CHECK(Findings("The model becomes reward-addicted.").size() == 1);
  CHECK(Findings("Reward-seeking cognitive patterns are selected.").empty());
  // Without "wants": the agent's goal, a pursuit verb, a purpose clause.
  CHECK(Findings("The agent's goal is to maximize cumulative reward.") ==
        Strings{"AC103:warning:goal is to maximize cumulative reward"});
  CHECK(Findings("Insofar as the agent has a final goal, that goal is to "
                 "maximize its future reward.")
            .size() == 1);
  CHECK(Findings("Consider an AI that terminally pursues reward.") ==
        Strings{"AC103:warning:AI that terminally pursues reward"});
  CHECK(Findings("To get high reward, models must learn many heuristics.")
            .size() == 1);
  // Denying it rejects the notion; naming the signal or the register, or
  // the training procedure as the actor, says what is meant.
  CHECK(Findings("The agent does not want to minimize its loss.").empty());
  CHECK(Findings("Reward is not the optimization target.").empty());
  CHECK(Findings("The agent tries to maximize the reward signal.").empty());
  CHECK(Findings("The agent would overwrite its reward register to get "
                 "more reward.")
            .empty());
  CHECK(Findings("The policy is trained to maximize reward.").empty());
  CHECK(Findings("The model minimizes the loss on the training set.").empty());
}

TEST_CASE("prose: AC101 shapes beyond subject-verb-object") {
  CHECK(Findings("Specification gaming: the agent exploits a misspecified "
                 "reward function.") ==
        Strings{"AC101:warning:misspecified reward function"});
  CHECK(Findings("Reward functions, learned or specified by hand, are "
                 "rarely perfect.")
            .size() == 1);
  CHECK(Findings("The misalignment between the specified reward and the "
                 "user's expectations is the problem.")
            .size() == 1);
  CHECK(Findings("Designing a reward is the art of encoding human intent "
                 "into a precise objective.")
            .size() == 1);
  CHECK(Findings("Human values are captured by the reward function.").size() ==
        1);
  CHECK(Findings("The proxy objective eventually diverges from the true "
                 "objective.")
            .size() == 1);
  CHECK(Findings("The reward we chose faithfully represents what users "
                 "want.")
            .size() == 1);
  // "properly specified" judges the specification as "correctly" does;
  // "carefully specified" says how it was made.
  CHECK(Findings("Make sure the objectives are properly specified.").size() ==
        1);
  CHECK(Findings("The objectives were carefully specified.").empty());
  // A judgement through "kind of"; a goal judged as written down; the goal
  // as specified is the training side.
  CHECK(Findings("The challenge is specifying the right kind of objective "
                 "functions.") ==
        Strings{"AC101:warning:right kind of objective functions"});
  CHECK(Findings("The goal was misspecified.") ==
        Strings{"AC101:warning:goal was misspecified"});
  CHECK(Findings("Outer misalignment is a discrepancy between the "
                 "designer's intended goal and the specified goal.")
            .size() == 1);
  CHECK(Findings("Defining the correct set of reward signals is hard.")
            .size() == 1);
  CHECK(Findings("You've specified the goal wrongly, and the model games "
                 "it.")
            .size() == 1);
  CHECK(Findings("You might have correctly specified the goal.").size() == 1);
  CHECK(Findings("We specified the goal carefully.").empty());
  CHECK(Findings("The goal was met.").empty());
  CHECK(Findings("The agent reached the specified goal.").empty());
  // A proxy alone is a substitution, and a bad reward is a low one.
  CHECK(Findings("The reward model is an imperfect proxy for human "
                 "judgement.")
            .empty());
  CHECK(Findings("A bad reward ends the episode.").empty());
}

TEST_CASE("prose: mood does not matter, use versus mention does") {
  // Questions, conditions, wishes, modals and negations that use the
  // notion are claims like assertions.
  for (const char* used :
       {"Is the loss aligned with the intended goal?",
        "If the reward captures human values, training goes well.",
        "A perfectly aligned loss function would make the agent write good "
        "novels.",
        "Suppose you found an objective that truly captures what you want.",
        "We want a reward that captures what users want.",
        "The loss is not aligned with the intended goal.",
        "The agent might want to minimize its loss.",
        // The author's own finding is a claim.
        "We showed that the reward captures human values.",
        "This paper argues that the reward captures human values."}) {
    CAPTURE(used);
    CHECK(Findings(used).size() == 1);
  }
  // Talking about the notion, reporting someone's view of it, or showing
  // it as an example is not using it.
  for (const char* mentioned :
       {"What does it mean for a loss to be aligned with the intended goal?",
        "It is unclear what it would mean for the policy to care about "
        "reward.",
        "Many people expect that the reward captures human values.",
        // Views credited to others: a cited finding, a warning, a source,
        // a common intuition.
        "Pan et al. showed that the reward captures human values.",
        "The researcher has warned that the reward captures human values.",
        "According to top sources, the reward captures human values.",
        "A common intuition is that the reward captures human values.",
        // Another's work summarised (policy C1, as adjudicated): "the
        // paper", a named lab, their discussion; not "this paper" or "we".
        "The paper formalizes failures that arise from incorrectly "
        "specified objective functions.",
        "OpenAI published a post examining how the reward fails to capture "
        "the intended objective.",
        "Their discussion highlights risks when the proxy does not match the "
        "true goal.",
        "A loss could be aligned with the goal in many different senses.",
        "We do not claim that the reward captures human values.",
        "I want a loss which is aligned with the goal. This is an "
        "aspirational statement.",
        "The agent wants to minimize its loss. What does this mean?",
        "Suppose you tell me \"my loss is aligned with the intended goal\".",
        "The agent tries to maximize reward? No: it tries to reach the "
        "exit."}) {
    CAPTURE(mentioned);
    CHECK(Findings(mentioned).empty());
  }
}

TEST_CASE("prose: a named reading or claim qualifies its own sentence") {
  DocumentContext claims{{"novels_idealized"}, {}};
  CHECK(Findings("The loss is aligned with the intended goal as an idealized "
                 "minimizer over the data.")
            .empty());
  CHECK(Findings("The loss is aligned with the intended goal "
                 "(`physical_only` via `lab`).")
            .empty());
  CHECK(Findings("See `novels_idealized`: the loss is aligned with the "
                 "intended goal.",
                 claims)
            .empty());
  CHECK(Findings("The loss is aligned with the intended goal ([claim]"
                 "(#novels_idealized)).",
                 claims)
            .empty());
  CHECK(Findings("Every minimizer of the loss writes novels. In that sense "
                 "the loss is aligned with the intended goal.")
            .empty());
  // A neighbour that names the claim or a reading does not qualify it.
  CHECK(Findings("We checked novels_idealized. The loss is aligned with the "
                 "intended goal.",
                 claims)
            .size() == 1);
  CHECK(Findings("The reward captures human values. The loss is aligned "
                 "with the intended goal. In the trained outcome reading, "
                 "the objective encodes what we want.")
            .size() == 2);
  CHECK(Findings("We checked novels_idealized_v2. The loss is aligned with "
                 "the intended goal.",
                 claims)
            .size() == 1);
}

TEST_CASE("prose: quoted words are notes; only their sentence qualifies") {
  CHECK(Findings("As they put it, \"the reward captures human values.\"") ==
        Strings{"AC101:note:reward captures human values"});
  CHECK(Findings("> The reward captures human values.") ==
        Strings{"AC101:note:reward captures human values"});
  // The quoting author's paragraph-level reading does not cover the quote.
  CHECK(Findings("We use the trained outcome reading. They wrote \"the "
                 "reward captures human values\" in 2020.") ==
        Strings{"AC101:note:reward captures human values"});
  CHECK(Findings("They wrote \"the reward captures human values\", meaning "
                 "a trained outcome.")
            .empty());
  // A scare-quoted verb is a mention, not an assertion.
  CHECK(Findings("Loss functions \"representing\" human values is a bad "
                 "habit of thought.")
            .empty());
  for (const Diagnostic& d :
       Check("> The agent wants to minimize its loss. The loss is aligned "
             "with the intended goal. Outer alignment means aligning the "
             "loss with the intended goal.")) {
    CHECK(d.severity == Severity::kNote);
    CHECK(IsQuotedFinding(d));
  }
}

TEST_CASE("prose: spans map through the reader's offsets to the host") {
  // A host line with emphasis markers the reader removed.
  std::string host_text =
      "xx The **loss** is aligned with the *intended* goal.";
  auto host = std::make_shared<SourceFile>("w.md", host_text);
  Paragraph p;
  for (uint32_t i = 3; i < host_text.size(); ++i) {
    if (host_text[i] == '*') continue;
    p.text += host_text[i];
    p.offsets.push_back(i);
  }
  std::vector<Diagnostic> ds = CheckParagraph(host, p, {});
  REQUIRE(ds.size() == 1);
  CHECK(host_text.substr(ds[0].span.begin, ds[0].span.end - ds[0].span.begin) ==
        "loss** is aligned with the *intended* goal");
  CHECK(host->Locate(ds[0].span.begin).col == 10);
  // Code, math and URLs are never matched, whatever they contain.
  CHECK(Findings("We call `the loss is aligned with the intended goal`.")
            .empty());
  CHECK(Findings("See $the loss is aligned with the intended goal$ here.")
            .empty());
  CHECK(Findings("See https://x.org/the-loss-is-aligned-with-the-goal now.")
            .empty());
}

TEST_CASE("prose: nothing is an error by default") {
  for (const char* id : {"AC101", "AC102", "AC103"}) {
    const Rule* rule = FindRule(id);
    REQUIRE(rule != nullptr);
    CHECK(rule->severity == Severity::kWarning);
  }
}

TEST_CASE("prose: configuration and suppressions accept the prose ids") {
  std::vector<Diagnostic> problems;
  LintConfig config = ParseConfig(".aligncheck.toml",
                                  "[rules]\nAC101 = \"off\"\n"
                                  "AC103 = \"error\"\n",
                                  problems);
  CHECK(problems.empty());
  CHECK(!config.Find("AC101")->enabled);
  CHECK(config.Find("AC102")->severity == Severity::kWarning);
  CHECK(config.Find("AC103")->severity == Severity::kError);
  auto file = std::make_shared<SourceFile>(
      "w.md", "# aligncheck: ignore AC102, AC103\nOuter alignment ...\n");
  std::vector<Suppression> s = ParseSuppressions(file, problems);
  CHECK(problems.empty());
  CHECK(s.size() == 2);
  ParseSuppressions(
      std::make_shared<SourceFile>("w.md", "# aligncheck: ignore AC110\n"),
      problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].id == "AC014");
}

TEST_CASE("prose: each rule's catalogue examples, bad and good") {
  for (const char* id : {"AC101", "AC102", "AC103"}) {
    CAPTURE(id);
    const Rule* rule = FindRule(id);
    std::vector<Diagnostic> bad = Check(rule->bad);
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].id == id);
    CHECK(Check(rule->good).empty());
  }
}

TEST_CASE("prose: the prefilter is cheap and case-insensitive") {
  CHECK(!MayTrigger(""));
  CHECK(!MayTrigger("Most prose never mentions any of the stems at all."));
  CHECK(MayTrigger("the LOSS"));
  CHECK(MayTrigger("Rewards"));
  CHECK(MayTrigger("an objective"));
  CHECK(MayTrigger("a cost function"));
  CHECK(MayTrigger("los\nloss"));
  CHECK(!MayTrigger("los rewar objectiv cos"));
  // The other training-side words and the alignment terms.
  CHECK(MayTrigger("The optimization TARGET was underspecified."));
  CHECK(MayTrigger("the proxy"));
  CHECK(MayTrigger("Outer misalignment is the gap between the two."));
  CHECK(MayTrigger("inner-alignment"));
  CHECK(MayTrigger("The preference model encodes human values."));
  CHECK(!MayTrigger("The outer loop and the inner product."));
  CHECK(!MayTrigger("The preference data"));
}

TEST_CASE("prose: the prefilter agrees with a brute-force search") {
  std::mt19937 rng(3);
  const std::vector<std::string> stems = {
      "loss",     "reward",   "objective",
      "cost",     "proxy",    "proxies",
      "spec",     "signal",   "function",
      "metric",   "target",   "return",
      "outer al", "outer-al", "outer mi",
      "outer-mi", "inner al", "inner-al",
      "inner mi", "inner-mi", "preference model", "measur", "grader",
      "shap",     "unha",     "hack",
      "epic"};
  const std::string alphabet = "losctrewadbjivLOSCREWADBJ x";
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    size_t n = rng() % 24;
    for (size_t k = 0; k < n; ++k) text += alphabet[rng() % alphabet.size()];
    if (round % 3 == 0) {  // plant a stem, in mixed case, maybe cut short
      std::string stem = stems[rng() % stems.size()];
      for (char& c : stem) {
        if (rng() % 2) c = static_cast<char>(std::toupper(c));
      }
      if (rng() % 4 == 0) stem.pop_back();
      text.insert(rng() % (text.size() + 1), stem);
    }
    std::string lower = text;
    for (char& c : lower) c = static_cast<char>(std::tolower(c));
    bool expected = false;
    for (const std::string& stem : stems) {
      expected = expected || lower.find(stem) != std::string::npos;
    }
    CAPTURE(text);
    CHECK(MayTrigger(text) == expected);
  }
}

TEST_CASE("prose: malformed paragraphs never crash") {
  std::mt19937 rng(7);
  const char* pieces[] = {"the ",
                          "loss ",
                          "reward ",
                          "is ",
                          "aligned ",
                          "with ",
                          "goal",
                          "\"",
                          "'",
                          "“",
                          "”",
                          ". ",
                          "? ",
                          ": ",
                          "— ",
                          "\x1a",
                          "wants to minimize ",
                          "its ",
                          "outer alignment means ",
                          "\xE2\x80",
                          "\xFF",
                          "e.g. "};
  auto host = std::make_shared<SourceFile>("f.md", std::string(4096, 'x'));
  for (int round = 0; round < 300; ++round) {
    Paragraph p;
    int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) p.text += pieces[rng() % std::size(pieces)];
    for (uint32_t i = 0; i < p.text.size(); ++i) p.offsets.push_back(i);
    if (round % 10 == 0) p.offsets.clear();  // a reader that broke the contract
    p.blockquote = round % 3 == 0;
    for (const Diagnostic& d : CheckParagraph(host, p, {})) {
      CHECK(d.span.begin < d.span.end);
      CHECK(d.severity != Severity::kError);
    }
  }
}

TEST_CASE("prose: the essay's quoted definition is a note, nothing else") {
  std::string essay = ReadFile(DataPath("four-usages-of-loss.txt"));
  while (!essay.empty() && (essay.back() == '\n' || essay.back() == '\r')) {
    essay.pop_back();
  }
  auto host = std::make_shared<SourceFile>("four-usages-of-loss.txt", essay);
  Paragraph p;
  p.text = essay;
  for (uint32_t i = 0; i < essay.size(); ++i) p.offsets.push_back(i);
  CHECK(MayTrigger(essay));
  std::vector<Diagnostic> ds = CheckParagraph(host, p, {});
  for (const Diagnostic& d : ds) std::cout << RenderDiagnosticText(d);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].id == "AC102");
  CHECK(ds[0].severity == Severity::kNote);
  CHECK(essay.substr(ds[0].span.begin, ds[0].span.end - ds[0].span.begin) ==
        "outer alignment refers to aligning the specified loss function with "
        "the intended goal");
  CHECK(host->Locate(ds[0].span.begin).col == 4987);  // characters, not bytes
}

}  // namespace
}  // namespace aligncheck::prose
