// Every example in grammar/aligncheck.ebnf parses without a diagnostic.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "parse/parser.h"

namespace aligncheck {
namespace {

struct Example {
  std::string title;
  std::string text;
  uint32_t first_line = 0;  // line of the example's first text line
};

// Returns the examples: blocks from a line starting "(* example:" up to a
// line that is exactly "*)".
std::vector<Example> ExtractExamples(const std::string& ebnf) {
  std::vector<Example> out;
  std::istringstream in(ebnf);
  std::string line;
  uint32_t number = 0;
  Example* open = nullptr;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (open == nullptr) {
      const std::string kStart = "(* example:";
      if (line.rfind(kStart, 0) == 0) {
        out.push_back(Example{line.substr(kStart.size()), "", number + 1});
        open = &out.back();
      }
    } else if (line == "*)") {
      open = nullptr;
    } else {
      open->text += line + "\n";
    }
  }
  REQUIRE_MESSAGE(open == nullptr, "unterminated example in the EBNF file");
  return out;
}

TEST_CASE("grammar: every EBNF example parses") {
  const std::string path = ALIGNCHECK_SOURCE_DIR "/grammar/aligncheck.ebnf";
  std::ifstream file(path, std::ios::binary);
  REQUIRE_MESSAGE(file.good(), "cannot read " << path);
  std::stringstream buffer;
  buffer << file.rdbuf();
  std::vector<Example> examples = ExtractExamples(buffer.str());
  REQUIRE(examples.size() >= 5);

  bool has_novels = false;
  for (const Example& ex : examples) {
    CAPTURE(ex.title);
    auto source = std::make_shared<SourceFile>(
        path + ":" + std::to_string(ex.first_line), ex.text);
    DiagnosticSink sink;
    ast::Spec spec = ParseSpec(source, sink);
    for (const Diagnostic& d : sink.Sorted()) {
      FAIL_CHECK(RenderDiagnosticText(d));
    }
    CHECK_FALSE(spec.decls.empty());
    if (ex.text.find("claim training_writes_well:") != std::string::npos) {
      has_novels = true;
      CHECK(spec.decls.size() == 10);
    }
  }
  CHECK_MESSAGE(has_novels, "the DESIGN novels example is missing");
}

}  // namespace
}  // namespace aligncheck
