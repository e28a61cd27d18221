// What both readers share: directive comments, UTF-8 validation, dispatch.
#include "gate/document.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "lint/rule_catalog.h"
#include "prose/prose.h"

namespace aligncheck::gate {
namespace {

constexpr std::string_view kMarker = "aligncheck:";

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

Diagnostic Located(const std::shared_ptr<const SourceFile>& host, Span span,
                   Severity severity, const char* id, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.id = id;
  d.file = host;
  d.span = span;
  d.message = std::move(message);
  return d;
}

// Edit distance, for labels of at most a few dozen bytes.
size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

bool IsNearMissLabel(std::string_view label) {
  constexpr std::string_view kLabel = "aligncheck";
  if (label == kLabel || label.size() > 32) return false;
  std::string lower;
  for (char c : label) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (lower == kLabel || lower == "align") return true;
  // "aligncheck-spec", "aligncheck.spec", "aligncheck:".
  if (lower.rfind(kLabel, 0) == 0 &&
      !std::isalnum(static_cast<unsigned char>(lower[kLabel.size()]))) {
    return true;
  }
  std::string squashed;
  for (char c : lower) {
    if (c != '-' && c != '_') squashed += c;
  }
  // "align-check", "alignchek", "alingcheck"; not "alignment".
  return squashed.size() >= 8 && Distance(squashed, kLabel) <= 2;
}

Diagnostic NearMissLabel(const std::shared_ptr<const SourceFile>& host,
                         Span span, std::string_view label, bool latex) {
  Diagnostic d = Located(
      host, span, Severity::kWarning, kNearMissLabel,
      fmt::format(latex ? "environment '{}' is not an aligncheck block"
                        : "code block labelled '{}' is not an aligncheck block",
                  label));
  d.notes.push_back(
      latex ? "only the `aligncheck` environment is checked; this one is "
              "left out"
            : "only fences whose info string starts with the word "
              "`aligncheck` are checked; this block is left out");
  FixIt fix;
  fix.description = "rename the label to `aligncheck`";
  fix.span = span;
  fix.replacement = "aligncheck";
  d.fixits.push_back(std::move(fix));
  return d;
}

void EmitParagraph(std::string_view text, std::vector<Piece>& pieces,
                   bool blockquote, bool all_paragraphs, ReadResult& out) {
  size_t begin = pieces.front().span.begin;
  size_t end = pieces.back().span.end;
  if (all_paragraphs || prose::MayTrigger(text.substr(begin, end - begin))) {
    out.paragraphs.push_back({pieces, blockquote});
  }
  pieces.clear();
}

size_t FirstInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // ASCII runs are the common case: eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

void ReadDirective(const std::shared_ptr<const SourceFile>& host, size_t begin,
                   size_t end, Span comment, ReadResult& out) {
  const std::string& text = host->text();
  size_t i = begin;
  while (i < end && IsBlank(text[i])) ++i;
  if (text.compare(i, kMarker.size(), kMarker) != 0 ||
      i + kMarker.size() > end) {
    return;
  }
  i += kMarker.size();
  while (i < end && IsBlank(text[i])) ++i;
  size_t word_begin = i;
  while (i < end && IsWordChar(text[i])) ++i;
  std::string directive = text.substr(word_begin, i - word_begin);
  Span directive_span{static_cast<uint32_t>(word_begin),
                      static_cast<uint32_t>(i)};
  size_t rest_end = end;
  while (rest_end > i && IsBlank(text[rest_end - 1])) --rest_end;
  if (directive == "spec") {
    while (i < rest_end && IsBlank(text[i])) ++i;
    size_t path_begin = i;
    while (i < rest_end && !IsBlank(text[i])) ++i;
    if (path_begin == i) {
      Diagnostic d = Located(host, directive_span, Severity::kError,
                             kBadDirective, "`aligncheck: spec` needs a path");
      d.help.push_back(
          "write the spec file's path after it, relative to "
          "this document: `aligncheck: spec claims.align`");
      out.diagnostics.push_back(std::move(d));
      return;
    }
    out.attachments.push_back(
        {text.substr(path_begin, i - path_begin),
         {static_cast<uint32_t>(path_begin), static_cast<uint32_t>(i)}});
    return;
  }
  if (directive == "ignore" || directive == "ignore-file") {
    size_t before = out.suppressions.size();
    uint32_t line = host->Locate(static_cast<uint32_t>(begin)).line;
    ParseSuppressionIds(host, directive == "ignore-file", line, directive_span,
                        i, rest_end, out.suppressions, out.diagnostics);
    for (size_t k = before; k < out.suppressions.size(); ++k) {
      out.suppressions[k].comment = comment;
      out.suppressions[k].only_one = out.suppressions.size() - before == 1;
    }
    return;
  }
  Diagnostic d =
      Located(host, directive_span, FindRule("AC014")->severity, "AC014",
              fmt::format("unknown aligncheck directive '{}'", directive));
  std::string guess = SuggestName(directive, {"spec", "ignore", "ignore-file"});
  if (!guess.empty())
    d.help.push_back(fmt::format("did you mean '{}'?", guess));
  out.diagnostics.push_back(std::move(d));
}

ReadResult ReadDocument(const std::shared_ptr<const SourceFile>& host,
                        Syntax syntax, bool all_paragraphs) {
  ReadResult result = syntax == Syntax::kLatex
                          ? ReadLatex(host, all_paragraphs)
                          : ReadMarkdown(host, all_paragraphs);
  size_t bad = FirstInvalidUtf8(host->text());
  if (bad != std::string_view::npos) {
    Diagnostic d = Located(
        host, {static_cast<uint32_t>(bad), static_cast<uint32_t>(bad + 1)},
        Severity::kWarning, kInvalidUtf8,
        fmt::format("invalid UTF-8 (byte 0x{:02X})",
                    static_cast<unsigned char>(host->text()[bad])));
    d.notes.push_back(
        "only the first bad byte of a file is reported; the "
        "rest is still read");
    d.help.push_back("save the file as UTF-8");
    result.diagnostics.push_back(std::move(d));
  }
  return result;
}

}  // namespace aligncheck::gate
