// SARIF output: validated against the SARIF 2.1.0 schema shipped in
// tests/sarif/, plus what GitHub code scanning needs beyond the schema.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_test_util.h"
#include "json_schema.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json LoadSchema() {
  std::ifstream in(fs::path(ALIGNCHECK_SOURCE_DIR) / "tests" / "sarif" /
                   "sarif-2.1.0-rtm.5.json");
  return json::parse(in);
}

// Runs aligncheck in `dir` and returns its standard output.
std::string Run(const fs::path& dir, std::vector<std::string> args,
                int* exit_code = nullptr) {
  aligncheck::testing::CliRun run =
      aligncheck::testing::RunCliIn(dir, std::move(args));
  if (exit_code) *exit_code = run.exit_code;
  return run.out;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// What GitHub code scanning requires on top of the schema.
void CheckGithubRequirements(const json& log) {
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  std::set<std::string> ids;
  for (const json& rule : run["tool"]["driver"]["rules"]) {
    CHECK(rule.contains("id"));
    CHECK(!rule["shortDescription"]["text"].get<std::string>().empty());
    CHECK(!rule["fullDescription"]["text"].get<std::string>().empty());
    CHECK(!rule["help"]["text"].get<std::string>().empty());
    CHECK(rule["defaultConfiguration"].contains("level"));
    ids.insert(rule["id"].get<std::string>());
  }
  for (const json& result : run["results"]) {
    std::string id = result["ruleId"].get<std::string>();
    CHECK(ids.count(id) == 1);
    CHECK(run["tool"]["driver"]["rules"][result["ruleIndex"].get<size_t>()]
             ["id"] == id);
    CHECK(!result["message"]["text"].get<std::string>().empty());
    const json& loc = result["locations"][0]["physicalLocation"];
    std::string uri = loc["artifactLocation"]["uri"].get<std::string>();
    CHECK(uri.rfind("./", 0) != 0);
    CHECK(uri.find("://") == std::string::npos);
    const json& region = loc["region"];
    CHECK(region["startLine"].get<int>() >= 1);
    CHECK(region["endLine"].get<int>() >= region["startLine"].get<int>());
    if (region["endLine"] == region["startLine"]) {
      CHECK(region["endColumn"].get<int>() > region["startColumn"].get<int>());
    }
  }
}

}  // namespace

TEST_CASE("sarif: the validator rejects what the schema forbids") {
  aligncheck::testing::JsonSchemaValidator validator(LoadSchema());
  CHECK(validator.Validate(json::parse(R"({"version": "2.1.0", "runs": []})"))
            .empty());
  CHECK(!validator.Validate(json::parse(R"({"runs": []})")).empty());
  CHECK(!validator.Validate(json::parse(R"({"version": "2.0", "runs": []})"))
             .empty());
  json bad_level = json::parse(R"({"version": "2.1.0", "runs": [{
      "tool": {"driver": {"name": "x"}},
      "results": [{"message": {"text": "m"}, "level": "fatal"}]}]})");
  CHECK(!validator.Validate(bad_level).empty());
  json bad_line = json::parse(R"({"version": "2.1.0", "runs": [{
      "tool": {"driver": {"name": "x"}},
      "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation":
        {"artifactLocation": {"uri": "a"}, "region": {"startLine": 0}}}]}]}]})");
  CHECK(!validator.Validate(bad_line).empty());
}

TEST_CASE("sarif: a failing check run validates against the 2.1.0 schema") {
  aligncheck::testing::JsonSchemaValidator validator(LoadSchema());
  int code = 0;
  std::string out =
      Run(ALIGNCHECK_SOURCE_DIR,
          {"check", "tests/golden/check_sarif/spec.align", "--format", "sarif"},
          &code);
  CHECK(code == 1);
  json log = json::parse(out);
  INFO(out);
  CHECK(Joined(validator.Validate(log)) == "");
  CheckGithubRequirements(log);
  const json& results = log["runs"][0]["results"];
  REQUIRE(results.size() == 2);
  CHECK(results[0]["ruleId"] == "claim-fails");
  CHECK(results[0]["level"] == "error");
  CHECK(results[1]["level"] == "note");  // `expect fails`: as expected
  CHECK(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]
               ["uri"] == "tests/golden/check_sarif/spec.align");
}

