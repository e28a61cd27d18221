// `aligncheck gate`: the write-up gate over Markdown and LaTeX documents.
#ifndef ALIGNCHECK_CLI_GATE_COMMAND_H_
#define ALIGNCHECK_CLI_GATE_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/limit_flags.h"
#include "driver/shard.h"
#include "cli/lint_command.h"
#include "cli/output.h"
#include "readings/check.h"
#include "report/text_report.h"
#include "util/parallel.h"

namespace aligncheck {

struct GateArgs {
  std::vector<std::string> paths;
  std::vector<std::string> excludes;  // --exclude GLOB
  std::vector<std::string> formats;
  ColorMode color = ColorMode::kAuto;
  std::optional<size_t> max_warnings;  // exit 1 above it; none: no limit
  unsigned jobs = DefaultJobs();
  bool allow_outside = false;
  bool strict = false;  // --strict: UNKNOWN and vacuous verdicts exit 1
  size_t max_rows = TextOptions{}.max_rows;
  bool explain = false;  // --explain: why HOLDS verdicts hold, in full
  bool no_parser = false;  // --no-parser: prose by word patterns only
  LimitArgs limits = DocumentLimits();
  Shard shard;  // --shard K/N: the documents of part K
};

/// Whether `path` matches `glob`: `*` and `?` match within one path
/// component, `**` across components (`**/` also matches no directory).
bool MatchGlob(const std::string& glob, const std::string& path);

/// The documents below `paths`: directories walked for *.md, *.markdown
/// and *.tex (sorted), files taken as named; those matching an --exclude
/// glob are left out. Problems go to `errors` as E010.
std::vector<std::string> ExpandDocumentPaths(
    const std::vector<std::string>& paths,
    const std::vector<std::string>& excludes, std::vector<Diagnostic>& errors);

/// `aligncheck gate`. Returns the exit code.
int RunGate(const GateArgs& args, std::ostream& out, std::ostream& err);

}  // namespace aligncheck

#endif  // ALIGNCHECK_CLI_GATE_COMMAND_H_
