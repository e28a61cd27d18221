// Tokenizer for paragraphs of prose: ASCII case folding only, since the
// rules' vocabulary is English.
#include "prose/tokens.h"

#include "prose/prose.h"

namespace aligncheck::prose {
namespace {

bool IsAsciiWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

// Length of the UTF-8 punctuation mark at `i` (quotes, dashes, ellipsis,
// guillemets, no-break space), or 0 when the bytes there are a letter.
size_t PunctuationLength(std::string_view text, size_t i) {
  auto at = [&](size_t k) -> unsigned char {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0;
  };
  unsigned char c = at(i);
  if (c == 0xE2 && at(i + 1) == 0x80) {
    unsigned char d = at(i + 2);
    // U+2010..U+2015 dashes, U+2018..U+201F quotes, U+2026 ellipsis,
    // U+2039/U+203A single guillemets.
    if ((d >= 0x90 && d <= 0x9F) || d == 0xA6 || d == 0xB9 || d == 0xBA) {
      return 3;
    }
  }
  if (c == 0xC2 && (at(i + 1) == 0xAB || at(i + 1) == 0xBB)) return 2;
  return 0;
}

bool IsCurlyApostrophe(std::string_view text, size_t i) {
  return text.substr(i, 3) == "\xE2\x80\x99";
}

}  // namespace

bool IsWordIn(const Token& token,
              std::initializer_list<std::string_view> words) {
  if (token.kind != TokenKind::kWord) return false;
  for (std::string_view w : words) {
    if (token.lower == w) return true;
  }
  return false;
}

bool IsNegation(std::string_view word) {
  if (word == "not" || word == "never" || word == "no" || word == "cannot" ||
      word == "neither" || word == "nor" || word == "hardly" ||
      word == "barely" || word == "nothing" || word == "none" ||
      word == "nobody" || word == "nowhere") {
    return true;
  }
  auto ends_with = [&](std::string_view suffix) {
    return word.size() > suffix.size() &&
           word.substr(word.size() - suffix.size()) == suffix;
  };
  return ends_with("n't") || ends_with("n\xE2\x80\x99t");
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5);
  size_t i = 0;
  const size_t n = text.size();
  auto word_byte = [&](size_t k) {
    if (k >= n) return false;
    unsigned char c = static_cast<unsigned char>(text[k]);
    if (c == static_cast<unsigned char>(kOpaque)) return false;
    if (c >= 0x80) return PunctuationLength(text, k) == 0;
    return IsAsciiWordByte(c);
  };
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      ++i;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    if (c == static_cast<unsigned char>(kOpaque)) {
      t.kind = TokenKind::kOpaque;
      ++i;
    } else if (word_byte(i)) {
      while (i < n) {
        if (word_byte(i)) {
          ++i;
        } else if ((text[i] == '-' || text[i] == '\'' || text[i] == '.') &&
                   word_byte(i + 1) && i > t.begin) {
          i += 1;  // inner hyphen, apostrophe or dot: "e.g", "don't"
        } else if (IsCurlyApostrophe(text, i) && word_byte(i + 3)) {
          i += 3;
        } else {
          break;
        }
      }
    } else {
      t.kind = TokenKind::kPunct;
      size_t len = c >= 0x80 ? PunctuationLength(text, i) : 1;
      if (len == 0) len = 1;
      i += len;
    }
    t.end = static_cast<uint32_t>(i);
    std::string_view raw = text.substr(t.begin, t.end - t.begin);
    t.lower.assign(raw.begin(), raw.end());
    if (t.kind == TokenKind::kWord) {
      for (char& ch : t.lower) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      }
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

}  // namespace aligncheck::prose
