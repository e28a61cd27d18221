// Tests of the implemented register computation and its Z3 bit-vector
// cross-check.
#include "readings/physical/register_eval.h"

#include <doctest/doctest.h>

#include <functional>
#include <random>

#include "readings/physical/machine_z3.h"
#include "physical_util.h"

namespace aligncheck {
namespace {

using testing::LoadSpec;

TEST_CASE("register: wrapping to a width, unsigned and two's complement") {
  CHECK(WrapBits(BigInt(256), 8, false) == 0);
  CHECK(WrapBits(BigInt(257), 8, false) == 1);
  CHECK(WrapBits(BigInt(-1), 8, false) == 255);
  CHECK(WrapBits(BigInt(127), 8, true) == 127);
  CHECK(WrapBits(BigInt(128), 8, true) == -128);
  CHECK(WrapBits(BigInt(-129), 8, true) == 127);
  CHECK(WrapBits(BigInt(1) << 64, 64, false) == 0);
  CHECK(WrapBits((BigInt(1) << 63), 64, true) == -(BigInt(1) << 63));
  CHECK(WrapBits(BigInt(5), 1, false) == 1);
  CHECK(WrapBits(BigInt(1), 1, true) == -1);
}

const char* const kLabels = R"(
domain X = {a, b, c}
domain Y = {u, v}
fn label: X -> Y = {a: u, b: v, c: u}
fn noisy: X -> Y = {a: u, b: u, c: u}
loss miss(x: X, y: Y) = if y == label(x) then 0 else 1
loss bug(x: X, y: Y) = 2 * miss(x, y)
data d = {a: 1, b: 1, c: 2}
goal g(pi: X -> Y) = true
physical m {
  register computes bug on d
  implemented label(x) := noisy(x)
  channel relabel: label(x) := v
  channel code: miss(x, y) := 7
  channel stuck: sensor(x) := u
  channel write: register := 3
}
)";

TEST_CASE("register: implemented labels, channels in order, last one wins") {
  std::string diags;
  std::optional<Model> model = LoadSpec(kLabels, &diags);
  REQUIRE_MESSAGE(model, diags);
  const PhysicalModel& m = model->physical[0];
  REQUIRE(m.implemented.size() == 1);
  REQUIRE(m.channels.size() == 4);
  Policy all_u = {0, 0, 0};
  Policy truth = {0, 1, 0};

  RegisterComputation honest(*model, m, {});
  REQUIRE(honest.Build());
  // Noisy labels say u everywhere: all-u reads 0, the truth pays at b.
  CHECK(honest.Read(all_u).value == 0);
  CHECK(honest.Read(truth).value == Rational(1, 2));

  RegisterComputation relabel(*model, m, {0});
  REQUIRE(relabel.Build());
  // The channel overrides the implemented labels: v everywhere.
  CHECK(relabel.Read(all_u).value == 2);
  CHECK(relabel.Read({1, 1, 1}).value == 0);

  RegisterComputation code(*model, m, {1});
  REQUIRE(code.Build());
  CHECK(code.Read(truth).value == 14);  // bug = 2 * 7 everywhere

  RegisterComputation stuck(*model, m, {2});
  REQUIRE(stuck.Build());
  RegisterReading r = stuck.Read({1, 1, 1});
  CHECK(r.observed == std::vector<uint32_t>{0, 0, 0});
  CHECK(r.value == 0);

  RegisterComputation write(*model, m, {0, 1, 2, 3});
  REQUIRE(write.Build());
  RegisterReading w = write.Read(truth);
  CHECK(w.value == 3);
  CHECK(w.overwritten);
  CHECK(w.overwritten_by == 3);
}

TEST_CASE("register: machine arithmetic wraps every step, as Z3 does") {
  std::optional<Model> model = LoadSpec(R"(
domain L = {one}
domain F = 0..255
loss p(x: L, f: F) = if 16 * f < 20 then 16 * f + 250 else 16 * f - 3
data d = L
goal g(pi: L -> F) = true
physical m8 { register computes p on d  arithmetic unsigned 8  closed }
physical s8 { register computes p on d  arithmetic signed 8  closed }
)");
  REQUIRE(model);
  for (int i = 0; i < 2; ++i) {
    const PhysicalModel& m = model->physical[i];
    RegisterComputation c(*model, m, {});
    REQUIRE(c.Build());
    for (uint32_t f = 0; f < 256; ++f) {
      BigInt wrapped = WrapBits(BigInt(16 * f), 8, m.machine_signed);
      BigInt expect = wrapped < 20
                          ? WrapBits(wrapped + 250, 8, m.machine_signed)
                          : WrapBits(wrapped - 3, 8, m.machine_signed);
      RegisterReading r = c.Read({f});
      CHECK(r.value == Rational(expect));
      std::string error;
      std::optional<BigInt> z3 = Z3MachineReading(*model, m, {}, {f}, &error);
      REQUIRE_MESSAGE(z3, error);
      CHECK(*z3 == expect);
    }
  }
}

// Random machine-arithmetic losses: the modular evaluator and Z3 agree.
TEST_CASE("register: random machine expressions agree with Z3 bit-vectors") {
  std::mt19937 rng(4);
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  std::function<std::string(int)> term = [&](int depth) -> std::string {
    if (depth == 0 || pick(3) == 0) {
      switch (pick(4)) {
        case 0:
          return std::to_string(pick(300) - 40);
        case 1:
          return "y";
        case 2:
          return "w(x)";
        default:
          return "(count z in X: w(z) > y)";
      }
    }
    std::string a = term(depth - 1), b = term(depth - 1);
    switch (pick(5)) {
      case 0:
        return "(" + a + " + " + b + ")";
      case 1:
        return "(" + a + " - " + b + ")";
      case 2:
        return "(" + a + " * " + b + ")";
      case 3:
        return "(if " + a + " < " + b + " then " + a + " else " + b + ")";
      default:
        return "(-" + a + ")";
    }
  };
  for (int round = 0; round < 25; ++round) {
    int bits = 1 + pick(20);
    bool is_signed = pick(2) == 1;
    std::string text =
        "domain X = {p, q}\ndomain Y = 0..5\n"
        "fn w: X -> Real = {p: " +
        std::to_string(pick(9)) + ", q: " + std::to_string(pick(9) - 4) +
        "}\n"
        "loss l(x: X, y: Y) = " +
        term(3) +
        "\n"
        "data d = {p: " +
        std::to_string(1 + pick(3)) +
        ", q: 1}\ngoal g(pi: X -> Y) = true\n"
        "physical m { register computes l on d arithmetic " +
        (is_signed ? "signed " : "unsigned ") + std::to_string(bits) +
        "\n  channel fw: w(x) := " + std::to_string(pick(500) - 100) +
        "\n  channel code: l(x, y) := y * " + std::to_string(pick(300)) +
        "\n  channel tap: sensor(x) := 3"
        "\n  channel write: register := " +
        std::to_string(pick(900) - 300) + "\n}\n";
    std::string diags;
    std::optional<Model> model = LoadSpec(text, &diags);
    REQUIRE_MESSAGE(model, (text + diags));
    const PhysicalModel& m = model->physical[0];
    // Every channel subset, every policy: both computations agree.
    for (uint32_t mask = 0; mask < 16; ++mask) {
      std::vector<int> used;
      for (int i = 0; i < 4; ++i) {
        if (mask & (1u << i)) used.push_back(i);
      }
      RegisterComputation c(*model, m, used);
      REQUIRE(c.Build());
      // A fresh Z3 context per reading is slow: sample the policies.
      for (int sample = 0; sample < 6; ++sample) {
        Policy p = {static_cast<uint32_t>(pick(6)),
                    static_cast<uint32_t>(pick(6))};
        std::string error;
        std::optional<BigInt> z3 = Z3MachineReading(*model, m, used, p, &error);
        REQUIRE_MESSAGE(z3, error);
        CHECK_MESSAGE(c.Read(p).value == Rational(*z3), text);
      }
    }
  }
}

// One evaluation rule for all code the register runs: the same random
// machine expression reads the same whether it is the declared code, an
// `implemented` override, a channel's rewrite or a `register :=` value.
TEST_CASE("register: installed code wraps and compares as declared code does") {
  std::mt19937 rng(18);
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  std::function<std::string(int, bool)> term = [&](int depth,
                                                   bool closed) -> std::string {
    if (depth == 0 || pick(3) == 0) {
      switch (closed ? 0 : pick(4)) {
        case 0:
          return std::to_string(pick(40) - 8);
        case 1:
          return "y";
        case 2:
          return "w(x)";
        default:
          return "(count z in X: w(z) > y)";
      }
    }
    std::string a = term(depth - 1, closed), b = term(depth - 1, closed);
    switch (pick(5)) {
      case 0:
        return "(" + a + " + " + b + ")";
      case 1:
        return "(" + a + " * " + b + ")";
      case 2:
        return "(if " + a + " > " + b + " then " + a + " else " + b + ")";
      case 3:
        return "(if " + a + " <= " + b + " then 1 else 0)";
      default:
        return "(-" + a + ")";
    }
  };
  for (int round = 0; round < 40; ++round) {
    int bits = 2 + pick(8);
    bool is_signed = pick(2) == 1;
    std::string code = term(3, false);
    std::string constant = term(3, true);
    std::string arithmetic = std::string(" arithmetic ") +
                             (is_signed ? "signed " : "unsigned ") +
                             std::to_string(bits) + "\n";
    std::string text =
        "domain X = {p, q}\ndomain Y = 0..3\n"
        "fn w: X -> Real = {p: " +
        std::to_string(pick(9)) + ", q: " + std::to_string(pick(9) - 4) +
        "}\n"
        "loss declared(x: X, y: Y) = " +
        code +
        "\n"
        "loss fixed(x: X, y: Y) = " +
        constant +
        "\n"
        "loss base(x: X, y: Y) = 0\n"
        "data d = {p: 2, q: 1}\ndata once = {p: 1}\n"
        "goal g(pi: X -> Y) = true\n"
        "physical as_declared { register computes declared on d" +
        arithmetic +
        " closed }\n"
        "physical as_implemented { register computes base on d" +
        arithmetic + " implemented base(x, y) := " + code +
        "\n closed }\n"
        "physical as_channel { register computes base on d" +
        arithmetic + " channel code: base(x, y) := " + code +
        "\n}\n"
        "physical constant_declared { register computes fixed on once" +
        arithmetic +
        " closed }\n"
        "physical as_register { register computes base on once" +
        arithmetic + " channel write: register := " + constant + "\n}\n";
    std::string diags;
    std::optional<Model> model = LoadSpec(text, &diags);
    REQUIRE_MESSAGE(model, (text + diags));
    auto reading = [&](int physical, std::vector<int> used, const Policy& p) {
      const PhysicalModel& m = model->physical[physical];
      RegisterComputation c(*model, m, used);
      REQUIRE_MESSAGE(c.Build(), text);
      std::string error;
      std::optional<BigInt> z3 = Z3MachineReading(*model, m, used, p, &error);
      REQUIRE_MESSAGE(z3, error);
      CHECK_MESSAGE(c.Read(p).value == Rational(*z3), text);
      return c.Read(p).value;
    };
    for (uint32_t y0 = 0; y0 < 4; ++y0) {
      Policy p = {y0, static_cast<uint32_t>(pick(4))};
      Rational want = reading(0, {}, p);
      CHECK_MESSAGE(reading(1, {}, p) == want, text);
      CHECK_MESSAGE(reading(2, {0}, p) == want, text);
      CHECK_MESSAGE(reading(4, {0}, p) == reading(3, {}, p), text);
    }
  }
}

TEST_CASE("register: evaluation errors are reported, not thrown") {
  std::optional<Model> model = LoadSpec(R"(
domain X = {a}
domain Y = {u, v}
fn k: X -> Real = {a: 0}
loss l(x: X, y: Y) = 1
data d = X
goal g(pi: X -> Y) = true
physical m {
  register computes l on d
  channel divide: l(x, y) := 1 / k(x)
}
)");
  REQUIRE(model);
  RegisterComputation c(*model, model->physical[0], {0});
  CHECK_FALSE(c.Build());
  CHECK(c.error() == "division by zero in the value of 'divide'");
}

}  // namespace
}  // namespace aligncheck
