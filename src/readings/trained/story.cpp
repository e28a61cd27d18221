// A story's verdict from its rationale claims' verdicts.
#include "readings/trained/story.h"

#include <fmt/format.h>

#include "readings/check.h"
#include "readings/trained/goal_entailment.h"

namespace aligncheck {

Verdict CheckStory(const Model& model, const Claim& claim,
                   const EngineOptions& options) {
  Verdict v;
  if (claim.story < 0 ||
      static_cast<size_t>(claim.story) >= model.stories.size()) {
    v.reason = "internal: claim refers to a missing story";
    return v;
  }
  const Story& story = model.stories[claim.story];
  StoryEvidence ev;
  ev.desirability = story.desirability;
  ev.assumptions = story.assumptions;
  const std::string& goal = model.goals[story.goal].name;
  size_t failing = 0;
  size_t unsettled = 0;
  // A rationale claim about another goal supports the story only when that
  // goal implies the story's: the first one that does not, with why.
  std::string off_goal;
  size_t off_goal_failing = 0;
  for (size_t i = 0; i < story.rationale.size(); ++i) {
    StoryComponent c;
    c.claim = story.rationale_names[i];
    int index = story.rationale[i];
    // A story, or a relation between two rewards (which says nothing about
    // a goal), cannot support the story's goal.
    if (index < 0 || static_cast<size_t>(index) >= model.claims.size() ||
        model.claims[index].reading == Claim::Reading::kStory ||
        model.claims[index].reading == Claim::Reading::kRelation) {
      c.verdict = "unchecked";
      ++unsettled;
      ev.components.push_back(std::move(c));
      continue;
    }
    const Claim& part = model.claims[index];
    Verdict pv = CheckClaim(model, part, options);
    c.verdict = VerdictLabel(pv);
    c.ok = pv.kind == Verdict::Kind::kHolds;
    c.claim_index = index;
    if (const IdealizedEvidence* ie = pv.idealized(); ie && ie->counterexample)
      c.counterexample = ie->counterexample->policy;
    if (const TrainedEvidence* te = pv.trained()) {
      for (const SeedOutcome& s : te->seeds) {
        if (!s.achieves && c.counterexample.empty()) {
          c.counterexample = s.violating;
        }
      }
    }
    if (pv.kind == Verdict::Kind::kFails) ++failing;
    if (pv.kind == Verdict::Kind::kUnknown) ++unsettled;
    if (part.goal != story.goal && part.goal >= 0) {
      c.about = model.goals[part.goal].name;
      Entailment e = GoalEntails(model, part.goal, story.goal, options);
      using K = Entailment::Kind;
      c.about_relation = e.kind == K::kEntails ? "implies " + goal
                         : e.kind == K::kDoesNot
                             ? "does not imply " + goal
                             : "may or may not imply " + goal;
      if (e.kind != K::kEntails && c.ok) {
        c.ok = false;
        if (e.kind == K::kDoesNot) {
          ++off_goal_failing;
          c.counterexample = e.witness;
        } else {
          ++unsettled;
        }
        if (off_goal.empty()) {
          off_goal = fmt::format("{} holds for {}, not for {}: {}", c.claim,
                                 c.about, goal, e.reason);
        }
      }
    }
    ev.components.push_back(std::move(c));
  }
  v.method = "rationale claims";
  if (failing > 0) {
    v.kind = Verdict::Kind::kFails;
    v.reason = fmt::format(
        "{} of {} rationale claims fail: the rationale "
        "does not support {}",
        failing, story.rationale.size(), goal);
    if (!off_goal.empty()) v.reason += "; and " + off_goal;
  } else if (off_goal_failing > 0) {
    v.kind = Verdict::Kind::kFails;
    v.reason =
        fmt::format("the rationale does not support {}: {}", goal, off_goal);
  } else if (unsettled > 0) {
    v.kind = Verdict::Kind::kUnknown;
    v.reason = fmt::format("{} of {} rationale claims are not settled{}",
                           unsettled, story.rationale.size(),
                           off_goal.empty() ? "" : " (" + off_goal + ")");
  } else {
    v.kind = Verdict::Kind::kHolds;
    v.reason = fmt::format(
        "every rationale claim holds for {} in its own "
        "reading",
        goal);
  }
  v.evidence = std::move(ev);
  return v;
}

}  // namespace aligncheck
