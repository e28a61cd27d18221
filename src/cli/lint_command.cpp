// `lint`, `explain`, and the per-file pipeline that `check` shares.
#include "cli/lint_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "cli/cli.h"
#include "lint/config.h"
#include "lint/rule_catalog.h"

namespace aligncheck {

namespace fs = std::filesystem;

namespace {

// Applies every fix-it that is the only one of its diagnostic and needs
// nothing more from the user; overlapping ones after the first are left.
// Returns how many were applied, or -1 after reporting a write error.
int ApplyFixes(const FileResult& r, std::ostream& err) {
  if (!r.file) return 0;
  std::vector<const FixIt*> fixes;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.file == r.file && d.fixits.size() == 1 && d.fixits[0].needs.empty()) {
      fixes.push_back(&d.fixits[0]);
    }
  }
  std::sort(fixes.begin(), fixes.end(), [](const FixIt* a, const FixIt* b) {
    return a->span.begin < b->span.begin;
  });
  std::vector<const FixIt*> chosen;
  for (const FixIt* f : fixes) {
    if (!chosen.empty() && f->span.begin < chosen.back()->span.end) continue;
    chosen.push_back(f);
  }
  if (chosen.empty()) return 0;
  std::string text = r.file->text();
  for (auto it = chosen.rbegin(); it != chosen.rend(); ++it) {
    const FixIt& f = **it;
    text.replace(f.span.begin, f.span.end - f.span.begin, f.replacement);
  }
  std::string problem = WriteFileAtomically(r.path, text);
  if (!problem.empty()) {
    err << "aligncheck: error: " << problem << " [E010]\n";
    return -1;
  }
  return static_cast<int>(chosen.size());
}

int ShowConfig(const LintArgs& args, std::ostream& out, std::ostream& err) {
  std::vector<std::string> paths = args.paths;
  if (paths.empty()) paths.push_back(".");
  ConfigResolver resolver;
  std::vector<Diagnostic> problems;
  std::string text;
  for (const std::string& p : paths) {
    std::error_code ec;
    std::string dir =
        fs::is_directory(p, ec) ? p : fs::path(p).parent_path().string();
    std::shared_ptr<const LintConfig> config =
        resolver.ForDirectory(dir, problems);
    text += fmt::format("# for {}\n", p) + RenderConfig(*config);
  }
  for (const Diagnostic& d : problems) err << RenderDiagnosticText(d);
  out << text;
  return resolver.has_errors() ? kExitBadInput : kExitClean;
}

}  // namespace

int RunLint(const LintArgs& args, std::ostream& out, std::ostream& err) {
  if (args.show_config) return ShowConfig(args, out, err);
  std::optional<std::vector<OutputSpec>> outputs =
      ParseOutputSpecs(args.formats, err);
  if (!outputs) return kExitBadInput;
  if (args.paths.empty()) {
    err << "aligncheck: error: lint needs spec files or directories\n";
    return kExitBadInput;
  }
  CheckOptions options;
  LimitFlags limits = ApplyLimits(args.limits, options);
  options.run_engines = false;
  options.shard = args.shard;
  bool bad_input = false;
  std::vector<FileResult> results =
      RunPipeline(args.paths, options, limits, &bad_input);
  if (args.fix) {
    int applied = 0;
    for (const FileResult& r : results) {
      int n = ApplyFixes(r, err);
      if (n < 0) return kExitBadInput;
      if (n > 0)
        err << fmt::format("{}: applied {} fix{}\n", r.path, n,
                           n == 1 ? "" : "es");
      applied += n;
    }
    if (applied > 0) {
      results = RunPipeline(args.paths, options, limits, &bad_input);
    }
  }
  CheckSummary summary = Summarize(results);
  summary.files = static_cast<size_t>(
      std::count_if(results.begin(), results.end(),
                    [](const FileResult& r) { return !r.path.empty(); }));
  if (!RenderAll(Command::kLint, *outputs, args.color, results, summary, {},
                 out, err)) {
    return kExitBadInput;
  }
  if (bad_input) return kExitBadInput;
  return summary.unclear + summary.errors > 0 ? kExitFindings : kExitClean;
}

int RunExplain(const std::string& id, std::ostream& out, std::ostream& err) {
  if (id.empty()) {
    out << ListRules();
    return kExitClean;
  }
  std::string upper = id;
  for (char& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const Rule* rule = FindRule(upper);
  if (rule == nullptr) {
    for (const Rule& r : AllRules()) {
      if (id == r.name) rule = &r;
    }
  }
  if (const ErrorInfo* error = rule ? nullptr : FindError(upper)) {
    out << ExplainError(*error);
    return kExitClean;
  }
  if (rule == nullptr) {
    err << fmt::format("aligncheck: error: no rule '{}'", id);
    std::string guess = SuggestName(upper, RuleIds());
    if (!guess.empty()) err << fmt::format("; did you mean '{}'?", guess);
    err << " (`aligncheck explain` lists every rule)\n";
    return kExitBadInput;
  }
  out << ExplainRule(*rule);
  return kExitClean;
}

}  // namespace aligncheck
