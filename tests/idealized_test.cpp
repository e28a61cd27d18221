// Unit tests of the idealized-minimizer engine: dispatch, the per-input
// counting path, the Z3 path, counting, limits and query dumps.
#include "readings/idealized/idealized.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/eval.h"
#include "solve/brute_force.h"
#include "readings/check.h"
#include "solve/near_minimizers.h"
#include "engine_test_util.h"
#include "load_spec.h"

namespace aligncheck {
namespace {

using namespace test;  // NOLINT

// The novels example of DESIGN.md.
struct Novels {
  Builder b;
  DomainId prompt, text;
  int grader, train, goal;
  Novels() {
    prompt = b.AddDomain("Prompt", 3, "p");  // romance, mystery, scifi
    text =
        b.AddDomain("Text", 4, "t");  // masterpiece, cliche, plagiarism, lorem
    grader = b.AddLoss("grader", prompt, text,
                       {Q("0.2"), Q("0.3"), Q("0"), Q("5"),  //
                        Q("0.1"), Q("0.4"), Q("0"), Q("5"),  //
                        Q("0.3"), Q("0.3"), Q("0"), Q("5")});
    train = b.AddData("train", prompt, {Q("1"), Q("1"), Q("0")});
    goal = b.AddGoal(
        "good_novels", prompt, text,
        Forall(0, prompt, Eq(Pi(Var(0, prompt), text), Elem(text, 0))), 1);
  }
};

TEST_CASE("idealized: the novels claim fails with plagiarism") {
  Novels n;
  Claim& c = n.b.AddClaim("minimizers_write_well", n.grader, n.goal, n.train);
  Verdict v = CheckClaim(n.b.model, c, EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kFails);
  CHECK(v.method == "per-input counting");
  REQUIRE(v.counterexample);
  const auto& cex = *v.counterexample;
  CHECK(cex.policy[0] == 2);
  CHECK(cex.policy[1] == 2);
  CHECK(cex.expected_loss == 0);
  CHECK(cex.min_loss == 0);
  CHECK(cex.breaks[0] == 1);
  CHECK(cex.breaks[1] == 1);
  REQUIRE(v.minimizers);
  CHECK(*v.minimizers == 4);  // scifi weighs 0: any of 4 texts
  CHECK_FALSE(v.minimizers_capped);
}

TEST_CASE("idealized: dispatch never fakes a verdict") {
  Novels n;
  Claim c = n.b.AddClaim("c", n.grader, n.goal, n.train);
  // Physical and agent claims without a model or agent: UNKNOWN, no crash.
  for (auto r : {Claim::Reading::kPhysical, Claim::Reading::kAgent}) {
    c.reading = r;
    Verdict v = CheckClaim(n.b.model, c, EngineOptions{});
    CHECK(v.kind == Verdict::Kind::kUnknown);
    CHECK(v.reason.rfind("internal: claim refers to a missing", 0) == 0);
  }
  // A trained claim without a training: UNKNOWN with the reason, no crash.
  c.reading = Claim::Reading::kTrained;
  Verdict trained = CheckClaim(n.b.model, c, EngineOptions{});
  CHECK(trained.kind == Verdict::Kind::kUnknown);
  CHECK(trained.reason ==
        "internal: claim refers to a missing loss, goal or training");
  c.reading = Claim::Reading::kIdealized;
  c.hypothesis = "linear";
  Verdict v = CheckClaim(n.b.model, c, EngineOptions{});
  CHECK(v.kind == Verdict::Kind::kUnknown);
  CHECK(v.reason ==
        "hypothesis class 'linear' is not supported by this engine yet");
  c.hypothesis = "";
  c.goal = 7;  // broken model: an UNKNOWN, not a crash
  v = CheckClaim(n.b.model, c, EngineOptions{});
  CHECK(v.kind == Verdict::Kind::kUnknown);
}

TEST_CASE(
    "idealized: a goal about graded inputs only holds; within eps it fails") {
  Novels n;
  // pi(x) == plagiarism for graded inputs.
  RExpr graded = Member(Var(0, n.prompt), n.prompt, {0, 1});
  int g = n.b.AddGoal("plagiarize", n.prompt, n.text,
                      Forall(0, n.prompt,
                             Implies(graded, Eq(Pi(Var(0, n.prompt), n.text),
                                                Elem(n.text, 2)))),
                      1);
  Claim c = n.b.AddClaim("c", n.grader, g, n.train);
  Verdict v = CheckClaim(n.b.model, c, EngineOptions{});
  CHECK(v.kind == Verdict::Kind::kHolds);
  CHECK_FALSE(v.vacuous);
  CHECK(*v.minimizers == 4);
  // Within 0.05: mystery may write a masterpiece (excess 0.1/2 = 0.05).
  c.has_within = true;
  c.within = Q("0.05");
  v = CheckClaim(n.b.model, c, EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kFails);
  CHECK(v.counterexample->policy[1] == 0);
  CHECK(v.counterexample->expected_loss == Q("0.05"));
  CHECK(*v.minimizers == 8);
  // Within just under: holds again.
  c.within = Q("0.0499");
  v = CheckClaim(n.b.model, c, EngineOptions{});
  CHECK(v.kind == Verdict::Kind::kHolds);
}

TEST_CASE("idealized: vacuous goals are flagged") {
  Novels n;
  int g =
      n.b.AddGoal("trivial", n.prompt, n.text,
                  Forall(0, n.prompt,
                         Or(Eq(Pi(Var(0, n.prompt), n.text), Elem(n.text, 0)),
                            Ne(Pi(Var(0, n.prompt), n.text), Elem(n.text, 0)))),
                  1);
  Claim c = n.b.AddClaim("c", n.grader, g, n.train);
  Verdict v = CheckClaim(n.b.model, c, EngineOptions{});
  CHECK(v.kind == Verdict::Kind::kHolds);
  CHECK(v.vacuous);
}

TEST_CASE("idealized: count atoms with every operator on the counting path") {
  Novels n;
  using ast::Op;
  // (count x: pi(x) == plagiarism) op k; minimizers have count 2 or 3.
  struct Case {
    Op op;
    int k;
    bool holds;
  } cases[] = {{Op::kGe, 2, true},  {Op::kGe, 3, false}, {Op::kGt, 1, true},
               {Op::kGt, 2, false}, {Op::kLe, 3, true},  {Op::kLe, 2, false},
               {Op::kLt, 3, false}, {Op::kEq, 2, false}, {Op::kNe, 1, true},
               {Op::kNe, 3, false}};
  for (const Case& k : cases) {
    for (bool flip : {false, true}) {
      RExpr count =
          Count(0, n.prompt, Eq(Pi(Var(0, n.prompt), n.text), Elem(n.text, 2)));
      RExpr body = flip ? Bin(k.op == Op::kGe   ? Op::kLe
                              : k.op == Op::kGt ? Op::kLt
                              : k.op == Op::kLe ? Op::kGe
                              : k.op == Op::kLt ? Op::kGt
                                                : k.op,
                              Num(Rational(k.k)), count)
                        : Bin(k.op, count, Num(Rational(k.k)));
      Builder& b = n.b;
      int g = b.AddGoal("g", n.prompt, n.text, body, 1);
      Claim c = b.AddClaim("c", n.grader, g, n.train);
      Verdict v = CheckClaim(b.model, c, EngineOptions{});
      CAPTURE(static_cast<int>(k.op));
      CAPTURE(k.k);
      CHECK(v.method == "per-input counting");
      CHECK((v.kind == Verdict::Kind::kHolds) == k.holds);
      IdealizedConfig force;
      force.force_solver = true;
      Verdict z = CheckIdealized(b.model, c, EngineOptions{}, force);
      CHECK(z.method == "z3");
      CHECK(z.kind == v.kind);
    }
  }
}

TEST_CASE("idealized: cross-input goal goes to z3") {
  Builder b;
  DomainId x = b.AddDomain("X", 3, "x");
  DomainId y = b.AddDomain("Y", 2, "y");
  // Every output ties everywhere.
  int l = b.AddLoss("l", x, y, std::vector<Rational>(6, Q("1")));
  int d = b.AddData("d", x, {Q("1"), Q("1"), Q("1")});
  int g = b.AddGoal(
      "same", x, y,
      Forall(0, x, Forall(1, x, Eq(Pi(Var(0, x), y), Pi(Var(1, x), y)))), 2);
  Claim c = b.AddClaim("c", l, g, d);
  Verdict v = CheckClaim(b.model, c, EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kFails);
  CHECK(v.method == "z3");
  CHECK(*v.minimizers == 8);
  CHECK(v.counterexample->breaks == std::vector<int8_t>{-1, -1, -1});
}

TEST_CASE("idealized: a tiny rlimit gives UNKNOWN") {
  Builder b;
  DomainId x = b.AddDomain("X", 12, "x");
  DomainId y = b.AddDomain("Y", 3, "y");
  int l = b.AddLoss("l", x, y, std::vector<Rational>(36, Q("1")));
  int d = b.AddData("d", x, std::vector<Rational>(12, Q("1")));
  // Injective: impossible with 3 outputs for 12 inputs, so the solver must
  // work to find the violation... which is easy; ask the hard way round.
  RExpr inj = Forall(0, x,
                     Forall(1, x,
                            Implies(Ne(Var(0, x), Var(1, x)),
                                    Ne(Pi(Var(0, x), y), Pi(Var(1, x), y)))));
  int g = b.AddGoal("not_injective", x, y, Not(inj), 2);
  Claim c = b.AddClaim("c", l, g, d);
  EngineOptions o;
  o.rlimit = 1;
  Verdict v = CheckClaim(b.model, c, o);
  CHECK(v.kind == Verdict::Kind::kUnknown);
  CHECK(v.reason == "solver resource limit reached (rlimit 1)");
  o.rlimit = 50'000'000;
  v = CheckClaim(b.model, c, o);
  CHECK(v.kind == Verdict::Kind::kHolds);  // pigeonhole, proved by z3
}

TEST_CASE("idealized: grounding bound gives UNKNOWN") {
  Builder b;
  DomainId x = b.AddDomain("X", 30, "x");
  DomainId y = b.AddDomain("Y", 2, "y");
  int l = b.AddLoss("l", x, y, std::vector<Rational>(60, Q("1")));
  int d = b.AddData("d", x, std::vector<Rational>(30, Q("1")));
  int g = b.AddGoal(
      "same", x, y,
      Forall(0, x, Forall(1, x, Eq(Pi(Var(0, x), y), Pi(Var(1, x), y)))), 2);
  Claim c = b.AddClaim("c", l, g, d);
  IdealizedConfig cfg;
  cfg.max_ground_nodes = 100;
  Verdict v = CheckIdealized(b.model, c, EngineOptions{}, cfg);
  CHECK(v.kind == Verdict::Kind::kUnknown);
  CHECK(v.reason == "the grounded goal exceeds 100 terms");
}

TEST_CASE("idealized: exact big-integer counts") {
  Builder b;
  DomainId x = b.AddDomain("X", 40, "x");
  DomainId y = b.AddDomain("Y", 4, "y");
  std::vector<Rational> t;
  for (int i = 0; i < 40; ++i) {
    for (int j = 0; j < 4; ++j) t.push_back(j < 3 ? Q("0.5") : Q("1"));
  }
  int l = b.AddLoss("l", x, y, t);
  int d = b.AddData("d", x, std::vector<Rational>(40, Q("1")));
  int g =
      b.AddGoal("g", x, y, Forall(0, x, Ne(Pi(Var(0, x), y), Elem(y, 3))), 1);
  Claim c = b.AddClaim("c", l, g, d);
  Verdict v = CheckClaim(b.model, c, EngineOptions{});
  CHECK(v.kind == Verdict::Kind::kHolds);
  BigInt expect;
  mpz_ui_pow_ui(expect.get_mpz_t(), 3, 40);
  CHECK(*v.minimizers == expect);
  CHECK(FormatBigInt(*v.minimizers) == "12157665459056928801");
  // Within 1/80 exactly one input may take output 3 (excess 1/80 each).
  c.has_within = true;
  c.within = Q("1/80");
  v = CheckClaim(b.model, c, EngineOptions{});
  CHECK(v.kind == Verdict::Kind::kFails);
  BigInt one_off;
  mpz_ui_pow_ui(one_off.get_mpz_t(), 3, 39);
  CHECK(*v.minimizers == expect + 40 * one_off);
  CHECK_FALSE(v.minimizers_capped);
}

TEST_CASE("near minimizers: capped counts are lower bounds") {
  Builder b;
  DomainId x = b.AddDomain("X", 12, "x");
  DomainId y = b.AddDomain("Y", 3, "y");
  std::vector<Rational> t;
  for (int i = 0; i < 12; ++i) {
    t.push_back(Q("0"));
    t.push_back(Rational(1, i + 2));
    t.push_back(Rational(1, i + 3) + Rational(1, 7));
  }
  int l = b.AddLoss("l", x, y, t);
  int d = b.AddData("d", x, std::vector<Rational>(12, Q("1")));
  Rational eps = Q("0.05");
  NearMinimizers nm =
      BuildNearMinimizers(b.model, b.model.losses[l], b.model.data[d], &eps);
  MinimizerCount exact = CountNearMinimizers(nm, 1'000'000);
  CHECK_FALSE(exact.capped);
  MinimizerCount capped = CountNearMinimizers(nm, 4);
  CHECK(capped.capped);
  CHECK(capped.count <= exact.count);
  CHECK(capped.count >= 1);
  Claim c = b.AddClaim("c", l, b.AddGoal("g", x, y, Bool(true), 0), d, eps);
  BruteForceResult bf = BruteForceIdealized(b.model, c);
  REQUIRE(bf.error.empty());
  CHECK(bf.feasible == exact.count);
}

TEST_CASE("idealized: --dump-smt2 writes replayable queries") {
  Builder b;
  DomainId x = b.AddDomain("X", 3, "x");
  DomainId y = b.AddDomain("Y", 2, "y");
  int l =
      b.AddLoss("l", x, y, {Q("0"), Q("1"), Q("0"), Q("0"), Q("1"), Q("1")});
  int d = b.AddData("d", x, {Q("1"), Q("1"), Q("1")});
  int g = b.AddGoal("same", x, y, Eq(Pi(Elem(x, 1), y), Pi(Elem(x, 2), y)), 0);
  Claim c = b.AddClaim("dumped", l, g, d, Q("1/3"));
  auto dir =
      std::filesystem::temp_directory_path() / "aligncheck_engine_dump_test";
  std::filesystem::remove_all(dir);
  EngineOptions o;
  o.dump_smt2_dir = dir.string();
  Verdict v = CheckClaim(b.model, c, o);
  REQUIRE(v.kind == Verdict::Kind::kFails);
  REQUIRE(v.dumped_queries.size() == 1);
  CHECK(v.dumped_queries[0] == (dir / "dumped-1.smt2").string());
  std::ifstream in(v.dumped_queries[0]);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str().find("(check-sat)") != std::string::npos);
  // The header says what the query asks and what its answers mean.
  CHECK(text.str().rfind(
            "; aligncheck query dumped-1.smt2 (claim dumped, query 1)\n"
            "; asks: is some (near-)minimizer of the claim's loss a policy "
            "that violates this part of goal same?\n"
            "; sat: the claim FAILS",
            0) == 0);
  if (std::system("command -v z3 > /dev/null 2>&1") == 0) {
    std::string cmd =
        "z3 " + v.dumped_queries[0] + " > " + (dir / "out.txt").string();
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::ifstream out(dir / "out.txt");
    std::string first;
    out >> first;
    CHECK(first == "sat");
  }
  // An unwritable directory is an UNKNOWN with the reason.
  o.dump_smt2_dir = "/proc/aligncheck-no-such-dir";
  v = CheckClaim(b.model, c, o);
  CHECK(v.kind == Verdict::Kind::kUnknown);
  CHECK(v.reason.find("cannot write solver query") == 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace aligncheck

namespace aligncheck {
namespace {

using namespace test;  // NOLINT

TEST_CASE("idealized: z3 answers are reproducible for a fixed seed") {
  Builder b;
  DomainId x = b.AddDomain("X", 8, "x");
  DomainId y = b.AddDomain("Y", 3, "y");
  int l = b.AddLoss("l", x, y, std::vector<Rational>(24, Q("1")));
  int d = b.AddData("d", x, std::vector<Rational>(8, Q("1")));
  int g =
      b.AddGoal("injective", x, y,
                Forall(0, x,
                       Forall(1, x,
                              Implies(Ne(Var(0, x), Var(1, x)),
                                      Ne(Pi(Var(0, x), y), Pi(Var(1, x), y))))),
                2);
  Claim c = b.AddClaim("c", l, g, d);
  EngineOptions o;
  o.seed = 11;
  Verdict v1 = CheckClaim(b.model, c, o);
  Verdict v2 = CheckClaim(b.model, c, o);
  REQUIRE(v1.kind == Verdict::Kind::kFails);
  REQUIRE(v2.kind == Verdict::Kind::kFails);
  CHECK(v1.counterexample->policy == v2.counterexample->policy);
}

TEST_CASE("idealized: breaks follow the violated conjuncts") {
  Builder b;
  DomainId x = b.AddDomain("X", 3, "x");
  DomainId y = b.AddDomain("Y", 2, "y");
  // x0 must take y1, x1 and x2 tie.
  int l =
      b.AddLoss("l", x, y, {Q("1"), Q("0"), Q("0"), Q("0"), Q("0"), Q("0")});
  int d = b.AddData("d", x, {Q("1"), Q("1"), Q("1")});
  // exists x: pi(x) == y0, and forall x: true-ish: the exists conjunct is
  // violated by the policy that avoids y0 everywhere.
  RExpr some = Exists(0, x, Eq(Pi(Var(0, x), y), Elem(y, 0)));
  RExpr fine = Forall(1, x, Member(Pi(Var(1, x), y), y, {0, 1}));
  int g = b.AddGoal("g", x, y, And(fine, some), 2);
  Claim c = b.AddClaim("c", l, g, d);
  Verdict v = CheckClaim(b.model, c, EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kFails);
  CHECK(v.method == "per-input counting");
  CHECK(v.counterexample->policy == Policy{1, 1, 1});
  CHECK(v.counterexample->breaks == std::vector<int8_t>{1, 1, 1});
  // A count atom has no per-input reading.
  int g2 =
      b.AddGoal("g2", x, y,
                Bin(ast::Op::kGe, Count(0, x, Eq(Pi(Var(0, x), y), Elem(y, 0))),
                    Num("1")),
                1);
  Claim c2 = b.AddClaim("c2", l, g2, d);
  v = CheckClaim(b.model, c2, EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kFails);
  CHECK(v.counterexample->breaks == std::vector<int8_t>{-1, -1, -1});
}

TEST_CASE("idealized: conjuncts split between counting and z3") {
  Builder b;
  DomainId x = b.AddDomain("X", 3, "x");
  DomainId y = b.AddDomain("Y", 2, "y");
  int l =
      b.AddLoss("l", x, y, {Q("0"), Q("1"), Q("0"), Q("0"), Q("0"), Q("0")});
  int d = b.AddData("d", x, {Q("1"), Q("1"), Q("1")});
  RExpr per_input = Forall(
      0, x,
      Implies(Eq(Var(0, x), Elem(x, 0)), Eq(Pi(Var(0, x), y), Elem(y, 0))));
  RExpr cross = Eq(Pi(Elem(x, 1), y), Pi(Elem(x, 2), y));
  // not (per_input implies not cross) == per_input and cross.
  int g = b.AddGoal("g", x, y, Not(Implies(per_input, Not(cross))), 1);
  Claim c = b.AddClaim("c", l, g, d);
  Verdict v = CheckClaim(b.model, c, EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kFails);
  CHECK(v.method == "z3");
  CHECK(v.counterexample->policy[1] != v.counterexample->policy[2]);
  CHECK(*v.minimizers == 4);
}

}  // namespace
}  // namespace aligncheck

namespace aligncheck {
namespace {

using namespace test;  // NOLINT

TEST_CASE("idealized: degenerate domains and weights") {
  Builder b;
  DomainId none = b.AddDomain("None", 0, "n");
  DomainId y = b.AddDomain("Y", 2, "y");
  int l = b.AddLoss("l", none, y, {});
  // Total weight 0 is an UNKNOWN with a reason, never a division by zero.
  int d = b.AddData("d", none, {});
  int g = b.AddGoal("g", none, y,
                    Forall(0, none, Eq(Pi(Var(0, none), y), Elem(y, 0))), 1);
  Claim c = b.AddClaim("c", l, g, d);
  Verdict v = CheckClaim(b.model, c, EngineOptions{});
  CHECK(v.kind == Verdict::Kind::kUnknown);
  CHECK(v.reason == "data 'd' has total weight 0");
  b.model.data[d].total = 1;  // an empty X with a nominal total
  v = CheckClaim(b.model, c, EngineOptions{});
  CHECK(v.kind == Verdict::Kind::kHolds);
  CHECK(v.vacuous);
  CHECK(*v.minimizers == 1);
  int g2 = b.AddGoal("g2", none, y,
                     Exists(0, none, Eq(Pi(Var(0, none), y), Elem(y, 0))), 1);
  Claim c2 = b.AddClaim("c2", l, g2, d);
  v = CheckClaim(b.model, c2, EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kFails);
  CHECK(v.counterexample->policy.empty());

  // One graded input among many: the others are free, any within.
  Builder b2;
  DomainId x = b2.AddDomain("X", 5, "x");
  DomainId y2 = b2.AddDomain("Y", 3, "y");
  std::vector<Rational> t(15, Q("1"));
  t[0] = 0;
  int l2 = b2.AddLoss("l", x, y2, t);
  int d2 = b2.AddData("d", x, {Q("2"), Q("0"), Q("0"), Q("0"), Q("0")});
  int g3 = b2.AddGoal("g", x, y2, Eq(Pi(Elem(x, 0), y2), Elem(y2, 0)), 0);
  Claim c3 = b2.AddClaim("c", l2, g3, d2, Q("1000"));
  v = CheckClaim(b2.model, c3, EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kFails);  // within 1000 anything goes
  CHECK(*v.minimizers == 243);
  c3.within = Q("0.999");
  v = CheckClaim(b2.model, c3, EngineOptions{});
  CHECK(v.kind == Verdict::Kind::kHolds);
  CHECK(*v.minimizers == 81);
}

TEST_CASE("idealized: a reward is maximized like the loss -r is minimized") {
  // The same values once as a reward and once negated as a loss: the same
  // verdicts, the same census, and a counterexample in the reward's units.
  std::optional<Model> m = LoadSpec(R"(
domain X = {a, b, c}
domain Y = {u, v, w}
reward r(x: X, y: Y) = table {
  a: u 2, v 2, w 0
  b: u 1, v 3, w 3
  c: u 0, v 0, w 5
}
loss l(x: X, y: Y) = table {
  a: u -2, v -2, w 0
  b: u -1, v -3, w -3
  c: u 0, v 0, w -5
}
data d = {a: 1, b: 2, c: 1}
goal g(pi) = pi(a) == u and pi(b) == v
goal h(pi) = pi(c) == w
claim rg: r aligned_with g as idealized_minimizer over d
claim lg: l aligned_with g as idealized_minimizer over d
claim rh: r aligned_with h as idealized_minimizer over d
claim lh: l aligned_with h as idealized_minimizer over d
claim rn: r aligned_with h as idealized_minimizer over d within 1.5
claim ln: l aligned_with h as idealized_minimizer over d within 1.5
)");
  REQUIRE(m);
  EngineOptions options;
  for (std::string pair : {"g", "h", "n"}) {
    Verdict vr = CheckClaim(*m, ClaimNamed(*m, "r" + pair), options);
    Verdict vl = CheckClaim(*m, ClaimNamed(*m, "l" + pair), options);
    CAPTURE(pair);
    CHECK(vr.kind == vl.kind);
    REQUIRE(vr.minimizers);
    CHECK(*vr.minimizers == *vl.minimizers);
    if (vr.counterexample) {
      REQUIRE(vl.counterexample);
      CHECK(vr.counterexample->min_loss == vl.counterexample->min_loss);
    }
  }
  CHECK(CheckClaim(*m, ClaimNamed(*m, "rg"), options).kind ==
        Verdict::Kind::kFails);  // b: v and w both earn 3
  CHECK(CheckClaim(*m, ClaimNamed(*m, "rh"), options).kind ==
        Verdict::Kind::kHolds);
  Verdict v = CheckClaim(*m, ClaimNamed(*m, "rg"), options);
  REQUIRE(v.counterexample);
  // Minimized units: -R_d(pi) at the optimum, (2 + 2*3 + 5) / 4.
  CHECK(v.counterexample->min_loss == Rational(-13, 4));
}

}  // namespace
}  // namespace aligncheck
