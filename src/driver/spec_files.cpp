// Finding spec files below directories and reading any file within a limit.
#include "driver/spec_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

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

bool IsWriteUp(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  return ext == ".md" || ext == ".markdown" || ext == ".tex";
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
      if (IsWriteUp(path)) {
        Diagnostic d = FileError(
            path, "E036",
            "this is a write-up, not a spec file: check and lint read .align "
            "specs");
        d.help.push_back(fmt::format(
            "run `aligncheck gate {}` to check the claims embedded in it and "
            "its prose",
            path));
        errors.push_back(std::move(d));
        continue;
      }
      add(path);
      continue;
    }
    std::vector<std::string> found;
    size_t write_ups = 0;
    fs::recursive_directory_iterator it(
        path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      if (it->path().extension() == ".align") {
        found.push_back(it->path().generic_string());
      } else if (IsWriteUp(it->path().string())) {
        ++write_ups;
      }
    }
    if (ec) {
      errors.push_back(
          FileError(path, "E010",
                    fmt::format("cannot read directory: {}", ec.message())));
    }
    std::sort(found.begin(), found.end());
    if (found.empty() && !ec) {
      Diagnostic d = FileError(path, "E010", "no .align files in directory");
      if (write_ups > 0) {
        d.help.push_back(fmt::format(
            "it holds {} write-up{} (.md, .markdown, .tex): run `aligncheck "
            "gate {}`",
            write_ups, write_ups == 1 ? "" : "s", path));
      }
      errors.push_back(std::move(d));
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

}  // namespace aligncheck
