// Tests for diag/diagnostic: rendering, ordering and name suggestions.
#include "diag/diagnostic.h"

#include <doctest/doctest.h>

using namespace aligncheck;

TEST_CASE("a located error renders with its source line and caret") {
  auto file = std::make_shared<SourceFile>(
      "spec.align", "domain A = {a}\nloss l(x: Promt, y: A) = 0\n");
  Diagnostic d;
  d.file = file;
  d.id = "E002";
  d.message = "undefined domain 'Promt'";
  d.span = {25, 30};
  d.help.push_back("did you mean 'Prompt'?");
  CHECK(RenderDiagnosticText(d) ==
        "spec.align:2:11: error: undefined domain 'Promt' [E002]\n"
        "loss l(x: Promt, y: A) = 0\n"
        "          ^~~~~\n"
        "help: did you mean 'Prompt'?\n");
}

TEST_CASE("control characters in the source line are escaped") {
  auto file = std::make_shared<SourceFile>("s.align", "a\x1b[31mb\n");
  Diagnostic d;
  d.file = file;
  d.id = "E001";
  d.message = "bad";
  d.span = {5, 6};
  CHECK(RenderDiagnosticText(d) ==
        "s.align:1:6: error: bad [E001]\n"
        "a\\x1b[31mb\n"
        "        ^\n");
}

TEST_CASE("file names, messages, notes and help from the input are escaped") {
  auto file =
      std::make_shared<SourceFile>("evil\x1b[31m\r.align", "domain X = {a}\n");
  Diagnostic d;
  d.file = file;
  d.id = "E009";
  d.message = "cannot read 'x\x1b[2J\r.csv'";
  d.span = {0, 6};
  d.notes.push_back("cell '\x1b]0;title\x07'");
  d.help.push_back("line\nbreak");
  CHECK(RenderDiagnosticText(d) ==
        "evil\\x1b[31m\\x0d.align:1:1: error: cannot read "
        "'x\\x1b[2J\\x0d.csv' [E009]\n"
        "domain X = {a}\n"
        "^~~~~~\n"
        "note: cell '\\x1b]0;title\\x07'\n"
        "help: line\\x0abreak\n");
  // With colours on, only aligncheck's own escapes reach the terminal.
  std::string colored = RenderDiagnosticText(d, TextStyle{true});
  CHECK(colored.find("\x1b[31m\r") == std::string::npos);
  CHECK(colored.find("\x1b[2J") == std::string::npos);
  CHECK(colored.find('\r') == std::string::npos);
}

TEST_CASE("an empty file prints no source line") {
  auto file = std::make_shared<SourceFile>("gone.align", "");
  Diagnostic d;
  d.file = file;
  d.id = "E010";
  d.message = "cannot read file: No such file or directory";
  CHECK(RenderDiagnosticText(d) ==
        "gone.align:1:1: error: cannot read file: No such file or directory "
        "[E010]\n");
}

TEST_CASE("diagnostics sort by file and position") {
  auto a = std::make_shared<SourceFile>("a.align", "xxxxxxxxxx");
  auto b = std::make_shared<SourceFile>("b.align", "xxxxxxxxxx");
  DiagnosticSink sink;
  sink.Error(b, {1, 2}, "E001", "b1");
  sink.Error(a, {5, 6}, "E001", "a5");
  sink.Error(a, {2, 3}, "E002", "a2");
  auto sorted = sink.Sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].message == "a2");
  CHECK(sorted[1].message == "a5");
  CHECK(sorted[2].message == "b1");
  CHECK(sink.error_count() == 3);
}

TEST_CASE("did-you-mean picks the closest plausible name") {
  std::vector<std::string> names = {"Prompt", "Text", "grader", "train"};
  CHECK(SuggestName("Promt", names) == "Prompt");
  CHECK(SuggestName("trian", names) == "train");
  CHECK(SuggestName("zzzzzz", names).empty());
  CHECK(SuggestName("x", {}).empty());
}

