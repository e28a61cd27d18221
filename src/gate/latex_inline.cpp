// LaTeX inline markup: commands dropped (their text arguments kept), math,
// \url and \href targets opaque, \verb and \texttt kept as code, TeX
// quotes and ties turned into the characters they typeset.
#include <cctype>
#include <set>
#include <string_view>

#include "gate/paragraph.h"

namespace aligncheck::gate::internal {
namespace {

// Commands whose arguments are not prose: they are dropped whole.
const std::set<std::string_view> kNoProseArguments = {"cite",
                                                      "citep",
                                                      "citet",
                                                      "citeauthor",
                                                      "citeyear",
                                                      "citealp",
                                                      "nocite",
                                                      "parencite",
                                                      "textcite",
                                                      "autocite",
                                                      "label",
                                                      "includegraphics",
                                                      "input",
                                                      "include",
                                                      "bibliography",
                                                      "bibliographystyle",
                                                      "vspace",
                                                      "hspace",
                                                      "vskip",
                                                      "hskip",
                                                      "setlength",
                                                      "addtolength",
                                                      "usepackage",
                                                      "documentclass",
                                                      "newcommand",
                                                      "renewcommand",
                                                      "providecommand",
                                                      "hypersetup",
                                                      "graphicspath",
                                                      "footnotemark",
                                                      "index",
                                                      "glossary",
                                                      "color",
                                                      "pagestyle",
                                                      "thispagestyle",
                                                      "bibitem",
                                                      "newenvironment",
                                                      "DeclareMathOperator"};
// Commands whose argument is code: kept in Paragraph::code.
const std::set<std::string_view> kCodeArgument = {"texttt", "code", "lstinline",
                                                  "mintinline"};
// Cross-references: kept in Paragraph::code like URLs, so that a sentence
// that refers to a claim (\ref{claim:judge_truthful}) names it.
const std::set<std::string_view> kReference = {
    "ref", "eqref", "autoref", "cref", "Cref", "pageref", "nameref"};

bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)); }

// Skips `[...]` and `{...}` arguments (and spaces between them).
size_t SkipArguments(std::string_view t, size_t k, NextOf& bracket,
                     Matcher& braces) {
  while (true) {
    size_t i = k;
    while (i < t.size() && (t[i] == ' ' || t[i] == '*')) ++i;
    if (i >= t.size()) return k;
    if (t[i] == '[') {
      size_t close = bracket.Near(i);
      if (close == std::string_view::npos) return k;
      k = close + 1;
    } else if (t[i] == '{') {
      size_t close = braces.Close(i);
      if (close == std::string_view::npos) return k;
      k = close + 1;
    } else {
      return k;
    }
  }
}

size_t FindNear(std::string_view t, size_t from, std::string_view needle) {
  if (from > t.size()) return std::string_view::npos;
  size_t at = t.substr(from, kMaxSpan).find(needle);
  return at == std::string_view::npos ? at : from + at;
}

// The next `$` at or after `from` that is not escaped, or npos.
size_t ClosingDollar(std::string_view t, size_t from) {
  for (size_t i = from; i < t.size() && i - from < kMaxSpan; ++i) {
    if (t[i] == '\\') {
      ++i;
    } else if (t[i] == '$') {
      return i;
    }
  }
  return std::string_view::npos;
}

// Bytes the loop below must look at.
const ByteSet kSpecial("\\{}$~&`' \t\n\r\f\v\x1a");

}  // namespace

void LatexInline(const Joined& in, Emitter& out) {
  std::string_view t = in.text;
  const std::vector<uint32_t>& o = in.offsets;
  size_t m = t.size();
  BackslashMath math(t);
  NextOf dollars(t, "$$"), bracket(t, "]");
  Matcher braces(t, '{', '}', true);
  ScanInline(in, kSpecial, out, [&](size_t k, char c, char next) -> size_t {
    if (c == prose::kOpaque) {
      out.Opaque(o[k]);
      return k + 1;
    }
    if (c == '\\') {
      if (next == '(' || next == '[') {
        size_t end = math.End(k, next);
        out.Opaque(o[k]);
        return end == std::string_view::npos ? m : end;
      }
      if (!IsLetter(next)) {
        if (next != '\0' &&
            std::string_view("%$&#_{}").find(next) != std::string_view::npos) {
          out.Char(next, o[k + 1]);
        } else if (next == '\\' || next == ',' || next == ';' || next == ' ' ||
                   next == ':' || next == '!') {
          out.Space(o[k]);
        }
        return k + (next == '\0' ? 1 : 2);  // accents and the like are dropped
      }
      size_t end = k + 1;
      while (end < m && IsLetter(t[end])) ++end;
      std::string_view name = t.substr(k + 1, end - k - 1);
      if (name == "verb" || ((name == "lstinline" || name == "mintinline") &&
                             end < m && t[end] != '{' && t[end] != '[')) {
        size_t d = end < m && t[end] == '*' ? end + 1 : end;
        size_t close =
            d < m ? FindNear(t, d + 1, t.substr(d, 1)) : std::string_view::npos;
        if (close == std::string_view::npos) {
          return end;
        }
        out.Code(std::string(t.substr(d + 1, close - d - 1)), o[k]);
        return close + 1;
      }
      if (kCodeArgument.count(name) || kReference.count(name) ||
          name == "url" || name == "href") {
        size_t open = end;
        while (open < m && t[open] == '[') {  // options such as [style]
          size_t close = bracket.Near(open);
          if (close == std::string_view::npos) break;
          open = close + 1;
        }
        while (open < m && t[open] == ' ') ++open;
        size_t close = open < m && t[open] == '{' ? braces.Close(open)
                                                  : std::string_view::npos;
        if (close == std::string_view::npos) {
          return end;
        }
        // The code, reference or URL; \href's text follows as prose.
        out.Code(std::string(t.substr(open + 1, close - open - 1)), o[k]);
        return close + 1;
      }
      if (kNoProseArguments.count(name)) {
        out.Space(o[k]);
        return SkipArguments(t, end, bracket, braces);
      }
      return end < m && t[end] == '*' ? end + 1 : end;
    }
    switch (c) {
      case '{':
      case '}':
        return k + 1;
      case '$': {
        bool display = next == '$';
        size_t from = k + (display ? 2 : 1);
        size_t close = display ? dollars.Near(from) : ClosingDollar(t, from);
        out.Opaque(o[k]);
        return close == std::string_view::npos ? m : close + (display ? 2 : 1);
      }
      case '~':
      case '&':
        out.Space(o[k]);
        return k + 1;
      case '`':
        if (next == '`') {
          out.Char('"', o[k]);
          return k + 2;
        }
        out.Char('\'', o[k]);
        return k + 1;
      case '\'':
        if (next == '\'') {
          out.Char('"', o[k]);
          return k + 2;
        }
        break;
      default:
        break;
    }
    out.Char(c, o[k]);
    return k + 1;
  });
}

}  // namespace aligncheck::gate::internal
