// Analysis: resolution, typing, tables and their diagnostics, on ASTs built
// together with their source text (tests/spec_builder.h).
#include <doctest/doctest.h>

#include <chrono>

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
              {{"romance", {{"masterpiece", "0.2"}, {"cliche", "0.3"},
                            {"plagiarism", "0.0"}, {"lorem", "5.0"}}},
               {"mystery", {{"masterpiece", "0.1"}, {"cliche", "0.4"},
                            {"plagiarism", "0.0"}, {"lorem", "5.0"}}},
               {"scifi", {{"masterpiece", "0.3"}, {"cliche", "0.3"},
                          {"plagiarism", "0.0"}, {"lorem", "5.0"}}}});
  b.Data("train", {{"romance", "1"}, {"mystery", "1"}});
  b.Goal("good_novels",
         Forall("x", "Prompt", Eq(Call("pi", {Nm("x")}), Nm("masterpiece"))));
  b.Physical("lab", {SpecBuilder::Register("grader", "train"),
                     SpecBuilder::Channel("overwrite", Nm("register"),
                                          Num("0"))});
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
  CHECK(model.has_value() == expected.empty());
}

TEST_CASE("analysis: duplicate names and values [E003]") {
  SpecBuilder b;
  b.Domain("Prompt", {"romance", "mystery", "romance"});
  b.Domain("Text", {"good", "bad"});
  b.Domain("Prompt", {"a"});
  b.Goal("Text", Bool(true));
  ExpectDiagnostics(b,
      "spec.align:1:36: error: duplicate value 'romance' in domain 'Prompt' [E003]\n"
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
  b.Goal("g", Forall("x", "Prompt", Eq(Call("pi", {Nm("x")}), Nm("goood"))),
         std::make_pair("Prompt", "Text"));
  b.Claim("c", "l", "aligned_with", "g", "idealized_minimizer over trian");
  ExpectDiagnostics(b,
      "spec.align:3:11: error: undefined domain 'Promt' [E002]\n"
      "loss l(x: Promt, y: Text) = table {\n"
      "          ^~~~~\n"
      "help: did you mean 'Prompt'?\n"
      "spec.align:7:59: error: undefined name 'goood' [E002]\n"
      "goal g(pi: Prompt -> Text) = forall x in Prompt: pi(x) == goood\n"
      "                                                          ^~~~~\n"
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
  b.LossExpr("three", {{"x", "X"}, {"y", "Y"}, {"z", "Y"}}, Num("0"));
  b.DataDomain("d", "X");
  b.Goal("g", Forall("x", "X",
                     Bin(Op::kAnd, Eq(Call("l", {Nm("x")}), Num("0")),
                         Eq(Call("pi", {Nm("x"), Nm("x")}), Nm("u")))));
  b.Claim("c", "l", "aligned_with", "g", "idealized_minimizer over d");
  ExpectDiagnostics(b,
      "spec.align:4:6: error: loss 'three' must take two parameters (x: X, y: Y), got 3 [E004]\n"
      "loss three(x: X, y: Y, z: Y) = 0\n"
      "     ^~~~~\n"
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
  b.Goal("g", Forall("x", "X",
                     Bin(Op::kAnd,
                         Eq(Call("l", {Call("pi", {Nm("x")}), Nm("x")}),
                            Num("0")),
                         Eq(Call("pi", {Nm("x")}), Nm("a")))));
  b.Claim("c", "l", "aligned_with", "g", "idealized_minimizer over d");
  ExpectDiagnostics(b,
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
  b.LossTable("l", {{"x", "X"}, {"y", "Y"}},
              {{"a", {{"u", "0"}, {"v", "1"}, {"u", "2"}}},
               {"b", {{"u", "0"}}}});
  b.Fn("f", "X", "Y", {{"a", "u"}, {"a", "v"}});
  b.Data("d", {{"a", "1"}, {"a", "2"}});
  ExpectDiagnostics(b,
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
  ExpectDiagnostics(b,
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
  ExpectDiagnostics(b,
      "spec.align:7:5: error: claim 'bare' does not say which reading of 'aligned_with' it means [AC001]\n"
      "  l aligned_with g\n"
      "    ^~~~~~~~~~~~\n"
      "help: add `as idealized_minimizer over DATA`: every minimizer of the loss on DATA meets the goal\n"
      "help: add `as physical_only via MODEL below T`: every behaviour whose register reads below T meets the goal\n"
      "help: add `as trained_outcome under TRAINING`: the policies that TRAINING produces meet the goal\n"
      "spec.align:9:5: error: claim 'vague' says the loss represents the goal, which has no checkable meaning [AC002]\n"
      "  l represents g\n"
      "    ^~~~~~~~~~\n"
      "help: say `l aligned_with g` and how:\n"
      "help: add `as idealized_minimizer over DATA`: every minimizer of the loss on DATA meets the goal\n"
      "help: add `as physical_only via MODEL below T`: every behaviour whose register reads below T meets the goal\n"
      "help: add `as trained_outcome under TRAINING`: the policies that TRAINING produces meet the goal\n");
}

}  // namespace
}  // namespace aligncheck
