// Goal entailment for training stories, asked of the idealized engine as a
// question of its own (the model is not touched).
#include "readings/trained/goal_entailment.h"

#include <fmt/format.h>

#include <algorithm>

#include "readings/check.h"

namespace aligncheck {
namespace {

// An all-zero loss has |X| * |Y| entries; past this the question is not asked.
constexpr size_t kMaxScratchEntries = 4'000'000;

}  // namespace

Entailment GoalEntails(const Model& model, int from, int to,
                       const EngineOptions& options) {
  Entailment out;
  if (from == to) {
    out.kind = Entailment::Kind::kEntails;
    return out;
  }
  const Goal& premise = model.goals[from];
  const Goal& conclusion = model.goals[to];
  if (premise.input != conclusion.input ||
      premise.output != conclusion.output || premise.input == kNoDomain ||
      premise.output == kNoDomain) {
    out.kind = Entailment::Kind::kDoesNot;
    out.reason = fmt::format("{} is about policies of another type than {}",
                             premise.name, conclusion.name);
    return out;
  }
  size_t n = model.domains[premise.input].size();
  size_t m = model.domains[premise.output].size();
  if (n == 0 || m == 0 || n > kMaxScratchEntries / m) {
    out.reason = fmt::format(
        "whether {} implies {} was not decided: {} x {} "
        "policy table too large",
        premise.name, conclusion.name, n, m);
    return out;
  }
  // The two bodies are separate subtrees, so their quantifier slots may
  // overlap: each binds its own slots while it is evaluated.
  Goal asked;
  asked.name = premise.name + "_implies_" + conclusion.name;
  asked.input = premise.input;
  asked.output = premise.output;
  asked.span = premise.span;
  asked.slot_count = std::max(premise.slot_count, conclusion.slot_count);
  asked.body.kind = RExpr::Kind::kBinary;
  asked.body.op = ast::Op::kImplies;
  asked.body.type = Type::Bool();
  asked.body.span = premise.body.span;
  asked.body.args = {premise.body, conclusion.body};
  Verdict v = CheckForEveryPolicy(model, asked, options);
  if (v.kind == Verdict::Kind::kHolds) {
    out.kind = Entailment::Kind::kEntails;
  } else if (v.kind == Verdict::Kind::kFails) {
    out.kind = Entailment::Kind::kDoesNot;
    out.reason = fmt::format("a policy can meet {} and violate {}",
                             premise.name, conclusion.name);
    if (const IdealizedEvidence* ev = v.idealized(); ev && ev->counterexample)
      out.witness = ev->counterexample->policy;
  } else {
    out.reason = fmt::format("whether {} implies {} was not decided: {}",
                             premise.name, conclusion.name, v.reason);
  }
  return out;
}

}  // namespace aligncheck
