// Quotation detection: marks are paired by the blanks around them, since a
// straight quote cannot say whether it opens or closes.
#include "prose/quotes.h"

#include <algorithm>

#include "prose/prose.h"

namespace aligncheck::prose {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);
// How many sentences after its colon a quotation may run before its
// attribution dash.
constexpr size_t kMaxQuotedSentences = 4;
// ... and at most this many bytes.
constexpr size_t kMaxQuotedBytes = 4000;
// How many quotes before a position QuoteAt looks at.
constexpr size_t kMaxNesting = 16;

bool StartsWith(std::string_view text, size_t i, std::string_view s) {
  return text.substr(i, s.size()) == s;
}

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Length of a dash at `i` ("—", "―", "–", "--", "---"), or 0.
size_t DashLength(std::string_view text, size_t i) {
  if (StartsWith(text, i, "\xE2\x80\x94") ||
      StartsWith(text, i, "\xE2\x80\x95") ||
      StartsWith(text, i, "\xE2\x80\x93")) {
    return 3;
  }
  if (StartsWith(text, i, "---")) return 3;
  if (StartsWith(text, i, "--")) return 2;
  return 0;
}

// Length of an opening mark at `i` that only opens, or 0.
size_t OpenerLength(std::string_view text, size_t i) {
  if (StartsWith(text, i, "``")) return 2;
  if (StartsWith(text, i, "\xE2\x80\x9C") ||  // “
      StartsWith(text, i, "\xE2\x80\x9E")) {  // „
    return 3;
  }
  if (StartsWith(text, i, "\xC2\xAB")) return 2;  // «
  return 0;
}

// Length of a closing mark at `i` that only closes, or 0.
size_t CloserLength(std::string_view text, size_t i) {
  if (StartsWith(text, i, "''")) return 2;
  if (StartsWith(text, i, "\xE2\x80\x9D")) return 3;  // ”
  if (StartsWith(text, i, "\xC2\xBB")) return 2;      // »
  return 0;
}

// A straight quote opens after a blank, a bracket, a dash or another
// opening mark, and before something that is not a blank.
bool OpenerContext(std::string_view text, size_t i, size_t len) {
  if (i + len >= text.size() || IsBlank(text[i + len])) return false;
  if (i == 0) return true;
  char p = text[i - 1];
  if (IsBlank(p) || p == '(' || p == '[' || p == '{' || p == '/' || p == '-' ||
      p == '"' || p == ':') {
    return true;
  }
  // After a typographic dash or an opening quote.
  return i >= 3 && (DashLength(text, i - 3) == 3 || OpenerLength(text, i - 3));
}

// A straight quote closes after a non-blank and before a blank, the end
// or punctuation.
bool CloserContext(std::string_view text, size_t i, size_t len) {
  if (i == 0 || IsBlank(text[i - 1])) return false;
  size_t k = i + len;
  if (k >= text.size()) return true;
  char c = text[k];
  return IsBlank(c) || !(IsAsciiLetter(c) || (c >= '0' && c <= '9') ||
                         c == '_' || c == kOpaque);
}

// Marks the quotes that are mentioned rather than asserted.
bool IsMention(const std::vector<Token>& tokens, size_t open_mark,
               size_t close_end) {
  auto after =
      std::lower_bound(tokens.begin(), tokens.end(), close_end,
                       [](const Token& t, size_t at) { return t.begin < at; });
  while (after != tokens.end() && after->kind == TokenKind::kPunct &&
         after->lower != "," && after->lower != "." && after->lower != ";") {
    ++after;  // closing marks of an enclosing quote
  }
  if (after != tokens.end() &&
      IsWordIn(*after, {"is", "are", "was", "were", "means", "meant", "sounds",
                        "seems", "remains", "invites", "suggests", "implies",
                        "encourages", "conflates", "hides"})) {
    return true;
  }
  auto before =
      std::lower_bound(tokens.begin(), tokens.end(), open_mark,
                       [](const Token& t, size_t at) { return t.begin < at; });
  if (before == tokens.begin()) return false;
  --before;
  return IsWordIn(
      *before,
      {"phrase",     "phrases",     "sentence", "sentences", "claim",  "claims",
       "statement",  "statements",  "term",     "terms",     "word",   "words",
       "expression", "expressions", "slogan",   "slogans",   "saying", "like",
       "called",     "dubbed",      "label",    "labels",    "wording"});
}

