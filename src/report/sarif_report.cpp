// SARIF rendering with nlohmann::ordered_json, keys in a fixed order.
#include "report/sarif_report.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "lint/rule_catalog.h"
#include "report/claim_summary.h"
#include "util/source_bytes.h"

namespace aligncheck {
namespace {

using Json = nlohmann::ordered_json;

// SARIF's levels "note", "warning" and "error" are the severity names.
const char* Level(Severity severity) { return SeverityName(severity); }

Json Text(const std::string& text) { return Json{{"text", text}}; }

// Column of byte `offset` in UTF-16 code units, 1-based.
uint32_t Utf16Column(const SourceFile& file, uint32_t offset) {
  LineCol at = LocateBytes(file, offset);
  std::string_view line = file.Line(at.line);
  size_t bytes = std::min<size_t>(at.col - 1, line.size());
  uint32_t units = 0;
  for (size_t i = 0; i < bytes; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xc0) == 0x80) continue;  // continuation byte
    units += c >= 0xf0 ? 2 : 1;
  }
  // Past the end of the line (an end at a line break): count the rest.
  return units + 1 + static_cast<uint32_t>(at.col - 1 - bytes);
}

std::string Uri(const std::string& path) {
  std::string p = path;
  while (p.rfind("./", 0) == 0) p = p.substr(2);
  std::string out;
  for (unsigned char c : p) {
    if (std::isalnum(c) ||
        std::string_view("/-._~").find(c) != std::string::npos) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return !p.empty() && p[0] == '/' ? "file://" + out : out;
}

Json ArtifactLocation(const std::string& path) {
  Json j;
  j["uri"] = Uri(path);
  if (path.empty() || path[0] != '/') j["uriBaseId"] = "%SRCROOT%";
  return j;
}

Json Region(const SourceFile& file, Span span) {
  uint32_t end = std::max(span.end, span.begin);
  LineCol b = file.Locate(span.begin);
  LineCol e = file.Locate(end);
  Json r;
  r["startLine"] = b.line;
  r["startColumn"] = Utf16Column(file, span.begin);
  r["endLine"] = e.line;
  uint32_t end_col = Utf16Column(file, end);
  if (e.line == b.line && end_col <= r["startColumn"].get<uint32_t>()) {
    end_col = r["startColumn"].get<uint32_t>() + 1;  // never an empty region
  }
  r["endColumn"] = end_col;
  return r;
}

Json Location(const SourceFile& file, Span span) {
  Json physical;
  physical["artifactLocation"] = ArtifactLocation(file.name());
  physical["region"] = Region(file, span);
  return Json{{"physicalLocation", std::move(physical)}};
}

std::string MessageText(const Diagnostic& d) {
  std::string text = d.message;
  for (const std::string& n : d.notes) text += "\nnote: " + n;
  for (const std::string& h : d.help) text += "\nhelp: " + h;
  return text;
}

struct RuleTable {
  Json rules = Json::array();
  std::map<std::string, size_t> index;

  void Add(const std::string& id, const std::string& name,
           const std::string& short_text, const std::string& full_text,
           const std::string& help, Severity level) {
    if (index.count(id)) return;
    index[id] = rules.size();
    Json r;
    r["id"] = id;
    r["name"] = name;
    r["shortDescription"] = Text(short_text);
    r["fullDescription"] = Text(full_text);
    r["help"] = Text(help);
    r["defaultConfiguration"] = Json{{"level", Level(level)}};
    rules.push_back(std::move(r));
  }
};

// GitHub shows `name` as the rule's title: PascalCase from kebab-case.
std::string PascalCase(const std::string& kebab) {
  std::string out;
  bool upper = true;
  for (char c : kebab) {
    if (c == '-') {
      upper = true;
    } else {
      out += upper ? static_cast<char>(std::toupper(c)) : c;
      upper = false;
    }
  }
  return out;
}

}  // namespace

