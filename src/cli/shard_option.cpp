#include "cli/shard_option.h"

#include <CLI/CLI.hpp>
#include <string>

namespace aligncheck {

void AddShardOption(CLI::App& command, Shard& shard) {
  command
      .add_option_function<std::string>(
          "--shard",
          [&shard](const std::string& text) {
            std::string error;
            std::optional<Shard> parsed = ParseShard(text, &error);
            // The message names the option already: no "--shard: " prefix.
            if (!parsed) {
              throw CLI::ValidationError(error + ", not '" + text + "'");
            }
            shard = *parsed;
          },
          "Do part K of N of the work (claims and files split by a stable "
          "hash; the N parts together do the whole run)")
      ->type_name("K/N");
}

}  // namespace aligncheck
