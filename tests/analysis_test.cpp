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

}  // namespace
}  // namespace aligncheck
