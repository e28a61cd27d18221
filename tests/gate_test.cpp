// The gate pipeline over one document, and path selection for `gate`.
#include "gate/gate.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "cli/cli.h"
#include "cli/gate_command.h"
#include "cli_test_util.h"
#include "gate_test_util.h"
#include "lint/rule_catalog.h"

namespace aligncheck::gate {
namespace {

namespace fs = std::filesystem;

std::string GateDir() {
  return (fs::path(ALIGNCHECK_SOURCE_DIR) / "tests" / "gate").string();
}

struct Gated {
  LintConfig config = DefaultConfig();
  DocumentResult result;
  explicit Gated(const std::string& path, bool allow_outside = false) {
    GateOptions options;
    options.check.config = &config;
    options.check.analysis.allow_outside = allow_outside;
    result = CheckDocument(path, SyntaxFor(path), options);
  }
  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const Diagnostic& d : result.document.diagnostics) ids.push_back(d.id);
    return ids;
  }
};

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

TEST_CASE("gate: the spec view keeps offsets and line breaks") {
  std::string host = "ab\r\n```aligncheck\r\n> xy\r\n```\r\ntail\n";
  Block block;
  block.lines.push_back({21, 23});  // "xy"
  std::string view = SpecView(host, {block});
  CHECK(view == "  \r\n             \r\n  xy");
  CHECK(SpecView(host, {}).empty());
}

TEST_CASE("gate: blocks of a Markdown document form one spec") {
  Gated g(GateDir() + "/coin.md");
  const FileResult& doc = g.result.document;
  CHECK(g.result.blocks == 4);
  // The spec's own lint findings, at host positions.
  CHECK(g.Ids() == std::vector<std::string>{"AC007"});
  CHECK(!doc.bad_input);
  REQUIRE(doc.model);
  CHECK(doc.model->file == doc.file);
  REQUIRE(doc.claims.size() == 2);
  CHECK(doc.claims[0].claim->name == "minimizers_get_coin");
  CHECK(doc.claims[0].verdict.kind == Verdict::Kind::kFails);
  CHECK(doc.claims[0].AsExpected());
  LineCol at = doc.file->Locate(doc.claims[0].claim->name_span.begin);
  CHECK(at.line == 33);
  CHECK(at.col == 9);
  CHECK(doc.claims[1].claim->name == "minimizers_get_coin_both_sides");
  CHECK(doc.claims[1].verdict.kind == Verdict::Kind::kHolds);
  at = doc.file->Locate(doc.claims[1].claim->name_span.begin);
  CHECK(at.line == 45);
  CHECK(at.col == 9);
}

TEST_CASE("gate: LaTeX blocks, and an unused file-wide suppression") {
  Gated g(GateDir() + "/coin.tex");
  const FileResult& doc = g.result.document;
  CHECK(g.result.blocks == 2);
  CHECK(g.Ids() == std::vector<std::string>{"AC013", "AC007"});
  REQUIRE(doc.claims.size() == 1);
  CHECK(doc.claims[0].verdict.kind == Verdict::Kind::kFails);
  CHECK(doc.file->Locate(doc.claims[0].claim->name_span.begin).line == 35);
}

TEST_CASE("gate: spec errors in a block are located in the host") {
  fs::path dir = fs::temp_directory_path() / "aligncheck_gate_errors";
  Write(dir / "doc.md",
        "Intro.\n\n> ```aligncheck\n> domain D = {a}\n> loss l(x: D, y: E) = "
        "0\n> ```\n");
  Gated g((dir / "doc.md").string());
  REQUIRE(!g.result.document.diagnostics.empty());
  const Diagnostic& d = g.result.document.diagnostics[0];
  CHECK(d.file == g.result.document.file);
  LineCol at = d.file->Locate(d.span.begin);
  CHECK(at.line == 5);
  CHECK(at.col == 19);
  CHECK(g.result.document.bad_input);
  fs::remove_all(dir);
}

TEST_CASE("gate: CRLF documents keep their columns") {
  Gated g(GateDir() + "/crlf.md");
  const FileResult& doc = g.result.document;
  CHECK(g.Ids().empty());
  REQUIRE(doc.claims.size() == 1);
  CHECK(doc.claims[0].verdict.kind == Verdict::Kind::kHolds);
  LineCol at = doc.file->Locate(doc.claims[0].claim->name_span.begin);
  CHECK(at.line == 10);
  CHECK(at.col == 7);
}

TEST_CASE("gate: attached specs are checked at their own positions") {
  Gated g(GateDir() + "/attach.md");
  CHECK(g.Ids().empty());
  REQUIRE(g.result.attached.size() == 1);
  const FileResult& spec = g.result.attached[0];
  CHECK(spec.path == GateDir() + "/coin_spec.align");
  CHECK(spec.claims.size() == 3);
  CHECK(spec.model->file->name() == spec.path);
  CHECK(g.result.document.claims.empty());
}

