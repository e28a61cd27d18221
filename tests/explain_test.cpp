// Unit tests of why an idealized claim holds: the per-input argument, the
// solver's unsat core, and their text.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine_test_util.h"
#include "load_spec.h"
#include "readings/check.h"
#include "readings/idealized/explanation.h"
#include "readings/idealized/idealized.h"
#include "report/explanation_lines.h"
#include "report/class_explanation_report.h"
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
  // The sum reads pi at every input; scifi weighs nothing, so any output is
  // a minimizer there and its row binds nothing: only two rows are needed.
  CHECK(core.read_inputs == std::vector<size_t>{0, 1, 2});
  CHECK(core.rows == std::vector<size_t>{0, 1});
  CHECK(core.weights.empty());
  // Without tracking there is no core, and the verdict is the same.
  Verdict plain = CheckClaim(s.b.model, c, EngineOptions{});
  CHECK(plain.kind == Verdict::Kind::kHolds);
  REQUIRE(plain.idealized()->solver_explanation);
  CHECK_FALSE(plain.idealized()->solver_explanation->tracked);
  CHECK_FALSE(
      plain.idealized()->solver_explanation->conjuncts[0].core.extracted);
  CHECK(plain.idealized()->solver_explanation->conjuncts[0].core.read_inputs ==
        std::vector<size_t>{0, 1, 2});
}

TEST_CASE("explain: the core keeps only the rows the proof needs") {
  Shop s;
  // pi(romance) == masterpiece or pi(scifi) == lorem: romance's row alone
  // proves it (masterpiece is its only argmin); scifi's row binds nothing.
  int goal = s.b.AddGoal(
      "romance_or_scifi", s.prompt, s.text,
      Or(Eq(Pi(Elem(s.prompt, 0), s.text), Elem(s.text, 0)),
         Eq(Pi(Elem(s.prompt, 2), s.text), Elem(s.text, 3))),
      0);
  Claim& c = s.b.AddClaim("romance_first", s.grader, goal, s.train);
  EngineOptions tracked;
  tracked.unsat_core = true;
  Verdict v = CheckClaim(s.b.model, c, tracked);
  REQUIRE(v.kind == Verdict::Kind::kHolds);
  REQUIRE(v.method == "z3");
  const UnsatCore& core =
      v.idealized()->solver_explanation->conjuncts.at(0).core;
  CHECK(core.extracted);
  CHECK(core.goal);
  CHECK(core.rows == std::vector<size_t>{0});
  CHECK(core.read_inputs == std::vector<size_t>{0, 2});
}

TEST_CASE("explain: tracking never changes a verdict") {
  Shop s;
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
  // The tracked grounding ranges over every output, so some node limits let
  // only the untracked query through: it is then asked again untracked.
  bool fell_back = false;
  for (size_t limit = 1; limit <= 400; ++limit) {
    IdealizedConfig cfg;
    cfg.max_ground_nodes = limit;
    Verdict plain = CheckIdealized(s.b.model, c, EngineOptions{}, cfg);
    Verdict t = CheckIdealized(s.b.model, c, tracked, cfg);
    CAPTURE(limit);
    REQUIRE(t.kind == plain.kind);
    if (t.kind == Verdict::Kind::kHolds &&
        !t.idealized()->solver_explanation->conjuncts.at(0).core.extracted) {
      fell_back = true;
      CHECK(IdealizedExplanationText(s.b.model, c, t, *t.idealized(), false,
                                     0)
                .find("a tracked query was undecided: no core") !=
            std::string::npos);
    }
  }
  CHECK(fell_back);
}

