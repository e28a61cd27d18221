// The Markdown reader: blocks, containers, directives, paragraphs.
#include <doctest/doctest.h>

#include "gate_test_util.h"

namespace aligncheck::gate {
namespace {

using testing::Ids;

using Read = testing::ReadAs<Syntax::kMarkdown>;

TEST_CASE("markdown: backtick and tilde fences, any length >= 3") {
  Read r(
      "```aligncheck\nA\n```\n"
      "~~~aligncheck\nB\n~~~\n"
      "`````aligncheck\nC\n```\nD\n`````\n"
      "~~~~aligncheck\nE\n~~~~~~~\n");
  CHECK(r.Blocks() == std::vector<std::string>{"A", "B", "C\n```\nD", "E"});
  CHECK(r.result.diagnostics.empty());
}

TEST_CASE("markdown: only the info string's first word names a block") {
  Read r(
      "``` aligncheck title=\"coin\"\nA\n```\n"
      "```alignchecker\nB\n```\n"
      "```python aligncheck\nC\n```\n"
      "```{aligncheck}\nD\n```\n"
      "~~~ aligncheck ```\nE\n~~~\n");
  CHECK(r.Blocks() == std::vector<std::string>{"A", "E"});
}

TEST_CASE("markdown: a closing fence must match the opening one") {
  Read r("```aligncheck\nA\n~~~\n``\n```` \nB\n");
  CHECK(r.Blocks() == std::vector<std::string>{"A\n~~~\n``"});
  CHECK(r.result.diagnostics.empty());
  CHECK(r.Paragraphs() == std::vector<std::string>{"B"});
}

TEST_CASE("markdown: fences indented up to three spaces; four is code") {
  Read r("   ```aligncheck\n   A\n  ```\n\n    ```aligncheck\n    B\n");
  CHECK(r.Blocks() == std::vector<std::string>{"   A"});
  CHECK(r.result.diagnostics.empty());
  CHECK(r.Paragraphs().empty());
}

TEST_CASE("markdown: fences in blockquotes and list items") {
  Read r(
      "> quoted\n>\n> ```aligncheck\n> A\n>> B\n> ```\n\n"
      "- item\n\n  ```aligncheck\n  C\n  ```\n"
      "1. ```aligncheck\n   D\n   ```\n");
  CHECK(r.Blocks() == std::vector<std::string>{"A\n> B", "  C", "   D"});
  CHECK(r.result.diagnostics.empty());
}

TEST_CASE("markdown: a blockquote that ends first leaves its block open") {
  Read r("> ```aligncheck\n> A\n\nB\n");
  REQUIRE(r.result.blocks.size() == 1);
  CHECK(Ids(r.result) == std::vector<std::string>{"E030"});
  CHECK(r.Paragraphs() == std::vector<std::string>{"B"});
}

TEST_CASE("markdown: unterminated fences") {
  Read block("text\n\n````aligncheck\nA\n");
  REQUIRE(block.result.diagnostics.size() == 1);
  const Diagnostic& d = block.result.diagnostics[0];
  CHECK(d.id == "E030");
  CHECK(d.severity == Severity::kError);
  CHECK(d.span.begin == 6);
  CHECK(d.span.end == 10);
  CHECK(d.help ==
        std::vector<std::string>{"end the block with a line of 4 backticks"});

  Read code("```python\nx = 1\n");
  REQUIRE(code.result.diagnostics.size() == 1);
  CHECK(code.result.diagnostics[0].id == "E033");
  CHECK(code.result.diagnostics[0].severity == Severity::kWarning);
  CHECK(code.Paragraphs().empty());
}

TEST_CASE("markdown: a fence opened inside a block is reported, left out") {
  Read r("```aligncheck\nA\n```aligncheck\nB\n~~~python\n```\n");
  CHECK(r.Blocks() == std::vector<std::string>{"A\nB"});
  CHECK(Ids(r.result) == std::vector<std::string>{"E031", "E031"});
  CHECK(r.result.diagnostics[0].span.begin == 16);
  CHECK(r.result.diagnostics[0].notes[0] ==
        "the aligncheck block opened at line 1 is still open; this line is "
        "left out of it");
}

TEST_CASE("markdown: CRLF line ends") {
  Read r("Text one\r\nline two\r\n\r\n```aligncheck\r\nA\r\n```\r\n");
  CHECK(r.Blocks() == std::vector<std::string>{"A"});
  CHECK(r.result.diagnostics.empty());
  CHECK(r.Paragraphs() == std::vector<std::string>{"Text one line two"});
}

TEST_CASE("markdown: what is not prose") {
  Read r(
      "---\ntitle: loss\n---\n"
      "<!-- a comment\nspanning lines -->\n"
      "<div>\nhtml block\n</div>\n\n"
      "    indented code\n\n"
      "| a | b |\n|---|:-:|\n| c | d |\n\n"
      "Prose.\n");
  CHECK(r.Paragraphs() == std::vector<std::string>{"a b", "c d", "Prose."});
  CHECK(r.result.diagnostics.empty());
}

TEST_CASE("markdown: headings, blockquotes and list items are paragraphs") {
  Read r(
      "# Title #\nSetext\n===\n> quoted\n> words\n\nplain\n- one\n- two\n"
      "***\nafter\n");
  CHECK(r.Paragraphs() == std::vector<std::string>{"Title", "Setext",
                                                   "quoted words", "plain",
                                                   "one", "two", "after"});
  CHECK(r.Quoted() ==
        std::vector<bool>{false, false, true, false, false, false, false});
}

TEST_CASE("markdown: link reference definitions are not prose") {
  Read r(
      "[paper]: https://a.org/x \"The loss is aligned\"\n"
      "[b]: <https://b.org> 'title'\n[c]:   https://c.org (title)  \n"
      "[d]: https://d.org\n\n"
      "Text [paper].\n[e]: https://e.org\n\n"  // cannot interrupt a paragraph
      "[not]: a definition \"unclosed\n[x] y\n[]: empty\n");
  CHECK(r.Paragraphs() ==
        std::vector<std::string>{"Text paper. e: #",
                                 "not: a definition \"unclosed x y : empty"});
}

TEST_CASE("markdown: lazy continuation lines stay in the quotation") {
  Read r(
      "> As one paper puts it,\nthe loss is aligned.\n\n"
      ">> deeper\n> still deeper\nand lazy\n\n"
      "> quoted\n# heading\n> quoted\n- item\n> quoted\n---\n"
      "> quoted\n```\ncode\n```\n");
  CHECK(r.Paragraphs() == std::vector<std::string>{
                              "As one paper puts it, the loss is aligned.",
                              "deeper still deeper and lazy", "quoted",
                              "heading", "quoted", "item", "quoted", "quoted"});
  CHECK(r.Quoted() ==
        std::vector<bool>{true, true, true, false, true, false, true, true});
}

TEST_CASE("markdown: code, math and URLs become one opaque character each") {
  Read r(
      "The loss `misses_coin` and ``a ` b`` with $x + y$ and $$z$$ and "
      "\\(w\\) at <https://a.org/x> or https://b.org/y. See "
      "[the *paper*](https://c.org/(z)) and ![img](i.png), cost $5 and "
      "snake_case \\*stars\\*.\n");
  CHECK(r.Paragraphs() ==
        std::vector<std::string>{
            "The loss # and # with # and # and # at # or #. See the paper# and "
            "img#, cost $5 and snake_case *stars*."});
  CHECK(r.Code() == std::vector<std::string>{"misses_coin", "a ` b",
                                             "https://c.org/(z)", "i.png"});
}

TEST_CASE("markdown: directives") {
  Read r(
      "<!-- aligncheck: spec claims.align -->\n\n"
      "Text <!-- aligncheck: ignore AC001, AC003 why --> here.\n\n"
      "<!-- aligncheck: ignore-file -->\n"
      "<!-- aligncheck: ignore AC999 -->\n"
      "<!-- aligncheck: spec -->\n"
      "<!-- aligncheck: ignor AC001 -->\n"
      "<!-- not a directive -->\n"
      "```aligncheck\n<!-- aligncheck: spec inside.align -->\n```\n");
  REQUIRE(r.result.attachments.size() == 1);
  CHECK(r.result.attachments[0].path == "claims.align");
  CHECK(r.host->text().substr(r.result.attachments[0].span.begin, 12) ==
        "claims.align");
  REQUIRE(r.result.suppressions.size() == 3);
  CHECK(r.result.suppressions[0].id == "AC001");
  CHECK(r.result.suppressions[0].line == 3);
  CHECK(!r.result.suppressions[0].only_one);
  CHECK(r.result.suppressions[1].id == "AC003");
  CHECK(r.result.suppressions[2].whole_file);
  CHECK(r.result.suppressions[2].id.empty());
  CHECK(r.result.suppressions[2].only_one);
  // The whole line goes with a comment alone on it.
  CHECK(r.result.suppressions[2].comment.begin == 97);
  CHECK(Ids(r.result) == std::vector<std::string>{"AC014", "E034", "AC014"});
  CHECK(r.result.diagnostics[0].fixits.size() == 1);  // did you mean
  CHECK(r.result.diagnostics[2].help ==
        std::vector<std::string>{"did you mean 'ignore'?"});
}

TEST_CASE("markdown: an unclosed comment is reported once") {
  Read r("Prose.\n\n<!-- never closed\nmore\n");
  CHECK(Ids(r.result) == std::vector<std::string>{"E033"});
  CHECK(r.Paragraphs() == std::vector<std::string>{"Prose."});
}

TEST_CASE("markdown: invalid UTF-8 is one warning at the first bad byte") {
  Read r("ok\n\nbad \xff here \xfe again\n");
  REQUIRE(r.result.diagnostics.size() == 1);
  CHECK(r.result.diagnostics[0].id == "E032");
  CHECK(r.result.diagnostics[0].severity == Severity::kWarning);
  CHECK(r.result.diagnostics[0].span.begin == 8);
  CHECK(r.result.paragraphs.size() == 2);
}

TEST_CASE("utf-8 validation") {
  CHECK(FirstInvalidUtf8("plain ascii, long enough to use words") ==
        std::string_view::npos);
  CHECK(FirstInvalidUtf8("caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80") ==
        std::string_view::npos);
  CHECK(FirstInvalidUtf8("ab\xc3") == 2);                    // truncated
  CHECK(FirstInvalidUtf8("\xc0\xaf") == 0);                  // overlong
  CHECK(FirstInvalidUtf8("x\xed\xa0\x80") == 1);             // surrogate
  CHECK(FirstInvalidUtf8("12345678\xf4\x90\x80\x80") == 8);  // > U+10FFFF
}

TEST_CASE("markdown: near-miss block labels are warnings with a fix-it") {
  Read r(
      "```align\nA\n```\n~~~aligncheck-spec\nB\n~~~\n```align-check\nC\n```\n"
      "```alignchek\nD\n```\n```Aligncheck\nE\n```\n"
      "```alignment\nF\n```\n```python\nG\n```\n");
  CHECK(r.Blocks().empty());
  REQUIRE(Ids(r.result) ==
          std::vector<std::string>{"E037", "E037", "E037", "E037", "E037"});
  const Diagnostic& d = r.result.diagnostics[0];
  CHECK(d.severity == Severity::kWarning);
  CHECK(d.message == "code block labelled 'align' is not an aligncheck block");
  REQUIRE(d.fixits.size() == 1);
  CHECK(d.fixits[0].replacement == "aligncheck");
  CHECK(d.fixits[0].span.begin == 3);
  CHECK(d.fixits[0].span.end == 8);
}

TEST_CASE("markdown: which labels are near misses") {
  for (const char* label : {"align", "ALIGN", "Aligncheck", "aligncheck-spec",
                            "aligncheck:", "align-check", "align_check",
                            "alignchek", "alingcheck", "alignchecker"}) {
    CAPTURE(label);
    CHECK(IsNearMissLabel(label));
  }
  for (const char* label : {"aligncheck", "alignment", "aligned", "align*",
                            "python", "", "alignat", "check"}) {
    CAPTURE(label);
    CHECK(!IsNearMissLabel(label));
  }
}

}  // namespace
}  // namespace aligncheck::gate
