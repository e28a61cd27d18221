// The include graph of src/ follows the pipeline: a file may include its
// own folder and the folders of earlier stages, never a later one, so there
// is no cycle between folders. The stage order is the README's
// "Architecture" section; a new top-level folder must be placed in it here.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// Earlier stages first. readings/ holds one subfolder per reading; one
// reading may be reduced to another (agents to physical and idealized).
const std::vector<std::string> kStages = {
    "util", "mdp", "diag", "parse", "analysis", "train", "solve", "readings",
    "lint",  "prose",  "driver", "gate",     "report", "cli"};

int StageOf(const std::string& folder) {
  auto it = std::find(kStages.begin(), kStages.end(), folder);
  return it == kStages.end() ? -1 : static_cast<int>(it - kStages.begin());
}

struct Include {
  std::string file;  // relative to src/
  int line = 0;
  std::string target;  // as written, e.g. "lint/lint.h"
};

std::vector<Include> ProjectIncludes(const fs::path& src) {
  static const std::regex kInclude(R"(^\s*#\s*include\s+"([^"]+)\")");
  std::vector<Include> out;
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    if (!entry.is_regular_file()) continue;
    std::string ext = entry.path().extension().string();
    if (ext != ".h" && ext != ".hpp" && ext != ".cpp") continue;
    std::ifstream in(entry.path());
    std::string text;
    int number = 0;
    while (std::getline(in, text)) {
      ++number;
      std::smatch m;
      if (std::regex_search(text, m, kInclude)) {
        out.push_back({fs::relative(entry.path(), src).generic_string(),
                       number, m[1].str()});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Include& a, const Include& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
  return out;
}

std::string TopFolder(const std::string& path) {
  return path.substr(0, path.find('/'));
}

}  // namespace

TEST_CASE("architecture: every folder of src/ has a stage") {
  fs::path src = fs::path(ALIGNCHECK_SOURCE_DIR) / "src";
  for (const auto& entry : fs::directory_iterator(src)) {
    if (!entry.is_directory()) continue;
    std::string name = entry.path().filename().string();
    INFO("src/", name, " is missing from kStages");
    CHECK(StageOf(name) >= 0);
  }
}

TEST_CASE("architecture: includes point down the pipeline, never up") {
  fs::path src = fs::path(ALIGNCHECK_SOURCE_DIR) / "src";
  std::vector<Include> includes = ProjectIncludes(src);
  REQUIRE(includes.size() > 100);  // the walk found the sources
  for (const Include& inc : includes) {
    std::string target_folder = TopFolder(inc.target);
    if (inc.target.find('/') == std::string::npos) continue;  // same folder
    int from = StageOf(TopFolder(inc.file));
    int to = StageOf(target_folder);
    if (to < 0) continue;  // not a project header
    INFO(inc.file, ":", inc.line, " includes ", inc.target);
    CHECK(to <= from);
  }
}
