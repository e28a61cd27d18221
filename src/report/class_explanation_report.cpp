// Rendering of why a claim over a hypothesis class holds.
#include "report/class_explanation_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "report/explanation_lines.h"
#include "report/objective_words.h"

namespace aligncheck {
namespace {

using Json = nlohmann::ordered_json;

bool Near(const Claim& claim) { return claim.has_within && claim.within != 0; }

// The inputs where the listed minimizers differ, or all inputs when they
// agree everywhere (one minimizer): what tells them apart.
std::vector<size_t> DifferingInputs(const ClassExplanation& e, size_t n) {
  std::vector<size_t> xs;
  for (size_t x = 0; x < n; ++x) {
    for (const Policy& pi : e.listed) {
      if (pi[x] != e.listed.front()[x]) {
        xs.push_back(x);
        break;
      }
    }
  }
  return xs;
}

std::vector<size_t> AllInputs(const Domain& in) {
  std::vector<size_t> xs(in.size());
  for (size_t x = 0; x < xs.size(); ++x) xs[x] = x;
  return xs;
}

// "pi(a) = x, pi(b) = y and 3 more" over `xs`.
std::string Assignments(const Domain& in, const Domain& out_d,
                        const Policy& pi, const std::vector<size_t>& xs) {
  std::string out;
  const size_t shown = std::min(xs.size(), kMaxNamedRows);
  for (size_t i = 0; i < shown; ++i) {
    out += fmt::format("{}pi({}) = {}", i == 0 ? "" : ", ",
                       in.values[xs[i]], out_d.values[pi[xs[i]]]);
  }
  if (shown < xs.size()) out += fmt::format(" and {} more", xs.size() - shown);
  return out;
}

// The inputs where the outside policy breaks the goal.
std::vector<size_t> BreakingInputs(const ClassExplanation& e) {
  std::vector<size_t> xs;
  for (size_t x = 0; x < e.breaks.size(); ++x) {
    if (e.breaks[x] == 1) xs.push_back(x);
  }
  return xs;
}

// The inputs where the outside policy differs from the first listed class
// minimizer (all inputs without one).
std::vector<size_t> DifferenceFromClass(const ClassExplanation& e) {
  std::vector<size_t> xs;
  for (size_t x = 0; x < e.outside->size(); ++x) {
    if (e.listed.empty() || (*e.outside)[x] != e.listed.front()[x]) {
      xs.push_back(x);
    }
  }
  return xs;
}

// "with pi(a) = x" where the goal breaks, or "that differs from a class
// minimizer only at pi(a) = x" when the goal is not a per-input statement.
std::string OutsideWords(const Domain& in, const Domain& out_d,
                         const ClassExplanation& e) {
  std::vector<size_t> xs = BreakingInputs(e);
  if (!xs.empty()) return "with " + Assignments(in, out_d, *e.outside, xs);
  xs = DifferenceFromClass(e);
  return (e.listed.empty() ? "with " : "that differs from a class minimizer "
                                       "only at ") +
         Assignments(in, out_d, *e.outside, xs);
}

std::string Members(size_t n) {
  return fmt::format("{} member{}", n, n == 1 ? "" : "s");
}

// "rows a, b of fn `f` (spec.align:53)", per feature.
std::string FeatureRows(const Model& model, const Claim& claim,
                        const Domain& in, const std::vector<size_t>& xs) {
  std::string out;
  for (int f : claim.hypothesis_features) {
    const Function& fn = model.fns[f];
    out += (out.empty() ? "" : "; ") +
           NamedRows(model, "row", fmt::format("fn `{}`", fn.name), fn.span,
                     in, xs);
  }
  return out;
}

std::string InputList(const Domain& in, const std::vector<size_t>& xs) {
  std::string out;
  const size_t shown = std::min(xs.size(), kMaxNamedRows);
  for (size_t i = 0; i < shown; ++i) {
    out += (i == 0 ? "" : ", ") + in.values[xs[i]];
  }
  if (shown < xs.size()) out += fmt::format(" and {} more", xs.size() - shown);
  return out;
}

Json PolicyJson(const Domain& in, const Domain& out_d, const Policy& pi,
                const std::vector<size_t>& xs) {
  Json j = Json::object();
  for (size_t x : xs) j[in.values[x]] = out_d.values[pi[x]];
  return j;
}

}  // namespace

std::string ClassShortReason(const Model& model, const Claim& claim,
                             const ClassExplanation& e) {
  const Loss& loss = model.losses[claim.loss];
  const Data& data = model.data[claim.data];
  const Goal& goal = model.goals[claim.goal];
  const ObjectiveWords ow = WordsFor(loss);
  std::string out = fmt::format(
      "the {} of {}_{} over {} is {}", ow.best, ow.letter, data.name,
      claim.hypothesis, FormatRational(ow.AsWritten(e.min_loss)));
  const std::string each =
      e.minimizers == 1 ? "which satisfies" : "each satisfies";
  if (Near(claim)) {
    out += fmt::format("; {} {} within {} of it, {} {}",
                       Members(e.minimizers), e.minimizers == 1 ? "is" : "are",
                       FormatRational(claim.within), each, goal.name);
  } else {
    out += fmt::format(", attained by {}, {} {}", Members(e.minimizers), each,
                       goal.name);
  }
  if (e.all_policies == ClassExplanation::AllPolicies::kUndecided) {
    return out + "; over all policies the check was undecided within the "
                 "limits, so whether the verdict rests on the class is not "
                 "known";
  }
  if (!e.outside) return out;
  const Domain& in = model.domains[loss.input];
  const Domain& out_d = model.domains[loss.output];
  return out + fmt::format(
                   "; over all policies it fails: the {} {} ({}_{} = {}) "
                   "violates {} and is not in {}",
                   Near(claim) ? "policy within " +
                                     FormatRational(claim.within) +
                                     " of the minimum"
                               : std::string(ow.optimizer),
                   OutsideWords(in, out_d, e),
                   ow.letter, data.name,
                   FormatRational(ow.AsWritten(e.outside_loss)), goal.name,
                   claim.hypothesis);
}

std::string ClassExplanationText(const Model& model, const Claim& claim,
                                 const ClassExplanation& e, bool full) {
  std::string out = "  why: " + ClassShortReason(model, claim, e) + "\n";
  if (!full) return out;
  const Loss& loss = model.losses[claim.loss];
  const Data& data = model.data[claim.data];
  const Domain& in = model.domains[loss.input];
  const Domain& out_d = model.domains[loss.output];
  std::vector<size_t> shown = DifferingInputs(e, in.size());
  const bool differ = !shown.empty();
  if (!differ) shown = AllInputs(in);
  out += fmt::format("  class {}s of {}_{} (each satisfies {}){}:\n",
                     WordsFor(loss).Optimizer(Near(claim)),
                     WordsFor(loss).letter, data.name,
                     model.goals[claim.goal].name,
                     differ ? "; the inputs where those listed differ" : "");
  for (size_t i = 0; i < e.listed.size(); ++i) {
    out += fmt::format("    {}. {}\n", i + 1,
                       Assignments(in, out_d, e.listed[i], shown));
  }
  if (e.minimizers > e.listed.size()) {
    out += fmt::format("    and {} more\n", e.minimizers - e.listed.size());
  }
  if (e.all_policies == ClassExplanation::AllPolicies::kUndecided) {
    out += "  over all policies: undecided within the limits\n";
    return out;
  }
  if (!e.outside) {
    out += "  over all policies the claim holds too: the class is not what "
           "the verdict rests on\n";
    return out;
  }
  if (!e.core_extracted) {
    out += fmt::format("  not in {}: decided by the solver, no unsat core\n",
                       claim.hypothesis);
    return out;
  }
  out += fmt::format(
      "  not in {} ({}): no theta makes pi the strict argmax at {} {} "
      "together (unsat core of one assertion per input, not necessarily "
      "minimal); the features there: {}\n",
      claim.hypothesis, Assignments(in, out_d, *e.outside, e.conflict_inputs),
      e.conflict_inputs.size() == 1 ? "input" : "inputs",
      InputList(in, e.conflict_inputs),
      FeatureRows(model, claim, in, e.conflict_inputs));
  return out;
}

Json ClassExplanationJson(const Model& model, const Claim& claim,
                          const ClassExplanation& e) {
  const Loss& loss = model.losses[claim.loss];
  const Domain& in = model.domains[loss.input];
  const Domain& out_d = model.domains[loss.output];
  const ObjectiveWords ow = WordsFor(loss);
  const std::vector<size_t> all = AllInputs(in);
  Json j;
  j["kind"] = "class";
  j["short"] = ClassShortReason(model, claim, e);
  j["class_optimum"] = FormatRational(ow.AsWritten(e.min_loss));
  j["minimizers"] = e.minimizers;
  Json listed = Json::array();
  for (const Policy& pi : e.listed) {
    listed.push_back(PolicyJson(in, out_d, pi, all));
  }
  j["listed_minimizers"] = std::move(listed);
  j["all_policies"] =
      e.all_policies == ClassExplanation::AllPolicies::kFails    ? "fails"
      : e.all_policies == ClassExplanation::AllPolicies::kHolds ? "holds"
                                                                 : "undecided";
  if (!e.outside) {
    j["outside"] = nullptr;
    return j;
  }
  Json o;
  o["policy"] = PolicyJson(in, out_d, *e.outside, all);
  o["value"] = FormatRational(ow.AsWritten(e.outside_loss));
  o["in_class"] = false;
  if (e.core_extracted) {
    Json core = Json::array();
    for (size_t x : e.conflict_inputs) core.push_back(in.values[x]);
    o["conflict_inputs"] = std::move(core);
  } else {
    o["conflict_inputs"] = nullptr;
  }
  j["outside"] = std::move(o);
  return j;
}

}  // namespace aligncheck
