// Splitting CSV text into located cells.
#include "analysis/csv.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

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

namespace {

// RFC 4180 fields: a field that starts with '"' runs to the next lone '"'
// ("" stands for one quote) and may hold commas and line breaks; blanks
// around any field are trimmed, and a line of blanks is no row.
class CsvSplitter {
 public:
  explicit CsvSplitter(CsvTable& table)
      : table_(table), text_(table.file->text()) {}

  void Run() {
    size_t n = text_.size();
    while (i_ < n) {
      size_t line_end = text_.find('\n', i_);
      if (line_end == std::string::npos) line_end = n;
      bool blank = true;
      for (size_t k = i_; k < line_end; ++k) {
        if (!IsBlank(text_[k])) {
          blank = false;
          break;
        }
      }
      if (blank) {
        i_ = line_end + 1;
        continue;
      }
      Row();
    }
  }

 private:
  // One row from i_, which it leaves past the row's line break.
  void Row() {
    CsvRow row;
    size_t begin = i_;
    while (true) {
      row.cells.push_back(Field());
      if (i_ < text_.size() && text_[i_] == ',') {
        ++i_;
        continue;
      }
      break;
    }
    size_t end = i_;  // at '\n' or the end
    if (end > begin && text_[end - 1] == '\r') --end;
    row.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    table_.rows.push_back(std::move(row));
    if (i_ < text_.size()) ++i_;  // the '\n'
  }

  // One field from i_; leaves i_ at the ',' or '\n' after it, or the end.
  CsvCell Field() {
    size_t n = text_.size();
    while (i_ < n && IsBlank(text_[i_]) && text_[i_] != '\n') ++i_;
    if (i_ < n && text_[i_] == '"') return Quoted();
    size_t b = i_;
    while (i_ < n && text_[i_] != ',' && text_[i_] != '\n') ++i_;
    size_t e = i_;
    while (e > b && IsBlank(text_[e - 1])) --e;
    return {std::string_view(text_.data() + b, e - b),
            {static_cast<uint32_t>(b), static_cast<uint32_t>(e)}};
  }

  CsvCell Quoted() {
    size_t n = text_.size();
    size_t open = i_++;
    size_t content = i_;
    std::string unescaped;
    bool doubled = false;
    while (i_ < n) {
      if (text_[i_] != '"') {
        ++i_;
        continue;
      }
      if (i_ + 1 < n && text_[i_ + 1] == '"') {
        doubled = true;
        i_ += 2;
        continue;
      }
      break;
    }
    size_t close = i_;  // at the closing '"', or the end when unterminated
    std::string_view inside(text_.data() + content, close - content);
    if (i_ < n) ++i_;
    // Anything between the closing quote and the delimiter stays in the
    // cell, so a stray character shows up in the error about the cell.
    size_t tail = i_;
    while (i_ < n && text_[i_] != ',' && text_[i_] != '\n') ++i_;
    size_t tail_end = i_;
    while (tail_end > tail && IsBlank(text_[tail_end - 1])) --tail_end;
    Span span{static_cast<uint32_t>(open),
              static_cast<uint32_t>(std::max(tail_end, close + (close < n)))};
    if (!doubled && tail_end == tail) return {inside, span};
    for (size_t k = 0; k < inside.size(); ++k) {
      unescaped += inside[k];
      if (inside[k] == '"') ++k;  // "" is one quote
    }
    unescaped.append(text_, tail, tail_end - tail);
    table_.owned.push_back(std::make_shared<std::string>(std::move(unescaped)));
    return {*table_.owned.back(), span};
  }

  CsvTable& table_;
  const std::string& text_;
  size_t i_ = 0;
};

}  // namespace

CsvTable SplitCsv(std::shared_ptr<const SourceFile> file) {
  CsvTable table;
  table.file = file;
  CsvSplitter(table).Run();
  return table;
}

std::string CsvSeparatorHint(const CsvRow& row) {
  for (const CsvCell& cell : row.cells) {
    for (char sep : {';', '\t'}) {
      if (cell.text.find(sep) == std::string_view::npos) continue;
      std::string out = fmt::format(
          "the cells look separated by {}: separate them with ',' (a "
          "spreadsheet's \"CSV (comma delimited)\" export)",
          sep == ';' ? "';'" : "tabs");
      return out;
    }
  }
  return "";
}

std::string DecimalCommaHint(std::string_view text) {
  size_t comma = text.find(',');
  if (comma == std::string_view::npos || comma == 0 ||
      text.find(',', comma + 1) != std::string_view::npos)
    return "";
  auto digits = [](std::string_view part) {
    if (part.empty()) return false;
    for (char c : part) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  };
  std::string_view whole = text.substr(0, comma);
  if (whole[0] == '-') whole.remove_prefix(1);
  if (!digits(whole) || !digits(text.substr(comma + 1))) return "";
  std::string fixed(text);
  fixed[comma] = '.';
  return fmt::format("numbers take a decimal point: write '{}'", fixed);
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
