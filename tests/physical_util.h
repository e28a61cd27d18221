// Loads a spec from text through the parser and the analyzer, for the
// physical and agent tests.
#ifndef ALIGNCHECK_TESTS_PHYSICAL_UTIL_H_
#define ALIGNCHECK_TESTS_PHYSICAL_UTIL_H_

#include <memory>
#include <optional>
#include <string>

#include "analysis/analyze.h"
#include "diag/diagnostic.h"
#include "parse/parser.h"

namespace aligncheck::testing {

/// Returns the model of `text`, or nullopt; *diagnostics gets every
/// diagnostic rendered as text.
inline std::optional<Model> LoadSpec(const std::string& text,
                                     std::string* diagnostics = nullptr) {
  auto file = std::make_shared<const SourceFile>("spec.align", text);
  DiagnosticSink sink;
  ast::Spec spec = ParseSpec(file, sink);
  std::optional<Model> model;
  if (!sink.has_errors()) model = Analyze(spec, file, sink);
  if (diagnostics != nullptr) {
    diagnostics->clear();
    for (const Diagnostic& d : sink.Sorted()) {
      *diagnostics += RenderDiagnosticText(d);
    }
  }
  return model;
}

/// Returns the index of the claim named `name`, or -1.
inline int ClaimIndex(const Model& model, const std::string& name) {
  for (size_t i = 0; i < model.claims.size(); ++i) {
    if (model.claims[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace aligncheck::testing

#endif  // ALIGNCHECK_TESTS_PHYSICAL_UTIL_H_
