// Reports of the trained reading over an mdp.
#include "report/trained_mdp_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "report/evidence_report.h"
#include "report/exact_text.h"
#include "report/mdp_report.h"
#include "report/table_text.h"

namespace aligncheck {
namespace {

using Json = nlohmann::ordered_json;

std::string StateNames(const Mdp& m, const std::vector<uint32_t>& states,
                       size_t most) {
  std::vector<std::string> names;
  for (size_t i = 0; i < states.size() && i < most; ++i) {
    names.push_back(m.StateName(states[i]));
  }
  std::string out = JoinNames(names);
  if (states.size() > most) {
    out += fmt::format(" and {} more", states.size() - most);
  }
  return out;
}

std::string SetupLine(const Model& model, const Training& t,
                      const TrainedMdpEvidence& ev) {
  const Mdp& m = model.mdps[t.mdp].mdp;
  std::string explore =
      t.learner == "q_learning"
          ? fmt::format(", epsilon {}", FormatRational(t.epsilon))
          : "";
  std::string start = "the mdp's start";
  if (!t.start.empty()) {
    start = "start " + StateNames(m, t.start, t.start.size());
  }
  return fmt::format(
      "  learner: {}, init {}{}, lr {}, {} episode{}, horizon {}, seeds "
      "{}..{}, {}\n",
      ev.learner, t.init, explore, FormatRational(t.lr), t.episodes,
      t.episodes == 1 ? "" : "s", t.horizon, t.seed_lo, t.seed_hi, start);
}

std::string FitText(const Model& model, const Claim& claim,
                    const TrainedMdpEvidence& ev) {
  const Loss& loss = model.losses[claim.loss];
  const std::string& mdp = model.mdps[ev.mdp].name;
  const char* kind = loss.reward ? "return" : "expected loss";
  std::string out =
      fmt::format("  {} {} of {} in {} from the training start: {}\n",
                  loss.reward ? "best" : "least", kind, loss.name, mdp,
                  ExactAndDecimal(ev.optimum));
  if (ev.unfit == 0) {
    out += "  fit: every seed's greedy policy reaches it (converged)\n";
    return out;
  }
  size_t missed_fitted = 0, missed_unfit = 0;
  for (const MdpSeedRun& s : ev.seeds) {
    if (!s.achieves) ++(s.converged ? missed_fitted : missed_unfit);
  }
  out += fmt::format(
      "  did not converge: {} of {} seeds (greedy policy's {} "
      "misses the {})\n",
      ev.unfit, ev.seeds.size(), kind, loss.reward ? "best" : "least");
  if (missed_fitted + missed_unfit > 0) {
    out += fmt::format(
        "  of the {} seeds that miss {}: {} did not converge (training "
        "failed to fit), {} converged (training fitted the wrong goal)\n",
        missed_fitted + missed_unfit, model.goals[claim.goal].name,
        missed_unfit, missed_fitted);
  }
  return out;
}

std::string SeedTable(const Model& model, const Claim& claim,
                      const TrainedMdpEvidence& ev) {
  const Loss& loss = model.losses[claim.loss];
  std::vector<std::vector<std::string>> rows = {
      {"seed", model.goals[claim.goal].name,
       loss.reward ? "return" : "expected loss", "converged"}};
  for (const MdpSeedRun& s : ev.seeds) {
    rows.push_back({std::to_string(s.seed), s.achieves ? "yes" : "no",
                    ExactAndDecimal(s.training_return),
                    s.converged ? "yes" : "no"});
  }
  return Columns(rows, "    ");
}

std::string PolicyText(const Model& model, const Claim& claim,
                       const TrainedMdpEvidence& ev, const MdpSeedRun& run,
                       const TextOptions& options) {
  const MdpModel& mm = model.mdps[ev.mdp];
  const Mdp& m = mm.mdp;
  std::vector<bool> deployed = ReachedStates(m, run.policy);
  std::string out = fmt::format(
      "  seed {} learns a policy that violates {} ({}):\n", run.seed,
      model.goals[claim.goal].name,
      run.converged ? "it converged: training fitted the wrong goal"
                    : "it did not converge: training failed to fit");
  if (!mm.grid.empty()) {
    out += "  on the map (arrows where its runs from the start of " + mm.name +
           " go):\n";
    out += PolicyMapText(mm, run.policy, deployed);
  }
  std::vector<bool> unvisited(m.states, false);
  for (uint32_t s : ev.unvisited) unvisited[s] = true;
  std::vector<uint32_t> order;
  for (int pass = 0; pass < 2; ++pass) {
    for (uint32_t s = 0; s < m.states; ++s) {
      if (!m.terminal[s] && deployed[s] == (pass == 0)) order.push_back(s);
    }
  }
  size_t shown = options.max_rows == 0
                     ? order.size()
                     : std::min(order.size(), options.max_rows);
  std::vector<std::vector<std::string>> rows = {
      {"state", "pi(state)", "reached from " + mm.name + "'s start",
       "visited in training"}};
  for (size_t i = 0; i < shown; ++i) {
    uint32_t s = order[i];
    rows.push_back({m.StateName(s), m.ActionName(run.policy[s]),
                    deployed[s] ? "yes" : "no",
                    unvisited[s] ? "never" : "yes"});
  }
  out += Columns(rows, "    ");
  if (shown < order.size()) {
    out += fmt::format("    ... {} more states (--max-rows)\n",
                       order.size() - shown);
  }
  return out;
}

Json PolicyObject(const Mdp& m, const Policy& pi) {
  Json j = Json::object();
  for (uint32_t s = 0; s < m.states; ++s) {
    if (!m.terminal[s]) j[m.StateName(s)] = m.ActionName(pi[s]);
  }
  return j;
}

}  // namespace

std::string RenderTrainedMdpText(const Model& model, const ClaimResult& result,
                                 const TrainedMdpEvidence& ev,
                                 const TextOptions& options) {
  const Verdict& v = result.verdict;
  const Claim& claim = *result.claim;
  const Training& t = model.trainings[claim.training];
  const Mdp& m = model.mdps[ev.mdp].mdp;
  const std::string& goal = model.goals[claim.goal].name;
  std::string out = "  " + v.reason + "\n";
  out += SetupLine(model, t, ev);
  out += FitText(model, claim, ev);
  if (!ev.unvisited.empty()) {
    out += fmt::format(
        "  never visited in training (by any seed): {}; there the greedy "
        "policy comes from the initialization and the tie-break, not from "
        "{}\n",
        StateNames(m, ev.unvisited, 8), model.losses[claim.loss].name);
  }
  out += "  per seed (" + goal +
         " judged exactly; return in the training "
         "mdp):\n";
  out += SeedTable(model, claim, ev);
  for (const MdpSeedRun& s : ev.seeds) {
    if (s.achieves) continue;
    out += PolicyText(model, claim, ev, s, options);
    break;
  }
  out += fmt::format("  ({}; found by {})\n",
                     "this is evidence about the toy learner on this toy "
                     "mdp, not about any real training run",
                     v.method);
  return out;
}

void AddTrainedMdpJson(const Model& model, const ClaimResult& result,
                       const TrainedMdpEvidence& ev, Json& j) {
  const Mdp& m = model.mdps[ev.mdp].mdp;
  Json t;
  t["verdict"] = TrainedKindName(ev.kind);
  t["learner"] = ev.learner;
  t["mdp"] = model.mdps[ev.mdp].name;
  t["seeds"] = ev.seeds.size();
  t["achieving"] = ev.achieving;
  t["optimum"] = FormatRational(ev.optimum);
  t["optimum_decimal"] = Decimal(ev.optimum);
  t["not_converged"] = ev.unfit;
  Json unvisited = Json::array();
  for (uint32_t s : ev.unvisited) unvisited.push_back(m.StateName(s));
  t["unvisited"] = std::move(unvisited);
  Json runs = Json::array();
  for (const MdpSeedRun& s : ev.seeds) {
    Json run;
    run["seed"] = s.seed;
    run["achieves"] = s.achieves;
    run["converged"] = s.converged;
    run["return"] = FormatRational(s.training_return);
    run["return_decimal"] = Decimal(s.training_return);
    run["policy"] = PolicyObject(m, s.policy);
    runs.push_back(std::move(run));
  }
  t["runs"] = std::move(runs);
  t["note"] =
      "evidence about the toy learner on this toy mdp, not about any real "
      "training run";
  j["trained_mdp"] = std::move(t);
  if (result.verdict.kind != Verdict::Kind::kFails) return;
  for (const MdpSeedRun& s : ev.seeds) {
    if (s.achieves) continue;
    Json cx;
    cx["seed"] = s.seed;
    cx["policy"] = PolicyObject(m, s.policy);
    j["counterexample"] = std::move(cx);
    break;
  }
}

}  // namespace aligncheck
