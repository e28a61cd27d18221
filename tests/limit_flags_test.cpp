// Tests for cli/limit_flags: every limit has a flag, `check` and `lint`
// parse them the same way, and sizes take units.
#include "cli/limit_flags.h"

#include <doctest/doctest.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <string>
#include <vector>

using namespace aligncheck;

namespace {

// Parses `args` as the options of one subcommand; returns the options
// they give, or throws CLI::ParseError.
CheckOptions Parse(std::vector<std::string> args, LimitFlags* flags = nullptr,
                   LimitArgs limits = LimitArgs()) {
  CLI::App app;
  AddLimitOptions(app, limits);
  std::reverse(args.begin(), args.end());  // CLI11 takes them reversed
  app.parse(args);
  CheckOptions options;
  LimitFlags given = ApplyLimits(limits, options);
  if (flags) *flags = given;
  return options;
}

}  // namespace

TEST_CASE("limit flags: the defaults are the limits' own") {
  LimitFlags flags;
  CheckOptions options = Parse({}, &flags);
  CheckOptions defaults;
  CHECK(options.max_file_bytes == defaults.max_file_bytes);
  CHECK(options.max_file_bytes == 64u << 20);
  CHECK(options.parse.max_line_bytes == 1u << 20);
  CHECK(options.parse.max_nesting_depth == 200);
  CHECK(options.parse.max_list_items == 10'000);
  CHECK(options.analysis.max_domain_size == 1'000'000);
  CHECK(options.analysis.max_table_entries == 20'000'000);
  CHECK(options.analysis.max_csv_bytes == 512u << 20);
  CHECK(options.max_claims == 10'000);
  CHECK(options.engine.max_memory_mb == 4096);
  // Solver limits left unset come from .aligncheck.toml, then defaults.
  CHECK_FALSE(flags.timeout_seconds);
  CHECK_FALSE(flags.rlimit);
}

TEST_CASE("limit flags: each flag sets its limit") {
  LimitFlags flags;
  CheckOptions options = Parse({"--max-file-size",
                                "2k",
                                "--max-line-length",
                                "80",
                                "--max-nesting",
                                "7",
                                "--max-list-items",
                                "9",
                                "--max-domain-size",
                                "11",
                                "--max-table-entries",
                                "13",
                                "--max-csv-size",
                                "3M",
                                "--max-claims",
                                "2",
                                "--max-memory",
                                "256",
                                "--rlimit",
                                "1000",
                                "--timeout",
                                "1.5"},
                               &flags);
  CHECK(options.max_file_bytes == 2048);
  CHECK(options.parse.max_line_bytes == 80);
  CHECK(options.parse.max_nesting_depth == 7);
  CHECK(options.parse.max_list_items == 9);
  CHECK(options.analysis.max_domain_size == 11);
  CHECK(options.analysis.max_table_entries == 13);
  CHECK(options.analysis.max_csv_bytes == 3u << 20);
  CHECK(options.max_claims == 2);
  CHECK(options.engine.max_memory_mb == 256);
  REQUIRE(flags.rlimit);
  CHECK(*flags.rlimit == 1000);
  REQUIRE(flags.timeout_seconds);
  CHECK(*flags.timeout_seconds == 1.5);
}

TEST_CASE("limit flags: sizes take units, bad values are usage errors") {
  CHECK(Parse({"--max-file-size", "1G"}).max_file_bytes == 1u << 30);
  CHECK(Parse({"--max-file-size", "512kb"}).max_file_bytes == 512u << 10);
  CHECK(Parse({"--max-file-size", "100"}).max_file_bytes == 100);
  CHECK_THROWS_AS(Parse({"--max-file-size", "12Q"}), CLI::ParseError);
  CHECK_THROWS_AS(Parse({"--max-nesting", "0"}), CLI::ParseError);
  CHECK_THROWS_AS(Parse({"--max-nesting", "5000"}), CLI::ParseError);
  CHECK_THROWS_AS(Parse({"--max-claims", "0"}), CLI::ParseError);
  CHECK_THROWS_AS(Parse({"--max-domain-size", "-1"}), CLI::ParseError);
}

TEST_CASE("limit flags: gate reads documents up to 1 GiB by default") {
  CHECK(Parse({}, nullptr, DocumentLimits()).max_file_bytes == 1u << 30);
  CHECK(Parse({"--max-file-size", "2k"}, nullptr, DocumentLimits())
            .max_file_bytes == 2048);
  // The help shows each command's own default, in the flag's units.
  CLI::App check, gate;
  LimitArgs check_limits, gate_limits = DocumentLimits();
  AddLimitOptions(check, check_limits);
  AddLimitOptions(gate, gate_limits);
  CHECK(check.help().find("64M") != std::string::npos);
  CHECK(gate.help().find("1G") != std::string::npos);
  CHECK(gate.help().find("512M") != std::string::npos);  // --max-csv-size
}

TEST_CASE("limit flags: solver limits given win over the configuration") {
  LintConfig config;
  config.rlimit = 777;
  config.timeout_seconds = 3;
  EngineOptions engine;
  ApplySolverLimits(LimitFlags{}, config, engine);
  CHECK(engine.rlimit == 777);
  CHECK(engine.timeout_ms == 3000);
  LimitFlags given;
  given.rlimit = 5;
  given.timeout_seconds = 1e9;  // clamped, not overflowed
  ApplySolverLimits(given, config, engine);
  CHECK(engine.rlimit == 5);
  CHECK(engine.timeout_ms == 4'000'000'000u);
}
