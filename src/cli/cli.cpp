// Command-line front end: subcommands, options, exit codes. Knows the
// pipeline stages by their interfaces only (never Z3 or Spirit).
#include "cli/cli.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <map>
#include <set>

#include "driver/pipeline.h"
#include "cli/did_you_mean.h"
#include "cli/export_command.h"
#include "cli/gate_command.h"
#include "cli/limit_flags.h"
#include "cli/shard_option.h"
#include "cli/lint_command.h"
#include "cli/output.h"
#include "report/strict_report.h"
#include "report/text_report.h"
#include "util/parallel.h"

namespace aligncheck {
namespace {

struct CheckArgs {
  std::vector<std::string> paths;
  std::vector<std::string> claims;
  std::vector<std::string> formats;
  ColorMode color = ColorMode::kAuto;
  std::string dump_smt2;
  size_t max_rows = TextOptions{}.max_rows;
  bool explain = false;
  bool allow_outside = false;
  bool strict = false;
  unsigned jobs = DefaultJobs();
  LimitArgs limits;
  Shard shard;
};

int RunCheck(const CheckArgs& args, std::ostream& out, std::ostream& err) {
  std::optional<std::vector<OutputSpec>> outputs =
      ParseOutputSpecs(args.formats, err);
  if (!outputs) return kExitBadInput;
  CheckOptions options;
  options.claims = args.claims;
  options.engine.dump_smt2_dir = args.dump_smt2;
  options.engine.unsat_core = args.explain;
  options.analysis.allow_outside = args.allow_outside;
  options.jobs = args.jobs;
  options.strict = args.strict;
  options.shard = args.shard;
  LimitFlags limits = ApplyLimits(args.limits, options);
  bool bad_input = false;
  std::vector<FileResult> results =
      RunPipeline(args.paths, options, limits, &bad_input);


  CheckSummary summary = Summarize(results);
  summary.files = static_cast<size_t>(
      std::count_if(results.begin(), results.end(),
                    [](const FileResult& r) { return !r.path.empty(); }));
  TextOptions text;
  text.max_rows = args.max_rows;
  text.explain = args.explain;
  if (!RenderAll(Command::kCheck, *outputs, args.color, results, summary, text,
                 out, err)) {
    return kExitBadInput;
  }
  std::vector<StrictFinding> strict = StrictFindings(results);
  err << RenderStrictText(strict);
  if (bad_input) return kExitBadInput;
  if (Findings(summary) > 0 || summary.errors > 0) return kExitFindings;
  if (!strict.empty()) return kExitFindings;
  return kExitClean;
}

const std::map<std::string, ColorMode> kColorModes = {
    {"auto", ColorMode::kAuto},
    {"always", ColorMode::kAlways},
    {"never", ColorMode::kNever}};

// --color's words, turned into the enum's number that CLI11 then parses;
// anything else is a usage error in aligncheck's words, not CLI11's.
CLI::Validator ColorModeWord() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        auto it = kColorModes.find(value);
        if (it == kColorModes.end()) {
          return "takes auto, always or never, not '" + value + "'";
        }
        value = std::to_string(static_cast<int>(it->second));
        return "";
      },
      "");
}

// CLI11's words for an option given without its value ("--shard: 1
// required K/N missing") in aligncheck's ("--shard: needs a value, K/N");
// every other error as CLI11 words it.
std::string FailureMessage(const CLI::App* app, const CLI::Error& e) {
  std::string message = e.what();
  size_t colon = message.find(": ");
  size_t required = message.find(" required ");
  bool missing = message.size() > 8 &&
                 message.compare(message.size() - 8, 8, " missing") == 0;
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr &&
      colon != std::string::npos && required != std::string::npos &&
      required > colon && missing) {
    size_t type = required + std::string(" required ").size();
    message = message.substr(0, colon) + ": needs a value, " +
              message.substr(type, message.size() - 8 - type);
  }
  message += "\n";
  if (app->get_help_ptr() != nullptr) {
    message += "Run with " + app->get_help_ptr()->get_name() +
               " for more information.\n";
  }
  return message;
}