TEST_CASE("gate: missing and outside attachments") {
  fs::path dir = fs::temp_directory_path() / "aligncheck_gate_attach";
  Write(dir / "outside.align", "domain D = {a}\n");
  Write(dir / "sub" / "doc.md",
        "<!-- aligncheck: spec nowhere.align -->\n"
        "<!-- aligncheck: spec ../outside.align -->\n");
  std::string doc = (dir / "sub" / "doc.md").string();
  Gated g(doc);
  CHECK(g.Ids() == std::vector<std::string>{"E010", "E020"});
  CHECK(g.result.document.diagnostics[0].message ==
        "attached spec 'nowhere.align' does not exist");
  CHECK(g.result.document.diagnostics[0].span.begin == 22);
  CHECK(g.result.document.bad_input);
  Gated allowed(doc, true);
  CHECK(allowed.Ids() == std::vector<std::string>{"E010"});
  CHECK(allowed.result.attached.size() == 1);
  fs::remove_all(dir);
}

TEST_CASE("gate: configuration and suppressions apply to rule findings") {
  auto host = testing::Host(
      "one\n<!-- aligncheck: ignore AC008 -->\nthree\nfour\nfive\n");
  ReadResult read = ReadDocument(host, Syntax::kMarkdown);
  REQUIRE(read.suppressions.size() == 1);
  auto finding = [&](const char* id, uint32_t offset, Severity severity) {
    Diagnostic d;
    d.id = id;
    d.file = host;
    d.span = {offset, offset + 1};
    d.severity = severity;
    return d;
  };
  LintConfig config = DefaultConfig();
  config.rules["AC009"] = {false, Severity::kWarning, "x:1:1"};
  config.rules["AC010"] = {true, Severity::kError, "x:2:1"};
  Severity ac010 = FindRule("AC010")->severity;
  REQUIRE(ac010 != Severity::kNote);
  std::vector<Diagnostic> kept = ApplyPolicy(
      {finding("AC008", 40, Severity::kWarning),  // line 3: suppressed
       finding("AC008", 46, Severity::kWarning),  // line 4: kept
       finding("AC009", 0, Severity::kWarning),   // off
       finding("AC010", 0, ac010),                // raised to error
       finding("AC010", 0, Severity::kNote),      // quoted: stays a note
       finding("E030", 0, Severity::kError)},     // not a rule finding
      config, read.suppressions);
  REQUIRE(kept.size() == 4);
  CHECK(kept[0].span.begin == 46);
  CHECK(kept[1].severity == Severity::kError);
  CHECK(kept[2].severity == Severity::kNote);
  CHECK(kept[3].id == "E030");
  CHECK(read.suppressions[0].used);
  CHECK(UnusedSuppressions(host, read.suppressions).empty());
}

TEST_CASE("gate: exclude globs") {
  CHECK(MatchGlob("*.md", "a.md"));
  CHECK(!MatchGlob("*.md", "dir/a.md"));
  CHECK(MatchGlob("**/*.md", "a.md"));
  CHECK(MatchGlob("**/*.md", "x/y/a.md"));
  CHECK(!MatchGlob("**/a.md", "xa.md"));
  CHECK(MatchGlob("docs/drafts/**", "docs/drafts/a/b.tex"));
  CHECK(!MatchGlob("docs/drafts/**", "docs/final/a.tex"));
  CHECK(MatchGlob("docs/?.md", "docs/a.md"));
  CHECK(!MatchGlob("docs/?.md", "docs/ab.md"));
  CHECK(!MatchGlob("?", "/"));
  CHECK(MatchGlob("**", "anything/at/all"));
  CHECK(MatchGlob("a*b*c", "axxbyyc"));
  CHECK(!MatchGlob("a*b*c", "axxbyy"));
}

TEST_CASE("gate: document paths are walked, sorted and filtered") {
  fs::path dir = fs::temp_directory_path() / "aligncheck_gate_walk";
  fs::remove_all(dir);
  for (const char* f :
       {"b.md", "a.tex", "c.markdown", "skip.txt", "drafts/d.md", "sub/e.md"}) {
    Write(dir / f, "text\n");
  }
  Write(dir / "empty" / "x.txt", "");
  std::string root = dir.generic_string();
  std::vector<Diagnostic> errors;
  std::vector<std::string> paths = ExpandDocumentPaths(
      {root, root + "/skip.txt", root + "/empty"}, {"**/drafts/**"}, errors);
  CHECK(paths == std::vector<std::string>{
                     root + "/a.tex", root + "/b.md", root + "/c.markdown",
                     root + "/sub/e.md", root + "/skip.txt"});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "no .md, .markdown or .tex files in directory");
  fs::remove_all(dir);
}

TEST_CASE("gate: a spec file named on the command line names check") {
  std::vector<Diagnostic> errors;
  std::vector<std::string> paths =
      ExpandDocumentPaths({"claims.align", "doc.md"}, {}, errors);
  CHECK(paths == std::vector<std::string>{"doc.md"});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].id == "E036");
  CHECK(errors[0].severity == Severity::kError);
  REQUIRE(errors[0].help.size() == 1);
  CHECK(errors[0].help[0].find("aligncheck check claims.align") !=
        std::string::npos);
  errors.clear();
  CHECK(ExpandDocumentPaths({"claims.align"}, {"*.align"}, errors).empty());
  CHECK(errors.empty());
}

