// Limit options shared by the subcommands that read specs.
#include "cli/limit_flags.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <string>

namespace aligncheck {

namespace {

// A size as the flags take it: 64M, 1G, or plain bytes.
std::string SizeText(size_t bytes) {
  const char* units = "kMG";
  std::string suffix;
  for (int i = 0; i < 3 && bytes != 0 && bytes % 1024 == 0; ++i) {
    bytes /= 1024;
    suffix = std::string(1, units[i]);
  }
  return std::to_string(bytes) + suffix;
}

}  // namespace

CLI::Validator Unlisted(CLI::Validator validator) {
  return validator.description("");
}

LimitArgs DocumentLimits() {
  LimitArgs args;
  args.max_file_bytes = size_t{1} << 30;
  return args;
}

void AddLimitOptions(CLI::App& command, LimitArgs& args) {
  const std::string group = "Limits (see the README's limits table)";
  // Sizes take a unit: 64M, 1G, 512k (powers of 1024) or plain bytes.
  const CLI::AsSizeValue size(false);
  args.timeout_option =
      command
          .add_option("--timeout", args.timeout_seconds,
                      "Wall-clock safety net per solver query, in seconds "
                      "(default: .aligncheck.toml, else 60)")
          ->check(Unlisted(CLI::PositiveNumber))
          ->type_name("SECONDS")
          ->group(group);
  args.rlimit_option =
      command
          .add_option("--rlimit", args.rlimit,
                      "Solver resource limit per query; hitting it gives "
                      "UNKNOWN (default: .aligncheck.toml, else 50000000)")
          ->type_name("N")
          ->group(group);
  command
      .add_option("--max-memory", args.max_memory_mb,
                  "Solver memory, all running queries together, in MiB; a "
                  "query past it is UNKNOWN (0: no limit)")
      ->type_name("MIB")
      ->capture_default_str()
      ->group(group);
  command
      .add_option("--max-file-size", args.max_file_bytes,
                  "Largest file read (spec, or document for gate)")
      ->transform(Unlisted(size))
      ->type_name("SIZE")
      ->default_str(SizeText(args.max_file_bytes))
      ->group(group);
  command
      .add_option("--max-line-length", args.max_line_bytes,
                  "Longest line of a spec (for gate: of a block), in bytes")
      ->check(Unlisted(CLI::PositiveNumber))
      ->type_name("N")
      ->capture_default_str()
      ->group(group);
  command
      .add_option("--max-nesting", args.max_nesting,
                  "Deepest nesting of formulas, and most terms in one "
                  "operator chain (1 to 1000)")
      ->check(Unlisted(CLI::Range(1u, 1000u)))
      ->type_name("N")
      ->capture_default_str()
      ->group(group);
  command
      .add_option("--max-list-items", args.max_list_items,
                  "Most items in one expression list (arguments, sets)")
      ->check(Unlisted(CLI::PositiveNumber))
      ->type_name("N")
      ->capture_default_str()
      ->group(group);
  command
      .add_option("--max-domain-size", args.max_domain_size,
                  "Most values in one domain")
      ->check(Unlisted(CLI::PositiveNumber))
      ->type_name("N")
      ->capture_default_str()
      ->group(group);
  command
      .add_option("--max-table-entries", args.max_table_entries,
                  "Most entries of one loss table (inputs x outputs)")
      ->check(Unlisted(CLI::PositiveNumber))
      ->type_name("N")
      ->capture_default_str()
      ->group(group);
  command
      .add_option("--max-csv-size", args.max_csv_bytes,
                  "Largest CSV file a spec reads")
      ->transform(Unlisted(size))
      ->type_name("SIZE")
      ->default_str(SizeText(args.max_csv_bytes))
      ->group(group);
  command
      .add_option("--max-claims", args.max_claims,
                  "Claims checked per file; later ones are UNKNOWN")
      ->check(Unlisted(CLI::PositiveNumber))
      ->type_name("N")
      ->capture_default_str()
      ->group(group);
}

LimitFlags ApplyLimits(const LimitArgs& args, CheckOptions& options) {
  options.engine.max_memory_mb = args.max_memory_mb;
  options.max_file_bytes = args.max_file_bytes;
  options.parse.max_line_bytes = args.max_line_bytes;
  options.parse.max_nesting_depth = args.max_nesting;
  options.parse.max_list_items = args.max_list_items;
  options.analysis.max_domain_size = args.max_domain_size;
  options.analysis.max_table_entries = args.max_table_entries;
  options.analysis.max_csv_bytes = args.max_csv_bytes;
  options.max_claims = args.max_claims;
  LimitFlags flags;
  if (args.timeout_option && args.timeout_option->count() > 0) {
    flags.timeout_seconds = args.timeout_seconds;
  }
  if (args.rlimit_option && args.rlimit_option->count() > 0) {
    flags.rlimit = args.rlimit;
  }
  return flags;
}

}  // namespace aligncheck
