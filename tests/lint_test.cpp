// Lint rules: the catalogue, and the semantic rules checked against brute
// force over every policy on random small goals (they must be exact).
#include "lint/lint.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <random>
#include <regex>
#include <set>

#include "analysis/analyze.h"
#include "analysis/eval.h"
#include "lint/rule_catalog.h"
#include "parse/parser.h"

namespace aligncheck {
namespace {

struct Linted {
  std::optional<Model> model;
  LintResult result;
  std::vector<std::string> ids;
};

Linted LintText(const std::string& text,
                const LintConfig& config = DefaultConfig()) {
  auto file = std::make_shared<SourceFile>("spec.align", text);
  DiagnosticSink sink;
  ast::Spec spec = ParseSpec(file, sink);
  Linted out;
  bool parsed = !sink.has_errors();
  if (parsed) out.model = Analyze(spec, file, sink);
  out.result = LintSpec(file, parsed ? &spec : nullptr,
                        out.model ? &*out.model : nullptr, sink.Sorted(),
                        config, EngineOptions{});
  for (const Diagnostic& d : out.result.diagnostics) out.ids.push_back(d.id);
  return out;
}

const char* const kHead =
    "domain X = {a, b, c}\n"
    "domain Y = {u, v}\n"
    "loss l(x: X, y: Y) = table { a: u 0, v 1  b: u 1, v 0  c: u 0, v 0 }\n"
    "data d = {a: 1}\n";

// A random formula; `var` is the bound input variable, or "" outside one.
std::string RandomFormula(std::mt19937& rng, int depth,
                          const std::string& var) {
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  if (depth == 0 || pick(3) == 0) {
    const char* y = pick(2) ? "u" : "v";
    const char* x = pick(3) == 0 ? "a" : pick(2) ? "b" : "c";
    if (!var.empty()) {
      switch (pick(4)) {
        case 0:
          return "pi(" + var + ") == " + y;
        case 1:
          return "pi(" + var + ") != " + y;
        case 2:
          return var + " == " + x;
        default:
          return "pi(" + var + ") == pi(" + x + ")";
      }
    }
    switch (pick(4)) {
      case 0:
        return std::string("pi(") + x + ") == " + y;
      case 1:
        return std::string("pi(a) == pi(") + x + ")";
      case 2:
        return pick(2) ? "true" : "false";
      default:
        return std::string("pi(") + x + ") != " + y;
    }
  }
  std::string v = var.empty() ? "x" : var + "x";
  switch (pick(6)) {
    case 0:
      return "(forall " + v + " in X: " + RandomFormula(rng, depth - 1, v) +
             ")";
    case 1:
      return "(exists " + v + " in X: " + RandomFormula(rng, depth - 1, v) +
             ")";
    case 2:
      return "((count " + v + " in X: " + RandomFormula(rng, depth - 1, v) +
             ") >= " + std::to_string(pick(4)) + ")";
    case 3:
      return "(not " + RandomFormula(rng, depth - 1, var) + ")";
    case 4:
      return "(" + RandomFormula(rng, depth - 1, var) + " and " +
             RandomFormula(rng, depth - 1, var) + ")";
    default:
      return "(" + RandomFormula(rng, depth - 1, var) +
             (pick(2) ? " or " : " implies ") +
             RandomFormula(rng, depth - 1, var) + ")";
  }
}

// Every policy X -> Y (|X| = 3, |Y| = 2).
std::vector<Policy> AllPolicies() {
  std::vector<Policy> out;
  for (uint32_t bits = 0; bits < 8; ++bits) {
    out.push_back({bits & 1u, (bits >> 1) & 1u, (bits >> 2) & 1u});
  }
  return out;
}

bool Holds(const Model& model, const Goal& goal, const Policy& pi) {
  Evaluator eval(model, &pi);
  return eval.GoalHolds(goal);
}

TEST_CASE("lint: the catalogue is complete and sorted") {
  const std::vector<Rule>& rules = AllRules();
  // Spec rules AC001-AC014, then the prose rules of the write-up gate.
  REQUIRE(rules.size() == 19);
  std::set<std::string> names;
  for (size_t i = 0; i < rules.size(); ++i) {
    CAPTURE(rules[i].id);
    CHECK(std::string(rules[i].id) ==
          (i < 14 ? fmt::format("AC{:03}", i + 1)
                  : fmt::format("AC{:03}", 101 + i - 14)));
    CHECK(names.insert(rules[i].name).second);
    CHECK(std::string(rules[i].summary).size() > 10);
    CHECK(std::string(rules[i].why).size() > 80);
    CHECK(std::string(rules[i].bad) != rules[i].good);
    CHECK(FindRule(rules[i].id) == &rules[i]);
  }
  CHECK(FindRule("AC999") == nullptr);
  std::string text = ExplainRule(*FindRule("AC003"));
  CHECK(text.find("usage 4") != std::string::npos);
  CHECK(text.find("bad:\n    agent a cares_about loss\n") != std::string::npos);
}

TEST_CASE("lint: trivial goals (AC009) agree with brute force") {
  std::mt19937 rng(7);
  int always = 0, never = 0, neither = 0;
  for (int round = 0; round < 300; ++round) {
    std::string formula = RandomFormula(rng, 3, "");
    std::string text =
        std::string(kHead) + "goal g(pi: X -> Y) = " + formula +
        "\nclaim c: l aligned_with g as idealized_minimizer over d\n";
    CAPTURE(formula);
    Linted linted = LintText(text);
    if (!linted.model) continue;  // ill-typed at random: skip
    const Goal& goal = linted.model->goals[0];
    bool all = true, none = true;
    for (const Policy& pi : AllPolicies()) {
      bool h = Holds(*linted.model, goal, pi);
      all = all && h;
      none = none && !h;
    }
    std::string expected = all    ? "goal 'g' holds for every policy"
                           : none ? "goal 'g' holds for no policy"
                                  : "";
    std::string got;
    for (const Diagnostic& d : linted.result.diagnostics) {
      if (d.id == "AC009") got = d.message;
    }
    CHECK(got == expected);
    (all ? always : none ? never : neither) += 1;
  }
  CHECK(always > 5);
  CHECK(never > 5);
  CHECK(neither > 50);
}

TEST_CASE("lint: ungraded inputs (AC007) are exactly the constrained ones") {
  // An input x is constrained when changing pi(x) alone can change the goal.
  // The rule examines per-input conjuncts only: what it reports must be
  // constrained, and for forall goals over one variable it must find all.
  std::mt19937 rng(11);
  int reported = 0;
  for (int round = 0; round < 300; ++round) {
    bool per_input = round % 2 == 0;
    std::string formula = per_input
                              ? "forall x in X: " + RandomFormula(rng, 2, "x")
                              : RandomFormula(rng, 3, "");
    if (per_input && formula.find("pi(a)") != std::string::npos) continue;
    if (per_input && formula.find("pi(b)") != std::string::npos) continue;
    if (per_input && formula.find("pi(c)") != std::string::npos) continue;
    if (per_input && formula.find("xx") != std::string::npos) continue;
    std::string text =
        std::string(kHead) + "goal g(pi: X -> Y) = " + formula +
        "\nclaim c: l aligned_with g as idealized_minimizer over d\n";
    CAPTURE(formula);
    Linted linted = LintText(text);
    if (!linted.model) continue;
    const Goal& goal = linted.model->goals[0];
    std::set<std::string> constrained;
    for (uint32_t x : {1u, 2u}) {  // b and c weigh 0
      for (const Policy& pi : AllPolicies()) {
        Policy other = pi;
        other[x] = 1 - pi[x];
        if (Holds(*linted.model, goal, pi) !=
            Holds(*linted.model, goal, other)) {
          constrained.insert(x == 1 ? "b" : "c");
        }
      }
    }
    std::set<std::string> got;
    for (const Diagnostic& d : linted.result.diagnostics) {
      if (d.id != "AC007") continue;
      std::string list = d.message.substr(d.message.rfind(": ") + 2);
      for (const char* name : {"b", "c"}) {
        if (list == name || list.rfind(std::string(name) + ",", 0) == 0 ||
            list.find(", " + std::string(name)) != std::string::npos) {
          got.insert(name);
        }
      }
    }
    for (const std::string& x : got) CHECK(constrained.count(x) == 1);
    if (per_input) CHECK(got == constrained);
    reported += static_cast<int>(got.size());
  }
  CHECK(reported > 20);
}

TEST_CASE("lint: constant loss, wide within and never-minimal outputs") {
  Linted constant = LintText(
      "domain X = {a, b}\ndomain Y = {u, v}\n"
      "loss l(x: X, y: Y) = table { a: u 1, v 1  b: u 0, v 5 }\n"
      "data d = {a: 2}\ngoal g(pi) = forall x in X: pi(x) == u\n"
      "claim c: l aligned_with g as idealized_minimizer over d\n");
  CHECK(std::count(constant.ids.begin(), constant.ids.end(), "AC008") == 1);
  // b is graded in `both`: the loss is no longer constant on the data.
  Linted graded = LintText(
      "domain X = {a, b}\ndomain Y = {u, v}\n"
      "loss l(x: X, y: Y) = table { a: u 1, v 1  b: u 0, v 5 }\n"
      "data d = X\ngoal g(pi) = forall x in X: pi(x) == u\n"
      "claim c: l aligned_with g as idealized_minimizer over d within 2.5\n"
      "claim e: l aligned_with g as idealized_minimizer over d within 2.49\n");
  CHECK(std::count(graded.ids.begin(), graded.ids.end(), "AC008") == 0);
  // Range of L_d: (1/2)(1 - 1) + (1/2)(5 - 0) = 2.5.
  REQUIRE(std::count(graded.ids.begin(), graded.ids.end(), "AC010") == 1);
  for (const Diagnostic& d : graded.result.diagnostics) {
    if (d.id == "AC010") {
      CHECK(d.message ==
            "within 2.5 is at least the range of L_d (2.5): every policy is "
            "a near-minimizer");
    }
  }
  // v ties at a, so it is minimal somewhere: not reported.
  CHECK(std::count(graded.ids.begin(), graded.ids.end(), "AC012") == 0);
}

TEST_CASE("lint: configuration turns rules off and changes severities") {
  const std::string text =
      "domain X = {a, b}\ndomain Y = {u, v}\n"
      "loss l(x: X, y: Y) = table { a: u 0, v 1  b: u 1, v 0 }\n"
      "data d = {a: 1}\ngoal g(pi) = forall x in X: pi(x) == u\n"
      "goal spare(pi: X -> Y) = true\n"
      "claim c: l aligned_with g as idealized_minimizer over d\n";
  Linted plain = LintText(text);
  CHECK(plain.ids == std::vector<std::string>{"AC009", "AC011", "AC007"});
  CHECK(plain.result.blocked.empty());
  CHECK(plain.model->claims.size() == 1);
  LintConfig config = DefaultConfig();
  config.rules["AC011"].enabled = false;
  config.rules["AC009"].enabled = false;
  config.rules["AC007"].severity = Severity::kError;
  Linted strict = LintText(text, config);
  REQUIRE(strict.ids == std::vector<std::string>{"AC007"});
  CHECK(strict.result.diagnostics[0].severity == Severity::kError);
  // The error blocks the claim it is about.
  CHECK(strict.model->claims.empty());
  REQUIRE(strict.result.blocked.size() == 1);
  CHECK(strict.result.blocked[0].name == "c");
  CHECK(strict.result.blocked[0].rule == "AC007");
}

TEST_CASE(
    "lint: a suppressed analysis finding still leaves its claim unchecked") {
  Linted linted = LintText(
      "domain X = {a}\ndomain Y = {u}\nloss l(x: X, y: Y) = 0\n"
      "goal g(pi) = forall x in X: pi(x) == u\n"
      "claim c: l aligned_with g   # aligncheck: ignore AC001\n");
  CHECK(std::count(linted.ids.begin(), linted.ids.end(), "AC001") == 0);
  REQUIRE(linted.result.blocked.size() == 1);
  CHECK(linted.result.blocked[0].suppressed);
}

TEST_CASE("lint: the model is as it was, scratch declarations removed") {
  Linted linted =
      LintText(std::string(kHead) +
               "goal g(pi) = forall x in X: pi(x) == u\n"
               "claim c: l aligned_with g as idealized_minimizer over d\n");
  REQUIRE(linted.model);
  CHECK(linted.model->losses.size() == 1);
  CHECK(linted.model->data.size() == 1);
  CHECK(linted.model->goals.size() == 1);
}

TEST_CASE("explain: every error id E001-E037 has a text") {
  for (int n = 1; n <= 37; ++n) {
    std::string id = fmt::format("E{:03}", n);
    const ErrorInfo* error = FindError(id);
    REQUIRE_MESSAGE(error != nullptr, id);
    CHECK(std::string(error->meaning).size() > 10);
    CHECK(ExplainError(*error).rfind(id, 0) == 0);
  }
  CHECK(FindError("E038") == nullptr);
  CHECK(FindRule("E001") == nullptr);  // errors are not suppressible rules
}

TEST_CASE("explain: every error id E001-E037 has a row in README's table") {
  // The table under "Error ids" names an id alone or in ranges such as
  // "E030-E037" and "E016-E019, E022-E029".
  std::ifstream in(std::string(ALIGNCHECK_SOURCE_DIR) + "/README.md");
  REQUIRE(in);
  std::set<int> listed;
  std::regex range(R"(E(\d{3})(?:-E(\d{3}))?)");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| E0", 0) != 0) continue;
    std::string first_cell = line.substr(1, line.find('|', 1) - 1);
    for (std::sregex_iterator it(first_cell.begin(), first_cell.end(), range),
         end;
         it != end; ++it) {
      int from = std::stoi((*it)[1]);
      int to = (*it)[2].matched ? std::stoi((*it)[2]) : from;
      for (int n = from; n <= to; ++n) listed.insert(n);
    }
  }
  for (int n = 1; n <= 37; ++n) CHECK_MESSAGE(listed.count(n), n);
}

}  // namespace
}  // namespace aligncheck
