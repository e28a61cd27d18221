// Command-line front end: subcommands, options, exit codes. Knows the
// pipeline stages by their interfaces only (never Z3 or Spirit).
#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <exception>
#include <set>

#include "cli/check_command.h"
#include "util/parallel.h"
#include "report/json_report.h"
#include "report/text_report.h"

namespace aligncheck {
namespace {

struct CheckArgs {
  std::vector<std::string> paths;
  std::vector<std::string> claims;
  std::string format = "text";
  double timeout_seconds = 60;
  uint64_t rlimit = EngineOptions{}.rlimit;
  std::string dump_smt2;
  size_t max_rows = TextOptions{}.max_rows;
  bool allow_outside = false;
  unsigned jobs = DefaultJobs();
};

int RunCheck(const CheckArgs& args, std::ostream& out, std::ostream& err) {
  CheckOptions options;
  options.claims = args.claims;
  options.engine.rlimit = args.rlimit;
  options.engine.timeout_ms =
      static_cast<unsigned>(std::min(args.timeout_seconds, 4e6) * 1000);
  options.engine.dump_smt2_dir = args.dump_smt2;
  options.analysis.allow_outside = args.allow_outside;
  options.jobs = args.jobs;

  std::vector<Diagnostic> path_errors;
  std::vector<std::string> files = ExpandSpecPaths(args.paths, path_errors);
  std::vector<FileResult> results = CheckFiles(files, options);

  // A --claim that names nothing is a usage error, with a suggestion.
  std::set<std::string> found, all;
  for (const FileResult& r : results) {
    if (!r.model) continue;
    for (const Claim& c : r.model->claims) all.insert(c.name);
    for (const ClaimResult& c : r.claims) found.insert(c.claim->name);
  }
  bool bad_usage = false;
  for (const std::string& name : args.claims) {
    if (found.count(name) || all.count(name)) continue;
    Diagnostic d;
    d.id = "E002";
    d.message = fmt::format("no claim named '{}'", name);
    std::string guess =
        SuggestName(name, std::vector<std::string>(all.begin(), all.end()));
    if (!guess.empty()) d.help.push_back(fmt::format("did you mean '{}'?", guess));
    path_errors.push_back(std::move(d));
    bad_usage = true;
  }
  if (!path_errors.empty()) {
    FileResult errors;
    errors.diagnostics = path_errors;
    errors.bad_input = true;
    results.insert(results.begin(), std::move(errors));
  }

  CheckSummary summary = Summarize(results);
  if (!path_errors.empty()) --summary.files;
  if (args.format == "json") {
    out << RenderCheckJson(results);
  } else {
    TextOptions text;
    text.max_rows = args.max_rows;
    for (const FileResult& r : results) {
      for (const Diagnostic& d : r.diagnostics) err << RenderDiagnosticText(d);
      if (!r.model) continue;
      for (const ClaimResult& c : r.claims) {
        out << RenderClaimText(*r.model, c, text);
      }
    }
    out << RenderSummaryText(summary);
  }
  bool bad_input = bad_usage;
  for (const FileResult& r : results) bad_input = bad_input || r.bad_input;
  if (bad_input) return kExitBadInput;
  if (Findings(summary) > 0 || summary.errors > 0) return kExitFindings;
  return kExitClean;
}

}  // namespace

int RunCli(int argc, char** argv, std::ostream& out, std::ostream& err) {
  try {
    CLI::App app{
        "aligncheck: checks what \"the loss is aligned with the goal\" means, "
        "one operationalization at a time"};
    app.name("aligncheck");
    app.set_version_flag("--version", "aligncheck " ALIGNCHECK_VERSION);
    app.require_subcommand(1);

    CheckArgs check;
    CLI::App* check_cmd = app.add_subcommand(
        "check", "Check every claim of the given specs and print verdicts");
    check_cmd->add_option("paths", check.paths, "Spec files or directories (*.align)")
        ->required();
    check_cmd->add_option("--claim", check.claims, "Check only the claim NAME (repeatable)")
        ->type_name("NAME");
    check_cmd->add_option("--format", check.format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    check_cmd->add_option("--timeout", check.timeout_seconds,
                          "Wall-clock safety net per solver query, in seconds")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    check_cmd->add_option("--rlimit", check.rlimit,
                          "Solver resource limit per query; hitting it gives UNKNOWN")
        ->capture_default_str();
    check_cmd->add_option("--dump-smt2", check.dump_smt2,
                          "Write every solver query as SMT-LIB 2 into DIR")
        ->type_name("DIR");
    check_cmd->add_option("-j,--jobs", check.jobs,
                          "Files and claims checked in parallel (output order is fixed)")
        ->check(CLI::Range(1u, 1024u))
        ->capture_default_str();
    check_cmd->add_flag("--allow-outside", check.allow_outside,
                        "Let specs read CSV files outside their own directory tree");
    check_cmd->add_option("--max-rows", check.max_rows,
                          "Most counterexample rows printed (0: all)")
        ->capture_default_str();

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      int code = app.exit(e, out, err);
      return code == 0 ? kExitClean : kExitBadInput;
    }
    if (check_cmd->parsed()) return RunCheck(check, out, err);
    return kExitBadInput;
  } catch (const std::exception& e) {
    err << "aligncheck: internal error: " << e.what()
        << "\nplease report this, with the input that caused it\n";
    return kExitInternal;
  } catch (...) {
    err << "aligncheck: internal error: unknown exception\n"
           "please report this, with the input that caused it\n";
    return kExitInternal;
  }
}

}  // namespace aligncheck
