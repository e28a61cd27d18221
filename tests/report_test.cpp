// Tests for report/: text and JSON rendering of verdicts on a hand-built model.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "report/json_report.h"
#include "report/text_report.h"

using namespace aligncheck;

namespace {

// Two inputs, two outputs; loss favours "b" at x1; data weighs x1 only.
Model TinyModel() {
  Model m;
  m.file = std::make_shared<SourceFile>("tiny.align", "claim c: l aligned_with g\n");
  m.domains.push_back({"X", false, 0, {"x1", "x2"}, {}});
  m.domains.push_back({"Y", false, 0, {"a", "b"}, {}});
  Loss l;
  l.name = "l";
  l.input = 0;
  l.output = 1;
  const Rational values[] = {Rational(1), Rational(0), Rational(1, 3),
                             Rational(1, 4)};
  l.table = DenseTable(4);
  for (size_t i = 0; i < 4; ++i) l.table.Set(i, values[i]);
  m.losses.push_back(l);
  Data d;
  d.name = "train";
  d.domain = 0;
  d.weights = {Rational(2), Rational(0)};
  d.total = 2;
  m.data.push_back(d);
  Goal g;
  g.name = "g";
  g.input = 0;
  g.output = 1;
  m.goals.push_back(g);
  Claim c;
  c.name = "c";
  c.loss = 0;
  c.goal = 0;
  c.data = 0;
  c.expect = Claim::Expect::kFails;
  c.name_span = {6, 7};
  c.text = "l aligned_with g as idealized_minimizer over train";
  m.claims.push_back(c);
  return m;
}

Verdict Failing() {
  Verdict v;
  v.kind = Verdict::Kind::kFails;
  v.method = "per-input counting";
  IdealizedCounterexample cx;
  cx.policy = {1, 0};
  cx.expected_loss = 0;
  cx.min_loss = 0;
  cx.breaks = {0, 1};
  IdealizedEvidence ev;
  ev.counterexample = cx;
  ev.minimizers = BigInt(2);
  v.evidence = ev;
  return v;
}

}  // namespace

TEST_CASE("a failing claim prints its counterexample, breaking inputs first") {
  Model m = TinyModel();
  ClaimResult r{&m.claims[0], Failing()};
  CHECK(r.AsExpected());
  CHECK(RenderClaimText(m, r, {}) ==
        "tiny.align:1:7: FAILS c [claim-fails]\n"
        "    l aligned_with g as idealized_minimizer over train\n"
        "  counterexample: a minimizer of L_train that violates g\n"
        "    input  weight  pi(input)  loss  min loss\n"
        "    x2     0       a          1/3   0.25      <- goal breaks here\n"
        "    x1     1       b          0     0\n"
        "  the goal breaks at 1 of 2 inputs\n"
        "  L_train(pi) = 0 = min L_train\n"
        "  (2 minimizers in all; found by per-input counting)\n"
        "  expected fails: as expected\n");
}

TEST_CASE("max_rows cuts the table and says how much is hidden") {
  Model m = TinyModel();
  ClaimResult r{&m.claims[0], Failing()};
  TextOptions options;
  options.max_rows = 1;
  std::string text = RenderClaimText(m, r, options);
  CHECK(text.find("    ... 1 more inputs not shown (--max-rows 0 shows all)\n") !=
        std::string::npos);
}

TEST_CASE("an unexpected verdict is marked") {
  Model m = TinyModel();
  Verdict v;
  v.kind = Verdict::Kind::kUnknown;
  v.reason = "engine not available yet";
  ClaimResult r{&m.claims[0], v};
  CHECK_FALSE(r.AsExpected());
  CHECK(RenderClaimText(m, r, {}) ==
        "tiny.align:1:7: UNKNOWN c [claim-unexpected]\n"
        "    l aligned_with g as idealized_minimizer over train\n"
        "  reason: engine not available yet\n"
        "  expected fails, got unknown: UNEXPECTED\n");
}

TEST_CASE("summary line counts verdicts and findings") {
  CheckSummary s;
  s.files = 1;
  s.claims = 3;
  s.holds = 1;
  s.fails = 1;
  s.unknown = 1;
  s.unexpected = 1;
  CHECK(RenderSummaryText(s) ==
        "3 claims in 1 file: 1 holds, 1 fails, 1 unknown; 1 finding\n");
}

TEST_CASE("json has the fields DESIGN.md promises") {
  std::vector<FileResult> results(1);
  results[0].path = "tiny.align";
  results[0].model = TinyModel();
  results[0].claims.push_back({&results[0].model->claims[0], Failing()});
  auto j = nlohmann::json::parse(RenderCheckJson(results));
  const auto& c = j["claims"][0];
  CHECK(c["file"] == "tiny.align");
  CHECK(c["name"] == "c");
  CHECK(c["operationalization"] == "idealized_minimizer");
  CHECK(c["verdict"] == "fails");
  CHECK(c["counterexample"]["policy"]["x1"] == "b");
  CHECK(c["counterexample"]["policy"]["x2"] == "a");
  CHECK(c["minimizers"] == "2");
  CHECK(j["summary"]["claims"] == 1);
}

TEST_CASE("text and json name a verdict with the rule id SARIF gives it") {
  // One id whichever way the verdict is unexpected, as in SARIF and github.
  std::vector<FileResult> results(1);
  results[0].path = "tiny.align";
  results[0].model = TinyModel();  // expect fails
  const Model& m = *results[0].model;
  Verdict holds;
  holds.kind = Verdict::Kind::kHolds;
  ClaimResult unexpected{&m.claims[0], holds};
  CHECK(RenderClaimText(m, unexpected, {})
            .rfind("tiny.align:1:7: HOLDS c [claim-unexpected]\n", 0) == 0);
  results[0].claims.push_back(unexpected);
  results[0].claims.push_back({&m.claims[0], Failing()});
  auto j = nlohmann::json::parse(RenderCheckJson(results));
  CHECK(j["claims"][0]["id"] == "claim-unexpected");
  CHECK(j["claims"][1]["id"] == "claim-fails");
  // A verdict as expected that holds needs no id: null, and no [..] in text.
  results[0].model->claims[0].expect = Claim::Expect::kHolds;
  j = nlohmann::json::parse(RenderCheckJson(results));
  CHECK(j["claims"][0]["id"].is_null());
  CHECK(j["claims"][1]["id"] == "claim-unexpected");
  CHECK(RenderClaimText(m, unexpected, {})
            .rfind("tiny.align:1:7: HOLDS c\n", 0) == 0);
}
