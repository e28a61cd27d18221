// Tests for util/source_file and util/source_bytes: lines, and columns in
// characters and bytes.
#include "util/source_file.h"

#include <doctest/doctest.h>

#include <string>

#include "util/source_bytes.h"

using namespace aligncheck;

namespace {

// Byte offset of the first occurrence of `needle` in `file`.
uint32_t At(const SourceFile& file, const std::string& needle) {
  size_t at = file.text().find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<uint32_t>(at);
}

}  // namespace

TEST_CASE("source file: columns count characters, not bytes") {
  // ℓ and ≤ take three bytes each, é two, 𝓛 four: one column each.
  SourceFile file("s.align",
                  "domain A = {a}\n"
                  "loss ℓ(x: A) ≤ é 𝓛 oops\n");
  LineCol at = file.Locate(At(file, "oops"));
  CHECK(at.line == 2);
  CHECK(at.col == 20);
  CHECK(LocateBytes(file, At(file, "oops")).col == 28);
  // Before any multi-byte character both agree.
  CHECK(file.Locate(At(file, "(x")).col == 7);
  CHECK(file.Locate(At(file, "ℓ")).col == 6);
  CHECK(LocateBytes(file, At(file, "(x")).col == 9);
  // The end of the text and offsets past it.
  uint32_t size = static_cast<uint32_t>(file.text().size());
  CHECK(file.Locate(size).line == 3);
  CHECK(file.Locate(size + 10).col == 1);
}

TEST_CASE("source file: a byte that continues no character takes no column") {
  // Invalid UTF-8 is counted as its bytes look: 0xff and a lead byte without
  // its continuation take a column each, a stray continuation byte none.
  SourceFile file("s.align", "a\xff\xc3 b \xe2\x88 c\n");
  CHECK(file.Locate(At(file, "b")).col == 5);
  CHECK(file.Locate(At(file, "c")).col == 9);
}

TEST_CASE("source file: columns past long lines of multi-byte characters") {
  // Blocks of the character index end inside characters and lines.
  std::string text = "x\n";
  for (int i = 0; i < 5000; ++i) text += "\xe2\x89\xa4";  // ≤
  text += " end\n";
  text += std::string(8192 - text.size() % 4096, 'a') + "\n";
  SourceFile file("s.align", text);
  CHECK(file.Locate(At(file, "end")).line == 2);
  CHECK(file.Locate(At(file, "end")).col == 5002);
  CHECK(LocateBytes(file, At(file, "end")).col == 15002);
  uint32_t size = static_cast<uint32_t>(text.size());
  CHECK(file.Locate(size - 1).line == 3);
  CHECK(file.Locate(size - 1).col == file.Line(3).size() + 1);
  CHECK(file.Locate(size).line == 4);
  CHECK(file.Locate(size).col == 1);
}

TEST_CASE("source file: the byte order mark takes no column") {
  SourceFile file("s.align",
                  "\xEF\xBB\xBF"
                  "domain A = {a}\nx \xEF\xBB\xBF y\n");
  CHECK(file.Locate(At(file, "domain")).col == 1);
  CHECK(file.Locate(At(file, "A =")).col == 8);
  CHECK(LocateBytes(file, At(file, "A =")).col == 11);
  // Only the mark that opens the file: elsewhere U+FEFF is a character.
  CHECK(file.Locate(At(file, "y")).col == 5);
}

TEST_CASE("source file: lines drop their terminators") {
  SourceFile file("s.align", "one\r\ntwo\nthree");
  CHECK(file.line_count() == 3);
  CHECK(file.Line(1) == "one");
  CHECK(file.Line(2) == "two");
  CHECK(file.Line(3) == "three");
  CHECK(file.Line(4).empty());
  CHECK(file.Locate(At(file, "\r")).col == 4);
  CHECK(file.Locate(At(file, "three")).line == 3);
}
