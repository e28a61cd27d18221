// Rendering of trained runs: text, and JSON keys.
#include "report/trained_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "analysis/eval.h"
#include "report/evidence_report.h"
#include "report/exact_text.h"
#include "solve/goal_shape.h"

namespace aligncheck {
namespace {

using Json = nlohmann::ordered_json;

std::string SeedList(const std::vector<SeedOutcome>& seeds, bool achieving) {
  std::vector<std::string> list;
  for (const SeedOutcome& s : seeds) {
    if (s.achieves == achieving) list.push_back(std::to_string(s.seed));
  }
  return JoinNames(list);
}

Json TrainedJson(const Model& model, const Claim& claim,
                 const TrainedEvidence& ev) {
  const Loss& loss = model.losses[claim.loss];
  const Domain& in = model.domains[loss.input];
  const Domain& out = model.domains[loss.output];
  Json j;
  j["verdict"] = TrainedKindName(ev.kind);
  j["learner"] = ev.learner;
  j["seeds"] = ev.seeds.size();
  j["achieving"] = ev.achieving;
  Json ungraded = Json::array();
  for (uint32_t x : ev.ungraded) ungraded.push_back(in.values[x]);
  j["ungraded"] = std::move(ungraded);
  j["best_expected_value"] = FormatRational(ev.best_loss);
  j["best_expected_value_decimal"] = Decimal(ev.best_loss);
  j["not_converged"] = ev.unfit;
  Json runs = Json::array();
  for (const SeedOutcome& s : ev.seeds) {
    Json run;
    run["seed"] = s.seed;
    run["achieves"] = s.achieves;
    Json argmax = Json::object();
    for (size_t x = 0; x < s.argmax.size(); ++x) {
      Json tied = Json::array();
      for (uint32_t y : s.argmax[x]) tied.push_back(out.values[y]);
      argmax[in.values[x]] = std::move(tied);
    }
    run["argmax"] = std::move(argmax);
    run["greedy_expected_value"] = FormatRational(s.greedy_loss);
    run["greedy_expected_value_decimal"] = Decimal(s.greedy_loss);
    run["converged"] = s.converged;
    if (!s.achieves)
      run["violating_policy"] = PolicyJson(model, claim, s.violating);
    runs.push_back(std::move(run));
  }
  j["runs"] = std::move(runs);
  j["note"] =
      "evidence about the toy learner on this toy domain, not about any real "
      "training run";
  return j;
}

// Whether training fitted its data: "did not fit" and "fitted the wrong
// thing" are different failures.
std::string FitText(const Model& model, const Claim& claim, const Data& data,
                    const TrainedEvidence& ev) {
  const Loss& loss = model.losses[claim.loss];
  const char* best = loss.reward ? "maximum" : "minimum";
  if (ev.unfit == 0) {
    return fmt::format(
        "  fit: every seed's greedy policy reaches the {} expected {} {} on "
        "{} (converged)\n",
        best, loss.Word(), ExactAndDecimal(ev.best_loss), data.name);
  }
  std::vector<std::string> runs;
  size_t missed_fitted = 0, missed_unfit = 0;
  for (const SeedOutcome& s : ev.seeds) {
    if (!s.converged) {
      runs.push_back(
          fmt::format("seed {} {}", s.seed, ExactAndDecimal(s.greedy_loss)));
    }
    if (!s.achieves) ++(s.converged ? missed_fitted : missed_unfit);
  }
  std::string out = fmt::format(
      "  did not fit {}: {} of {} seeds (greedy policy's expected {} misses "
      "the {} {}): {}\n",
      data.name, ev.unfit, ev.seeds.size(), loss.Word(), best,
      ExactAndDecimal(ev.best_loss), JoinNames(runs));
  if (missed_fitted + missed_unfit > 0) {
    out += fmt::format(
        "  of the {} seeds that miss {}: {} did not fit {} (training failed), "
        "{} fitted it (the wrong policy)\n",
        missed_fitted + missed_unfit, model.goals[claim.goal].name,
        missed_unfit, data.name, missed_fitted);
  }
  return out;
}

}  // namespace

std::string RenderTrainedText(const Model& model, const ClaimResult& result,
                              const TrainedEvidence& ev) {
  const Verdict& v = result.verdict;
  const Claim& claim = *result.claim;
  const Training& t = model.trainings[claim.training];
  const Data& data = model.data[t.data];
  const Goal& goal = model.goals[claim.goal];
  const Domain& in = model.domains[model.losses[claim.loss].input];
  // The fit right below the verdict's reason: part of its summary.
  std::string out = "  " + v.reason + "\n" + FitText(model, claim, data, ev);
  std::string features;
  if (t.learner == "linear") {
    std::vector<std::string> names;
    for (int f : t.features) names.push_back(model.fns[f].name);
    features = " (features " + JoinNames(names) + ")";
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
        data.name, JoinNames(names),
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

void AddTrainedJson(const Model& model, const ClaimResult& result,
                    const TrainedEvidence& ev, Json& j) {
  const Claim& claim = *result.claim;
  j["trained"] = TrainedJson(model, claim, ev);
  // A failed trained claim names a policy that breaks the goal, as every
  // failed claim does in JSON.
  if (result.verdict.kind != Verdict::Kind::kFails) return;
  for (const SeedOutcome& s : ev.seeds) {
    if (s.achieves) continue;
    Json cx;
    cx["seed"] = s.seed;
    cx["policy"] = PolicyJson(model, claim, s.violating);
    j["counterexample"] = std::move(cx);
    break;
  }
}

std::string RenderCitationsText(const Model& model, const Claim& claim) {
  if (claim.reading != Claim::Reading::kTrained || claim.training < 0) {
    return "";
  }
  std::string out;
  for (const std::string& e : model.trainings[claim.training].evidence) {
    out += "  evidence (cited, not checked): \"" + e + "\"\n";
  }
  return out;
}

void AddCitationsJson(const Model& model, const Claim& claim, Json& j) {
  if (claim.reading == Claim::Reading::kTrained && claim.training >= 0) {
    j["evidence"] = model.trainings[claim.training].evidence;
  }
}

}  // namespace aligncheck
