// Text rendering of trained runs, class parameters, censuses and stories.
#include "report/trained_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "analysis/eval.h"
#include "solve/goal_shape.h"
#include "report/objective_words.h"
#include "report/table_text.h"
#include "util/readable_count.h"

namespace aligncheck {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

// One row per input: the output (or the tied outputs), loss, weight, and
// where the goal breaks.
std::string PolicyTable(const Model& model, const Claim& claim,
                        const Data& data, const Policy& pi,
                        const std::vector<std::vector<uint32_t>>* ties,
                        const std::vector<int8_t>& breaks) {
  const Loss& loss = model.losses[claim.loss];
  const Domain& in = model.domains[loss.input];
  const Domain& out_d = model.domains[loss.output];
  const size_t m = out_d.size();
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"input", "weight", "pi(input)", loss.Word(), ""});
  for (size_t x = 0; x < in.size(); ++x) {
    std::string note;
    if (GoalBreaks(breaks, x)) note = kBreaksHere;
    if (ties != nullptr && (*ties)[x].size() > 1) {
      std::vector<std::string> names;
      for (uint32_t y : (*ties)[x]) names.push_back(out_d.values[y]);
      note += std::string(note.empty() ? "" : "; ") + "tied: " + Join(names);
    }
    rows.push_back({in.values[x], FormatRational(data.weights[x] / data.total),
                    out_d.values[pi[x]], FormatRational(loss.At(x, pi[x], m)),
                    note});
  }
  return Columns(rows, "    ");
}

std::string SeedList(const std::vector<SeedOutcome>& seeds, bool achieving) {
  std::vector<std::string> list;
  for (const SeedOutcome& s : seeds) {
    if (s.achieves == achieving) list.push_back(std::to_string(s.seed));
  }
  return Join(list);
}

std::string TrainedBody(const Model& model, const Claim& claim,
                        const Verdict& v) {
  const TrainedEvidence& ev = *v.trained;
  const Training& t = model.trainings[claim.training];
  const Data& data = model.data[t.data];
  const Goal& goal = model.goals[claim.goal];
  const Domain& in = model.domains[model.losses[claim.loss].input];
  std::string out = "  " + v.reason + "\n";
  std::string features;
  if (t.learner == "linear") {
    std::vector<std::string> names;
    for (int f : t.features) names.push_back(model.fns[f].name);
    features = " (features " + Join(names) + ")";
  }
  out += fmt::format(
      "  learner: {}{}, init {}, {} lr {}, {} steps, seeds {}..{}, data {}\n",
      ev.learner, features, t.init, t.optimizer, FormatRational(t.lr), t.steps,
      t.seed_lo, t.seed_hi, data.name);
  if (!ev.ungraded.empty()) {
    std::vector<std::string> names;
    for (uint32_t x : ev.ungraded) names.push_back(in.values[x]);
    out += fmt::format(
        "  never graded (weight 0 in {}): {}; there the learned policy comes "
        "from {}, not from the loss\n",
        data.name, Join(names),
        t.learner == "linear" ? "the shared parameters (inductive bias)"
                              : "the initialization");
  }
  const SeedOutcome* shown = nullptr;
  for (const SeedOutcome& s : ev.seeds) {
    if (!s.achieves) {
      shown = &s;
      break;
    }
  }
  if (shown == nullptr && !ev.seeds.empty()) shown = &ev.seeds.front();
  if (shown != nullptr) {
    Policy pi = shown->achieves ? Policy() : shown->violating;
    if (pi.empty()) {
      for (const auto& tied : shown->argmax) pi.push_back(tied[0]);
    }
    bool tied = std::any_of(shown->argmax.begin(), shown->argmax.end(),
                            [](const auto& s) { return s.size() > 1; });
    out += fmt::format(
        "  seed {} learns{} (argmax of the learned scores{}):\n", shown->seed,
        shown->achieves ? "" : " a policy that violates " + goal.name,
        tied ? "; a tie means every tied output is possible, "
               "and the row shows one that breaks the goal"
             : "");
    out += PolicyTable(model, claim, data, pi, &shown->argmax,
                       ComputeBreaks(model, goal, pi));
  }
  size_t ties = 0;
  for (const SeedOutcome& s : ev.seeds) {
    for (const auto& tied : s.argmax) ties += tied.size() > 1 ? 1 : 0;
  }
  if (ties > 0) {
    out += fmt::format(
        "  ties in the learned argmax: {} (input, seed) pairs; a tied seed "
        "achieves {} only if every tie-break does\n",
        ties, goal.name);
  }
  if (ev.kind == TrainedEvidence::Kind::kMixed) {
    out += fmt::format("  seeds achieving {}: {}\n", goal.name,
                       SeedList(ev.seeds, true));
  }
  out += fmt::format("  ({}; found by {})\n",
                     "this is evidence about the toy learner on this toy "
                     "domain, not about any real training run",
                     v.method);
  return out;
}

// A class claim that holds: the class's own sentence, and vacuity relative
// to the class (or an empty class).
std::string ClassHoldsBody(const Model& model, const Claim& claim,
                           const Verdict& v) {
  std::string out = "  " + v.reason;
  if (!v.method.empty()) out += " (" + v.method + ")";
  out += "\n";
  if (v.vacuous && v.minimizers && *v.minimizers != 0) {
    out += fmt::format(
        "  note: {} holds for every policy of {}, so this says nothing about "
        "the loss\n",
        model.goals[claim.goal].name, claim.hypothesis);
  }
  return out;
}

