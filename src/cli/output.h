// Where results go: `--format FORMAT[:PATH]`, repeatable, so one run can
// print text to the terminal and write SARIF to a file. PATH "-" or none
// is standard output.
#ifndef ALIGNCHECK_CLI_OUTPUT_H_
#define ALIGNCHECK_CLI_OUTPUT_H_

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "driver/check_result.h"
#include "report/text_report.h"

namespace aligncheck {

struct OutputSpec {
  std::string format;  // text, json, sarif, github
  std::string path;    // "" = standard output
};

/// Parses --format values. Returns nullopt and sets `error` on an unknown
/// format, two formats on standard output, or one file named twice.
/// No value at all means text on standard output.
std::optional<std::vector<OutputSpec>> ParseOutputSpecs(
    const std::vector<std::string>& values, std::string& error);

/// As above, printing the error to `err` as every command does.
std::optional<std::vector<OutputSpec>> ParseOutputSpecs(
    const std::vector<std::string>& values, std::ostream& err);

enum class ColorMode { kAuto, kAlways, kNever };

/// Whether text written to `stream` gets colours: always, never, or (auto)
/// when it is a terminal and NO_COLOR is unset.
bool UseColor(ColorMode mode, std::ostream& stream);

enum class Command { kCheck, kLint };

struct RenderTarget {
  std::ostream* out;  // results
  std::ostream* err;  // text diagnostics of `check`
  bool color = false;
};

/// Renders `results` in `format` to `target`.
void Render(Command command, const std::string& format,
            const std::vector<FileResult>& results, const CheckSummary& summary,
            const TextOptions& text, const RenderTarget& target);

/// Calls `render(format, target)` for every output in `specs`: standard
/// output directly (coloured as `color` and the stream, `err` when
/// `color_from_err`), files whole, through a temporary file renamed into
/// place. Returns false after reporting a file that could not be written
/// to `err`.
bool RenderEach(
    const std::vector<OutputSpec>& specs, ColorMode color, bool color_from_err,
    const std::function<void(const std::string&, const RenderTarget&)>& render,
    std::ostream& out, std::ostream& err);

/// Renders to every output in `specs` (see RenderEach).
bool RenderAll(Command command, const std::vector<OutputSpec>& specs,
               ColorMode color, const std::vector<FileResult>& results,
               const CheckSummary& summary, const TextOptions& text,
               std::ostream& out, std::ostream& err);

/// Writes `text` to `path` atomically: a temporary file next to it, then
/// a rename. Returns an error message, or "" on success.
std::string WriteFileAtomically(const std::string& path,
                                const std::string& text);

}  // namespace aligncheck

#endif  // ALIGNCHECK_CLI_OUTPUT_H_
