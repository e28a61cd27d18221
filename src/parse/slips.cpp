// The table of common slips and the help each one gets.
#include "parse/slips.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "parse/tokens.hpp"

namespace aligncheck::parse {
namespace {

// A symbol typed where aligncheck has another spelling.
struct SymbolSlip {
  std::string_view typed;
  std::string_view write;
  const char* description;
};

// Longest first: "&&" before "&", "//" before "/".
constexpr SymbolSlip kSymbolSlips[] = {
    {"//", "#", "comments start with '#' and run to the end of the line"},
    {"/*", "#", "comments start with '#' and run to the end of the line"},
    {"&&", "and", "aligncheck writes logical and as 'and'"},
    {"||", "or", "aligncheck writes logical or as 'or'"},
    {"&", "and", "aligncheck writes logical and as 'and'"},
    {"|", "or", "aligncheck writes logical or as 'or'"},
    // Pasted from LaTeX or the essay, without an aligncheck meaning.
    {"\u2212", "-", "write the minus sign '\u2212' as '-'"},
    {"\u00d7", "*", "write the multiplication sign '\u00d7' as '*'"},
    {"\u22c5", "*", "write the multiplication dot '\u22c5' as '*'"},
    {"\u00b7", "*", "write the multiplication dot '\u00b7' as '*'"},
    {"\u00f7", "/", "write the division sign '\u00f7' as '/'"},
    {"\u21d2", "implies", "write the arrow '\u21d2' as 'implies'"},
    {"\u27f9", "implies", "write the arrow '\u27f9' as 'implies'"},
    {"\u2208", "in", "write the element sign '\u2208' as 'in'"},
    {"\u2261", "==", "write '\u2261' as '=='"},
    {"\u2a7d", "<=", "write '\u2a7d' as '<='"},
    {"\u2a7e", ">=", "write '\u2a7e' as '>='"},
    {"\u201c", "\"", "write the curly quote '\u201c' as '\"'"},
    {"\u201d", "\"", "write the curly quote '\u201d' as '\"'"},
};

std::string_view At(const std::string& text, size_t at, size_t n) {
  return std::string_view(text).substr(at, n);
}

Span SpanOf(size_t begin, size_t end) {
  return Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

// The identifier at `at`, or "".
std::string_view WordAt(const std::string& text, size_t at) {
  if (at >= text.size()) return {};
  auto b = text.begin() + static_cast<std::ptrdiff_t>(at);
  return At(text, at, static_cast<size_t>(ScanIdent(b, text.end()) - b));
}

// The identifier that ends just before `at` (blanks between), and its start.
std::string_view WordBefore(const std::string& text, size_t at,
                            size_t* begin) {
  size_t end = at;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  size_t start = end;
  while (start > 0 && IsIdentChar(text[start - 1])) --start;
  *begin = start;
  return At(text, start, end - start);
}

// The identifier after the one at `at` (blanks between), and its end.
std::string_view WordAfter(const std::string& text, size_t at, size_t* end) {
  size_t p = at + WordAt(text, at).size();
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
  std::string_view next = WordAt(text, p);
  *end = p + next.size();
  return next;
}

// The words an "expected ..." text offers: those quoted ('over') and those
// listed in parentheses (a relation (aligned_with, represents, ...)).
std::vector<std::string> OfferedWords(const std::string& expected) {
  std::vector<std::string> words;
  bool inside = false;
  for (size_t i = 0; i < expected.size();) {
    char c = expected[i];
    if (c == '\'' || c == '(' || c == ')') {
      inside = c == '(' || (c == '\'' && !inside);
      ++i;
    } else if (IsIdentStart(c)) {
      size_t j = i;
      while (j < expected.size() && IsIdentChar(expected[j])) ++j;
      if (inside) words.emplace_back(expected.substr(i, j - i));
      i = j;
    } else {
      ++i;
    }
  }
  return words;
}

// Whether `typed` is `meant` with British -ise/-iser spelling.
bool BritishSpelling(std::string_view typed, std::string_view meant) {
  if (typed.size() != meant.size() || typed == meant) return false;
  for (size_t i = 0; i < typed.size(); ++i) {
    if (typed[i] != meant[i] && !(typed[i] == 's' && meant[i] == 'z')) {
      return false;
    }
  }
  return true;
}

bool AddSymbolSlip(const std::string& text, size_t at,
                   const std::string& expected, Diagnostic& d) {
  for (const SymbolSlip& slip : kSymbolSlips) {
    if (At(text, at, slip.typed.size()) != slip.typed) continue;
    d.fixits.push_back({slip.description, SpanOf(at, at + slip.typed.size()),
                        std::string(slip.write), {}});
    return true;
  }
  // `x // note`: the first '/' parsed as a division.
  if (at > 0 && text[at] == '/' && text[at - 1] == '/') {
    d.fixits.push_back({kSymbolSlips[0].description, SpanOf(at - 1, at + 1),
                        "#", {}});
    return true;
  }
  char c = text[at];
  char next = at + 1 < text.size() ? text[at + 1] : '\0';
  char prev = at > 0 ? text[at - 1] : '\0';
  if (c == '!' && next != '=') {
    d.fixits.push_back({"aligncheck writes logical not as 'not'",
                        SpanOf(at, at + 1), "not ", {}});
    return true;
  }
  if (c == '=' && next != '=' && prev != '=' && prev != '<' && prev != '>' &&
      prev != '!' && prev != ':' &&
      expected.find("':='") == std::string::npos) {
    d.fixits.push_back({"'=' defines a name; to compare in a formula, write '=='",
                        SpanOf(at, at + 1), "==", {}});
    return true;
  }
  return false;
}

bool AddWordSlip(const std::string& text, size_t at,
                 const std::string& expected, Diagnostic& d) {
  std::string_view word = WordAt(text, at);
  if (word.empty()) return false;
  size_t begin = 0, end = 0;
  // `for all x in X: F` and `for each`: the parser took `for` as a name.
  if ((word == "all" || word == "each") &&
      WordBefore(text, at, &begin) == "for") {
    d.fixits.push_back({"write 'forall'", SpanOf(begin, at + word.size()),
                        "forall", {}});
    return true;
  }
  if (word == "for") {
    std::string_view next = WordAfter(text, at, &end);
    if (next == "all" || next == "each") {
      d.fixits.push_back({"write 'forall'", SpanOf(at, end), "forall", {}});
      return true;
    }
  }
  if ((word == "count" || word == "sum") &&
      expected.find("expression") != std::string::npos) {
    d.help.push_back(fmt::format(
        "'{0}' needs parentheses around it: ({0} x in X: F)", word));
    return true;
  }
  if (word == "below") {
    d.help.push_back(
        "'below T' bounds a physical_only reading: "
        "'as physical_only via M below T'");
    return true;
  }
  std::vector<std::string> offered = OfferedWords(expected);
  if (expected.rfind("a declaration", 0) == 0) {
    for (std::string_view k : DeclKeywords()) offered.emplace_back(k);
  }
  // A real word in the wrong place is no typo (`in` where `on` belongs).
  if (IsReserved(word) || IsDeclKeyword(word)) return false;
  std::string guess = SuggestName(std::string(word), offered);
  if (guess.empty() || guess == word) return false;
  d.fixits.push_back({fmt::format("did you mean '{}'?", guess),
                      SpanOf(at, at + word.size()), guess, {}});
  if (BritishSpelling(word, guess)) {
    d.help.push_back(
        fmt::format("aligncheck spells it '{}' (with a z)", guess));
  }
  return true;
}

// Where the innermost `{` still open at `at` was opened, when `at` is at a
// line that starts a new declaration (or at the end of the file): then the
// `}` was most likely forgotten.
size_t UnclosedBrace(const std::string& text, size_t decl_start, size_t at) {
  std::vector<size_t> open;
  bool in_string = false;
  size_t end = std::min(at, text.size());
  for (size_t i = decl_start; i < end; ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"' || c == '\n') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '#') {
      while (i < end && text[i] != '\n') ++i;
    } else if (c == '{') {
      open.push_back(i);
    } else if (c == '}' && !open.empty()) {
      open.pop_back();
    }
  }
  if (open.empty()) return std::string::npos;
  size_t line = text.rfind('\n', at == 0 ? 0 : std::min(at, text.size()) - 1);
  line = line == std::string::npos ? 0 : line + 1;
  // On the error's own line the caret already shows the `{`.
  if (line <= open.back()) return std::string::npos;
  if (at >= text.size()) return open.back();
  size_t p = line;
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
  if (!IsDeclKeyword(WordAt(text, p))) return std::string::npos;
  return open.back();
}

}  // namespace

void AddSlipHelp(const SourceFile& file, size_t decl_start, size_t at,
                 const std::string& expected, Diagnostic& d) {
  const std::string& text = file.text();
  size_t brace = UnclosedBrace(text, decl_start, at);
  if (brace != std::string::npos) {
    LineCol open = file.Locate(static_cast<uint32_t>(brace));
    d.notes.push_back(fmt::format("{}:{}:{}: the '{{' opened here is not closed",
                                  file.name(), open.line, open.col));
    d.help.push_back("add the missing '}' before this point");
    return;
  }
  if (at >= text.size()) return;
  if (AddSymbolSlip(text, at, expected, d)) return;
  AddWordSlip(text, at, expected, d);
}

}  // namespace aligncheck::parse
