// Golden tests: every directory under tests/golden/ holds a command line
// (`cmd`, arguments after "aligncheck"), its inputs, and the exact expected
// stdout, stderr and exit code. Run with UPDATE_GOLDEN=1 to rewrite them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_test_util.h"

namespace fs = std::filesystem;
using aligncheck::testing::CliRun;
using aligncheck::testing::ReadAll;
using aligncheck::testing::RunCliIn;

namespace {

void WriteAll(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::vector<std::string> SplitArgs(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> args;
  std::string arg;
  while (in >> arg) args.push_back(arg);
  return args;
}

}  // namespace

TEST_CASE("golden outputs") {
  fs::path root = fs::path(ALIGNCHECK_SOURCE_DIR) / "tests" / "golden";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory() && fs::exists(entry.path() / "cmd")) {
      cases.push_back(entry.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(!cases.empty());
  bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  for (const fs::path& dir : cases) {
    CAPTURE(dir.filename().string());
    CliRun run = RunCliIn(dir, SplitArgs(ReadAll(dir / "cmd")));
    std::string exit_text = std::to_string(run.exit_code) + "\n";
    if (update) {
      WriteAll(dir / "stdout", run.out);
      WriteAll(dir / "stderr", run.err);
      WriteAll(dir / "exit", exit_text);
      continue;
    }
    CHECK(ReadAll(dir / "stdout") == run.out);
    CHECK(ReadAll(dir / "stderr") == run.err);
    CHECK(ReadAll(dir / "exit") == exit_text);
  }
}

TEST_CASE("the same input gives byte-identical output") {
  fs::path root = fs::path(ALIGNCHECK_SOURCE_DIR);
  CliRun first =
      RunCliIn(root, {"check", "specs", "examples", "--format", "json"});
  CliRun second =
      RunCliIn(root, {"check", "specs", "examples", "--format", "json"});
  CHECK(first.out == second.out);
  CHECK(first.err == second.err);
}

TEST_CASE("parallel checking gives the same bytes as one thread") {
  fs::path root = fs::path(ALIGNCHECK_SOURCE_DIR);
  for (const char* format : {"text", "json"}) {
    CliRun one = RunCliIn(
        root, {"check", "specs", "examples", "--format", format, "-j", "1"});
    for (const char* jobs : {"2", "4", "16"}) {
      CAPTURE(jobs);
      CliRun many = RunCliIn(
          root, {"check", "specs", "examples", "--format", format, "-j", jobs});
      CHECK(one.out == many.out);
      CHECK(one.err == many.err);
      CHECK(one.exit_code == many.exit_code);
    }
  }
}

TEST_CASE("specs/ and examples/ give their expected verdicts") {
  fs::path root = fs::path(ALIGNCHECK_SOURCE_DIR);
  CliRun run = RunCliIn(root, {"check", "specs", "examples"});
  INFO(run.out);
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(run.out.find("UNEXPECTED") == std::string::npos);
}
