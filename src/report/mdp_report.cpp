// Reports of the MDP reading.
#include "report/mdp_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "report/exact_text.h"
#include "report/explanation_report.h"
#include "report/table_text.h"
#include "util/readable_count.h"

namespace aligncheck {
namespace {

using Json = nlohmann::ordered_json;

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string StateList(const Mdp& m, const std::vector<uint32_t>& states) {
  std::vector<std::string> names;
  for (uint32_t s : states) names.push_back(m.StateName(s));
  return Join(names, " -> ");
}

std::string ActionSet(const Mdp& m, const std::vector<uint32_t>& actions) {
  std::vector<std::string> names;
  for (uint32_t a : actions) names.push_back(m.ActionName(a));
  return Join(names, ", ");
}

/// "t0 -> t1 -> t0 -> ... (t1 -> t0 repeats forever)" or, for a run that
/// ends, "t0 -> t3 (ends in a terminal state)".
std::string RunText(const Mdp& m, const MdpEvidence& ev) {
  std::vector<uint32_t> shown = ev.run_prefix;
  shown.insert(shown.end(), ev.run_cycle.begin(), ev.run_cycle.end());
  if (ev.run_cycle.empty()) {
    return StateList(m, shown) + " (ends in a terminal state)";
  }
  shown.push_back(ev.run_cycle.front());
  return fmt::format("{} -> ... ({} repeats forever)", StateList(m, shown),
                     StateList(m, ev.run_cycle));
}

/// The policy drawn on the map of a grid mdp: arrows where it acts and the
/// run reaches, the map's own characters elsewhere.
std::string MapText(const MdpModel& mm, const MdpEvidence& ev) {
  return PolicyMapText(mm, *ev.policy, ev.reached);
}

std::string PolicyNoun(const Claim& claim, bool plural) {
  std::string noun = claim.has_within ? "near-optimal polic" : "optimal polic";
  return noun + (plural ? "ies" : "y");
}

std::string CensusLine(const Model& model, const Claim& claim,
                       const MdpEvidence& ev) {
  const std::string& reward = model.losses[claim.loss].name;
  const std::string& mdp = model.mdps[claim.mdp].name;
  const std::string& goal = model.goals[claim.goal].name;
  if (!ev.counted) {
    return fmt::format("  census: not counted ({})\n", ev.count_reason);
  }
  std::string out = fmt::format(
      "  census: {} {} of {} in {}", FormatCount(ev.policies),
      PolicyNoun(claim, ev.policies != 1), reward, mdp);
  if (ev.violating_counted) {
    out += fmt::format(", {} violate{} {}", FormatCount(ev.violating),
                       ev.violating == 1 ? "s" : "", goal);
  }
  return out + "\n";
}

}  // namespace

std::string PolicyMapText(const MdpModel& mm, const Policy& pi,
                          const std::vector<bool>& shown) {
  std::vector<std::string> rows = mm.grid;
  static const char kArrow[] = {'^', 'v', '<', '>', 'o'};
  for (uint32_t s = 0; s < mm.cell_at.size(); ++s) {
    auto [r, c] = mm.cell_at[s];
    if (mm.mdp.terminal[s] || !shown[s]) continue;
    rows[r][c] = kArrow[std::min<uint32_t>(pi[s], 4)];
  }
  std::string out;
  for (const std::string& row : rows) out += "    " + row + "\n";
  return out;
}

std::string RenderMdpText(const Model& model, const ClaimResult& result,
                          const MdpEvidence& ev, const TextOptions& options) {
  const Claim& claim = *result.claim;
  const Verdict& v = result.verdict;
  const MdpModel& mm = model.mdps[claim.mdp];
  const Mdp& m = mm.mdp;
  const Loss& loss = model.losses[claim.loss];
  const std::string& goal = model.goals[claim.goal].name;
  const char* kind = loss.reward ? "return" : "expected loss";
  std::string out;
  std::string optimum = fmt::format("  {} {} of {} in {}: {}\n",
                        loss.reward ? "best" : "least", kind, loss.name,
                        mm.name, ExactAndDecimal(ev.optimum));
  switch (v.kind) {
    case Verdict::Kind::kHolds:
      out += fmt::format("  every {} of {} in {} satisfies {} ({})\n",
                         PolicyNoun(claim, false), loss.name, mm.name, goal,
                         v.method);
      out += optimum;
      if (v.vacuous) {
        out += fmt::format(
            "  note: {} holds for every policy, so this says nothing about "
            "{}\n",
            goal, loss.name);
      }
      out += MdpExplanationText(v, ev, options.explain);
      break;
    case Verdict::Kind::kFails: {
      out += fmt::format("  counterexample: an {} of {} in {} that violates "
                         "{}\n",
                         PolicyNoun(claim, false), loss.name, mm.name, goal);
      if (!mm.grid.empty()) {
        out += "  on the map (arrows where the policy's runs go):\n";
        out += MapText(mm, ev);
      }
      out += MdpPolicyTable(m, ev, options.max_rows, "optimal actions");
      if (!ev.run_prefix.empty() || !ev.run_cycle.empty()) {
        out += "  run: " + RunText(m, ev) + "\n";
      }
      if (ev.path_probability) {
        out += fmt::format("  a violating path: {} (probability {})\n",
                           StateList(m, ev.path),
                           ExactAndDecimal(*ev.path_probability));
      }
      for (const RunAtomValue& a : ev.atoms) {
        out += fmt::format("  {} = {}\n", a.text, ExactAndDecimal(a.value));
      }
      out += fmt::format("  {} of {} under pi: {} = the {}\n", kind,
                         loss.name, ExactAndDecimal(ev.policy_value),
                         claim.has_within ? "optimum within the tolerance"
                                          : "optimum");
      out += fmt::format("  (found by {}, re-checked by exact evaluation)\n",
                         v.method);
      break;
    }
    case Verdict::Kind::kUnknown:
      out += "  reason: " + v.reason + "\n";
      break;
  }
  out += CensusLine(model, claim, ev);
  return out;
}

std::string MdpMapText(const MdpModel& mm, const MdpEvidence& ev) {
  return MapText(mm, ev);
}

std::string MdpRunText(const Mdp& m, const MdpEvidence& ev) {
  return RunText(m, ev);
}

std::string MdpPolicyTable(const Mdp& m, const MdpEvidence& ev,
                           size_t max_rows, const char* optimal_header) {
  const Policy& pi = *ev.policy;
  // The states the policy reaches first, then the others; at most
  // max_rows of them.
  std::vector<uint32_t> order;
  for (int pass = 0; pass < 2; ++pass) {
    for (uint32_t s = 0; s < m.states; ++s) {
      if (ev.reached[s] == (pass == 0)) order.push_back(s);
    }
  }
  size_t shown =
      max_rows == 0 ? order.size() : std::min(order.size(), max_rows);
  std::vector<std::vector<std::string>> rows = {
      {"state", "pi(state)", optimal_header, "reached"}};
  for (size_t i = 0; i < shown; ++i) {
    uint32_t s = order[i];
    if (m.terminal[s]) {
      rows.push_back({m.StateName(s), "-", "(terminal)",
                      ev.reached[s] ? "yes" : "no"});
      continue;
    }
    rows.push_back({m.StateName(s), m.ActionName(pi[s]),
                    ActionSet(m, ev.optimal_actions[s]),
                    ev.reached[s] ? "yes" : "no"});
  }
  std::string out = Columns(rows, "    ");
  if (shown < order.size()) {
    out += fmt::format("    ... {} more states (--max-rows)\n",
                       order.size() - shown);
  }
  return out;
}

std::string ReachedPolicyMessage(const Mdp& m, const MdpEvidence& ev) {
  // The reached states only: elsewhere the policy is free.
  std::string out;
  constexpr size_t kShown = 10;
  size_t shown = 0, reached = 0;
  for (uint32_t s = 0; s < m.states; ++s) {
    if (!ev.reached[s] || m.terminal[s]) continue;
    ++reached;
    if (shown == kShown) continue;
    out += fmt::format("{} {} -> {}", shown ? "," : "", m.StateName(s),
                       m.ActionName((*ev.policy)[s]));
    ++shown;
  }
  if (reached > shown) {
    out += fmt::format(", ... ({} reached states)", reached);
  }
  for (const RunAtomValue& a : ev.atoms) {
    out += fmt::format("; {} = {}", a.text, ExactAndDecimal(a.value));
  }
  return out;
}

std::string MdpMessage(const Model& model, const ClaimResult& result,
                       const MdpEvidence& ev) {
  const Claim& claim = *result.claim;
  if (result.verdict.kind != Verdict::Kind::kFails || !ev.policy) return "";
  const Mdp& m = model.mdps[claim.mdp].mdp;
  std::string out = fmt::format(
      ": an {} of {} in {} violates {}:", PolicyNoun(claim, false),
      model.losses[claim.loss].name, model.mdps[claim.mdp].name,
      model.goals[claim.goal].name);
  return out + ReachedPolicyMessage(m, ev);
}

void AddMdpJson(const Model& model, const ClaimResult& result,
                const MdpEvidence& ev, Json& j) {
  const Claim& claim = *result.claim;
  const Verdict& v = result.verdict;
  const MdpModel& mm = model.mdps[claim.mdp];
  const Mdp& m = mm.mdp;
  Json out;
  out["mdp"] = mm.name;
  out["optimum"] = FormatRational(ev.optimum);
  Json optimal = Json::object();
  for (uint32_t s = 0; s < m.states; ++s) {
    if (m.terminal[s]) continue;
    Json actions = Json::array();
    for (uint32_t a : ev.optimal_actions[s]) actions.push_back(m.ActionName(a));
    optimal[m.StateName(s)] = std::move(actions);
  }
  out["optimal_actions"] = std::move(optimal);
  Json census;
  census["counted"] = ev.counted;
  census["reason"] = ev.counted ? Json(nullptr) : Json(ev.count_reason);
  census["policies"] = ev.counted ? Json(FormatCount(ev.policies)) : Json(nullptr);
  census["violating"] =
      ev.violating_counted ? Json(FormatCount(ev.violating)) : Json(nullptr);
  out["census"] = std::move(census);
  if (v.kind == Verdict::Kind::kFails && ev.policy) {
    Json cx;
    Json policy = Json::object();
    Json reached = Json::array();
    for (uint32_t s = 0; s < m.states; ++s) {
      if (!m.terminal[s]) policy[m.StateName(s)] = m.ActionName((*ev.policy)[s]);
      if (ev.reached[s]) reached.push_back(m.StateName(s));
    }
    cx["policy"] = std::move(policy);
    cx["reached"] = std::move(reached);
    auto names = [&](const std::vector<uint32_t>& states) {
      Json a = Json::array();
      for (uint32_t s : states) a.push_back(m.StateName(s));
      return a;
    };
    if (!ev.run_prefix.empty() || !ev.run_cycle.empty()) {
      cx["run"] = {{"prefix", names(ev.run_prefix)},
                   {"cycle", names(ev.run_cycle)}};
    }
    if (ev.path_probability) {
      cx["violating_path"] = {{"states", names(ev.path)},
                              {"probability",
                               FormatRational(*ev.path_probability)}};
    }
    Json atoms = Json::array();
    for (const RunAtomValue& a : ev.atoms) {
      atoms.push_back({{"atom", a.text},
                       {"value", FormatRational(a.value)},
                       {"decimal", Decimal(a.value)}});
    }
    cx["goal_values"] = std::move(atoms);
    cx["value"] = FormatRational(ev.policy_value);
    out["counterexample"] = std::move(cx);
  }
  j["mdp"] = std::move(out);
  Json why = MdpExplanationJson(v, ev);
  if (!why.is_null()) j["explanation"] = std::move(why);
}

}  // namespace aligncheck
