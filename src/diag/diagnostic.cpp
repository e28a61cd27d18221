// Diagnostic collection, ordering and text rendering.
#include "diag/diagnostic.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "util/escape.h"
#include "util/source_bytes.h"

namespace aligncheck {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

void DiagnosticSink::Add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++error_count_;
  diagnostics_.push_back(std::move(diagnostic));
}

Diagnostic& DiagnosticSink::Error(const std::shared_ptr<const SourceFile>& file,
                                  Span span, std::string id,
                                  std::string message) {
  Diagnostic d;
  d.file = file;
  d.span = span;
  d.id = std::move(id);
  d.message = std::move(message);
  Add(std::move(d));
  return diagnostics_.back();
}

std::vector<Diagnostic> DiagnosticSink::Sorted() const {
  std::vector<Diagnostic> out = diagnostics_;
  std::stable_sort(out.begin(), out.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     const std::string empty;
                     const std::string& fa = a.file ? a.file->name() : empty;
                     const std::string& fb = b.file ? b.file->name() : empty;
                     return std::tie(fa, a.span.begin, a.id) <
                            std::tie(fb, b.span.begin, b.id);
                   });
  return out;
}

// Replaces control characters and bytes that are not UTF-8 with \xNN so
// input cannot drive the terminal; counts the columns the result takes.
static std::string Printable(std::string_view text, size_t* columns = nullptr) {
  std::string out;
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\t') {
      out += ' ';
      width += 1;
      ++i;
    } else if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", c);
      width += 4;
      ++i;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      width += 1;
      ++i;
    } else if (text.compare(i, 3, "\xEF\xBB\xBF") == 0) {
      // U+FEFF inside a line is a character that shows nothing: shown as
      // an escape, so that the column it takes can be seen. (The mark that
      // opens a file is cut off by the callers: it takes no column.)
      out += "\\u{feff}";
      width += 8;
      i += 3;
    } else if (size_t n = Utf8Length(text.substr(i));
               n > 0 && !IsC1Control(text.substr(i), n)) {
      out.append(text.substr(i, n));
      width += 1;
      i += n;
    } else {
      out += fmt::format("\\x{:02x}", c);
      width += 4;
      ++i;
    }
  }
  if (columns) *columns = width;
  return out;
}

bool IsFinding(const Diagnostic& d) { return d.id.rfind("AC", 0) == 0; }

namespace {

bool IsContinuation(char c) {
  return (static_cast<unsigned char>(c) & 0xc0) == 0x80;
}

// ANSI escapes, as clang and rustc use them.
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

const char* SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "\x1b[1;36m";
    case Severity::kWarning:
      return "\x1b[1;35m";
    case Severity::kError:
      return "\x1b[1;31m";
  }
  return "";
}

struct Painter {
  bool on;
  std::string operator()(const char* code, const std::string& text) const {
    return on ? code + text + kReset : text;
  }
};

// The bytes of line `line` of `file` that are shown: without the byte
// order mark that opens the file, which takes no column (SourceFile::
// Locate). Sets `skipped` to the bytes cut off.
std::string_view ShownLine(const SourceFile& file, uint32_t line,
                           size_t& skipped) {
  std::string_view text = file.Line(line);
  skipped = 0;
  if (line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
    skipped = 3;
  }
  return text;
}

// The line a single-line fix-it produces, with a marker line under the new
// text; empty when the fix-it spans lines.
std::string FixItPreview(const SourceFile& file, const FixIt& fix,
                         const Painter& paint) {
  LineCol b = LocateBytes(file, fix.span.begin);
  LineCol e = LocateBytes(file, fix.span.end);
  if (b.line != e.line || fix.replacement.empty() ||
      fix.replacement.find('\n') != std::string::npos) {
    return "";
  }
  size_t skipped = 0;
  std::string_view line = ShownLine(file, b.line, skipped);
  auto shown_byte = [&](uint32_t col) {
    size_t byte = col - 1;
    return std::min(byte - std::min(skipped, byte), line.size());
  };
  size_t begin = shown_byte(b.col);
  size_t end = shown_byte(e.col);
  std::string before = Printable(line.substr(0, begin));
  std::string inserted = Printable(fix.replacement);
  std::string after = Printable(line.substr(end));
  size_t indent = 0, width = 0;
  Printable(line.substr(0, begin), &indent);
  Printable(fix.replacement, &width);
  std::string out = "    " + before + paint("\x1b[32m", inserted) + after + "\n";
  out += "    " + std::string(indent, ' ') +
         paint("\x1b[32m", std::string(width, '+')) + "\n";
  return out;
}

}  // namespace

