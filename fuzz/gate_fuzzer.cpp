// libFuzzer target: the write-up readers. Every input is read as Markdown
// and as LaTeX; every paragraph is built and its offset contract checked,
// and the spec view of its blocks is built (the parser has its own target).
// Any crash, hang, sanitizer report or broken invariant is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "gate/document.h"
#include "gate/gate.h"
#include "gate/paragraph.h"

namespace {

using namespace aligncheck;        // NOLINT
using namespace aligncheck::gate;  // NOLINT

void Require(bool ok) {
  if (!ok) std::abort();
}

void ReadAs(const std::shared_ptr<const SourceFile>& host, Syntax syntax) {
  ReadResult read = ReadDocument(host, syntax, true);
  const std::string& text = host->text();
  for (const RawParagraph& raw : read.paragraphs) {
    prose::Paragraph p = BuildParagraph(*host, raw, syntax);
    Require(p.offsets.size() == p.text.size());
    for (size_t i = 0; i < p.offsets.size(); ++i) {
      Require(p.offsets[i] < text.size());
      Require(i == 0 || p.offsets[i - 1] < p.offsets[i]);
    }
    for (const prose::CodeSpan& c : p.code) {
      Require(c.at < p.text.size() && p.text[c.at] == prose::kOpaque);
    }
  }
  for (const Block& b : read.blocks) {
    for (const Span& s : b.lines)
      Require(s.begin <= s.end && s.end <= text.size());
  }
  for (const Diagnostic& d : read.diagnostics) {
    Require(d.span.begin <= d.span.end && d.span.end <= text.size());
    RenderDiagnosticText(d);
  }
  std::string view = SpecView(text, read.blocks);
  Require(view.size() <= text.size());
  for (size_t i = 0; i < view.size(); ++i) {
    Require(view[i] == ' ' || view[i] == text[i]);
    Require(text[i] != '\n' || view[i] == '\n');
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 256 * 1024) return 0;
  auto host = std::make_shared<SourceFile>(
      "fuzz.md", std::string(reinterpret_cast<const char*>(data), size));
  ReadAs(host, Syntax::kMarkdown);
  ReadAs(host, Syntax::kLatex);
  return 0;
}