// Quotations introduced by a colon after quote, wrote, says, ...
void FindColonQuotes(std::string_view text, const std::vector<Token>& tokens,
                     const std::vector<TextRange>& sentences,
                     std::vector<Quote>& out) {
  size_t s = 0;
  for (size_t t = 0; t < tokens.size(); ++t) {
    if (tokens[t].lower != ":") continue;
    uint32_t colon = tokens[t].begin;
    while (s + 1 < sentences.size() && sentences[s].end <= colon) ++s;
    bool introduced = false;
    for (size_t k = t; k > 0 && t - k < 16; --k) {
      const Token& w = tokens[k - 1];
      if (s < sentences.size() && w.begin < sentences[s].begin) break;
      if (IsWordIn(w, {"quote", "quotes", "quoted", "quotation", "wrote",
                       "writes", "write", "says", "said", "states", "stated",
                       "argues", "argued", "puts", "put"})) {
        introduced = true;
        break;
      }
    }
    if (!introduced) continue;
    uint32_t end = s < sentences.size() ? sentences[s].end : colon;
    size_t last = std::min(sentences.size(), s + kMaxQuotedSentences + 1);
    uint32_t limit = last > 0 ? sentences[last - 1].end : colon;
    limit = std::min<uint32_t>(limit, colon + kMaxQuotedBytes);
    for (size_t i = colon + 1; i < limit && i < text.size(); ++i) {
      size_t len = DashLength(text, i);
      if (len == 0) continue;
      // An attribution: blank before the dash, blank and a name after.
      size_t k = i + len;
      if (IsBlank(text[i - 1]) && k + 1 < text.size() && IsBlank(text[k]) &&
          !IsBlank(text[k + 1])) {
        end = static_cast<uint32_t>(i);
        break;
      }
      i += len - 1;
    }
    if (end > colon + 1) {
      out.push_back({{colon + 1, end}, false});
    }
  }
}

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text,
                              const std::vector<Token>& tokens,
                              const std::vector<TextRange>& sentences) {
  std::vector<Quote> out;
  size_t double_open = kNone, double_mark = kNone;
  size_t single_open = kNone, single_mark = kNone;
  auto close = [&](size_t& open, size_t& mark, size_t at, size_t len) {
    Quote q;
    q.content = {static_cast<uint32_t>(open), static_cast<uint32_t>(at)};
    q.mention = IsMention(tokens, mark, at + len);
    if (at > open) out.push_back(q);
    open = mark = kNone;
  };
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    size_t len = 0;
    if ((len = OpenerLength(text, i)) > 0) {
      if (double_open == kNone) double_open = i + len, double_mark = i;
    } else if ((len = CloserLength(text, i)) > 0) {
      if (double_open != kNone) {
        if (single_open != kNone && single_open > double_open) {
          single_open = single_mark = kNone;
        }
        close(double_open, double_mark, i, len);
      }
    } else if (c == '"') {
      len = 1;
      if (double_open != kNone && CloserContext(text, i, 1)) {
        if (single_open != kNone && single_open > double_open) {
          single_open = single_mark = kNone;
        }
        close(double_open, double_mark, i, 1);
      } else if (double_open == kNone && OpenerContext(text, i, 1)) {
        double_open = i + 1, double_mark = i;
      }
    } else if (StartsWith(text, i, "\xE2\x80\x98")) {  // ‘
      len = 3;
      if (single_open == kNone) single_open = i + 3, single_mark = i;
    } else if (StartsWith(text, i, "\xE2\x80\x99")) {  // ’
      len = 3;
      if (single_open != kNone && CloserContext(text, i, 3)) {
        close(single_open, single_mark, i, 3);
      }
    } else if (c == '\'') {
      len = 1;
      if (single_open != kNone && CloserContext(text, i, 1)) {
        close(single_open, single_mark, i, 1);
      } else if (single_open == kNone && OpenerContext(text, i, 1) &&
                 IsAsciiLetter(text[i + 1])) {
        single_open = i + 1, single_mark = i;
      }
    } else {
      len = 1;
    }
    i += len;
  }
  FindColonQuotes(text, tokens, sentences, out);
  std::sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) {
    return a.content.begin < b.content.begin ||
           (a.content.begin == b.content.begin &&
            a.content.end > b.content.end);
  });
  return out;
}

const Quote* QuoteAt(const std::vector<Quote>& quotes, uint32_t at) {
  const Quote* best = nullptr;
  auto after = std::upper_bound(
      quotes.begin(), quotes.end(), at,
      [](uint32_t x, const Quote& q) { return x < q.content.begin; });
  // Quotes nest a few levels deep at most: the innermost one around `at`
  // starts among the last few before it.
  size_t looked = 0;
  for (auto it = after; it != quotes.begin() && looked < kMaxNesting;
       ++looked) {
    const Quote& q = *--it;
    if (at < q.content.end &&
        (best == nullptr || q.content.end - q.content.begin <
                                best->content.end - best->content.begin)) {
      best = &q;
    }
  }
  return best;
}

}  // namespace aligncheck::prose
