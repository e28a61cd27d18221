// Reports of the physical reading and the agents over an MDP.
#include "report/physical_mdp_report.h"

#include <fmt/format.h>

#include <vector>

#include "report/exact_text.h"
#include "report/mdp_report.h"
#include "report/table_text.h"
#include "util/readable_count.h"

namespace aligncheck {
namespace {

using Json = nlohmann::ordered_json;

std::string ChannelNames(const Model& model, const PhysicalMdpEvidence& ev,
                         const std::vector<int>& channels) {
  if (channels.empty()) return "none";
  std::string out;
  for (size_t i = 0; i < channels.size(); ++i) {
    out +=
        (i ? ", " : "") + model.physical[ev.model].channels[channels[i]].name;
  }
  return out;
}

/// "return" or "expected discounted loss", and how a bound compares.
const char* Quantity(const PhysicalMdpEvidence& ev) {
  return ev.loss_sense ? "expected discounted loss" : "return";
}
const char* AtLeast(const PhysicalMdpEvidence& ev) {
  return ev.loss_sense ? "at most" : "at least";
}

std::string Subject(const Model& model, const ClaimResult& result,
                    const PhysicalMdpEvidence& ev) {
  if (ev.model < 0) {
    return fmt::format("agent {} maximizes the {} of {} in {}",
                       model.agents[result.claim->agent].name,
                       ev.loss_sense ? "negated expected loss" : "return",
                       model.losses[ev.reward].name, model.mdps[ev.mdp].name);
  }
  return "";
}

std::string OptimaLines(const Model& model, const PhysicalMdpEvidence& ev) {
  if (ev.model < 0) return "";
  std::vector<std::vector<std::string>> rows = {
      {"channels used",
       fmt::format("{} observed {}", ev.loss_sense ? "least" : "best",
                   Quantity(ev))}};
  for (const ObservedOptimum& o : ev.optima) {
    rows.push_back(
        {ChannelNames(model, ev, o.channels), ExactAndDecimal(o.best)});
  }
  return fmt::format("  observed {} of {} per channel subset:\n", Quantity(ev),
                     model.losses[ev.reward].name) +
         Columns(rows, "    ");
}

std::string Behaviours(const PhysicalMdpEvidence& ev) {
  if (!ev.counted) return "";
  if (ev.agent) {
    return fmt::format("  ({} optimal behaviour{} in all)\n",
                       FormatCount(ev.reaching), ev.reaching == 1 ? "" : "s");
  }
  return fmt::format("  ({} behaviour{} reach{} the threshold)\n",
                     FormatCount(ev.reaching), ev.reaching == 1 ? "" : "s",
                     ev.reaching == 1 ? "es" : "");
}

}  // namespace

std::string RenderPhysicalMdpText(const Model& model, const ClaimResult& result,
                                  const PhysicalMdpEvidence& ev,
                                  const TextOptions& options) {
  const Claim& claim = *result.claim;
  const Verdict& v = result.verdict;
  const MdpModel& mm = model.mdps[ev.mdp];
  const std::string& goal = model.goals[claim.goal].name;
  const std::string& reward = model.losses[ev.reward].name;
  std::string who = ev.model >= 0 ? fmt::format("a behaviour of {}",
                                                model.physical[ev.model].name)
                                  : std::string("a policy");
  std::string out;
  if (ev.agent) {
    if (ev.model >= 0) {
      out += fmt::format(
          "  agent {} maximizes the observed {} of {} in {} over every "
          "policy and channel use: {} {}\n",
          model.agents[claim.agent].name, Quantity(ev), reward,
          model.physical[ev.model].name, ev.loss_sense ? "least" : "best",
          ExactAndDecimal(ev.bound));
    } else {
      out += "  " + Subject(model, result, ev) +
             fmt::format(": {} {}\n", ev.loss_sense ? "least" : "best",
                         ExactAndDecimal(ev.bound));
    }
  }
  switch (v.kind) {
    case Verdict::Kind::kHolds:
      if (ev.unreachable) {
        out += fmt::format(
            "  no behaviour of {} has an observed {} {} {}: the claim holds "
            "vacuously\n",
            model.physical[ev.model].name, Quantity(ev), AtLeast(ev),
            ExactAndDecimal(ev.bound));
      } else if (ev.agent) {
        out += fmt::format("  every optimal behaviour satisfies {} ({})\n",
                           goal, v.method);
      } else {
        out += fmt::format(
            "  every behaviour of {} with an observed {} {} {} satisfies {} "
            "({})\n",
            model.physical[ev.model].name, Quantity(ev), AtLeast(ev),
            ExactAndDecimal(ev.bound), goal, v.method);
      }
      if (v.vacuous && !ev.unreachable) {
        out += fmt::format(
            "  note: {} holds for every policy, so this says "
            "nothing about {}\n",
            goal, reward);
      }
      break;
    case Verdict::Kind::kFails: {
      const MdpEvidence& run = *ev.run;
      if (ev.agent) {
        out += fmt::format(
            "  counterexample: an optimal behaviour that "
            "violates {}\n",
            goal);
      } else {
        out += fmt::format(
            "  counterexample: {} with an observed {} {} {} that violates "
            "{}\n",
            who, Quantity(ev), AtLeast(ev), ExactAndDecimal(ev.bound), goal);
      }
      if (ev.model >= 0) {
        out += fmt::format("    channels used: {}",
                           ChannelNames(model, ev, ev.channels));
        if (ev.channels_acting != ev.channels) {
          out += fmt::format(" (acting where the policy goes: {})",
                             ChannelNames(model, ev, ev.channels_acting));
        }
        out += "\n";
      }
      if (!mm.grid.empty()) {
        out += "  on the map (arrows where the policy's runs go):\n";
        out += MdpMapText(mm, run);
      }
      out += MdpPolicyTable(
          mm.mdp, run, options.max_rows,
          ev.model >= 0 ? "observed-optimal actions" : "optimal actions");
      if (!run.run_prefix.empty() || !run.run_cycle.empty()) {
        out += "  run: " + MdpRunText(mm.mdp, run) + "\n";
      }
      if (run.path_probability) {
        std::string path;
        for (size_t i = 0; i < run.path.size(); ++i) {
          path += (i ? " -> " : "") + mm.mdp.StateName(run.path[i]);
        }
        out += fmt::format("  a violating path: {} (probability {})\n", path,
                           ExactAndDecimal(*run.path_probability));
      }
      for (const RunAtomValue& a : run.atoms) {
        out += fmt::format("  {} = {}\n", a.text, ExactAndDecimal(a.value));
      }
      if (ev.model >= 0) {
        out += fmt::format(
            "  observed {} of {} (channels: {}): {}\n", Quantity(ev), reward,
            ChannelNames(model, ev, ev.channels), ExactAndDecimal(ev.observed));
        out += fmt::format("  true {} of {} (no channel): {}\n", Quantity(ev),
                           reward, ExactAndDecimal(ev.honest));
      } else {
        out += fmt::format("  {} of {} under pi: {} = the optimum\n",
                           Quantity(ev), reward, ExactAndDecimal(ev.observed));
      }
      out += fmt::format("  (found by {}, re-checked by exact evaluation)\n",
                         v.method);
      break;
    }
    case Verdict::Kind::kUnknown:
      out += "  reason: " + v.reason + "\n";
      break;
  }
  out += OptimaLines(model, ev);
  out += Behaviours(ev);
  return out;
}

std::string PhysicalMdpMessage(const Model& model, const ClaimResult& result,
                               const PhysicalMdpEvidence& ev) {
  if (result.verdict.kind != Verdict::Kind::kFails || !ev.run) return "";
  std::string out = fmt::format(": a behaviour with observed {} {} violates {}",
                                Quantity(ev), ExactAndDecimal(ev.observed),
                                model.goals[result.claim->goal].name);
  if (ev.model >= 0) {
    out += fmt::format(" (channels: {}; true {}: {})",
                       ChannelNames(model, ev, ev.channels), Quantity(ev),
                       ExactAndDecimal(ev.honest));
  }
  if (ev.run->policy)
    out += ":" + ReachedPolicyMessage(model.mdps[ev.mdp].mdp, *ev.run);
  return out;
}

void AddPhysicalMdpJson(const Model& model, const ClaimResult& result,
                        const PhysicalMdpEvidence& ev, Json& j) {
  const Mdp& m = model.mdps[ev.mdp].mdp;
  Json out;
  out["model"] =
      ev.model >= 0 ? Json(model.physical[ev.model].name) : Json(nullptr);
  out["mdp"] = model.mdps[ev.mdp].name;
  out["observes"] = model.losses[ev.reward].name;
  out["sense"] = ev.loss_sense ? "loss" : "reward";
  out["agent"] = ev.agent;
  out["bound"] = FormatRational(ev.bound);
  out["unreachable"] = ev.unreachable;
  Json optima = Json::array();
  auto names = [&](const std::vector<int>& channels) {
    Json a = Json::array();
    for (int c : channels)
      a.push_back(model.physical[ev.model].channels[c].name);
    return a;
  };
  for (const ObservedOptimum& o : ev.optima) {
    optima.push_back({{"channels", names(o.channels)},
                      {"best", FormatRational(o.best)},
                      {"decimal", Decimal(o.best)}});
  }
  out["optima"] = std::move(optima);
  out["behaviours"] =
      ev.counted ? Json(FormatCount(ev.reaching)) : Json(nullptr);
  if (result.verdict.kind == Verdict::Kind::kFails && ev.run) {
    const MdpEvidence& run = *ev.run;
    Json cx;
    Json policy = Json::object();
    Json reached = Json::array();
    for (uint32_t s = 0; s < m.states; ++s) {
      if (!m.terminal[s])
        policy[m.StateName(s)] = m.ActionName((*run.policy)[s]);
      if (run.reached[s]) reached.push_back(m.StateName(s));
    }
    cx["policy"] = policy;
    cx["channels"] = ev.model >= 0 ? names(ev.channels) : Json::array();
    cx["channels_acting"] =
        ev.model >= 0 ? names(ev.channels_acting) : Json::array();
    cx["reached"] = std::move(reached);
    cx["observed"] = FormatRational(ev.observed);
    cx["observed_decimal"] = Decimal(ev.observed);
    cx["true"] = FormatRational(ev.honest);
    cx["true_decimal"] = Decimal(ev.honest);
    Json atoms = Json::array();
    for (const RunAtomValue& a : run.atoms) {
      atoms.push_back({{"atom", a.text},
                       {"value", FormatRational(a.value)},
                       {"decimal", Decimal(a.value)}});
    }
    cx["goal_values"] = std::move(atoms);
    j["counterexample"] = cx;
    out["counterexample"] = std::move(cx);
  }
  j["physical_mdp"] = std::move(out);
}

}  // namespace aligncheck
