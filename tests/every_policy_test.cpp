// Tests that the table-free every-policy decision matches the engine run on
// an all-zero loss, the way lint used to ask it.
#include "solve/every_policy.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <random>

#include "readings/check.h"
#include "load_spec.h"

namespace aligncheck {
namespace {

using test::LoadSpec;

// The reference: an all-zero loss over uniform data; every policy is a
// minimizer, so the claim holds iff every policy meets the goal.
bool ByZeroLoss(Model model, int goal_index, bool negate) {
  Goal goal = model.goals[goal_index];
  if (negate) {
    RExpr not_body;
    not_body.kind = RExpr::Kind::kUnary;
    not_body.op = ast::Op::kNot;
    not_body.type = Type::Bool();
    not_body.args.push_back(goal.body);
    goal.body = std::move(not_body);
  }
  const size_t n = model.domains[goal.input].size();
  const size_t m = model.domains[goal.output].size();
  Loss zero;
  zero.input = goal.input;
  zero.output = goal.output;
  zero.table.assign(n * m, Rational(0));
  Data uniform;
  uniform.domain = goal.input;
  uniform.weights.assign(n, Rational(1));
  uniform.total = static_cast<long>(n);
  Claim claim;
  claim.reading = Claim::Reading::kIdealized;
  claim.loss = static_cast<int>(model.losses.size());
  claim.data = static_cast<int>(model.data.size());
  claim.goal = static_cast<int>(model.goals.size());
  model.losses.push_back(std::move(zero));
  model.data.push_back(std::move(uniform));
  model.goals.push_back(std::move(goal));
  return CheckClaim(model, claim, EngineOptions{}).kind ==
         Verdict::Kind::kHolds;
}

TEST_CASE("every policy: agrees with the engine on an all-zero loss") {
  const char* goals[] = {
      "forall x in X: pi(x) != y1",
      "forall x in X: pi(x) == y0 or pi(x) != y0",
      "exists x in X: pi(x) == y0",
      "(count x in X: pi(x) == y0) >= 0",
      "(count x in X: pi(x) == y0) >= 2",
      "(count x in X: pi(x) in {y0, y1, y2}) == 3",
      "(forall x in X: pi(x) != y1) and 1 < 2",
      "1 > 2 or exists x in X: pi(x) != y2",
      "forall x in X: pi(x) == lab(x) or pi(x) != lab(x)",
      "pi(a) == pi(b)",
  };
  std::mt19937 rng(9);
  int decided = 0;
  for (int round = 0; round < 4; ++round) {
    std::string text = "domain X = {a, b, c}\ndomain Y = {y0, y1, y2}\n";
    text += fmt::format("fn lab: X -> Y = {{a: y{}, b: y{}, c: y{}}}\n",
                        rng() % 3, rng() % 3, rng() % 3);
    int g = 0;
    for (const char* body : goals) {
      text += fmt::format("goal g{}(pi: X -> Y) = {}\n", g++, body);
    }
    std::string errors;
    std::optional<Model> m = LoadSpec(text, &errors);
    REQUIRE_MESSAGE(m, std::string(errors));
    for (size_t gi = 0; gi < m->goals.size(); ++gi) {
      for (bool negate : {false, true}) {
        CAPTURE(gi);
        CAPTURE(negate);
        std::optional<bool> fast = EveryPolicyMeets(*m, m->goals[gi], negate);
        bool expected = ByZeroLoss(*m, static_cast<int>(gi), negate);
        if (gi + 1 == m->goals.size()) {
          CHECK_FALSE(fast.has_value());  // cross-input: the solver's
        } else if (gi < 6) {
          REQUIRE(fast.has_value());  // count atoms in either polarity
        }
        if (fast) CHECK(*fast == expected);
        decided += fast ? 1 : 0;
      }
    }
  }
  CHECK(decided >= 4 * 6 * 2);
}

}  // namespace
}  // namespace aligncheck
