// JSON rendering of trained runs, class parameters, censuses and stories.
#include "report/trained_json.h"

#include "util/readable_count.h"

namespace aligncheck {
namespace {

using Json = nlohmann::ordered_json;

Json PolicyJson(const Model& model, const Claim& claim, const Policy& pi) {
  const Loss& loss = model.losses[claim.loss];
  Json policy = Json::object();
  for (size_t x = 0; x < pi.size(); ++x) {
    policy[model.domains[loss.input].values[x]] =
        model.domains[loss.output].values[pi[x]];
  }
  return policy;
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

}  // namespace

void AddTrainedJson(const Model& model, const ClaimResult& result, Json& j) {
  const Verdict& v = result.verdict;
  const Claim& claim = *result.claim;
  const TrainedEvidence* trained = v.trained();
  const StoryEvidence* story = v.story();
  const IdealizedEvidence* ideal = v.idealized();
  const LinearWitness* witness =
      ideal && ideal->witness ? &*ideal->witness : nullptr;
  const Census* census = ideal && ideal->census ? &*ideal->census : nullptr;
  if (trained) j["trained"] = TrainedJson(model, claim, *trained);
  // A failed trained claim or story names a policy that breaks the goal,
  // as every failed claim does in JSON.
  if (v.kind == Verdict::Kind::kFails && trained) {
    for (const SeedOutcome& s : trained->seeds) {
      if (s.achieves) continue;
      Json cx;
      cx["seed"] = s.seed;
      cx["policy"] = PolicyJson(model, claim, s.violating);
      j["counterexample"] = std::move(cx);
      break;
    }
  }
  if (v.kind == Verdict::Kind::kFails && story) {
    for (const StoryComponent& c : story->components) {
      if (c.ok || c.counterexample.empty() || c.claim_index < 0) continue;
      Json cx;
      cx["claim"] = c.claim;
      cx["policy"] =
          PolicyJson(model, model.claims[c.claim_index], c.counterexample);
      j["counterexample"] = std::move(cx);
      break;
    }
  }
  if (claim.reading == Claim::Reading::kTrained && claim.training >= 0) {
    j["evidence"] = model.trainings[claim.training].evidence;
  }
  if (witness && claim.reading == Claim::Reading::kIdealized) {
    const Domain& out = model.domains[model.losses[claim.loss].output];
    Json theta = Json::object();
    for (size_t y = 0; y < witness->theta.size(); ++y) {
      Json row = Json::object();
      for (size_t k = 0; k < witness->theta[y].size(); ++k) {
        row[model.fns[claim.hypothesis_features[k]].name] =
            FormatRational(witness->theta[y][k]);
      }
      theta[out.values[y]] = std::move(row);
    }
    j["hypothesis_class"] = claim.hypothesis;
    j["parameters"] = std::move(theta);
  }
  if (census) {
    Json c;
    c["counted"] = census->counted;
    c["minimizers"] =
        census->counted ? Json(FormatCount(census->minimizers)) : Json();
    c["violating"] =
        census->counted ? Json(FormatCount(census->violating)) : Json();
    c["method"] = census->method;
    c["not_counted_because"] = census->counted ? Json() : Json(census->why);
    j["census"] = std::move(c);
  }
  if (story) {
    Json s;
    Json parts = Json::array();
    for (const StoryComponent& c : story->components) {
      Json p;
      p["claim"] = c.claim;
      p["verdict"] = c.verdict;
      p["supports"] = c.ok;
      p["about_goal"] = c.about.empty() ? Json() : Json(c.about);
      if (!c.about.empty()) p["about_goal_relation"] = c.about_relation;
      parts.push_back(std::move(p));
    }
    s["rationale"] = std::move(parts);
    s["desirability"] = story->desirability;
    s["assumptions"] = story->assumptions;
    j["story"] = std::move(s);
  }
}

}  // namespace aligncheck
