// Tests for driver/spec_files and driver/pipeline: reading spec files within
// their limit whatever kind of file they are, and choosing which claims to
// check.
#include "driver/pipeline.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "driver/spec_files.h"

using namespace aligncheck;

namespace {

namespace fs = std::filesystem;

std::string Coin() {
  return (fs::path(ALIGNCHECK_SOURCE_DIR) / "specs" / "coin.align").string();
}

// A scratch file, removed at the end of the test.
struct ScratchFile {
  fs::path path = fs::temp_directory_path() /
                  ("aligncheck_check_command_test_" + std::to_string(getpid()));
  explicit ScratchFile(const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~ScratchFile() {
    std::error_code ec;
    fs::remove(path, ec);
  }
};

std::string Read(const std::string& path, size_t max_bytes,
                 std::string* message) {
  DiagnosticSink sink;
  std::shared_ptr<const SourceFile> file = ReadSpecFile(path, max_bytes, sink);
  std::vector<Diagnostic> diagnostics = sink.Sorted();
  *message = diagnostics.empty()
                 ? ""
                 : diagnostics[0].id + " " + diagnostics[0].message;
  CHECK((file == nullptr) == !diagnostics.empty());
  return file ? file->text() : "";
}

}  // namespace

TEST_CASE("ReadSpecFile: every byte of a file within the limit") {
  std::string text("claim\0x\r\n\xff", 10);
  ScratchFile scratch(text);
  std::string message;
  CHECK(Read(scratch.path.string(), 10, &message) == text);
  CHECK(message.empty());
  CHECK(Read(scratch.path.string(), 9, &message).empty());
  CHECK(message ==
        "E011 file is 10 bytes, over the limit of 9 (--max-file-size)");
}

TEST_CASE("ReadSpecFile: an endless device stops at the limit") {
  // Not a regular file, no size: read in chunks and counted.
  std::string message;
  CHECK(Read("/dev/zero", 100'000, &message).empty());
  CHECK(message ==
        "E011 file is over the limit of 100000 bytes (--max-file-size)");
  CHECK(Read("/dev/null", 10, &message).empty());
  CHECK(message.empty());
}

TEST_CASE("ReadSpecFile: directories and missing files are E010") {
  std::string message;
  Read(ALIGNCHECK_SOURCE_DIR, 1000, &message);
  CHECK(message == "E010 is a directory");
  Read("/nonexistent/spec.align", 1000, &message);
  CHECK(message == "E010 cannot read file: No such file or directory");
}

TEST_CASE("ExpandSpecPaths: a write-up named as a file names the gate") {
  std::vector<Diagnostic> errors;
  std::vector<std::string> files = ExpandSpecPaths(
      {"post.md", "paper.tex", "notes.markdown", "spec.align"}, errors);
  CHECK(files == std::vector<std::string>{"spec.align"});
  REQUIRE(errors.size() == 3);
  for (const Diagnostic& d : errors) {
    CHECK(d.id == "E036");
    CHECK(d.severity == Severity::kError);
  }
  REQUIRE(errors[1].help.size() == 1);
  CHECK(errors[1].help[0] ==
        "run `aligncheck gate paper.tex` to check the claims embedded in it "
        "and its prose");
  CHECK(!IsWriteUp("spec.align"));
  CHECK(IsWriteUp("dir/post.md"));
}

TEST_CASE("ExpandSpecPaths: a directory of write-ups names the gate") {
  fs::path dir = fs::temp_directory_path() / "aligncheck_specs_writeups";
  fs::create_directories(dir);
  std::ofstream(dir / "a.md") << "# A\n";
  std::vector<Diagnostic> errors;
  CHECK(ExpandSpecPaths({dir.string()}, errors).empty());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].id == "E010");
  REQUIRE(errors[0].help.size() == 1);
  CHECK(
      errors[0].help[0].find("it holds 1 write-up (.md, .markdown, .tex): run "
                             "`aligncheck gate ") == 0);
  fs::remove_all(dir);
}

TEST_CASE("SelectClaims: --claim picks, --max-claims leaves the rest UNKNOWN") {
  CheckOptions options;
  options.run_engines = false;  // analyze only; SelectClaims is the subject
  FileResult all = CheckFile(Coin(), options);
  REQUIRE(all.model);
  size_t claims = all.model->claims.size();
  REQUIRE(claims >= 3);

  options.max_claims = 2;
  std::vector<ClaimResult*> tasks = SelectClaims(all, options);
  CHECK(tasks.size() == 2);
  REQUIRE(all.claims.size() == claims);
  CHECK(tasks[0] == &all.claims[0]);
  CHECK(tasks[1] == &all.claims[1]);
  for (size_t i = 2; i < claims; ++i) {
    CHECK(all.claims[i].verdict.kind == Verdict::Kind::kUnknown);
    CHECK(all.claims[i].verdict.reason ==
          "not checked: the file has " + std::to_string(claims) +
              " claims to check, over the limit of 2 (--max-claims)");
  }

  FileResult one = CheckFile(Coin(), options);
  options.claims = {all.model->claims[2].name};
  tasks = SelectClaims(one, options);
  REQUIRE(one.claims.size() == 1);
  REQUIRE(tasks.size() == 1);
  CHECK(tasks[0]->claim->name == options.claims[0]);

  FileResult broken;  // no model: nothing to check
  CHECK(SelectClaims(broken, options).empty());
  CHECK(broken.claims.empty());
}
