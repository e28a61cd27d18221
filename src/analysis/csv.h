// Plain comma-separated tables stored next to a spec: cells with their
// locations, so every problem can be reported in the CSV file itself.
#ifndef ALIGNCHECK_ANALYSIS_CSV_H_
#define ALIGNCHECK_ANALYSIS_CSV_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/source_file.h"

namespace aligncheck {

/// One trimmed cell: a view into the file's text and its span.
struct CsvCell {
  std::string_view text;
  Span span;
};

/// One non-blank line.
struct CsvRow {
  std::vector<CsvCell> cells;
  Span span;  // the line without its terminator
};

struct CsvTable {
  std::shared_ptr<const SourceFile> file;
  std::vector<CsvRow> rows;  // rows[0] is the header when present
  /// The text of quoted cells with "" inside, unescaped (cells view it).
  std::vector<std::shared_ptr<const std::string>> owned;
};

/// Returns the path of `path` (as written in the spec) relative to the
/// directory of `spec_name`: "specs/a.align" + "t.csv" -> "specs/t.csv".
std::string CsvPathFor(const std::string& spec_name, const std::string& path);

/// Splits `file` into rows of cells (RFC 4180): lines end at "\n" (a "\r"
/// before it is dropped), cells at ",", spaces and tabs around a cell are
/// trimmed, blank lines are skipped. A cell that starts with '"' is quoted:
/// it may hold commas and line breaks, "" in it is one quote, and its span
/// includes the quotes.
CsvTable SplitCsv(std::shared_ptr<const SourceFile> file);

/// A `help:` for a row whose cells hold ';' or a tab (another program's
/// separator), naming the fix; "" otherwise.
std::string CsvSeparatorHint(const CsvRow& row);

/// A `help:` for a number written with a decimal comma ("0,5"); "" for
/// anything else.
std::string DecimalCommaHint(std::string_view text);

/// Whether `path` (as resolved by CsvPathFor) stays inside the directory
/// tree of `spec_name` once symlinks and ".." are resolved. Sets `reason`
/// when it does not ("an absolute path", "outside 'specs'").
bool InsideSpecTree(const std::string& spec_name, const std::string& written,
                    const std::string& path, std::string& reason);

/// Reads the file at `path`. Returns false and sets `error` to a terse
/// reason ("no such file or directory") when it cannot be read.
bool ReadWholeFile(const std::string& path, std::string& out,
                   std::string& error, size_t max_bytes = 512u << 20);

}  // namespace aligncheck

#endif  // ALIGNCHECK_ANALYSIS_CSV_H_