std::string RenderSarif(const std::vector<FileResult>& results) {
  RuleTable table;
  for (const Rule& rule : AllRules()) {
    std::string help =
        fmt::format("{}\n\nbad:\n{}\n\ngood:\n{}\n\n(aligncheck explain {})",
                    rule.why, rule.bad, rule.good, rule.id);
    table.Add(rule.id, PascalCase(rule.name), rule.summary, rule.why, help,
              rule.severity);
  }
  table.Add("claim-fails", "ClaimFails", "a claim whose verdict is FAILS",
            "The checker found evidence against the claim: for an idealized "
            "claim, a (near-)minimizer of the loss that violates the goal.",
            "Read the counterexample with `aligncheck check`; if the failure "
            "is the point of the spec, say `expect fails`.",
            Severity::kError);
  table.Add(
      "claim-unknown", "ClaimUnknown", "a claim the checker could not decide",
      "The solver hit its resource limit or the claim needs an engine "
      "this version does not have.",
      "Raise --rlimit or --timeout, or simplify the goal.", Severity::kWarning);
  table.Add("claim-unexpected", "ClaimUnexpected",
            "a claim whose verdict differs from its `expect`",
            "The spec states the verdict it expects, and the checker reached "
            "another one.",
            "Fix the spec or its `expect`.", Severity::kError);

  Json sarif_results = Json::array();
  Json notifications = Json::array();
  auto add_rule_for = [&](const Diagnostic& d) {
    if (!table.index.count(d.id)) {
      table.Add(d.id, d.id, "invalid input",
                "The spec could not be read, parsed or resolved.",
                "Fix the input at the reported location.", Severity::kError);
    }
  };
  for (const FileResult& f : results) {
    for (const Diagnostic& d : f.diagnostics) {
      if (!d.file) {
        Json n;
        n["level"] = Level(d.severity);
        n["message"] =
            Text(d.id.empty() ? MessageText(d) : d.id + ": " + MessageText(d));
        notifications.push_back(std::move(n));
        continue;
      }
      std::string id = d.id.empty() ? "E000" : d.id;
      Diagnostic copy = d;
      copy.id = id;
      add_rule_for(copy);
      Json r;
      r["ruleId"] = id;
      r["ruleIndex"] = table.index[id];
      r["level"] = Level(d.severity);
      r["message"] = Text(MessageText(d));
      r["locations"] = Json::array({Location(*d.file, d.span)});
      if (!d.fixits.empty()) {
        Json fixes = Json::array();
        for (const FixIt& fix : d.fixits) {
          Json replacement;
          replacement["deletedRegion"] = Region(*d.file, fix.span);
          if (fix.span.end == fix.span.begin) {
            // An insertion: a zero-length region at the point.
            LineCol at = d.file->Locate(fix.span.begin);
            replacement["deletedRegion"]["endLine"] = at.line;
            replacement["deletedRegion"]["endColumn"] =
                replacement["deletedRegion"]["startColumn"];
          }
          replacement["insertedContent"] = Text(fix.replacement);
          Json change;
          change["artifactLocation"] = ArtifactLocation(d.file->name());
          change["replacements"] = Json::array({std::move(replacement)});
          Json fj;
          fj["description"] = Text(fix.description);
          fj["artifactChanges"] = Json::array({std::move(change)});
          fixes.push_back(std::move(fj));
        }
        r["fixes"] = std::move(fixes);
      }
      sarif_results.push_back(std::move(r));
    }
    if (!f.model) continue;
    for (const ClaimResult& c : f.claims) {
      std::string id = ClaimRuleId(c);
      if (id.empty()) continue;
      Json r;
      r["ruleId"] = id;
      r["ruleIndex"] = table.index[id];
      r["level"] = Level(ClaimSeverity(c));
      r["message"] = Text(ClaimMessage(*f.model, c));
      r["locations"] =
          Json::array({Location(*f.model->file, c.claim->name_span)});
      sarif_results.push_back(std::move(r));
    }
  }

  Json driver;
  driver["name"] = "aligncheck";
  driver["version"] = ALIGNCHECK_VERSION;
  driver["semanticVersion"] = ALIGNCHECK_VERSION;
  driver["rules"] = std::move(table.rules);
  Json invocation;
  invocation["executionSuccessful"] = true;
  if (!notifications.empty()) {
    invocation["toolExecutionNotifications"] = std::move(notifications);
  }
  Json run;
  run["tool"] = Json{{"driver", std::move(driver)}};
  run["invocations"] = Json::array({std::move(invocation)});
  run["columnKind"] = "utf16CodeUnits";
  run["results"] = std::move(sarif_results);
  Json root;
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  root["runs"] = Json::array({std::move(run)});
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace aligncheck
