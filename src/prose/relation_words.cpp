// AC105's phrases, matched on the words of one sentence.
#include "prose/relation_words.h"

#include <string>

namespace aligncheck::prose {
namespace {

bool Has(const std::vector<Token>& tokens, size_t begin, size_t end,
         std::initializer_list<std::string_view> words, size_t* at) {
  for (size_t i = begin; i < end; ++i) {
    if (IsWordIn(tokens[i], words)) {
      *at = i;
      return true;
    }
  }
  return false;
}

bool RewardWord(const Token& t) {
  return IsWordIn(t, {"reward", "rewards", "proxy", "objective", "loss"});
}

// Whether "unhackable" at `at` is said of a reward as a claim: the reward
// just after it ("an unhackable proxy") or before it through a verb ("the
// proxy reward is unhackable"); not "unhackable prompts", and not a
// definition ("a proxy is unhackable if ...").
bool SaidOfReward(const std::vector<Token>& tokens, size_t begin, size_t end,
                  size_t at) {
  if (at + 1 < end && IsWordIn(tokens[at + 1], {"if", "iff", "when"})) {
    return false;
  }
  for (size_t j = at + 1; j < end && j <= at + 2; ++j) {
    if (RewardWord(tokens[j])) return true;
    if (!IsWordIn(tokens[j], {"proxy", "learned", "true", "reward"})) break;
  }
  for (size_t j = at; j-- > begin && at - j <= 5;) {
    if (RewardWord(tokens[j]) ||
        IsWordIn(tokens[j], {"function", "functions", "model", "models"})) {
      return true;
    }
  }
  return false;
}

}  // namespace

const char* MatchRelationStatement(const std::vector<Token>& tokens,
                                   size_t begin, size_t end, Match* m) {
  size_t at = 0;
  bool reward = false;
  for (size_t i = begin; i < end; ++i) reward = reward || RewardWord(tokens[i]);
  auto set = [&](size_t first, size_t last, const char* relation) {
    *m = {"AC105", first, last, first, first};
    return relation;
  };
  if (Has(tokens, begin, end,
          {"shaping", "shaped", "bonus", "potential-based"}, &at)) {
    size_t inv = 0;
    // "Policy-Invariant Explicit Shaping (PIES)" names a method.
    if (Has(tokens, begin, end, {"policy-invariant"}, &inv) &&
        !tokens[inv].in_name) {
      return set(inv, inv, "potential_shaping_of");
    }
    for (size_t i = begin; i < end; ++i) {
      if (!IsWordIn(tokens[i], {"preserve", "preserves", "preserved",
                                "preserving", "keeps", "keep", "retains",
                                "retain", "leaves", "leave"})) {
        continue;
      }
      for (size_t j = i + 1; j < end && j <= i + 3; ++j) {
        if (IsWordIn(tokens[j], {"optimal", "optimality"})) {
          return set(i, j, "potential_shaping_of");
        }
      }
    }
  }
  if (reward) {
    if (Has(tokens, begin, end, {"unhackable", "un-hackable"}, &at) &&
        SaidOfReward(tokens, begin, end, at)) {
      return set(at, at, "unhackable_with");
    }
    for (size_t i = begin; i < end; ++i) {
      if (!IsWordIn(tokens[i], {"hackable", "hacked"})) continue;
      for (size_t j = i > begin + 2 ? i - 2 : begin; j < i; ++j) {
        if (IsNegation(tokens[j].lower)) return set(j, i, "unhackable_with");
      }
    }
    if (Has(tokens, begin, end, {"epic"}, &at)) {
      size_t near = 0;
      if (Has(tokens, begin, end, {"distance", "close", "closer", "near"},
              &near)) {
        return set(std::min(at, near), std::max(at, near), "epic_distance_to");
      }
    }
  }
  return nullptr;
}

bool MayStateRelation(std::string_view raw) {
  for (size_t i = 0; i + 4 <= raw.size(); ++i) {
    char c = static_cast<char>(raw[i] | 0x20);
    if (c != 's' && c != 'u' && c != 'h' && c != 'e') continue;
    std::string w;
    for (size_t k = 0; k < 4; ++k) w += static_cast<char>(raw[i + k] | 0x20);
    if (w == "shap" || w == "unha" || w == "hack" || w == "epic") return true;
  }
  return false;
}

}  // namespace aligncheck::prose
