// Tests for the parser: AST shape, precedence, spans, exact diagnostics,
// recovery, limits and hostile input.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "parse/parser.h"
#include "parse/tokens.hpp"

namespace aligncheck {
namespace {

const char* const kNovels =
    R"(# novels.align — one loss, one goal, three readings
domain Prompt = {romance, mystery, scifi}
domain Text   = {masterpiece, cliche, plagiarism, lorem}

loss grader(x: Prompt, y: Text) = table {
  romance: masterpiece 0.2, cliche 0.3, plagiarism 0.0, lorem 5.0
  mystery: masterpiece 0.1, cliche 0.4, plagiarism 0.0, lorem 5.0
  scifi:   masterpiece 0.3, cliche 0.3, plagiarism 0.0, lorem 5.0
}
data train = {romance: 1, mystery: 1}      # scifi is never graded

goal good_novels(pi) = forall x in Prompt: pi(x) == masterpiece

physical lab {
  register computes grader on train
  channel overwrite: register := 0        # the agent can write the register
}

training sgd_run {
  learner softmax_table   init random   optimizer sgd lr 0.5 steps 200
  seeds 1..20   data train
}

claim minimizers_write_well:
  grader aligned_with good_novels as idealized_minimizer over train
claim low_register_means_good:
  grader aligned_with good_novels as physical_only via lab below 0.25
claim training_writes_well:
  grader aligned_with good_novels as trained_outcome under sgd_run
)";

struct Parsed {
  std::shared_ptr<const SourceFile> file;
  DiagnosticSink sink;
  ast::Spec spec;
  std::vector<std::string> rendered;
};

Parsed Parse(std::string text, ParseLimits limits = {}) {
  Parsed p;
  p.file = std::make_shared<SourceFile>("t.align", std::move(text));
  p.spec = ParseSpec(p.file, p.sink, limits);
  for (const Diagnostic& d : p.sink.Sorted()) {
    p.rendered.push_back(RenderDiagnosticText(d));
  }
  return p;
}

// Compact prefix form of an expression, for precedence checks.
std::string Show(const ast::Expr& e) {
  using K = ast::Expr::Kind;
  static const char* const kOps[] = {
      "not", "-",  "and", "or", "implies", "==",         "!=",     "<",
      "<=",  ">",  ">=",  "+",  "-",       "*",          "/",      "eventually",
      "always", "until"};
  std::string out;
  switch (e.kind) {
    case K::kName:
    case K::kNumber:
      return e.text;
    case K::kBool:
      return e.bool_value ? "true" : "false";
    case K::kUnary:
      return std::string("(") + kOps[static_cast<int>(e.op)] + " " +
             Show(e.args[0]) + ")";
    case K::kBinary:
      return std::string("(") + kOps[static_cast<int>(e.op)] + " " +
             Show(e.args[0]) + " " + Show(e.args[1]) + ")";
    case K::kCall:
      out = e.text + "(";
      for (size_t i = 0; i < e.args.size(); ++i) {
        out += (i ? ", " : "") + Show(e.args[i]);
      }
      return out + ")";
    case K::kForall:
    case K::kExists:
    case K::kCount:
    case K::kSum: {
      const char* q = e.kind == K::kForall   ? "forall"
                      : e.kind == K::kExists ? "exists"
                      : e.kind == K::kCount  ? "count"
                                             : "sum";
      return std::string("(") + q + " " + e.text + " " + e.domain.text + " " +
             Show(e.args[0]) + ")";
    }
    case K::kIf:
      return "(if " + Show(e.args[0]) + " " + Show(e.args[1]) + " " +
             Show(e.args[2]) + ")";
    case K::kMember:
      out = "(in";
      for (const ast::Expr& a : e.args) out += " " + Show(a);
      return out + ")";
    case K::kPath:
      return std::string("(") + kOps[static_cast<int>(e.op)] +
             (e.text.empty() ? "" : " within " + e.text) + " " +
             Show(e.args[0]) + ")";
  }
  return "?";
}

// Parses `goal g(pi) = FORMULA` and returns the formula in prefix form.
std::string Formula(const std::string& formula) {
  Parsed p = Parse("goal g(pi) = " + formula + "\n");
  for (const std::string& r : p.rendered) MESSAGE(r);
  REQUIRE(p.rendered.empty());
  REQUIRE(p.spec.decls.size() == 1);
  return Show(std::get<ast::GoalDecl>(p.spec.decls[0]).body);
}

std::string SpanText(const Parsed& p, Span s) {
  return p.file->text().substr(s.begin, s.end - s.begin);
}

TEST_CASE("parse: the DESIGN novels example") {
  Parsed p = Parse(kNovels);
  for (const std::string& r : p.rendered) MESSAGE(r);
  REQUIRE(p.rendered.empty());
  REQUIRE(p.spec.decls.size() == 10);

  const auto& prompt = std::get<ast::DomainDecl>(p.spec.decls[0]);
  CHECK(prompt.name.text == "Prompt");
  CHECK_FALSE(prompt.is_range);
  REQUIRE(prompt.values.size() == 3);
  CHECK(prompt.values[2].text == "scifi");
  CHECK(std::get<ast::DomainDecl>(p.spec.decls[1]).values.size() == 4);

  const auto& grader = std::get<ast::LossDecl>(p.spec.decls[2]);
  CHECK(grader.name.text == "grader");
  REQUIRE(grader.params.size() == 2);
  CHECK(grader.params[1].name.text == "y");
  CHECK(grader.params[1].type.text == "Text");
  CHECK(grader.body == ast::LossDecl::Body::kTable);
  REQUIRE(grader.rows.size() == 3);
  for (const ast::TableRow& row : grader.rows) {
    CHECK(row.entries.size() == 4);
  }
  CHECK(grader.rows[1].input.text == "mystery");
  CHECK(SpanText(p, grader.rows[1].entries[0].output) == "masterpiece");
  CHECK(grader.rows[1].entries[0].output_is_name);
  CHECK(SpanText(p, grader.rows[1].entries[0].value) == "0.1");
  CHECK(SpanText(p, grader.rows[2].entries[3].value) == "5.0");

  const auto& train = std::get<ast::DataDecl>(p.spec.decls[3]);
  CHECK(train.body == ast::DataDecl::Body::kWeights);
  REQUIRE(train.weights.size() == 2);
  CHECK(train.weights[1].first.text == "mystery");
  CHECK(train.weights[1].second.text == "1");

  const auto& goal = std::get<ast::GoalDecl>(p.spec.decls[4]);
  CHECK(goal.policy.text == "pi");
  CHECK_FALSE(goal.signature.has_value());
  CHECK(Show(goal.body) == "(forall x Prompt (== pi(x) masterpiece))");

  const auto& lab = std::get<ast::PhysicalDecl>(p.spec.decls[5]);
  REQUIRE(lab.stmts.size() == 2);
  CHECK(lab.stmts[0].kind == ast::PhysicalStmt::Kind::kRegister);
  REQUIRE(lab.stmts[0].names.size() == 2);
  CHECK(lab.stmts[0].names[0].text == "grader");
  CHECK(lab.stmts[0].names[1].text == "train");
  CHECK(lab.stmts[1].kind == ast::PhysicalStmt::Kind::kChannel);
  CHECK(lab.stmts[1].names[0].text == "overwrite");
  CHECK(Show(lab.stmts[1].target) == "register");
  CHECK(Show(lab.stmts[1].value) == "0");

  const auto& sgd = std::get<ast::TrainingDecl>(p.spec.decls[6]);
  REQUIRE(sgd.settings.size() == 7);
  CHECK(sgd.settings[0].key.text == "learner");
  CHECK(sgd.settings[0].values[0].text == "softmax_table");
  CHECK(sgd.settings[3].key.text == "lr");
  CHECK(sgd.settings[3].values[0].text == "0.5");
  CHECK(sgd.settings[5].key.text == "seeds");
  CHECK(sgd.settings[5].values[0].kind == ast::Literal::Kind::kRange);
  CHECK(sgd.settings[5].values[0].text == "1");
  CHECK(sgd.settings[5].values[0].hi == "20");
  CHECK(sgd.settings[6].key.text == "data");
  CHECK(sgd.settings[6].values[0].text == "train");

  using C = ast::ClaimDecl;
  const auto& c1 = std::get<C>(p.spec.decls[7]);
  CHECK(c1.name.text == "minimizers_write_well");
  CHECK(c1.subject.text == "grader");
  CHECK(c1.relation == C::Relation::kAlignedWith);
  CHECK(c1.goal.text == "good_novels");
  CHECK(c1.reading == C::Reading::kIdealized);
  REQUIRE(c1.data.has_value());
  CHECK(c1.data->text == "train");
  CHECK_FALSE(c1.within.has_value());
  CHECK(c1.expect == C::Expect::kNone);
  const auto& c2 = std::get<C>(p.spec.decls[8]);
  CHECK(c2.reading == C::Reading::kPhysical);
  CHECK(c2.model->text == "lab");
  CHECK(c2.threshold->text == "0.25");
  const auto& c3 = std::get<C>(p.spec.decls[9]);
  CHECK(c3.reading == C::Reading::kTrained);
  CHECK(c3.training->text == "sgd_run");
}

TEST_CASE("parse: spans of names and nodes") {
  Parsed p = Parse(kNovels);
  REQUIRE(p.spec.decls.size() == 10);
  const auto& text_domain = std::get<ast::DomainDecl>(p.spec.decls[1]);
  LineCol at = p.file->Locate(text_domain.name.span.begin);
  CHECK(at.line == 3);
  CHECK(at.col == 8);
  CHECK(SpanText(p, text_domain.name.span) == "Text");
  CHECK(SpanText(p, text_domain.values[3].span) == "lorem");
  CHECK(SpanText(p, text_domain.span) ==
        "domain Text   = {masterpiece, cliche, plagiarism, lorem}");

  const auto& grader = std::get<ast::LossDecl>(p.spec.decls[2]);
  at = p.file->Locate(grader.rows[2].input.span.begin);
  CHECK(at.line == 8);
  CHECK(at.col == 3);
  CHECK(SpanText(p, grader.rows[2].entries[1].value) == "0.3");
  CHECK(SpanText(p, grader.rows[0].span) ==
        "romance: masterpiece 0.2, cliche 0.3, plagiarism 0.0, lorem 5.0");

  const auto& goal = std::get<ast::GoalDecl>(p.spec.decls[4]);
  at = p.file->Locate(goal.name.span.begin);
  CHECK(at.line == 12);
  CHECK(at.col == 6);
  CHECK(SpanText(p, goal.body.span) ==
        "forall x in Prompt: pi(x) == masterpiece");
  CHECK(SpanText(p, goal.body.var_span) == "x");
  CHECK(SpanText(p, goal.body.domain.span) == "Prompt");
  CHECK(SpanText(p, goal.body.args[0].span) == "pi(x) == masterpiece");
  CHECK(SpanText(p, goal.body.args[0].args[0].span) == "pi(x)");

  const auto& lab = std::get<ast::PhysicalDecl>(p.spec.decls[5]);
  CHECK(SpanText(p, lab.stmts[1].span) == "channel overwrite: register := 0");

  const auto& c2 = std::get<ast::ClaimDecl>(p.spec.decls[8]);
  at = p.file->Locate(c2.name.span.begin);
  CHECK(at.line == 26);
  CHECK(at.col == 7);
  CHECK(SpanText(p, c2.relation_span) == "aligned_with");
  CHECK(SpanText(p, c2.reading_span) == "as physical_only via lab below 0.25");
}

TEST_CASE("parse: precedence and associativity") {
  CHECK(Formula("a or b and c") == "(or a (and b c))");
  CHECK(Formula("a and b or c") == "(or (and a b) c)");
  CHECK(Formula("forall x in X: a and b") == "(forall x X (and a b))");
  CHECK(Formula("forall x in X: a or b implies c") ==
        "(forall x X (implies (or a b) c))");
  CHECK(Formula("a and forall x in X: b or c") ==
        "(and a (forall x X (or b c)))");
  CHECK(Formula("forall x in X: exists y in Y: pi(x) == y") ==
        "(forall x X (exists y Y (== pi(x) y)))");
  CHECK(Formula("a implies b implies c") == "(implies a (implies b c))");
  CHECK(Formula("(a implies b) implies c") == "(implies (implies a b) c)");
  CHECK(Formula("not a and b") == "(and (not a) b)");
  CHECK(Formula("not not a") == "(not (not a))");
  CHECK(Formula("(count x in X: F) >= 2") == "(>= (count x X F) 2)");
  CHECK(Formula("(sum x in X: l(x, pi(x))) / 3 <= 0.5") ==
        "(<= (/ (sum x X l(x, pi(x))) 3) 0.5)");
  CHECK(Formula("pi(x) in {a, b}") == "(in pi(x) a b)");
  CHECK(Formula("not pi(x) in {a} or c") == "(or (not (in pi(x) a)) c)");
  CHECK(Formula("if y == label(x) then 0 else 1") ==
        "(if (== y label(x)) 0 1)");
  CHECK(Formula("if a then 1 else 2 + 3") == "(if a 1 (+ 2 3))");
  CHECK(Formula("-a * b") == "(* (- a) b)");
  CHECK(Formula("a - -1") == "(- a (- 1))");
  CHECK(Formula("a - b - c") == "(- (- a b) c)");
  CHECK(Formula("a + b * c / d") == "(+ a (/ (* b c) d))");
  CHECK(Formula("truth(x, pi(x)) <= 0.5") == "(<= truth(x, pi(x)) 0.5)");
  CHECK(Formula("f() != true") == "(!= f() true)");
  CHECK(Formula("1.5e-3 < 2") == "(< 1.5e-3 2)");
  // Keywords do not match identifier prefixes.
  CHECK(Formula("inx == android") == "(== inx android)");
  CHECK(Formula("forall x in X: notx or iffy") ==
        "(forall x X (or notx iffy))");
}

TEST_CASE("parse: other declaration forms") {
  Parsed p = Parse(R"(domain Digit = 0..9
fn label: Image -> Digit = {a: 3, b: 7,}
fn score: Image -> Real = csv "scores.csv"
loss l01(x: Image, y: Digit) = if y == label(x) then 0 else 1
loss big(x: Image, y: Digit) = table csv "big.csv"
loss t(x: Digit, y: Digit) = table { 0: 0 -1.5, 1 2e3, }
data all = Image
data w = csv "w.csv"
goal g(pi: Image -> Digit) = forall x in Image: pi(x) == label(x)
physical m { closed }
training t2 { learner linear features f1 f2 evidence "paper.pdf" seeds 1..3 lr -0.5 }
agent A cares_about register in m
agent B cares_about predictions of l01
agent C cares_about loss
claim c: l01 aligned_with g as idealized_minimizer over all in linear(f1, f2) within 0.1 expect fails
claim d: A achieves g expect holds
claim e: l01 represents g
)");
  for (const std::string& r : p.rendered) MESSAGE(r);
  REQUIRE(p.rendered.empty());
  REQUIRE(p.spec.decls.size() == 17);
  const auto& digit = std::get<ast::DomainDecl>(p.spec.decls[0]);
  CHECK(digit.is_range);
  CHECK(digit.range.text == "0");
  CHECK(digit.range.hi == "9");
  const auto& label = std::get<ast::FnDecl>(p.spec.decls[1]);
  CHECK(label.from.text == "Image");
  CHECK(label.to.text == "Digit");
  REQUIRE(label.entries.size() == 2);
  CHECK(label.entries[1].second.text == "7");
  const auto& score = std::get<ast::FnDecl>(p.spec.decls[2]);
  CHECK(score.body == ast::FnDecl::Body::kCsv);
  CHECK(score.csv.path == "scores.csv");
  const auto& l01 = std::get<ast::LossDecl>(p.spec.decls[3]);
  CHECK(l01.body == ast::LossDecl::Body::kExpr);
  CHECK(Show(l01.expr) == "(if (== y label(x)) 0 1)");
  CHECK(std::get<ast::LossDecl>(p.spec.decls[4]).body ==
        ast::LossDecl::Body::kCsv);
  const auto& t = std::get<ast::LossDecl>(p.spec.decls[5]);
  REQUIRE(t.rows.size() == 1);
  REQUIRE(t.rows[0].entries.size() == 2);
  CHECK(SpanText(p, t.rows[0].entries[0].value) == "-1.5");
  CHECK(SpanText(p, t.rows[0].entries[1].output) == "1");
  CHECK_FALSE(t.rows[0].entries[1].output_is_name);
  CHECK(std::get<ast::DataDecl>(p.spec.decls[6]).domain.text == "Image");
  CHECK(std::get<ast::DataDecl>(p.spec.decls[7]).csv.path == "w.csv");
  const auto& g = std::get<ast::GoalDecl>(p.spec.decls[8]);
  REQUIRE(g.signature.has_value());
  CHECK(g.signature->second.text == "Digit");
  CHECK(std::get<ast::PhysicalDecl>(p.spec.decls[9]).stmts[0].kind ==
        ast::PhysicalStmt::Kind::kClosed);
  const auto& t2 = std::get<ast::TrainingDecl>(p.spec.decls[10]);
  REQUIRE(t2.settings.size() == 5);
  CHECK(t2.settings[1].values.size() == 2);
  CHECK(t2.settings[2].values[0].kind == ast::Literal::Kind::kString);
  CHECK(t2.settings[2].values[0].text == "paper.pdf");
  CHECK(t2.settings[4].values[0].text == "-0.5");
  const auto& a = std::get<ast::AgentDecl>(p.spec.decls[11]);
  CHECK(a.aspect.text == "register");
  CHECK(a.preposition->text == "in");
  CHECK(a.target->text == "m");
  CHECK(std::get<ast::AgentDecl>(p.spec.decls[12]).preposition->text == "of");
  CHECK_FALSE(std::get<ast::AgentDecl>(p.spec.decls[13]).target.has_value());
  using C = ast::ClaimDecl;
  const auto& c = std::get<C>(p.spec.decls[14]);
  CHECK(c.hypothesis->text == "linear");
  REQUIRE(c.hypothesis_args.size() == 2);
  CHECK(c.hypothesis_args[1].text == "f2");
  CHECK(c.within->text == "0.1");
  CHECK(c.expect == C::Expect::kFails);
  const auto& d = std::get<C>(p.spec.decls[15]);
  CHECK(d.relation == C::Relation::kAchieves);
  CHECK(d.reading == C::Reading::kNone);
  CHECK(d.expect == C::Expect::kHolds);
  CHECK(std::get<C>(p.spec.decls[16]).relation == C::Relation::kRepresents);
}

TEST_CASE("parse: table cells keep spans, whichever scanner read them") {
  // Name outputs with plain decimals take the compact scanner; number
  // outputs, exponents, signs and comments go through the literal parser.
  Parsed p = Parse(
      "loss l(x: X, y: Y) = table {\n"
      "  a: p 0.5, q -1.25,r +2, # comment\n"
      "     s 1e-3, 3 7, t\t0 ,u 4.25\n"
      "  b: p 1\n"
      "}\n");
  for (const std::string& r : p.rendered) MESSAGE(r);
  REQUIRE(p.rendered.empty());
  const auto& l = std::get<ast::LossDecl>(p.spec.decls[0]);
  REQUIRE(l.rows.size() == 2);
  const std::vector<ast::TableCell>& cells = l.rows[0].entries;
  REQUIRE(cells.size() == 7);
  const char* kOutputs[] = {"p", "q", "r", "s", "3", "t", "u"};
  const char* kValues[] = {"0.5", "-1.25", "+2", "1e-3", "7", "0", "4.25"};
  for (size_t i = 0; i < cells.size(); ++i) {
    CAPTURE(i);
    CHECK(SpanText(p, cells[i].output) == kOutputs[i]);
    CHECK(SpanText(p, cells[i].value) == kValues[i]);
    CHECK(cells[i].output_is_name == (i != 4));
  }
  CHECK(SpanText(p, l.rows[1].entries[0].value) == "1");
}

TEST_CASE("parse: empty input") {
  CHECK(Parse("").spec.decls.empty());
  CHECK(Parse("").rendered.empty());
  CHECK(Parse("  # only a comment\n\n").rendered.empty());
}

TEST_CASE("parse: exact syntax error messages") {
  CHECK(Parse("goal g(pi) foo\n").rendered ==
        std::vector<std::string>{
            "t.align:1:12: error: expected '=', got identifier 'foo' [E001]\n"
            "goal g(pi) foo\n"
            "           ^~~\n"});
  CHECK(Parse("}\n").rendered ==
        std::vector<std::string>{
            "t.align:1:1: error: expected a declaration (domain, fn, loss, "
            "reward, data, goal, physical, training, agent, mdp, claim, story), "
            "got '}' [E001]\n"
            "}\n"
            "^\n"});
  CHECK(Parse("goal g(pi) =").rendered ==
        std::vector<std::string>{
            "t.align:1:13: error: expected expression, got end of file "
            "[E001]\n"
            "goal g(pi) =\n"
            "            ^\n"});
  CHECK(Parse("domain X = {a, b c}").rendered ==
        std::vector<std::string>{
            "t.align:1:18: error: expected ',' or '}', got identifier 'c' "
            "[E001]\n"
            "domain X = {a, b c}\n"
            "                 ^\n"});
  CHECK(Parse("goal g(pi) = a < b < c").rendered ==
        std::vector<std::string>{
            "t.align:1:20: error: expected end of comparison (comparisons do "
            "not chain), got '<' [E001]\n"
            "goal g(pi) = a < b < c\n"
            "                   ^\n"});
  CHECK(Parse("claim c: l aligned_with g as best").rendered ==
        std::vector<std::string>{
            "t.align:1:30: error: expected a reading (idealized_minimizer, "
            "physical_only, trained_outcome), got identifier 'best' [E001]\n"
            "claim c: l aligned_with g as best\n"
            "                             ^~~~\n"});
  CHECK(Parse("claim c: l is_aligned g").rendered ==
        std::vector<std::string>{
            "t.align:1:12: error: expected a relation (aligned_with, "
            "represents, encodes, achieves, unhackable_with, simplifies, "
            "potential_shaping_of, epic_distance_to), got identifier "
            "'is_aligned' [E001]\n"
            "claim c: l is_aligned g\n"
            "           ^~~~~~~~~~\n"});
  CHECK(Parse("loss l(x: X, y: Y) = table {\n  a: b 0.1, c\n}\n").rendered ==
        std::vector<std::string>{
            "t.align:3:1: error: expected number, got '}' [E001]\n"
            "}\n"
            "^\n"});
  CHECK(Parse("physical m { register computes l in d }").rendered ==
        std::vector<std::string>{
            "t.align:1:34: error: expected 'on', got keyword 'in' [E001]\n"
            "physical m { register computes l in d }\n"
            "                                 ^~\n"});
  CHECK(Parse("domain 3 = {a}").rendered ==
        std::vector<std::string>{
            "t.align:1:8: error: expected name, got number '3' [E001]\n"
            "domain 3 = {a}\n"
            "       ^\n"});
  CHECK(Parse("domain in = {a}").rendered.size() == 1);
  CHECK(Parse("data d = {a: 1").rendered ==
        std::vector<std::string>{
            "t.align:1:15: error: expected ',' or '}', got end of file [E001]\n"
            "data d = {a: 1\n"
            "              ^\n"});
}

TEST_CASE("parse: an unfinished formula stops at the next declaration") {
  Parsed p = Parse(
      "goal g(pi) = forall x in X:\n"
      "claim c: l aligned_with g as trained_outcome under t\n");
  REQUIRE(p.rendered.size() == 1);
  CHECK(p.rendered[0].rfind(
            "t.align:2:1: error: expected expression, got identifier 'claim' "
            "[E001]",
            0) == 0);
  REQUIRE(p.spec.decls.size() == 1);
  CHECK(std::get<ast::ClaimDecl>(p.spec.decls[0]).name.text == "c");
}

TEST_CASE("parse: recovery reports every broken declaration") {
  Parsed p = Parse(
      "domain A = {a, b}\n"
      "domain B = {x y}\n"  // broken
      "data train = {a: 1}\n"
      "goal g(pi) = forall x in A: pi(x) == \n"  // broken
      "  \n"
      "claim c: l aligned_with g as idealized_minimizer over train\n");
  REQUIRE(p.sink.error_count() == 2);
  auto sorted = p.sink.Sorted();
  CHECK(sorted[0].message == "expected ',' or '}', got identifier 'y'");
  CHECK(sorted[1].message == "expected expression, got identifier 'claim'");
  REQUIRE(p.spec.decls.size() == 3);
  CHECK(std::get<ast::DomainDecl>(p.spec.decls[0]).name.text == "A");
  CHECK(std::get<ast::DataDecl>(p.spec.decls[1]).name.text == "train");
  CHECK(std::get<ast::ClaimDecl>(p.spec.decls[2]).name.text == "c");
}

TEST_CASE("parse: recovery skips to a line starting with a keyword") {
  Parsed p = Parse(
      "loss l(x: A, y: B) = table {\n"
      "  a: x 1, y\n"  // broken: missing number
      "  b: x 1, y 2\n"
      "}\n"
      "training t { learner 3, 4 }\n"  // broken: a comma
      "fn f: A -> B = {a: x}\n");
  REQUIRE(p.sink.error_count() == 2);
  auto sorted = p.sink.Sorted();
  CHECK(sorted[0].message == "expected number, got identifier 'b'");
  CHECK(sorted[1].message ==
        "expected a setting (learner, init, optimizer, lr, steps, seeds, "
        "data, features, evidence, mdp, start, epsilon, episodes, horizon) "
        "or '}', got ','");
  REQUIRE(p.spec.decls.size() == 1);
  CHECK(std::get<ast::FnDecl>(p.spec.decls[0]).name.text == "f");
}

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

void CheckOneNestingError(const Parsed& p) {
  REQUIRE(p.sink.error_count() == 1);
  CHECK(p.sink.diagnostics()[0].id == "E011");
  CHECK(p.sink.diagnostics()[0].message ==
        "nesting deeper than 200 (--max-nesting)");
}

// The default limits but for line length, so that the other limits can be
// hit with one long line.
ParseLimits LongLines() {
  ParseLimits limits;
  limits.max_line_bytes = SIZE_MAX;
  return limits;
}

TEST_CASE("parse: nesting limits instead of stack overflow") {
  CheckOneNestingError(
      Parse("goal g(pi) = " + Repeat("(", 100000) + "a", LongLines()));
  CheckOneNestingError(
      Parse("goal g(pi) = " + Repeat("(", 100000) + "a" + Repeat(")", 100000),
            LongLines()));
  CheckOneNestingError(
      Parse("goal g(pi) = " + Repeat("not ", 100000) + "a", LongLines()));
  CheckOneNestingError(
      Parse("goal g(pi) = " + Repeat("-", 100000) + "a", LongLines()));
  CheckOneNestingError(Parse(
      "goal g(pi) = " + Repeat("forall x in X: ", 100000) + "a", LongLines()));
  CheckOneNestingError(
      Parse("goal g(pi) = " + Repeat("a implies ", 100000) + "a", LongLines()));
  CheckOneNestingError(
      Parse("goal g(pi) = " + Repeat("f(", 100000) + "a", LongLines()));
  CheckOneNestingError(
      Parse("goal g(pi) = " + Repeat("if a then b else ", 100000) + "c",
            LongLines()));
  CheckOneNestingError(
      Parse("goal g(pi) = a" + Repeat(" + a", 100000), LongLines()));
  CheckOneNestingError(
      Parse("goal g(pi) = a" + Repeat(" and a", 100000), LongLines()));

  // Within the limit is fine, and the limit is configurable.
  Parsed ok =
      Parse("goal g(pi) = " + Repeat("(", 150) + "a" + Repeat(")", 150));
  CHECK(ok.rendered.empty());
  Parsed low = Parse("goal g(pi) = ((((a))))", ParseLimits{3});
  REQUIRE(low.sink.error_count() == 1);
  CHECK(low.sink.diagnostics()[0].message ==
        "nesting deeper than 3 (--max-nesting)");
  // Later declarations still parse after a nesting error.
  Parsed after =
      Parse("goal g(pi) = " + Repeat("(", 1000) + "\ndomain X = {a}\n");
  CHECK(after.sink.error_count() == 1);
  CHECK(after.spec.decls.size() == 1);
}

TEST_CASE("parse: garbage input is an error, not a crash or a hang") {
  {
    std::string nul("domain X = {a,\0b}\n", 18);
    Parsed p = Parse(nul);
    REQUIRE(p.sink.error_count() == 1);
    CHECK(p.sink.diagnostics()[0].message == "expected name, got byte 0x00");
  }
  {
    std::mt19937 rng(42);
    for (int round = 0; round < 50; ++round) {
      std::string bytes(4096, '\0');
      for (char& c : bytes) c = static_cast<char>(rng() & 0xff);
      Parsed p = Parse(bytes);
      CHECK(p.sink.has_errors());
    }
  }
  {
    std::mt19937 rng(7);
    // Random token soup made of the language's own words.
    const char* const words[] = {
        "domain",   "fn",    "loss",  "data", "goal", "physical",
        "training", "agent", "claim", "{",    "}",    "(",
        ")",        ":",     ",",     "=",    "->",   ":=",
        "forall",   "in",    "x",     "1",    "0..9", "\"s\"",
        "\n",       "table", "csv",   "as",   "not",  "and",
        "<",        "if",    "then",  "else", "-",    "#c\n"};
    for (int round = 0; round < 200; ++round) {
      std::string soup;
      for (int i = 0; i < 60; ++i) {
        soup += words[rng() % (sizeof(words) / sizeof(words[0]))];
        soup += ' ';
      }
      Parse(soup);  // must return
    }
  }
  {
    Parsed p = Parse(std::string(10'000'000, 'a'), LongLines());
    REQUIRE(p.sink.error_count() == 1);
    CHECK(p.sink.diagnostics()[0].message ==
          "expected a declaration (domain, fn, loss, reward, data, goal, "
          "physical, training, agent, mdp, claim, story), got identifier "
          "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'");
  }
  {
    Parsed p =
        Parse("domain X = {" + Repeat("a, ", 3'000'000) + "b c}", LongLines());
    CHECK(p.sink.error_count() == 1);
  }
  {
    Parsed p =
        Parse("goal g(pi) = f(" + Repeat("a, ", 3'000'000) + "a)", LongLines());
    REQUIRE(p.sink.error_count() == 1);
    CHECK(p.sink.diagnostics()[0].message ==
          "more than 10000 items in one list (--max-list-items)");
  }
  {
    Parsed p = Parse("goal g(pi) = a" + Repeat(" + a", 2'500'000), LongLines());
    CHECK(p.sink.error_count() == 1);
  }
  {
    Parsed p = Parse("\"" + std::string(10'000'000, 'x'), LongLines());
    CHECK(p.sink.error_count() == 1);
  }
}

TEST_CASE("parse: list items and line length have limits of their own") {
  ParseLimits limits;
  limits.max_list_items = 2;
  Parsed two = Parse("goal g(pi) = pi(a) in {u, v}", limits);
  CHECK(two.rendered.empty());
  Parsed three =
      Parse("goal g(pi) = pi(a) in {u, v, w}\ndomain X = {a}\n", limits);
  REQUIRE(three.sink.error_count() == 1);
  CHECK(three.sink.diagnostics()[0].message ==
        "more than 2 items in one list (--max-list-items)");
  CHECK(three.spec.decls.size() == 1);  // the next declaration still parses

  // A line over the limit is one located error, and nothing is parsed.
  limits.max_line_bytes = 10;
  Parsed ok = Parse("domain X =\n  {a, b}\n", limits);
  CHECK(ok.rendered.empty());
  Parsed wide = Parse("domain X = {a}\ndomain Y = {a, b}\n", limits);
  REQUIRE(wide.sink.error_count() == 1);
  CHECK(wide.spec.decls.empty());
  CHECK(wide.rendered[0] ==
        "t.align:1:11: error: line is 14 bytes long, over the limit of 10 "
        "(--max-line-length) [E011]\n"
        "domain X = {a}\n"
        "          ^\n");
  // The default: 1 MiB.
  Parsed huge = Parse(std::string(2'000'000, 'a'));
  REQUIRE(huge.sink.error_count() == 1);
  CHECK(huge.sink.diagnostics()[0].message ==
        "line is 2000000 bytes long, over the limit of 1048576 "
        "(--max-line-length)");
}

TEST_CASE("parse: a 10,000 x 100 loss table parses completely") {
  std::string text = "loss big(x: X, y: Y) = table {\n";
  text.reserve(13'000'000);
  std::mt19937 rng(1);
  for (int i = 0; i < 10000; ++i) {
    text += "  i" + std::to_string(i) + ":";
    for (int j = 0; j < 100; ++j) {
      text += (j ? ", o" : " o") + std::to_string(j) + " 0." +
              std::to_string(100000 + rng() % 900000);
    }
    text += "\n";
  }
  text += "}\n";
  auto file = std::make_shared<SourceFile>("big.align", std::move(text));
  DiagnosticSink sink;
  ast::Spec spec = ParseSpec(file, sink);
  REQUIRE_FALSE(sink.has_errors());
  const auto& big = std::get<ast::LossDecl>(spec.decls.at(0));
  REQUIRE(big.rows.size() == 10000);
  CHECK(big.rows[9999].entries.size() == 100);
  CHECK(big.rows[9999].input.text == "i9999");
}

TEST_CASE("parse: reward declarations and relations between two rewards") {
  Parsed p = Parse(
      "reward r(x: X, y: Y) = table { a: u 1, v 0 }\n"
      "loss l(x: X, y: Y) = 0\n"
      "claim c: r unhackable_with l over d expect fails\n"
      "claim s: r simplifies l over d\n");
  REQUIRE(p.rendered.empty());
  REQUIRE(p.spec.decls.size() == 4);
  CHECK(std::get<ast::LossDecl>(p.spec.decls[0]).reward);
  CHECK_FALSE(std::get<ast::LossDecl>(p.spec.decls[1]).reward);
  const auto& c = std::get<ast::ClaimDecl>(p.spec.decls[2]);
  CHECK(c.relation == ast::ClaimDecl::Relation::kUnhackableWith);
  CHECK(c.goal.text == "l");
  REQUIRE(c.over);
  CHECK(c.over->text == "d");
  CHECK(c.reading == ast::ClaimDecl::Reading::kNone);
  CHECK(c.expect == ast::ClaimDecl::Expect::kFails);
  CHECK(std::get<ast::ClaimDecl>(p.spec.decls[3]).relation ==
        ast::ClaimDecl::Relation::kSimplifies);
  // A broken reward declaration resynchronizes at the next declaration.
  Parsed bad = Parse("reward r(x: X y: Y) = 0\nreward q(x: X, y: Y) = 1\n");
  REQUIRE(bad.rendered.size() == 1);
  CHECK(bad.rendered[0].rfind("t.align:1:15: error: expected ',' or ')'", 0) ==
        0);
  CHECK(bad.spec.decls.size() == 1);
}

TEST_CASE("parse: common slips get specific help") {
  auto first = [](const std::string& text) {
    auto rendered = Parse(text).rendered;
    REQUIRE(!rendered.empty());
    return rendered[0];
  };
  CHECK(first("goal g(pi) = a && b\n").find("as 'and'") != std::string::npos);
  CHECK(first("goal g(pi) = a || b\n").find("as 'or'") != std::string::npos);
  CHECK(first("goal g(pi) = !a\n").find("as 'not'") != std::string::npos);
  CHECK(first("goal g(pi) = a = b\n").find("write '=='") != std::string::npos);
  CHECK(first("goal g(pi) = for all x in X: a\n").find("'forall'") !=
        std::string::npos);
  CHECK(first("// c\n").find("start with '#'") != std::string::npos);
  CHECK(first("domian X = {a}\n").find("did you mean 'domain'") !=
        std::string::npos);
  CHECK(first("domain X = {a,\ndomain Y = {b}\n").find("t.align:1:12: the '{'") !=
        std::string::npos);
  // Where ':=' is expected, '=' is no comparison.
  CHECK(first("physical m { implemented l(x) = 3 }\n").find("help:") ==
        std::string::npos);
  // A real keyword in the wrong place is no typo.
  CHECK(first("physical m { register computes l in d }").find("help:") ==
        std::string::npos);
}

TEST_CASE("parse: Unicode letters in names and operator symbols") {
  using parse::ScanIdent;
  std::string ell = "\u2113\u2081 \u2264";  // script l, subscript 1, <=
  CHECK(ScanIdent(ell.begin(), ell.end()) - ell.begin() == 6);
  std::string le = "\u2264x";
  CHECK(ScanIdent(le.begin(), le.end()) == le.begin());
  std::string glued = "a\u2227b";  // `a` and `b` around U+2227
  CHECK(ScanIdent(glued.begin(), glued.end()) - glued.begin() == 1);
  std::string bad = "\xce";  // a truncated sequence is no letter
  CHECK(ScanIdent(bad.begin(), bad.end()) == bad.begin());
  CHECK(Parse("goal \u03c6(\u03c0) = \u2200 x in X: \u03c0(x) \u2260 a "
              "\u2227 \u00ac(\u03c0(x) \u2264 b \u2228 \u03c0(x) \u2265 c) "
              "\u2192 \u2203 y in X: true\n")
            .rendered.empty());
  CHECK(Parse("\xEF\xBB\xBF" "domain X = {a}\n").rendered.empty());
}

TEST_CASE("parse: a number past the exponent limit says the limit") {
  auto over = Parse("goal g(pi) = x >= 1e100001\n").rendered;
  REQUIRE(over.size() == 1);
  CHECK(over[0].find("over the limit of 100000 [E011]") != std::string::npos);
  CHECK(Parse("goal g(pi) = x >= 1e100000 and x <= 1e-000100000\n")
            .rendered.empty());
}

}  // namespace
}  // namespace aligncheck
