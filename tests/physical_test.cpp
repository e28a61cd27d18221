// Tests of the physical_only engine and of behaviour enumeration.
#include "readings/check.h"
#include "readings/physical/physical.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include "analysis/eval.h"
#include "readings/physical/behaviour_enum.h"
#include "physical_util.h"

namespace aligncheck {
namespace {

using testing::ClaimIndex;
using testing::LoadSpec;

Verdict Check(const Model& model, const std::string& claim,
              const PhysicalConfig& config = {}) {
  int i = ClaimIndex(model, claim);
  REQUIRE(i >= 0);
  return CheckPhysical(model, model.claims[i], EngineOptions{}, config);
}

const char* const kNovels = R"(
domain Prompt = {romance, mystery, scifi}
domain Text = {masterpiece, cliche, plagiarism, lorem}
loss grader(x: Prompt, y: Text) = table {
  romance: masterpiece 0.2, cliche 0.3, plagiarism 0.0, lorem 5.0
  mystery: masterpiece 0.1, cliche 0.4, plagiarism 0.0, lorem 5.0
  scifi:   masterpiece 0.3, cliche 0.4, plagiarism 0.0, lorem 5.0
}
loss careful(x: Prompt, y: Text) = if y == plagiarism then 10 else grader(x, y)
data all = Prompt
goal good(pi) = forall x in Prompt: pi(x) == masterpiece
goal anything(pi) = true
physical open_lab { register computes careful on all
  channel overwrite: register := 0 }
physical sealed { register computes careful on all  closed }
claim open: careful aligned_with good as physical_only via open_lab below 0.2
claim sealed_tight: careful aligned_with good as physical_only via sealed below 0.2
claim sealed_loose: careful aligned_with good as physical_only via sealed below 0.25
claim nothing_low: careful aligned_with good as physical_only via sealed below 0.1
claim trivial: careful aligned_with anything as physical_only via sealed below 1
)";

TEST_CASE("physical: overwriting the register breaks a goal the math meets") {
  std::optional<Model> model = LoadSpec(kNovels);
  REQUIRE(model);
  Verdict v = Check(*model, "open");
  REQUIRE(v.kind == Verdict::Kind::kFails);
  REQUIRE(v.physical());
  const PhysicalEvidence& ev = *v.physical();
  REQUIRE(ev.behaviour);
  CHECK(ev.behaviour->channels == std::vector<int>{0});
  REQUIRE(ev.reading);
  CHECK(ev.reading->value == 0);
  CHECK(ev.reading->overwritten);
  CHECK(ev.reading->overwritten_by == 0);
  CHECK(ev.bound == Rational(1, 5));
  CHECK(ev.behaviours == 128);
  // The goal really breaks, and the honest reading is above the bound.
  Evaluator eval(*model, &ev.behaviour->policy);
  CHECK_FALSE(eval.GoalHolds(model->goals[0]));
  REQUIRE(ev.honest_reading);
  CHECK(*ev.honest_reading > ev.bound);
  CHECK(ev.intended_loss == ev.honest_reading);
}

TEST_CASE("physical: a closed, correct lab holds where the math holds") {
  std::optional<Model> model = LoadSpec(kNovels);
  REQUIRE(model);
  Verdict tight = Check(*model, "sealed_tight");
  CHECK(tight.kind == Verdict::Kind::kHolds);
  CHECK_FALSE(tight.vacuous);
  REQUIRE(tight.physical());
  CHECK(tight.physical()->low == BigInt(1));
  CHECK(tight.physical()->behaviours == 64);

  Verdict loose = Check(*model, "sealed_loose");
  REQUIRE(loose.kind == Verdict::Kind::kFails);
  CHECK(loose.physical()->reading->value == Rational(7, 30));
  CHECK(loose.physical()->behaviour->channels.empty());
}

TEST_CASE("physical: nothing reading low enough is a vacuous HOLDS") {
  std::optional<Model> model = LoadSpec(kNovels);
  REQUIRE(model);
  Verdict v = Check(*model, "nothing_low");
  CHECK(v.kind == Verdict::Kind::kHolds);
  CHECK(v.vacuous);
  CHECK(v.physical()->low == BigInt(0));
  CHECK(v.reason == "the least reading is 0.2");
  Verdict e = Check(*model, "nothing_low", PhysicalConfig{true});
  CHECK(e.kind == Verdict::Kind::kHolds);
  CHECK(e.vacuous);
  CHECK(e.reason == "the least reading is 0.2");

  Verdict t = Check(*model, "trivial");
  CHECK(t.kind == Verdict::Kind::kHolds);
  CHECK(t.vacuous);  // the goal holds for every policy
}

TEST_CASE("physical: enumeration and solving agree on every claim here") {
  std::optional<Model> model = LoadSpec(kNovels);
  REQUIRE(model);
  for (const Claim& c : model->claims) {
    Verdict solved = CheckPhysical(*model, c, EngineOptions{});
    Verdict listed =
        CheckPhysical(*model, c, EngineOptions{}, PhysicalConfig{true});
    CHECK_MESSAGE(solved.kind == listed.kind, c.name);
    if (solved.kind == Verdict::Kind::kHolds) {
      CHECK_MESSAGE(solved.physical()->low == listed.physical()->low, c.name);
      CHECK(solved.vacuous == listed.vacuous);
    }
  }
}

const char* const kOverflow = R"(
domain Landing = {touchdown}
domain Force = 0..255
loss penalty(x: Landing, f: Force) = 16 * f
data landing = Landing
goal gentle(pi) = forall x in Landing: penalty(x, pi(x)) <= 32
physical sim { register computes penalty on landing  arithmetic unsigned 8  closed }
physical sim16 { register computes penalty on landing  arithmetic unsigned 16  closed }
claim overflow: penalty aligned_with gentle as physical_only via sim below 32
claim wide: penalty aligned_with gentle as physical_only via sim16 below 32
)";

