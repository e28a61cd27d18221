#include "report/drn_export.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "analysis/eval.h"

namespace aligncheck {
namespace {

// Storm's rational parser reads "p/q" and integers; FormatRational's
// decimals are avoided so that every number has one spelling.
std::string Exact(const Rational& q) { return q.get_str(); }

// A state name as a DRN label: labels with white space are quoted (names of
// the language have none, so this only guards the format).
std::string Label(const std::string& name) {
  if (name.find_first_of(" \t") != std::string::npos) {
    return "\"" + name + "\"";
  }
  return name;
}

}  // namespace

std::string RenderDrn(const MdpModel& m,
                      const Loss* reward, const std::string& source,
                      std::string* error) {
  const Mdp& mdp = m.mdp;
  const size_t n = mdp.states;
  for (size_t s = 0; s < n; ++s) {
    const std::string name = mdp.StateName(s);
    if (name == "init" || name == "terminal") {
      *error = fmt::format(
          "state '{}' of mdp '{}' has the name of a label the export adds",
          name, m.name);
      return "";
    }
  }
  Reward per_transition;
  if (reward != nullptr) {
    if (reward->input != m.states || reward->output != m.actions ||
        (reward->successor != kNoDomain && reward->successor != m.states)) {
      *error = fmt::format(
          "{} '{}' is not over the states and actions of mdp '{}'",
          reward->Word(), reward->name, m.name);
      return "";
    }
    per_transition = TransitionReward(mdp, *reward);
  }

  std::vector<uint32_t> starts;
  for (size_t s = 0; s < n; ++s) {
    if (sgn(mdp.start[s]) > 0) starts.push_back(static_cast<uint32_t>(s));
  }
  const bool extra_start = starts.size() != 1;
  const size_t states = n + (extra_start ? 1 : 0);
  size_t choices = extra_start ? 1 : 0;
  for (size_t s = 0; s < n; ++s) choices += mdp.terminal[s] ? 1 : mdp.actions;

  std::string out;
  out += fmt::format("// mdp {} of {}, exported by aligncheck\n", m.name,
                     source);
  out += fmt::format(
      "// discount {} (DRN has no discount: give it in the property)\n",
      Exact(mdp.discount));
  if (reward != nullptr) {
    out += fmt::format("// {} {}: action rewards, as written{}\n",
                       reward->Word(), reward->name,
                       reward->successor != kNoDomain
                           ? "; r(s, a, s2) as its expectation over s2"
                           : "");
  }
  if (extra_start) {
    out += fmt::format(
        "// state {} is added: its one choice draws the start state from "
        "the start distribution\n",
        n);
  }
  out += "@type: MDP\n@value_type: rational\n@parameters\n\n";
  if (reward != nullptr) out += fmt::format("@reward_models\n{}\n", reward->name);
  out += fmt::format("@nr_states\n{}\n@nr_choices\n{}\n@model\n", states,
                     choices);

  const std::string zero_reward = reward != nullptr ? " [0]" : "";
  std::map<uint32_t, Rational> merged;  // target -> probability
  for (size_t s = 0; s < n; ++s) {
    out += fmt::format("state {} {}", s, Label(mdp.StateName(s)));
    if (!extra_start && starts[0] == s) out += " init";
    if (mdp.terminal[s]) out += " terminal";
    out += '\n';
    if (mdp.terminal[s]) {
      out += fmt::format("\taction __NOLABEL__{}\n\t\t{} : 1\n", zero_reward,
                         s);
      continue;
    }
    for (size_t a = 0; a < mdp.actions; ++a) {
      const size_t c = mdp.Choice(s, a);
      out += fmt::format("\taction {}", mdp.ActionName(a));
      merged.clear();
      Rational expected = 0;
      for (uint32_t k = mdp.begin[c]; k < mdp.begin[c + 1]; ++k) {
        merged[mdp.succ[k].state] += mdp.succ[k].prob;
        if (reward != nullptr) {
          expected += mdp.succ[k].prob * per_transition.value[k];
        }
      }
      if (reward != nullptr) out += fmt::format(" [{}]", Exact(expected));
      out += '\n';
      for (const auto& [target, prob] : merged) {
        out += fmt::format("\t\t{} : {}\n", target, Exact(prob));
      }
    }
  }
  if (extra_start) {
    out += fmt::format("state {} init\n\taction __NOLABEL__{}\n", n,
                       zero_reward);
    for (uint32_t s : starts) {
      out += fmt::format("\t\t{} : {}\n", s, Exact(mdp.start[s]));
    }
  }
  return out;
}

}  // namespace aligncheck
