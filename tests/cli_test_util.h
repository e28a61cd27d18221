// Runs the aligncheck command line in-process, for tests of what a user
// sees: its standard output and error, exit code and the files it writes.
#ifndef ALIGNCHECK_TESTS_CLI_TEST_UTIL_H_
#define ALIGNCHECK_TESTS_CLI_TEST_UTIL_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace aligncheck::testing {

/// What one run of the command line printed and returned.
struct CliRun {
  std::string out, err;
  int exit_code = 0;
};

/// Runs `aligncheck args...` in the working directory `dir`, then returns
/// to the one before.
inline CliRun RunCliIn(const std::filesystem::path& dir,
                       std::vector<std::string> args) {
  std::filesystem::path saved = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  args.insert(args.begin(), "aligncheck");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  CliRun run;
  run.exit_code = RunCli(static_cast<int>(argv.size()), argv.data(), out, err);
  std::filesystem::current_path(saved);
  run.out = out.str();
  run.err = err.str();
  return run;
}

/// Returns the bytes of the file at `path` ("" when it cannot be read).
inline std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace aligncheck::testing

#endif  // ALIGNCHECK_TESTS_CLI_TEST_UTIL_H_
