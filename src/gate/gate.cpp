// The per-document gate pipeline.
#include "gate/gate.h"
#include "parse/claim_words.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "analysis/csv.h"
#include "driver/spec_files.h"
#include "gate/paragraph.h"
#include "lint/rule_catalog.h"
#include "prose/prose.h"

namespace aligncheck::gate {
namespace {

namespace fs = std::filesystem;

void AddClaimNames(const FileResult& r, std::vector<std::string>& names) {
  if (r.model) {
    for (const Claim& c : r.model->claims) names.push_back(c.name);
  }
  for (const BlockedClaim& b : r.blocked) names.push_back(b.name);
}

void AddRelations(const Model& model, std::vector<std::string>& relations) {
  for (const Claim& c : model.claims) {
    if (c.reading == Claim::Reading::kRelation) {
      relations.push_back(RelationName(c.relation));
    }
  }
}

// The blocks as one spec, checked through the usual pipeline on the spec
// view, then pointed at the host.
void CheckBlocks(const std::shared_ptr<const SourceFile>& host,
                 const std::vector<Block>& blocks, const GateOptions& options,
                 FileResult& result, std::vector<std::string>& names) {
  auto view = std::make_shared<SourceFile>(host->name(),
                                           SpecView(host->text(), blocks));
  DiagnosticSink sink;
  // --max-line-length is about the blocks' lines; the prose around them is
  // blank in the view, however long its lines.
  ParseLimits limits = options.check.parse;
  limits.max_line_bytes = SIZE_MAX;
  for (const Block& block : blocks) {
    for (Span line : block.lines) {
      CheckLineLength(view, line, sink, options.check.parse.max_line_bytes);
    }
  }
  FileResult analyzed;
  AnalyzeSource(view, limits, options.check, sink, analyzed, &names);
  result.model = std::move(analyzed.model);
  result.blocked = std::move(analyzed.blocked);
  result.bad_input = analyzed.bad_input;
  for (Diagnostic& d : analyzed.diagnostics) {
    if (d.file == view) d.file = host;
    result.diagnostics.push_back(std::move(d));
  }
  if (!result.model) return;
  result.model->file = host;
  CheckClaims(*result.model, SelectClaims(result, options.check),
              options.check);
}

// Attached specs: read relative to the document, confined to its tree.
void CheckAttachments(const std::shared_ptr<const SourceFile>& host,
                      const std::vector<Attachment>& attachments,
                      const GateOptions& options, DocumentResult& result,
                      std::vector<std::string>& names) {
  for (const Attachment& a : attachments) {
    std::string path = CsvPathFor(host->name(), a.path);
    std::string reason;
    Diagnostic d;
    d.file = host;
    d.span = a.span;
    if (!options.check.analysis.allow_outside &&
        !InsideSpecTree(host->name(), a.path, path, reason)) {
      d.id = "E020";
      d.message = fmt::format("refusing to read '{}': {}", a.path, reason);
      d.help.push_back(
          "move the spec next to the document, or pass --allow-outside");
      result.document.diagnostics.push_back(std::move(d));
      continue;
    }
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      d.id = "E010";
      d.message =
          fs::exists(path, ec)
              ? fmt::format("attached spec '{}' is not a file", a.path)
              : fmt::format("attached spec '{}' does not exist", a.path);
      result.document.diagnostics.push_back(std::move(d));
      continue;
    }
    FileResult spec = CheckFile(path, options.check);
    AddClaimNames(spec, names);
    result.attached.push_back(std::move(spec));
  }
}

// AC104 over every paragraph that names a checked claim. The reader keeps
// only paragraphs the AC101-AC103 prefilter accepts, so a document with
// claims is read a second time, keeping all of them.
void CheckCitations(const std::shared_ptr<const SourceFile>& host,
                    Syntax syntax,
                    const std::vector<prose::ClaimVerdict>& claims,
                    std::vector<Diagnostic>& found) {
  if (claims.empty()) return;
  ReadResult all = ReadDocument(host, syntax, /*all_paragraphs=*/true);
  for (const RawParagraph& raw : all.paragraphs) {
    bool names_one = false;
    for (const Piece& piece : raw.pieces) {
      std::string_view bytes(host->text().data() + piece.span.begin,
                             piece.span.end - piece.span.begin);
      names_one = names_one || prose::MayCite(bytes, claims);
    }
    if (!names_one) continue;
    prose::Paragraph paragraph = BuildParagraph(*host, raw, syntax);
    for (Diagnostic& d : prose::CheckCitations(host, paragraph, claims)) {
      found.push_back(std::move(d));
    }
  }
}

}  // namespace

