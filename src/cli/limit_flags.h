// The command-line flags for every limit that keeps hostile input bounded,
// in one place: `check` and `lint` add the same options and apply them the
// same way (see the README's limits table).
#ifndef ALIGNCHECK_CLI_LIMIT_FLAGS_H_
#define ALIGNCHECK_CLI_LIMIT_FLAGS_H_

#include <cstdint>
#include <optional>

#include "driver/pipeline.h"

namespace CLI {
class App;
class Option;
class Validator;
}  // namespace CLI

namespace aligncheck {

/// Every limit as parsed from the command line, starting at the defaults.
struct LimitArgs {
  double timeout_seconds = 60;
  uint64_t rlimit = EngineOptions{}.rlimit;
  uint64_t max_memory_mb = EngineOptions{}.max_memory_mb;
  size_t max_file_bytes = CheckOptions{}.max_file_bytes;
  size_t max_line_bytes = ParseLimits{}.max_line_bytes;
  uint32_t max_nesting = ParseLimits{}.max_nesting_depth;
  uint32_t max_list_items = ParseLimits{}.max_list_items;
  size_t max_domain_size = AnalysisLimits{}.max_domain_size;
  size_t max_table_entries = AnalysisLimits{}.max_table_entries;
  size_t max_csv_bytes = AnalysisLimits{}.max_csv_bytes;
  size_t max_claims = CheckOptions{}.max_claims;
  // Set by AddLimitOptions: whether --timeout and --rlimit were given,
  // since .aligncheck.toml may set them otherwise.
  CLI::Option* timeout_option = nullptr;
  CLI::Option* rlimit_option = nullptr;
};

/// `validator` without its description, which --help would print after the
/// type name in CLI11's words ("UINT:POSITIVE"); the option's own type name
/// and text say what it takes.
CLI::Validator Unlisted(CLI::Validator validator);

/// The defaults for `gate`: as LimitArgs, but documents up to 1 GiB.
LimitArgs DocumentLimits();

/// Adds the limit options (--timeout, --rlimit, --max-*) to `command`,
/// storing into `args`, which must outlive parsing.
void AddLimitOptions(CLI::App& command, LimitArgs& args);

/// Applies the parsed limits to `options`; returns the solver limits that
/// were given explicitly (the rest come from each file's configuration).
LimitFlags ApplyLimits(const LimitArgs& args, CheckOptions& options);

}  // namespace aligncheck

#endif  // ALIGNCHECK_CLI_LIMIT_FLAGS_H_
