// GitHub workflow-command annotations: escaping as the Actions toolkit
// documents it, and the shape of each line.
#include "report/github_report.h"

#include <doctest/doctest.h>

namespace aligncheck {
namespace {

TEST_CASE("github: message data escapes % and LF, and nothing else printable") {
  CHECK(EscapeGithubData("plain") == "plain");
  CHECK(EscapeGithubData("100%") == "100%25");
  CHECK(EscapeGithubData("a\nb\nc") == "a%0Ab%0Ac");
  CHECK(EscapeGithubData("%0A") == "%250A");  // no double decoding
  CHECK(EscapeGithubData("a: b, c") == "a: b, c");
  CHECK(EscapeGithubData("::error::") == "::error::");
}

TEST_CASE("github: control characters from the input are shown, not sent") {
  CHECK(EscapeGithubData("a\x1b[31mb") == "a\\x1b[31mb");
  CHECK(EscapeGithubData("bare\rCR") == "bare\\x0dCR");
  CHECK(EscapeGithubData("two\nlines") == "two%0Alines");
  CHECK(EscapeGithubProperty("f\x1b[2J:1,2") == "f\\x1b[2J%3A1%2C2");
}

TEST_CASE("github: properties also escape : and ,") {
  CHECK(EscapeGithubProperty("specs/a.align") == "specs/a.align");
  CHECK(EscapeGithubProperty("C:\\x,y.align") == "C%3A\\x%2Cy.align");
  CHECK(EscapeGithubProperty("50%\n") == "50%25%0A");
  CHECK(EscapeGithubProperty("a::b") == "a%3A%3Ab");
}

TEST_CASE("github: one annotation per diagnostic, located and escaped") {
  auto file = std::make_shared<SourceFile>(
      "dir,1/spec:x.align", "domain X = {a}\nclaim c: l aligned_with g\n");
  FileResult result;
  result.path = file->name();
  result.file = file;
  Diagnostic d;
  d.severity = Severity::kWarning;
  d.id = "AC011";
  d.file = file;
  d.span = {22, 36};
  d.message = "100% unused";
  d.notes.push_back("second line");
  result.diagnostics.push_back(d);
  Diagnostic note = d;
  note.severity = Severity::kNote;
  note.notes.clear();
  note.message = "n";
  result.diagnostics.push_back(note);
  Diagnostic usage;
  usage.id = "E002";
  usage.message = "no claim named 'x'";
  FileResult front;
  front.diagnostics.push_back(usage);
  CHECK(RenderGithub({front, result}) ==
        "::error title=aligncheck E002::no claim named 'x'\n"
        "::warning file=dir%2C1/spec%3Ax.align,line=2,col=8,endLine=2,"
        "endColumn=22,title=aligncheck AC011::100%25 unused%0Anote: second "
        "line\n"
        "::notice file=dir%2C1/spec%3Ax.align,line=2,col=8,endLine=2,"
        "endColumn=22,title=aligncheck AC011::n\n");
}

}  // namespace
}  // namespace aligncheck