std::string ClassBody(const Model& model, const Claim& claim,
                      const Verdict& v) {
  if (!v.witness || !v.counterexample) return ClassHoldsBody(model, claim, v);
  const LinearWitness& w = *v.witness;
  const IdealizedCounterexample& cx = *v.counterexample;
  const Data& data = model.data[claim.data];
  const Loss& loss = model.losses[claim.loss];
  const Domain& out_d = model.domains[loss.output];
  bool near = claim.has_within && claim.within != 0;
  const ObjectiveWords ow = WordsFor(loss);
  std::string out =
      fmt::format("  counterexample: a {} of {}_{} over {} that violates {}\n",
                  ow.Optimizer(near), ow.letter, data.name, claim.hypothesis,
                  model.goals[claim.goal].name);
  out += PolicyTable(model, claim, data, cx.policy, nullptr, cx.breaks);
  out += "  parameters inducing it (score(x, y) = sum_k theta[y][k] f_k(x)):\n";
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head = {"theta"};
  for (int f : claim.hypothesis_features) head.push_back(model.fns[f].name);
  rows.push_back(head);
  for (size_t y = 0; y < w.theta.size(); ++y) {
    std::vector<std::string> row = {out_d.values[y]};
    for (const Rational& q : w.theta[y]) row.push_back(FormatRational(q));
    rows.push_back(row);
  }
  out += Columns(rows, "    ");
  out +=
      fmt::format("  {}_{}(pi) = {}, {} over {} = {}{}\n", ow.letter, data.name,
                  FormatRational(ow.AsWritten(cx.expected_loss)), ow.best,
                  claim.hypothesis, FormatRational(ow.AsWritten(cx.min_loss)),
                  near ? ", within " + FormatRational(claim.within) : "");
  out += "  (re-checked exactly: strict argmax at every input, loss, goal)\n";
  return out;
}

std::string StoryBody(const Model& model, const Claim& claim,
                      const Verdict& v) {
  const StoryEvidence& ev = *v.story;
  std::string out = "  " + v.reason + "\n";
  out += "  training goal: " + model.goals[claim.goal].name + "\n";
  out += "  training rationale, checked:\n";
  std::vector<std::vector<std::string>> rows;
  for (const StoryComponent& c : ev.components) {
    std::string verdict = c.verdict;
    for (char& ch : verdict) ch = static_cast<char>(std::toupper(ch));
    rows.push_back({c.claim, verdict,
                    c.about.empty() ? ""
                                    : "(about " + c.about + ", which " +
                                          c.about_relation + ")"});
  }
  out += Columns(rows, "    ");
  out += "  unchecked assumptions (stated, not verified):\n";
  if (ev.desirability.empty()) {
    out += "    desirability: not stated\n";
  }
  for (const std::string& d : ev.desirability) {
    out += "    desirability: \"" + d + "\"\n";
  }
  for (const std::string& a : ev.assumptions) {
    out += "    assume: \"" + a + "\"\n";
  }
  return out;
}

}  // namespace

std::string VerdictWord(const Verdict& v) {
  std::string word =
      v.trained ? TrainedKindName(v.trained->kind) : VerdictName(v.kind);
  for (char& c : word) c = static_cast<char>(std::toupper(c));
  return word;
}

bool HasExtraBody(const Model& model, const ClaimResult& result) {
  const Verdict& v = result.verdict;
  const Claim& c = *result.claim;
  (void)model;
  if (v.trained.has_value() || v.story.has_value()) return true;
  if (c.reading != Claim::Reading::kIdealized ||
      c.hypothesis_features.empty()) {
    return false;
  }
  return (v.kind == Verdict::Kind::kFails && v.witness.has_value() &&
          v.counterexample.has_value()) ||
         v.kind == Verdict::Kind::kHolds;
}

std::string RenderExtraText(const Model& model, const ClaimResult& result,
                            const TextOptions& options) {
  (void)options;
  const Verdict& v = result.verdict;
  const Claim& claim = *result.claim;
  if (v.trained) return TrainedBody(model, claim, v);
  if (v.story) return StoryBody(model, claim, v);
  return ClassBody(model, claim, v);
}

std::string RenderCensusText(const Model& model, const ClaimResult& result) {
  const Verdict& v = result.verdict;
  const Claim& claim = *result.claim;
  if (!v.census || claim.reading != Claim::Reading::kIdealized) return "";
  const Census& c = *v.census;
  bool near = claim.has_within && claim.within != 0;
  std::string where = claim.hypothesis.empty() ? "" : " in " + claim.hypothesis;
  if (!c.counted) {
    return fmt::format("  census: not counted ({})\n", c.why);
  }
  const ObjectiveWords w = WordsFor(model.losses[claim.loss]);
  std::string noun = w.Optimizer(near);
  bool one = c.minimizers == 1;
  std::string violating =
      c.violating == 0 ? "none violates"
                       : fmt::format("{} violate{}", FormatCount(c.violating),
                                     c.violating == 1 ? "s" : "");
  return fmt::format(
      "  census: {} {}{} of {}_{}{}, {} {} ({}){}\n", FormatCount(c.minimizers),
      noun, one ? "" : "s", w.letter, model.data[claim.data].name, where,
      violating, model.goals[claim.goal].name, c.method,
      c.violating == 0 ? "" : ": what the training rationale must rule out");
}

}  // namespace aligncheck
