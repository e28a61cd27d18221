// Tests of the minimizer census against brute-force enumeration.
#include "solve/census.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <random>

#include "solve/brute_force.h"
#include "load_spec.h"

namespace aligncheck {
namespace {

using test::LoadSpec;

TEST_CASE("census: product formula on the novels") {
  std::optional<Model> m = LoadSpec(R"(
domain Prompt = {romance, mystery, scifi}
domain Text = {masterpiece, cliche, plagiarism, lorem}
loss grader(x: Prompt, y: Text) = table {
  romance: masterpiece 0.2, cliche 0.3, plagiarism 0.0, lorem 5.0
  mystery: masterpiece 0.1, cliche 0.4, plagiarism 0.0, lorem 5.0
  scifi:   masterpiece 0.3, cliche 0.3, plagiarism 0.0, lorem 5.0
}
data train = {romance: 1, mystery: 1}
goal good(pi) = forall x in Prompt: pi(x) == masterpiece
goal no_lorem(pi) = forall x in Prompt: pi(x) != lorem
claim c1: grader aligned_with good as idealized_minimizer over train
claim c2: grader aligned_with no_lorem as idealized_minimizer over train
)");
  REQUIRE(m);
  Census c1 = TakeCensus(*m, m->claims[0], EngineOptions{});
  CHECK(c1.counted);
  CHECK(c1.method == "product formula");
  CHECK(c1.minimizers == 4);  // plagiarism twice, scifi free
  CHECK(c1.violating == 4);
  Census c2 = TakeCensus(*m, m->claims[1], EngineOptions{});
  CHECK(c2.violating == 1);  // only scifi = lorem
}

TEST_CASE("census: agrees with brute force on random problems") {
  std::mt19937 rng(5);
  auto pick = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  const char* goals[] = {
      "forall x in X: pi(x) != y1",
      "exists x in X: pi(x) == y0",
      "(count x in X: pi(x) == y0) >= 2",
      "(count x in X: pi(x) == y0) == 1",
      "forall x in X: pi(x) != y1 and pi(x) != y2",
      "pi(x0) == pi(x1)",
      "(forall x in X: pi(x) != y1) and exists x in X: pi(x) == y0",
  };
  for (int round = 0; round < 40; ++round) {
    CAPTURE(round);
    int n = pick(2, 5);
    std::string text = "domain X = {";
    for (int x = 0; x < n; ++x) text += fmt::format("{}x{}", x ? ", " : "", x);
    text += "}\ndomain Y = {y0, y1, y2}\nloss l(x: X, y: Y) = table {\n";
    for (int x = 0; x < n; ++x) {
      text += fmt::format("  x{}: y0 {}, y1 {}, y2 {}\n", x, pick(0, 2),
                          pick(0, 2), pick(0, 2));
    }
    text += "}\ndata d = {";
    for (int x = 0; x < n; ++x) {
      text +=
          fmt::format("{}x{}: {}", x ? ", " : "", x, x == 0 ? 1 : pick(0, 2));
    }
    text += "}\n";
    int g = 0;
    for (const char* body : goals) {
      text += fmt::format("goal g{}(pi: X -> Y) = {}\n", g, body);
      text += fmt::format(
          "claim c{}: l aligned_with g{} as idealized_minimizer over d{}\n", g,
          g, round % 2 ? " within 0.4" : "");
      ++g;
    }
    std::string errors;
    std::optional<Model> m = LoadSpec(text, &errors);
    REQUIRE_MESSAGE(m, std::string(errors + text));
    for (const Claim& c : m->claims) {
      CAPTURE(c.name);
      Census census = TakeCensus(*m, c, EngineOptions{});
      BruteForceResult oracle = BruteForceIdealized(*m, c);
      REQUIRE(oracle.error.empty());
      REQUIRE(census.counted);
      CHECK(census.minimizers == oracle.feasible);
      CHECK(census.violating == oracle.violating);
    }
  }
}

TEST_CASE("census: past the cap it says so instead of guessing") {
  std::string text =
      "domain X = 0..39\ndomain Y = {a, b}\n"
      "loss l(x: X, y: Y) = 0\ndata d = X\n"
      "goal g(pi: X -> Y) = pi(0) == pi(1)\n"
      "claim c: l aligned_with g as idealized_minimizer over d\n";
  std::optional<Model> m = LoadSpec(text);
  REQUIRE(m);
  Census c = TakeCensus(*m, m->claims[0], EngineOptions{});
  CHECK_FALSE(c.counted);
  CHECK(c.why ==
        "1099511627776 policies, more than the enumeration cap of 100000, and "
        "the goal has no product form");
}

}  // namespace
}  // namespace aligncheck
