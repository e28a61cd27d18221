// The `lint` and `explain` subcommands, and what `check` shares with lint:
// running the pipeline over many files with the configuration of each.
#ifndef ALIGNCHECK_CLI_LINT_COMMAND_H_
#define ALIGNCHECK_CLI_LINT_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/check_command.h"
#include "cli/limit_flags.h"
#include "cli/output.h"

namespace aligncheck {

/// Runs the pipeline (lint; with options.run_engines, check too) over the
/// spec files below `paths`, each with the configuration found for it.
/// Configuration and path problems come first, as a result without a file.
/// Sets `bad_input` when any input could not be used.
std::vector<FileResult> RunPipeline(const std::vector<std::string>& paths,
                                    const CheckOptions& base,
                                    const LimitFlags& limits, bool* bad_input);

struct LintArgs {
  std::vector<std::string> paths;
  std::vector<std::string> formats;
  ColorMode color = ColorMode::kAuto;
  bool show_config = false;
  bool fix = false;
  LimitArgs limits;
};

/// `aligncheck lint`. Returns the exit code.
int RunLint(const LintArgs& args, std::ostream& out, std::ostream& err);

/// `aligncheck explain [ID]`. Returns the exit code.
int RunExplain(const std::string& id, std::ostream& out, std::ostream& err);

}  // namespace aligncheck

#endif  // ALIGNCHECK_CLI_LINT_COMMAND_H_
