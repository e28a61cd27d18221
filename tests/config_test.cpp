// .aligncheck.toml: parsing, located errors, lookup by walking up.
#include "lint/config.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace aligncheck {
namespace {

namespace fs = std::filesystem;

std::string Render(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += RenderDiagnosticText(d);
  return out;
}

TEST_CASE("config: rules and limits, each with its origin") {
  std::vector<Diagnostic> problems;
  LintConfig c = ParseConfig("cfg.toml",
                             "[rules]\n"
                             "AC007 = \"off\"\n"
                             "AC011 = \"error\"\n"
                             "[check]\n"
                             "timeout = 2.5\n"
                             "rlimit = 1000\n",
                             problems);
  CHECK(Render(problems) == "");
  CHECK(!c.Find("AC007")->enabled);
  CHECK(c.Find("AC007")->origin == "cfg.toml:2:1");
  CHECK(c.Find("AC011")->severity == Severity::kError);
  CHECK(c.Find("AC001")->origin == "default");
  CHECK(c.Find("AC001")->severity == Severity::kError);
  CHECK(c.timeout_seconds == 2.5);
  CHECK(c.rlimit == 1000);
  CHECK(c.rlimit_origin == "cfg.toml:6:1");
  CHECK(c.Find("E002") == nullptr);
}

TEST_CASE("config: strict is a truth value with its origin") {
  std::vector<Diagnostic> problems;
  LintConfig c = ParseConfig("cfg.toml", "[check]\nstrict = true\n", problems);
  CHECK(Render(problems) == "");
  CHECK(c.strict);
  CHECK(c.strict_origin == "cfg.toml:2:1");
  CHECK_FALSE(DefaultConfig().strict);
  problems.clear();
  ParseConfig("cfg.toml", "[check]\nstrict = \"yes\"\n", problems);
  CHECK(Render(problems) ==
        "cfg.toml:2:10: error: strict must be true or false [E021]\n"
        "strict = \"yes\"\n"
        "         ^\n");
}

TEST_CASE("config: broken files are located errors, never exceptions") {
  std::vector<Diagnostic> problems;
  ParseConfig("cfg.toml", "[rules]\nAC007 = \n", problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].id == "E021");
  CHECK(problems[0].file->Locate(problems[0].span.begin).line == 2);
  problems.clear();
  ParseConfig("cfg.toml", "rules = 3\n[check]\nrlimit = \"big\"\ntimeout = 0\n",
              problems);
  CHECK(Render(problems) ==
        "cfg.toml:1:1: error: 'rules' must be a table: [rules] or [check] "
        "[E021]\n"
        "rules = 3\n"
        "^~~~~\n"
        "cfg.toml:3:10: error: rlimit must be a non-negative integer [E021]\n"
        "rlimit = \"big\"\n"
        "         ^\n"
        "cfg.toml:4:11: error: timeout must be a positive number of seconds "
        "[E021]\n"
        "timeout = 0\n"
        "          ^\n");
  problems.clear();
  ParseConfig("cfg.toml", std::string("\xff\xfe[\0", 4), problems);
  CHECK(problems.size() == 1);
}

TEST_CASE("config: unknown rule ids warn with a did-you-mean") {
  std::vector<Diagnostic> problems;
  LintConfig c = ParseConfig("cfg.toml", "[rules]\nAC07 = \"off\"\n", problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].severity == Severity::kWarning);
  CHECK(problems[0].id == "AC014");
  CHECK(problems[0].help == std::vector<std::string>{"did you mean 'AC007'?"});
  CHECK(c.Find("AC007")->enabled);
}

TEST_CASE("config: found by walking up from the spec's directory") {
  fs::path root = fs::temp_directory_path() / "aligncheck_config_test";
  fs::remove_all(root);
  fs::create_directories(root / "a" / "b");
  std::ofstream(root / kConfigFileName) << "[rules]\nAC011 = \"off\"\n";
  std::ofstream(root / "a" / "b" / kConfigFileName)
      << "[rules]\nAC012 = \"off\"\n";
  ConfigResolver resolver;
  std::vector<Diagnostic> problems;
  auto top = resolver.ForFile((root / "a" / "x.align").string(), problems);
  auto deep =
      resolver.ForFile((root / "a" / "b" / "y.align").string(), problems);
  auto again = resolver.ForDirectory((root / "a").string(), problems);
  CHECK(problems.empty());
  CHECK(!top->Find("AC011")->enabled);
  CHECK(top->Find("AC012")->enabled);
  CHECK(deep->Find("AC011")->enabled);  // the nearest file wins, whole
  CHECK(!deep->Find("AC012")->enabled);
  CHECK(again.get() == top.get());  // read once
  fs::remove_all(root);
}

}  // namespace
}  // namespace aligncheck
