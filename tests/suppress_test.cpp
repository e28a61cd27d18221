// Suppression comments: where they apply, what they name, which go unused.
#include "lint/suppress.h"

#include <doctest/doctest.h>

namespace aligncheck {
namespace {

Diagnostic At(const std::shared_ptr<const SourceFile>& file, uint32_t offset,
              const char* id) {
  Diagnostic d;
  d.severity = Severity::kWarning;
  d.id = id;
  d.file = file;
  d.span = {offset, offset + 1};
  return d;
}

uint32_t OffsetOfLine(const SourceFile& file, uint32_t line) {
  return static_cast<uint32_t>(file.Line(line).data() - file.text().data());
}

TEST_CASE("suppress: the comment's line and the next, for the ids named") {
  auto file = std::make_shared<SourceFile>(
      "spec.align",
      "line one\n"
      "# aligncheck: ignore AC007, AC011 -- both on purpose\n"
      "line three\n"
      "line four  # aligncheck: ignore AC009\n"
      "line five\n");
  std::vector<Diagnostic> problems;
  std::vector<Suppression> s = ParseSuppressions(file, problems);
  CHECK(problems.empty());
  REQUIRE(s.size() == 3);
  CHECK(s[0].id == "AC007");
  CHECK(s[1].id == "AC011");
  CHECK(s[2].id == "AC009");
  CHECK(!Suppressed(At(file, OffsetOfLine(*file, 1), "AC007"), s));
  CHECK(Suppressed(At(file, OffsetOfLine(*file, 2), "AC007"), s));
  CHECK(Suppressed(At(file, OffsetOfLine(*file, 3), "AC011"), s));
  CHECK(!Suppressed(At(file, OffsetOfLine(*file, 3), "AC009"), s));
  CHECK(Suppressed(At(file, OffsetOfLine(*file, 4), "AC009"), s));
  // A comment after code covers its own line only.
  CHECK(!Suppressed(At(file, OffsetOfLine(*file, 5), "AC009"), s));
  CHECK(!Suppressed(At(file, OffsetOfLine(*file, 4), "AC007"), s));
  // Bad input is never suppressed.
  CHECK(!Suppressed(At(file, OffsetOfLine(*file, 3), "E002"), s));
  CHECK(UnusedSuppressions(file, s).empty());
}

TEST_CASE("suppress: ignore-file, bare ignore, strings and unused ones") {
  auto file = std::make_shared<SourceFile>(
      "spec.align",
      "data d = csv \"#aligncheck: ignore AC001\"\n"
      "# aligncheck: ignore-file AC012\n"
      "x  # aligncheck: ignore\n"
      "y\n"
      "z\n");
  std::vector<Diagnostic> problems;
  std::vector<Suppression> s = ParseSuppressions(file, problems);
  CHECK(problems.empty());
  REQUIRE(s.size() == 2);  // nothing inside the string
  CHECK(s[0].whole_file);
  CHECK(s[1].id.empty());
  CHECK(Suppressed(At(file, OffsetOfLine(*file, 5), "AC012"), s));
  CHECK(!Suppressed(At(file, OffsetOfLine(*file, 4), "AC003"), s));
  CHECK(Suppressed(At(file, OffsetOfLine(*file, 3), "AC003"), s));
  CHECK(!Suppressed(At(file, OffsetOfLine(*file, 5), "AC003"), s));
  // Findings about suppressions cannot be suppressed by one.
  CHECK(!Suppressed(At(file, OffsetOfLine(*file, 3), "AC013"), s));

  std::vector<Suppression> fresh = ParseSuppressions(file, problems);
  std::vector<Diagnostic> unused = UnusedSuppressions(file, fresh);
  REQUIRE(unused.size() == 2);
  CHECK(unused[0].id == "AC013");
  CHECK(unused[0].message ==
        "suppression of AC012 in this file suppresses nothing");
  CHECK(unused[1].message ==
        "suppression of any finding here suppresses nothing");
  // A comment alone on its line is removed with its line break.
  REQUIRE(unused[0].fixits.size() == 1);
  CHECK(file->text().substr(
            unused[0].fixits[0].span.begin,
            unused[0].fixits[0].span.end - unused[0].fixits[0].span.begin) ==
        "# aligncheck: ignore-file AC012\n");
  CHECK(file->text().substr(
            unused[1].fixits[0].span.begin,
            unused[1].fixits[0].span.end - unused[1].fixits[0].span.begin) ==
        "  # aligncheck: ignore");
}

TEST_CASE("suppress: unknown ids and directives warn with a suggestion") {
  auto file = std::make_shared<SourceFile>("spec.align",
                                           "# aligncheck: ignore AC07, E002\n"
                                           "# aligncheck: ignore-fle AC007\n");
  std::vector<Diagnostic> problems;
  std::vector<Suppression> s = ParseSuppressions(file, problems);
  CHECK(s.empty());  // unknown ids suppress nothing, not everything
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].id == "AC014");
  CHECK(problems[0].message ==
        "suppression names 'AC07', which is not a lint rule");
  REQUIRE(problems[0].fixits.size() == 1);
  CHECK(problems[0].fixits[0].replacement == "AC007");
  CHECK(problems[1].message ==
        "suppression names 'E002', which is not a lint rule");
  CHECK(problems[2].message == "unknown suppression directive 'ignore-fle'");
  CHECK(problems[2].help ==
        std::vector<std::string>{"did you mean 'ignore-file'?"});
}

