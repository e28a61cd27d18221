// `aligncheck gate`: expands paths, runs the gate over every document in
// parallel, renders every requested format, picks the exit code.
#include "cli/gate_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "cli/cli.h"
#include "gate/gate.h"
#include "lint/config.h"
#include "prose/parser.h"
#include "report/gate_report.h"
#include "report/github_report.h"
#include "report/sarif_report.h"
#include "report/strict_report.h"

namespace aligncheck {
namespace {

namespace fs = std::filesystem;

bool IsDocumentExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".md" || ext == ".markdown" || ext == ".tex";
}

bool Excluded(const std::vector<std::string>& excludes,
              const std::string& path) {
  for (const std::string& glob : excludes) {
    if (MatchGlob(glob, path)) return true;
  }
  return false;
}

void RenderGateFormat(const std::string& format, const GateResult& gate,
                      const TextOptions& text, const RenderTarget& target) {
  std::ostream& out = *target.out;
  if (format == "json") {
    out << RenderGateJson(gate);
    return;
  }
  if (format == "sarif") {
    out << RenderSarif(gate.files);
    return;
  }
  if (format == "github") {
    out << RenderGithub(gate.files);
    return;
  }
  // Text: everything on one stream, in document order.
  TextStyle style{target.color};
  for (const FileResult& r : gate.files) {
    for (const Diagnostic& d : r.diagnostics) {
      out << RenderDiagnosticText(d, style);
    }
    if (!r.model) continue;
    for (const ClaimResult& c : r.claims) {
      out << RenderClaimText(*r.model, c, text);
    }
    if (!r.blocked.empty()) out << RenderBlockedText(r);
  }
  out << RenderGateSummaryText(SummarizeGate(gate));
}

}  // namespace

