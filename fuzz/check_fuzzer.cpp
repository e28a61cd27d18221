// libFuzzer target: the whole pipeline as `check` and `lint` run it (parse,
// analyze, every lint rule including the semantic ones that ask the engine,
// then every engine) and every report format, with small limits so that
// one input costs milliseconds. CSV references resolve into a directory
// that does not exist.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/analyze.h"
#include "readings/check.h"
#include "lint/config.h"
#include "lint/lint.h"
#include "parse/parser.h"
#include "driver/check_result.h"
#include "report/github_report.h"
#include "report/json_report.h"
#include "report/sarif_report.h"
#include "report/text_report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aligncheck;      // NOLINT
  if (size > 64 * 1024) return 0;  // the parser target covers big inputs
  std::vector<FileResult> results(1);
  FileResult& result = results[0];
  result.path = "/nonexistent-aligncheck-fuzz/fuzz.align";
  result.file = std::make_shared<SourceFile>(
      result.path, std::string(reinterpret_cast<const char*>(data), size));
  ParseLimits parse_limits;
  parse_limits.max_nesting_depth = 64;
  parse_limits.max_list_items = 256;
  parse_limits.max_line_bytes = 4096;
  AnalysisLimits limits;
  limits.max_domain_size = 64;
  limits.max_table_entries = 4096;
  EngineOptions options;
  options.rlimit = 200'000;
  options.timeout_ms = 2'000;
  options.count_cap = 1'000;
  // A training run of the examples' size (20,000 steps x 10 seeds) takes
  // seconds under ASan, mostly per-step overhead.
  options.max_training_work = 200'000;
  options.max_memory_mb = 1'024;

  DiagnosticSink sink;
  ast::Spec spec = ParseSpec(result.file, sink, parse_limits);
  bool parsed = !sink.has_errors();
  if (parsed) result.model = Analyze(spec, result.file, sink, limits);
  LintResult lint = LintSpec(result.file, parsed ? &spec : nullptr,
                             result.model ? &*result.model : nullptr,
                             sink.Sorted(), DefaultConfig(), options);
  result.diagnostics = std::move(lint.diagnostics);
  result.blocked = std::move(lint.blocked);
  result.bad_input = !result.model;
  if (result.model) {
    for (const Claim& claim : result.model->claims) {
      ClaimResult r;
      r.claim = &claim;
      r.verdict = CheckClaim(*result.model, claim, options);
      result.claims.push_back(std::move(r));
    }
  }
  for (const Diagnostic& d : result.diagnostics) RenderDiagnosticText(d);
  if (result.model) {
    for (const ClaimResult& c : result.claims) {
      RenderClaimText(*result.model, c, TextOptions{});
    }
    if (!result.blocked.empty()) RenderBlockedText(result);
  }
  CheckSummary summary = Summarize(results);
  RenderSummaryText(summary);
  RenderLintSummaryText(summary);
  RenderCheckJson(results);
  RenderLintJson(results);
  RenderSarif(results);
  RenderGithub(results);
  return 0;
}
