// The rule texts. The essay cited is "Four usages of loss in AI" (TurnTrout),
// shipped as shared/seeds/four-usages-of-loss.txt; usage numbers follow it.
#include "lint/rule_catalog.h"

#include <fmt/format.h>

#include <algorithm>

namespace aligncheck {

const std::vector<Rule>& AllRules() {
  static const std::vector<Rule> kRules = {
      {"AC001", "bare-aligned-with", Severity::kError,
       "an `aligned_with` claim that does not say which reading it means",
       "The essay asks what \"a loss function aligned with the goal\" should "
       "lead us to anticipate, and finds at least three answers with "
       "different verdicts: every minimizer of the mathematical loss meets "
       "the goal (usage 2), every behaviour that makes the physical register "
       "read low meets it (usage 1), or training with a given setup produces "
       "a model that meets it. A bare claim cannot be checked; pick one "
       "reading with `as ...` and give the parameters it needs.",
       "claim c: grader aligned_with good_novels",
       "claim c: grader aligned_with good_novels as idealized_minimizer over "
       "train"},
      {"AC002", "represents-goal", Severity::kError,
       "a loss said to `represent` or `encode` a goal",
       "The essay (usage 3) argues that loss functions do not directly encode "
       "goals and that talking about a loss \"representing\" a goal invites "
       "imprecise thinking. Say how the loss relates to the goal instead: one "
       "of the three `aligned_with ... as` readings, or a training story: the "
       "training goal (the cognition you want) plus a training rationale "
       "made of claims that say why this loss produces it. A rationale "
       "claim counts only when its goal is the story's goal or implies it "
       "for every policy; a claim that holds for a weaker goal makes the "
       "story fail.",
       "claim c: grader represents good_novels",
       "claim c: grader aligned_with good_novels as trained_outcome under "
       "sgd_run"},
      {"AC003", "vague-agent", Severity::kError,
       "an agent said to care about \"the loss\" without saying which",
       "The essay's usage 4: \"the agent wants to minimize its loss\" may "
       "mean it wants a low value at the loss register (and would tamper "
       "with it), or that it wants its predictions to match the future "
       "labels. The two agents behave differently under the same loss, so "
       "the spec must say `register in MODEL` or `predictions of LOSS`.",
       "agent a cares_about loss", "agent a cares_about predictions of grader"},
      {"AC004", "physical-without-threshold", Severity::kError,
       "a physical_only claim that does not say how low the register must "
       "read",
       "A physical_only claim (the essay's usage 1) says every behaviour "
       "that makes the register read low achieves the goal. Without a "
       "threshold \"low\" has no value and the claim cannot be checked.",
       "claim c: grader aligned_with good as physical_only via lab",
       "claim c: grader aligned_with good as physical_only via lab below "
       "0.25"},
      {"AC005", "open-physical-model", Severity::kWarning,
       "a physical model that declares neither channels nor `closed`",
       "The physically implemented loss (usage 1) can often be changed "
       "without changing the world: overwriting the register, editing the "
       "loss code or the stored labels. A model that lists no channels may "
       "have been thought through or forgotten; `closed` says that nothing "
       "but the world can change the register, so readers need not assume "
       "it silently.",
       "physical lab { register computes grader on train }",
       "physical lab { register computes grader on train  closed }"},
      {"AC006", "trained-without-setup", Severity::kError,
       "a trained_outcome claim with neither a toy training setup nor cited "
       "evidence",
       "\"Training with setup X yields a model that meets the goal\" is an "
       "empirical statement (the essay's third reading of \"aligned\"). It "
       "needs either a toy setup the tool can run (a `learner`) or evidence "
       "about the real system (`evidence \"...\"`); with neither there is "
       "nothing to check or to cite.",
       "training run { seeds 1..5 }",
       "training run { learner softmax_table lr 0.5 steps 200 seeds 1..5 "
       "data train }"},
      {"AC007", "ungraded-inputs", Severity::kWarning,
       "an idealized claim whose goal constrains inputs the data weighs 0",
       "The mathematical loss (usage 2) grades only the inputs its data "
       "weighs. On ungraded inputs every output is a minimizer, so the "
       "minimizers are free exactly where the goal still asks for "
       "something: goal misgeneralization in miniature. Weigh those inputs, "
       "or say in the goal that they do not matter.",
       "data train = {romance: 1}\n"
       "goal g(pi) = forall x in Prompt: pi(x) == masterpiece",
       "data train = Prompt\n"
       "goal g(pi) = forall x in Prompt: pi(x) == masterpiece"},
      {"AC008", "constant-loss", Severity::kWarning,
       "a loss that is constant over every input its data weighs",
       "When l(x, y) does not depend on y for any weighted input, every "
       "policy is a minimizer, so an idealized claim can only hold if the "
       "goal holds for every policy. The loss grades nothing.",
       "loss l(x: X, y: Y) = 1",
       "loss l(x: X, y: Y) = if y == label(x) then 0 else 1"},
      {"AC009", "trivial-goal", Severity::kWarning,
       "a goal that every policy meets, or that no policy meets",
       "A goal that always holds makes every claim about it hold vacuously; "
       "one that never holds makes every claim fail whatever the loss. "
       "Either way the verdict says nothing about the loss. Decided exactly "
       "over all policies of the goal's signature.",
       "goal g(pi) = forall x in X: pi(x) == a or pi(x) != a",
       "goal g(pi) = forall x in X: pi(x) == a"},
      {"AC010", "wide-within", Severity::kWarning,
       "`within eps` at least as wide as the range of the expected loss",
       "With eps at or above max L_D - min L_D every policy is a "
       "near-minimizer, so the claim says the goal holds for every policy "
       "and the loss plays no part.",
       "claim c: l aligned_with g as idealized_minimizer over d within 10",
       "claim c: l aligned_with g as idealized_minimizer over d within 0.05"},
      {"AC011", "unused-declaration", Severity::kWarning,
       "a declaration that nothing uses",
       "An unused loss, goal, data set, model or training setup is usually "
       "a claim that was meant to be written and was not; readers may "
       "assume it was checked.",
       "goal spare(pi) = forall x in X: pi(x) == a   # no claim uses it",
       "claim c: l aligned_with spare as idealized_minimizer over d"},
      {"AC012", "never-minimal-output", Severity::kNote,
       "a table output that is never minimal for any input",
       "An output that no input's loss row makes minimal is never chosen by "
       "an exact minimizer. It often marks a typo in the table, or an "
       "output the author expected to matter that the loss ignores.",
       "loss l(x: X, y: Y) = table { p: a 0, b 1  q: a 0, b 1 }",
       "loss l(x: X, y: Y) = table { p: a 0, b 1  q: a 1, b 0 }"},
      {"AC013", "unused-suppression", Severity::kWarning,
       "a suppression comment that suppresses nothing",
       "A stale `# aligncheck: ignore` hides nothing today and will hide a "
       "real finding tomorrow. Remove it. A comment after code covers that "
       "line only, a claim header's too: for a finding on the next line, "
       "put the comment on a line of its own just above that line.",
       "domain X = {a}   # aligncheck: ignore AC007", "domain X = {a}"},
      {"AC014", "unknown-rule", Severity::kWarning,
       "a suppression or configuration that names no rule",
       "A misspelt rule id in a suppression or in .aligncheck.toml silently "
       "does nothing. The warning suggests the closest id.",
       "# aligncheck: ignore AC07", "# aligncheck: ignore AC007"},
      {"AC101", "unqualified-aligned-loss", Severity::kWarning,
       "prose that says a loss is aligned with a goal, and not in which "
       "sense",
       "The essay (usage 3) asks what \"a loss function which is perfectly "
       "aligned with the goal\" should lead us to anticipate and finds "
       "several answers with different verdicts: low physical loss only when "
       "the goal is met (usage 1), loss-minimization only when it is met in "
       "some mathematical idealization (usage 2), or a training setup that "
       "produces a model meeting it. It argues that loss functions do not "
       "directly encode goals and that talk of a loss \"representing\" a "
       "goal invites imprecise thinking. The sentence is fine once it names "
       "a reading (idealized minimizer, physical-only, trained outcome) or "
       "refers to an aligncheck claim that states it (by name, link or "
       "\\ref); a neighbouring sentence that does so does not count. Mood "
       "does not matter, use does: a question, condition, wish or hedge "
       "that presupposes the match (\"a perfectly aligned loss would ...\", "
       "\"suppose the objective captures what we want\") is flagged like the "
       "assertion, while a sentence that asks what the notion means, "
       "reports someone's view of it or shows it as an example is not. The "
       "loss may be named by any training-side word (a proxy, a training "
       "or feedback signal, the metric being optimized, the optimization "
       "target, a function the goal is compressed into) or by a pronoun "
       "that opens the sentence after one naming it (\"We wrote the "
       "reward by hand. It captures what we want.\"). Word order does not "
       "matter: a sentence the word patterns miss is parsed (Link Grammar), "
       "so a passive (\"human intent is rarely captured by the reward\") "
       "or a judgement words apart (\"if the reward function is even "
       "slightly misspecified\") is read by who corresponds to what. "
       "Last, a sentence is read by roles: a training side (also \"what we "
       "measure\", \"the metric\", \"the goal it was given\"), a target "
       "(\"what we truly want\", \"the real business objective\") and a "
       "correspondence word between them, a few words apart in one clause "
       "(\"human intentions are not easily expressed as formal "
       "objectives\", \"the gap between what we measure and what we "
       "want\"), a training side judged (\"the wrong metric\", \"get the "
       "reward function right\") or said to be what is wanted (\"the "
       "objective we specified is not what we wanted\"); it leaves alone a "
       "sentence that names the signal or the register, a bare \"goal\", "
       "objectives an agent pursues (its own) and \"aligning LLMs with "
       "human preferences\". \"Imperfect\" does not judge a loss: every "
       "artefact is imperfect. An abbreviation spelled out by the words "
       "before it (\"reward models (RMs)\") is read through. "
       "`gate --no-parser` reads without the parse only.",
       "Our reward function captures what users actually want.",
       "Our reward function captures what users want in the idealized "
       "minimizer sense."},
      {"AC102", "outer-alignment-definition", Severity::kWarning,
       "prose that defines outer or inner alignment as aligning the loss "
       "with the goal, or the learned objective with the loss",
       "\"Outer alignment refers to aligning the specified loss function "
       "with the intended goal\" is the definition the essay quotes and "
       "has trouble understanding: it does not say what inner cognition "
       "would or would not satisfy it, because \"aligned\" has no single "
       "meaning for "
       "a loss. Its other half, inner alignment as a mesa-objective "
       "aligned with the base objective, inherits the same ambiguity. "
       "Defining outer misalignment as \"the gap between\" the objective "
       "and the intent, or saying when it occurs, says the same, and so "
       "does inner alignment as whether the model learns or pursues \"the "
       "objective it was given\". "
       "Define outer alignment by one reading of the alignment claim "
       "(idealized minimizer, physical-only, trained outcome), or talk about "
       "the training goal and rationale instead.",
       "Outer alignment means aligning the reward function with the "
       "intended goal.",
       "Outer alignment, here, means that every idealized minimizer of the "
       "reward on the training data meets the goal."},
      {"AC103", "agent-wants-loss", Severity::kWarning,
       "prose that says an agent wants low loss or high reward",
       "The essay's usage 4: \"the agent wants to minimize its loss\" may "
       "mean the agent cares about a low value at the loss register (and "
       "would tamper with it), or that its predictions match the future "
       "labels, or something else; \"the agent cares about reward\" is, in "
       "its words, inherently underdefined. \"Its goal is to maximize "
       "future reward\" and \"it optimizes the base objective\" say the same "
       "without \"wants\", and so does \"the agent is a reward "
       "maximizer\". Say which; aligncheck's agents say `cares_about "
       "register in M` or `cares_about predictions of L`. Saying that an "
       "agent does not seek reward rejects the notion and is not flagged; "
       "nor is a formal optimization problem (\"we seek a policy that "
       "maximizes expected return\", \"the optimal policy maximizes "
       "reward\"), a procedure acting on the agent (\"we optimize the "
       "model to maximize that reward\", \"trained by minimizing the "
       "loss\") or a loss named by its formula (\"cross-entropy loss\"); "
       "objectives an agent pursues are its own, not the reward. With the "
       "parser, relative and purpose clauses count "
       "too (\"a reward function that the agent attempts to maximize\", "
       "\"the agent behaves in order to get reward\"). Read by roles, an "
       "agent shortly before a pursuit verb whose object is the reward, "
       "the objective, a proxy, the metric or \"what it is measured on\" "
       "counts (\"the agent optimizes for a flawed proxy\", \"gives false "
       "results to maximize its reward\"), unless the authors or a "
       "training procedure frame it, it is negated, or the sentence "
       "describes behaviour that scores without the task (\"... without "
       "achieving the goal\"; in every reading: \"even though it violated "
       "the intent\", \"rather than genuinely cleaning\").",
       "The trained agent tries to maximize its reward.",
       "The trained agent tries to maximize the value at its reward "
       "register, and would overwrite the register if it could (physical "
       "model `lab`)."},
      {"AC104", "prose-contradicts-verdict", Severity::kError,
       "a sentence that cites a claim of the document and says the opposite "
       "of its verdict",
       "Citing a claim is how a write-up says what \"aligned\" means, so "
       "the sentence must agree with what the gate found. A sentence cites "
       "a claim when it names exactly one claim of the document (its blocks "
       "and attached specs): in inline code, as the target of a link or "
       "\\ref, or as a plain word when the name has an underscore or a "
       "digit or follows \"claim\"; a sentence naming two claims is left "
       "alone. It says the claim holds when it has \"holds\", \"held\", "
       "\"is verified\", \"proved\", \"proven\", \"confirmed\" or "
       "\"supported\" without a negation in the two words before, or when "
       "it asserts a correspondence (\"the loss is aligned with the goal\", "
       "\"captures\", \"represents\") with no negation and no negative word "
       "(misaligned, diverges, gap) anywhere in it. It says the claim fails "
       "when it has \"fails\", \"failed\", \"refuted\" or \"falsified\" "
       "(not negated, not \"fails to\"), or a negated \"hold(s)\" "
       "(\"does not hold\"). A sentence that says both, asks a question, or "
       "carries a condition, modal or expectation (if, whether, unless, "
       "suppose, would, could, might, may, should, can, expect, hope, a "
       "wish such as \"we want\", ...) "
       "asserts nothing; neither do blockquotes, which are someone else's "
       "words. The finding is reported when the sentence says the claim "
       "holds and it FAILS (also MIXED or REFUTED) or is UNKNOWN, or says it "
       "fails and it HOLDS. A claim that `expect`s to fail, fails, and is "
       "cited as failing is consistent.",
       "The loss is aligned with getting the coin (claim "
       "`minimizers_get_coin`).",
       "The loss is not aligned with getting the coin: claim "
       "`minimizers_get_coin` fails."},
      {"AC105", "unchecked-reward-relation", Severity::kWarning,
       "prose that states a relation between two rewards that no relation "
       "claim of the document checks",
       "\"Our shaping term preserves the optimal policies\", \"the proxy "
       "reward is unhackable\" and \"the learned reward is close to the "
       "true reward (EPIC)\" each state a relation between two rewards "
       "that aligncheck decides exactly: potential_shaping_of (Ng, Harada, "
       "Russell 1999), unhackable_with (Skalse et al. 2022) and "
       "epic_distance_to (Gleave et al. 2021). The sentence is left alone "
       "when the document (its aligncheck blocks and attached specs) has a "
       "claim of that relation, whatever its verdict (a cited claim that "
       "fails is AC104's); naming a reading or another claim does not back "
       "it.",
       "Our shaping term preserves the optimal policies.",
       "Our shaping term preserves the optimal policies (claim "
       "`potential_is_shaping`: `potential potential_shaping_of arrival "
       "over ride`)."},
  };
  return kRules;
}

const Rule* FindRule(const std::string& id) {
  for (const Rule& rule : AllRules()) {
    if (id == rule.id) return &rule;
  }
  return nullptr;
}

std::vector<std::string> RuleIds() {
  std::vector<std::string> ids;
  for (const Rule& rule : AllRules()) ids.push_back(rule.id);
  return ids;
}

static std::string Indent(const char* text) {
  std::string out = "    ";
  for (const char* p = text; *p; ++p) {
    out += *p;
    if (*p == '\n') out += "    ";
  }
  return out + "\n";
}

// Wraps a paragraph at 76 columns so `explain` reads well in a terminal.
static std::string Wrap(const std::string& text) {
  std::string out, line;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > 76) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  if (!line.empty()) out += line + "\n";
  return out;
}

std::string ExplainRule(const Rule& rule) {
  std::string out =
      fmt::format("{} ({}, default severity: {})\n{}\n\n", rule.id, rule.name,
                  SeverityName(rule.severity), rule.summary);
  out += Wrap(rule.why);
  out += "\nbad:\n" + Indent(rule.bad);
  out += "good:\n" + Indent(rule.good);
  return out;
}

std::string ListRules() {
  std::string out;
  for (const Rule& rule : AllRules()) {
    out += fmt::format("{}  {:<28} {:<8} {}\n", rule.id, rule.name,
                       SeverityName(rule.severity), rule.summary);
  }
  return out;
}

}  // namespace aligncheck
