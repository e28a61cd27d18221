// Inline suppressions, as ruff's `noqa` and clang-tidy's NOLINT:
//   # aligncheck: ignore AC003          (alone on its line: it and the next)
//   agent a cares_about loss  # aligncheck: ignore AC003   (this line only)
//   claim c:  # aligncheck: ignore AC007   (this line only, as any code)
//   # aligncheck: ignore-file AC007     (the whole file)
// Several ids may be listed, separated by commas or spaces; no id means
// every rule.
#ifndef ALIGNCHECK_LINT_SUPPRESS_H_
#define ALIGNCHECK_LINT_SUPPRESS_H_

#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace aligncheck {

struct Suppression {
  bool whole_file = false;
  uint32_t line = 0;      // of the comment, 1-based
  std::string id;         // "" = every rule
  Span span;              // the id (or the directive) in the comment
  Span comment;           // the comment and the blanks before it
  bool only_one = false;  // the comment suppresses nothing else
  bool used = false;
  bool trailing = false;  // after code on its line: covers that line only
  // A line after a trailing comment's own that had a finding it names: the
  // comment may have been meant for it (0: none).
  uint32_t missed_next_line = 0;
};

/// Finds the suppression comments of `file`. Unknown rule ids are reported
/// to `out` as AC014 warnings with a did-you-mean and are not kept.
std::vector<Suppression> ParseSuppressions(
    const std::shared_ptr<const SourceFile>& file,
    std::vector<Diagnostic>& out);

/// Parses the rule ids of an `ignore` (or, with `whole_file`, `ignore-file`)
/// directive on line `line`: [begin, end) of `file` is the text after the
/// directive word. Appends one suppression per known id, or one for every
/// rule (at `directive`) when no id is named; unknown ids go to `out` as
/// AC014 warnings. The `comment` spans are left for the caller to set.
/// Shared by spec comments and the write-up gate's directive comments.
void ParseSuppressionIds(const std::shared_ptr<const SourceFile>& file,
                         bool whole_file, uint32_t line, Span directive,
                         size_t begin, size_t end,
                         std::vector<Suppression>& result,
                         std::vector<Diagnostic>& out);

/// Returns whether one of `suppressions` covers `d`, marking it used.
/// Only rule findings (AC ids) can be suppressed; bad input cannot, nor
/// AC013 and AC014, which are about suppressions themselves.
bool Suppressed(const Diagnostic& d, std::vector<Suppression>& suppressions);

/// Returns AC013 warnings for suppressions that covered nothing.
std::vector<Diagnostic> UnusedSuppressions(
    const std::shared_ptr<const SourceFile>& file,
    const std::vector<Suppression>& suppressions);

}  // namespace aligncheck

#endif  // ALIGNCHECK_LINT_SUPPRESS_H_
