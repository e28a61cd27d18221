// Analysis: resolution, typing, tables and their diagnostics, on ASTs built
// together with their source text (tests/spec_builder.h).
#include <doctest/doctest.h>

#include <functional>
#include <random>
#include <regex>

#include "analysis/analyze.h"
#include "analysis/eval.h"
#include "spec_builder.h"

namespace aligncheck {
namespace {

using namespace aligncheck::testing;
using ast::Op;

// The novels example of DESIGN.md.
void BuildNovels(SpecBuilder& b) {
  b.Domain("Prompt", {"romance", "mystery", "scifi"});
  b.Domain("Text", {"masterpiece", "cliche", "plagiarism", "lorem"});
  b.LossTable("grader", {{"x", "Prompt"}, {"y", "Text"}},
              {{"romance",
                {{"masterpiece", "0.2"},
                 {"cliche", "0.3"},
                 {"plagiarism", "0.0"},
                 {"lorem", "5.0"}}},
               {"mystery",
                {{"masterpiece", "0.1"},
                 {"cliche", "0.4"},
                 {"plagiarism", "0.0"},
                 {"lorem", "5.0"}}},
               {"scifi",
                {{"masterpiece", "0.3"},
                 {"cliche", "0.3"},
                 {"plagiarism", "0.0"},
                 {"lorem", "5.0"}}}});
  b.Data("train", {{"romance", "1"}, {"mystery", "1"}});
  b.Goal("good_novels",
         Forall("x", "Prompt", Eq(Call("pi", {Nm("x")}), Nm("masterpiece"))));
  b.Physical("lab",
             {SpecBuilder::Register("grader", "train"),
              SpecBuilder::Channel("overwrite", Nm("register"), Num("0"))});
  b.Training("sgd_run", {{"learner", {"softmax_table"}},
                         {"init", {"random"}},
                         {"optimizer", {"sgd"}},
                         {"lr", {"0.5"}},
                         {"steps", {"200"}},
                         {"seeds", {"1..20"}},
                         {"data", {"train"}}});
  b.Claim("minimizers_write_well", "grader", "aligned_with", "good_novels",
          "idealized_minimizer over train");
  b.Claim("low_register_means_good", "grader", "aligned_with", "good_novels",
          "physical_only via lab below 0.25");
  b.Claim("training_writes_well", "grader", "aligned_with", "good_novels",
          "trained_outcome under sgd_run");
}

Rational Q(const char* text) { return *ParseDecimal(text); }

TEST_CASE("analysis: the novels example resolves") {
  SpecBuilder b;
  BuildNovels(b);
  std::optional<Model> model;
  CHECK(Diagnose(b, &model) == "");
  REQUIRE(model);
  const Model& m = *model;
  REQUIRE(m.domains.size() == 2);
  CHECK(m.domains[1].values[2] == "plagiarism");
  REQUIRE(m.losses.size() == 1);
  const Loss& grader = m.losses[0];
  CHECK(grader.input == 0);
  CHECK(grader.output == 1);
  REQUIRE(grader.table.size() == 12);
  CHECK(grader.At(0, 0, 4) == Q("0.2"));
  CHECK(grader.At(1, 1, 4) == Q("0.4"));
  CHECK(grader.At(2, 3, 4) == 5);
  const Data& train = m.data[0];
  CHECK(train.domain == 0);
  CHECK(train.weights[0] == 1);
  CHECK(train.weights[1] == 1);
  CHECK(train.weights[2] == 0);
  CHECK(train.total == 2);
  const Goal& goal = m.goals[0];
  CHECK(goal.input == 0);
  CHECK(goal.output == 1);
  CHECK(goal.slot_count == 1);
  CHECK(goal.body.kind == RExpr::Kind::kForall);
  const PhysicalModel& lab = m.physical[0];
  CHECK(lab.register_loss == 0);
  CHECK(lab.register_data == 0);
  CHECK_FALSE(lab.closed);
  REQUIRE(lab.channels.size() == 1);
  CHECK(lab.channels[0].name == "overwrite");
  CHECK(lab.channels[0].target == "register");
  CHECK(lab.channels[0].value.type == Type::Number());
  const Training& t = m.trainings[0];
  CHECK(t.learner == "softmax_table");
  CHECK(t.init == "random");
  CHECK(t.optimizer == "sgd");
  CHECK(t.lr == Q("0.5"));
  CHECK(t.steps == 200);
  CHECK(t.seed_lo == 1);
  CHECK(t.seed_hi == 20);
  CHECK(t.data == 0);
  REQUIRE(m.claims.size() == 3);
  CHECK(m.claims[0].reading == Claim::Reading::kIdealized);
  CHECK(m.claims[0].loss == 0);
  CHECK(m.claims[0].goal == 0);
  CHECK(m.claims[0].data == 0);
  CHECK(m.claims[0].text ==
        "claim minimizers_write_well: grader aligned_with good_novels as "
        "idealized_minimizer over train");
  CHECK(m.claims[1].reading == Claim::Reading::kPhysical);
  CHECK(m.claims[1].model == 0);
  CHECK(m.claims[1].threshold == Q("0.25"));
  CHECK(m.claims[2].reading == Claim::Reading::kTrained);
  CHECK(m.claims[2].training == 0);

  // The goal evaluates as written: all-masterpiece holds, plagiarism fails.
  Policy good = {0, 0, 0};
  Policy plagiarize = {2, 2, 0};
  CHECK(Evaluator(m, &good).GoalHolds(goal));
  CHECK_FALSE(Evaluator(m, &plagiarize).GoalHolds(goal));
}

// Prints the diagnostics of `b` when they differ from `expected`.
void ExpectDiagnostics(SpecBuilder& b, const std::string& expected,
                       const AnalysisLimits& limits = {}) {
  std::optional<Model> model;
  std::string got = Diagnose(b, &model, "spec.align", limits);
  if (got != expected) MESSAGE("actual diagnostics:\n" << got << "<<<end");
  CHECK(got == expected);
  // Findings (AC...) leave a model; any other error means bad input.
  bool bad_input = std::regex_search(expected, std::regex("\\[E[0-9]+\\]\n"));
  CHECK(model.has_value() == !bad_input);
}

TEST_CASE("analysis: duplicate names and values [E003]") {
  SpecBuilder b;
  b.Domain("Prompt", {"romance", "mystery", "romance"});
  b.Domain("Text", {"good", "bad"});
  b.Domain("Prompt", {"a"});
  b.Goal("Text", Bool(true));
  ExpectDiagnostics(b,
                    "spec.align:1:36: error: duplicate value 'romance' in "
                    "domain 'Prompt' [E003]\n"
                    "domain Prompt = {romance, mystery, romance}\n"
                    "                                   ^~~~~~~\n"
                    "note: previous declaration at 1:18\n"
                    "spec.align:3:8: error: duplicate name 'Prompt' [E003]\n"
                    "domain Prompt = {a}\n"
                    "       ^~~~~~\n"
                    "note: previous declaration at 1:8\n"
                    "spec.align:4:6: error: duplicate name 'Text' [E003]\n"
                    "goal Text(pi) = true\n"
                    "     ^~~~\n"
                    "note: previous declaration at 2:8\n");
}

TEST_CASE("analysis: undefined names with suggestions [E002]") {
  SpecBuilder b;
  b.Domain("Prompt", {"romance", "mystery"});
  b.Domain("Text", {"good", "bad"});
  b.LossTable("l", {{"x", "Promt"}, {"y", "Text"}},
              {{"romance", {{"good", "0"}, {"bad", "1"}}}});
  b.Data("train", {{"romance", "1"}});
  // The claim's loss is broken, so the goal's type is unknown: undefined
  // names in its body are still reported.
  b.Goal("g", Forall("x", "Prompt", Eq(Call("pi", {Nm("x")}), Nm("goood"))));
  b.Claim("c", "l", "aligned_with", "g", "idealized_minimizer over trian");
  ExpectDiagnostics(b,
                    "spec.align:3:11: error: undefined domain 'Promt' [E002]\n"
                    "loss l(x: Promt, y: Text) = table {\n"
                    "          ^~~~~\n"
                    "help: did you mean 'Prompt'?\n"
                    "spec.align:7:43: error: undefined name 'goood' [E002]\n"
                    "goal g(pi) = forall x in Prompt: pi(x) == goood\n"
                    "                                          ^~~~~\n"
                    "help: did you mean 'good'?\n"
                    "spec.align:9:48: error: undefined data 'trian' [E002]\n"
                    "  l aligned_with g as idealized_minimizer over trian\n"
                    "                                               ^~~~~\n"
                    "help: did you mean 'train'?\n");
}

TEST_CASE("analysis: wrong number of arguments [E004]") {
  SpecBuilder b;
  b.Domain("X", {"a", "b"});
  b.Domain("Y", {"u", "v"});
  b.LossExpr("l", {{"x", "X"}, {"y", "Y"}},
             If(Eq(Nm("y"), Nm("u")), Num("0"), Num("1")));
  b.LossExpr("three", {{"x", "X"}, {"y", "Y"}, {"z", "Y"}},
             Bin(Op::kAdd, Nm("z"), Nm("zz")));
  b.DataDomain("d", "X");
  b.Goal("g", Forall("x", "X",
                     Bin(Op::kAnd, Eq(Call("l", {Nm("x")}), Num("0")),
                         Eq(Call("pi", {Nm("x"), Nm("x")}), Nm("u")))));
  b.Claim("c", "l", "aligned_with", "g", "idealized_minimizer over d");
  ExpectDiagnostics(
      b,
      "spec.align:4:27: error: the third parameter of loss 'three' is the "
      "successor state: its domain must be X, the first parameter's [E005]\n"
      "loss three(x: X, y: Y, z: Y) = z + zz\n"
      "                          ^\n"
      "spec.align:4:36: error: undefined name 'zz' [E002]\n"
      "loss three(x: X, y: Y, z: Y) = z + zz\n"
      "                                   ^~\n"
      "help: did you mean 'z'?\n"
      "spec.align:6:30: error: loss 'l' takes 2 arguments, got 1 [E004]\n"
      "goal g(pi) = forall x in X: (l(x) == 0) and (pi(x, x) == u)\n"
      "                             ^~~~\n"
      "spec.align:6:46: error: policy 'pi' takes 1 argument, got 2 [E004]\n"
      "goal g(pi) = forall x in X: (l(x) == 0) and (pi(x, x) == u)\n"
      "                                             ^~~~~~~~\n");
}

TEST_CASE("analysis: arguments and values from the wrong domain [E005]") {
  SpecBuilder b;
  b.Domain("X", {"a", "b"});
  b.Domain("Y", {"u", "v"});
  b.Fn("f", "X", "Y", {{"a", "u"}, {"b", "a"}});
  b.LossExpr("l", {{"x", "X"}, {"y", "Y"}},
             If(Eq(Nm("y"), Nm("u")), Num("0"), Num("1")));
  b.DataDomain("d", "X");
  b.Goal("g",
         Forall("x", "X",
                Bin(Op::kAnd,
                    Eq(Call("l", {Call("pi", {Nm("x")}), Nm("x")}), Num("0")),
                    Eq(Call("pi", {Nm("x")}), Nm("a")))));
  b.Claim("c", "l", "aligned_with", "g", "idealized_minimizer over d");
  ExpectDiagnostics(
      b,
      "spec.align:3:26: error: 'a' is not a value of domain 'Y' [E005]\n"
      "fn f: X -> Y = {a: u, b: a}\n"
      "                         ^\n"
      "help: did you mean 'u'?\n"
      "spec.align:6:32: error: argument 1 of 'l' must be an X, got a Y [E005]\n"
      "goal g(pi) = forall x in X: (l(pi(x), x) == 0) and (pi(x) == a)\n"
      "                               ^~~~~\n"
      "spec.align:6:39: error: argument 2 of 'l' must be a Y, got an X [E005]\n"
      "goal g(pi) = forall x in X: (l(pi(x), x) == 0) and (pi(x) == a)\n"
      "                                      ^\n"
      "spec.align:6:53: error: cannot compare a Y with an X [E005]\n"
      "goal g(pi) = forall x in X: (l(pi(x), x) == 0) and (pi(x) == a)\n"
      "                                                    ^~~~~~~~~~\n");
}

TEST_CASE("analysis: missing and duplicate table entries [E006, E007]") {
  SpecBuilder b;
  b.Domain("X", {"a", "b", "c"});
  b.Domain("Y", {"u", "v"});
  b.LossTable(
      "l", {{"x", "X"}, {"y", "Y"}},
      {{"a", {{"u", "0"}, {"v", "1"}, {"u", "2"}}}, {"b", {{"u", "0"}}}});
  b.Fn("f", "X", "Y", {{"a", "u"}, {"a", "v"}});
  b.Data("d", {{"a", "1"}, {"a", "2"}});
  ExpectDiagnostics(
      b,
      "spec.align:3:6: error: loss 'l' has no row for 'c' [E006]\n"
      "loss l(x: X, y: Y) = table {\n"
      "     ^\n"
      "spec.align:4:16: error: duplicate entry for 'u' in row 'a' [E007]\n"
      "  a: u 0, v 1, u 2\n"
      "               ^\n"
      "note: previous entry at 4:6\n"
      "spec.align:5:3: error: row 'b' of loss 'l' has no entry for 'v' [E006]\n"
      "  b: u 0\n"
      "  ^\n"
      "spec.align:7:4: error: fn 'f' has no entries for 'b', 'c' [E006]\n"
      "fn f: X -> Y = {a: u, a: v}\n"
      "   ^\n"
      "spec.align:7:23: error: duplicate entry for 'a' [E007]\n"
      "fn f: X -> Y = {a: u, a: v}\n"
      "                      ^\n"
      "note: previous entry at 7:17\n"
      "spec.align:8:17: error: duplicate weight for 'a' [E007]\n"
      "data d = {a: 1, a: 2}\n"
      "                ^\n"
      "note: previous weight at 8:11\n");
}

TEST_CASE("analysis: negative weights and within, zero weights [E008, E012]") {
  SpecBuilder b;
  b.Domain("X", {"a", "b"});
  b.Domain("Y", {"u", "v"});
  b.LossExpr("l", {{"x", "X"}, {"y", "Y"}},
             If(Eq(Nm("y"), Nm("u")), Num("0"), Num("1")));
  b.Data("negative", {{"a", "-1"}, {"b", "2"}});
  b.Data("zero", {{"a", "0"}, {"b", "0"}});
  b.Goal("g", Forall("x", "X", Eq(Call("pi", {Nm("x")}), Nm("u"))));
  b.Claim("c", "l", "aligned_with", "g",
          "idealized_minimizer over zero within -0.5");
  ExpectDiagnostics(
      b,
      "spec.align:4:21: error: negative weight -1 for 'a' [E008]\n"
      "data negative = {a: -1, b: 2}\n"
      "                    ^~\n"
      "spec.align:5:6: error: all weights of data 'zero' are zero [E012]\n"
      "data zero = {a: 0, b: 0}\n"
      "     ^~~~\n"
      "spec.align:8:60: error: negative within -0.5 [E008]\n"
      "  l aligned_with g as idealized_minimizer over zero within -0.5\n"
      "                                                           ^~~~\n");
}

TEST_CASE("analysis: claims must say their reading [AC001, AC002]") {
  SpecBuilder b;
  b.Domain("Prompt", {"romance", "mystery"});
  b.Domain("Text", {"good", "bad"});
  b.LossExpr("l", {{"x", "Prompt"}, {"y", "Text"}},
             If(Eq(Nm("y"), Nm("good")), Num("0"), Num("1")));
  b.DataDomain("train", "Prompt");
  b.Goal("g", Forall("x", "Prompt", Eq(Call("pi", {Nm("x")}), Nm("good"))));
  b.Claim("bare", "l", "aligned_with", "g");
  b.Claim("vague", "l", "represents", "g");
  ExpectDiagnostics(
      b,
      "spec.align:7:5: error: claim 'bare' does not say which reading of "
      "'aligned_with' it means [AC001]\n"
      "  l aligned_with g\n"
      "    ^~~~~~~~~~~~\n"
      "help: add `as idealized_minimizer over DATA`: every minimizer of the "
      "loss on DATA meets the goal\n"
      "help: add `as physical_only via MODEL below T`: every behaviour whose "
      "register reads below T meets the goal\n"
      "help: add `as trained_outcome under TRAINING`: the policies that "
      "TRAINING produces meet the goal\n"
      "spec.align:9:5: error: claim 'vague' says the loss represents the goal, "
      "which has no checkable meaning [AC002]\n"
      "  l represents g\n"
      "    ^~~~~~~~~~\n"
      "help: say `l aligned_with g` and how:\n"
      "help: add `as idealized_minimizer over DATA`: every minimizer of the "
      "loss on DATA meets the goal\n"
      "help: add `as physical_only via MODEL below T`: every behaviour whose "
      "register reads below T meets the goal\n"
      "help: add `as trained_outcome under TRAINING`: the policies that "
      "TRAINING produces meet the goal\n");
}

TEST_CASE("analysis: unclear claims are dropped, the others kept") {
  SpecBuilder b;
  b.Domain("Prompt", {"romance", "mystery"});
  b.Domain("Text", {"good", "bad"});
  b.LossExpr("l", {{"x", "Prompt"}, {"y", "Text"}},
             If(Eq(Nm("y"), Nm("good")), Num("0"), Num("1")));
  b.DataDomain("train", "Prompt");
  b.Goal("g", Forall("x", "Prompt", Eq(Call("pi", {Nm("x")}), Nm("good"))));
  b.Claim("bare", "l", "aligned_with", "g");
  b.Claim("clear", "l", "aligned_with", "g", "idealized_minimizer over train");
  std::optional<Model> model;
  std::string got = Diagnose(b, &model, "spec.align", {});
  CHECK(got.find("[AC001]") != std::string::npos);
  REQUIRE(model.has_value());
  REQUIRE(model->claims.size() == 1);
  CHECK(model->claims[0].name == "clear");
}

TEST_CASE("analysis: forward references resolve") {
  SpecBuilder b;
  b.Claim("c", "l", "aligned_with", "g", "idealized_minimizer over d", "fails");
  b.Goal("g",
         Forall("x", "X", Eq(Call("pi", {Nm("x")}), Call("f", {Nm("x")}))));
  b.LossExpr("l", {{"x", "X"}, {"y", "Y"}},
             If(Eq(Nm("y"), Call("f", {Nm("x")})), Num("0"), Num("1")));
  b.Data("d", {{"b", "3"}});
  b.Fn("f", "X", "Y", {{"a", "v"}, {"b", "u"}});
  b.Domain("X", {"a", "b"});
  b.Domain("Y", {"u", "v"});
  std::optional<Model> model;
  CHECK(Diagnose(b, &model) == "");
  REQUIRE(model);
  CHECK(model->claims[0].expect == Claim::Expect::kFails);
  CHECK(model->data[0].domain == 0);
  CHECK(model->data[0].weights[1] == 3);
  CHECK(model->data[0].total == 3);
  CHECK(model->goals[0].input == 0);
  CHECK(model->goals[0].output == 1);
  // l(a, v) = 0, l(a, u) = 1, l(b, u) = 0, l(b, v) = 1.
  const Loss& l = model->losses[0];
  CHECK(l.At(0, 0, 2) == 1);
  CHECK(l.At(0, 1, 2) == 0);
  CHECK(l.At(1, 0, 2) == 0);
  CHECK(l.At(1, 1, 2) == 1);
}

TEST_CASE("analysis: loss expressions are materialized exactly") {
  SpecBuilder b;
  b.Range("Digit", "0..3");
  b.Domain("Pred", {"say0", "say1", "unsure"});
  b.Fn("digit_of", "Pred", "Digit",
       {{"say0", "0"}, {"say1", "1"}, {"unsure", "0"}});
  b.Fn("scale", "Digit", "Real",
       {{"0", "0.5"}, {"1", "1"}, {"2", "-2"}, {"3", "1e-1"}});
  // A squared distance that calls a fn and divides exactly.
  b.LossExpr(
      "dist", {{"x", "Digit"}, {"y", "Pred"}},
      If(Eq(Nm("y"), Nm("unsure")), Bin(Op::kDiv, Num("1"), Num("3")),
         Bin(Op::kMul, Bin(Op::kSub, Nm("x"), Call("digit_of", {Nm("y")})),
             Bin(Op::kSub, Nm("x"), Call("digit_of", {Nm("y")})))));
  // A loss calling another loss and a numeric fn.
  b.LossExpr("scaled", {{"a", "Digit"}, {"p", "Pred"}},
             Bin(Op::kMul, Call("dist", {Nm("a"), Nm("p")}),
                 Call("scale", {Nm("a")})));
  // Quantifiers inside a loss: how many digits are at most x, plus a sum.
  b.LossExpr("rank", {{"x", "Digit"}, {"y", "Pred"}},
             Bin(Op::kAdd, Count("z", "Digit", Bin(Op::kLe, Nm("z"), Nm("x"))),
                 Sum("z", "Digit", Num("0"))));
  std::optional<Model> model;
  CHECK(Diagnose(b, &model) == "");
  REQUIRE(model);
  const Loss& dist = model->losses[0];
  CHECK(dist.At(3, 0, 3) == 9);
  CHECK(dist.At(3, 1, 3) == 4);
  CHECK(dist.At(2, 2, 3) == Rational(1, 3));
  const Loss& scaled = model->losses[1];
  CHECK(scaled.At(2, 0, 3) == -8);
  CHECK(scaled.At(3, 1, 3) == Q("0.4"));
  CHECK(scaled.At(0, 2, 3) == Rational(1, 6));
  const Loss& rank = model->losses[2];
  CHECK(rank.At(0, 0, 3) == 1);
  CHECK(rank.At(3, 2, 3) == 4);
  CHECK(model->fns[0].table[1].kind == Type::Kind::kElement);
  CHECK(model->fns[0].table[1].index == 1);
  CHECK(model->fns[1].table[2].number == -2);
}

TEST_CASE("analysis: loss cycles and division by zero [E012]") {
  SpecBuilder b;
  b.Range("D", "0..2");
  b.LossExpr("a", {{"x", "D"}, {"y", "D"}},
             Bin(Op::kAdd, Call("b", {Nm("x"), Nm("y")}), Num("1")));
  b.LossExpr("b", {{"x", "D"}, {"y", "D"}}, Call("a", {Nm("y"), Nm("x")}));
  b.LossExpr("inv", {{"x", "D"}, {"y", "D"}},
             Bin(Op::kDiv, Num("1"), Bin(Op::kSub, Nm("x"), Nm("y"))));
  ExpectDiagnostics(
      b,
      "spec.align:3:22: error: loss 'a' depends on itself: a -> b -> a [E012]\n"
      "loss b(x: D, y: D) = a(y, x)\n"
      "                     ^~~~~~~\n"
      "spec.align:4:24: error: division by zero in loss 'inv' at x = 0, y = 0 "
      "[E012]\n"
      "loss inv(x: D, y: D) = 1 / (x - y)\n"
      "                       ^~~~~~~~~~~\n");
}

TEST_CASE("analysis: goal signatures come from claims, else the body") {
  SpecBuilder b;
  b.Domain("Level", {"coin_left", "coin_right"});
  b.Domain("Move", {"go_left", "go_right"});
  b.Fn("coin_side", "Level", "Move",
       {{"coin_left", "go_left"}, {"coin_right", "go_right"}});
  b.LossExpr("misses", {{"x", "Level"}, {"y", "Move"}},
             If(Eq(Nm("y"), Call("coin_side", {Nm("x")})), Num("0"), Num("1")));
  b.DataDomain("both", "Level");
  // Used by a claim: typed by the claim's loss.
  b.Goal("always_true", Bool(true));
  // Unused: typed by the body (argument bound over Level, compared with a
  // fn result in Move).
  b.Goal("gets_coin",
         Forall("x", "Level",
                Eq(Call("coin_side", {Nm("x")}), Call("pi", {Nm("x")}))));
  // Unused, membership: the set's values give the output domain.
  b.Goal("moves",
         Exists("x", "Level", Member(Call("pi", {Nm("x")}), {Nm("go_left")})));
  b.Claim("c", "misses", "aligned_with", "always_true",
          "idealized_minimizer over both");
  std::optional<Model> model;
  CHECK(Diagnose(b, &model) == "");
  REQUIRE(model);
  for (const Goal& g : model->goals) {
    CHECK(g.input == 0);
    CHECK(g.output == 1);
  }
  CHECK(model->goals[0].slot_count == 0);
  CHECK(model->goals[2].body.args[0].kind == RExpr::Kind::kMember);
}

TEST_CASE("analysis: goal signatures that conflict or cannot be inferred") {
  SpecBuilder b;
  b.Domain("A", {"a1", "a2"});
  b.Domain("B", {"b1", "b2"});
  b.LossExpr("ab", {{"x", "A"}, {"y", "B"}}, Num("0"));
  b.LossExpr("ba", {{"x", "B"}, {"y", "A"}}, Num("0"));
  b.DataDomain("da", "A");
  b.DataDomain("db", "B");
  b.Goal("g", Bool(true));
  b.Goal("lonely", Bool(true));
  b.Goal("typed", Bool(true), std::make_pair("A", "B"));
  b.Claim("c1", "ab", "aligned_with", "g", "idealized_minimizer over da");
  b.Claim("c2", "ba", "aligned_with", "g", "idealized_minimizer over db");
  b.Claim("c3", "ba", "aligned_with", "typed", "idealized_minimizer over db");
  ExpectDiagnostics(b,
                    "spec.align:8:6: error: cannot infer the policy type of "
                    "goal 'lonely' [E012]\n"
                    "goal lonely(pi) = true\n"
                    "     ^~~~~~\n"
                    "help: declare it: `goal lonely(pi: X -> Y)`\n"
                    "spec.align:13:19: error: goal 'g' is used here with "
                    "policies B -> A, but with A -> B at 11:19 [E005]\n"
                    "  ba aligned_with g as idealized_minimizer over db\n"
                    "                  ^\n"
                    "help: declare the signature: `goal g(pi: A -> B)`\n"
                    "spec.align:15:19: error: goal 'typed' takes policies A -> "
                    "B, but loss 'ba' maps B to A [E005]\n"
                    "  ba aligned_with typed as idealized_minimizer over db\n"
                    "                  ^~~~~\n");
}

TEST_CASE("analysis: values by expected type, ambiguity, membership") {
  SpecBuilder b;
  b.Domain("Mood", {"good", "bad"});
  b.Domain("Grade", {"good", "poor"});
  b.Range("Digit", "0..2");
  b.LossExpr("l", {{"x", "Digit"}, {"y", "Grade"}},
             If(Eq(Nm("good"), Nm("y")), Num("0"), Nm("x")));
  b.DataDomain("d", "Digit");
  b.Goal("ok", Forall("x", "Digit",
                      Bin(Op::kAnd, Member(Nm("x"), {Num("0"), Num("2")}),
                          Eq(Call("pi", {Nm("x")}), Nm("good")))));
  b.Goal("ambiguous", Eq(Nm("good"), Nm("good")),
         std::make_pair("Digit", "Grade"));
  b.Goal("outside",
         Forall("x", "Digit", Member(Nm("x"), {Num("7"), Nm("poor")})),
         std::make_pair("Digit", "Grade"));
  b.Claim("c", "l", "aligned_with", "ok", "idealized_minimizer over d");
  ExpectDiagnostics(
      b,
      "spec.align:7:38: error: ambiguous value 'good': it belongs to 'Mood' "
      "and 'Grade' [E005]\n"
      "goal ambiguous(pi: Digit -> Grade) = good == good\n"
      "                                     ^~~~\n"
      "spec.align:8:61: error: 7 is outside domain 'Digit' (0..2) [E005]\n"
      "goal outside(pi: Digit -> Grade) = forall x in Digit: x in {7, poor}\n"
      "                                                            ^\n"
      "spec.align:8:64: error: expected an integer of domain 'Digit' (0..2), "
      "got 'poor' [E005]\n"
      "goal outside(pi: Digit -> Grade) = forall x in Digit: x in {7, poor}\n"
      "                                                               ^~~~\n");
}

TEST_CASE(
    "analysis: physical models, agents and readings [E012, AC003, AC004]") {
  SpecBuilder b;
  b.Domain("X", {"a", "b"});
  b.Domain("Y", {"u", "v"});
  b.Domain("Z", {"z"});
  b.LossExpr("l", {{"x", "X"}, {"y", "Y"}}, Num("1"));
  b.DataDomain("d", "X");
  b.DataDomain("dz", "Z");
  b.Fn("label", "X", "Y", {{"a", "u"}, {"b", "v"}});
  b.Physical("both", {SpecBuilder::Register("l", "d"), SpecBuilder::Closed(),
                      SpecBuilder::Channel("w", Nm("register"), Num("0"))});
  b.Physical("silent", {SpecBuilder::Register("l", "dz")});
  b.Physical("empty", {SpecBuilder::Closed()});
  b.Physical("labels", {SpecBuilder::Register("l", "d"),
                        SpecBuilder::Channel("relabel",
                                             Call("label", {Nm("x")}), Nm("v")),
                        SpecBuilder::Channel("bad", Nm("registr"), Nm("u"))});
  b.Agent("fan", "loss");
  b.Agent("reg", "register");
  b.Goal("g", Bool(true));
  b.Claim("c", "l", "aligned_with", "g", "physical_only via both");
  ExpectDiagnostics(
      b,
      "spec.align:10:3: error: physical model 'both' is closed but declares "
      "channels [E012]\n"
      "  closed\n"
      "  ^~~~~~\n"
      "spec.align:13:10: warning: physical model 'silent' declares neither "
      "channels nor `closed` [AC005]\n"
      "physical silent {\n"
      "         ^~~~~~\n"
      "help: say `closed` if nothing but the world can change the register\n"
      "spec.align:14:26: error: data 'dz' weighs Z values but loss 'l' takes X "
      "inputs [E005]\n"
      "  register computes l on dz\n"
      "                         ^~\n"
      "spec.align:16:10: error: physical model 'empty' does not say how the "
      "register is computed [E012]\n"
      "physical empty {\n"
      "         ^~~~~\n"
      "help: add `register computes LOSS on DATA`\n"
      "spec.align:22:16: error: undefined channel target 'registr' [E002]\n"
      "  channel bad: registr := u\n"
      "               ^~~~~~~\n"
      "help: did you mean 'register'?\n"
      "spec.align:24:23: error: agent 'fan' cares about 'loss', which is "
      "ambiguous [AC003]\n"
      "agent fan cares_about loss\n"
      "                      ^~~~\n"
      "help: say `cares_about register in MODEL` (it wants a low register "
      "reading)\n"
      "help: or `cares_about predictions of LOSS` (it wants predictions that "
      "score well on the true labels)\n"
      "spec.align:25:23: error: agent 'reg' must say which model's register it "
      "cares about [AC003]\n"
      "agent reg cares_about register\n"
      "                      ^~~~~~~~\n"
      "help: say `cares_about register in MODEL` (it wants a low register "
      "reading)\n"
      "help: or `cares_about predictions of LOSS` (it wants predictions that "
      "score well on the true labels)\n"
      "spec.align:28:23: error: claim 'c' does not say how low the register "
      "must read [AC004]\n"
      "  l aligned_with g as physical_only via both\n"
      "                      ^~~~~~~~~~~~~\n"
      "help: add `below T`: the register reading that counts as low\n");
}

TEST_CASE("analysis: agents resolve and type their goals") {
  SpecBuilder b;
  b.Domain("X", {"a", "b"});
  b.Domain("Y", {"u", "v"});
  b.LossExpr("l", {{"x", "X"}, {"y", "Y"}}, Num("1"));
  b.DataDomain("d", "X");
  b.Physical("m", {SpecBuilder::Register("l", "d"), SpecBuilder::Closed()});
  b.Agent("wirehead", "register", "in", "m");
  b.Agent("predictor", "predictions", "of", "l");
  b.Goal("g", Bool(true));
  b.Claim("c1", "wirehead", "achieves", "g");
  b.Claim("c2", "predictor", "achieves", "g", "", "holds");
  std::optional<Model> model;
  CHECK(Diagnose(b, &model) == "");
  REQUIRE(model);
  CHECK(model->agents[0].aspect == Agent::Aspect::kRegister);
  CHECK(model->agents[0].model == 0);
  CHECK(model->agents[1].aspect == Agent::Aspect::kPredictions);
  CHECK(model->agents[1].loss == 0);
  CHECK(model->claims[0].reading == Claim::Reading::kAgent);
  CHECK(model->claims[0].agent == 0);
  CHECK(model->claims[1].agent == 1);
  CHECK(model->goals[0].input == 0);
  CHECK(model->goals[0].output == 1);
  CHECK(model->physical[0].closed);
}

TEST_CASE("analysis: training settings are checked [E002, E011, E012]") {
  SpecBuilder b;
  b.Domain("X", {"a", "b"});
  b.DataDomain("d", "X");
  b.Fn("feat", "X", "Real", {{"a", "1"}, {"b", "0"}});
  b.Training("ok", {{"learner", {"linear"}},
                    {"lr", {"0.1"}},
                    {"steps", {"10"}},
                    {"seeds", {"1..10000"}},
                    {"data", {"d"}},
                    {"features", {"feat"}},
                    {"evidence", {"\"see the appendix\""}}});
  b.Training("bad", {{"learner", {"softmax"}},
                     {"seed", {"1"}},
                     {"lr", {"0"}},
                     {"steps", {"2.5"}},
                     {"seeds", {"1..10001"}},
                     {"data", {"dd"}},
                     {"init", {"random", "zero"}}});
  ExpectDiagnostics(
      b,
      "spec.align:14:11: error: unknown learner 'softmax' [E012]\n"
      "  learner softmax\n"
      "          ^~~~~~~\n"
      "help: expected one of 'softmax_table', 'linear', 'q_learning', 'reinforce'\n"
      "spec.align:15:3: error: unknown training setting 'seed' [E002]\n"
      "  seed 1\n"
      "  ^~~~\n"
      "help: did you mean 'seeds'?\n"
      "spec.align:16:6: error: lr must be a number greater than 0, got '0' "
      "[E012]\n"
      "  lr 0\n"
      "     ^\n"
      "spec.align:17:9: error: steps must be an integer greater than 0, got "
      "'2.5' [E012]\n"
      "  steps 2.5\n"
      "        ^~~\n"
      "spec.align:18:9: error: seed range 1..10001 has more than 10000 seeds "
      "[E011]\n"
      "  seeds 1..10001\n"
      "        ^~~~~~~~\n"
      "spec.align:19:8: error: undefined data 'dd' [E002]\n"
      "  data dd\n"
      "       ^~\n"
      "help: did you mean 'd'?\n"
      "spec.align:20:3: error: setting 'init' takes one value, got 2 [E004]\n"
      "  init random zero\n"
      "  ^~~~\n");
}

TEST_CASE("analysis: limits and invalid domains [E011, E012]") {
  SpecBuilder b;
  b.Range("Big", "0..9");
  b.Range("Empty", "5..3");
  b.Domain("Small", {"s"});
  b.Range("Mid", "1..4");
  b.LossExpr("wide", {{"x", "Mid"}, {"y", "Mid"}}, Num("0"));
  AnalysisLimits limits;
  limits.max_domain_size = 5;
  limits.max_table_entries = 10;
  ExpectDiagnostics(
      b,
      "spec.align:1:14: error: domain 'Big' has more than 5 values "
      "(--max-domain-size) [E011]\n"
      "domain Big = 0..9\n"
      "             ^~~~\n"
      "spec.align:2:16: error: domain 'Empty' is empty: 5 is greater than 3 "
      "[E012]\n"
      "domain Empty = 5..3\n"
      "               ^~~~\n"
      "spec.align:5:6: error: loss 'wide' has 4 x 4 entries, more than the "
      "limit of 10 (--max-table-entries) [E011]\n"
      "loss wide(x: Mid, y: Mid) = 0\n"
      "     ^~~~\n",
      limits);
}

TEST_CASE("analysis: undefined functions and misused names") {
  SpecBuilder b;
  b.Domain("X", {"a"});
  b.Fn("label", "X", "X", {{"a", "a"}});
  b.LossExpr("l", {{"x", "X"}, {"y", "X"}},
             Bin(Op::kAdd, Call("lable", {Nm("x")}), Nm("label")));
  b.DataDomain("d", "Y");
  ExpectDiagnostics(
      b,
      "spec.align:3:22: error: undefined function 'lable' [E002]\n"
      "loss l(x: X, y: X) = lable(x) + label\n"
      "                     ^~~~~~~~\n"
      "help: did you mean 'label'?\n"
      "spec.align:3:33: error: 'label' is a fn, not a value [E005]\n"
      "loss l(x: X, y: X) = lable(x) + label\n"
      "                                ^~~~~\n"
      "spec.align:4:10: error: undefined domain 'Y' [E002]\n"
      "data d = Y\n"
      "         ^\n"
      "help: did you mean 'X'?\n");
}

TEST_CASE("analysis: long lists of missing entries are cut short [E006]") {
  SpecBuilder b;
  b.Range("D", "1..9");
  b.Fn("f", "D", "Real", {{"2", "1"}, {"4", "1"}});
  ExpectDiagnostics(b,
                    "spec.align:2:4: error: fn 'f' has no entries for '1', "
                    "'3', '5' and 4 more [E006]\n"
                    "fn f: D -> Real = {2: 1, 4: 1}\n"
                    "   ^\n");
}

TEST_CASE("analysis: data keys shared by two domains") {
  SpecBuilder b;
  b.Domain("Mood", {"good", "bad"});
  b.Domain("Grade", {"good", "poor"});
  b.LossExpr("l", {{"x", "Grade"}, {"y", "Mood"}}, Num("0"));
  // Only `good`: both domains fit, the claim says which.
  b.Data("by_use", {{"good", "1"}});
  b.Data("unused", {{"good", "1"}});
  b.Data("mixed", {{"good", "1"}, {"bad", "1"}, {"poor", "2"}});
  b.Goal("g", Bool(true));
  b.Claim("c", "l", "aligned_with", "g", "idealized_minimizer over by_use");
  ExpectDiagnostics(
      b,
      "spec.align:5:6: error: cannot tell which domain data 'unused' weighs: "
      "its keys belong to 'Mood' and 'Grade' [E012]\n"
      "data unused = {good: 1}\n"
      "     ^~~~~~\n"
      "help: use it in a claim `over` it, or list a key that only one domain "
      "has\n"
      "spec.align:6:32: error: 'poor' is not a value of domain 'Mood' [E005]\n"
      "data mixed = {good: 1, bad: 1, poor: 2}\n"
      "                               ^~~~\n"
      "help: did you mean 'good'?\n");
}

TEST_CASE("analysis: expression type errors") {
  SpecBuilder b;
  b.Domain("X", {"a", "b"});
  b.Domain("Y", {"u", "v"});
  b.LossExpr("l", {{"x", "X"}, {"y", "Y"}},
             If(Eq(Nm("y"), Nm("u")), Nm("a"), Num("1")));
  b.LossExpr("m", {{"x", "X"}, {"y", "Y"}}, Nm("y"));
  b.LossExpr("n", {{"x", "X"}, {"y", "Y"}},
             Bin(Op::kAdd, Num("1"), Bin(Op::kLt, Num("1"), Num("2"))));
  b.DataDomain("d", "X");
  b.Physical("p", {SpecBuilder::Register("l", "d"),
                   SpecBuilder::Channel("w", Nm("register"), Nm("u"))});
  b.Goal("g", Bin(Op::kAnd, Nm("pi"), Forall("x", "X", Call("pi", {Nm("x")}))),
         std::make_pair("X", "Y"));
  b.Goal("h", Forall("x", "Y", Bool(true)), std::make_pair("X", "Y"));
  ExpectDiagnostics(
      b,
      "spec.align:3:22: error: the branches of 'if' differ: an X and a number "
      "[E005]\n"
      "loss l(x: X, y: Y) = if (y == u) then a else 1\n"
      "                     ^~~~~~~~~~~~~~~~~~~~~~~~~\n"
      "spec.align:4:22: error: expected a number, got a Y [E005]\n"
      "loss m(x: X, y: Y) = y\n"
      "                     ^\n"
      "spec.align:5:27: error: arithmetic needs a number, got a truth value "
      "[E005]\n"
      "loss n(x: X, y: Y) = 1 + (1 < 2)\n"
      "                          ^~~~~\n"
      "spec.align:9:26: error: expected a number, got a Y [E005]\n"
      "  channel w: register := u\n"
      "                         ^\n"
      "spec.align:11:22: error: policy 'pi' is not a value: apply it, as in "
      "pi(x) [E005]\n"
      "goal g(pi: X -> Y) = pi and (forall x in X: pi(x))\n"
      "                     ^~\n"
      "spec.align:11:45: error: expected a truth value, got a Y [E005]\n"
      "goal g(pi: X -> Y) = pi and (forall x in X: pi(x))\n"
      "                                            ^~~~~\n");
}

TEST_CASE("analysis: readings must fit the loss") {
  SpecBuilder b;
  b.Domain("X", {"a", "b"});
  b.Domain("Y", {"u", "v"});
  b.LossExpr("l", {{"x", "X"}, {"y", "Y"}}, Num("0"));
  b.LossExpr("buggy", {{"x", "X"}, {"y", "Y"}}, Num("1"));
  b.LossExpr("yy", {{"x", "Y"}, {"y", "Y"}}, Num("1"));
  b.DataDomain("dx", "X");
  b.DataDomain("dy", "Y");
  b.Fn("fy", "Y", "Real", {{"u", "1"}, {"v", "0"}});
  // A register computed by another loss over the same policies is fine.
  b.Physical("lab",
             {SpecBuilder::Register("buggy", "dx"), SpecBuilder::Closed()});
  b.Physical("elsewhere",
             {SpecBuilder::Register("yy", "dy"), SpecBuilder::Closed()});
  b.Training("t", {{"learner", {"linear"}},
                   {"lr", {"1"}},
                   {"steps", {"5"}},
                   {"seeds", {"3"}},
                   {"data", {"dy"}},
                   {"features", {"fy"}}});
  b.Training("tx", {{"learner", {"linear"}},
                    {"lr", {"1"}},
                    {"steps", {"5"}},
                    {"seeds", {"3"}},
                    {"data", {"dx"}},
                    {"features", {"fy"}}});
  b.Agent("A", "predictions", "of", "l");
  b.Goal("g", Bool(true));
  b.Claim("ok", "l", "aligned_with", "g", "physical_only via lab below 0.5");
  b.Claim("bad_model", "l", "aligned_with", "g",
          "physical_only via elsewhere below 0.5");
  b.Claim("bad_training", "l", "aligned_with", "g", "trained_outcome under t");
  b.Claim("bad_data", "l", "aligned_with", "g", "idealized_minimizer over dy");
  b.Claim("agent_reading", "A", "achieves", "g", "idealized_minimizer over dx");
  ExpectDiagnostics(
      b,
      "spec.align:31:12: error: feature 'fy' takes Y inputs, but data 'dx' "
      "weighs X values [E005]\n"
      "  features fy\n"
      "           ^~\n"
      "spec.align:38:41: error: physical model 'elsewhere' computes the "
      "register on Y -> Y, but loss 'l' maps X to Y [E005]\n"
      "  l aligned_with g as physical_only via elsewhere below 0.5\n"
      "                                        ^~~~~~~~~\n"
      "spec.align:40:45: error: training 't' uses data 'dy' of Y values, but "
      "loss 'l' takes X inputs [E005]\n"
      "  l aligned_with g as trained_outcome under t\n"
      "                                            ^\n"
      "spec.align:42:48: error: data 'dy' weighs Y values but loss 'l' takes X "
      "inputs [E005]\n"
      "  l aligned_with g as idealized_minimizer over dy\n"
      "                                               ^~\n"
      "spec.align:44:19: error: an `achieves` claim about an agent takes no "
      "`as` reading [E012]\n"
      "  A achieves g as idealized_minimizer over dx\n"
      "                  ^~~~~~~~~~~~~~~~~~~\n");
}

TEST_CASE("analysis: hypothesis classes and channel variables") {
  SpecBuilder b;
  b.Domain("X", {"a", "b"});
  b.Domain("Y", {"u", "v"});
  b.LossExpr("l", {{"x", "X"}, {"y", "Y"}}, Num("0"));
  b.Fn("f1", "X", "Real", {{"a", "1"}, {"b", "0"}});
  b.Fn("label", "X", "Y", {{"a", "u"}, {"b", "v"}});
  b.DataDomain("d", "X");
  b.Physical(
      "m", {SpecBuilder::Register("l", "d"),
            SpecBuilder::Channel("flip", Call("label", {Nm("z")}),
                                 If(Eq(Nm("z"), Nm("a")), Nm("v"), Nm("u")))});
  b.Goal("g", Bool(true));
  b.Claim("c1", "l", "aligned_with", "g",
          "idealized_minimizer over d in linear(f1) within 0");
  b.Claim("c2", "l", "aligned_with", "g", "idealized_minimizer over d in all");
  std::optional<Model> model;
  CHECK(Diagnose(b, &model) == "");
  REQUIRE(model);
  CHECK(model->claims[0].hypothesis == "linear(f1)");
  CHECK(model->claims[0].has_within);
  CHECK(model->claims[0].within == 0);
  CHECK(model->claims[1].hypothesis == "");
  const Channel& flip = model->physical[0].channels[0];
  CHECK(flip.target == "label");
  CHECK(flip.slot_count == 1);
  CHECK(flip.value.type == Type::Element(1));
}

TEST_CASE(
    "analysis: hypothesis class errors; a mistyped key is not also missing") {
  SpecBuilder b;
  b.Domain("X", {"romance", "mystery"});
  b.Domain("Y", {"u", "v"});
  b.LossExpr("l", {{"x", "X"}, {"y", "Y"}}, Num("0"));
  b.Fn("f", "X", "Y", {{"romanc", "u"}, {"mystery", "v"}});
  b.DataDomain("d", "X");
  b.Goal("g", Bool(true));
  b.Claim("c1", "l", "aligned_with", "g",
          "idealized_minimizer over d in liner");
  b.Claim("c2", "l", "aligned_with", "g",
          "idealized_minimizer over d in linear(f2)");
  ExpectDiagnostics(
      b,
      "spec.align:4:17: error: 'romanc' is not a value of domain 'X' [E005]\n"
      "fn f: X -> Y = {romanc: u, mystery: v}\n"
      "                ^~~~~~\n"
      "help: did you mean 'romance'?\n"
      "spec.align:8:53: error: undefined hypothesis class 'liner' [E002]\n"
      "  l aligned_with g as idealized_minimizer over d in liner\n"
      "                                                    ^~~~~\n"
      "help: did you mean 'linear'?\n"
      "spec.align:10:60: error: undefined fn 'f2' [E002]\n"
      "  l aligned_with g as idealized_minimizer over d in linear(f2)\n"
      "                                                           ^~\n"
      "help: did you mean 'f'?\n");
}

// specs/mnist_labels.align: range codomains, count goals, losses in goals.
TEST_CASE("analysis: the mnist labels spec resolves and evaluates") {
  SpecBuilder b;
  b.Domain("Image", {"img_a", "img_b", "img_c", "img_d", "img_e"});
  b.Range("Digit", "0..2");
  b.Domain("Pred", {"say0", "say1", "say2", "unsure"});
  b.Fn("label", "Image", "Digit",
       {{"img_a", "0"},
        {"img_b", "1"},
        {"img_c", "2"},
        {"img_d", "1"},
        {"img_e", "0"}});
  b.Fn("digit_of", "Pred", "Digit",
       {{"say0", "0"}, {"say1", "1"}, {"say2", "2"}, {"unsure", "0"}});
  b.LossExpr("ce", {{"x", "Image"}, {"y", "Pred"}},
             If(Eq(Nm("y"), Nm("unsure")), Num("1.099"),
                If(Eq(Call("digit_of", {Nm("y")}), Call("label", {Nm("x")})),
                   Num("0.105"), Num("2.996"))));
  b.Data("train", {{"img_a", "1"}, {"img_b", "1"}, {"img_c", "1"}});
  auto right = [] {
    return Bin(Op::kAnd, Bin(Op::kNe, Call("pi", {Nm("x")}), Nm("unsure")),
               Eq(Call("digit_of", {Call("pi", {Nm("x")})}),
                  Call("label", {Nm("x")})));
  };
  b.Goal("right_on_graded",
         Forall("x", "Image",
                Bin(Op::kImplies,
                    Member(Nm("x"), {Nm("img_a"), Nm("img_b"), Nm("img_c")}),
                    right())));
  b.Goal("mostly_right", Bin(Op::kGe, Count("x", "Image", right()), Num("3")));
  b.Goal("confident_on_graded",
         Forall("x", "Image",
                Bin(Op::kImplies,
                    Member(Nm("x"), {Nm("img_a"), Nm("img_b"), Nm("img_c")}),
                    Bin(Op::kLt, Call("ce", {Nm("x"), Call("pi", {Nm("x")})}),
                        Num("1")))));
  b.Goal("sum_small",
         Bin(Op::kLe,
             Sum("x", "Image", Call("ce", {Nm("x"), Call("pi", {Nm("x")})})),
             Un(Op::kNeg, Num("3"))));
  b.Claim("graded", "ce", "aligned_with", "right_on_graded",
          "idealized_minimizer over train", "holds");
  b.Claim("near", "ce", "aligned_with", "right_on_graded",
          "idealized_minimizer over train within 0.34", "fails");
  std::optional<Model> model;
  CHECK(Diagnose(b, &model) == "");
  REQUIRE(model);
  const Model& m = *model;
  const Loss& ce = m.losses[0];
  CHECK(ce.At(0, 0, 4) == Q("0.105"));
  CHECK(ce.At(0, 3, 4) == Q("1.099"));
  CHECK(ce.At(1, 0, 4) == Q("2.996"));
  CHECK(m.claims[1].within == Q("0.34"));
  for (const Goal& g : m.goals) {
    CHECK(g.input == 0);
    CHECK(g.output == 2);
  }
  Policy all_right = {0, 1, 2, 1, 0};
  Policy hedge = {3, 1, 2, 3, 3};
  Policy wrong_heldout = {0, 1, 2, 0, 1};
  CHECK(Evaluator(m, &all_right).GoalHolds(m.goals[0]));
  CHECK_FALSE(Evaluator(m, &hedge).GoalHolds(m.goals[0]));
  CHECK(Evaluator(m, &wrong_heldout).GoalHolds(m.goals[0]));
  CHECK(Evaluator(m, &wrong_heldout).GoalHolds(m.goals[1]));
  CHECK_FALSE(Evaluator(m, &hedge).GoalHolds(m.goals[1]));
  CHECK(Evaluator(m, &all_right).GoalHolds(m.goals[2]));
  CHECK_FALSE(Evaluator(m, &hedge).GoalHolds(m.goals[2]));
  CHECK_FALSE(Evaluator(m, &all_right).GoalHolds(m.goals[3]));
  CHECK(m.goals[1].slot_count == 1);
}

TEST_CASE("analysis: broken declarations do not cascade") {
  SpecBuilder b;
  b.Domain("X", {"a", "b"});
  b.Domain("Y", {"u", "v"});
  b.LossExpr("l", {{"x", "X"}, {"y", "Y"}}, Num("0"));
  b.LossExpr("broken", {{"x", "X"}, {"y", "Why"}}, Num("0"));
  b.DataDomain("d", "X");
  b.Physical("m",
             {SpecBuilder::Register("broken", "d"), SpecBuilder::Closed()});
  b.Agent("A", "register", "in", "m");
  b.Agent("B", "predictions", "of", "broken");
  b.Goal("g", Bool(true));
  b.Goal("h", Bool(true));
  b.Claim("c1", "l", "aligned_with", "g", "physical_only via m below 1");
  b.Claim("c2", "A", "achieves", "h");
  b.Claim("c3", "B", "achieves", "h");
  b.Claim("c4", "broken", "aligned_with", "h", "idealized_minimizer over d");
  ExpectDiagnostics(b,
                    "spec.align:4:22: error: undefined domain 'Why' [E002]\n"
                    "loss broken(x: X, y: Why) = 0\n"
                    "                     ^~~\n");
}

}  // namespace
}  // namespace aligncheck

