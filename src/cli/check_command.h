// The `check` pipeline over files: read, parse, analyze, run the engines.
#ifndef ALIGNCHECK_CLI_CHECK_COMMAND_H_
#define ALIGNCHECK_CLI_CHECK_COMMAND_H_

#include <string>
#include <vector>

#include "analysis/analyze.h"
#include "engine/check.h"
#include "lint/config.h"
#include "parse/parser.h"
#include "report/check_result.h"

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
};

/// Expands directories into the `*.align` files below them (sorted, each
/// file once). Unreadable paths are kept so that reading reports them.
std::vector<std::string> ExpandSpecPaths(const std::vector<std::string>& paths,
                                         std::vector<Diagnostic>& errors);

/// Reads `path` into a SourceFile, or reports why it cannot (E010, E011).
std::shared_ptr<const SourceFile> ReadSpecFile(const std::string& path,
                                               size_t max_bytes,
                                               DiagnosticSink& sink);

/// Lists in result.claims the claims of result.model that options.claims
/// selects, in file order; those past options.max_claims are UNKNOWN with
/// the reason. Returns the ones left to check (pointers into result.claims).
std::vector<ClaimResult*> SelectClaims(FileResult& result,
                                       const CheckOptions& options);

/// Reads, parses, analyzes and lints one file, then (with run_engines)
/// checks every claim lint did not block; claims not selected by
/// options.claims are skipped, and selected claims past options.max_claims
/// of a file are UNKNOWN without being checked.
FileResult CheckFile(const std::string& path, const CheckOptions& options);

/// Checks every file, on up to options.jobs threads: first each file is
/// read, parsed and analyzed, then every selected claim of every file is a
/// task of its own (each solver query has its own Z3 context). Results are
/// in the order of `paths`, claims in file order, whatever the scheduling.
std::vector<FileResult> CheckFiles(const std::vector<std::string>& paths,
                                   const CheckOptions& options);

}  // namespace aligncheck

#endif  // ALIGNCHECK_CLI_CHECK_COMMAND_H_
