// Markdown inline markup: code spans, math, autolinks, bare URLs and link
// targets become opaque; emphasis markers, brackets, inline HTML and
// backslashes of escapes are dropped; table pipes become spaces.
#include <cctype>
#include <string_view>

#include "gate/paragraph.h"

namespace aligncheck::gate::internal {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The closing backtick run of exactly `n` after `from`, or npos.
size_t ClosingRun(std::string_view t, size_t from, size_t n) {
  size_t limit = std::min(t.size(), from + kMaxSpan);
  size_t k = from;
  while (k < limit) {
    if (t[k] != '`') {
      ++k;
      continue;
    }
    size_t run = k;
    while (run < t.size() && t[run] == '`') ++run;
    if (run - k == n) return k;
    k = run;
  }
  return std::string_view::npos;
}

bool StartsWith(std::string_view t, size_t at, std::string_view prefix) {
  return t.substr(at, prefix.size()) == prefix;
}

// End of a bare URL starting at `k`, trailing punctuation left out.
size_t UrlEnd(std::string_view t, size_t k) {
  size_t end = k;
  while (end < t.size() && !IsSpace(t[end]) && t[end] != '<' && t[end] != '`' &&
         t[end] != prose::kOpaque)
    ++end;
  int open = 0;
  for (size_t i = k; i < end; ++i)
    open += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
  while (end > k) {
    char c = t[end - 1];
    if (c == ')' && open < 0) {
      ++open;
      --end;
    } else if (c == '.' || c == ',' || c == ':' || c == ';' || c == '!' ||
               c == '?' || c == '"' || c == '\'' || c == '*' || c == '_') {
      --end;
    } else {
      break;
    }
  }
  return end;
}

// `<scheme:...>` or `<user@host>`: returns the position after `>`, or npos.
size_t Autolink(std::string_view t, size_t k) {
  size_t i = k + 1;
  while (i < t.size() && i - k < 64 &&
         (IsAlnum(t[i]) || t[i] == '+' || t[i] == '.' || t[i] == '-'))
    ++i;
  if (i >= t.size() || (t[i] != ':' && t[i] != '@') || i == k + 1)
    return std::string_view::npos;
  size_t close = i;
  while (close < t.size() && close - k < kMaxSpan && t[close] != '>' &&
         !IsSpace(t[close]) && t[close] != '<')
    ++close;
  return close < t.size() && t[close] == '>' ? close + 1
                                             : std::string_view::npos;
}

// An inline HTML tag or comment at `k`: returns the position after it, or
// npos.
size_t InlineHtml(std::string_view t, size_t k, NextOf& comment_end) {
  if (StartsWith(t, k, "<!--")) {
    size_t close = comment_end.Near(k + 4);
    return close == std::string_view::npos ? close : close + 3;
  }
  if (k + 1 >= t.size()) return std::string_view::npos;
  char c = t[k + 1];
  if (!std::isalpha(static_cast<unsigned char>(c)) && c != '/')
    return std::string_view::npos;
  for (size_t i = k + 1; i < t.size() && i - k < 512; ++i) {
    if (t[i] == '>') return i + 1;
    if (t[i] == '<' || t[i] == '\n') break;
  }
  return std::string_view::npos;
}

// Bytes the loop below must look at.
const ByteSet kSpecial("\\`$<hH[]!*_~| \t\n\r\f\v");

}  // namespace

void MarkdownInline(const Joined& in, Emitter& out) {
  std::string_view t = in.text;
  const std::vector<uint32_t>& o = in.offsets;
  size_t m = t.size();
  BackslashMath math(t);
  NextOf dollar(t, "$"), dollars(t, "$$"), comment_end(t, "-->");
  Matcher parens(t, '(', ')', false);
  ScanInline(in, kSpecial, out, [&](size_t k, char c, char next) -> size_t {
    switch (c) {
      case '\\': {
        if (next == '(' || next == '[') {
          size_t end = math.End(k, next);
          if (end != std::string_view::npos) {
            out.Opaque(o[k]);
            return end;
          }
        }
        if (std::ispunct(static_cast<unsigned char>(next))) {
          out.Char(next, o[k + 1]);
          return k + 2;
        }
        out.Char(c, o[k]);
        return k + 1;
      }
      case '`': {
        size_t run = k;
        while (run < m && t[run] == '`') ++run;
        size_t n = run - k;
        size_t close = ClosingRun(t, run, n);
        if (close == std::string_view::npos) {
          for (size_t i = k; i < run; ++i) out.Char('`', o[i]);
          return run;
        }
        std::string_view code = t.substr(run, close - run);
        if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ' &&
            code.find_first_not_of(' ') != std::string_view::npos) {
          code = code.substr(1, code.size() - 2);
        }
        out.Code(std::string(code), o[k]);
        return close + n;
      }
      case '$': {
        bool display = next == '$';
        size_t from = k + (display ? 2 : 1);
        if (!display && (from >= m || IsSpace(t[from]))) break;
        size_t close = (display ? dollars : dollar).Near(from);
        if (close == std::string_view::npos || close == from) break;
        if (!display && IsSpace(t[close - 1])) break;
        out.Opaque(o[k]);
        return close + (display ? 2 : 1);
      }
      case '<': {
        size_t end = Autolink(t, k);
        if (end != std::string_view::npos) {
          out.Opaque(o[k]);
          return end;
        }
        end = InlineHtml(t, k, comment_end);
        if (end != std::string_view::npos) {
          out.Space(o[k]);
          return end;
        }
        break;
      }
      case 'h':
      case 'H':
        if ((k == 0 || !IsAlnum(t[k - 1])) &&
            (StartsWith(t, k, "http://") || StartsWith(t, k, "https://"))) {
          out.Opaque(o[k]);
          return UrlEnd(t, k);
        }
        break;
      case ']':
        if (next == '(') {
          size_t end = parens.Close(k + 1);
          if (end != std::string_view::npos) {
            // The link target, kept like code: a sentence that links to a
            // claim (#judge_truthful) names it.
            out.Code(std::string(t.substr(k + 2, end - k - 2)), o[k]);
            return end + 1;
          }
        }
        return k + 1;  // brackets are markup
      case '[':
        return k + 1;
      case '!':
        if (next == '[') {
          return k + 1;
        }
        break;
      case '*':
        return k + 1;
      case '_':
        if (k == 0 || k + 1 >= m || !IsAlnum(t[k - 1]) || !IsAlnum(next)) {
          return k + 1;
        }
        break;
      case '~':
        if (next == '~') {
          return k + 2;
        }
        break;
      case '|':
        out.Space(o[k]);
        return k + 1;
      default:
        break;
    }
    out.Char(c, o[k]);
    return k + 1;
  });
}

}  // namespace aligncheck::gate::internal
