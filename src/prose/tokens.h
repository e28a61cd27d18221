// Words and punctuation of one paragraph of prose, with their byte ranges,
// for the prose rules to match phrases on.
#ifndef ALIGNCHECK_PROSE_TOKENS_H_
#define ALIGNCHECK_PROSE_TOKENS_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace aligncheck::prose {

enum class TokenKind {
  kWord,    // letters, digits, '_', inner '-', '.' and apostrophes
  kOpaque,  // a code span, math span or URL (prose::kOpaque)
  kPunct,   // anything else that is not a blank, one character per token
};

struct Token {
  TokenKind kind = TokenKind::kWord;
  uint32_t begin = 0;  // byte range in the paragraph text
  uint32_t end = 0;
  std::string lower;  // ASCII-lowercased text; a punctuation mark as is
  uint8_t verb = 0;   // the rules' verb classes (kLossGoalVerb, ...)
  /// Part of a name spelled out before its abbreviation ("Generalized
  /// Reward Matching (GRM)"; prose/abbreviations.h).
  bool in_name = false;
};

/// Verb classes of Token::verb, set by the prose rules' ClassifyVerbs.
inline constexpr uint8_t kLossGoalVerb = 1;    // aligned, represents, ...
inline constexpr uint8_t kAgentVerb = 2;       // wants, tries, cares, ...
inline constexpr uint8_t kDefinitionWord = 4;  // outer, inner-alignment, ...
inline constexpr uint8_t kEvaluative = 8;      // misspecified, correct, ...
inline constexpr uint8_t kGapNoun = 16;        // misalignment, gap, ...
/// Not a verb class: a pronoun subject ("it", "such a function") that
/// stands for the loss named in the sentence before (prose/prose.cpp).
inline constexpr uint8_t kLossAnaphor = 32;
/// A word only the structural matcher (prose/structure.h) reads: "get",
/// "optimized", "specify", ...; it makes a sentence worth a look.
inline constexpr uint8_t kStructureCue = 64;
/// A correspondence word only the roles reading uses ("alignment
/// between", "encapsulates", "drifts"; prose/matchers.h).
inline constexpr uint8_t kRolesCue = 128;

/// Splits `text` into tokens. Non-ASCII letters (é, ℓ) are word bytes;
/// typographic quotes, dashes and ellipses are punctuation. A curly
/// apostrophe between letters stays inside its word ("isn’t").
std::vector<Token> Tokenize(std::string_view text);

/// Whether the token is a word equal to one of `words` (lowercase).
bool IsWordIn(const Token& token,
              std::initializer_list<std::string_view> words);

/// Whether `word` (lowercase) is a negation: not, never, no, cannot, and
/// contractions ending in n't.
bool IsNegation(std::string_view word);

}  // namespace aligncheck::prose

#endif  // ALIGNCHECK_PROSE_TOKENS_H_
