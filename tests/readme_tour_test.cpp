// The README's transcripts are real: every fenced block that starts with
// `$ aligncheck ...` is run from the source tree and must print exactly the
// lines the block shows, so the tour cannot go stale.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli_test_util.h"

namespace aligncheck {
namespace {

namespace fs = std::filesystem;

struct Transcript {
  int line = 0;                 // of the `$` line in README.md
  std::vector<std::string> args;  // without the leading "aligncheck"
  std::string output;           // the block's other lines
};

std::vector<Transcript> Transcripts(const std::string& readme) {
  std::vector<Transcript> out;
  std::istringstream in(readme);
  std::string line;
  int number = 0;
  bool in_block = false, first = false;
  Transcript* current = nullptr;
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("```", 0) == 0) {
      in_block = !in_block;
      first = in_block;
      current = nullptr;
      continue;
    }
    if (!in_block) continue;
    if (first && line.rfind("$ aligncheck ", 0) == 0) {
      Transcript t;
      t.line = number;
      std::istringstream words(line.substr(2));
      std::string w;
      words >> w;  // "aligncheck"
      while (words >> w) t.args.push_back(w);
      out.push_back(std::move(t));
      current = &out.back();
    } else if (current) {
      current->output += line + "\n";
    }
    first = false;
  }
  return out;
}

TEST_CASE("README transcripts print what they show") {
  fs::path root = fs::path(ALIGNCHECK_SOURCE_DIR);
  std::vector<Transcript> all =
      Transcripts(testing::ReadAll(root / "README.md"));
  REQUIRE(all.size() >= 2);  // the novels tour and the boat race
  for (const Transcript& t : all) {
    CAPTURE(t.line);
    std::vector<std::string> args = t.args;
    args.push_back("--color");
    args.push_back("never");
    testing::CliRun run = testing::RunCliIn(root, args);
    CHECK(run.out == t.output);
  }
}

}  // namespace
}  // namespace aligncheck
