// `--shard K/N` for check, lint and gate: one option, one meaning (see
// driver/shard.h for how the work is split).
#ifndef ALIGNCHECK_CLI_SHARD_OPTION_H_
#define ALIGNCHECK_CLI_SHARD_OPTION_H_

#include "driver/shard.h"

namespace CLI {
class App;
}  // namespace CLI

namespace aligncheck {

/// Adds --shard K/N to `command`, parsed into `shard` (which must outlive
/// parsing); bad text is a usage error that says the form.
void AddShardOption(CLI::App& command, Shard& shard);

}  // namespace aligncheck

#endif  // ALIGNCHECK_CLI_SHARD_OPTION_H_
