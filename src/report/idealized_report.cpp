// Rendering of idealized evidence.
#include "report/idealized_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "report/evidence_report.h"
#include "report/explanation_report.h"
#include "report/objective_words.h"
#include "report/table_text.h"
#include "solve/goal_witness.h"
#include "util/readable_count.h"

namespace aligncheck {
namespace {

using Json = nlohmann::ordered_json;

bool Near(const Claim& claim) {
  return claim.has_within && claim.within != 0;
}

std::string Counterexample(const Model& model, const Claim& claim,
                           const IdealizedCounterexample& cx,
                           const TextOptions& options) {
  const Loss& loss = model.losses[claim.loss];
  const Data& data = model.data[claim.data];
  const Domain& inputs = model.domains[loss.input];
  const Domain& outputs = model.domains[loss.output];
  const std::string& goal = model.goals[claim.goal].name;
  std::string out;
  bool near = Near(claim);
  const ObjectiveWords w = WordsFor(loss);
  out += fmt::format("  counterexample: a {} of {}_{} that violates {}\n",
                     w.Optimizer(near), w.letter, data.name, goal);
  bool per_input = std::any_of(cx.breaks.begin(), cx.breaks.end(),
                               [](int8_t b) { return b >= 0; });
  // A goal that couples inputs: say which values break it, and list the
  // inputs that make them first.
  GoalWitness why;
  if (!per_input)
    why = ExplainViolation(model, model.goals[claim.goal], cx.policy);
  for (const std::string& v : why.values) out += "    why: " + v + "\n";
  if (!why.assignment.empty()) out += "    " + AssignmentSentence(why) + "\n";
  std::vector<size_t> first;
  for (const auto& input : why.inputs) first.push_back(input.first);
  InputRows listed =
      first.empty() ? OrderInputs(inputs.size(), cx.breaks, options.max_rows)
                    : OrderInputsFirst(inputs.size(), first, options.max_rows);
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"input", "weight", "pi(input)", w.value,
                  std::string(w.best) + " " + w.value, ""});
  size_t m = outputs.size();
  for (size_t i = 0; i < listed.shown; ++i) {
    size_t x = listed.order[i];
    Rational best = loss.At(x, 0, m);
    for (size_t y = 1; y < m; ++y) {
      best = w.reward ? std::max(best, loss.At(x, y, m))
                      : std::min(best, loss.At(x, y, m));
    }
    std::string mark;
    if (GoalBreaks(cx.breaks, x)) mark = kBreaksHere;
    if (i < why.inputs.size()) mark = "<- " + why.inputs[i].second;
    rows.push_back({inputs.values[x], FormatRational(data.weights[x] / data.total),
                    outputs.values[cx.policy[x]],
                    FormatRational(loss.At(x, cx.policy[x], m)),
                    FormatRational(best), mark});
  }
  out += Columns(rows, "    ");
  out += listed.MoreLine();
  if (per_input) {
    out += fmt::format("  the goal breaks at {} of {} inputs\n",
                       listed.breaking, inputs.size());
  }
  if (near) {
    out += fmt::format("  {}_{}(pi) = {}, {} {}_{} = {}, within {}\n", w.letter,
                       data.name, FormatRational(w.AsWritten(cx.expected_loss)),
                       w.best, w.letter, data.name,
                       FormatRational(w.AsWritten(cx.min_loss)),
                       FormatRational(claim.within));
  } else {
    out += fmt::format("  {}_{}(pi) = {} = {} {}_{}\n", w.letter, data.name,
                       FormatRational(w.AsWritten(cx.expected_loss)), w.best,
                       w.letter, data.name);
  }
  return out;
}

// "4 minimizers", "at least 100000 near-minimizers".
std::string MinimizerPhrase(const Model& model, const IdealizedEvidence& ev,
                            const Claim& claim) {
  bool one = *ev.minimizers == 1 && !ev.minimizers_capped;
  return fmt::format("{}{} {}{}", ev.minimizers_capped ? "at least " : "",
                     FormatCount(*ev.minimizers),
                     WordsFor(model.losses[claim.loss]).Optimizer(Near(claim)),
                     one ? "" : "s");
}

