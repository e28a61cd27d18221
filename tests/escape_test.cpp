// Tests for util/escape: what reaches a terminal from untrusted input.
#include "util/escape.h"

#include <doctest/doctest.h>

using namespace aligncheck;

TEST_CASE("escape: terminal escape sequences and a bare CR become \\xNN") {
  CHECK(EscapeControls("plain text, 100% (ok)") == "plain text, 100% (ok)");
  CHECK(EscapeControls("a\x1b[31mred\x1b[0m") == "a\\x1b[31mred\\x1b[0m");
  CHECK(EscapeControls("over\rwritten") == "over\\x0dwritten");
  CHECK(EscapeControls("bell\a del\x7f nul", false) ==
        "bell\\x07 del\\x7f nul");
  CHECK(EscapeControls(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(EscapeControls("tab\tkept") == "tab\tkept");
}

TEST_CASE("escape: newlines stay only in multi-line output") {
  CHECK(EscapeControls("one\ntwo") == "one\\x0atwo");
  CHECK(EscapeControls("one\ntwo\r\n", true) == "one\ntwo\\x0d\n");
}

TEST_CASE("escape: UTF-8 stays, C1 controls and broken bytes do not") {
  CHECK(EscapeControls("caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x99\x82") ==
        "caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x99\x82");
  // U+009B is a one-character CSI on some terminals.
  CHECK(EscapeControls("x\xc2\x9b"
                       "31m") == "x\\xc2\\x9b31m");
  CHECK(EscapeControls("\xc2\xa0") == "\xc2\xa0");  // U+00A0 is printable
  CHECK(EscapeControls("bad \xff\xfe end") == "bad \\xff\\xfe end");
  CHECK(EscapeControls("cut \xe2\x86") == "cut \\xe2\\x86");
  CHECK(EscapeControls("overlong \xc0\xaf") == "overlong \\xc0\\xaf");
  CHECK(EscapeControls("surrogate \xed\xa0\x80") ==
        "surrogate \\xed\\xa0\\x80");
}

TEST_CASE("escape: UTF-8 sequence lengths") {
  CHECK(Utf8Length("") == 0);
  CHECK(Utf8Length("a") == 1);
  CHECK(Utf8Length("\xc3\xa9") == 2);
  CHECK(Utf8Length("\xe2\x86\x92") == 3);
  CHECK(Utf8Length("\xf0\x9f\x99\x82") == 4);
  CHECK(Utf8Length("\x80") == 0);
  CHECK(Utf8Length("\xf5\x80\x80\x80") == 0);
  CHECK(IsC1Control("\xc2\x80", 2));
  CHECK(IsC1Control("\xc2\x9f", 2));
  CHECK_FALSE(IsC1Control("\xc2\xa0", 2));
  CHECK_FALSE(IsC1Control("a", 1));
}
