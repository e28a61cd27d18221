// Output selection (--format FORMAT[:PATH], repeatable), colour choice and
// `lint --fix`, run through the CLI in a scratch directory.
#include "cli/output.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_test_util.h"

namespace aligncheck {
namespace {

namespace fs = std::filesystem;

using testing::CliRun;
using testing::ReadAll;
using testing::RunCliIn;

fs::path Scratch(const char* name) {
  fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

const char* const kFailing =
    "domain X = {a, b}\ndomain Y = {u, v}\n"
    "loss l(x: X, y: Y) = table { a: u 0, v 1  b: u 1, v 0 }\n"
    "data d = X\ngoal g(pi) = forall x in X: pi(x) == u\n"
    "claim c: l aligned_with g as idealized_minimizer over d\n";

TEST_CASE("output: --format values") {
  std::string error;
  auto specs = ParseOutputSpecs({}, error);
  REQUIRE(specs);
  REQUIRE(specs->size() == 1);
  CHECK((*specs)[0].format == "text");
  specs = ParseOutputSpecs({"text", "sarif:out/a.sarif", "json:-x", "github:g"},
                           error);
  REQUIRE(specs);
  CHECK((*specs)[1].path == "out/a.sarif");
  CHECK((*specs)[2].path == "-x");
  CHECK(!ParseOutputSpecs({"json", "sarif:-"}, error));
  CHECK(error.find("only one --format") == 0);
  CHECK(!ParseOutputSpecs({"json:a", "sarif:a"}, error));
  CHECK(error == "two --format options write to 'a'");
  CHECK(!ParseOutputSpecs({"xml"}, error));
  std::ostringstream err;
  CHECK(!ParseOutputSpecs({"xml"}, err));
  CHECK(err.str() == "aligncheck: error: " + error + "\n");
}

TEST_CASE("output: colour only when asked or on a terminal") {
  std::ostringstream s;
  CHECK(!UseColor(ColorMode::kAuto, s));
  CHECK(UseColor(ColorMode::kAlways, s));
  CHECK(!UseColor(ColorMode::kNever, s));
}

TEST_CASE("output: text on stdout, SARIF and JSON to files in one run") {
  fs::path dir = Scratch("aligncheck_output_multi");
  std::ofstream(dir / "spec.align") << kFailing;
  CliRun run =
      RunCliIn(dir, {"check", "spec.align", "--format", "text", "--format",
                     "sarif:out.sarif", "--format", "json:out.json"});
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("FAILS c") != std::string::npos);
  auto sarif = nlohmann::json::parse(ReadAll(dir / "out.sarif"));
  CHECK(sarif["runs"][0]["results"][0]["ruleId"] == "claim-fails");
  auto json = nlohmann::json::parse(ReadAll(dir / "out.json"));
  CHECK(json["claims"][0]["verdict"] == "fails");
  // Text to a file holds what the terminal would split over two streams.
  run = RunCliIn(dir, {"check", "spec.align", "--format", "text:out.txt",
                       "--format", "github"});
  CHECK(run.out.rfind("::error file=spec.align", 0) == 0);
  CHECK(ReadAll(dir / "out.txt").find("FAILS c") != std::string::npos);
  // Only the three outputs: no temporary files left behind.
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    (void)entry;
    ++files;
  }
  CHECK(files == 4);
  // An unwritable output is bad input, reported.
  run = RunCliIn(dir,
                 {"lint", "spec.align", "--format", "json:no/such/dir/x.json"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("cannot write") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("output: lint --fix applies only unambiguous fix-its") {
  fs::path dir = Scratch("aligncheck_output_fix");
  const std::string before =
      "domain X = {a, b}\ndomain Y = {u, v}\n"
      "loss l(x: X, y: Y) = table { a: u 0, v 1  b: u 1, v 0 }\n"
      "data d = {a: 1}\ngoal g(pi) = forall x in X: pi(x) == u\n"
      "# aligncheck: ignore AC07\n"
      "claim c: l aligned_with g as idealized_minimizer over d\n"
      "# aligncheck: ignore AC009\n"
      "claim bare: l aligned_with g\n";
  std::ofstream(dir / "spec.align") << before;
  CliRun run = RunCliIn(dir, {"lint", "spec.align"});
  CHECK(run.exit_code == 1);
  CHECK(ReadAll(dir / "spec.align") == before);  // never without --fix
  run = RunCliIn(dir, {"lint", "spec.align", "--fix"});
  CHECK(run.err == "spec.align: applied 2 fixes\n");
  CHECK(ReadAll(dir / "spec.align") ==
        "domain X = {a, b}\ndomain Y = {u, v}\n"
        "loss l(x: X, y: Y) = table { a: u 0, v 1  b: u 1, v 0 }\n"
        "data d = {a: 1}\ngoal g(pi) = forall x in X: pi(x) == u\n"
        "# aligncheck: ignore AC007\n"
        "claim c: l aligned_with g as idealized_minimizer over d\n"
        "claim bare: l aligned_with g\n");
  // AC001 offers three readings: a choice for the author, left alone.
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("[AC001]") != std::string::npos);
  CHECK(run.out.find("[AC013]") == std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace aligncheck
