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

// Bytes the loop below must look at; runs of the others are copied whole.
struct SpecialBytes {
  bool is[256] = {};
  SpecialBytes() {
    for (unsigned char c : std::string_view("\\`$<hH[]!*_~| \t\n\r\f\v"))
      is[c] = true;
  }
};
const SpecialBytes kSpecial;

}  // namespace

void MarkdownInline(const Joined& in, Emitter& out) {
  std::string_view t = in.text;
  const std::vector<uint32_t>& o = in.offsets;
  size_t m = t.size();
  NextOf paren_end(t, "\\)"), bracket_end(t, "\\]"), dollar(t, "$"),
      dollars(t, "$$"), comment_end(t, "-->");
  Matcher parens(t, '(', ')', false);
  size_t k = 0;
  while (k < m) {
    if (size_t run = PlainRun(t, k, kSpecial.is); run > k) {
      out.Plain(t.data() + k, o.data() + k, run - k);
      k = run;
      continue;
    }
    char c = t[k];
    char next = k + 1 < m ? t[k + 1] : '\0';
    switch (c) {
      case '\\': {
        if (next == '(' || next == '[') {
          size_t close = (next == '(' ? paren_end : bracket_end).Near(k + 2);
          if (close != std::string_view::npos) {
            out.Opaque(o[k]);
            k = close + 2;
            continue;
          }
        }
        if (std::ispunct(static_cast<unsigned char>(next))) {
          out.Char(next, o[k + 1]);
          k += 2;
          continue;
        }
        out.Char(c, o[k]);
        ++k;
        continue;
      }
      case '`': {
        size_t run = k;
        while (run < m && t[run] == '`') ++run;
        size_t n = run - k;
        size_t close = ClosingRun(t, run, n);
        if (close == std::string_view::npos) {
          for (; k < run; ++k) out.Char('`', o[k]);
          continue;
        }
        std::string_view code = t.substr(run, close - run);
        if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ' &&
            code.find_first_not_of(' ') != std::string_view::npos) {
          code = code.substr(1, code.size() - 2);
        }
        out.Code(std::string(code), o[k]);
        k = close + n;
        continue;
      }
      case '$': {
        bool display = next == '$';
        size_t from = k + (display ? 2 : 1);
        if (!display && (from >= m || IsSpace(t[from]))) break;
        size_t close = (display ? dollars : dollar).Near(from);
        if (close == std::string_view::npos || close == from) break;
        if (!display && IsSpace(t[close - 1])) break;
        out.Opaque(o[k]);
        k = close + (display ? 2 : 1);
        continue;
      }
      case '<': {
        size_t end = Autolink(t, k);
        if (end != std::string_view::npos) {
          out.Opaque(o[k]);
          k = end;
          continue;
        }
        end = InlineHtml(t, k, comment_end);
        if (end != std::string_view::npos) {
          out.Space(o[k]);
          k = end;
          continue;
        }
        break;
      }
      case 'h':
      case 'H':
        if ((k == 0 || !IsAlnum(t[k - 1])) &&
            (StartsWith(t, k, "http://") || StartsWith(t, k, "https://"))) {
          out.Opaque(o[k]);
          k = UrlEnd(t, k);
          continue;
        }
        break;
      case ']':
        if (next == '(') {
          size_t end = parens.Close(k + 1);
          if (end != std::string_view::npos) {
            out.Opaque(o[k]);
            k = end + 1;
            continue;
          }
        }
        ++k;  // brackets are markup
        continue;
      case '[':
        ++k;
        continue;
      case '!':
        if (next == '[') {
          ++k;
          continue;
        }
        break;
      case '*':
        ++k;
        continue;
      case '_':
        if (k == 0 || k + 1 >= m || !IsAlnum(t[k - 1]) || !IsAlnum(next)) {
          ++k;
          continue;
        }
        break;
      case '~':
        if (next == '~') {
          k += 2;
          continue;
        }
        break;
      case '|':
        out.Space(o[k]);
        ++k;
        continue;
      default:
        break;
    }
    out.Char(c, o[k]);
    ++k;
  }
}

}  // namespace aligncheck::gate::internal
