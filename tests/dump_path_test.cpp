// Tests for solve/dump_path: --dump-smt2 file names never collide, and each
// file says what it asks.
#include "solve/dump_path.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>

#include "cli_test_util.h"

namespace aligncheck {
namespace {

namespace fs = std::filesystem;

std::string PathFor(const std::string& spec, const std::string& dir,
                    const std::string& name) {
  Model model;
  model.file = std::make_shared<SourceFile>(spec, "");
  EngineOptions options;
  options.dump_smt2_dir = dir;
  return DumpQueryPath(model, options, name);
}

TEST_CASE("dump path: the spec's path keeps equal claim names apart") {
  fs::path dir = fs::temp_directory_path() / "aligncheck_dump_path_names";
  fs::remove_all(dir);
  std::string a = PathFor("a/spec.align", dir.string(), "c-1");
  std::string b = PathFor("b/spec.align", dir.string(), "c-1");
  CHECK(a != b);
  CHECK(fs::path(a).filename() == "a_spec.c-1.smt2");
  CHECK(fs::path(b).filename() == "b_spec.c-1.smt2");
  CHECK(fs::is_directory(dir));  // created for the writes to come
  // Paths that differ only where characters become '_' still differ.
  std::set<std::string> names;
  for (const char* spec : {"a_b/spec.align", "a/b_spec.align", "a/b/spec.align",
                           "a.b/spec.align", "./a/b_spec.align"}) {
    names.insert(
        fs::path(PathFor(spec, dir.string(), "c-1")).filename().string());
  }
  CHECK(names.size() == 5);
  CHECK(names.count("a_b_spec.c-1.smt2") == 1);     // only '/': no hash
  CHECK(PathFor("spec.align", "", "c-1").empty());  // no dump asked for
  fs::remove_all(dir);
}

TEST_CASE("dump path: two specs with one claim name, checked together") {
  fs::path root = fs::temp_directory_path() / "aligncheck_dump_path_cli";
  fs::remove_all(root);
  // A goal across two inputs is decided by the solver: one query a claim.
  const char* spec =
      "domain X = {a, b}\n"
      "domain Y = {u, v}\n"
      "loss l(x: X, y: Y) = if y == u then 0 else 1\n"
      "data d = {a: 1}\n"
      "goal same(pi) = pi(a) == pi(b)\n"
      "claim c: l aligned_with same as idealized_minimizer over d\n";
  for (const char* sub : {"one", "two"}) {
    fs::create_directories(root / sub);
    std::ofstream(root / sub / "spec.align") << spec;
  }
  testing::CliRun run =
      testing::RunCliIn(root, {"check", "one/spec.align", "two/spec.align",
                               "--dump-smt2", "queries", "-j", "2"});
  INFO(run.out, run.err);
  REQUIRE(fs::is_directory(root / "queries"));
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(root / "queries")) {
    names.insert(entry.path().filename().string());
    std::string text = testing::ReadAll(entry.path());
    CHECK(text.rfind("; aligncheck query " + entry.path().filename().string(),
                     0) == 0);
  }
  CHECK(names ==
        std::set<std::string>{"one_spec.c-1.smt2", "two_spec.c-1.smt2"});
  fs::remove_all(root);
}

}  // namespace
}  // namespace aligncheck
