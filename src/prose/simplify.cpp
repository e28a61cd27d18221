// Words taken out of one paragraph's tokens, so that "reward models (RMs)
// often fail to capture" reads like "reward models often fail to capture"
// for every reading.
#include "prose/simplify.h"

#include <cctype>

namespace aligncheck::prose {
namespace {

// Words an expansion may leave out of its abbreviation ("reinforcement
// learning from human feedback (RLHF)").
bool IsSkippable(const Token& t) {
  return IsWordIn(t, {"a", "an", "the", "of", "from", "for", "in", "on",
                      "to", "with", "and", "by"});
}

// The capitals of an abbreviation ("RM" for "RMs", "RLHF"), or "" when the
// word is not one: two to eight capitals or digits, a plural "s" allowed.
std::string Capitals(std::string_view raw) {
  if (raw.size() > 1 && raw.back() == 's' &&
      std::isupper(static_cast<unsigned char>(raw[raw.size() - 2]))) {
    raw.remove_suffix(1);
  }
  if (raw.size() < 2 || raw.size() > 8) return "";
  std::string caps;
  for (char c : raw) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      caps += c;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return "";
    }
  }
  return caps.size() >= 2 ? caps : "";
}

// Initials of a word: its first letter, or one per hyphenated part.
std::string Initials(std::string_view raw, bool per_part) {
  std::string out;
  bool start = true;
  for (char c : raw) {
    if (start && std::isalpha(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (!per_part) break;
    }
    start = c == '-';
  }
  return out;
}

// Whether the words ending at `j` spell the first `k` letters of `caps`;
// sets `*first` to the first word of the expansion. At most two branches a
// word (skip it, or take its initials), `depth` words deep.
bool Spells(const std::vector<Token>& tokens, std::string_view text,
            std::string_view caps, size_t k, size_t j, size_t depth,
            bool nearest, size_t* first) {
  if (k == 0) return true;
  if (depth == 0 || tokens[j].kind != TokenKind::kWord) return false;
  if (!nearest && IsSkippable(tokens[j]) && j > 0 &&
      Spells(tokens, text, caps, k, j - 1, depth - 1, false, first)) {
    return true;
  }
  std::string_view raw =
      text.substr(tokens[j].begin, tokens[j].end - tokens[j].begin);
  // One initial per hyphenated part, then the first letter only (the same
  // string for a word without a hyphen: tried once).
  const std::string choices[2] = {Initials(raw, true), Initials(raw, false)};
  for (int c = 0; c < 2; ++c) {
    const std::string& initials = choices[c];
    if (initials.empty() || initials.size() > k ||
        caps.substr(k - initials.size(), initials.size()) != initials ||
        (c == 1 && initials == choices[0])) {
      continue;
    }
    size_t left = k - initials.size();
    if (left == 0) {
      *first = j;
      return true;
    }
    if (j > 0 && Spells(tokens, text, caps, left, j - 1, depth - 1, false,
                        first)) {
      return true;
    }
  }
  return false;
}

// Removes the tokens marked in `drop`, blanking their bytes.
void Erase(const std::vector<bool>& drop, std::vector<Token>* tokens,
           std::string* blanked) {
  std::vector<Token>& t = *tokens;
  size_t out = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (drop[i]) {
      for (uint32_t b = t[i].begin; b < t[i].end; ++b) (*blanked)[b] = ' ';
      continue;
    }
    if (out != i) t[out] = std::move(t[i]);
    ++out;
  }
  t.resize(out);
}

}  // namespace

bool DropAbbreviationDefinitions(std::vector<Token>* tokens,
                                 std::string* blanked) {
  std::vector<Token>& t = *tokens;
  std::vector<bool> drop(t.size(), false);
  bool any = false;
  for (size_t o = 1; o + 2 < t.size(); ++o) {
    if (t[o].lower != "(" || t[o + 2].lower != ")" ||
        t[o + 1].kind != TokenKind::kWord) {
      continue;
    }
    std::string_view raw(blanked->data() + t[o + 1].begin,
                         t[o + 1].end - t[o + 1].begin);
    std::string caps = Capitals(raw);
    size_t first = o;
    if (caps.empty() || !Spells(t, *blanked, caps, caps.size(), o - 1, 12,
                                true, &first)) {
      continue;
    }
    // Every word of the expansion capitalized, function words aside: a name.
    bool title = o - first >= 2;
    for (size_t j = first; title && j < o; ++j) {
      unsigned char initial = (*blanked)[t[j].begin];
      title = IsSkippable(t[j]) || std::isupper(initial);
    }
    for (size_t j = first; title && j < o; ++j) t[j].in_name = true;
    drop[o] = drop[o + 1] = drop[o + 2] = true;
    any = true;
  }
  if (any) Erase(drop, tokens, blanked);
  return any;
}

bool DropNotOnly(std::vector<Token>* tokens, std::string* blanked) {
  std::vector<Token>& t = *tokens;
  std::vector<bool> drop(t.size(), false);
  bool any = false;
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i].lower == "not" &&
        IsWordIn(t[i + 1], {"only", "just", "merely", "simply", "solely"})) {
      drop[i] = any = true;
    }
  }
  if (any) Erase(drop, tokens, blanked);
  return any;
}

}  // namespace aligncheck::prose
