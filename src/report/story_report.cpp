// Rendering of story evidence.
#include "report/story_report.h"

#include <cctype>
#include <vector>

#include "report/evidence_report.h"
#include "report/table_text.h"

namespace aligncheck {

using Json = nlohmann::ordered_json;

std::string RenderStoryText(const Model& model, const ClaimResult& result,
                            const StoryEvidence& ev) {
  const Verdict& v = result.verdict;
  const Claim& claim = *result.claim;
  std::string out = "  " + v.reason + "\n";
  out += "  training goal: " + model.goals[claim.goal].name + "\n";
  out += "  training rationale, checked:\n";
  std::vector<std::vector<std::string>> rows;
  for (const StoryComponent& c : ev.components) {
    std::string verdict = c.verdict;
    for (char& ch : verdict) ch = static_cast<char>(std::toupper(ch));
    rows.push_back({c.claim, verdict,
                    c.about.empty() ? ""
                                    : "(about " + c.about + ", which " +
                                          c.about_relation + ")"});
  }
  out += Columns(rows, "    ");
  out += "  unchecked assumptions (stated, not verified):\n";
  if (ev.desirability.empty()) {
    out += "    desirability: not stated\n";
  }
  for (const std::string& d : ev.desirability) {
    out += "    desirability: \"" + d + "\"\n";
  }
  for (const std::string& a : ev.assumptions) {
    out += "    assume: \"" + a + "\"\n";
  }
  return out;
}

void AddStoryJson(const Model& model, const ClaimResult& result,
                  const StoryEvidence& ev, Json& j) {
  // A failed story names a policy that breaks the goal, as every failed
  // claim does in JSON.
  if (result.verdict.kind == Verdict::Kind::kFails) {
    for (const StoryComponent& c : ev.components) {
      if (c.ok || c.counterexample.empty() || c.claim_index < 0) continue;
      Json cx;
      cx["claim"] = c.claim;
      cx["policy"] =
          PolicyJson(model, model.claims[c.claim_index], c.counterexample);
      j["counterexample"] = std::move(cx);
      break;
    }
  }
  Json s;
  Json parts = Json::array();
  for (const StoryComponent& c : ev.components) {
    Json p;
    p["claim"] = c.claim;
    p["verdict"] = c.verdict;
    p["supports"] = c.ok;
    p["about_goal"] = c.about.empty() ? Json() : Json(c.about);
    if (!c.about.empty()) p["about_goal_relation"] = c.about_relation;
    parts.push_back(std::move(p));
  }
  s["rationale"] = std::move(parts);
  s["desirability"] = ev.desirability;
  s["assumptions"] = ev.assumptions;
  j["story"] = std::move(s);
}

}  // namespace aligncheck
