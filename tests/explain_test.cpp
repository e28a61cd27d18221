// Unit tests of why an idealized claim holds: the per-input argument, the
// solver's unsat core, and their text.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine_test_util.h"
#include "readings/check.h"
#include "readings/idealized/explanation.h"
#include "readings/idealized/idealized.h"
#include "report/explanation_report.h"

namespace aligncheck {
namespace {

using namespace test;  // NOLINT

// Prompts romance, mystery, scifi (weight 0); texts masterpiece, cliche,
// plagiarism, lorem. Masterpiece is the only argmin at the weighted inputs.
struct Shop {
  Builder b;
  DomainId prompt, text;
  int grader, train;
  Shop() {
    prompt = b.AddDomain("Prompt", 3, "p");
    text = b.AddDomain("Text", 4, "t");
    grader = b.AddLoss("grader", prompt, text,
                       {Q("0"), Q("1"), Q("1"), Q("5"),  //
                        Q("0"), Q("0"), Q("2"), Q("5"),  //
                        Q("1"), Q("1"), Q("1"), Q("1")});
    train = b.AddData("train", prompt, {Q("1"), Q("1"), Q("0")});
  }
};

TEST_CASE("explain: per-input minimizer sets and conditions") {
  Shop s;
  // forall x: x == scifi or pi(x) != plagiarism
  int goal =
      s.b.AddGoal("no_plagiarism", s.prompt, s.text,
                  Forall(0, s.prompt,
                         Or(Eq(Var(0, s.prompt), Elem(s.prompt, 2)),
                            Ne(Pi(Var(0, s.prompt), s.text), Elem(s.text, 2)))),
                  1);
  Claim& c = s.b.AddClaim("honest", s.grader, goal, s.train);
  Verdict v = CheckClaim(s.b.model, c, EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kHolds);
  REQUIRE(v.idealized()->explanation);
  const PerInputExplanation& e = *v.idealized()->explanation;
  REQUIRE(e.inputs.size() == 3);
  CHECK(e.inputs[0].minimizers == std::vector<uint32_t>{0});
  CHECK(e.inputs[1].minimizers == std::vector<uint32_t>{0, 1});
  CHECK(e.inputs[2].minimizers == std::vector<uint32_t>{0, 1, 2, 3});
  CHECK(e.inputs[2].weight == 0);
  CHECK(e.inputs[0].weight == Q("1/2"));
  REQUIRE(e.atoms.size() == 1);
  CHECK(e.atoms[0].is_forall);
  CHECK(e.atoms[0].at[0] == AtInput::kAllMinimizers);
  CHECK(e.atoms[0].at[1] == AtInput::kAllMinimizers);
  CHECK(e.atoms[0].at[2] == AtInput::kUnconstrained);
  CHECK(e.atoms[0].forced_true == 3);
  CHECK(e.atoms[0].free == 0);
  std::string why =
      IdealizedExplanationText(s.b.model, c, v, *v.idealized(), false, 0);
  CHECK(why ==
        "  why: at each of the 2 constrained inputs every minimizing output "
        "satisfies the goal's condition; 1 other input: the goal does not "
        "constrain it\n");
}

TEST_CASE("explain: a count atom records the reachable counts") {
  Shop s;
  // count x: pi(x) == masterpiece >= 1: romance forces it, mystery is free.
  int goal = s.b.AddGoal(
      "some_masterpiece", s.prompt, s.text,
      Bin(ast::Op::kGe,
          Count(0, s.prompt, Eq(Pi(Var(0, s.prompt), s.text), Elem(s.text, 0))),
          Num("1")),
      1);
  Claim& c = s.b.AddClaim("one", s.grader, goal, s.train);
  Verdict v = CheckClaim(s.b.model, c, EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kHolds);
  REQUIRE(v.idealized()->explanation);
  const ExplainedAtom& a = v.idealized()->explanation->atoms.at(0);
  CHECK_FALSE(a.is_forall);
  CHECK(a.at[0] == AtInput::kAllMinimizers);
  CHECK(a.at[1] == AtInput::kSome);
  CHECK(a.at[2] == AtInput::kSome);
  CHECK(a.forced_true == 1);
  CHECK(a.free == 2);
}

TEST_CASE("explain: no per-input argument when a minimizer breaks the goal") {
  Shop s;
  int goal = s.b.AddGoal(
      "always_masterpiece", s.prompt, s.text,
      Forall(0, s.prompt, Eq(Pi(Var(0, s.prompt), s.text), Elem(s.text, 0))),
      1);
  Claim& c = s.b.AddClaim("strict", s.grader, goal, s.train);
  CHECK_FALSE(ExplainPerInput(s.b.model, s.b.model.losses[s.grader],
                              s.b.model.data[s.train], s.b.model.goals[goal]));
  Verdict v = CheckClaim(s.b.model, c, EngineOptions{});
  CHECK(v.kind == Verdict::Kind::kFails);
  CHECK_FALSE(v.idealized()->explanation);
}

TEST_CASE("explain: the solver's unsat core names the goal and the rows") {
  Shop s;
  // sum x: grader(x, pi(x)) <= 1 is not a per-input atom: the solver decides.
  int goal = s.b.AddGoal(
      "cheap", s.prompt, s.text,
      Bin(ast::Op::kLe,
          Sum(0, s.prompt,
              LossOf(s.grader, Var(0, s.prompt), Pi(Var(0, s.prompt), s.text))),
          Num("1")),
      1);
  Claim& c = s.b.AddClaim("cheap_enough", s.grader, goal, s.train);
  EngineOptions tracked;
  tracked.unsat_core = true;
  Verdict v = CheckClaim(s.b.model, c, tracked);
  REQUIRE(v.kind == Verdict::Kind::kHolds);
  REQUIRE(v.method == "z3");
  REQUIRE(v.idealized()->solver_explanation);
  const SolverExplanation& se = *v.idealized()->solver_explanation;
  CHECK(se.tracked);
  REQUIRE(se.conjuncts.size() == 1);
  const UnsatCore& core = se.conjuncts[0].core;
  CHECK(core.extracted);
  CHECK(core.goal);
  CHECK_FALSE(core.budget);
  // The sum reads pi at every input.
  CHECK(core.read_inputs == std::vector<size_t>{0, 1, 2});
  // Without tracking there is no core, and the verdict is the same.
  Verdict plain = CheckClaim(s.b.model, c, EngineOptions{});
  CHECK(plain.kind == Verdict::Kind::kHolds);
  REQUIRE(plain.idealized()->solver_explanation);
  CHECK_FALSE(plain.idealized()->solver_explanation->tracked);
  CHECK_FALSE(
      plain.idealized()->solver_explanation->conjuncts[0].core.extracted);
}

TEST_CASE("explain: a tracked query is dumped without its tracking names") {
  Shop s;
  int goal = s.b.AddGoal(
      "cheap", s.prompt, s.text,
      Bin(ast::Op::kLe,
          Sum(0, s.prompt,
              LossOf(s.grader, Var(0, s.prompt), Pi(Var(0, s.prompt), s.text))),
          Num("1")),
      1);
  Claim& c = s.b.AddClaim("cheap_enough", s.grader, goal, s.train);
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "aligncheck_explain_dump";
  std::filesystem::remove_all(dir);
  EngineOptions tracked;
  tracked.unsat_core = true;
  tracked.dump_smt2_dir = dir.string();
  Verdict v = CheckClaim(s.b.model, c, tracked);
  REQUIRE(v.kind == Verdict::Kind::kHolds);
  REQUIRE(v.dumped_queries.size() >= 1);
  std::ifstream in(v.dumped_queries[0]);
  std::stringstream text;
  text << in.rdbuf();
  // "goal => part" would replay as sat; the dump asserts the part itself.
  CHECK(text.str().find("(check-sat)") != std::string::npos);
  CHECK(text.str().find("(declare-fun goal () Bool)") == std::string::npos);
  CHECK(text.str().find("=> goal") == std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace aligncheck
