// libFuzzer target: the parser and the diagnostic renderer on arbitrary
// bytes. Any crash, hang, sanitizer report or escaping exception is a bug.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "diag/diagnostic.h"
#include "parse/parser.h"
#include "util/source_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aligncheck;  // NOLINT
  auto file = std::make_shared<SourceFile>(
      "fuzz.align", std::string(reinterpret_cast<const char*>(data), size));
  DiagnosticSink sink;
  ParseSpec(file, sink);
  for (const Diagnostic& d : sink.Sorted()) RenderDiagnosticText(d);
  return 0;
}
