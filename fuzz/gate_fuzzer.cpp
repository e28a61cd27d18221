// libFuzzer target: the write-up gate. Every input is read as Markdown and
// as LaTeX; every paragraph is built and its offset contract checked, and
// the spec view of its blocks is built. Inputs up to 64 KiB then go through
// the whole gate as `aligncheck gate` runs it (blocks parsed, linted and
// checked with small limits, the prose rules, suppressions) and every
// output format. Attached specs resolve into a directory that does not
// exist. Any crash, hang, sanitizer report or broken invariant is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "gate/document.h"
#include "gate/gate.h"
#include "gate/paragraph.h"
#include "lint/config.h"
#include "report/gate_report.h"
#include "report/github_report.h"
#include "report/json_report.h"
#include "report/sarif_report.h"
#include "report/text_report.h"

namespace {

using namespace aligncheck;        // NOLINT
using namespace aligncheck::gate;  // NOLINT

void Require(bool ok) {
  if (!ok) std::abort();
}

void ReadAs(const std::shared_ptr<const SourceFile>& host, Syntax syntax) {
  ReadResult read = ReadDocument(host, syntax, true);
  const std::string& text = host->text();
  for (const RawParagraph& raw : read.paragraphs) {
    prose::Paragraph p = BuildParagraph(*host, raw, syntax);
    Require(p.offsets.size() == p.text.size());
    for (size_t i = 0; i < p.offsets.size(); ++i) {
      Require(p.offsets[i] < text.size());
      Require(i == 0 || p.offsets[i - 1] < p.offsets[i]);
    }
    for (const prose::CodeSpan& c : p.code) {
      Require(c.at < p.text.size() && p.text[c.at] == prose::kOpaque);
    }
  }
  for (const Block& b : read.blocks) {
    for (const Span& s : b.lines)
      Require(s.begin <= s.end && s.end <= text.size());
  }
  for (const Diagnostic& d : read.diagnostics) {
    Require(d.span.begin <= d.span.end && d.span.end <= text.size());
    RenderDiagnosticText(d);
  }
  std::string view = SpecView(text, read.blocks);
  Require(view.size() <= text.size());
  for (size_t i = 0; i < view.size(); ++i) {
    Require(view[i] == ' ' || view[i] == text[i]);
    Require(text[i] != '\n' || view[i] == '\n');
  }
}

// The whole gate over `host`, and every format's rendering of its result.
void Gate(const std::shared_ptr<const SourceFile>& host, Syntax syntax) {
  static const LintConfig config = DefaultConfig();
  GateOptions options;
  options.check.config = &config;
  options.check.parse.max_nesting_depth = 64;
  options.check.parse.max_list_items = 256;
  options.check.parse.max_line_bytes = 4096;
  options.check.analysis.max_domain_size = 64;
  options.check.analysis.max_table_entries = 4096;
  options.check.engine.rlimit = 200'000;
  options.check.engine.timeout_ms = 2'000;
  options.check.engine.count_cap = 1'000;
  options.check.engine.max_training_work = 200'000;
  options.check.engine.max_memory_mb = 1'024;
  options.check.max_claims = 16;
  DocumentResult doc = GateHost(host, syntax, options);
  // Everything about the document points into the host itself, never into
  // the spec view (which has the host's name).
  for (const Diagnostic& d : doc.document.diagnostics) {
    Require(d.file != nullptr);
    Require(d.file == host || d.file->name() != host->name());
    Require(d.span.begin <= d.span.end && d.span.end <= d.file->text().size());
  }
  if (doc.document.model) Require(doc.document.model->file == host);
  GateResult gate;
  aligncheck::GateDocument entry;
  entry.syntax = syntax == Syntax::kLatex ? "latex" : "markdown";
  entry.blocks = doc.blocks;
  gate.files.push_back(std::move(doc.document));
  for (FileResult& spec : doc.attached) {
    entry.attached.push_back(gate.files.size());
    gate.files.push_back(std::move(spec));
  }
  gate.documents.push_back(std::move(entry));
  for (const FileResult& r : gate.files) {
    for (const Diagnostic& d : r.diagnostics) RenderDiagnosticText(d);
    if (!r.model) continue;
    for (const ClaimResult& c : r.claims) {
      RenderClaimText(*r.model, c, TextOptions{});
    }
    if (!r.blocked.empty()) RenderBlockedText(r);
  }
  RenderGateSummaryText(SummarizeGate(gate));
  RenderGateJson(gate);
  RenderSarif(gate.files);
  RenderGithub(gate.files);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 256 * 1024) return 0;
  auto host = std::make_shared<SourceFile>(
      "/nonexistent-aligncheck-fuzz/fuzz.md",
      std::string(reinterpret_cast<const char*>(data), size));
  ReadAs(host, Syntax::kMarkdown);
  ReadAs(host, Syntax::kLatex);
  if (size > 64 * 1024) return 0;
  Gate(host, Syntax::kMarkdown);
  Gate(host, Syntax::kLatex);
  return 0;
}
