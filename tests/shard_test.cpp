// --shard K/N: the parts are disjoint, together they are the whole run, and
// the split does not change between runs or machines.
#include "driver/shard.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_test_util.h"

namespace aligncheck {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

TEST_CASE("--shard parses K/N and says the form otherwise") {
  std::string error;
  std::optional<Shard> s = ParseShard("2/8", &error);
  REQUIRE(s);
  CHECK(s->index == 1);
  CHECK(s->count == 8);
  CHECK(ParseShard("1/1", &error));
  for (const char* bad : {"0/3", "4/3", "3", "1/0", "a/b", "1/2/3", "-1/2",
                          "1/", "/2", "1/70000", ""}) {
    CAPTURE(bad);
    error.clear();
    CHECK_FALSE(ParseShard(bad, &error));
    CHECK_FALSE(error.empty());
  }
}

TEST_CASE("every file and claim belongs to exactly one part") {
  std::vector<std::string> paths = {"specs/a.align", "specs/b.align",
                                    "x/y/z.align", "", "ünïcode.align"};
  std::vector<std::string> claims = {"c1", "c2", "minimizers_write_well", ""};
  for (unsigned n : {1u, 2u, 3u, 7u, 64u}) {
    for (const std::string& p : paths) {
      int owners = 0;
      for (unsigned k = 0; k < n; ++k) owners += Shard{k, n}.Owns(p) ? 1 : 0;
      CHECK(owners == 1);
      for (const std::string& c : claims) {
        int claim_owners = 0;
        for (unsigned k = 0; k < n; ++k)
          claim_owners += Shard{k, n}.Owns(p, c) ? 1 : 0;
        CHECK(claim_owners == 1);
      }
    }
  }
}

TEST_CASE("the split is FNV-1a, fixed across versions and machines") {
  // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c. Pinned so that a CI matrix
  // keeps its split when aligncheck is upgraded.
  constexpr uint64_t kHashOfA = 0xaf63dc4c8601ec8cull;
  for (unsigned n : {2u, 3u, 5u, 8u}) {
    CHECK(Shard{static_cast<unsigned>(kHashOfA % n), n}.Owns("a"));
  }
}

// Runs `aligncheck ARGS --format json` in the source tree.
json RunJson(std::vector<std::string> args) {
  args.push_back("--format");
  args.push_back("json");
  testing::CliRun run =
      testing::RunCliIn(fs::path(ALIGNCHECK_SOURCE_DIR), std::move(args));
  INFO(run.err);
  return json::parse(run.out);
}

// The entries of `key` in every part, in the order of the whole run.
json Union(const std::vector<json>& parts, const char* key,
           const json& whole) {
  json all = json::array();
  for (const json& p : parts) {
    for (const json& e : p[key]) all.push_back(e);
  }
  json ordered = json::array();
  for (const json& e : whole[key]) {
    auto it = std::find(all.begin(), all.end(), e);
    if (it != all.end()) {
      ordered.push_back(*it);
      all.erase(it);
    }
  }
  for (const json& left : all) ordered.push_back(left);  // shows up as a diff
  return ordered;
}

void CheckUnion(const std::vector<std::string>& args,
                const std::vector<const char*>& keys) {
  json whole = RunJson(args);
  for (unsigned n : {2u, 3u}) {
    std::vector<json> parts;
    for (unsigned k = 1; k <= n; ++k) {
      std::vector<std::string> a = args;
      a.push_back("--shard");
      a.push_back(std::to_string(k) + "/" + std::to_string(n));
      parts.push_back(RunJson(a));
    }
    for (const char* key : keys) {
      CAPTURE(key);
      CAPTURE(n);
      CHECK(Union(parts, key, whole) == whole[key]);
    }
    for (const auto& [count, value] : whole["summary"].items()) {
      if (!value.is_number() || count == "files") continue;
      CAPTURE(count);
      long sum = 0;
      for (const json& p : parts) sum += p["summary"][count].get<long>();
      CHECK(sum == value.get<long>());
    }
  }
}

TEST_CASE("the parts of a sharded check are the unsharded check") {
  CHECK(RunJson({"check", "specs/"})["claims"].size() > 50);
  CheckUnion({"check", "specs/", "tests/golden/lint_ac007_mdp/spec.align",
              "tests/golden/err_mdp_fraction/spec.align", "-j", "1"},
             {"claims", "not_checked", "diagnostics"});
}

TEST_CASE("the parts of a sharded lint and gate are the unsharded run") {
  CheckUnion({"lint", "specs/", "tests/golden/lint_ac007_mdp/spec.align"},
             {"diagnostics"});
  CheckUnion({"gate", "examples/", "tests/gate/"},
             {"documents", "claims", "diagnostics"});
}

}  // namespace
}  // namespace aligncheck
