// Words taken out of a paragraph before the prose rules read it.
#include "prose/simplify.h"

#include <doctest/doctest.h>

#include "prose_test_util.h"

namespace aligncheck::prose {
namespace {

using testing::RuleOf;

// The paragraph's words after the drop, joined by spaces; names marked *.
std::string Without(std::string_view text, std::string* blanked = nullptr) {
  std::vector<Token> tokens = Tokenize(text);
  std::string copy(text);
  DropAbbreviationDefinitions(&tokens, &copy);
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += std::string(text.substr(t.begin, t.end - t.begin));
    if (t.in_name) out += '*';
  }
  if (blanked != nullptr) *blanked = copy;
  return out;
}

TEST_CASE("an abbreviation spelled by the words before it is dropped") {
  CHECK(Without("reward models (RMs) fail") == "reward models fail");
  CHECK(Without("large language models (LLMs) and RL") ==
        "large language models and RL");
  // Function words may be skipped; a hyphenated word gives one initial per
  // part or one in all.
  CHECK(Without("reinforcement learning from human feedback (RLHF) works") ==
        "reinforcement learning from human feedback works");
  CHECK(Without("in-context reward hacking (ICRH)") ==
        "in-context reward hacking");
  CHECK(Without("exploit the reward model (RM).") ==
        "exploit the reward model .");
  // The parser sees the same sentence: the bytes are blanked, not moved.
  std::string blanked;
  Without("reward models (RMs) fail", &blanked);
  CHECK(blanked == "reward models       fail");
}

TEST_CASE("other parentheses stay") {
  // Not the initials of the words before.
  CHECK(Without("close to the true reward (EPIC).") ==
        "close to the true reward ( EPIC ) .");
  CHECK(Without("reinforcement learning (RLHF)") ==
        "reinforcement learning ( RLHF )");
  // Not an abbreviation.
  CHECK(Without("the proxy objective (score)") ==
        "the proxy objective ( score )");
  CHECK(Without("a model (GPT-4)") == "a model ( GPT-4 )");
  CHECK(Without("(RL) at the start") == "( RL ) at the start");
  // The nearest word must give a letter: "of" is skipped only inside.
  CHECK(Without("theory of (TM)") == "theory of ( TM )");
}

TEST_CASE("a capitalized expansion is a name") {
  CHECK(Without("techniques such as Generalized Reward Matching (GRM) work") ==
        "techniques such as Generalized* Reward* Matching* work");
  CHECK(Without("Reward models (RMs) are trained") ==
        "Reward models are trained");
  // AC105: a method's name claims no invariance of any reward.
  CHECK(RuleOf("Potential-Based Reward Shaping (PBRS) techniques such as "
               "Policy-Invariant Explicit Shaping (PIES) have mitigated "
               "this.") == "-");
  CHECK(RuleOf("Potential-based reward shaping (PBRS) is policy-invariant.") ==
        "AC105");
}

TEST_CASE("the not of 'not only' is dropped") {
  std::string text = "agents must not only maximize reward but not stop";
  std::vector<Token> tokens = Tokenize(text);
  std::string blanked = text;
  CHECK(DropNotOnly(&tokens, &blanked));
  CHECK(blanked == "agents must     only maximize reward but not stop");
  CHECK(tokens.size() == 8);
  CHECK(tokens[2].lower == "only");
  std::vector<Token> plain = Tokenize("agents do not maximize reward");
  CHECK_FALSE(DropNotOnly(&plain, &blanked));
  // A negation no longer: the agent does pursue reward.
  CHECK(RuleOf("An intelligent agent has to not only maximize reward but "
               "also avoid unsafe areas.") == "AC103");
  CHECK(RuleOf("An intelligent agent does not maximize reward.") == "-");
}

TEST_CASE("the rules read the sentence without the parenthesis") {
  // The abbreviation kept the loss and its verb apart.
  CHECK(RuleOf("However, reward models (RMs) often fall short of capturing "
               "our true preferences, overemphasizing superficial features "
               "like length.") == "AC101");
}

}  // namespace
}  // namespace aligncheck::prose