TEST_CASE("suppress: after a claim header, its own line only") {
  // A trailing comment covers its own line, whatever the line holds: a
  // finding in the claim's body needs a comment of its own.
  auto file = std::make_shared<SourceFile>(
      "spec.align",
      "claim c:   # aligncheck: ignore AC007\n"
      "  l aligned_with g as idealized_minimizer over d\n"
      "claim e:\n"
      "  # aligncheck: ignore AC007\n"
      "  l aligned_with g as idealized_minimizer over d\n");
  std::vector<Diagnostic> problems;
  std::vector<Suppression> s = ParseSuppressions(file, problems);
  REQUIRE(s.size() == 2);
  CHECK(Suppressed(At(file, OffsetOfLine(*file, 1), "AC007"), s));
  s[0].used = false;
  CHECK(!Suppressed(At(file, OffsetOfLine(*file, 2), "AC007"), s));
  CHECK(Suppressed(At(file, OffsetOfLine(*file, 5), "AC007"), s));
  // The unused header comment says why it missed the body's finding.
  std::vector<Diagnostic> unused = UnusedSuppressions(file, s);
  REQUIRE(unused.size() == 1);
  CHECK(unused[0].id == "AC013");
  CHECK(unused[0].notes ==
        std::vector<std::string>{"a comment after code covers its own line "
                                 "only, not the AC007 finding on line 2"});
  CHECK(unused[0].help ==
        std::vector<std::string>{"put the comment on a line of its own just "
                                 "above line 2, or at the end of line 2"});
  CHECK(unused[0].fixits.empty());  // lint --fix keeps it for the author
}

TEST_CASE("suppress: an unused comment with no miss on the next line") {
  auto file = std::make_shared<SourceFile>(
      "spec.align", "claim c:   # aligncheck: ignore AC007\nnext\n");
  std::vector<Diagnostic> problems;
  std::vector<Suppression> s = ParseSuppressions(file, problems);
  CHECK(!Suppressed(At(file, OffsetOfLine(*file, 2), "AC009"), s));
  std::vector<Diagnostic> unused = UnusedSuppressions(file, s);
  REQUIRE(unused.size() == 1);
  CHECK(unused[0].notes.empty());
  CHECK(unused[0].help.empty());
  CHECK(unused[0].fixits.size() == 1);  // a stale comment: remove it
}

}  // namespace
}  // namespace aligncheck
