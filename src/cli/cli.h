// Command-line front end: argument parsing and the check driver. Kept out of
// main() so tests can run the whole tool in-process.
#ifndef ALIGNCHECK_CLI_CLI_H_
#define ALIGNCHECK_CLI_CLI_H_

#include <ostream>

namespace aligncheck {

/// Exit codes, as DESIGN.md fixes them.
enum ExitCode : int {
  kExitClean = 0,
  kExitFindings = 1,
  kExitBadInput = 2,
  kExitInternal = 3,
};

/// Runs `aligncheck` with the given arguments; writes results to `out` and
/// diagnostics to `err`. Returns the process exit code. Never throws.
int RunCli(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace aligncheck

#endif  // ALIGNCHECK_CLI_CLI_H_
