// Output selection and the renderers behind each --format.
#include "cli/output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "report/github_report.h"
#include "report/json_report.h"
#include "report/sarif_report.h"
#include "util/escape.h"

namespace aligncheck {

std::optional<std::vector<OutputSpec>> ParseOutputSpecs(
    const std::vector<std::string>& values, std::string& error) {
  static const std::set<std::string> kFormats = {"text", "json", "sarif",
                                                 "github"};
  std::vector<OutputSpec> specs;
  std::set<std::string> paths;
  bool to_stdout = false;
  for (const std::string& value : values) {
    size_t colon = value.find(':');
    OutputSpec spec{value.substr(0, colon),
                    colon == std::string::npos ? "" : value.substr(colon + 1)};
    if (spec.path == "-") spec.path.clear();
    if (!kFormats.count(spec.format)) {
      error = fmt::format("unknown format '{}'", spec.format);
      std::string guess = SuggestName(
          spec.format,
          std::vector<std::string>(kFormats.begin(), kFormats.end()));
      if (!guess.empty()) error += fmt::format("; did you mean '{}'?", guess);
      error +=
          " (formats: text, json, sarif, github; FORMAT:PATH writes to a file)";
      return std::nullopt;
    }
    if (spec.path.empty()) {
      if (to_stdout) {
        error =
            "only one --format can write to standard output; give the "
            "others a file, as in --format sarif:out.sarif";
        return std::nullopt;
      }
      to_stdout = true;
    } else if (!paths.insert(spec.path).second) {
      error = fmt::format("two --format options write to '{}'", spec.path);
      return std::nullopt;
    }
    specs.push_back(std::move(spec));
  }
  if (specs.empty()) specs.push_back({"text", ""});
  return specs;
}

bool UseColor(ColorMode mode, std::ostream& stream) {
  if (mode != ColorMode::kAuto) return mode == ColorMode::kAlways;
  if (const char* no_color = std::getenv("NO_COLOR"); no_color && *no_color) {
    return false;
  }
  if (const char* term = std::getenv("TERM");
      term && std::strcmp(term, "dumb") == 0) {
    return false;
  }
  if (&stream == &std::cout) return isatty(STDOUT_FILENO) != 0;
  if (&stream == &std::cerr) return isatty(STDERR_FILENO) != 0;
  return false;
}

void Render(Command command, const std::string& format,
            const std::vector<FileResult>& results, const CheckSummary& summary,
            const TextOptions& text, const RenderTarget& target) {
  std::ostream& out = *target.out;
  if (format == "json") {
    out << (command == Command::kLint ? RenderLintJson(results)
                                      : RenderCheckJson(results));
    return;
  }
  if (format == "sarif") {
    out << RenderSarif(results);
    return;
  }
  if (format == "github") {
    out << RenderGithub(results);
    return;
  }
  TextStyle style{target.color};
  if (command == Command::kLint) {
    for (const FileResult& r : results) {
      for (const Diagnostic& d : r.diagnostics) {
        out << RenderDiagnosticText(d, style);
      }
    }
    out << RenderLintSummaryText(summary);
    return;
  }
  for (const FileResult& r : results) {
    for (const Diagnostic& d : r.diagnostics) {
      *target.err << RenderDiagnosticText(d, style);
    }
    if (!r.model) continue;
    // Verdicts quote names, CSV cells and string literals from the input.
    for (const ClaimResult& c : r.claims) {
      out << EscapeControls(RenderClaimText(*r.model, c, text), true);
    }
    if (!r.blocked.empty()) out << EscapeControls(RenderBlockedText(r), true);
  }
  out << RenderSummaryText(summary);
}

std::string WriteFileAtomically(const std::string& path,
                                const std::string& text) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path temp = target;
  temp += fmt::format(".tmp{}", static_cast<long>(getpid()));
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    if (!file)
      return fmt::format("cannot write {}: {}", temp.string(),
                         std::strerror(errno));
    file << text;
    file.flush();
    if (!file) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      return fmt::format("cannot write {}", temp.string());
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return fmt::format("cannot write {}: {}", path, ec.message());
  }
  return "";
}

bool RenderEach(
    const std::vector<OutputSpec>& specs, ColorMode color, bool color_from_err,
    const std::function<void(const std::string&, const RenderTarget&)>& render,
    std::ostream& out, std::ostream& err) {
  bool ok = true;
  for (const OutputSpec& spec : specs) {
    if (spec.path.empty()) {
      bool use_color = UseColor(color, color_from_err ? err : out);
      render(spec.format, {&out, &err, use_color});
      continue;
    }
    // A file gets everything text would split between stdout and stderr.
    std::ostringstream buffer;
    render(spec.format, {&buffer, &buffer, color == ColorMode::kAlways});
    std::string problem = WriteFileAtomically(spec.path, buffer.str());
    if (!problem.empty()) {
      err << "aligncheck: error: " << problem << " [E010]\n";
      ok = false;
    }
  }
  return ok;
}

bool RenderAll(Command command, const std::vector<OutputSpec>& specs,
               ColorMode color, const std::vector<FileResult>& results,
               const CheckSummary& summary, const TextOptions& text,
               std::ostream& out, std::ostream& err) {
  return RenderEach(
      specs, color, command == Command::kCheck,
      [&](const std::string& format, const RenderTarget& target) {
        Render(command, format, results, summary, text, target);
      },
      out, err);
}

std::optional<std::vector<OutputSpec>> ParseOutputSpecs(
    const std::vector<std::string>& values, std::ostream& err) {
  std::string error;
  auto specs = ParseOutputSpecs(values, error);
  if (!specs) err << "aligncheck: error: " << error << "\n";
  return specs;
}

}  // namespace aligncheck
