// Unit tests of the brute-force oracle itself.
#include "solve/brute_force.h"

#include <doctest/doctest.h>

#include "engine_test_util.h"

namespace aligncheck {
namespace {

using namespace test;  // NOLINT

struct Small {
  Builder b;
  DomainId x, y;
  int loss, data;
  Small() {
    x = b.AddDomain("X", 2, "x");
    y = b.AddDomain("Y", 3, "y");
    // x0: y0 0, y1 0, y2 1;  x1: y0 1/2, y1 0, y2 0.
    loss = b.AddLoss("l", x, y,
                     {Q("0"), Q("0"), Q("1"), Q("1/2"), Q("0"), Q("0")});
    data = b.AddData("d", x, {Q("1"), Q("3")});
  }
};

TEST_CASE("brute force: counts minimizers and violations exactly") {
  Small s;
  int g = s.b.AddGoal(
      "g", s.x, s.y, Forall(0, s.x, Eq(Pi(Var(0, s.x), s.y), Elem(s.y, 1))), 1);
  Claim c = s.b.AddClaim("c", s.loss, g, s.data);
  BruteForceResult r = BruteForceIdealized(s.b.model, c);
  REQUIRE(r.error.empty());
  CHECK(r.min_loss == 0);
  CHECK(r.feasible == 4);   // {y0,y1} x {y1,y2}
  CHECK(r.violating == 3);  // all but (y1, y1)
  CHECK_FALSE(r.holds);
  CHECK_FALSE(r.vacuous);
  REQUIRE(r.first_violating);
  CHECK(*r.first_violating == Policy{0, 1});
  // Within 1/8: x1 may also take y0 (excess 3/4 * 1/2 = 3/8 > 1/8: no);
  // x0 may take y2 (excess 1/4 * 1 = 1/4 > 1/8: no). Within 1/4: yes.
  c.has_within = true;
  c.within = Q("1/4");
  r = BruteForceIdealized(s.b.model, c);
  CHECK(r.feasible == 6);
}

TEST_CASE("brute force: vacuity and refusal") {
  Small s;
  int g = s.b.AddGoal("g", s.x, s.y, Bool(true), 0);
  Claim c = s.b.AddClaim("c", s.loss, g, s.data);
  BruteForceResult r = BruteForceIdealized(s.b.model, c);
  CHECK(r.holds);
  CHECK(r.vacuous);
  CHECK(r.goal_true_everywhere == 9);
  r = BruteForceIdealized(s.b.model, c, 8);
  CHECK(r.error == "too many policies to enumerate");
}

}  // namespace
}  // namespace aligncheck
