// Parses and analyzes spec text for engine tests that read better as specs.
#ifndef ALIGNCHECK_TESTS_LOAD_SPEC_H_
#define ALIGNCHECK_TESTS_LOAD_SPEC_H_

#include <memory>
#include <optional>
#include <string>

#include "analysis/analyze.h"
#include "diag/diagnostic.h"
#include "parse/parser.h"

namespace aligncheck::test {

/// Returns the model of `text`, or nullopt with `errors` set to the
/// rendered diagnostics.
inline std::optional<Model> LoadSpec(const std::string& text,
                                     std::string* errors = nullptr) {
  auto file = std::make_shared<SourceFile>("spec.align", text);
  DiagnosticSink sink;
  ast::Spec spec = ParseSpec(file, sink);
  std::optional<Model> model;
  if (!sink.has_errors()) model = Analyze(spec, file, sink);
  if (errors != nullptr) {
    errors->clear();
    for (const Diagnostic& d : sink.Sorted()) {
      *errors += RenderDiagnosticText(d);
    }
  }
  return model;
}

/// Returns the claim named `name`. REQUIRES: it exists.
inline const Claim& ClaimNamed(const Model& model, const std::string& name) {
  for (const Claim& c : model.claims) {
    if (c.name == name) return c;
  }
  throw std::runtime_error("no claim " + name);
}

}  // namespace aligncheck::test

#endif  // ALIGNCHECK_TESTS_LOAD_SPEC_H_
