// The `lint` and `explain` subcommands.
#ifndef ALIGNCHECK_CLI_LINT_COMMAND_H_
#define ALIGNCHECK_CLI_LINT_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "driver/pipeline.h"
#include "cli/limit_flags.h"
#include "driver/shard.h"
#include "cli/output.h"

namespace aligncheck {

struct LintArgs {
  std::vector<std::string> paths;
  std::vector<std::string> formats;
  ColorMode color = ColorMode::kAuto;
  bool show_config = false;
  bool fix = false;
  LimitArgs limits;
  Shard shard;  // --shard K/N
};

/// `aligncheck lint`. Returns the exit code.
int RunLint(const LintArgs& args, std::ostream& out, std::ostream& err);

/// `aligncheck explain [ID]`. Returns the exit code.
int RunExplain(const std::string& id, std::ostream& out, std::ostream& err);

}  // namespace aligncheck

#endif  // ALIGNCHECK_CLI_LINT_COMMAND_H_
