// Tests that truths shared across inputs equal per-input evaluation.
#include "solve/option_truth.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <random>

#include "load_spec.h"

namespace aligncheck {
namespace {

using test::LoadSpec;

TEST_CASE("option truth: shared and per-input evaluation agree") {
  std::mt19937 rng(16);
  auto pick = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  // (predicate, shared?): x read only through pi(x) is shared.
  const std::pair<const char*, bool> preds[] = {
      {"pi(x) != y1", true},
      {"pi(x) == y0 or pi(x) != y2", true},
      {"pi(x) in {y0, y2}", true},
      {"not (pi(x) == y1 and pi(x) != y0)", true},
      {"(if pi(x) == y0 then 1 else 2) <= 1.5", true},
      {"pi(x) == lab(x)", false},
      {"l(x, pi(x)) <= 1", false},
      {"x == x1 or pi(x) == y2", false},
  };
  for (int round = 0; round < 30; ++round) {
    CAPTURE(round);
    int n = pick(1, 6);
    std::string text = "domain X = {";
    for (int x = 0; x < n; ++x) text += fmt::format("{}x{}", x ? ", " : "", x);
    if (n < 2) text += ", x1";
    text += "}\ndomain Y = {y0, y1, y2}\nloss l(x: X, y: Y) = table {\n";
    const int inputs = n < 2 ? 2 : n;
    for (int x = 0; x < inputs; ++x) {
      text += fmt::format("  x{}: y0 {}, y1 {}, y2 {}\n", x, pick(0, 2),
                          pick(0, 2), pick(0, 2));
    }
    text += "}\nfn lab: X -> Y = {";
    for (int x = 0; x < inputs; ++x) {
      text += fmt::format("{}x{}: y{}", x ? ", " : "", x, pick(0, 2));
    }
    text += "}\n";
    int g = 0;
    for (const auto& [pred, shared] : preds) {
      text +=
          fmt::format("goal g{}(pi: X -> Y) = forall x in X: {}\n", g++, pred);
    }
    std::string errors;
    std::optional<Model> m = LoadSpec(text, &errors);
    REQUIRE_MESSAGE(m, std::string(errors + text));
    for (size_t gi = 0; gi < m->goals.size(); ++gi) {
      CAPTURE(gi);
      const Goal& goal = m->goals[gi];
      std::vector<Conjunct> conjuncts;
      SplitConjuncts(goal.body, false, &conjuncts);
      REQUIRE(conjuncts.size() == 1);
      ConjunctShape shape = ClassifyConjunct(*m, goal, conjuncts[0]);
      REQUIRE(shape.kind == ConjunctShape::Kind::kCount);
      Policy base(static_cast<size_t>(inputs), 0);
      for (uint32_t& y : base) y = static_cast<uint32_t>(pick(0, 2));
      OptionTruth fast(*m, goal, shape.atom, base);
      OptionTruth slow(*m, goal, shape.atom, base, false);
      CHECK(fast.shared() == preds[gi].second);
      CHECK_FALSE(slow.shared());
      for (size_t x = 0; x < base.size(); ++x) {
        for (uint32_t y = 0; y < 3; ++y) {
          // Asked in a shuffled order: the cache must not depend on it.
          uint32_t yy = (y + static_cast<uint32_t>(round)) % 3;
          CHECK(fast.At(x, yy) == slow.At(x, yy));
        }
      }
      CHECK_FALSE(fast.failed());
    }
  }
}

TEST_CASE("option truth: an evaluation error is reported on both paths") {
  std::optional<Model> m = LoadSpec(
      "domain X = {a, b}\ndomain Y = {p, q}\n"
      "goal g(pi: X -> Y) = forall x in X: "
      "(if pi(x) == p then 1 / 0 else 1) == 1\n");
  REQUIRE(m);
  std::vector<Conjunct> conjuncts;
  SplitConjuncts(m->goals[0].body, false, &conjuncts);
  ConjunctShape shape = ClassifyConjunct(*m, m->goals[0], conjuncts[0]);
  REQUIRE(shape.kind == ConjunctShape::Kind::kCount);
  for (bool share : {true, false}) {
    OptionTruth truth(*m, m->goals[0], shape.atom, Policy{0, 0}, share);
    CHECK(truth.At(1, 1));
    CHECK_FALSE(truth.failed());
    truth.At(1, 0);
    CHECK(truth.failed());
  }
}

}  // namespace
}  // namespace aligncheck