TEST_CASE("bytes that are not UTF-8 are escaped; UTF-8 keeps its columns") {
  auto file =
      std::make_shared<SourceFile>("u.align", "# \xc3\xa9t\xc3\xa9 x\xff y\n");
  Diagnostic d;
  d.file = file;
  d.id = "E001";
  d.message = "bad";
  d.span = {11, 12};  // the 'y' after the stray 0xff byte
  // Column 10: é is one character and the stray byte another.
  CHECK(RenderDiagnosticText(d) ==
        "u.align:1:10: error: bad [E001]\n"
        "# \xc3\xa9t\xc3\xa9 x\\xff y\n"
        "            ^\n");
  d.span = {2, 7};  // the word with two accented letters
  CHECK(RenderDiagnosticText(d) ==
        "u.align:1:3: error: bad [E001]\n"
        "# \xc3\xa9t\xc3\xa9 x\\xff y\n"
        "  ^~~\n");
}

TEST_CASE("columns and carets count characters after Unicode names") {
  auto file = std::make_shared<SourceFile>(
      "u.align", "goal φ(π) = ∀ x in Ω: π(x) ≤ nope\n");
  Diagnostic d;
  d.file = file;
  d.id = "E002";
  d.message = "undefined name 'nope'";
  uint32_t at = static_cast<uint32_t>(file->text().find("nope"));
  d.span = {at, at + 4};
  // 'nope' starts at byte 38 but column 30; the caret goes under it.
  CHECK(RenderDiagnosticText(d) ==
        "u.align:1:30: error: undefined name 'nope' [E002]\n"
        "goal φ(π) = ∀ x in Ω: π(x) ≤ nope\n"
        "                             ^~~~\n");
}

TEST_CASE("a long line is cut around the caret, never inside a character") {
  // 150 three-byte characters put the caret past the cut; the cut must land
  // on a character boundary so nothing prints as \x escapes.
  std::string line;
  for (int i = 0; i < 150; ++i) line += "\xe2\x89\xa4";  // ≤
  line += " bad";
  auto file = std::make_shared<SourceFile>("u.align", line + "\n");
  Diagnostic d;
  d.file = file;
  d.id = "E001";
  d.message = "bad";
  uint32_t at = static_cast<uint32_t>(line.find("bad"));
  d.span = {at, at + 3};
  std::string text = RenderDiagnosticText(d);
  CHECK(text.rfind("u.align:1:152: error: bad [E001]\n", 0) == 0);
  CHECK(text.find("\\x") == std::string::npos);
  // The caret stands under 'bad' in the shown part of the line.
  size_t first = text.find('\n') + 1;
  size_t second = text.find('\n', first) + 1;
  std::string shown = text.substr(first, second - first - 1);
  std::string caret = text.substr(second);
  size_t bad_byte = shown.find("bad");
  REQUIRE(bad_byte != std::string::npos);
  size_t bad_chars = 0;
  for (size_t i = 0; i < bad_byte; ++i) {
    if ((static_cast<unsigned char>(shown[i]) & 0xc0) != 0x80) ++bad_chars;
  }
  CHECK(caret == std::string(bad_chars, ' ') + "^~~\n");
}

TEST_CASE("U+FEFF inside a line is shown as an escape; the opening mark is not") {
  // Inside a line it is a character (the column counts it) that prints
  // nothing: the escape shows where the column went.
  auto inside =
      std::make_shared<SourceFile>("s.align", "x \xEF\xBB\xBF y = 0\n");
  Diagnostic d;
  d.file = inside;
  d.id = "E001";
  d.message = "bad";
  d.span = {6, 7};  // "y"
  CHECK(RenderDiagnosticText(d) ==
        "s.align:1:5: error: bad [E001]\n"
        "x \\u{feff} y = 0\n"
        "           ^\n");
  // The byte order mark that opens the file takes no column and is not
  // shown, also under a fix-it.
  auto opening = std::make_shared<SourceFile>("s.align",
                                              "\xEF\xBB\xBF"
                                              "domian A = {a}\n");
  d.file = opening;
  d.span = {3, 9};  // "domian"
  FixIt fix;
  fix.description = "rename";
  fix.span = {3, 9};
  fix.replacement = "domain";
  d.fixits.push_back(fix);
  std::string text = RenderDiagnosticText(d);
  CHECK(text.rfind("s.align:1:1: error: bad [E001]\n"
                   "domian A = {a}\n"
                   "^~~~~~\n",
                   0) == 0);
  CHECK(text.find("    domain A = {a}\n    ++++++\n") != std::string::npos);
}