TEST_CASE("gate: prose that contradicts a cited claim's verdict (AC104)") {
  fs::path dir = fs::temp_directory_path() / "aligncheck_gate_ac104";
  Write(dir / "doc.md",
        "```aligncheck\n"
        "domain Level = {coin_left, coin_right}\n"
        "domain Move = {go_left, go_right}\n"
        "fn coin_side: Level -> Move = {coin_left: go_left, coin_right: "
        "go_right}\n"
        "loss misses_coin(x: Level, y: Move) = if y == coin_side(x) then 0 "
        "else 1\n"
        "data train = {coin_right: 1}\n"
        "goal gets_coin(pi) = forall x in Level: pi(x) == coin_side(x)\n"
        "claim narrow:\n"
        "  # aligncheck: ignore AC007\n"
        "  misses_coin aligned_with gets_coin as idealized_minimizer over "
        "train\n"
        "  expect fails\n"
        "```\n\n"
        "The loss is aligned with getting the coin (`narrow`).\n\n"
        "Claim `narrow` fails, as it should.\n");
  Gated g((dir / "doc.md").string());
  REQUIRE(g.Ids() == std::vector<std::string>{"AC104"});
  const Diagnostic& d = g.result.document.diagnostics[0];
  CHECK(d.severity == Severity::kError);
  CHECK(d.message ==
        "sentence says claim 'narrow' holds, but its verdict is FAILS");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].find("(FAILS) is declared at ") != std::string::npos);
  CHECK(d.notes[0].find("doc.md:8:7") != std::string::npos);
  fs::remove_all(dir);
}

std::string RunGate(std::vector<std::string> args, int* exit_code) {
  args.insert(args.begin(), "gate");
  aligncheck::testing::CliRun run =
      aligncheck::testing::RunCliIn(fs::current_path(), std::move(args));
  *exit_code = run.exit_code;
  return run.out + run.err;
}

TEST_CASE("gate: output is the same bytes for every -j, run after run") {
  std::string dir = GateDir();
  std::string examples =
      (fs::path(ALIGNCHECK_SOURCE_DIR) / "examples").string();
  for (const char* format : {"text", "json", "sarif", "github"}) {
    CAPTURE(format);
    int one_exit = 0;
    std::string one =
        RunGate({dir, examples, "--format", format, "-j", "1"}, &one_exit);
    CHECK(one_exit == 0);
    for (const char* jobs : {"1", "2", "8"}) {
      int many_exit = 0;
      CHECK(RunGate({dir, examples, "--format", format, "-j", jobs},
                    &many_exit) == one);
      CHECK(many_exit == one_exit);
    }
  }
}

TEST_CASE("gate: the host file is never modified") {
  fs::path dir = fs::temp_directory_path() / "aligncheck_gate_readonly";
  std::string text =
      "```aligncheck\ndomain X = {a}\n```\n<!-- aligncheck: ignore AC001 "
      "-->\n```aligncheck\nunterminated\n";
  Write(dir / "doc.md", text);
  auto before = fs::last_write_time(dir / "doc.md");
  int exit_code = 0;
  RunGate({(dir / "doc.md").string(), "--format", "json"}, &exit_code);
  CHECK(exit_code == 2);
  CHECK(aligncheck::testing::ReadAll(dir / "doc.md") == text);
  CHECK(fs::last_write_time(dir / "doc.md") == before);
  fs::remove_all(dir);
}

TEST_CASE("gate: the limits reach the document and its blocks") {
  fs::path dir = fs::temp_directory_path() / "aligncheck_gate_limits";
  std::string prose(300, 'w');  // a long prose line, outside every block
  Write(dir / "doc.md", prose + "\n\n```aligncheck\ndomain X = {a, bb}\n```\n");
  LintConfig config = DefaultConfig();
  GateOptions options;
  options.check.config = &config;
  options.check.parse.max_line_bytes = 12;
  std::string path = (dir / "doc.md").string();
  DocumentResult r = CheckDocument(path, Syntax::kMarkdown, options);
  REQUIRE(r.document.diagnostics.size() == 1);
  const Diagnostic& line = r.document.diagnostics[0];
  CHECK(line.id == "E011");
  CHECK(line.file->name() == path);  // the host, not the spec view
  CHECK(line.file->Locate(line.span.begin).line == 4);
  CHECK(r.document.bad_input);

  options.check.parse.max_line_bytes = 80;
  options.check.max_file_bytes = 100;
  r = CheckDocument(path, Syntax::kMarkdown, options);
  REQUIRE(r.document.diagnostics.size() == 1);
  CHECK(r.document.diagnostics[0].id == "E011");
  CHECK(r.document.diagnostics[0].message ==
        "file is 339 bytes, over the limit of 100 (--max-file-size)");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace aligncheck::gate