// "the only minimizer of L_train satisfies g", "all 4 near-minimizers of
// L_train satisfy g", or "every minimizer ... (at least N of them)".
std::string HoldsSentence(const Model& model, const IdealizedEvidence& ev,
                          const Claim& claim) {
  const ObjectiveWords w = WordsFor(model.losses[claim.loss]);
  const std::string noun = w.Optimizer(Near(claim));
  std::string loss = w.letter + ("_" + model.data[claim.data].name);
  if (!claim.hypothesis.empty()) loss += " in " + claim.hypothesis;
  const std::string& goal = model.goals[claim.goal].name;
  if (ev.minimizers && !ev.minimizers_capped && IsExactCount(*ev.minimizers)) {
    if (*ev.minimizers == 1)
      return fmt::format("the only {} of {} satisfies {}", noun, loss, goal);
    return fmt::format("all {} {}s of {} satisfy {}",
                       FormatBigInt(*ev.minimizers), noun, loss, goal);
  }
  std::string out = fmt::format("every {} of {} satisfies {}", noun, loss, goal);
  if (ev.minimizers) {
    out +=
        fmt::format(" ({}{} of them)", ev.minimizers_capped ? "at least " : "",
                    FormatCount(*ev.minimizers));
  }
  return out;
}

// A class claim that holds: the class's own sentence, and vacuity relative
// to the class (or an empty class).
std::string ClassHoldsBody(const Model& model, const Claim& claim,
                           const Verdict& v, const IdealizedEvidence& ev) {
  std::string out = "  " + v.reason;
  if (!v.method.empty()) out += " (" + v.method + ")";
  out += "\n";
  if (v.vacuous && ev.minimizers && *ev.minimizers != 0) {
    out += fmt::format(
        "  note: {} holds for every policy of {}, so this says nothing about "
        "the loss\n",
        model.goals[claim.goal].name, claim.hypothesis);
  }
  return out;
}

// A claim over a hypothesis class: the counterexample with the parameters
// inducing it, or the class's HOLDS sentence.
std::string ClassBody(const Model& model, const Claim& claim, const Verdict& v,
                      const IdealizedEvidence& ev) {
  if (!ev.witness || !ev.counterexample) {
    return ClassHoldsBody(model, claim, v, ev);
  }
  const LinearWitness& w = *ev.witness;
  const IdealizedCounterexample& cx = *ev.counterexample;
  const Data& data = model.data[claim.data];
  const Loss& loss = model.losses[claim.loss];
  const Domain& out_d = model.domains[loss.output];
  bool near = Near(claim);
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
  out += fmt::format("  {}_{}(pi) = {}, {} over {} = {}{}\n", ow.letter,
                     data.name, FormatRational(ow.AsWritten(cx.expected_loss)),
                     ow.best, claim.hypothesis,
                     FormatRational(ow.AsWritten(cx.min_loss)),
                     near ? ", within " + FormatRational(claim.within) : "");
  out += "  (re-checked exactly: strict argmax at every input, loss, goal)\n";
  return out;
}

// Whether the class's own block replaces the verdict's usual one.
bool HasClassBody(const Claim& claim, const Verdict& v,
                  const IdealizedEvidence& ev) {
  if (claim.reading != Claim::Reading::kIdealized ||
      claim.hypothesis_features.empty()) {
    return false;
  }
  return (v.kind == Verdict::Kind::kFails && ev.witness &&
          ev.counterexample) ||
         v.kind == Verdict::Kind::kHolds;
}

