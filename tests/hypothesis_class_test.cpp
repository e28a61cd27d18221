// Tests of linear hypothesis classes against enumeration: every policy is
// tested for membership on its own, then minimizers and violations counted.
#include "readings/idealized/hypothesis_class.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <random>

#include "analysis/eval.h"
#include "load_spec.h"

namespace aligncheck {
namespace {

using test::ClaimNamed;
using test::LoadSpec;

struct Enumerated {
  bool empty = true;
  BigInt minimizers = 0;
  BigInt violating = 0;
};

// Every policy of the class, each found by its own membership query.
std::vector<Policy> ClassMembers(const Model& m, const Claim& c) {
  const Loss& loss = m.losses[c.loss];
  const size_t n = m.domains[loss.input].size();
  const size_t k = m.domains[loss.output].size();
  std::vector<Policy> members;
  Policy pi(n, 0);
  for (;;) {
    if (LinearWitnessFor(m, c.hypothesis_features, k, pi, EngineOptions{})) {
      members.push_back(pi);
    }
    size_t x = 0;
    while (x < n && ++pi[x] == k) pi[x++] = 0;
    if (x == n) break;
  }
  return members;
}

Enumerated EnumerateClass(const Model& m, const Claim& c,
                          const std::vector<Policy>& members) {
  const Loss& loss = m.losses[c.loss];
  Enumerated out;
  if (members.empty()) return out;
  out.empty = false;
  const Data& data = m.data[c.data];
  Rational best = ExpectedLoss(m, loss, data, members[0]);
  for (const Policy& p : members)
    best = std::min(best, ExpectedLoss(m, loss, data, p));
  Rational eps = c.has_within ? c.within : Rational(0);
  for (const Policy& p : members) {
    if (ExpectedLoss(m, loss, data, p) > best + eps) continue;
    out.minimizers += 1;
    Evaluator ev(m, &p);
    if (!ev.GoalHolds(m.goals[c.goal])) out.violating += 1;
  }
  return out;
}

TEST_CASE("class: the coin holds in one class and fails in the other") {
  std::string errors;
  std::optional<Model> m = LoadSpec(R"(
domain Level = {coin_left, coin_right}
domain Move = {go_left, go_right}
fn side: Level -> Move = {coin_left: go_left, coin_right: go_right}
fn bias: Level -> Real = {coin_left: 1, coin_right: 1}
fn pos: Level -> Real = {coin_left: -1, coin_right: 1}
fn none: Level -> Real = {coin_left: 0, coin_right: 1}
loss miss(x: Level, y: Move) = if y == side(x) then 0 else 1
data train = {coin_right: 1}
goal coin(pi) = forall x in Level: pi(x) == side(x)
claim by_pos: miss aligned_with coin as idealized_minimizer over train in linear(pos)
claim by_bias: miss aligned_with coin as idealized_minimizer over train in linear(bias)
claim empty: miss aligned_with coin as idealized_minimizer over train in linear(none)
)",
                                    &errors);
  REQUIRE_MESSAGE(m, errors);
  Verdict pos = CheckLinearClass(*m, ClaimNamed(*m, "by_pos"), EngineOptions{});
  CHECK(pos.kind == Verdict::Kind::kHolds);
  CHECK_FALSE(pos.vacuous);
  Verdict bias =
      CheckLinearClass(*m, ClaimNamed(*m, "by_bias"), EngineOptions{});
  REQUIRE(bias.kind == Verdict::Kind::kFails);
  REQUIRE(bias.idealized()->witness);
  CHECK(bias.idealized()->witness->policy == Policy{1, 1});
  CHECK(IsStrictArgmax(*m, ClaimNamed(*m, "by_bias").hypothesis_features,
                       bias.idealized()->witness->theta,
                       bias.idealized()->witness->policy));
  // A feature that is 0 somewhere ties every output there: no policy.
  Verdict empty =
      CheckLinearClass(*m, ClaimNamed(*m, "empty"), EngineOptions{});
  CHECK(empty.kind == Verdict::Kind::kHolds);
  CHECK(empty.vacuous);
}

TEST_CASE("class: verdicts and censuses agree with enumeration") {
  std::mt19937 rng(20261127);
  auto pick = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  for (int round = 0; round < 12; ++round) {
    CAPTURE(round);
    int n = pick(2, 3), k = pick(2, 3), features = pick(1, 2);
    std::string text = "domain X = {";
    for (int x = 0; x < n; ++x) text += fmt::format("{}x{}", x ? ", " : "", x);
    text += "}\ndomain Y = {";
    for (int y = 0; y < k; ++y) text += fmt::format("{}y{}", y ? ", " : "", y);
    text += "}\n";
    std::string args;
    for (int f = 0; f < features; ++f) {
      text += fmt::format("fn f{}: X -> Real = {{", f);
      for (int x = 0; x < n; ++x) {
        text += fmt::format("{}x{}: {}", x ? ", " : "", x, pick(-2, 2));
      }
      text += "}\n";
      args += fmt::format("{}f{}", f ? ", " : "", f);
    }
    text += "loss l(x: X, y: Y) = table {\n";
    for (int x = 0; x < n; ++x) {
      text += fmt::format("  x{}:", x);
      for (int y = 0; y < k; ++y) {
        text += fmt::format("{} y{} {}", y ? "," : "", y, pick(0, 3));
      }
      text += "\n";
    }
    text += "}\ndata d = {";
    for (int x = 0; x < n; ++x) {
      text +=
          fmt::format("{}x{}: {}", x ? ", " : "", x, x == 0 ? 1 : pick(0, 2));
    }
    text += "}\n";
    text += "goal g1(pi: X -> Y) = forall x in X: pi(x) != y1\n";
    text += "goal g2(pi: X -> Y) = pi(x0) == pi(x1)\n";
    text += "goal g3(pi: X -> Y) = (count x in X: pi(x) == y0) >= 1\n";
    const char* eps = round % 3 == 0 ? " within 0.5" : "";
    for (int g = 1; g <= 3; ++g) {
      text += fmt::format(
          "claim c{}: l aligned_with g{} as idealized_minimizer over d in "
          "linear({}){}\n",
          g, g, args, eps);
    }
    std::string errors;
    std::optional<Model> m = LoadSpec(text, &errors);
    REQUIRE_MESSAGE(m, std::string(errors + text));
    // Every claim of a round uses the same class.
    const std::vector<Policy> members = ClassMembers(*m, m->claims[0]);
    for (const Claim& c : m->claims) {
      CAPTURE(text);
      CAPTURE(c.name);
      Verdict v = CheckLinearClass(*m, c, EngineOptions{});
      Enumerated e = EnumerateClass(*m, c, members);
      REQUIRE(v.kind != Verdict::Kind::kUnknown);
      REQUIRE(v.idealized()->census);
      CHECK(v.idealized()->census->counted);
      if (e.empty) {
        CHECK(v.vacuous);
        CHECK(v.kind == Verdict::Kind::kHolds);
        continue;
      }
      CHECK(v.idealized()->census->minimizers == e.minimizers);
      CHECK(v.idealized()->census->violating == e.violating);
      CHECK((v.kind == Verdict::Kind::kFails) == (e.violating > 0));
      if (v.idealized()->witness) {
        CHECK(IsStrictArgmax(*m, c.hypothesis_features,
                             v.idealized()->witness->theta,
                             v.idealized()->witness->policy));
      }
    }
  }
}

}  // namespace
}  // namespace aligncheck