std::string RenderDiagnosticText(const Diagnostic& d) {
  return RenderDiagnosticText(d, TextStyle{});
}

std::string RenderDiagnosticText(const Diagnostic& d, const TextStyle& style) {
  Painter paint{style.color};
  std::string out;
  std::string suffix = d.id.empty() ? "" : fmt::format(" [{}]", d.id);
  std::string severity =
      paint(SeverityColor(d.severity), std::string(SeverityName(d.severity)) + ":");
  // Messages, notes and file names quote the input: escaped, one line each.
  std::string message = paint(kBold, EscapeControls(d.message) + suffix);
  std::string name = d.file ? EscapeControls(d.file->name()) : "";
  if (d.file && d.file->text().empty()) {
    LineCol at = d.file->Locate(0);
    out += fmt::format(
        "{} {} {}\n",
        paint(kBold, fmt::format("{}:{}:{}:", name, at.line, at.col)), severity,
        message);
  } else if (d.file) {
    LineCol shown_at = d.file->Locate(d.span.begin);
    out += fmt::format("{} {} {}\n",
                       paint(kBold, fmt::format("{}:{}:{}:", name,
                                                shown_at.line, shown_at.col)),
                       severity, message);
    // The source line is sliced by bytes; the caret is placed by the
    // columns the printed text takes.
    LineCol at = LocateBytes(*d.file, d.span.begin);
    size_t skipped = 0;
    std::string_view line = ShownLine(*d.file, at.line, skipped);
    // Byte columns from here on are in the shown line.
    at.col -= static_cast<uint32_t>(std::min<size_t>(skipped, at.col - 1));
    // Very long lines are cut around the caret so output stays readable,
    // never inside a character.
    constexpr size_t kMaxShown = 200;
    size_t start = 0;
    if (line.size() > kMaxShown && at.col > kMaxShown / 2) {
      start = std::min<size_t>(at.col - 1 - kMaxShown / 2, line.size());
      while (start > 0 && start < line.size() && IsContinuation(line[start]))
        --start;
    }
    size_t shown_size = std::min(kMaxShown, line.size() - start);
    while (start + shown_size < line.size() &&
           IsContinuation(line[start + shown_size]))
      ++shown_size;
    std::string_view shown = line.substr(start, shown_size);
    std::string printable = Printable(shown);
    out += printable + "\n";
    // Caret column in the printable text (escapes widen some bytes).
    size_t caret_col = 0;
    size_t byte_col = at.col - 1 - start;
    Printable(shown.substr(0, std::min(byte_col, shown.size())), &caret_col);
    size_t width = 1;
    if (d.span.end > d.span.begin && byte_col < shown.size()) {
      LineCol end = LocateBytes(*d.file, d.span.end);
      if (end.line == at.line) {
        end.col -=
            static_cast<uint32_t>(std::min<size_t>(skipped, end.col - 1));
      }
      if (end.line == at.line && end.col > at.col) {
        Printable(shown.substr(byte_col, end.col - at.col), &width);
        width = std::max<size_t>(width, 1);
      }
    }
    out += std::string(caret_col, ' ') +
           paint(SeverityColor(d.severity),
                 "^" + std::string(width - 1, '~')) +
           "\n";
  } else {
    out += fmt::format("aligncheck: {} {}\n", severity, message);
  }
  for (const std::string& note : d.notes) {
    out += paint(SeverityColor(Severity::kNote), "note:") + " " +
           EscapeControls(note) + "\n";
  }
  for (const std::string& help : d.help) {
    out += paint(kBold, "help:") + " " + EscapeControls(help) + "\n";
  }
  for (const FixIt& fix : d.fixits) {
    std::string preview =
        d.file ? FixItPreview(*d.file, fix, paint) : std::string();
    std::string description = EscapeControls(fix.description);
    if (fix.replacement.empty()) {
      out += paint(kBold, "help:") + " " + description + "\n";
    } else if (preview.empty()) {
      out += paint(kBold, "help:") + " " + description + ": " +
             Printable(fix.replacement) + "\n";
    } else {
      out += paint(kBold, "help:") + " " + description + "\n" + preview;
    }
  }
  return out;
}

static size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string SuggestName(const std::string& name,
                        const std::vector<std::string>& candidates) {
  // As ninja does: allow about a third of the name to differ.
  size_t best_distance = std::max<size_t>(1, (name.size() + 2) / 3) + 1;
  std::string best;
  for (const std::string& candidate : candidates) {
    size_t distance = EditDistance(name, candidate);
    if (distance < best_distance ||
        (distance == best_distance && !best.empty() && candidate < best)) {
      if (distance < best_distance) best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace aligncheck
