// Workflow commands, escaped as the GitHub Actions toolkit does
// (toCommandValue / escapeData / escapeProperty).
#include "report/github_report.h"

#include <fmt/format.h>

#include "report/claim_summary.h"
#include "util/escape.h"

namespace aligncheck {
namespace {

const char* Command(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "notice";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::string Annotation(Severity severity, const SourceFile* file, Span span,
                       const std::string& title, const std::string& message) {
  std::string props;
  if (file) {
    LineCol b = file->Locate(span.begin);
    LineCol e = file->Locate(std::max(span.end, span.begin));
    props =
        fmt::format("file={},line={},col={},endLine={}",
                    EscapeGithubProperty(file->name()), b.line, b.col, e.line);
    if (e.line == b.line) props += fmt::format(",endColumn={}", e.col);
    props += ",";
  }
  props += "title=" + EscapeGithubProperty(title);
  return fmt::format("::{} {}::{}\n", Command(severity), props,
                     EscapeGithubData(message));
}

}  // namespace

std::string EscapeGithubData(const std::string& text) {
  // Control characters from the input, CR included, are shown as \xNN (the
  // runner would pass them to the log verbatim); the line breaks of
  // multi-line messages are the toolkit's %0A.
  std::string out;
  for (char c : EscapeControls(text, /*keep_newlines=*/true)) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string EscapeGithubProperty(const std::string& text) {
  std::string out;
  for (char c : EscapeGithubData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string RenderGithub(const std::vector<FileResult>& results) {
  std::string out;
  for (const FileResult& f : results) {
    for (const Diagnostic& d : f.diagnostics) {
      std::string message = d.message;
      for (const std::string& n : d.notes) message += "\nnote: " + n;
      for (const std::string& h : d.help) message += "\nhelp: " + h;
      for (const FixIt& fix : d.fixits) {
        message += "\nfix: " + fix.description + ": `" + fix.replacement + "`";
      }
      std::string title = d.id.empty() ? "aligncheck" : "aligncheck " + d.id;
      out += Annotation(d.severity, d.file.get(), d.span, title, message);
    }
    if (!f.model) continue;
    for (const ClaimResult& c : f.claims) {
      std::string id = ClaimRuleId(c);
      if (id.empty()) continue;
      out +=
          Annotation(ClaimSeverity(c), f.model->file.get(), c.claim->name_span,
                     "aligncheck " + id, ClaimMessage(*f.model, c));
    }
  }
  return out;
}

}  // namespace aligncheck
