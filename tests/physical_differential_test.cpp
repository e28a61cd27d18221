// Differential test: on small random physical models, the physical and
// agent engines agree with brute-force enumeration of every behaviour.
#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <sstream>

#include "analysis/eval.h"
#include "readings/agents/agent.h"
#include "readings/physical/behaviour_enum.h"
#include "readings/physical/physical.h"
#include "readings/physical/reference_reading.h"
#include "readings/physical/register_eval.h"
#include "physical_util.h"

namespace aligncheck {
namespace {

using testing::LoadSpec;

class RandomPhysical {
 public:
  explicit RandomPhysical(uint32_t seed) : rng_(seed) {}

  std::string Spec() {
    size_t n = 1 + Pick(3), m = 2 + Pick(2);
    std::ostringstream s;
    s << "domain X = {";
    for (size_t i = 0; i < n; ++i) s << (i ? ", " : "") << "x" << i;
    s << "}\ndomain Y = {";
    for (size_t j = 0; j < m; ++j) s << (j ? ", " : "") << "y" << j;
    s << "}\nfn label: X -> Y = {";
    for (size_t i = 0; i < n; ++i)
      s << (i ? ", " : "") << "x" << i << ": y" << Pick(m);
    s << "}\nloss base(x: X, y: Y) = table {\n";
    for (size_t i = 0; i < n; ++i) {
      s << "  x" << i << ":";
      for (size_t j = 0; j < m; ++j) {
        s << (j ? ", " : " ") << "y" << j << " " << Number();
      }
      s << "\n";
    }
    s << "}\nloss l(x: X, y: Y) = if y == label(x) then base(x, y) else "
         "base(x, y) + "
      << Number() << "\n";
    s << "data d = {";
    bool any = false;
    for (size_t i = 0; i < n; ++i) {
      int w = static_cast<int>(Pick(3));
      if (i + 1 == n && !any) w = 1;
      any = any || w > 0;
      s << (i ? ", " : "") << "x" << i << ": " << w;
    }
    s << "}\n";
    const char* goals[] = {
        "forall x in X: pi(x) == label(x)",
        "exists x in X: pi(x) != y0",
        "(count x in X: pi(x) == y1) >= 1",
        "pi(x0) == y0 or (sum x in X: l(x, pi(x))) <= 1",
        "forall x in X: l(x, pi(x)) <= base(x, label(x))",
        "not forall x in X: pi(x) == y1",
    };
    s << "goal g(pi) = " << goals[Pick(6)] << "\n";
    s << "physical m {\n  register computes l on d\n";
    if (Pick(3) == 0) s << "  implemented label(x) := y" << Pick(m) << "\n";
    size_t k = Pick(4);
    for (size_t c = 0; c < k; ++c) {
      switch (Pick(4)) {
        case 0:
          s << "  channel c" << c << ": register := " << Number() << "\n";
          break;
        case 1:
          s << "  channel c" << c << ": label(x) := y" << Pick(m) << "\n";
          break;
        case 2:
          s << "  channel c" << c << ": base(x, y) := " << Number() << "\n";
          break;
        default:
          s << "  channel c" << c << ": sensor(x) := if x == x0 then y"
            << Pick(m) << " else y" << Pick(m) << "\n";
          break;
      }
    }
    if (k == 0) s << "  closed\n";
    s << "}\nagent a cares_about register in m\n";
    s << "claim c: l aligned_with g as physical_only via m below " << Number()
      << "\n";
    s << "claim ac: a achieves g\n";
    return s.str();
  }

