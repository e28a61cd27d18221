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

}  // namespace
}  // namespace aligncheck