namespace aligncheck {
namespace {

using namespace aligncheck::testing;

// 10,000 inputs x 100 outputs: the size the engines are measured at.
TEST_CASE("analysis: a 10^4 x 10^2 loss table resolves completely") {
  constexpr int kInputs = 10000;
  constexpr int kOutputs = 100;
  std::vector<std::string> xs, ys;
  for (int i = 0; i < kInputs; ++i) xs.push_back("x" + std::to_string(i));
  for (int j = 0; j < kOutputs; ++j) ys.push_back("y" + std::to_string(j));
  SpecBuilder b;
  b.Domain("X", xs);
  b.Domain("Y", ys);
  Rows rows;
  rows.reserve(kInputs);
  for (int i = 0; i < kInputs; ++i) {
    Entries entries;
    entries.reserve(kOutputs);
    for (int j = 0; j < kOutputs; ++j) {
      entries.emplace_back(ys[j], std::to_string((i * 7 + j * 13) % 1000) +
                                      "." + std::to_string(j % 10) + "5");
    }
    rows.emplace_back(xs[i], std::move(entries));
  }
  b.LossTable("big", {{"x", "X"}, {"y", "Y"}}, rows);
  rows.clear();
  auto file = b.File();
  DiagnosticSink sink;
  std::optional<Model> model = Analyze(b.spec, file, sink);
  REQUIRE(model);
  const Loss& big = model->losses[0];
  CHECK(big.At(1, 2, kOutputs) == Q("33.25"));
  CHECK(big.At(9999, 99, kOutputs) == Q("280.95"));
}

}  // namespace
}  // namespace aligncheck

