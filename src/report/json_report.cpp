// JSON rendering with nlohmann::ordered_json so key order is stable.
#include "report/json_report.h"

#include <nlohmann/json.hpp>

#include "parse/claim_words.h"
#include "report/claim_summary.h"
#include "report/evidence_report.h"
#include "report/gate_report.h"
#include "report/trained_report.h"

namespace aligncheck {
namespace {

using Json = nlohmann::ordered_json;

Json DiagnosticJson(const Diagnostic& d) {
  Json j;
  j["file"] = d.file ? Json(d.file->name()) : Json(nullptr);
  if (d.file) {
    LineCol begin = d.file->Locate(d.span.begin);
    LineCol end = d.file->Locate(std::max(d.span.end, d.span.begin));
    j["line"] = begin.line;
    j["column"] = begin.col;
    j["end_line"] = end.line;
    j["end_column"] = end.col;
  }
  j["severity"] = SeverityName(d.severity);
  j["id"] = d.id;
  j["message"] = d.message;
  j["notes"] = d.notes;
  j["help"] = d.help;
  Json fixits = Json::array();
  for (const FixIt& f : d.fixits) {
    Json fj;
    fj["description"] = f.description;
    fj["replacement"] = f.replacement;
    fj["needs"] = f.needs;
    if (d.file) {
      LineCol b = d.file->Locate(f.span.begin);
      LineCol e = d.file->Locate(f.span.end);
      fj["line"] = b.line;
      fj["column"] = b.col;
      fj["end_line"] = e.line;
      fj["end_column"] = e.col;
    }
    fixits.push_back(std::move(fj));
  }
  j["fixits"] = std::move(fixits);
  return j;
}

Json ClaimJson(const Model& model, const ClaimResult& r) {
  const Claim& c = *r.claim;
  const Verdict& v = r.verdict;
  LineCol at = model.file->Locate(c.name_span.begin);
  Json j;
  j["file"] = model.file->name();
  j["line"] = at.line;
  j["column"] = at.col;
  j["name"] = c.name;
  j["claim"] = c.text;
  j["operationalization"] = ReadingName(c.reading);
  if (c.reading == Claim::Reading::kIdealized) {
    j["data"] = model.data[c.data].name;
    j["within"] = FormatRational(c.has_within ? c.within : Rational(0));
  }
  if (c.reading == Claim::Reading::kMdpIdealized) {
    j["mdp_name"] = model.mdps[c.mdp].name;
    j["within"] = FormatRational(c.has_within ? c.within : Rational(0));
  }
  j["verdict"] = VerdictName(v.kind);
  j["expected"] = c.expect == Claim::Expect::kNone ? Json(nullptr)
                                                  : Json(ExpectName(c.expect));
  j["as_expected"] = r.AsExpected();
  // The SARIF ruleId of this verdict; null for a verdict that needs none.
  std::string id = ClaimRuleId(r);
  j["id"] = id.empty() ? Json(nullptr) : Json(id);
  j["method"] = v.method;
  j["reason"] = v.reason;
  j["minimizers"] = nullptr;  // filled in by idealized evidence
  j["minimizers_is_lower_bound"] = false;
  j["vacuous"] = v.vacuous;
  AddEvidenceJson(model, r, j);
  if (!v.dumped_queries.empty()) j["smt2"] = v.dumped_queries;
  AddEvidenceDetailsJson(model, r, j);
  AddCitationsJson(model, c, j);
  return j;
}

Json BlockedJson(const std::vector<FileResult>& results) {
  Json out = Json::array();
  for (const FileResult& f : results) {
    for (const BlockedClaim& b : f.blocked) {
      LineCol at = f.file->Locate(b.span.begin);
      Json j;
      j["file"] = f.file->name();
      j["line"] = at.line;
      j["column"] = at.col;
      j["name"] = b.name;
      j["blocked_by"] = b.rule;
      j["suppressed"] = b.suppressed;
      out.push_back(std::move(j));
    }
  }
  return out;
}

}  // namespace

std::string RenderLintJson(const std::vector<FileResult>& results) {
  Json root;
  root["version"] = ALIGNCHECK_VERSION;
  Json diagnostics = Json::array();
  for (const FileResult& f : results) {
    for (const Diagnostic& d : f.diagnostics) diagnostics.push_back(DiagnosticJson(d));
  }
  CheckSummary s = Summarize(results);
  root["diagnostics"] = std::move(diagnostics);
  Json summary;
  summary["files"] = s.files;
  summary["errors"] = s.unclear + s.errors;
  summary["warnings"] = s.warnings;
  summary["notes"] = s.notes;
  root["summary"] = std::move(summary);
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string RenderCheckJson(const std::vector<FileResult>& results) {
  Json root;
  root["version"] = ALIGNCHECK_VERSION;
  Json claims = Json::array();
  Json diagnostics = Json::array();
  for (const FileResult& f : results) {
    for (const Diagnostic& d : f.diagnostics) diagnostics.push_back(DiagnosticJson(d));
    if (!f.model) continue;
    for (const ClaimResult& r : f.claims) claims.push_back(ClaimJson(*f.model, r));
  }
  CheckSummary s = Summarize(results);
  root["claims"] = std::move(claims);
  root["not_checked"] = BlockedJson(results);
  root["diagnostics"] = std::move(diagnostics);
  Json summary;
  summary["files"] = s.files;
  summary["claims"] = s.claims;
  summary["holds"] = s.holds;
  summary["fails"] = s.fails;
  summary["unknown"] = s.unknown;
  summary["findings"] = Findings(s);
  summary["errors"] = s.errors;
  summary["warnings"] = s.warnings;
  root["summary"] = std::move(summary);
  // Invalid UTF-8 from input is replaced rather than thrown on.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string RenderGateJson(const GateResult& result) {
  Json root;
  root["version"] = ALIGNCHECK_VERSION;
  Json documents = Json::array();
  for (const GateDocument& doc : result.documents) {
    Json j;
    j["file"] = result.files[doc.index].path;
    j["syntax"] = doc.syntax;
    j["blocks"] = doc.blocks;
    Json attached = Json::array();
    for (size_t i : doc.attached) attached.push_back(result.files[i].path);
    j["attached"] = std::move(attached);
    documents.push_back(std::move(j));
  }
  Json claims = Json::array();
  Json diagnostics = Json::array();
  for (const FileResult& f : result.files) {
    for (const Diagnostic& d : f.diagnostics) {
      Json dj = DiagnosticJson(d);
      dj["prose"] = IsProseFinding(d);
      diagnostics.push_back(std::move(dj));
    }
    if (!f.model) continue;
    for (const ClaimResult& r : f.claims)
      claims.push_back(ClaimJson(*f.model, r));
  }
  GateSummary s = SummarizeGate(result);
  root["documents"] = std::move(documents);
  root["claims"] = std::move(claims);
  root["not_checked"] = BlockedJson(result.files);
  root["diagnostics"] = std::move(diagnostics);
  Json summary;
  summary["documents"] = s.documents;
  summary["attached_specs"] = s.specs;
  summary["claims"] = s.check.claims;
  summary["holds"] = s.check.holds;
  summary["fails"] = s.check.fails;
  summary["unknown"] = s.check.unknown;
  summary["not_as_expected"] = s.check.unexpected;
  summary["not_checked"] = s.check.not_checked;
  summary["findings"] = Findings(s.check);
  summary["errors"] = s.check.errors;
  summary["warnings"] = s.check.warnings;
  summary["notes"] = s.check.notes;
  summary["prose"] = Json{{"errors", s.prose_errors},
                          {"warnings", s.prose_warnings},
                          {"notes", s.prose_notes}};
  root["summary"] = std::move(summary);
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace aligncheck
