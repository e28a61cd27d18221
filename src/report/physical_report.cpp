// Rendering of physical and agent evidence: text, and JSON keys.
#include "report/physical_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "report/evidence_report.h"
#include "report/table_text.h"

namespace aligncheck {
namespace {

using Json = nlohmann::ordered_json;

// The loss whose domains the policy uses, and the one shown exactly.
int IntendedLossId(const Model& model, const Claim& claim) {
  if (claim.reading == Claim::Reading::kPhysical) return claim.loss;
  const Agent& a = model.agents[claim.agent];
  if (a.aspect == Agent::Aspect::kPredictions) return a.loss;
  return model.physical[a.model].register_loss;
}

// Counts past 18 digits are shown by magnitude; JSON keeps them exact.
constexpr size_t kMaxDigits = 18;

std::string LowCount(const PhysicalEvidence& ev) {
  if (!ev.low) return "some";  // counted only when enumerated
  std::string digits = FormatBigInt(*ev.low);
  if (digits.size() > kMaxDigits) {
    return fmt::format("at least 10^{}", digits.size() - 1);
  }
  return (ev.low_capped ? "at least " : "") + digits;
}

// "1 behaviour", "27 policies", "40^3000 x 2^3 behaviours".
std::string Plural(const Model& model, const PhysicalEvidence& ev, int loss,
                   const std::string& noun) {
  std::string many =
      noun.back() == 'y' ? noun.substr(0, noun.size() - 1) + "ies" : noun + "s";
  if (ev.behaviours == 1) return "1 " + noun;
  std::string digits = FormatBigInt(ev.behaviours);
  if (digits.size() <= kMaxDigits) return digits + " " + many;
  const Loss& l = model.losses[loss];
  std::string out = fmt::format("{}^{}", model.domains[l.output].size(),
                                model.domains[l.input].size());
  if (ev.model >= 0 && !model.physical[ev.model].channels.empty()) {
    out += fmt::format(" x 2^{}", model.physical[ev.model].channels.size());
  }
  return out + " " + many;
}

bool Observes(const PhysicalEvidence& ev) {
  if (!ev.reading || !ev.behaviour) return false;
  for (size_t x = 0; x < ev.reading->observed.size(); ++x) {
    if (ev.reading->observed[x] != ev.behaviour->policy[x]) return true;
  }
  return false;
}

std::string Weight(const Model& model, const PhysicalModel* m, size_t x) {
  if (m == nullptr) return "";
  const Data& d = model.data[m->register_data];
  return FormatRational(m->machine_bits > 0 ? d.weights[x]
                                            : d.weights[x] / d.total);
}

std::string Failure(const Model& model, const Claim& claim, const Verdict& v,
                    const PhysicalEvidence& ev, const TextOptions& options) {
  const Behaviour& b = *ev.behaviour;
  const Loss& intended = model.losses[IntendedLossId(model, claim)];
  const Domain& inputs = model.domains[intended.input];
  const Domain& outputs = model.domains[intended.output];
  const std::string& goal = model.goals[claim.goal].name;
  const PhysicalModel* m = ev.model >= 0 ? &model.physical[ev.model] : nullptr;
  std::string out;
  if (claim.reading == Claim::Reading::kPhysical) {
    out += fmt::format(
        "  counterexample: a behaviour of {} that reads at most {} and "
        "violates {}\n",
        m->name, FormatRational(ev.bound), goal);
  } else if (m != nullptr) {
    out += fmt::format(
        "  counterexample: an optimal behaviour of {} (the least reading of "
        "{}'s register, {}) that violates {}\n",
        model.agents[claim.agent].name, m->name, FormatRational(ev.bound),
        goal);
  } else {
    out += fmt::format(
        "  counterexample: an optimal policy of {} (the least mean {} over "
        "every input, {}) that violates {}\n",
        model.agents[claim.agent].name, intended.name, FormatRational(ev.bound),
        goal);
  }
  if (m != nullptr) {
    std::string used;
    for (int i : b.channels) {
      used += (used.empty() ? "" : ", ") + m->channels[i].name;
    }
    out += "    channels used: " + (used.empty() ? "none" : used) + "\n";
  }
  bool observes = Observes(ev);
  bool terms = ev.reading && !ev.reading->overwritten;
  InputRows listed = OrderInputs(inputs.size(), ev.breaks, options.max_rows);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head = {"input"};
  if (m != nullptr) head.push_back("weight");
  head.push_back("pi(input)");
  if (observes) head.push_back("graded as");
  if (terms) head.push_back("term");
  head.push_back(intended.name);
  head.push_back("");
  rows.push_back(head);
  size_t n_out = outputs.size();
  for (size_t i = 0; i < listed.shown; ++i) {
    size_t x = listed.order[i];
    std::vector<std::string> row = {inputs.values[x]};
    if (m != nullptr) row.push_back(Weight(model, m, x));
    row.push_back(outputs.values[b.policy[x]]);
    if (observes) row.push_back(outputs.values[ev.reading->observed[x]]);
    if (terms) row.push_back(FormatRational(ev.reading->terms[x]));
    row.push_back(FormatRational(intended.At(x, b.policy[x], n_out)));
    row.push_back(GoalBreaks(ev.breaks, x) ? kBreaksHere : "");
    rows.push_back(std::move(row));
  }
  out += Columns(rows, "    ");
  out += listed.MoreLine();
  if (m != nullptr && ev.reading) {
    std::string how;
    if (ev.reading->overwritten) {
      how = ev.reading->overwritten_by >= 0
                ? fmt::format(", written by channel '{}'",
                              m->channels[ev.reading->overwritten_by].name)
                : ", written by the implementation";
    }
    std::string arith =
        m->machine_bits > 0
            ? fmt::format(" ({} {}-bit)",
                          m->machine_signed ? "signed" : "unsigned",
                          m->machine_bits)
            : "";
    out += fmt::format("  register reading: {}{}{}\n",
                       FormatRational(ev.reading->value), arith, how);
    std::string line;
    if (ev.honest_reading && !b.channels.empty()) {
      line = fmt::format("without channels the same policy reads {}",
                         FormatRational(*ev.honest_reading));
    }
    if (ev.intended_loss) {
      line += fmt::format("{}{} on {}{}: {}", line.empty() ? "" : "; ",
                          intended.name, model.data[m->register_data].name,
                          m->machine_bits > 0 ? " in exact arithmetic" : "",
                          FormatRational(*ev.intended_loss));
    }
    if (!line.empty()) out += "  " + line + "\n";
  }
  bool per_input = std::any_of(ev.breaks.begin(), ev.breaks.end(),
                               [](int8_t x) { return x >= 0; });
  if (per_input) {
    out += fmt::format("  the goal breaks at {} of {} inputs\n",
                       listed.breaking, inputs.size());
  }
  out += fmt::format("  ({} in all; found by {})\n",
                     Plural(model, ev, IntendedLossId(model, claim),
                            m ? "behaviour" : "policy"),
                     v.method);
  return out;
}

std::string Success(const Model& model, const Claim& claim, const Verdict& v,
                    const PhysicalEvidence& ev) {
  const std::string& goal = model.goals[claim.goal].name;
  const PhysicalModel* m = ev.model >= 0 ? &model.physical[ev.model] : nullptr;
  std::string method = v.method.empty() ? "" : " (" + v.method + ")";
  std::string out;
  if (claim.reading == Claim::Reading::kPhysical) {
    if (ev.low && *ev.low == 0) {
      out += fmt::format("  no behaviour of {} reads at most {}{}\n", m->name,
                         FormatRational(ev.bound),
                         v.reason.empty() ? "" : " (" + v.reason + ")");
      out += "  note: vacuous: the claim constrains no behaviour at all\n";
      return out;
    }
    out += fmt::format(
        "  every behaviour of {} that reads at most {} satisfies {}: {} of {} "
        "read that low{}\n",
        m->name, FormatRational(ev.bound), goal, LowCount(ev),
        Plural(model, ev, IntendedLossId(model, claim), "behaviour"), method);
  } else if (m != nullptr) {
    out += fmt::format(
        "  every optimal behaviour of {} satisfies {}: {} of {} reach the "
        "least reading of {}'s register, {}{}\n",
        model.agents[claim.agent].name, goal, LowCount(ev),
        Plural(model, ev, IntendedLossId(model, claim), "behaviour"), m->name,
        FormatRational(ev.bound), method);
  } else {
    const Loss& l = model.losses[IntendedLossId(model, claim)];
    out += fmt::format(
        "  every optimal policy of {} satisfies {}: {} of {} reach the least "
        "mean {} over every input, {}{}\n",
        model.agents[claim.agent].name, goal, LowCount(ev),
        Plural(model, ev, IntendedLossId(model, claim), "policy"), l.name,
        FormatRational(ev.bound), method);
  }
  if (v.vacuous) out += VacuousNote(model, claim);
  return out;
}

}  // namespace

std::string RenderPhysicalText(const Model& model, const ClaimResult& result,
                               const PhysicalEvidence& ev,
                               const TextOptions& options) {
  const Verdict& v = result.verdict;
  if (v.kind == Verdict::Kind::kUnknown) return PlainText(model, result);
  if (v.kind == Verdict::Kind::kFails && ev.behaviour) {
    return Failure(model, *result.claim, v, ev, options);
  }
  return Success(model, *result.claim, v, ev);
}

void AddPhysicalJson(const Model& model, const ClaimResult& result,
                     const PhysicalEvidence& ev, Json& j) {
  const Claim& claim = *result.claim;
  const PhysicalModel* m = ev.model >= 0 ? &model.physical[ev.model] : nullptr;
  j["model"] = m ? Json(m->name) : Json(nullptr);
  j["bound"] = FormatRational(ev.bound);
  j["behaviours"] = FormatBigInt(ev.behaviours);
  j["low_behaviours"] = ev.low ? Json(FormatBigInt(*ev.low)) : Json(nullptr);
  j["low_is_lower_bound"] = ev.low_capped;
  if (result.verdict.kind != Verdict::Kind::kFails || !ev.behaviour) return;
  const Behaviour& b = *ev.behaviour;
  const Loss& intended = model.losses[IntendedLossId(model, claim)];
  const Domain& inputs = model.domains[intended.input];
  const Domain& outputs = model.domains[intended.output];
  Json cx;
  Json policy = Json::object();
  for (size_t x = 0; x < inputs.size(); ++x) {
    policy[inputs.values[x]] = outputs.values[b.policy[x]];
  }
  cx["policy"] = std::move(policy);
  Json channels = Json::array();
  for (int i : b.channels) channels.push_back(m->channels[i].name);
  cx["channels"] = std::move(channels);
  if (ev.reading) {
    cx["reading"] = FormatRational(ev.reading->value);
    cx["written_by"] =
        ev.reading->overwritten
            ? (ev.reading->overwritten_by >= 0
                   ? Json(m->channels[ev.reading->overwritten_by].name)
                   : Json("implementation"))
            : Json(nullptr);
  }
  cx["honest_reading"] = ev.honest_reading
                             ? Json(FormatRational(*ev.honest_reading))
                             : Json(nullptr);
  cx["intended_loss"] = ev.intended_loss
                            ? Json(FormatRational(*ev.intended_loss))
                            : Json(nullptr);
  Json rows = Json::array();
  for (size_t x = 0; x < inputs.size(); ++x) {
    Json row;
    row["input"] = inputs.values[x];
    if (m != nullptr) row["weight"] = Weight(model, m, x);
    row["output"] = outputs.values[b.policy[x]];
    if (ev.reading) {
      row["graded_as"] = outputs.values[ev.reading->observed[x]];
      row["term"] = FormatRational(ev.reading->terms[x]);
    }
    row["loss"] = FormatRational(intended.At(x, b.policy[x], outputs.size()));
    int8_t br = x < ev.breaks.size() ? ev.breaks[x] : -1;
    row["goal_breaks"] = br < 0 ? Json(nullptr) : Json(br == 1);
    rows.push_back(std::move(row));
  }
  cx["inputs"] = std::move(rows);
  j["counterexample"] = std::move(cx);
}

std::string PhysicalMessage(const Model& model, const ClaimResult& result,
                            const PhysicalEvidence& ev) {
  const Claim& claim = *result.claim;
  if (result.verdict.kind != Verdict::Kind::kFails || !ev.behaviour) return "";
  const Behaviour& b = *ev.behaviour;
  const Loss& intended = model.losses[IntendedLossId(model, claim)];
  const Domain& inputs = model.domains[intended.input];
  const Domain& outputs = model.domains[intended.output];
  const PhysicalModel* m = ev.model >= 0 ? &model.physical[ev.model] : nullptr;
  std::string who;
  if (claim.reading == Claim::Reading::kPhysical) {
    who = fmt::format("a behaviour of {} that reads at most {}", m->name,
                      FormatRational(ev.bound));
  } else {
    who = fmt::format("an optimal {} of {}", m ? "behaviour" : "policy",
                      model.agents[claim.agent].name);
  }
  std::string out = fmt::format(": {} violates {}", who,
                                model.goals[claim.goal].name);
  if (m != nullptr) {
    std::string used;
    for (int i : b.channels)
      used += (used.empty() ? "" : ", ") + m->channels[i].name;
    out += " (channels used: " + (used.empty() ? "none" : used) + ")";
  }
  out += ":";
  constexpr size_t kShown = 10;
  for (size_t x = 0; x < b.policy.size() && x < kShown; ++x) {
    out += fmt::format("{} {} -> {}", x ? "," : "", inputs.values[x],
                       outputs.values[b.policy[x]]);
  }
  if (b.policy.size() > kShown)
    out += fmt::format(", ... ({} inputs)", b.policy.size());
  return out;
}

}  // namespace aligncheck
