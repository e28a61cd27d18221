// The pipeline every command runs: read a spec, parse, analyze and lint it,
// select the claims asked for, check them, collect the results. `check`,
// `lint` and `gate` call it; they differ only in what they read and print.
#ifndef ALIGNCHECK_DRIVER_PIPELINE_H_
#define ALIGNCHECK_DRIVER_PIPELINE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analyze.h"
#include "driver/check_result.h"
#include "driver/shard.h"
#include "readings/check.h"
#include "lint/config.h"
#include "parse/parser.h"

namespace aligncheck {

struct CheckOptions {
  std::vector<std::string> claims;  // --claim; empty = all
  EngineOptions engine;
  size_t max_file_bytes = 64u << 20;
  ParseLimits parse;
  AnalysisLimits analysis;
  /// Claims checked per file; the ones after it are UNKNOWN, unchecked.
  size_t max_claims = 10'000;
  unsigned jobs = 1;  // -j: files and claims checked in parallel
  const LintConfig* config = nullptr;  // null: the built-in defaults
  /// false for `lint`: stop after the rules. `check` also leaves out notes.
  bool run_engines = true;
  /// --strict: UNKNOWN and vacuous verdicts are findings in every file
  /// (a file's configuration may also ask for it).
  bool strict = false;
  /// --shard K/N: this run does only its part of the claims and files.
  Shard shard;
};

/// Solver limits given on the command line; unset ones come from the
/// configuration of each file, then from the defaults.
struct LimitFlags {
  std::optional<double> timeout_seconds;
  std::optional<uint64_t> rlimit;
};

/// Sets the solver limits of one file: the flags given, else the file's
/// configuration.
void ApplySolverLimits(const LimitFlags& flags, const LintConfig& config,
                       EngineOptions& engine);

/// Parses, analyzes and lints `file` into `result` (diagnostics, model,
/// blocked claims among those options.claims selects). `sink` may already
/// hold diagnostics of the reading step; after an error there the text is
/// not parsed. With options.run_engines lint notes are left out: they are
/// for `aligncheck lint`. The AST's claim names are added to `claim_names`
/// when given, also for claims analysis could not resolve.
void AnalyzeSource(const std::shared_ptr<const SourceFile>& file,
                   const ParseLimits& parse, const CheckOptions& options,
                   DiagnosticSink& sink, FileResult& result,
                   std::vector<std::string>* claim_names = nullptr);

/// Lists in result.claims the claims of result.model that options.claims
/// selects and options.shard owns, in file order; those past options.max_claims are UNKNOWN with
/// the reason. Returns the ones left to check (pointers into result.claims).
std::vector<ClaimResult*> SelectClaims(FileResult& result,
                                       const CheckOptions& options);

/// Checks `tasks`, claims of `model`, on up to options.jobs threads (each
/// solver query has its own Z3 context); results do not depend on the order.
void CheckClaims(const Model& model, const std::vector<ClaimResult*>& tasks,
                 const CheckOptions& options);

/// Reads, analyzes and lints one file, then (with run_engines) checks the
/// claims options.claims selects and lint did not block.
FileResult CheckFile(const std::string& path, const CheckOptions& options);

/// The names in options.claims that no result declares, as E002 errors
/// with a did-you-mean; empty when every name is known.
std::vector<Diagnostic> UnknownClaimNames(const std::vector<FileResult>& results,
                                          const CheckOptions& options);

/// Runs the pipeline over the spec files below `paths`, each with the
/// configuration found for it: every file is analyzed first, then the
/// --claim names are validated (an unknown name stops the run before any
/// claim is checked), then every selected claim of every file is checked.
/// Configuration, path and usage problems come first, as a result without
/// a file. Sets `bad_input` when any input could not be used. Under
/// --shard a file is listed when its part is this one (with its findings)
/// or when it has claims of this part (with those claims only).
std::vector<FileResult> RunPipeline(const std::vector<std::string>& paths,
                                    const CheckOptions& base,
                                    const LimitFlags& limits, bool* bad_input);

}  // namespace aligncheck

#endif  // ALIGNCHECK_DRIVER_PIPELINE_H_
