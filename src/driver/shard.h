// --shard K/N: a deterministic split of the work of one run into N parts,
// so that N machines (a CI matrix, a job array) each run one part and the
// union of their outputs is the output of the whole run.
//
// A claim belongs to the part its (file path, claim name) hashes to; a
// file's own findings (parse errors, lint, blocked claims' causes) to the
// part its path hashes to. The hash is FNV-1a over the bytes, so the split
// is the same on every machine and a file's place does not depend on the
// other files of the run.
#ifndef ALIGNCHECK_DRIVER_SHARD_H_
#define ALIGNCHECK_DRIVER_SHARD_H_

#include <optional>
#include <string>
#include <string_view>

namespace aligncheck {

struct Shard {
  unsigned index = 0;  // 0-based; K - 1 of "K/N"
  unsigned count = 1;  // N; 1 means no split

  bool Owns(std::string_view path) const;
  bool Owns(std::string_view path, std::string_view claim) const;
};

/// Parses "K/N" with 1 <= K <= N <= 65536; nullopt with `error` set when
/// the text is not such a pair.
std::optional<Shard> ParseShard(std::string_view text, std::string* error);

}  // namespace aligncheck

#endif  // ALIGNCHECK_DRIVER_SHARD_H_