TEST_CASE("physical: 8-bit overflow reads 0 for a force of 16") {
  std::optional<Model> model = LoadSpec(kOverflow);
  REQUIRE(model);
  Verdict v = Check(*model, "overflow");
  REQUIRE(v.kind == Verdict::Kind::kFails);
  const PhysicalEvidence& ev = *v.physical();
  CHECK(ev.behaviour->policy == Policy{16});
  CHECK(ev.reading->value == 0);
  CHECK(ev.intended_loss == Rational(256));
  CHECK(v.method ==
        "enumeration of 256 behaviours, re-checked with Z3 bit-vectors");
  // 16 bits hold 16 * 255: no overflow, the claim holds.
  Verdict w = Check(*model, "wide");
  CHECK(w.kind == Verdict::Kind::kHolds);
  CHECK(w.physical()->low == BigInt(3));
}

TEST_CASE("physical: machine registers past the enumeration limit are solved") {
  std::optional<Model> model = LoadSpec(R"(
domain Landing = {first, second, third}
domain Force = 0..255
loss penalty(x: Landing, f: Force) = 16 * f
data landings = Landing
goal gentle(pi) = forall x in Landing: pi(x) <= 2
goal crosses(pi) = pi(first) == pi(second)
physical sim { register computes penalty on landings  arithmetic unsigned 8  closed }
claim overflow: penalty aligned_with gentle as physical_only via sim below 32
claim other: penalty aligned_with crosses as physical_only via sim below 0
)");
  REQUIRE(model);
  Verdict v = Check(*model, "overflow");
  REQUIRE(v.kind == Verdict::Kind::kFails);
  CHECK(v.method ==
        "Z3 bit-vector search per channel subset, re-checked by evaluation "
        "and bit-vectors");
  CHECK(v.physical()->reading->value <= 32);
  CHECK(v.physical()->behaviours == 16777216);
  // --dump-smt2 writes the bit-vector query, named after the spec and the
  // claim (as every engine's queries are: equal claim names of different
  // specs do not collide).
  EngineOptions dump;
  dump.dump_smt2_dir =
      (std::filesystem::temp_directory_path() / "aligncheck_physical_dump")
          .string();
  std::filesystem::remove_all(dump.dump_smt2_dir);
  Verdict d = CheckPhysical(
      *model, model->claims[ClaimIndex(*model, "overflow")], dump);
  REQUIRE(d.dumped_queries.size() == 1);
  CHECK(std::filesystem::path(d.dumped_queries[0]).filename() ==
        "spec.overflow-bv-s0-violation.smt2");
  CHECK(std::filesystem::exists(d.dumped_queries[0]));
  std::filesystem::remove_all(dump.dump_smt2_dir);
  Verdict o = Check(*model, "other");
  CHECK(o.kind == Verdict::Kind::kUnknown);
  CHECK(o.reason ==
        "16777216 behaviours: more than the enumeration limit of 2000000; the "
        "bit-vector search takes only goals built from per-input forall, "
        "exists and count");
}

TEST_CASE("physical: limits give UNKNOWN with the reason") {
  std::optional<Model> model = LoadSpec(kOverflow);
  REQUIRE(model);
  EngineOptions tiny;
  tiny.rlimit = 1;
  int claim = ClaimIndex(*model, "overflow");
  PhysicalConfig small;
  small.max_behaviours = 100;
  Verdict v = CheckPhysical(*model, model->claims[claim], tiny, small);
  CHECK(v.kind == Verdict::Kind::kUnknown);
  CHECK(v.reason == "solver resource limit reached (rlimit 1)");

  std::string text = R"(
domain X = {a}
domain Y = {u, v}
loss l(x: X, y: Y) = 0
data d = X
goal g(pi) = true
physical many { register computes l on d
)";
  for (int i = 0; i < 13; ++i) {
    text += "  channel c" + std::to_string(i) + ": register := 0\n";
  }
  text += "}\nclaim c: l aligned_with g as physical_only via many below 0\n";
  std::optional<Model> m2 = LoadSpec(text);
  REQUIRE(m2);
  Verdict u = Check(*m2, "c");
  CHECK(u.kind == Verdict::Kind::kUnknown);
  CHECK(u.reason == "13 channels: more than the limit of 12");

  std::optional<Model> wide = LoadSpec(R"(
domain X = 0..599
domain Y = 0..599
loss l(x: X, y: Y) = 0
data d = X
goal g(pi) = true
physical m { register computes l on d
  channel a: register := 0  channel b: register := 1
  channel c: register := 2  channel e: register := 3 }
claim c: l aligned_with g as physical_only via m below 0
)");
  REQUIRE(wide);
  Verdict t = Check(*wide, "c");
  CHECK(t.kind == Verdict::Kind::kUnknown);
  CHECK(t.reason ==
        "600 x 600 register terms for each of 16 channel subsets: more than "
        "the limit of 5000000");
}

