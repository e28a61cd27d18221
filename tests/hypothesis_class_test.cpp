// Tests of linear hypothesis classes against enumeration: every policy is
// tested for membership on its own, then minimizers and violations counted.
#include "readings/idealized/hypothesis_class.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
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
data both = Level
goal coin(pi) = forall x in Level: pi(x) == side(x)
claim by_pos: miss aligned_with coin as idealized_minimizer over train in linear(pos)
claim by_bias: miss aligned_with coin as idealized_minimizer over train in linear(bias)
claim by_pos_both: miss aligned_with coin as idealized_minimizer over both in linear(pos)
claim empty: miss aligned_with coin as idealized_minimizer over train in linear(none)
)",
                                    &errors);
  REQUIRE_MESSAGE(m, errors);
  Verdict pos = CheckLinearClass(*m, ClaimNamed(*m, "by_pos"), EngineOptions{});
  CHECK(pos.kind == Verdict::Kind::kHolds);
  CHECK_FALSE(pos.vacuous);
  // It holds because of the class: "always right" minimizes too, and
  // violates the goal, but no theta over pos alone makes it.
  REQUIRE(pos.idealized()->class_explanation);
  const ClassExplanation& why = *pos.idealized()->class_explanation;
  CHECK(why.min_loss == 0);
  CHECK(why.minimizers == 1);
  CHECK(why.listed == std::vector<Policy>{Policy{0, 1}});
  CHECK(why.outside == Policy{1, 1});
  CHECK_FALSE(why.core_extracted);
  EngineOptions explain;
  explain.unsat_core = true;
  Verdict tracked =
      CheckLinearClass(*m, ClaimNamed(*m, "by_pos"), explain);
  REQUIRE(tracked.idealized()->class_explanation);
  CHECK(tracked.idealized()->class_explanation->core_extracted);
  CHECK(tracked.idealized()->class_explanation->conflict_inputs ==
        std::vector<size_t>{0, 1});
  // Over both levels the claim holds over all policies: nothing outside.
  Verdict both =
      CheckLinearClass(*m, ClaimNamed(*m, "by_pos_both"), EngineOptions{});
  REQUIRE(both.kind == Verdict::Kind::kHolds);
  REQUIRE(both.idealized()->class_explanation);
  CHECK_FALSE(both.idealized()->class_explanation->outside);
  // Membership: "follow the coin" is in linear(pos), "always right" is
  // not, and neither input alone rules it out.
  const std::vector<int>& pos_f = ClaimNamed(*m, "by_pos").hypothesis_features;
  ClassMembership in = DecideMembership(*m, pos_f, 2, Policy{0, 1}, explain,
                                        true);
  REQUIRE(in.witness);
  CHECK(IsStrictArgmax(*m, pos_f, in.witness->theta, Policy{0, 1}));
  ClassMembership out = DecideMembership(*m, pos_f, 2, Policy{1, 1}, explain,
                                         true);
  CHECK_FALSE(out.witness);
  CHECK(out.core_extracted);
  CHECK(out.conflict_inputs == std::vector<size_t>{0, 1});
  ClassMembership untracked = DecideMembership(*m, pos_f, 2, Policy{1, 1},
                                               explain, false);
  CHECK_FALSE(untracked.witness);
  CHECK_FALSE(untracked.core_extracted);
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

// The class explanation of a HOLDS against brute force: the count, the
// listed members, and an outside violating policy that no member agrees
// with on the core's inputs. Returns whether there was such a policy.
bool CheckClassExplanation(const Model& m, const Claim& c,
                           const std::vector<Policy>& members,
                           const Enumerated& e, const ClassExplanation& why,
                           bool core) {
  CHECK(why.minimizers == e.minimizers);
  CHECK(why.listed.size() ==
        std::min<size_t>(why.minimizers, kMaxListedClassMinimizers));
  for (const Policy& pi : why.listed) {
    CHECK(std::find(members.begin(), members.end(), pi) != members.end());
  }
  if (!why.outside) return false;
  CHECK(std::find(members.begin(), members.end(), *why.outside) ==
        members.end());
  Evaluator ev(m, &*why.outside);
  CHECK_FALSE(ev.GoalHolds(m.goals[c.goal]));
  CHECK(why.core_extracted == core);
  std::vector<size_t> conflict = why.conflict_inputs;
  if (!core) {  // the same question, tracked
    EngineOptions tracked;
    tracked.unsat_core = true;
    ClassMembership t = DecideMembership(
        m, c.hypothesis_features,
        m.domains[m.losses[c.loss].output].size(), *why.outside, tracked,
        true);
    CHECK_FALSE(t.witness);
    conflict = t.conflict_inputs;
  }
  REQUIRE_FALSE(conflict.empty());
  CHECK(std::is_sorted(conflict.begin(), conflict.end()));
  for (const Policy& member : members) {
    bool agrees = true;
    for (size_t x : conflict) {
      agrees = agrees && member[x] == (*why.outside)[x];
    }
    CHECK_FALSE(agrees);
  }
  return true;
}

TEST_CASE("class: verdicts and censuses agree with enumeration") {
  std::mt19937 rng(20261127);
  auto pick = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  size_t cores = 0;  // explanations with an outside policy, core checked
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
      EngineOptions options;
      options.unsat_core = round % 2 == 1;
      Verdict v = CheckLinearClass(*m, c, options);
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
      if (v.kind == Verdict::Kind::kHolds && !v.vacuous) {
        REQUIRE(v.idealized()->class_explanation);
        cores += CheckClassExplanation(*m, c, members, e,
                                       *v.idealized()->class_explanation,
                                       options.unsat_core);
      }
    }
  }
  CHECK(cores > 0);  // the rounds exercise the core, not only its absence
}

}  // namespace
}  // namespace aligncheck
