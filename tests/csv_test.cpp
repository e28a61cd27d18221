// CSV tables next to a spec: splitting, loading and every E009 problem,
// located in the CSV file itself.
#include "analysis/csv.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "analysis/analyze.h"
#include "spec_builder.h"

namespace aligncheck {
namespace {

using namespace aligncheck::testing;
namespace fs = std::filesystem;

// A fresh directory per test; diagnostics name it "DIR".
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("aligncheck_csv_test_" + std::to_string(getpid()) + "_" +
             std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream out(path_ / name, std::ios::binary);
    out << text;
  }
  std::string Spec() const { return (path_ / "spec.align").string(); }
  std::string Anonymize(std::string text) const {
    const std::string dir = path_.string();
    for (size_t at = text.find(dir); at != std::string::npos;
         at = text.find(dir)) {
      text.replace(at, dir.size(), "DIR");
    }
    return text;
  }

 private:
  fs::path path_;
};

std::string Run(SpecBuilder& b, const TempDir& dir,
                std::optional<Model>* model = nullptr) {
  return dir.Anonymize(Diagnose(b, model, dir.Spec()));
}

TEST_CASE("csv: split trims cells, drops CR and blank lines") {
  auto file =
      std::make_shared<SourceFile>("t.csv", "a, b ,c\r\n\r\n  \n x ,,y\n last");
  CsvTable table = SplitCsv(file);
  REQUIRE(table.rows.size() == 3);
  REQUIRE(table.rows[0].cells.size() == 3);
  CHECK(table.rows[0].cells[1].text == "b");
  CHECK(table.rows[0].cells[2].text == "c");
  CHECK(table.rows[1].cells[0].text == "x");
  CHECK(table.rows[1].cells[1].text == "");
  CHECK(table.rows[1].cells[2].text == "y");
  CHECK(table.rows[2].cells[0].text == "last");
  LineCol at = file->Locate(table.rows[1].cells[2].span.begin);
  CHECK(at.line == 4);
  CHECK(at.col == 6);
}

TEST_CASE("csv: quoted cells per RFC 4180") {
  auto file = std::make_shared<SourceFile>(
      "t.csv",
      "\"a,b\", \"say \"\"hi\"\"\" ,plain\r\n"
      "\"two\r\nlines\",\"\"\r\n"
      "\"open");
  CsvTable table = SplitCsv(file);
  REQUIRE(table.rows.size() == 3);
  REQUIRE(table.rows[0].cells.size() == 3);
  CHECK(table.rows[0].cells[0].text == "a,b");
  CHECK(table.rows[0].cells[1].text == "say \"hi\"");
  CHECK(table.rows[0].cells[2].text == "plain");
  // The span covers the quotes.
  CHECK(table.rows[0].cells[0].span.begin == 0);
  CHECK(table.rows[0].cells[0].span.end == 5);
  CHECK(table.rows[0].span.end == 26);  // before the CRLF
  REQUIRE(table.rows[1].cells.size() == 2);
  CHECK(table.rows[1].cells[0].text == "two\r\nlines");
  CHECK(table.rows[1].cells[1].text == "");
  // An unterminated quote runs to the end of the file.
  REQUIRE(table.rows[2].cells.size() == 1);
  CHECK(table.rows[2].cells[0].text == "open");
  // Text after a closing quote stays in the cell, to be reported with it.
  CsvTable stray = SplitCsv(std::make_shared<SourceFile>("s.csv", "\"a\"b,c"));
  REQUIRE(stray.rows[0].cells.size() == 2);
  CHECK(stray.rows[0].cells[0].text == "ab");
}

TEST_CASE("csv: hints for another separator and decimal commas") {
  CsvTable semi = SplitCsv(std::make_shared<SourceFile>("s.csv", "x;y\n"));
  CHECK(CsvSeparatorHint(semi.rows[0]).find("';'") != std::string::npos);
  CsvTable tab = SplitCsv(std::make_shared<SourceFile>("t.csv", "x\ty\n"));
  CHECK(CsvSeparatorHint(tab.rows[0]).find("tabs") != std::string::npos);
  CsvTable fine = SplitCsv(std::make_shared<SourceFile>("f.csv", " x ,\ty\n"));
  CHECK(CsvSeparatorHint(fine.rows[0]) == "");
  CHECK(DecimalCommaHint("0,5") ==
        "numbers take a decimal point: write '0.5'");
  CHECK(DecimalCommaHint("-12,25") ==
        "numbers take a decimal point: write '-12.25'");
  CHECK(DecimalCommaHint("1,2,3") == "");
  CHECK(DecimalCommaHint("a,5") == "");
  CHECK(DecimalCommaHint(",5") == "");
  CHECK(DecimalCommaHint("5,") == "");
  CHECK(DecimalCommaHint("0.5") == "");
}

TEST_CASE("csv: path is relative to the spec's directory") {
  CHECK(CsvPathFor("specs/a.align", "t.csv") == "specs/t.csv");
  CHECK(CsvPathFor("a.align", "t.csv") == "t.csv");
  CHECK(CsvPathFor("specs/a.align", "/abs/t.csv") == "/abs/t.csv");
  CHECK(CsvPathFor("specs/a.align", "sub/t.csv") == "specs/sub/t.csv");
}

TEST_CASE("csv: fn, loss and data tables load") {
  TempDir dir;
  dir.Write("labels.csv", "image,label\ni1,zero\ni2,one\r\ni3 , one\n");
  // Columns in any order, CRLF, spaces around cells.
  dir.Write("loss.csv",
            "image, one, zero\r\ni3,0.5,0.5\r\ni1,1,0\r\ni2,0,1\r\n");
  dir.Write("weights.csv", "image,weight\ni1,1\ni2,2.5\ni3,0\n");
  SpecBuilder b;
  b.Domain("Image", {"i1", "i2", "i3"});
  b.Domain("Digit", {"zero", "one"});
  b.LossCsv("l", {{"x", "Image"}, {"y", "Digit"}}, "loss.csv");
  b.FnCsv("label", "Image", "Digit", "labels.csv");
  b.DataCsv("train", "weights.csv");
  b.Goal("right", Forall("x", "Image",
                         Eq(Call("pi", {Nm("x")}), Call("label", {Nm("x")}))));
  b.Claim("c", "l", "aligned_with", "right", "idealized_minimizer over train",
          "fails");
  std::optional<Model> model;
  CHECK(Run(b, dir, &model) == "");
  REQUIRE(model);
  const Loss& l = model->losses[0];
  CHECK(l.At(0, 0, 2) == 0);
  CHECK(l.At(0, 1, 2) == 1);
  CHECK(l.At(1, 0, 2) == 1);
  CHECK(l.At(2, 1, 2) == Rational(1, 2));
  const Function& label = model->fns[0];
  CHECK(label.table[0].index == 0);
  CHECK(label.table[2].index == 1);
  const Data& train = model->data[0];
  CHECK(train.domain == 0);
  CHECK(train.weights[1] == Rational(5, 2));
  CHECK(train.total == Rational(7, 2));
}

TEST_CASE("csv: numeric fn values and range keys") {
  TempDir dir;
  dir.Write("score.csv", "digit,score\n0,0.5\n1,-1\n2,1e2\n");
  SpecBuilder b;
  b.Range("Digit", "0..2");
  b.FnCsv("score", "Digit", "Real", "score.csv");
  std::optional<Model> model;
  CHECK(Run(b, dir, &model) == "");
  REQUIRE(model);
  CHECK(model->fns[0].table[2].number == 100);
  CHECK(model->fns[0].table[1].number == -1);
}

// Prints the diagnostics when they differ from `expected`.
void ExpectCsv(SpecBuilder& b, const TempDir& dir,
               const std::string& expected) {
  std::optional<Model> model;
  std::string got = Run(b, dir, &model);
  if (got != expected) MESSAGE("actual diagnostics:\n" << got << "<<<end");
  CHECK(got == expected);
  CHECK(model.has_value() == expected.empty());
}

TEST_CASE("csv: wrong shape, unknown names, missing file [E009]") {
  TempDir dir;
  dir.Write("labels.csv", "x,label\na,u\nb,nope\n");
  dir.Write("loss.csv", "x,u,w\na,0,1\nb,0\nc,1,1\n");
  SpecBuilder b;
  b.Domain("X", {"a", "b"});
  b.Domain("Y", {"u", "v"});
  b.LossCsv("l", {{"x", "X"}, {"y", "Y"}}, "loss.csv");
  b.FnCsv("label", "X", "Y", "labels.csv");
  b.DataCsv("d", "missing.csv");
  ExpectCsv(
      b, dir,
      "DIR/labels.csv:3:3: error: 'nope' is not a value of domain 'Y' [E009]\n"
      "b,nope\n"
      "  ^~~~\n"
      "note: loaded by fn 'label' at DIR/spec.align:4:4\n"
      "DIR/loss.csv:1:1: error: the header has no column for 'v' [E009]\n"
      "x,u,w\n"
      "^~~~~\n"
      "note: loaded by loss 'l' at DIR/spec.align:3:6\n"
      "DIR/loss.csv:1:5: error: 'w' is not a value of domain 'Y' [E009]\n"
      "x,u,w\n"
      "    ^\n"
      "note: loaded by loss 'l' at DIR/spec.align:3:6\n"
      "help: did you mean 'u'?\n"
      "DIR/loss.csv:3:1: error: expected 3 cells, got 2 [E009]\n"
      "b,0\n"
      "^~~\n"
      "note: loaded by loss 'l' at DIR/spec.align:3:6\n"
      "DIR/loss.csv:4:1: error: 'c' is not a value of domain 'X' [E009]\n"
      "c,1,1\n"
      "^\n"
      "note: loaded by loss 'l' at DIR/spec.align:3:6\n"
      "help: did you mean 'a'?\n"
      "DIR/spec.align:5:14: error: cannot read 'DIR/missing.csv': no such file "
      "or directory [E009]\n"
      "data d = csv \"missing.csv\"\n"
      "             ^~~~~~~~~~~~~\n");
}

TEST_CASE("csv: bad numbers, duplicates, missing rows [E009]") {
  TempDir dir;
  dir.Write("loss.csv", "x,u,v,u\na,0,x1,2\na,1,1,1\n");
  dir.Write("loss2.csv", "x,v,u\na,0,zero\na,1,1\n");
  dir.Write("fn.csv", "x,y\na,u,extra\na,u\nb,v\nb,u\n");
  dir.Write("weights.csv", "x,weight\na,-2\nb,one\nc,1\n");
  dir.Write("empty.csv", "\n  \n");
  SpecBuilder b;
  b.Domain("X", {"a", "b", "c"});
  b.Domain("Y", {"u", "v"});
  b.LossCsv("l", {{"x", "X"}, {"y", "Y"}}, "loss.csv");
  b.LossCsv("l2", {{"x", "X"}, {"y", "Y"}}, "loss2.csv");
  b.FnCsv("f", "X", "Y", "fn.csv");
  b.DataCsv("w", "weights.csv");
  b.DataCsv("e", "empty.csv");
  ExpectCsv(
      b, dir,
      "DIR/empty.csv:1:1: error: empty CSV file: expected a header row [E009]\n"
      "\n"
      "^\n"
      "note: loaded by data 'e' at DIR/spec.align:7:6\n"
      "DIR/fn.csv:1:1: error: fn 'f' has no entry for 'c' [E009]\n"
      "x,y\n"
      "^~~\n"
      "note: loaded by fn 'f' at DIR/spec.align:5:4\n"
      "DIR/fn.csv:2:1: error: expected 2 cells (input,output), got 3 [E009]\n"
      "a,u,extra\n"
      "^~~~~~~~~\n"
      "note: loaded by fn 'f' at DIR/spec.align:5:4\n"
      "DIR/fn.csv:5:1: error: duplicate entry for 'b' [E009]\n"
      "b,u\n"
      "^\n"
      "note: loaded by fn 'f' at DIR/spec.align:5:4\n"
      "note: previous entry at 4:1\n"
      "DIR/loss.csv:1:1: error: no rows for 'b', 'c' [E009]\n"
      "x,u,v,u\n"
      "^~~~~~~\n"
      "note: loaded by loss 'l' at DIR/spec.align:3:6\n"
      "DIR/loss.csv:1:7: error: duplicate column for 'u' [E009]\n"
      "x,u,v,u\n"
      "      ^\n"
      "note: loaded by loss 'l' at DIR/spec.align:3:6\n"
      "note: previous column at 1:3\n"
      "DIR/loss.csv:3:1: error: duplicate row for 'a' [E009]\n"
      "a,1,1,1\n"
      "^\n"
      "note: loaded by loss 'l' at DIR/spec.align:3:6\n"
      "note: previous row at 2:1\n"
      "DIR/loss2.csv:1:1: error: no rows for 'b', 'c' [E009]\n"
      "x,v,u\n"
      "^~~~~\n"
      "note: loaded by loss 'l2' at DIR/spec.align:4:6\n"
      "DIR/loss2.csv:2:5: error: expected a number, got 'zero' [E009]\n"
      "a,0,zero\n"
      "    ^~~~\n"
      "note: loaded by loss 'l2' at DIR/spec.align:4:6\n"
      "DIR/loss2.csv:3:1: error: duplicate row for 'a' [E009]\n"
      "a,1,1\n"
      "^\n"
      "note: loaded by loss 'l2' at DIR/spec.align:4:6\n"
      "note: previous row at 2:1\n"
      "DIR/weights.csv:2:3: error: negative weight -2 for 'a' [E009]\n"
      "a,-2\n"
      "  ^~\n"
      "note: loaded by data 'w' at DIR/spec.align:6:6\n"
      "DIR/weights.csv:3:3: error: expected a number as a weight, got 'one' "
      "[E009]\n"
      "b,one\n"
      "  ^~~\n"
      "note: loaded by data 'w' at DIR/spec.align:6:6\n");
}

}  // namespace
}  // namespace aligncheck

