// Suppression comments: parsing, matching, and reporting the unused ones.
#include "lint/suppress.h"

#include <fmt/format.h>

#include <cctype>
#include <cstring>

#include "lint/rule_catalog.h"

namespace aligncheck {
namespace {

constexpr std::string_view kMarker = "aligncheck:";

bool IsIdChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// A token that looks like a rule id: letters then digits ("AC007", "E2").
bool LooksLikeId(std::string_view t) {
  size_t i = 0;
  while (i < t.size() && std::isalpha(static_cast<unsigned char>(t[i]))) ++i;
  if (i == 0 || i == t.size()) return false;
  for (; i < t.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  }
  return true;
}

Diagnostic Warning(const std::shared_ptr<const SourceFile>& file, Span span,
                   const char* id, std::string message) {
  Diagnostic d;
  d.severity = FindRule(id)->severity;
  d.id = id;
  d.file = file;
  d.span = span;
  d.message = std::move(message);
  return d;
}

// Returns the offset of the comment's '#' in [begin, end), outside string
// literals, or npos.
size_t CommentStart(const std::string& text, size_t begin, size_t end) {
  bool in_string = false;
  for (size_t i = begin; i < end; ++i) {
    if (text[i] == '"') in_string = !in_string;
    if (text[i] == '\\' && in_string) ++i;
    if (text[i] == '#' && !in_string) return i;
  }
  return std::string::npos;
}

}  // namespace

void ParseSuppressionIds(const std::shared_ptr<const SourceFile>& file,
                         bool whole_file, uint32_t line, Span directive,
                         size_t begin, size_t end,
                         std::vector<Suppression>& result,
                         std::vector<Diagnostic>& out) {
  const std::string& text = file->text();
  size_t i = begin;
  bool named_any = false;
  while (true) {
    while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == ','))
      ++i;
    size_t id_begin = i;
    while (i < end && IsIdChar(text[i])) ++i;
    std::string id = text.substr(id_begin, i - id_begin);
    if (!LooksLikeId(id)) break;  // the rest is a free-form reason
    named_any = true;
    Span span{static_cast<uint32_t>(id_begin), static_cast<uint32_t>(i)};
    if (FindRule(id) == nullptr) {
      Diagnostic d = Warning(
          file, span, "AC014",
          fmt::format("suppression names '{}', which is not a lint rule", id));
      std::string guess = SuggestName(id, RuleIds());
      if (!guess.empty()) {
        d.fixits.push_back(
            {fmt::format("did you mean '{}'?", guess), span, guess, {}});
      }
      out.push_back(std::move(d));
      continue;
    }
    result.push_back({whole_file, line, id, span, {}, false, false});
  }
  if (!named_any) {
    result.push_back({whole_file, line, "", directive, {}, false, false});
  }
}

std::vector<Suppression> ParseSuppressions(
    const std::shared_ptr<const SourceFile>& file,
    std::vector<Diagnostic>& out) {
  std::vector<Suppression> result;
  const std::string& text = file->text();
  // Only lines with a '#' can hold a comment: jump from one to the next,
  // which keeps long files of blank lines (the gate's spec views) cheap.
  for (size_t from = 0; from < text.size();) {
    const void* found =
        std::memchr(text.data() + from, '#', text.size() - from);
    if (!found) break;
    uint32_t line =
        file->Locate(static_cast<uint32_t>(static_cast<const char*>(found) -
                                           text.data()))
            .line;
    std::string_view view = file->Line(line);
    from = static_cast<size_t>(view.data() - text.data()) + view.size() + 1;
    size_t begin = static_cast<size_t>(view.data() - text.data());
    size_t end = begin + view.size();
    size_t hash = CommentStart(text, begin, end);
    if (hash == std::string::npos) continue;
    size_t i = hash + 1;
    auto skip_space = [&] {
      while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
    };
    skip_space();
    if (text.compare(i, kMarker.size(), kMarker) != 0) continue;
    i += kMarker.size();
    skip_space();
    size_t word_begin = i;
    while (i < end && IsIdChar(text[i])) ++i;
    std::string directive = text.substr(word_begin, i - word_begin);
    Span directive_span{static_cast<uint32_t>(word_begin),
                        static_cast<uint32_t>(i)};
    if (directive != "ignore" && directive != "ignore-file") {
      Diagnostic d =
          Warning(file, directive_span, "AC014",
                  fmt::format("unknown suppression directive '{}'", directive));
      std::string guess = SuggestName(directive, {"ignore", "ignore-file"});
      if (!guess.empty())
        d.help.push_back(fmt::format("did you mean '{}'?", guess));
      out.push_back(std::move(d));
      continue;
    }
    bool whole_file = directive == "ignore-file";
    size_t before = result.size();
    ParseSuppressionIds(file, whole_file, line, directive_span, i, end, result,
                        out);
    size_t blank = hash;
    while (blank > begin &&
           (text[blank - 1] == ' ' || text[blank - 1] == '\t')) {
      --blank;
    }
    // A comment alone on its line goes with its line break.
    size_t stop = end;
    if (blank == begin && stop < text.size()) ++stop;
    for (size_t k = before; k < result.size(); ++k) {
      result[k].comment = {static_cast<uint32_t>(blank),
                           static_cast<uint32_t>(stop)};
      result[k].only_one = result.size() - before == 1;
      // After code, it covers its own line only, a claim header's too: what
      // a comment covers can be told from its own line.
      result[k].trailing = blank != begin;
    }
  }
  return result;
}

bool Suppressed(const Diagnostic& d, std::vector<Suppression>& suppressions) {
  // Findings about suppressions themselves are answered by fixing them.
  if (!IsFinding(d) || !d.file || d.id == "AC013" || d.id == "AC014") {
    return false;
  }
  uint32_t line = d.file->Locate(d.span.begin).line;
  bool hit = false;
  for (Suppression& s : suppressions) {
    if (!s.id.empty() && s.id != d.id) continue;
    if (s.whole_file || s.line == line ||
        (!s.trailing && s.line + 1 == line)) {
      s.used = true;
      hit = true;
    } else if (s.trailing && s.line + 1 == line && s.missed_next_line == 0) {
      s.missed_next_line = line;
    }
  }
  return hit;
}

std::vector<Diagnostic> UnusedSuppressions(
    const std::shared_ptr<const SourceFile>& file,
    const std::vector<Suppression>& suppressions) {
  std::vector<Diagnostic> out;
  for (const Suppression& s : suppressions) {
    if (s.used) continue;
    std::string what = s.id.empty() ? "any finding" : s.id;
    Diagnostic d =
        Warning(file, s.span, "AC013",
                fmt::format("suppression of {} {}suppresses nothing", what,
                            s.whole_file ? "in this file " : "here "));
    if (s.missed_next_line != 0) {
      d.notes.push_back(fmt::format(
          "a comment after code covers its own line only, not the {} "
          "finding on line {}",
          s.id.empty() ? "lint" : s.id, s.missed_next_line));
      d.help.push_back(fmt::format(
          "put the comment on a line of its own just above line {}, or at "
          "the end of line {}",
          s.missed_next_line, s.missed_next_line));
    }
    // A comment that missed the line after it was meant for that line:
    // `lint --fix` must not delete it.
    if (s.only_one && s.missed_next_line == 0) {
      d.fixits.push_back({"remove the comment", s.comment, "", {}});
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace aligncheck
