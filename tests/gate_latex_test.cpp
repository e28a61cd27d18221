// The LaTeX reader: environments, comments, directives, paragraphs.
#include <doctest/doctest.h>

#include "gate_test_util.h"

namespace aligncheck::gate {
namespace {

using testing::Ids;

using Read = testing::ReadAs<Syntax::kLatex>;

TEST_CASE("latex: aligncheck environments are read verbatim") {
  Read r(
      "\\begin{document}\n"
      "\\begin{aligncheck}\nA % not a comment\n\\end{aligncheck}\n"
      "text\n\\begin{aligncheck}B\\end{aligncheck}\n\\end{document}\n");
  CHECK(r.Blocks() == std::vector<std::string>{"\nA % not a comment\n", "B"});
  CHECK(r.result.diagnostics.empty());
  CHECK(r.Paragraphs() == std::vector<std::string>{"text"});
}

TEST_CASE("latex: the preamble, comments and verbatim are not prose") {
  Read r(
      "\\documentclass{article}\nPreamble words.\n\\begin{document}\n"
      "One % a comment\ntwo.\n\n"
      "\\begin{verbatim}\n\\begin{aligncheck}\n\\end{verbatim}\n"
      "\\begin{lstlisting}[language=C]\nx\n\\end{lstlisting}\n"
      "\\begin{comment}\nhidden\n\\end{comment}\n"
      "Three.\n\\end{document}\nAfter.\n");
  CHECK(r.result.blocks.empty());
  CHECK(r.Paragraphs() == std::vector<std::string>{"One two.", "Three."});
  CHECK(r.result.diagnostics.empty());
}

TEST_CASE("latex: a file without \\begin{document} is all body") {
  Read r("A fragment, as \\input{} reads it.\n");
  CHECK(r.Paragraphs() == std::vector<std::string>{"A fragment, as reads it."});
}

TEST_CASE("latex: math, code and URLs become one opaque character each") {
  Read r(
      "Loss $\\ell(x)$ and $$y$$ and \\(z\\) and \\[w\\] mid\n"
      "\\begin{equation}\na = b\n\\end{equation}\n"
      "sentence; \\texttt{misses\\_coin}, \\verb|x_y|, \\url{https://a.org} "
      "and \\href{https://b.org}{the \\emph{paper}}~\\cite[p.~3]{key}.\n"
      "``Quoted'' 100\\% -- done.\n");
  CHECK(r.Paragraphs() ==
        std::vector<std::string>{
            "Loss # and # and # and # mid # sentence; #, #, # and #the paper . "
            "\"Quoted\" 100% -- done."});
  CHECK(r.Code() == std::vector<std::string>{"misses\\_coin", "x_y",
                                             "https://a.org", "https://b.org"});
}

TEST_CASE("latex: sections, items and environments break paragraphs") {
  Read r(
      "\\section*{Intro}\nText one.\n\\begin{itemize}\n\\item First.\n"
      "\\item Second.\n\\end{itemize}\n\\begin{quote}\nQuoted.\n\n"
      "Still quoted.\n\\end{quote}\nAfter.\n");
  CHECK(r.Paragraphs() ==
        std::vector<std::string>{"Intro", "Text one.", "First.", "Second.",
                                 "Quoted.", "Still quoted.", "After."});
  CHECK(r.Quoted() ==
        std::vector<bool>{false, false, false, false, true, true, false});
}

TEST_CASE("latex: unterminated, nested and stray environments") {
  Read open("\\begin{aligncheck}\nA\n");
  CHECK(Ids(open.result) == std::vector<std::string>{"E030"});
  CHECK(open.Blocks() == std::vector<std::string>{"\nA\n"});

  Read nested(
      "\\begin{aligncheck}\nA\n\\begin{aligncheck}\nB\n\\end{aligncheck}\n"
      "\\end{aligncheck}\n");
  CHECK(Ids(nested.result) == std::vector<std::string>{"E031", "E035"});
  CHECK(nested.Blocks() == std::vector<std::string>{"\nA\n\n\nB\n"});
  CHECK(nested.result.diagnostics[0].span.begin == 21);

  Read verbatim("text\n\\begin{verbatim}\nnever closed\n");
  CHECK(Ids(verbatim.result) == std::vector<std::string>{"E033"});
  CHECK(verbatim.Paragraphs() == std::vector<std::string>{"text"});
}

TEST_CASE("latex: directives in comments") {
  Read r(
      "% aligncheck: spec claims.align\n"
      "\\begin{document}\n"
      "Text. % aligncheck: ignore AC001\n"
      "100\\% aligncheck: ignore AC003 is not a comment\n"
      "%aligncheck: ignore-file AC002\n"
      "\\end{document}\n");
  REQUIRE(r.result.attachments.size() == 1);
  CHECK(r.result.attachments[0].path == "claims.align");
  REQUIRE(r.result.suppressions.size() == 2);
  CHECK(r.result.suppressions[0].id == "AC001");
  CHECK(r.result.suppressions[0].line == 3);
  CHECK(r.result.suppressions[1].whole_file);
  CHECK(r.result.diagnostics.empty());
}

TEST_CASE("latex: CRLF line ends") {
  Read r(
      "\\begin{document}\r\nOne\r\ntwo.\r\n\r\n\\begin{aligncheck}\r\nA\r\n"
      "\\end{aligncheck}\r\n\\end{document}\r\n");
  CHECK(r.Paragraphs() == std::vector<std::string>{"One two."});
  CHECK(r.Blocks() == std::vector<std::string>{"\r\nA\r\n"});
}

TEST_CASE("latex: a near-miss environment is a warning; align is math") {
  Read r(
      "\\begin{document}\n\\begin{align}\nx &= 0\n\\end{align}\n"
      "\\begin{alignchek}\nA\n\\end{alignchek}\n\\end{document}\n");
  CHECK(r.Blocks().empty());
  REQUIRE(Ids(r.result) == std::vector<std::string>{"E037"});
  const Diagnostic& d = r.result.diagnostics[0];
  CHECK(d.message == "environment 'alignchek' is not an aligncheck block");
  REQUIRE(d.fixits.size() == 1);
  CHECK(r.host->text().substr(d.span.begin, d.span.end - d.span.begin) ==
        "alignchek");
}

}  // namespace
}  // namespace aligncheck::gate
