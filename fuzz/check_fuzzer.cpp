// libFuzzer target: the whole `check` pipeline (parse, analyze, every
// engine, text and JSON reports) with small limits, so that one input costs
// milliseconds. CSV references resolve into a directory that does not exist.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/analyze.h"
#include "engine/check.h"
#include "parse/parser.h"
#include "report/check_result.h"
#include "report/json_report.h"
#include "report/text_report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aligncheck;  // NOLINT
  if (size > 64 * 1024) return 0;  // the parser target covers big inputs
  std::vector<FileResult> results(1);
  FileResult& result = results[0];
  result.path = "/nonexistent-aligncheck-fuzz/fuzz.align";
  result.file = std::make_shared<SourceFile>(
      result.path, std::string(reinterpret_cast<const char*>(data), size));
  DiagnosticSink sink;
  ast::Spec spec = ParseSpec(result.file, sink);
  if (!sink.has_errors()) {
    AnalysisLimits limits;
    limits.max_domain_size = 64;
    limits.max_table_entries = 4096;
    result.model = Analyze(spec, result.file, sink, limits);
  }
  result.diagnostics = sink.Sorted();
  result.bad_input = !result.model;
  if (result.model) {
    EngineOptions options;
    options.rlimit = 200'000;
    options.timeout_ms = 2'000;
    options.count_cap = 1'000;
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
  }
  RenderSummaryText(Summarize(results));
  RenderCheckJson(results);
  return 0;
}
