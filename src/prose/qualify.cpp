// Operationalization and claim names, in prose and in code spans.
#include "prose/qualify.h"

#include <algorithm>

#include "parse/claim_words.h"
#include "prose/lexicon.h"

namespace aligncheck::prose {
namespace {

using Words = std::initializer_list<std::string_view>;

bool In(std::string_view w, Words words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

bool IsIdentifierByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

bool ContainsIdentifier(std::string_view text, std::string_view name) {
  if (name.empty()) return false;
  for (size_t at = text.find(name); at != std::string_view::npos;
       at = text.find(name, at + 1)) {
    size_t after = at + name.size();
    if ((at == 0 || !IsIdentifierByte(text[at - 1])) &&
        (after >= text.size() || !IsIdentifierByte(text[after]))) {
      return true;
    }
  }
  return false;
}

namespace {

bool IsKeyword(std::string_view w) {
  return In(
      w, {"physical_only",       "physical-only",       "idealized_minimizer",
          "idealised_minimiser", "idealized_minimiser", "idealised_minimizer",
          "idealized-minimizer", "idealised-minimiser", "trained_outcome",
          "trained-outcome",     "physical-loss",       "mathematical-loss",
          "minimizer",           "minimizers",          "minimiser",
          "minimisers",          "loss-minimizer",      "loss-minimizers",
          "loss-minimiser",      "loss-minimisers"});
}

bool IsKeywordPair(std::string_view a, std::string_view b) {
  if (a == "physical") {
    return In(b, {"only", "loss", "losses", "reward", "implementation"});
  }
  if (a == "physically") return b == "implemented";
  if (a == "mathematical") {
    return In(b, {"loss", "losses", "idealization", "idealisation"});
  }
  if (a == "trained") return b == "outcome";
  if (a == "loss" || a == "reward") return b == "register";
  if (a == "training" || a == "learning") {
    return In(b, {"setup", "setups", "story", "stories", "rationale"});
  }
  // The trained outcome and the idealized minimizer in plain words: "a
  // reward that, when optimized, produces ...", "optimal policies for it".
  if (a == "when") {
    return In(b, {"optimized", "optimised", "maximized", "maximised",
                  "minimized", "minimised", "trained"});
  }
  // "in that sense", "on this reading": the sentence points at a reading
  // named just before it.
  if (In(a, {"that", "this", "the", "same"}) && In(b, {"sense", "reading"})) {
    return a != "the";
  }
  if (a == "optimal") {
    return In(
        b, {"policy", "policies", "behaviour", "behavior", "agent", "agents"});
  }
  return false;
}

// "If a reward function is taken as a preference ordering", "the loss,
// read as the average over the data": the sentence says which reading of
// the loss it means, whatever that reading is.
bool ReadsLossAs(const std::vector<Token>& tokens, size_t begin, size_t i,
                 size_t end) {
  constexpr size_t kMaxBack = 4;  // "the reward function is"
  if (!In(tokens[i].lower,
          {"taken", "read", "interpreted", "understood", "construed"}) ||
      i + 1 >= end || tokens[i + 1].lower != "as") {
    return false;
  }
  for (size_t j = i; j > begin && i - j < kMaxBack;) {
    --j;
    if (LossHead(tokens, begin, j) != kNone) return true;
  }
  return false;
}

// "on the training data", "over the training distribution": the loss
// read as a function of the data, the mathematical reading.
bool OnTrainingData(const std::vector<Token>& tokens, size_t i, size_t end) {
  if (!In(tokens[i].lower, {"on", "over"})) return false;
  size_t k = i + 1;
  if (k < end && tokens[k].lower == "the") ++k;
  return k + 1 < end && tokens[k].lower == "training" &&
         In(tokens[k + 1].lower, {"data", "distribution", "set", "dataset"});
}

bool CodeQualifies(std::string_view code,
                   const std::vector<std::string>& claim_names) {
  for (const ReadingWord& w : ReadingWords()) {
    if (ContainsIdentifier(code, w.keyword)) return true;
  }
  for (const std::string& name : claim_names) {
    if (ContainsIdentifier(code, name)) return true;
  }
  return false;
}

}  // namespace

bool NamesQualification(const Paragraph& paragraph,
                        const std::vector<Token>& tokens, size_t begin,
                        size_t end,
                        const std::vector<std::string>& claim_names) {
  for (size_t i = begin; i < end; ++i) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::kOpaque) {
      // Code spans are in text order: find this one's by binary search.
      auto code = std::lower_bound(
          paragraph.code.begin(), paragraph.code.end(), t.begin,
          [](const CodeSpan& c, uint32_t at) { return c.at < at; });
      if (code != paragraph.code.end() && code->at == t.begin &&
          CodeQualifies(code->text, claim_names)) {
        return true;
      }
      continue;
    }
    if (t.kind != TokenKind::kWord) continue;
    if (IsKeyword(t.lower)) return true;
    if (ReadsLossAs(tokens, begin, i, end) || OnTrainingData(tokens, i, end)) {
      return true;
    }
    if (i + 1 < end && tokens[i + 1].kind == TokenKind::kWord &&
        IsKeywordPair(t.lower, tokens[i + 1].lower)) {
      return true;
    }
    std::string_view raw(paragraph.text.data() + t.begin, t.end - t.begin);
    for (const std::string& name : claim_names) {
      if (ContainsIdentifier(raw, name)) return true;
    }
  }
  return false;
}

}  // namespace aligncheck::prose