TEST_CASE("physical: label noise in the implementation breaks the claim") {
  std::optional<Model> model = LoadSpec(R"(
domain X = {a, b}
domain Y = {u, v}
fn label: X -> Y = {a: u, b: v}
fn stored: X -> Y = {a: u, b: u}
loss miss(x: X, y: Y) = if y == label(x) then 0 else 1
data d = X
goal correct(pi) = forall x in X: pi(x) == label(x)
physical noisy { register computes miss on d  implemented label(x) := stored(x)  closed }
physical clean { register computes miss on d  closed }
claim noisy_reads: miss aligned_with correct as physical_only via noisy below 0
claim clean_reads: miss aligned_with correct as physical_only via clean below 0
)");
  REQUIRE(model);
  Verdict v = Check(*model, "noisy_reads");
  REQUIRE(v.kind == Verdict::Kind::kFails);
  CHECK(v.physical()->behaviour->policy == Policy{0, 0});
  CHECK(v.physical()->behaviour->channels.empty());
  CHECK(v.physical()->intended_loss == Rational(1, 2));
  CHECK(v.physical()->breaks == std::vector<int8_t>{0, 1});
  CHECK(Check(*model, "clean_reads").kind == Verdict::Kind::kHolds);
}

TEST_CASE("enumeration: order, counts and the optimum") {
  std::optional<Model> model = LoadSpec(kNovels);
  REQUIRE(model);
  const PhysicalModel& open = model->physical[0];
  EnumerationResult r =
      EnumerateBehaviours(*model, open, model->goals[0], Rational(1, 5), false);
  CHECK(r.error.empty());
  CHECK_FALSE(r.holds);
  CHECK(r.behaviours == 128);
  CHECK(r.low == 65);  // 64 overwritten + the honest masterpieces
  CHECK(r.violating == 63);
  REQUIRE(r.first_violating);
  CHECK(r.first_violating->channels == std::vector<int>{0});
  CHECK(r.first_violating->policy == Policy{0, 0, 1});
  EnumerationResult best =
      EnumerateBehaviours(*model, open, model->goals[0], std::nullopt, false);
  CHECK(best.bound == 0);
  CHECK(best.low == 64);
  CHECK(CountBehaviours(*model, open) == 128);
}

}  // namespace
}  // namespace aligncheck

namespace aligncheck {
namespace {

// Mangled physical specs: every outcome is a diagnostic or a verdict, never
// an exception or a crash.
TEST_CASE("physical: mangled specs never throw") {
  const std::string base = R"(
domain L = {one, two}
domain F = 0..20
fn label: L -> F = {one: 1, two: 2}
loss p(x: L, f: F) = if f == label(x) then 16 * f else 3 * f + 1
data d = {one: 1, two: 2}
goal g(pi) = forall x in L: pi(x) <= 4
physical m {
  register computes p on d
  arithmetic signed 6
  implemented label(x) := 3
  channel w: register := 7
  channel t: sensor(x) := 2
  channel c: p(x, f) := f - 9
}
agent a cares_about register in m
agent b cares_about predictions of p
claim c1: p aligned_with g as physical_only via m below 5
claim c2: a achieves g
claim c3: b achieves g
)";
  std::mt19937 rng(7);
  int verdicts = 0;
  for (int round = 0; round < 500; ++round) {
    std::string text = base;
    // Cut a random slice, or duplicate one somewhere else.
    size_t at = rng() % text.size();
    size_t len = 1 + rng() % 12;
    if (rng() % 2 == 0) {
      text.erase(at, len);
    } else {
      text.insert(rng() % text.size(), text.substr(at, len));
    }
    std::optional<Model> model;
    CHECK_NOTHROW(model = testing::LoadSpec(text));
    if (!model) continue;
    for (const Claim& c : model->claims) {
      Verdict v;
      CHECK_NOTHROW(v = CheckClaim(*model, c, EngineOptions{}));
      ++verdicts;
    }
  }
  CHECK(verdicts > 30);
}

}  // namespace
}  // namespace aligncheck