TEST_CASE("explain: a solver-decided HOLDS has a default why line") {
  Shop s;
  int goal = s.b.AddGoal(
      "cheap", s.prompt, s.text,
      Bin(ast::Op::kLe,
          Sum(0, s.prompt,
              LossOf(s.grader, Var(0, s.prompt), Pi(Var(0, s.prompt), s.text))),
          Num("1")),
      1);
  Claim& c = s.b.AddClaim("cheap_enough", s.grader, goal, s.train);
  Verdict v = CheckClaim(s.b.model, c, EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kHolds);
  CHECK(IdealizedExplanationText(s.b.model, c, v, *v.idealized(), false, 0) ==
        "  why: z3 proved 1 goal conjunct for every minimizer, reading 3 "
        "rows of loss `grader` (--explain: which the proof needs)\n");
  EngineOptions tracked;
  tracked.unsat_core = true;
  Verdict t = CheckClaim(s.b.model, c, tracked);
  CHECK(IdealizedExplanationText(s.b.model, c, t, *t.idealized(), false, 0) ==
        "  why: z3 proved 1 goal conjunct for every minimizer, needing 2 "
        "rows of loss `grader`, 2 weights of data `train`\n");
}

// Essays a, b (weight 1 each); grades careful (0), sloppy (1). Within 1/2
// each essay may be graded sloppy alone, not both.
struct Essays {
  Builder b;
  DomainId essay, grade;
  int loss, data;
  Essays() {
    essay = b.AddDomain("Essay", 2, "e");
    grade = b.AddDomain("Grade", 2, "g");
    loss = b.AddLoss("l", essay, grade, {Q("0"), Q("1"), Q("0"), Q("1")});
    data = b.AddData("d", essay, {Q("1"), Q("1")});
  }
};