namespace aligncheck {
namespace {

using namespace aligncheck::testing;

TEST_CASE("csv: a 10^4 x 10^2 loss table loads completely") {
  constexpr int kInputs = 10000;
  constexpr int kOutputs = 100;
  TempDir dir;
  std::vector<std::string> xs, ys;
  for (int i = 0; i < kInputs; ++i) xs.push_back("x" + std::to_string(i));
  for (int j = 0; j < kOutputs; ++j) ys.push_back("y" + std::to_string(j));
  std::string csv = "x";
  for (int j = kOutputs - 1; j >= 0; --j) csv += "," + ys[j];
  csv += "\n";
  for (int i = 0; i < kInputs; ++i) {
    csv += xs[i];
    for (int j = kOutputs - 1; j >= 0; --j) {
      csv += "," + std::to_string((i + j) % 100) + ".5";
    }
    csv += "\n";
  }
  dir.Write("big.csv", csv);
  SpecBuilder b;
  b.Domain("X", xs);
  b.Domain("Y", ys);
  b.LossCsv("big", {{"x", "X"}, {"y", "Y"}}, "big.csv");
  auto file = b.File(dir.Spec());
  DiagnosticSink sink;
  std::optional<Model> model = Analyze(b.spec, file, sink);
  REQUIRE(model);
  CHECK(model->losses[0].At(3, 4, kOutputs) == Rational(15, 2));
  CHECK(model->losses[0].At(9999, 99, kOutputs) == Rational(197, 2));
}

}  // namespace
}  // namespace aligncheck

