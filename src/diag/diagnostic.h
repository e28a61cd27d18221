// One diagnostic model for every stage: parse errors, semantic errors and
// (later) lint findings, collected in a sink and printed in source order.
#ifndef ALIGNCHECK_DIAG_DIAGNOSTIC_H_
#define ALIGNCHECK_DIAG_DIAGNOSTIC_H_

#include <memory>
#include <string>
#include <vector>

#include "util/source_file.h"

namespace aligncheck {

enum class Severity { kNote, kWarning, kError };

const char* SeverityName(Severity severity);

/// A replacement of `span` by `replacement`, offered to the user.
struct FixIt {
  std::string description;
  Span span;
  std::string replacement;
  /// Parameters the user must still supply (placeholders in the
  /// replacement); a fix-it that needs nothing can be applied as is.
  std::vector<std::string> needs;
};

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string id;  // stable: "E002", "AC001", ...
  std::string message;
  std::shared_ptr<const SourceFile> file;  // null: not tied to a file
  Span span;
  std::vector<std::string> notes;  // printed as "note: ..."
  std::vector<std::string> help;   // printed as "help: ..."
  std::vector<FixIt> fixits;
};

/// Collects diagnostics; Sorted() orders them by file, offset, then id so
/// output does not depend on the order of discovery.
class DiagnosticSink {
 public:
  void Add(Diagnostic diagnostic);

  /// Convenience for the common located error.
  Diagnostic& Error(const std::shared_ptr<const SourceFile>& file, Span span,
                    std::string id, std::string message);

  bool has_errors() const { return error_count_ > 0; }
  size_t error_count() const { return error_count_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic> Sorted() const;

 private:
  std::vector<Diagnostic> diagnostics_;
  size_t error_count_ = 0;
};

/// Whether `d` is a finding about what a claim means (ids "AC..."), as
/// opposed to invalid input: the spec is well formed, but the claim cannot be
/// checked as written. Findings exit 1, bad input exits 2.
bool IsFinding(const Diagnostic& d);

/// How text diagnostics look: ANSI colours only when asked (a terminal).
struct TextStyle {
  bool color = false;
};

/// Renders `d` as text: "file:line:col: error: message [id]", the source
/// line, a caret under the span, then note:/help: lines, then each fix-it
/// as the source line it would produce, with `+` under inserted text.
std::string RenderDiagnosticText(const Diagnostic& d);
std::string RenderDiagnosticText(const Diagnostic& d, const TextStyle& style);

/// Returns the candidate closest to `name` by edit distance, or "" when none
/// is close enough to be a plausible typo.
std::string SuggestName(const std::string& name,
                        const std::vector<std::string>& candidates);

}  // namespace aligncheck

#endif  // ALIGNCHECK_DIAG_DIAGNOSTIC_H_