std::string Body(const Model& model, const ClaimResult& result,
                 const IdealizedEvidence& ev, const TextOptions& options) {
  const Claim& claim = *result.claim;
  const Verdict& v = result.verdict;
  if (HasClassBody(claim, v, ev)) {
    std::string out = ClassBody(model, claim, v, ev);
    if (!v.vacuous) {
      out += IdealizedExplanationText(model, claim, v, ev, options.explain,
                                      options.max_rows);
    }
    return out;
  }
  bool idealized = claim.reading == Claim::Reading::kIdealized;
  if (v.kind == Verdict::Kind::kHolds && idealized) {
    std::string out = "  " + HoldsSentence(model, ev, claim);
    if (!v.method.empty()) out += fmt::format(" ({})", v.method);
    out += "\n";
    if (v.vacuous) {
      out += VacuousNote(model, claim);
    } else {
      out += IdealizedExplanationText(model, claim, v, ev, options.explain,
                                      options.max_rows);
    }
    return out;
  }
  if (v.kind == Verdict::Kind::kFails && ev.counterexample && idealized) {
    std::string out = Counterexample(model, claim, *ev.counterexample, options);
    if (ev.minimizers) {
      out += fmt::format("  ({} in all; found by {})\n",
                         MinimizerPhrase(model, ev, claim), v.method);
    }
    return out;
  }
  return PlainText(model, result);
}

std::string CensusText(const Model& model, const Claim& claim,
                       const IdealizedEvidence& ev) {
  if (!ev.census || claim.reading != Claim::Reading::kIdealized) return "";
  const Census& c = *ev.census;
  std::string where = claim.hypothesis.empty() ? "" : " in " + claim.hypothesis;
  if (!c.counted) {
    return fmt::format("  census: not counted ({})\n", c.why);
  }
  const ObjectiveWords w = WordsFor(model.losses[claim.loss]);
  std::string noun = w.Optimizer(Near(claim));
  bool one = c.minimizers == 1;
  std::string violating =
      c.violating == 0 ? "none violates"
                       : fmt::format("{} violate{}", FormatCount(c.violating),
                                     c.violating == 1 ? "s" : "");
  return fmt::format(
      "  census: {} {}{} of {}_{}{}, {} {} ({}){}\n", FormatCount(c.minimizers),
      noun, one ? "" : "s", w.letter, model.data[claim.data].name, where,
      violating,
      model.goals[claim.goal].name, c.method,
      c.violating == 0 ? "" : ": what the training rationale must rule out");
}

Json CounterexampleJson(const Model& model, const Claim& claim,
                        const IdealizedCounterexample& cx) {
  const Loss& loss = model.losses[claim.loss];
  const Data& data = model.data[claim.data];
  const Domain& inputs = model.domains[loss.input];
  const Domain& outputs = model.domains[loss.output];
  size_t m = outputs.size();
  // A reward's values are named after it: "reward", "max_reward".
  const ObjectiveWords w = WordsFor(loss);
  const std::string value = w.value;
  const std::string best_key = std::string(w.best) + "_" + w.value;
  Json policy = Json::object();
  Json rows = Json::array();
  for (size_t x = 0; x < inputs.size(); ++x) {
    policy[inputs.values[x]] = outputs.values[cx.policy[x]];
    Rational best = loss.At(x, 0, m);
    for (size_t y = 1; y < m; ++y) {
      best = w.reward ? std::max(best, loss.At(x, y, m))
                      : std::min(best, loss.At(x, y, m));
    }
    Json row;
    row["input"] = inputs.values[x];
    row["weight"] = FormatRational(data.weights[x] / data.total);
    row["output"] = outputs.values[cx.policy[x]];
    row[value] = FormatRational(loss.At(x, cx.policy[x], m));
    row[best_key] = FormatRational(best);
    int8_t b = x < cx.breaks.size() ? cx.breaks[x] : -1;
    row["goal_breaks"] = b < 0 ? Json(nullptr) : Json(b == 1);
    rows.push_back(std::move(row));
  }
  Json j;
  j["policy"] = std::move(policy);
  j["expected_" + value] = FormatRational(w.AsWritten(cx.expected_loss));
  j[best_key] = FormatRational(w.AsWritten(cx.min_loss));
  j["inputs"] = std::move(rows);
  // Only for a goal that couples inputs: what breaks it, exactly.
  bool per_input = std::any_of(cx.breaks.begin(), cx.breaks.end(),
                               [](int8_t b) { return b >= 0; });
  GoalWitness why;
  if (!per_input)
    why = ExplainViolation(model, model.goals[claim.goal], cx.policy);
  if (!why.values.empty()) j["goal_values"] = why.values;
  if (!why.assignment.empty()) {
    Json assignment = Json::object();
    for (const auto& [name, v] : why.assignment) assignment[name] = v;
    j["violating_assignment"] = std::move(assignment);
  }
  return j;
}

}  // namespace