namespace aligncheck {
namespace {

TEST_CASE("csv: files must stay inside the spec's directory tree [E020]") {
  std::string reason;
  CHECK(InsideSpecTree("specs/a.align", "t.csv", "specs/t.csv", reason));
  CHECK(InsideSpecTree("specs/a.align", "x/../t.csv", "specs/x/../t.csv",
                       reason));
  CHECK(InsideSpecTree("a.align", "t.csv", "t.csv", reason));
  CHECK_FALSE(
      InsideSpecTree("specs/a.align", "../t.csv", "specs/../t.csv", reason));
  CHECK(reason == "it leads outside the spec's directory 'specs'");
  CHECK_FALSE(InsideSpecTree("specs/a.align", "/etc/passwd", "/etc/passwd",
                             reason));
  CHECK(reason == "absolute paths are not allowed");
  // A sibling whose name starts with the directory's is still outside.
  CHECK_FALSE(InsideSpecTree("specs/a.align", "../specs2/t.csv",
                             "specs/../specs2/t.csv", reason));
}

TEST_CASE("csv: only regular files are read; a FIFO would block") {
  TempDir dir;
  std::string fifo = dir.Spec() + ".fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::string text, error;
  CHECK_FALSE(ReadWholeFile(fifo, text, error));
  CHECK(error == "not a regular file");
  dir.Write("big.csv", std::string(100, 'x'));
  std::string big = dir.Spec().substr(0, dir.Spec().size() - 10) + "big.csv";
  CHECK_FALSE(ReadWholeFile(big, text, error, 99));
  CHECK(error == "larger than the limit of 99 bytes (--max-csv-size)");
  CHECK(ReadWholeFile(big, text, error, 100));
  CHECK(text.size() == 100);
}

}  // namespace
}  // namespace aligncheck