constexpr const char* kFormatHelp =
    "Output format: text, json, sarif or github; FORMAT:PATH writes to a "
    "file (repeatable: one format on stdout, others to files)";

}  // namespace

int RunCli(int argc, char** argv, std::ostream& out, std::ostream& err) {
  try {
    CLI::App app{
        "aligncheck: checks what \"the loss is aligned with the goal\" means, "
        "one operationalization at a time"};
    app.name("aligncheck");
    app.set_version_flag("--version", "aligncheck " ALIGNCHECK_VERSION);
    app.require_subcommand(1);
    app.failure_message(FailureMessage);

    CheckArgs check;
    CLI::App* check_cmd = app.add_subcommand(
        "check",
        "Lint, then check every claim of the given specs and print verdicts");
    check_cmd
        ->add_option("paths", check.paths,
                     "Spec files or directories (*.align)")
        ->type_name("PATH")
        ->required();
    check_cmd
        ->add_option("--claim", check.claims,
                     "Check only the claim NAME (repeatable)")
        ->type_name("NAME");
    check_cmd->add_option("--format", check.formats, kFormatHelp)
        ->type_name("FORMAT[:PATH]")
        ->allow_extra_args(false);  // one value per --format
    check_cmd->add_option("--color", check.color, "Colour text output")
        ->transform(ColorModeWord())
        ->type_name("auto|always|never")
        ->default_str("auto");
    check_cmd
        ->add_option("--dump-smt2", check.dump_smt2,
                     "Write every solver query as SMT-LIB 2 into DIR")
        ->type_name("DIR");
    check_cmd
        ->add_option("-j,--jobs", check.jobs,
                     "Files and claims checked in parallel, 1 to 1024 "
                     "(default: one per core; output order is fixed)")
        ->check(Unlisted(CLI::Range(1u, 1024u)))
        ->type_name("N");
    check_cmd->add_flag("--strict", check.strict,
                        "Exit 1 when a verdict is UNKNOWN or vacuously "
                        "HOLDS (also `strict = true` in .aligncheck.toml)");
    check_cmd->add_flag(
        "--allow-outside", check.allow_outside,
        "Let specs read CSV files outside their own directory tree");
    check_cmd
        ->add_option("--max-rows", check.max_rows,
                     "Most counterexample rows printed (0: all)")
        ->type_name("N")
        ->capture_default_str();
    check_cmd->add_flag("--explain", check.explain,
                        "Say in full why each HOLDS verdict holds");
    AddLimitOptions(*check_cmd, check.limits);
    AddShardOption(*check_cmd, check.shard);

    LintArgs lint;
    CLI::App* lint_cmd = app.add_subcommand(
        "lint", "Apply the lint rules to the given specs (see `explain`)");
    lint_cmd
        ->add_option("paths", lint.paths, "Spec files or directories (*.align)")
        ->type_name("PATH");
    lint_cmd->add_option("--format", lint.formats, kFormatHelp)
        ->type_name("FORMAT[:PATH]")
        ->allow_extra_args(false);  // one value per --format
    lint_cmd->add_option("--color", lint.color, "Colour text output")
        ->transform(ColorModeWord())
        ->type_name("auto|always|never")
        ->default_str("auto");
    lint_cmd->add_flag("--show-config", lint.show_config,
                       "Print the configuration that applies to each path, "
                       "and where each value comes from");
    lint_cmd->add_flag("--fix", lint.fix,
                       "Apply the fix-its that need no decision, rewriting "
                       "files in place");
    AddLimitOptions(*lint_cmd, lint.limits);
    AddShardOption(*lint_cmd, lint.shard);

    // ---- gate: the write-up gate over Markdown and LaTeX documents ----
    GateArgs gate;
    CLI::App* gate_cmd = app.add_subcommand(
        "gate",
        "Check the claims embedded in Markdown and LaTeX write-ups and flag "
        "prose that asserts an aligned loss without saying what it means");
    gate_cmd
        ->add_option("paths", gate.paths,
                     "Documents or directories (*.md, *.markdown, *.tex; a "
                     "file named here is read whatever its extension)")
        ->type_name("PATH")
        ->required();
    gate_cmd
        ->add_option("--exclude", gate.excludes,
                     "Skip documents whose path matches GLOB (repeatable; "
                     "* and ? within a directory, ** across directories)")
        ->type_name("GLOB")
        ->allow_extra_args(false);
    gate_cmd->add_option("--format", gate.formats, kFormatHelp)
        ->type_name("FORMAT[:PATH]")
        ->allow_extra_args(false);
    gate_cmd->add_option("--color", gate.color, "Colour text output")
        ->transform(ColorModeWord())
        ->type_name("auto|always|never")
        ->default_str("auto");
    gate_cmd
        ->add_option("--max-warnings", gate.max_warnings,
                     "Exit 1 when there are more than N warnings "
                     "(default: no limit)")
        ->type_name("N");
    gate_cmd
        ->add_option("-j,--jobs", gate.jobs,
                     "Documents and claims checked in parallel, 1 to 1024 "
                     "(default: one per core; output order is fixed)")
        ->check(Unlisted(CLI::Range(1u, 1024u)))
        ->type_name("N");
    gate_cmd->add_flag("--strict", gate.strict,
                       "Exit 1 when an embedded claim's verdict is UNKNOWN "
                       "or vacuously HOLDS");
    gate_cmd->add_flag("--allow-outside", gate.allow_outside,
                       "Let documents attach specs, and specs read CSV files, "
                       "outside their own directory tree");
    gate_cmd
        ->add_option("--max-rows", gate.max_rows,
                     "Most counterexample rows printed (0: all)")
        ->type_name("N")
        ->capture_default_str();
    gate_cmd->add_flag("--explain", gate.explain,
                       "Say in full why each HOLDS verdict holds");
    gate_cmd->add_flag("--no-parser", gate.no_parser,
                       "Check prose with word patterns only, without the "
                       "Link Grammar sentence parser");
    AddLimitOptions(*gate_cmd, gate.limits);
    AddShardOption(*gate_cmd, gate.shard);
    // ---- end gate ----

    ExportArgs exp;
    CLI::App* export_cmd = app.add_subcommand(
        "export",
        "Write an mdp of a spec, and optionally one reward, for another "
        "tool: --format drn is Storm's explicit format, exact rationals");
    export_cmd->add_option("spec", exp.path, "Spec file (.align)")
        ->required();
    export_cmd->add_option("--format", exp.format, "Output format: drn")
        ->capture_default_str();
    export_cmd->add_option("--mdp", exp.mdp,
                           "The mdp to export (needed when there are several)");
    export_cmd->add_option("--reward", exp.reward,
                           "A reward or loss over the mdp, exported as action "
                           "rewards");
    export_cmd->add_option("-o,--output", exp.output,
                           "Write to this file instead of stdout");
    // ---- end export ----

    std::string explain_id;
    CLI::App* explain_cmd =
        app.add_subcommand("explain", "Explain a lint rule, or list them all");
    explain_cmd->add_option("rule", explain_id, "Rule id, e.g. AC001");

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      int code = app.exit(e, out, err);
      std::string guess = SuggestCommandLine(app, argc, argv);
      if (code != 0 && !guess.empty()) err << "aligncheck: " << guess << "\n";
      return code == 0 ? kExitClean : kExitBadInput;
    }
    if (check_cmd->parsed()) return RunCheck(check, out, err);
    if (lint_cmd->parsed()) return RunLint(lint, out, err);
    if (gate_cmd->parsed()) return RunGate(gate, out, err);
    if (export_cmd->parsed()) return RunExport(exp, out, err);
    if (explain_cmd->parsed()) return RunExplain(explain_id, out, err);
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
