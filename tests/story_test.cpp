// Tests of training stories: the verdict follows the rationale claims.
#include "readings/trained/story.h"

#include <doctest/doctest.h>

#include "load_spec.h"

namespace aligncheck {
namespace {

using test::ClaimNamed;
using test::LoadSpec;

const char* const kSpec = R"(
domain X = {a, b}
domain Y = {yes, no}
loss l(x: X, y: Y) = table { a: yes 0, no 1  b: yes 1, no 1 }
data d = X
goal on_a(pi) = pi(a) == yes
goal everywhere(pi) = forall x in X: pi(x) == yes
claim fits_a: l aligned_with on_a as idealized_minimizer over d
claim fits_all: l aligned_with everywhere as idealized_minimizer over d
claim bare: l aligned_with on_a
story good { goal on_a rationale fits_a desirability "a matters" }
story bad { goal everywhere rationale fits_a, fits_all assume "b is like a" }
story unclear { goal on_a rationale fits_a, bare }
story implied { goal on_a rationale fits_all }
)";

TEST_CASE("story: holds, fails and stays unknown with its rationale") {
  std::string errors;
  std::optional<Model> m = LoadSpec(kSpec, &errors);
  REQUIRE(m);  // `bare` is a finding: dropped, the rest is checkable
  Verdict good = CheckStory(*m, ClaimNamed(*m, "good"), EngineOptions{});
  CHECK(good.kind == Verdict::Kind::kHolds);
  REQUIRE(good.story());
  CHECK(good.story()->desirability == std::vector<std::string>{"a matters"});
  CHECK(good.story()->components[0].verdict == "holds");

  Verdict bad = CheckStory(*m, ClaimNamed(*m, "bad"), EngineOptions{});
  CHECK(bad.kind == Verdict::Kind::kFails);
  REQUIRE(bad.story());
  REQUIRE(bad.story()->components.size() == 2);
  // fits_a holds, but for on_a, which does not imply the story's goal: it
  // supports nothing, and the report says why.
  CHECK(bad.story()->components[0].verdict == "holds");
  CHECK(bad.story()->components[0].about == "on_a");
  CHECK(bad.story()->components[0].about_relation ==
        "does not imply everywhere");
  CHECK_FALSE(bad.story()->components[0].ok);
  CHECK(bad.reason ==
        "1 of 2 rationale claims fail: the rationale does not support "
        "everywhere; and fits_a holds for on_a, not for everywhere: a policy "
        "can meet on_a and violate everywhere");
  CHECK(bad.story()->components[1].verdict == "fails");
  CHECK(bad.story()->assumptions == std::vector<std::string>{"b is like a"});

  // A rationale about a stronger goal supports the story.
  Verdict implied = CheckStory(*m, ClaimNamed(*m, "implied"), EngineOptions{});
  CHECK(implied.kind == Verdict::Kind::kFails);  // fits_all fails
  REQUIRE(implied.story());
  CHECK(implied.story()->components[0].about_relation == "implies on_a");
  CHECK_FALSE(implied.story()->components[0].ok);  // because it fails

  Verdict unclear = CheckStory(*m, ClaimNamed(*m, "unclear"), EngineOptions{});
  CHECK(unclear.kind == Verdict::Kind::kUnknown);
  CHECK(unclear.story()->components[1].verdict == "unchecked");
  CHECK(unclear.reason == "1 of 2 rationale claims are not settled");
}

TEST_CASE("story: a relation between two rewards supports no goal") {
  std::optional<Model> m = LoadSpec(R"(
domain X = {a, b}
domain Y = {yes, no}
data d = X
reward t(x: X, y: Y) = if y == yes then 1 else 0
goal everywhere(pi) = forall x in X: pi(x) == yes
claim same: t unhackable_with t over d
story s { goal everywhere rationale same }
)");
  REQUIRE(m);
  Verdict v = CheckStory(*m, ClaimNamed(*m, "s"), EngineOptions{});
  CHECK(v.kind == Verdict::Kind::kUnknown);
  REQUIRE(v.story());
  CHECK(v.story()->components[0].verdict == "unchecked");
}

}  // namespace
}  // namespace aligncheck