bool MatchGlob(const std::string& glob, const std::string& path) {
  // Iterative matching with one backtrack point per star kind: `*` may
  // not cross '/', `**` may.
  size_t g = 0, p = 0;
  size_t star_g = std::string::npos, star_p = 0;    // last `*`
  size_t dstar_g = std::string::npos, dstar_p = 0;  // last `**`
  bool dstar_dirs = false;  // `**/`: matches whole directories only
  while (p < path.size()) {
    if (g + 1 < glob.size() && glob[g] == '*' && glob[g + 1] == '*') {
      g += 2;
      dstar_dirs = g < glob.size() && glob[g] == '/';
      if (dstar_dirs) ++g;  // `**/` also matches no directory
      dstar_g = g;
      dstar_p = p;
      star_g = std::string::npos;
      continue;
    }
    if (g < glob.size() && glob[g] == '*') {
      star_g = ++g;
      star_p = p;
      continue;
    }
    if (g < glob.size() &&
        ((glob[g] == '?' && path[p] != '/') || glob[g] == path[p])) {
      ++g;
      ++p;
      continue;
    }
    if (star_g != std::string::npos && path[star_p] != '/') {
      g = star_g;
      p = ++star_p;
      continue;
    }
    if (dstar_g != std::string::npos) {
      if (dstar_dirs) {
        size_t slash = path.find('/', dstar_p);
        if (slash == std::string::npos) return false;
        dstar_p = slash + 1;
      } else {
        ++dstar_p;
      }
      g = dstar_g;
      p = dstar_p;
      star_g = std::string::npos;
      continue;
    }
    return false;
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

std::vector<std::string> ExpandDocumentPaths(
    const std::vector<std::string>& paths,
    const std::vector<std::string>& excludes, std::vector<Diagnostic>& errors) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto error = [&](const std::string& path, std::string message) {
    Diagnostic d;
    d.file = std::make_shared<SourceFile>(path, "");
    d.id = "E010";
    d.message = std::move(message);
    errors.push_back(std::move(d));
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      if (fs::path(path).extension() == ".align" && !Excluded(excludes, path)) {
        Diagnostic d;
        d.file = std::make_shared<SourceFile>(path, "");
        d.id = "E036";
        d.message =
            "this is a spec file, not a write-up: gate reads Markdown and "
            "LaTeX documents";
        d.help.push_back(fmt::format(
            "run `aligncheck check {}` to check its claims (or `aligncheck "
            "lint {}` for the lint rules only)",
            path, path));
        errors.push_back(std::move(d));
        continue;
      }
      if (!Excluded(excludes, path) && seen.insert(path).second)
        out.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    size_t walked = 0, specs = 0;
    fs::recursive_directory_iterator it(
        path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      if (it->path().extension() == ".align") ++specs;
      if (!IsDocumentExtension(it->path())) continue;
      ++walked;
      std::string p = it->path().generic_string();
      if (!Excluded(excludes, p)) found.push_back(std::move(p));
    }
    if (ec) {
      error(path, fmt::format("cannot read directory: {}", ec.message()));
    } else if (walked == 0) {
      error(path, "no .md, .markdown or .tex files in directory");
      if (specs > 0) {
        errors.back().help.push_back(fmt::format(
            "it holds {} spec file{} (.align): run `aligncheck check {}`",
            specs, specs == 1 ? "" : "s", path));
      }
    }
    std::sort(found.begin(), found.end());
    for (std::string& f : found) {
      if (seen.insert(f).second) out.push_back(std::move(f));
    }
  }
  return out;
}

int RunGate(const GateArgs& args, std::ostream& out, std::ostream& err) {
  std::optional<std::vector<OutputSpec>> outputs =
      ParseOutputSpecs(args.formats, err);
  if (!outputs) return kExitBadInput;
  std::vector<Diagnostic> front;
  std::vector<std::string> paths =
      ExpandDocumentPaths(args.paths, args.excludes, front);
  // A document and the specs it attaches are one unit of work.
  paths.erase(std::remove_if(paths.begin(), paths.end(),
                             [&](const std::string& p) {
                               return !args.shard.Owns(p);
                             }),
              paths.end());
  ConfigResolver resolver;
  std::vector<std::shared_ptr<const LintConfig>> configs;
  CheckOptions base;
  base.analysis.allow_outside = args.allow_outside;
  base.engine.unsat_core = args.explain;
  LimitFlags limits = ApplyLimits(args.limits, base);
  std::vector<gate::GateOptions> options(paths.size());
  unsigned per_document = std::max<unsigned>(
      1, args.jobs / static_cast<unsigned>(std::max<size_t>(paths.size(), 1)));
  for (size_t i = 0; i < paths.size(); ++i) {
    configs.push_back(resolver.ForFile(paths[i], front));
    const LintConfig& config = *configs.back();
    CheckOptions& check = options[i].check;
    check = base;
    check.config = &config;
    ApplySolverLimits(limits, config, check.engine);
    check.jobs = per_document;
    options[i].parse_sentences = !args.no_parser;
  }
  std::vector<gate::DocumentResult> documents(paths.size());
  ParallelFor(paths.size(), args.jobs, [&](size_t i) {
    documents[i] =
        gate::CheckDocument(paths[i], gate::SyntaxFor(paths[i]), options[i]);
  });

  GateResult gate;
  bool bad_input = resolver.has_errors();
  for (const Diagnostic& d : front) {
    bad_input = bad_input || d.severity == Severity::kError;
  }
  if (!front.empty()) {
    FileResult problems;
    problems.diagnostics = std::move(front);
    problems.bad_input = bad_input;
    gate.files.push_back(std::move(problems));
  }
  for (size_t i = 0; i < documents.size(); ++i) {
    bool strict = args.strict || configs[i]->strict;
    documents[i].document.strict = strict;
    for (FileResult& spec : documents[i].attached) spec.strict = strict;
  }
  for (gate::DocumentResult& doc : documents) {
    GateDocument entry;
    entry.index = gate.files.size();
    entry.syntax = doc.syntax == gate::Syntax::kLatex ? "latex" : "markdown";
    entry.blocks = doc.blocks;
    bad_input = bad_input || doc.document.bad_input;
    gate.files.push_back(std::move(doc.document));
    for (FileResult& spec : doc.attached) {
      bad_input = bad_input || spec.bad_input;
      entry.attached.push_back(gate.files.size());
      gate.files.push_back(std::move(spec));
    }
    gate.documents.push_back(std::move(entry));
  }

  TextOptions text;
  text.max_rows = args.max_rows;
  text.explain = args.explain;
  bool written = RenderEach(
      *outputs, args.color, false,
      [&](const std::string& format, const RenderTarget& target) {
        RenderGateFormat(format, gate, text, target);
      },
      out, err);
  std::vector<StrictFinding> strict = StrictFindings(gate.files);
  err << RenderStrictText(strict);
  // Said once, and only when a sentence needed the parser.
  if (std::string why; !args.no_parser && prose::ParserWanted() &&
                       !prose::ParserAvailable(&why)) {
    err << "aligncheck: warning: prose checked with word patterns only: "
        << why << "; install it, or pass --no-parser\n";
  }
  if (!written || bad_input) return kExitBadInput;
  GateSummary summary = SummarizeGate(gate);
  if (Findings(summary.check) > 0 || !strict.empty()) return kExitFindings;
  if (args.max_warnings && summary.check.warnings > *args.max_warnings) {
    return kExitFindings;
  }
  return kExitClean;
}

}  // namespace aligncheck