TEST_CASE("sarif: lint findings with fix-its and bad input validate too") {
  aligncheck::testing::JsonSchemaValidator validator(LoadSchema());
  for (const char* dir : {"lint_sarif", "lint_ac001_bare", "err_syntax",
                          "lint_config_broken", "lint_ac014_unknown_rule"}) {
    CAPTURE(dir);
    fs::path path = fs::path(ALIGNCHECK_SOURCE_DIR) / "tests" / "golden" / dir;
    std::string out = Run(path, {"lint", ".", "--format", "sarif"});
    json log = json::parse(out);
    CHECK(Joined(validator.Validate(log)) == "");
    CheckGithubRequirements(log);
  }
  fs::path path =
      fs::path(ALIGNCHECK_SOURCE_DIR) / "tests" / "golden" / "lint_ac001_bare";
  json log =
      json::parse(Run(path, {"lint", "spec.align", "--format", "sarif"}));
  const json& result = log["runs"][0]["results"][1];
  CHECK(result["ruleId"] == "AC001");
  REQUIRE(result["fixes"].size() == 3);
  const json& insertion =
      result["fixes"][0]["artifactChanges"][0]["replacements"][0];
  CHECK(insertion["insertedContent"]["text"] ==
        " as idealized_minimizer over d");
  CHECK(insertion["deletedRegion"]["startColumn"] ==
        insertion["deletedRegion"]["endColumn"]);
}

TEST_CASE("sarif: gate results validate, located in the write-ups") {
  aligncheck::testing::JsonSchemaValidator validator(LoadSchema());
  for (const char* dir : {"gate_sarif", "gate_errors", "gate_attach",
                          "gate_prose", "gate_unexpected", "gate_missing"}) {
    CAPTURE(dir);
    fs::path path = fs::path(ALIGNCHECK_SOURCE_DIR) / "tests" / "golden" / dir;
    std::vector<std::string> args = {"gate"};
    for (const auto& entry : fs::directory_iterator(path)) {
      std::string name = entry.path().filename().string();
      std::string ext = entry.path().extension().string();
      if (ext == ".md" || ext == ".tex") args.push_back(name);
    }
    if (args.size() == 1) args.push_back("nowhere.md");
    std::sort(args.begin() + 1, args.end());
    args.push_back("--format");
    args.push_back("sarif");
    json log = json::parse(Run(path, args));
    CHECK(Joined(validator.Validate(log)) == "");
    CheckGithubRequirements(log);
  }
  fs::path path =
      fs::path(ALIGNCHECK_SOURCE_DIR) / "tests" / "golden" / "gate_sarif";
  json log =
      json::parse(Run(path, {"gate", "writeup.md", "--format", "sarif"}));
  // The failing claim's result, beside the prose findings of the document.
  json result;
  for (const json& r : log["runs"][0]["results"]) {
    if (r["ruleId"] == "claim-fails") result = r;
  }
  REQUIRE(result.is_object());
  CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "writeup.md");
  CHECK(result["locations"][0]["physicalLocation"]["region"]["startLine"] ==
        20);
}

TEST_CASE("sarif: columns count UTF-16 code units") {
  fs::path dir = fs::temp_directory_path() / "aligncheck_sarif_utf16";
  fs::create_directories(dir);
  // 'zz' is at byte column 27; \u00e9 is one UTF-16 unit in two bytes, the
  // emoji two units in four bytes, so SARIF says column 24.
  std::ofstream(dir / "spec.align") << "domain X = {a, b}\ndata d = csv "
                                       "\"\xc3\xa9\xf0\x9f\x98\x80.csv\" zz\n";
  json log = json::parse(Run(dir, {"lint", "spec.align", "--format", "sarif"}));
  const json& region = log["runs"][0]["results"][0]["locations"][0]
                          ["physicalLocation"]["region"];
  CHECK(region["startLine"] == 2);
  CHECK(region["startColumn"] == 24);
  CHECK(region["endColumn"] == 26);
  fs::remove_all(dir);
}