Syntax SyntaxFor(const std::string& path) {
  return fs::path(path).extension() == ".tex" ? Syntax::kLatex
                                              : Syntax::kMarkdown;
}

std::vector<Diagnostic> ApplyPolicy(std::vector<Diagnostic> findings,
                                    const LintConfig& config,
                                    std::vector<Suppression>& suppressions) {
  std::vector<Diagnostic> kept;
  for (Diagnostic& d : findings) {
    if (!ApplyRuleSetting(config, d)) continue;
    if (IsFinding(d) && FindRule(d.id) && Suppressed(d, suppressions)) continue;
    kept.push_back(std::move(d));
  }
  return kept;
}

DocumentResult CheckDocument(const std::string& path, Syntax syntax,
                            const GateOptions& options) {
  DocumentResult result;
  result.syntax = syntax;
  FileResult& doc = result.document;
  doc.path = path;
  DiagnosticSink read_errors;
  doc.file = ReadSpecFile(path, options.check.max_file_bytes, read_errors);
  if (doc.file && doc.file->text().size() >= UINT32_MAX) {
    // Offsets are 32-bit, whatever --max-file-size allows.
    read_errors.Error(doc.file, Span{}, "E011", "file larger than 4 GiB");
    doc.file = nullptr;
  }
  if (!doc.file) {
    doc.diagnostics = read_errors.Sorted();
    doc.bad_input = true;
    return result;
  }
  return GateHost(doc.file, syntax, options);
}

DocumentResult GateHost(const std::shared_ptr<const SourceFile>& host,
                        Syntax syntax, const GateOptions& options) {
  DocumentResult result;
  result.syntax = syntax;
  FileResult& doc = result.document;
  doc.path = host->name();
  doc.file = host;
  std::vector<Diagnostic> found;
  ReadResult read = ReadDocument(host, syntax);
  result.blocks = read.blocks.size();
  std::vector<std::string> names;
  if (!read.blocks.empty()) CheckBlocks(host, read.blocks, options, doc, names);
  CheckAttachments(host, read.attachments, options, result, names);

  prose::DocumentContext context;
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  context.claim_names = std::move(names);
  context.parse_sentences = options.parse_sentences;
  // AC105: the relations the document's claims state.
  for (const FileResult* f : {&result.document}) {
    if (f->model) AddRelations(*f->model, context.relation_claims);
  }
  for (const FileResult& f : result.attached) {
    if (f.model) AddRelations(*f.model, context.relation_claims);
  }
  for (const RawParagraph& raw : read.paragraphs) {
    prose::Paragraph paragraph = BuildParagraph(*host, raw, syntax);
    for (Diagnostic& d : prose::CheckParagraph(host, paragraph, context)) {
      found.push_back(std::move(d));
    }
  }
  CheckCitations(host, syntax, CheckedClaims(result), found);
  for (Diagnostic& d : read.diagnostics) found.push_back(std::move(d));
  const LintConfig& config = *options.check.config;
  std::vector<Diagnostic> kept =
      ApplyPolicy(std::move(found), config, read.suppressions);
  for (Diagnostic& d : ApplyPolicy(UnusedSuppressions(host, read.suppressions),
                                   config, read.suppressions)) {
    kept.push_back(std::move(d));
  }
  DiagnosticSink sink;
  for (Diagnostic& d : doc.diagnostics) sink.Add(std::move(d));
  for (Diagnostic& d : kept) sink.Add(std::move(d));
  doc.diagnostics = sink.Sorted();
  for (const Diagnostic& d : doc.diagnostics) {
    if (d.severity == Severity::kError && !IsFinding(d)) doc.bad_input = true;
  }
  return result;
}

}  // namespace aligncheck::gate
