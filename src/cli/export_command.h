// The `export` subcommand: writes an mdp of a spec, and optionally one of
// its rewards, in another tool's format (so far Storm's DRN).
#ifndef ALIGNCHECK_CLI_EXPORT_COMMAND_H_
#define ALIGNCHECK_CLI_EXPORT_COMMAND_H_

#include <ostream>
#include <string>

namespace aligncheck {

struct ExportArgs {
  std::string path;
  std::string format = "drn";
  std::string mdp;     // empty: the spec's only mdp
  std::string reward;  // empty: no reward model
  std::string output;  // empty: stdout
};

/// `aligncheck export`. Returns the exit code: 0 written, 2 bad input.
int RunExport(const ExportArgs& args, std::ostream& out, std::ostream& err);

}  // namespace aligncheck

#endif  // ALIGNCHECK_CLI_EXPORT_COMMAND_H_