std::string RenderIdealizedText(const Model& model, const ClaimResult& result,
                                const IdealizedEvidence& ev,
                                const TextOptions& options) {
  return Body(model, result, ev, options) +
         CensusText(model, *result.claim, ev);
}

void AddIdealizedJson(const Model& model, const ClaimResult& result,
                      const IdealizedEvidence& ev, Json& j) {
  const Claim& claim = *result.claim;
  j["minimizers"] =
      ev.minimizers ? Json(FormatCount(*ev.minimizers)) : Json(nullptr);
  j["minimizers_is_lower_bound"] = ev.minimizers_capped;
  if (result.verdict.kind == Verdict::Kind::kFails && ev.counterexample &&
      claim.reading == Claim::Reading::kIdealized) {
    j["counterexample"] = CounterexampleJson(model, claim, *ev.counterexample);
  }
  if (claim.reading == Claim::Reading::kIdealized && !result.verdict.vacuous) {
    Json why = IdealizedExplanationJson(model, claim, result.verdict, ev);
    if (!why.is_null()) j["explanation"] = std::move(why);
  }
}

void AddIdealizedDetailsJson(const Model& model, const ClaimResult& result,
                             const IdealizedEvidence& ev, Json& j) {
  const Claim& claim = *result.claim;
  if (ev.witness && claim.reading == Claim::Reading::kIdealized) {
    const Domain& out = model.domains[model.losses[claim.loss].output];
    Json theta = Json::object();
    for (size_t y = 0; y < ev.witness->theta.size(); ++y) {
      Json row = Json::object();
      for (size_t k = 0; k < ev.witness->theta[y].size(); ++k) {
        row[model.fns[claim.hypothesis_features[k]].name] =
            FormatRational(ev.witness->theta[y][k]);
      }
      theta[out.values[y]] = std::move(row);
    }
    j["hypothesis_class"] = claim.hypothesis;
    j["parameters"] = std::move(theta);
  }
  if (ev.census) {
    const Census& census = *ev.census;
    Json c;
    c["counted"] = census.counted;
    c["minimizers"] =
        census.counted ? Json(FormatCount(census.minimizers)) : Json();
    c["violating"] = census.counted ? Json(FormatCount(census.violating)) : Json();
    c["method"] = census.method;
    c["not_counted_because"] = census.counted ? Json() : Json(census.why);
    j["census"] = std::move(c);
  }
}

std::string IdealizedMessage(const Model& model, const ClaimResult& result,
                             const IdealizedEvidence& ev) {
  const Claim& claim = *result.claim;
  if (result.verdict.kind != Verdict::Kind::kFails || !ev.counterexample ||
      claim.reading != Claim::Reading::kIdealized) {
    return "";
  }
  const Loss& loss = model.losses[claim.loss];
  const Domain& in = model.domains[loss.input];
  const Domain& out_domain = model.domains[loss.output];
  const ObjectiveWords w = WordsFor(loss);
  std::string out = fmt::format(": a {} of {}_{} violates {}:",
                                w.Optimizer(Near(claim)), w.letter,
                                model.data[claim.data].name,
                                model.goals[claim.goal].name);
  constexpr size_t kShown = 10;
  const Policy& pi = ev.counterexample->policy;
  for (size_t x = 0; x < pi.size() && x < kShown; ++x) {
    out += fmt::format("{} {} -> {}", x ? "," : "", in.values[x],
                       out_domain.values[pi[x]]);
  }
  if (pi.size() > kShown) out += fmt::format(", ... ({} inputs)", pi.size());
  const std::vector<int8_t>& breaks = ev.counterexample->breaks;
  if (std::none_of(breaks.begin(), breaks.end(),
                   [](int8_t b) { return b >= 0; })) {
    GoalWitness why = ExplainViolation(model, model.goals[claim.goal], pi);
    for (const std::string& v : why.values) out += "; " + v;
    if (!why.assignment.empty()) out += "; " + AssignmentSentence(why);
  }
  return out;
}

}  // namespace aligncheck
