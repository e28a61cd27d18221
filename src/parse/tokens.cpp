// Word lists shared by the token parsers and the parse driver.
#include "parse/tokens.hpp"

#include <array>

namespace aligncheck::parse {

bool IsReserved(std::string_view word) {
  static constexpr std::array<std::string_view, 14> kReserved = {
      "forall", "exists",  "count", "sum",  "in",   "and",  "or",
      "not",    "implies", "if",    "then", "else", "true", "false"};
  for (std::string_view r : kReserved) {
    if (r == word) return true;
  }
  return false;
}

bool IsDeclKeyword(std::string_view word) {
  static constexpr std::array<std::string_view, 11> kDecl = {
      "domain",   "fn",       "loss",  "reward", "data", "goal",
      "physical", "training", "agent", "claim",  "story"};
  for (std::string_view k : kDecl) {
    if (k == word) return true;
  }
  return false;
}

}  // namespace aligncheck::parse