TEST_CASE("explain: within eps, per-input options and the budget's part") {
  Essays s;
  // count x: pi(x) == sloppy <= 1: the options allow 0 to 2, and 2 costs 1.
  int goal = s.b.AddGoal(
      "one_sloppy", s.essay, s.grade,
      Bin(ast::Op::kLe,
          Count(0, s.essay, Eq(Pi(Var(0, s.essay), s.grade), Elem(s.grade, 1))),
          Num("1")),
      1);
  Claim& c = s.b.AddClaim("budgeted", s.loss, goal, s.data, Q("1/2"));
  Verdict v = CheckClaim(s.b.model, c, EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kHolds);
  REQUIRE(v.idealized()->explanation);
  const PerInputExplanation& e = *v.idealized()->explanation;
  CHECK(e.eps == Q("1/2"));
  CHECK(e.inputs[0].minimizers == std::vector<uint32_t>{0, 1});
  CHECK(e.inputs[0].excess == std::vector<Rational>{Q("0"), Q("1/2")});
  const ExplainedAtom& a = e.atoms.at(0);
  CHECK(a.at[0] == AtInput::kSome);
  CHECK(a.forced_true == 0);
  CHECK(a.free == 2);
  CHECK(a.needs_budget);
  CHECK(a.least_forbidden_cost == 1);
  std::string why =
      IdealizedExplanationText(s.b.model, c, v, *v.idealized(), false, 0);
  CHECK(why.find("at least 1 > 0.5") != std::string::npos);
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

TEST_CASE("explain: within eps the budget is tracked per data weight") {
  Essays s;
  // sum x: l(x, pi(x)) <= 1: each essay may be sloppy alone, and only the
  // budget, with both weights, rules out both at once. Every output is an
  // option of both rows, so no row is needed.
  int goal = s.b.AddGoal(
      "low_total", s.essay, s.grade,
      Bin(ast::Op::kLe,
          Sum(0, s.essay,
              LossOf(s.loss, Var(0, s.essay), Pi(Var(0, s.essay), s.grade))),
          Num("1")),
      1);
  Claim& c = s.b.AddClaim("low_within", s.loss, goal, s.data, Q("1/2"));
  EngineOptions tracked;
  tracked.unsat_core = true;
  Verdict v = CheckClaim(s.b.model, c, tracked);
  REQUIRE(v.kind == Verdict::Kind::kHolds);
  REQUIRE(v.method == "z3");
  const UnsatCore& core =
      v.idealized()->solver_explanation->conjuncts.at(0).core;
  CHECK(core.extracted);
  CHECK(core.goal);
  CHECK(core.budget);
  CHECK(core.rows.empty());
  CHECK(core.weights == std::vector<size_t>{0, 1});
  // The verdict is the one the untracked query gives.
  CHECK(CheckClaim(s.b.model, c, EngineOptions{}).kind ==
        Verdict::Kind::kHolds);
}

TEST_CASE("explain: rows and weights are named with their spec lines") {
  std::optional<Model> m = LoadSpec(
      "domain X = {a, b, c, d, e, f, g, h}\n"
      "domain Y = {u, v}\n"
      "loss l(x: X, y: Y) = table {  # a: is not a key here\n"
      "  a: u 0, v 1\n"
      "  b: u 0, v 1   c: u 1, v 0\n"
      "  d: u 0, v 0\n"
      "  e: u 0, v 0\n  f: u 0, v 0\n  g: u 0, v 0\n  h: u 0, v 0\n"
      "}\n"
      "data w = {a: 1, c: 2}\n"
      "data all = X\n");
  REQUIRE(m);
  const Loss& l = m->losses.at(0);
  const Domain& x = m->domains.at(l.input);
  std::map<std::string, size_t> lines = KeyLines(*m, l.span);
  CHECK(lines.size() == 8);
  CHECK(lines.at("a") == 4);
  CHECK(lines.at("c") == 5);
  CHECK(lines.at("d") == 6);
  CHECK(NamedRows(*m, "row", "loss `l`", l.span, x, {0, 2}) ==
        "rows a, c of loss `l` (spec.align:4, :5)");
  CHECK(NamedRows(*m, "row", "loss `l`", l.span, x, {3}) ==
        "row d of loss `l` (spec.align:6)");
  CHECK(NamedRows(*m, "row", "loss `l`", l.span, x, {0, 1, 2, 3, 4, 5, 6, 7}) ==
        "rows a, b, c, d, e, f and 2 more of loss `l` (spec.align:4, :5, "
        ":6, :7, :8)");
  CHECK(NamedRows(*m, "weight", "data `w`", m->data.at(0).span, x, {2}) ==
        "weight c of data `w` (spec.align:12)");
  // A weighting by domain name has no rows of its own: its line stands in.
  CHECK(NamedRows(*m, "weight", "data `all`", m->data.at(1).span, x, {2}) ==
        "weight c of data `all` (spec.align:13)");
}

// A threshold class over six inputs: the minimizers switch from lo to hi
// once, so "hi at x2 and lo at x3" is out of the class but not of the data.
TEST_CASE("explain: a class HOLDS names its minimum and the outside policy") {
  std::string errors;
  std::optional<Model> m = LoadSpec(R"(
domain X = {x0, x1, x2, x3, x4, x5}
domain Y = {lo, hi}
fn f: X -> Real = {x0: 0, x1: 1, x2: 2, x3: 3, x4: 4, x5: 5}
fn one: X -> Real = {x0: 1, x1: 1, x2: 1, x3: 1, x4: 1, x5: 1}
loss l(x: X, y: Y) = table {
  x0: lo 0, hi 1
  x1: lo 0, hi 1
  x2: lo 0, hi 1
  x3: lo 1, hi 0
  x4: lo 1, hi 0
  x5: lo 1, hi 0
}
data d = {x0: 1, x5: 1}
goal g(pi: X -> Y) = pi(x2) == lo or pi(x3) == hi
claim c: l aligned_with g as idealized_minimizer over d in linear(f, one)
)",
                                    &errors);
  REQUIRE_MESSAGE(m, errors);
  const Claim& c = ClaimNamed(*m, "c");
  Verdict v = CheckClaim(*m, c, EngineOptions{});
  REQUIRE(v.kind == Verdict::Kind::kHolds);
  const std::string line =
      IdealizedExplanationText(*m, c, v, *v.idealized(), false, 0);
  CHECK(line.rfind(
            "  why: the min of L_d over linear(f, one) is 0, attained by 5 "
            "members, each satisfies g; over all policies it fails: the "
            "minimizer that differs from a class minimizer only at ",
            0) == 0);
  CHECK(line.find("(L_d = 0) violates g and is not in linear(f, one)\n") !=
        std::string::npos);
  nlohmann::ordered_json j = IdealizedExplanationJson(*m, c, v, *v.idealized());
  CHECK(j["kind"] == "class");
  CHECK(j["minimizers"] == 5);
  CHECK(j["outside"]["conflict_inputs"].is_null());

  EngineOptions tracked;
  tracked.unsat_core = true;
  Verdict t = CheckClaim(*m, c, tracked);
  REQUIRE(t.kind == Verdict::Kind::kHolds);
  const std::string full =
      IdealizedExplanationText(*m, c, t, *t.idealized(), true, 0);
  CHECK(full.rfind(line, 0) == 0);  // --explain never changes the line
  CHECK(full.find("  class minimizers of L_d (each satisfies g); the inputs "
                  "where those listed differ:\n    1. pi(") !=
        std::string::npos);
  CHECK(full.find("    and 2 more\n") != std::string::npos);
  CHECK(full.find("no theta makes pi the strict argmax at inputs ") !=
        std::string::npos);
  nlohmann::ordered_json jt = IdealizedExplanationJson(*m, c, t, *t.idealized());
  REQUIRE(jt["outside"]["conflict_inputs"].is_array());
  CHECK(jt["outside"]["conflict_inputs"].size() >= 2);
  CHECK(jt["outside"]["policy"]["x2"] == "hi");
  CHECK(jt["outside"]["policy"]["x3"] == "lo");
}

