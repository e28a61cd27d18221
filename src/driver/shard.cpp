#include "driver/shard.h"

#include <charconv>

namespace aligncheck {
namespace {

constexpr unsigned kMaxShards = 65536;

uint64_t Fnv1a(std::string_view bytes, uint64_t h = 14695981039346656037ull) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool InPart(uint64_t h, const Shard& s) { return h % s.count == s.index; }

}  // namespace

bool Shard::Owns(std::string_view path) const {
  return count <= 1 || InPart(Fnv1a(path), *this);
}

bool Shard::Owns(std::string_view path, std::string_view claim) const {
  if (count <= 1) return true;
  // A separator that neither a path nor a claim name contains.
  return InPart(Fnv1a(claim, Fnv1a(std::string_view("\0", 1), Fnv1a(path))),
                *this);
}

std::optional<Shard> ParseShard(std::string_view text, std::string* error) {
  auto number = [](std::string_view t, unsigned* out) {
    if (t.empty()) return false;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), *out);
    return ec == std::errc() && end == t.data() + t.size();
  };
  size_t slash = text.find('/');
  unsigned k = 0, n = 0;
  if (slash == std::string_view::npos || !number(text.substr(0, slash), &k) ||
      !number(text.substr(slash + 1), &n)) {
    *error = "--shard takes K/N, e.g. 2/8 (the second of eight parts)";
    return std::nullopt;
  }
  if (n < 1 || n > kMaxShards || k < 1 || k > n) {
    *error = "--shard K/N needs 1 <= K <= N <= 65536";
    return std::nullopt;
  }
  return Shard{k - 1, n};
}

}  // namespace aligncheck
