// Splitting CSV text into located cells.
#include "analysis/csv.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace aligncheck {

std::string CsvPathFor(const std::string& spec_name, const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_absolute()) return path;
  std::filesystem::path dir = std::filesystem::path(spec_name).parent_path();
  if (dir.empty()) return path;
  return (dir / p).string();
}

static bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

CsvTable SplitCsv(std::shared_ptr<const SourceFile> file) {
  CsvTable table;
  table.file = file;
  const std::string& text = file->text();
  size_t n = text.size();
  size_t line_begin = 0;
  while (line_begin < n) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string::npos) line_end = n;
    size_t content_end = line_end;
    if (content_end > line_begin && text[content_end - 1] == '\r') {
      --content_end;
    }
    bool blank = true;
    for (size_t i = line_begin; i < content_end; ++i) {
      if (!IsBlank(text[i])) {
        blank = false;
        break;
      }
    }
    if (!blank) {
      CsvRow row;
      row.span = {static_cast<uint32_t>(line_begin),
                  static_cast<uint32_t>(content_end)};
      size_t cell_begin = line_begin;
      while (true) {
        size_t comma = text.find(',', cell_begin);
        size_t cell_end = comma == std::string::npos || comma > content_end
                              ? content_end
                              : comma;
        size_t b = cell_begin;
        size_t e = cell_end;
        while (b < e && IsBlank(text[b])) ++b;
        while (e > b && IsBlank(text[e - 1])) --e;
        row.cells.push_back(
            {std::string_view(text.data() + b, e - b),
             {static_cast<uint32_t>(b), static_cast<uint32_t>(e)}});
        if (cell_end == content_end) break;
        cell_begin = cell_end + 1;
      }
      table.rows.push_back(std::move(row));
    }
    line_begin = line_end + 1;
  }
  return table;
}

bool InsideSpecTree(const std::string& spec_name, const std::string& written,
                    const std::string& path, std::string& reason) {
  namespace fs = std::filesystem;
  if (fs::path(written).is_absolute()) {
    reason = "absolute paths are not allowed";
    return false;
  }
  std::error_code ec;
  fs::path dir = fs::path(spec_name).parent_path();
  auto resolve = [&ec](const fs::path& p) {
    fs::path r = fs::weakly_canonical(fs::absolute(p, ec), ec).lexically_normal();
    return r.has_filename() ? r : r.parent_path();  // drop a trailing "/"
  };
  fs::path root = resolve(dir.empty() ? fs::path(".") : dir);
  if (ec) return true;  // reading will report the real problem
  fs::path target = resolve(path);
  if (ec) return true;
  auto t = target.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++t) {
    if (t == target.end() || *r != *t) {
      // Name the directory as the user wrote it, not as this machine
      // resolves it, so messages are the same everywhere.
      reason = fmt::format("it leads outside the spec's directory '{}'",
                           dir.empty() ? "." : dir.string());
      return false;
    }
  }
  return true;
}

bool ReadWholeFile(const std::string& path, std::string& out,
                   std::string& error, size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "is a directory";
    return false;
  }
  auto status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(status) &&
      !std::filesystem::is_regular_file(status)) {
    error = "not a regular file";  // a FIFO or device could block forever
    return false;
  }
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) {
    error = fmt::format("larger than the limit of {} bytes (--max-csv-size)",
                        max_bytes);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    if (!error.empty()) error[0] = static_cast<char>(std::tolower(error[0]));
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return false;
  }
  out = buffer.str();
  return true;
}

}  // namespace aligncheck
