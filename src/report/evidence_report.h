// What a verdict's evidence adds to the reports, dispatched on the kind of
// evidence: each alternative of Evidence has one renderer file
// (idealized_report, physical_report, trained_report, story_report,
// mdp_report) with
// its text block, its JSON keys and, where it has one, its one-line
// message. A new reading adds its renderer there and a row to each visitor
// in evidence_report.cpp.
#ifndef ALIGNCHECK_REPORT_EVIDENCE_REPORT_H_
#define ALIGNCHECK_REPORT_EVIDENCE_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "driver/check_result.h"
#include "report/text_report.h"

namespace aligncheck {

/// Returns the lines of a verdict block between the claim and the closing
/// lines (queries, expectation), every line indented by two spaces.
std::string RenderEvidenceText(const Model& model, const ClaimResult& result,
                               const TextOptions& options);

/// Adds the evidence's keys that come before "smt2" in a claim's JSON.
/// Every claim object already has "minimizers" (null) and
/// "minimizers_is_lower_bound" (false); idealized evidence fills them in.
void AddEvidenceJson(const Model& model, const ClaimResult& result,
                     nlohmann::ordered_json& j);

/// Adds the evidence's keys that come after "smt2".
void AddEvidenceDetailsJson(const Model& model, const ClaimResult& result,
                            nlohmann::ordered_json& j);

/// Returns what the evidence says after "claim 'c' FAILS" in a one-line
/// message, starting with ": ", or "" when the reason says it.
std::string EvidenceMessage(const Model& model, const ClaimResult& result);

// Pieces the renderers share.

/// Returns the block of a verdict whose evidence adds nothing: the reason
/// (for UNKNOWN, "reason: ..."), and for a vacuous HOLDS the note.
std::string PlainText(const Model& model, const ClaimResult& result);

/// Returns the note that the claim's goal holds for every policy.
std::string VacuousNote(const Model& model, const Claim& claim);

/// One row per input: the output (or the tied outputs, from `ties`), loss,
/// weight, and where the goal breaks.
std::string PolicyTable(const Model& model, const Claim& claim,
                        const Data& data, const Policy& pi,
                        const std::vector<std::vector<uint32_t>>* ties,
                        const std::vector<int8_t>& breaks);

/// Returns `pi` as {input: output} over the claim's loss's domains.
nlohmann::ordered_json PolicyJson(const Model& model, const Claim& claim,
                                  const Policy& pi);

/// Returns `items` joined with ", ".
std::string JoinNames(const std::vector<std::string>& items);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_EVIDENCE_REPORT_H_