 private:
  size_t Pick(size_t n) { return rng_() % n; }
  std::string Number() {
    static const char* kNumbers[] = {"0", "1", "2", "0.5", "1.5", "3"};
    return kNumbers[Pick(6)];
  }
  std::mt19937 rng_;
};

// A violating behaviour really reads at most the bound and breaks the goal.
void CheckWitness(const Model& model, const Verdict& v) {
  const PhysicalEvidence& ev = *v.physical();
  REQUIRE(ev.behaviour);
  RegisterComputation c(model, model.physical[0], ev.behaviour->channels);
  REQUIRE(c.Build());
  CHECK(c.Read(ev.behaviour->policy).value <= ev.bound);
  Evaluator eval(model, &ev.behaviour->policy);
  CHECK_FALSE(eval.GoalHolds(model.goals[0]));
}

TEST_CASE("physical differential: random models against enumeration") {
  int models = 0, fails = 0, holds = 0, vacuous = 0;
  auto start = std::chrono::steady_clock::now();
  for (uint32_t seed = 1; seed <= 300; ++seed) {
    std::string text = RandomPhysical(seed).Spec();
    std::string diags;
    std::optional<Model> model = LoadSpec(text, &diags);
    REQUIRE_MESSAGE(model, (text + diags));
    ++models;
    const Goal& goal = model->goals[0];
    const PhysicalModel& m = model->physical[0];
    // The register computation agrees with the reference evaluator on
    // every channel subset, for one policy each.
    for (uint32_t mask = 0; mask < (1u << m.channels.size()); ++mask) {
      Behaviour b;
      for (size_t i = 0; i < m.channels.size(); ++i) {
        if (mask & (1u << i)) b.channels.push_back(static_cast<int>(i));
      }
      const Loss& reg = model->losses[m.register_loss];
      for (size_t x = 0; x < model->domains[reg.input].size(); ++x) {
        b.policy.push_back(static_cast<uint32_t>(
            (seed + x * 7 + mask) % model->domains[reg.output].size()));
      }
      RegisterComputation c(*model, m, b.channels);
      std::string error;
      std::optional<Rational> ref = ReferenceReading(*model, m, b, &error);
      if (!c.Build()) {
        CHECK_FALSE(ref);
        continue;
      }
      REQUIRE_MESSAGE(ref, (text + error));
      CHECK_MESSAGE(c.Read(b.policy).value == *ref, text);
    }
    for (const Claim& claim : model->claims) {
      bool agent = claim.reading == Claim::Reading::kAgent;
      Verdict v = agent ? CheckAgent(*model, claim, EngineOptions{})
                        : CheckPhysical(*model, claim, EngineOptions{});
      std::optional<Rational> bound;
      if (!agent) bound = claim.threshold;
      EnumerationResult oracle =
          EnumerateBehaviours(*model, m, goal, bound, false);
      if (!oracle.error.empty()) {
        // Both sides must see the same evaluation error.
        CHECK_MESSAGE(v.kind == Verdict::Kind::kUnknown, text);
        continue;
      }
      INFO(text);
      REQUIRE(v.kind != Verdict::Kind::kUnknown);
      CHECK((v.kind == Verdict::Kind::kHolds) == oracle.holds);
      CHECK(v.physical()->bound == oracle.bound);
      CHECK(v.physical()->behaviours == oracle.behaviours);
      if (v.kind == Verdict::Kind::kFails) {
        ++fails;
        CheckWitness(*model, v);
      } else {
        ++holds;
        if (oracle.low == 0) ++vacuous;
        CHECK(v.vacuous == (oracle.low == 0 || v.vacuous));
        if (v.physical()->low && !v.physical()->low_capped) {
          CHECK(*v.physical()->low == oracle.low);
        }
      }
    }
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  MESSAGE(models << " models: " << holds << " holds (" << vacuous
                 << " vacuous), " << fails << " fails in " << seconds << " s");
  CHECK(fails > 50);
  CHECK(holds > 50);
}

}  // namespace
}  // namespace aligncheck

namespace aligncheck {
namespace {

// Machine registers: the bit-vector search (forced by an enumeration limit
// of 1) against enumeration.
std::string RandomMachineSpec(std::mt19937& rng) {
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  int n = 2 + pick(2);
  std::string s = "domain X = {";
  for (int i = 0; i < n; ++i) s += (i ? ", x" : "x") + std::to_string(i);
  s += "}\ndomain F = 0..7\n";
  s += "loss l(x: X, f: F) = " + std::to_string(1 + pick(40)) + " * f + " +
       std::to_string(pick(9)) + "\n";
  s += "data d = {";
  for (int i = 0; i < n; ++i) {
    s += (i ? ", x" : "x") + std::to_string(i) + ": " +
         std::to_string(1 + pick(3));
  }
  s += "}\n";
  const char* goals[] = {
      "forall x in X: pi(x) <= 3",
      "exists x in X: pi(x) == 0",
      "(count x in X: pi(x) >= 5) <= 1",
      "not exists x in X: pi(x) == 7",
      "1 < 2",
      "2 < 1",
  };
  s += std::string("goal g(pi: X -> F) = ") + goals[pick(6)] + "\n";
  bool is_signed = pick(2) == 1;
  int bits = 3 + pick(4);
  s += "physical m { register computes l on d arithmetic ";
  s += (is_signed ? "signed " : "unsigned ") + std::to_string(bits);
  if (pick(2) == 0) {
    s += " closed }\n";
  } else {
    s += "\n  channel w: register := " + std::to_string(pick(4)) +
         "\n  channel t: sensor(x) := " + std::to_string(pick(8)) + " }\n";
  }
  int lo = is_signed ? -(1 << (bits - 1)) : 0;
  int hi = is_signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
  s += "claim c: l aligned_with g as physical_only via m below " +
       std::to_string(lo + pick(hi - lo + 1)) + "\n";
  return s;
}

TEST_CASE("physical differential: bit-vector search against enumeration") {
  std::mt19937 rng(11);
  int fails = 0, holds = 0;
  for (int round = 0; round < 60; ++round) {
    std::string text = RandomMachineSpec(rng);
    std::string diags;
    std::optional<Model> model = testing::LoadSpec(text, &diags);
    REQUIRE_MESSAGE(model, (text + diags));
    INFO(text);
    const Claim& claim = model->claims[0];
    PhysicalConfig search;
    search.max_behaviours = 1;
    Verdict v = CheckPhysical(*model, claim, EngineOptions{}, search);
    REQUIRE(v.kind != Verdict::Kind::kUnknown);
    CHECK(v.method.rfind("Z3 bit-vector search", 0) == 0);
    EnumerationResult oracle = EnumerateBehaviours(
        *model, model->physical[0], model->goals[0], claim.threshold, false);
    REQUIRE(oracle.error.empty());
    CHECK((v.kind == Verdict::Kind::kHolds) == oracle.holds);
    if (v.kind == Verdict::Kind::kFails) {
      ++fails;
      CheckWitness(*model, v);
    } else {
      ++holds;
      CHECK(v.vacuous == (oracle.low == 0 || v.vacuous));
      if (oracle.low == 0) CHECK(v.vacuous);
    }
  }
  MESSAGE("bit-vector search: " << holds << " holds, " << fails << " fails");
  CHECK(fails > 10);
  CHECK(holds > 10);
}

}  // namespace
}  // namespace aligncheck
