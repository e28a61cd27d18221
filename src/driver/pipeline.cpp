// The pipeline: each file is read, parsed, analyzed and linted on its own
// (a file with errors is reported and not checked); then the selected
// claims of every file are checked as one list of tasks.
#include "driver/pipeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "driver/claim_scope.h"
#include "driver/spec_files.h"
#include "lint/lint.h"
#include "util/parallel.h"

namespace aligncheck {
namespace {

bool Selected(const CheckOptions& options, const std::string& name) {
  return options.claims.empty() ||
         std::find(options.claims.begin(), options.claims.end(), name) !=
             options.claims.end();
}

// Reads, parses, analyzes and lints `path`; claims are left for the caller.
FileResult AnalyzeFile(const std::string& path, const CheckOptions& options) {
  FileResult result;
  result.path = path;
  DiagnosticSink sink;
  std::shared_ptr<const SourceFile> file =
      ReadSpecFile(path, options.max_file_bytes, sink);
  if (!file) {
    result.diagnostics = sink.Sorted();
    result.bad_input = true;
    return result;
  }
  AnalyzeSource(file, options.parse, options, sink, result);
  return result;
}

}  // namespace

void ApplySolverLimits(const LimitFlags& flags, const LintConfig& config,
                       EngineOptions& engine) {
  engine.rlimit = flags.rlimit.value_or(config.rlimit);
  double seconds = flags.timeout_seconds.value_or(config.timeout_seconds);
  engine.timeout_ms = static_cast<unsigned>(std::min(seconds, 4e6) * 1000);
}

void AnalyzeSource(const std::shared_ptr<const SourceFile>& file,
                   const ParseLimits& parse, const CheckOptions& options,
                   DiagnosticSink& sink, FileResult& result,
                   std::vector<std::string>* claim_names) {
  result.file = file;
  ast::Spec spec;
  if (!sink.has_errors()) spec = ParseSpec(file, sink, parse);
  if (claim_names) {
    for (const ast::Decl& decl : spec.decls) {
      if (const auto* c = std::get_if<ast::ClaimDecl>(&decl))
        claim_names->push_back(c->name.text);
    }
  }
  bool parsed = !sink.has_errors();
  if (parsed) result.model = Analyze(spec, file, sink, options.analysis);
  LintConfig defaults = options.config ? LintConfig() : DefaultConfig();
  LintResult lint =
      LintSpec(file, parsed ? &spec : nullptr,
               result.model ? &*result.model : nullptr, sink.Sorted(),
               options.config ? *options.config : defaults, options.engine);
  result.diagnostics = std::move(lint.diagnostics);
  if (parsed && !options.claims.empty()) {
    KeepFindingsOfSelectedClaims(
        spec, *file,
        [&](const std::string& name) { return Selected(options, name); },
        result.diagnostics);
  }
  for (BlockedClaim& b : lint.blocked) {
    if (Selected(options, b.name)) result.blocked.push_back(std::move(b));
  }
  result.bad_input = !result.model;
  if (!result.model || !options.run_engines) return;
  // Checking is about verdicts: lint notes are for `aligncheck lint`.
  auto& diags = result.diagnostics;
  diags.erase(std::remove_if(diags.begin(), diags.end(),
                             [](const Diagnostic& d) {
                               return IsFinding(d) &&
                                      d.severity == Severity::kNote;
                             }),
              diags.end());
}

std::vector<ClaimResult*> SelectClaims(FileResult& result,
                                       const CheckOptions& options) {
  std::vector<ClaimResult*> tasks;
  if (!result.model) return tasks;
  for (const Claim& claim : result.model->claims) {
    if (Selected(options, claim.name) &&
        options.shard.Owns(result.path, claim.name)) {
      result.claims.emplace_back().claim = &claim;
    }
  }
  for (ClaimResult& r : result.claims) {
    if (tasks.size() == options.max_claims) {
      r.verdict.kind = Verdict::Kind::kUnknown;
      r.verdict.reason = fmt::format(
          "not checked: the file has {} claims to check, over the limit of "
          "{} (--max-claims)",
          result.claims.size(), options.max_claims);
      continue;
    }
    tasks.push_back(&r);
  }
  return tasks;
}

void CheckClaims(const Model& model, const std::vector<ClaimResult*>& tasks,
                 const CheckOptions& options) {
  ParallelFor(tasks.size(), options.jobs, [&](size_t i) {
    tasks[i]->verdict = CheckClaim(model, *tasks[i]->claim, options.engine);
  });
}

FileResult CheckFile(const std::string& path, const CheckOptions& options) {
  FileResult result = AnalyzeFile(path, options);
  if (result.model && options.run_engines)
    CheckClaims(*result.model, SelectClaims(result, options), options);
  return result;
}

std::vector<Diagnostic> UnknownClaimNames(const std::vector<FileResult>& results,
                                          const CheckOptions& options) {
  std::set<std::string> all;
  for (const FileResult& r : results) {
    if (r.model) {
      for (const Claim& c : r.model->claims) all.insert(c.name);
    }
    for (const BlockedClaim& b : r.blocked) all.insert(b.name);
  }
  std::vector<Diagnostic> errors;
  for (const std::string& name : options.claims) {
    if (all.count(name)) continue;
    Diagnostic d;
    d.id = "E002";
    d.message = fmt::format("no claim named '{}'", name);
    std::string guess =
        SuggestName(name, std::vector<std::string>(all.begin(), all.end()));
    if (!guess.empty())
      d.help.push_back(fmt::format("did you mean '{}'?", guess));
    errors.push_back(std::move(d));
  }
  return errors;
}

std::vector<FileResult> RunPipeline(const std::vector<std::string>& paths,
                                    const CheckOptions& base,
                                    const LimitFlags& limits, bool* bad_input) {
  std::vector<Diagnostic> front;
  std::vector<std::string> files = ExpandSpecPaths(paths, front);
  ConfigResolver resolver;
  // Configurations are resolved in order (they report into `front`); then
  // files are analyzed in parallel, and the claims of all files are checked
  // as one list of tasks. Results keep the order of `files`.
  std::vector<std::shared_ptr<const LintConfig>> configs;
  std::vector<CheckOptions> per_file;
  for (const std::string& file : files) {
    configs.push_back(resolver.ForFile(file, front));
    CheckOptions options = base;
    options.config = configs.back().get();
    ApplySolverLimits(limits, *options.config, options.engine);
    per_file.push_back(std::move(options));
  }
  std::vector<FileResult> results(files.size());
  ParallelFor(files.size(), base.jobs, [&](size_t i) {
    results[i] = AnalyzeFile(files[i], per_file[i]);
  });
  *bad_input = resolver.has_errors();
  for (const Diagnostic& d : front) {
    if (d.severity == Severity::kError) *bad_input = true;
  }
  std::vector<Diagnostic> usage = UnknownClaimNames(results, base);
  // Under --shard, a file's own findings go with the file's part.
  for (FileResult& r : results) {
    auto& blocked = r.blocked;
    blocked.erase(std::remove_if(blocked.begin(), blocked.end(),
                                 [&](const BlockedClaim& b) {
                                   return !base.shard.Owns(r.path, b.name);
                                 }),
                  blocked.end());
    if (base.shard.Owns(r.path)) continue;
    r.diagnostics.clear();
    r.bad_input = false;
  }
  if (usage.empty() && base.run_engines) {
    struct Task {
      ClaimResult* claim;
      size_t file;
    };
    std::vector<Task> tasks;
    for (size_t i = 0; i < results.size(); ++i) {
      for (ClaimResult* c : SelectClaims(results[i], per_file[i]))
        tasks.push_back({c, i});
    }
    ParallelFor(tasks.size(), base.jobs, [&](size_t t) {
      const Task& task = tasks[t];
      task.claim->verdict = CheckClaim(*results[task.file].model,
                                       *task.claim->claim,
                                       per_file[task.file].engine);
    });
  }
  for (size_t i = 0; i < results.size(); ++i) {
    results[i].strict = base.strict || configs[i]->strict;
  }
  if (base.shard.count > 1) {
    results.erase(std::remove_if(results.begin(), results.end(),
                                 [&](const FileResult& r) {
                                   return !base.shard.Owns(r.path) &&
                                          r.claims.empty() &&
                                          r.blocked.empty();
                                 }),
                  results.end());
  }
  for (const FileResult& r : results) *bad_input = *bad_input || r.bad_input;
  for (Diagnostic& d : usage) front.push_back(std::move(d));
  if (!usage.empty()) *bad_input = true;
  if (!front.empty()) {
    FileResult problems;
    problems.diagnostics = std::move(front);
    problems.bad_input = *bad_input;
    results.insert(results.begin(), std::move(problems));
  }
  return results;
}

}  // namespace aligncheck
