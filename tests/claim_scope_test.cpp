// Tests for driver/claim_scope: which findings `--claim` keeps.
#include "driver/claim_scope.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "parse/parser.h"

namespace aligncheck {
namespace {

const char kSpec[] =
    "domain X = {a, b}\n"                           // 0
    "goal shared(pi) = pi(a) == a\n"                // 18
    "goal own(pi) = pi(b) == b\n"                   // 47
    "goal via(pi) = own(pi)\n"                      // 73
    "claim c1: l aligned_with shared\n"             // 96
    "claim c2: l aligned_with via\n";               // 128

Diagnostic Finding(const std::shared_ptr<const SourceFile>& file,
                   const std::string& id, uint32_t at) {
  Diagnostic d;
  d.id = id;
  d.severity = Severity::kWarning;
  d.file = file;
  d.span = {at, at + 1};
  return d;
}

std::string KeptIds(const std::string& selected) {
  auto file = std::make_shared<SourceFile>("s.align", kSpec);
  DiagnosticSink sink;
  ast::Spec spec = ParseSpec(file, sink);
  CHECK(!sink.has_errors());
  std::vector<Diagnostic> diags = {
      Finding(file, "AC001", 106),  // on claim c1
      Finding(file, "AC002", 138),  // on claim c2
      Finding(file, "AC009", 24),   // on goal shared (used by c1)
      Finding(file, "AC010", 52),   // on goal own (used by c2 through via)
      Finding(file, "AC011", 5),    // on the domain: written in no claim
      Finding(file, "AC012", 170),  // past every declaration
  };
  Diagnostic error;  // invalid input always stays
  error.id = "E001";
  error.severity = Severity::kError;
  error.file = file;
  error.span = {106, 107};
  diags.push_back(error);
  Diagnostic unlocated = Finding(nullptr, "AC013", 0);
  diags.push_back(unlocated);
  KeepFindingsOfSelectedClaims(
      spec, *file, [&](const std::string& n) { return n == selected; }, diags);
  std::string out;
  for (const Diagnostic& d : diags) out += d.id + " ";
  return out;
}

TEST_CASE("claim scope: a claim keeps its own findings and its declarations'") {
  CHECK(KeptIds("c1") == "AC001 AC009 AC012 E001 AC013 ");
  CHECK(KeptIds("c2") == "AC002 AC010 AC012 E001 AC013 ");
  CHECK(KeptIds("none") == "AC012 E001 AC013 ");
}

}  // namespace
}  // namespace aligncheck
