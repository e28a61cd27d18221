// The `check` pipeline: each file is read, parsed and analyzed on its own;
// a file with errors is reported and not checked.
#include "cli/check_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "analysis/analyze.h"
#include "lint/lint.h"
#include "parse/parser.h"
#include "util/parallel.h"

namespace aligncheck {

namespace fs = std::filesystem;

static Diagnostic FileError(const std::string& path, std::string id,
                            std::string message) {
  Diagnostic d;
  d.file = std::make_shared<SourceFile>(path, "");
  d.id = std::move(id);
  d.message = std::move(message);
  return d;
}

std::vector<std::string> ExpandSpecPaths(const std::vector<std::string>& paths,
                                         std::vector<Diagnostic>& errors) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& p) {
    if (seen.insert(p).second) out.push_back(p);
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      add(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(
        path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".align") {
        found.push_back(it->path().generic_string());
      }
    }
    if (ec) {
      errors.push_back(
          FileError(path, "E010",
                    fmt::format("cannot read directory: {}", ec.message())));
    }
    std::sort(found.begin(), found.end());
    if (found.empty() && !ec) {
      errors.push_back(FileError(path, "E010", "no .align files in directory"));
    }
    for (const std::string& f : found) add(f);
  }
  return out;
}

std::shared_ptr<const SourceFile> ReadSpecFile(const std::string& path,
                                               size_t max_bytes,
                                               DiagnosticSink& sink) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    sink.Add(FileError(path, "E010", "is a directory"));
    return nullptr;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink.Add(
        FileError(path, "E010",
                  fmt::format("cannot read file: {}", std::strerror(errno))));
    return nullptr;
  }
  auto over = [&](std::string message) {
    sink.Add(FileError(path, "E011", std::move(message)));
    return nullptr;
  };
  std::string text;
  uintmax_t size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : 0;
  if (ec) size = 0;  // unknown: read and count
  if (size > max_bytes) {
    return over(
        fmt::format("file is {} bytes, over the limit of {} (--max-file-size)",
                    size, max_bytes));
  }
  // A regular file is read in one allocation (documents can be large);
  // anything else (a pipe) in chunks, stopping once past the limit.
  text.reserve(static_cast<size_t>(size));
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      return over(fmt::format(
          "file is over the limit of {} bytes (--max-file-size)", max_bytes));
    }
  }
  if (in.bad()) {
    sink.Add(FileError(path, "E010", "cannot read file: read error"));
    return nullptr;
  }
  return std::make_shared<SourceFile>(path, std::move(text));
}

// Reads, parses and analyzes `path`; claims are left for CheckFiles.
static FileResult AnalyzeFile(const std::string& path,
                              const CheckOptions& options) {
  FileResult result;
  result.path = path;
  DiagnosticSink sink;
  result.file = ReadSpecFile(path, options.max_file_bytes, sink);
  auto selected = [&](const std::string& name) {
    return options.claims.empty() ||
           std::find(options.claims.begin(), options.claims.end(), name) !=
               options.claims.end();
  };
  if (result.file) {
    ast::Spec spec = ParseSpec(result.file, sink, options.parse);
    bool parsed = !sink.has_errors();
    if (parsed)
      result.model = Analyze(spec, result.file, sink, options.analysis);
    LintConfig defaults = options.config ? LintConfig() : DefaultConfig();
    LintResult lint =
        LintSpec(result.file, parsed ? &spec : nullptr,
                 result.model ? &*result.model : nullptr, sink.Sorted(),
                 options.config ? *options.config : defaults, options.engine);
    result.diagnostics = std::move(lint.diagnostics);
    for (BlockedClaim& b : lint.blocked) {
      if (selected(b.name)) result.blocked.push_back(std::move(b));
    }
  } else {
    result.diagnostics = sink.Sorted();
  }
  result.bad_input = !result.model;
  if (!result.model || !options.run_engines) return result;
  // `check` is about verdicts: lint notes are for `aligncheck lint`.
  auto& diags = result.diagnostics;
  diags.erase(std::remove_if(diags.begin(), diags.end(),
                             [](const Diagnostic& d) {
                               return IsFinding(d) &&
                                      d.severity == Severity::kNote;
                             }),
              diags.end());
  return result;
}

std::vector<ClaimResult*> SelectClaims(FileResult& result,
                                       const CheckOptions& options) {
  std::vector<ClaimResult*> tasks;
  if (!result.model) return tasks;
  for (const Claim& claim : result.model->claims) {
    if (!options.claims.empty() &&
        std::find(options.claims.begin(), options.claims.end(), claim.name) ==
            options.claims.end()) {
      continue;
    }
    result.claims.emplace_back().claim = &claim;
  }
  for (ClaimResult& r : result.claims) {
    if (tasks.size() == options.max_claims) {
      r.verdict.kind = Verdict::Kind::kUnknown;
      r.verdict.reason = fmt::format(
          "not checked: the file has {} claims to check, over the limit of "
          "{} (--max-claims)",
          result.claims.size(), options.max_claims);
      continue;
    }
    tasks.push_back(&r);
  }
  return tasks;
}

std::vector<FileResult> CheckFiles(const std::vector<std::string>& paths,
                                   const CheckOptions& options) {
  std::vector<FileResult> results(paths.size());
  ParallelFor(paths.size(), options.jobs,
              [&](size_t i) { results[i] = AnalyzeFile(paths[i], options); });
  std::vector<ClaimResult*> tasks;
  std::vector<const Model*> models;
  for (FileResult& result : results) {
    if (!options.run_engines) break;
    for (ClaimResult* task : SelectClaims(result, options)) {
      tasks.push_back(task);
      models.push_back(&*result.model);
    }
  }
  ParallelFor(tasks.size(), options.jobs, [&](size_t t) {
    tasks[t]->verdict =
        CheckClaim(*models[t], *tasks[t]->claim, options.engine);
  });
  return results;
}

FileResult CheckFile(const std::string& path, const CheckOptions& options) {
  return std::move(CheckFiles({path}, options)[0]);
}

}  // namespace aligncheck