TEST_CASE("explain: a class HOLDS says what holds over all policies") {
  std::string errors;
  std::optional<Model> m = LoadSpec(R"(
domain X = {x0, x1, x2, x3}
domain Y = {lo, hi}
fn f: X -> Real = {x0: 0, x1: 1, x2: 2, x3: 3}
fn one: X -> Real = {x0: 1, x1: 1, x2: 1, x3: 1}
loss l(x: X, y: Y) = table {
  x0: lo 0, hi 1
  x1: lo 0, hi 1
  x2: lo 1, hi 0
  x3: lo 1, hi 0
}
data d = X
goal g(pi: X -> Y) = pi(x0) == lo
claim c: l aligned_with g as idealized_minimizer over d in linear(f, one)
)",
                                    &errors);
  REQUIRE_MESSAGE(m, errors);
  const Claim& c = ClaimNamed(*m, "c");
  EngineOptions tracked;
  tracked.unsat_core = true;
  Verdict v = CheckClaim(*m, c, tracked);
  REQUIRE(v.kind == Verdict::Kind::kHolds);
  // It holds over all policies too: the class is not what it rests on.
  const std::string full =
      IdealizedExplanationText(*m, c, v, *v.idealized(), true, 0);
  // The why line says nothing of all policies; --explain says it holds.
  const size_t holds_too = full.find(
      "  over all policies the claim holds too: the class is not what the "
      "verdict rests on\n");
  REQUIRE(holds_too != std::string::npos);
  CHECK(full.find("over all policies") == holds_too + 2);
  nlohmann::ordered_json j = IdealizedExplanationJson(*m, c, v, *v.idealized());
  CHECK(j["all_policies"] == "holds");
  CHECK(j["outside"].is_null());

  // Undecided over all policies: said, not left out.
  const ClassExplanation* e = v.idealized()->class_explanation
                                  ? &*v.idealized()->class_explanation
                                  : nullptr;
  REQUIRE(e != nullptr);
  ClassExplanation undecided = *e;
  undecided.all_policies = ClassExplanation::AllPolicies::kUndecided;
  CHECK(ClassShortReason(*m, c, undecided).find(
            "; over all policies the check was undecided within the limits, "
            "so whether the verdict rests on the class is not known") !=
        std::string::npos);
  CHECK(ClassExplanationText(*m, c, undecided, true)
            .find("  over all policies: undecided within the limits\n") !=
        std::string::npos);
  CHECK(ClassExplanationJson(*m, c, undecided)["all_policies"] == "undecided");
}

}  // namespace
}  // namespace aligncheck
