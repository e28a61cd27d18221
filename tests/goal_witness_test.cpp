// Tests for solve/goal_witness: the values and instances that break a goal
// coupling inputs, checked against hand-computed answers.
#include "solve/goal_witness.h"

#include <doctest/doctest.h>

#include <string>

#include "load_spec.h"

namespace aligncheck {
namespace {

const char kSpec[] =
    "domain X = {a, b, c}\n"
    "domain Y = {u, v}\n"
    "loss l(x: X, y: Y) = table {\n"
    "  a: u 0, v 1\n"
    "  b: u 0, v 1\n"
    "  c: u 0, v 1\n"
    "}\n"
    "fn cost: Y -> Real = {u: 1, v: 3}\n"
    "goal few_u(pi) = (count x in X: pi(x) == u) <= 1\n"
    "goal not_many_v(pi) = not ((count x in X: pi(x) == v) >= 2)\n"
    "goal budget(pi) = (sum x in X: cost(pi(x))) < 5\n"
    "goal distinct(pi: X -> Y) = forall p in X: forall q in X: p == q or "
    "pi(p) != pi(q)\n"
    "goal none_v(pi) = not (exists x in X: pi(x) == v)\n"
    "goal some_w(pi) = exists x in X: pi(x) == v\n";

Policy P(std::initializer_list<uint32_t> outputs) { return Policy(outputs); }

const Goal& GoalNamed(const Model& m, const std::string& name) {
  for (const Goal& g : m.goals) {
    if (g.name == name) return g;
  }
  throw std::runtime_error("no goal " + name);
}

std::string Inputs(const GoalWitness& w) {
  std::string out;
  for (const auto& [x, part] : w.inputs)
    out += std::to_string(x) + ":" + part + " ";
  return out;
}

TEST_CASE("goal witness: a count that breaks its bound, and its inputs") {
  auto m = test::LoadSpec(kSpec);
  REQUIRE(m);
  GoalWitness w = ExplainViolation(*m, GoalNamed(*m, "few_u"), P({0, 1, 0}));
  REQUIRE(w.values.size() == 1);
  CHECK(w.values[0] == "(count x in X: pi(x) == u) = 2 > 1");
  CHECK(Inputs(w) == "0:counted 2:counted ");
  CHECK(w.assignment.empty());
  // Under `not`, the comparison that holds is shown as written.
  w = ExplainViolation(*m, GoalNamed(*m, "not_many_v"), P({1, 1, 0}));
  REQUIRE(w.values.size() == 1);
  CHECK(w.values[0] == "(count x in X: pi(x) == v) = 2 >= 2");
  // A policy that meets the goal has nothing to explain.
  CHECK(ExplainViolation(*m, GoalNamed(*m, "few_u"), P({1, 1, 0})).empty());
}

TEST_CASE("goal witness: a sum, with each input's non-zero term") {
  auto m = test::LoadSpec(kSpec);
  REQUIRE(m);
  GoalWitness w = ExplainViolation(*m, GoalNamed(*m, "budget"), P({1, 0, 0}));
  REQUIRE(w.values.size() == 1);
  CHECK(w.values[0] == "(sum x in X: cost(pi(x))) = 5 >= 5");
  CHECK(Inputs(w) == "0:term 3 1:term 1 2:term 1 ");
}

TEST_CASE("goal witness: nested quantifiers give the first violating pair") {
  auto m = test::LoadSpec(kSpec);
  REQUIRE(m);
  GoalWitness w =
      ExplainViolation(*m, GoalNamed(*m, "distinct"), P({1, 0, 1}));
  REQUIRE(w.assignment.size() == 2);
  CHECK(AssignmentSentence(w) == "the violating pair: p = a, q = c");
  CHECK(Inputs(w) == "0:p 2:q ");
  // not exists breaks at one instance; a false exists has no single one.
  w = ExplainViolation(*m, GoalNamed(*m, "none_v"), P({0, 1, 1}));
  CHECK(AssignmentSentence(w) == "the violating value: x = b");
  CHECK(ExplainViolation(*m, GoalNamed(*m, "some_w"), P({0, 0, 0})).empty());
}

TEST_CASE("goal witness: counts agree with brute force on every policy") {
  auto m = test::LoadSpec(kSpec);
  REQUIRE(m);
  const Goal& few_u = GoalNamed(*m, "few_u");
  const Goal& distinct = GoalNamed(*m, "distinct");
  for (uint32_t bits = 0; bits < 8; ++bits) {
    Policy pi = {bits & 1, (bits >> 1) & 1, (bits >> 2) & 1};
    CAPTURE(bits);
    size_t us = 0;
    std::string counted;
    for (size_t x = 0; x < 3; ++x) {
      if (pi[x] == 0) {
        ++us;
        counted += std::to_string(x) + ":counted ";
      }
    }
    GoalWitness w = ExplainViolation(*m, few_u, pi);
    CHECK(w.empty() == (us <= 1));
    if (us > 1) {
      CHECK(w.values[0] == "(count x in X: pi(x) == u) = " +
                               std::to_string(us) + " > 1");
      CHECK(Inputs(w) == counted);
    }
    // Two inputs share an output for every policy of 3 inputs and 2 outputs:
    // the pair found is the first one in domain order, and it does share.
    GoalWitness pair = ExplainViolation(*m, distinct, pi);
    REQUIRE(pair.inputs.size() == 2);
    size_t p = pair.inputs[0].first, q = pair.inputs[1].first;
    CHECK(p < q);
    CHECK(pi[p] == pi[q]);
    for (size_t a = 0; a < p; ++a) {
      for (size_t b = a + 1; b < 3; ++b) CHECK(pi[a] != pi[b]);
    }
  }
}

}  // namespace
}  // namespace aligncheck
