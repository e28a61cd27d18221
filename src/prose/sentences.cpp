// Sentence splitting by punctuation and what follows it: no model, so the
// rules' precision does not depend on one.
#include "prose/sentences.h"

#include <string>

#include "prose/prose.h"

namespace aligncheck::prose {
namespace {

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return IsUpper(c) || (c >= 'a' && c <= 'z'); }

bool StartsWith(std::string_view text, size_t i, std::string_view s) {
  return text.substr(i, s.size()) == s;
}

// Length of a closing quote or bracket at `i`, or 0.
size_t CloserLength(std::string_view text, size_t i) {
  char c = text[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}') return 1;
  if (StartsWith(text, i, "\xE2\x80\x9D") ||  // ”
      StartsWith(text, i, "\xE2\x80\x99") ||  // ’
      StartsWith(text, i, "\xC2\xBB")) {      // »
    return StartsWith(text, i, "\xC2\xBB") ? 2 : 3;
  }
  return 0;
}

// Whether a sentence may start at `i` (the first non-blank byte after a
// terminator): lower-case words continue the sentence ("e.g. the").
bool CanStartSentence(std::string_view text, size_t i) {
  char c = text[i];
  if (IsUpper(c) || IsDigit(c) || c == kOpaque) return true;
  if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '`' || c == '*' ||
      c == '-' || c == '^' || c == '#') {
    return true;
  }
  // Opening quotes, dashes and other non-ASCII starts (ℓ, É).
  return static_cast<unsigned char>(c) >= 0x80;
}

// Whether the '.' at `dot` follows an abbreviation or an initial.
bool AfterAbbreviation(std::string_view text, size_t dot, size_t next) {
  size_t b = dot;
  while (b > 0 && (IsLetter(text[b - 1]) || text[b - 1] == '.')) --b;
  if (b == dot) return false;
  std::string word(text.substr(b, dot - b));
  for (char& ch : word) {
    if (IsUpper(ch)) ch = static_cast<char>(ch - 'A' + 'a');
  }
  // "e.g", "i.e", "U.S": dotted letter groups are abbreviations.
  if (word.find('.') != std::string::npos) return true;
  // An initial: one capital letter, alone.
  if (dot - b == 1 && IsUpper(text[b])) return true;
  static const char* const kAbbreviations[] = {
      "al",   "fig",    "figs", "sec",  "secs", "eq",  "eqs", "cf",   "vs",
      "resp", "approx", "ch",   "chap", "vol",  "pp",  "ref", "refs", "dr",
      "mr",   "mrs",    "ms",   "prof", "st",   "jr",  "sr",  "viz",  "ca",
      "thm",  "lem",    "def",  "prop", "cor",  "alg", "tab", "app",  "appx",
      "cp",   "eg",     "ie",   "wrt",  "incl", "esp", "ed",  "eds",  "op"};
  for (const char* a : kAbbreviations) {
    if (word == a) return true;
  }
  // "No. 5", "p. 12": abbreviations only before a number.
  if ((word == "no" || word == "p" || word == "nos") && IsDigit(text[next])) {
    return true;
  }
  return false;
}

}  // namespace

std::vector<TextRange> SplitSentences(std::string_view text) {
  std::vector<TextRange> out;
  const size_t n = text.size();
  size_t start = 0;
  while (start < n && IsBlank(text[start])) ++start;
  size_t i = start;
  auto close = [&](size_t end, size_t next) {
    size_t e = end;
    while (e > start && IsBlank(text[e - 1])) --e;
    if (e > start) {
      out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(e)});
    }
    start = next;
  };
  while (i < n) {
    char c = text[i];
    bool ellipsis = StartsWith(text, i, "\xE2\x80\xA6");
    if (c != '.' && c != '!' && c != '?' && !ellipsis) {
      ++i;
      continue;
    }
    size_t term = i;
    size_t j = i + (ellipsis ? 3 : 1);
    while (j < n && (text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;
    bool single_dot = c == '.' && j == i + 1;
    while (j < n) {
      size_t len = CloserLength(text, j);
      if (len == 0) break;
      j += len;
    }
    if (j >= n) {
      i = n;
      break;
    }
    if (!IsBlank(text[j])) {
      i = j;
      continue;
    }
    size_t k = j;
    while (k < n && IsBlank(text[k])) ++k;
    if (k >= n) {
      i = n;
      break;
    }
    if (!CanStartSentence(text, k) ||
        (single_dot && AfterAbbreviation(text, term, k))) {
      i = k;
      continue;
    }
    close(j, k);
    i = k;
  }
  close(n, n);
  return out;
}

}  // namespace aligncheck::prose
