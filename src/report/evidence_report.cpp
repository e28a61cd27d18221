// Dispatch from a verdict's evidence to its renderer, one row per
// alternative of Evidence, and the pieces the renderers share.
#include "report/evidence_report.h"

#include <fmt/format.h>

#include <variant>

#include "report/idealized_report.h"
#include "report/mdp_report.h"
#include "report/physical_report.h"
#include "report/physical_mdp_report.h"
#include "report/relation_report.h"
#include "report/story_report.h"
#include "report/table_text.h"
#include "report/trained_report.h"
#include "report/trained_mdp_report.h"

namespace aligncheck {
namespace {

using Json = nlohmann::ordered_json;

struct TextRenderer {
  const Model& model;
  const ClaimResult& result;
  const TextOptions& options;

  std::string operator()(std::monostate) const {
    return PlainText(model, result);
  }
  std::string operator()(const IdealizedEvidence& ev) const {
    return RenderIdealizedText(model, result, ev, options);
  }
  std::string operator()(const PhysicalEvidence& ev) const {
    return RenderPhysicalText(model, result, ev, options);
  }
  std::string operator()(const TrainedEvidence& ev) const {
    return RenderTrainedText(model, result, ev);
  }
  std::string operator()(const StoryEvidence& ev) const {
    return RenderStoryText(model, result, ev);
  }
  std::string operator()(const MdpEvidence& ev) const {
    return RenderMdpText(model, result, ev, options);
  }
  std::string operator()(const RelationEvidence& ev) const {
    return RenderRelationText(model, result, ev, options);
  }
  std::string operator()(const ShapingEvidence& ev) const {
    return RenderShapingText(model, result, ev, options);
  }
  std::string operator()(const TrainedMdpEvidence& ev) const {
    return RenderTrainedMdpText(model, result, ev, options);
  }
  std::string operator()(const PhysicalMdpEvidence& ev) const {
    return RenderPhysicalMdpText(model, result, ev, options);
  }
  std::string operator()(const EpicEvidence& ev) const {
    return RenderEpicText(model, result, ev);
  }
};

struct JsonRenderer {
  const Model& model;
  const ClaimResult& result;
  Json& j;

  void operator()(std::monostate) const {}
  void operator()(const IdealizedEvidence& ev) const {
    AddIdealizedJson(model, result, ev, j);
  }
  void operator()(const PhysicalEvidence& ev) const {
    AddPhysicalJson(model, result, ev, j);
  }
  void operator()(const TrainedEvidence& ev) const {
    AddTrainedJson(model, result, ev, j);
  }
  void operator()(const StoryEvidence& ev) const {
    AddStoryJson(model, result, ev, j);
  }
  void operator()(const MdpEvidence& ev) const {
    AddMdpJson(model, result, ev, j);
  }
  void operator()(const RelationEvidence& ev) const {
    AddRelationJson(model, result, ev, j);
  }
  void operator()(const ShapingEvidence& ev) const {
    AddShapingJson(model, result, ev, j);
  }
  void operator()(const TrainedMdpEvidence& ev) const {
    AddTrainedMdpJson(model, result, ev, j);
  }
  void operator()(const PhysicalMdpEvidence& ev) const {
    AddPhysicalMdpJson(model, result, ev, j);
  }
  void operator()(const EpicEvidence& ev) const {
    AddEpicJson(model, result, ev, j);
  }
};

}  // namespace

std::string RenderEvidenceText(const Model& model, const ClaimResult& result,
                               const TextOptions& options) {
  return std::visit(TextRenderer{model, result, options},
                    result.verdict.evidence);
}

void AddEvidenceJson(const Model& model, const ClaimResult& result, Json& j) {
  std::visit(JsonRenderer{model, result, j}, result.verdict.evidence);
}

void AddEvidenceDetailsJson(const Model& model, const ClaimResult& result,
                            Json& j) {
  // Only idealized evidence has keys after the solver queries.
  if (const IdealizedEvidence* ev = result.verdict.idealized()) {
    AddIdealizedDetailsJson(model, result, *ev, j);
  }
}

std::string EvidenceMessage(const Model& model, const ClaimResult& result) {
  // Counterexamples say more than the reason.
  if (const IdealizedEvidence* ev = result.verdict.idealized()) {
    return IdealizedMessage(model, result, *ev);
  }
  if (const MdpEvidence* ev = result.verdict.mdp()) {
    return MdpMessage(model, result, *ev);
  }
  if (const PhysicalMdpEvidence* ev = result.verdict.physical_mdp()) {
    return PhysicalMdpMessage(model, result, *ev);
  }
  if (const auto* ev = std::get_if<PhysicalEvidence>(&result.verdict.evidence))
    return PhysicalMessage(model, result, *ev);
  return "";
}

std::string PlainText(const Model& model, const ClaimResult& result) {
  const Verdict& v = result.verdict;
  switch (v.kind) {
    case Verdict::Kind::kHolds: {
      std::string out = v.reason.empty() ? "" : "  " + v.reason + "\n";
      if (v.vacuous) out += VacuousNote(model, *result.claim);
      return out;
    }
    case Verdict::Kind::kFails:
      return v.reason.empty() ? "" : "  " + v.reason + "\n";
    case Verdict::Kind::kUnknown:
      return "  reason: " + v.reason + "\n";
  }
  return "";
}

std::string VacuousNote(const Model& model, const Claim& claim) {
  return fmt::format(
      "  note: {} holds for every policy, so this says nothing about the "
      "loss\n",
      model.goals[claim.goal].name);
}

std::string PolicyTable(const Model& model, const Claim& claim,
                        const Data& data, const Policy& pi,
                        const std::vector<std::vector<uint32_t>>* ties,
                        const std::vector<int8_t>& breaks) {
  const Loss& loss = model.losses[claim.loss];
  const Domain& in = model.domains[loss.input];
  const Domain& out_d = model.domains[loss.output];
  const size_t m = out_d.size();
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"input", "weight", "pi(input)", loss.Word(), ""});
  for (size_t x = 0; x < in.size(); ++x) {
    std::string note;
    if (GoalBreaks(breaks, x)) note = kBreaksHere;
    if (ties != nullptr && (*ties)[x].size() > 1) {
      std::vector<std::string> names;
      for (uint32_t y : (*ties)[x]) names.push_back(out_d.values[y]);
      note +=
          std::string(note.empty() ? "" : "; ") + "tied: " + JoinNames(names);
    }
    rows.push_back({in.values[x], FormatRational(data.weights[x] / data.total),
                    out_d.values[pi[x]], FormatRational(loss.At(x, pi[x], m)),
                    note});
  }
  return Columns(rows, "    ");
}

Json PolicyJson(const Model& model, const Claim& claim, const Policy& pi) {
  const Loss& loss = model.losses[claim.loss];
  Json policy = Json::object();
  for (size_t x = 0; x < pi.size(); ++x) {
    policy[model.domains[loss.input].values[x]] =
        model.domains[loss.output].values[pi[x]];
  }
  return policy;
}

std::string JoinNames(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

}  // namespace aligncheck