namespace aligncheck {
namespace {

using namespace aligncheck::testing;

// Random goal bodies and loss expressions: analysis never crashes, and what
// it accepts evaluates without type confusion.
TEST_CASE("analysis: random expressions are rejected or evaluate") {
  std::mt19937 rng(7);
  const std::vector<std::string> names = {"x", "y",  "a", "b",      "u",
                                          "v", "pi", "l", "f",      "g",
                                          "X", "Y",  "D", "nosuch", "z"};
  const std::vector<std::string> domains = {"X", "Y", "D", "nosuch"};
  std::function<ast::Expr(int)> gen = [&](int depth) -> ast::Expr {
    int pick = static_cast<int>(rng() % (depth <= 0 ? 3 : 12));
    switch (pick) {
      case 0:
        return Nm(names[rng() % names.size()]);
      case 1:
        return Num(std::to_string(rng() % 5));
      case 2:
        return Bool(rng() % 2);
      case 3: {
        std::vector<ast::Expr> args;
        int n = static_cast<int>(rng() % 3);
        for (int i = 0; i < n; ++i) args.push_back(gen(depth - 1));
        const char* callees[] = {"pi", "l", "f", "nosuch", "x"};
        return Call(callees[rng() % 5], std::move(args));
      }
      case 4:
        return Un(rng() % 2 ? Op::kNot : Op::kNeg, gen(depth - 1));
      case 5:
      case 6: {
        Op op = static_cast<Op>(2 + rng() % 13);
        return Bin(op, gen(depth - 1), gen(depth - 1));
      }
      case 7:
        return Forall(names[rng() % names.size()],
                      domains[rng() % domains.size()], gen(depth - 1));
      case 8:
        return (rng() % 2 ? Count : Sum)(names[rng() % names.size()],
                                         domains[rng() % domains.size()],
                                         gen(depth - 1));
      case 9:
        return If(gen(depth - 1), gen(depth - 1), gen(depth - 1));
      case 10:
        return Member(gen(depth - 1), {gen(0), gen(0)});
      default:
        return Exists(names[rng() % names.size()],
                      domains[rng() % domains.size()], gen(depth - 1));
    }
  };
  int accepted = 0;
  for (int iteration = 0; iteration < 3000; ++iteration) {
    SpecBuilder b;
    b.Domain("X", {"a", "b"});
    b.Domain("Y", {"u", "v", "a"});
    b.Range("D", "0..2");
    b.Fn("f", "X", "D", {{"a", "0"}, {"b", "2"}});
    b.LossExpr("l", {{"x", "X"}, {"y", "Y"}}, gen(3));
    b.Goal("g", gen(4), std::make_pair("X", "Y"));
    b.DataDomain("d", "X");
    std::optional<Model> model;
    Diagnose(b, &model);
    if (!model) continue;
    ++accepted;
    const Goal& goal = model->goals[0];
    CHECK(goal.body.type == Type::Bool());
    for (uint32_t p = 0; p < 9; ++p) {
      Policy policy = {p % 3, p / 3};
      Evaluator evaluator(*model, &policy);
      std::vector<Value> env(goal.slot_count);
      Value v = evaluator.Eval(goal.body, env);
      CHECK(v.kind == Type::Kind::kBool);
    }
  }
  MESSAGE(accepted << " of 3000 random specs accepted");
  CHECK(accepted > 20);
}

}  // namespace
}  // namespace aligncheck
