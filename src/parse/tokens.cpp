// Word lists shared by the token parsers and the parse driver.
#include "parse/tokens.hpp"

#include <array>

namespace aligncheck::parse {

bool IsReserved(std::string_view word) {
  // `eventually`, `always` and `until` are words only where a path formula
  // may stand (inside prob(...)): elsewhere they stay usable as names.
  static constexpr std::array<std::string_view, 14> kReserved = {
      "forall", "exists",  "count", "sum",  "in",   "and",  "or",
      "not",    "implies", "if",    "then", "else", "true", "false"};
  // Most names are none of these (a table's outputs are checked once per
  // cell): rule them out by length and first letter first.
  constexpr std::string_view kFirstLetters = "acefinost";
  if (word.size() < 2 || word.size() > 7 ||
      kFirstLetters.find(word[0]) == std::string_view::npos) {
    return false;
  }
  for (std::string_view r : kReserved) {
    if (r == word) return true;
  }
  return false;
}

const std::array<std::string_view, 12>& DeclKeywords() {
  static constexpr std::array<std::string_view, 12> kDecl = {
      "domain",   "fn",       "loss",  "reward", "data",  "goal",
      "physical", "training", "agent", "claim",  "story", "mdp"};
  return kDecl;
}

bool IsDeclKeyword(std::string_view word) {
  for (std::string_view k : DeclKeywords()) {
    if (k == word) return true;
  }
  return false;
}

}  // namespace aligncheck::parse
