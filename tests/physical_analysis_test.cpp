// Tests of the analysis of physical models: machine arithmetic, sensor
// channels, implemented overrides and thresholds, with exact diagnostics.
#include <doctest/doctest.h>

#include "physical_util.h"

namespace aligncheck {
namespace {

using testing::LoadSpec;

const char* const kHead = R"(domain L = {one, two}
domain F = 0..3
loss p(x: L, f: F) = 2 * f
loss half(x: L, f: F) = f / 2
loss t(x: L, f: F) = table { one: 0 0.5, 1 1, 2 2, 3 3  two: 0 0, 1 1, 2 2, 3 3 }
data d = L
data frac = {one: 0.5, two: 1}
goal g(pi: L -> F) = forall x in L: pi(x) <= 1
)";

std::string Diagnose(const std::string& body) {
  std::string diags;
  LoadSpec(std::string(kHead) + body, &diags);
  return diags;
}

TEST_CASE("physical analysis: arithmetic, implemented and sensor resolve") {
  std::string diags;
  std::optional<Model> model = LoadSpec(std::string(kHead) + R"(
physical m {
  register computes p on d
  arithmetic signed 4
  implemented p(x, f) := 1
  channel s: sensor(x) := 0
}
claim c: p aligned_with g as physical_only via m below 7
)",
                                        &diags);
  REQUIRE_MESSAGE(model, diags);
  const PhysicalModel& m = model->physical[0];
  CHECK(m.machine_bits == 4);
  CHECK(m.machine_signed);
  REQUIRE(m.implemented.size() == 1);
  CHECK(m.implemented[0].target_kind == Channel::Target::kLoss);
  CHECK(m.implemented[0].target_index == 0);
  REQUIRE(m.channels.size() == 1);
  CHECK(m.channels[0].target_kind == Channel::Target::kSensor);
  CHECK(m.channels[0].value.type == Type::Element(1));
  CHECK(model->losses[0].expr.get() != nullptr);
  CHECK(model->losses[2].expr.get() == nullptr);
}

TEST_CASE("physical analysis: bit widths [E013, E005, E003]") {
  CHECK(Diagnose("physical m { register computes p on d arithmetic unsigned 0 "
                 "closed }\n") ==
        "spec.align:9:59: error: bit width 0 is out of range [E013]\n"
        "physical m { register computes p on d arithmetic unsigned 0 closed }\n"
        "                                                          ^\n"
        "help: machine arithmetic takes 1 to 64 bits\n");
  CHECK(Diagnose("physical m { register computes p on d arithmetic signed 65 "
                 "closed }\n") ==
        "spec.align:9:57: error: bit width 65 is out of range [E013]\n"
        "physical m { register computes p on d arithmetic signed 65 closed }\n"
        "                                                        ^~\n"
        "help: machine arithmetic takes 1 to 64 bits\n");
  CHECK(Diagnose("physical m { register computes p on d arithmetic signed 8.5 "
                 "closed }\n") ==
        "spec.align:9:57: error: a bit width must be a whole number, as in "
        "`arithmetic unsigned 8` [E005]\n"
        "physical m { register computes p on d arithmetic signed 8.5 closed }\n"
        "                                                        ^~~\n");
  CHECK(Diagnose("physical m { register computes p on d arithmetic signed 8\n"
                 "  arithmetic unsigned 8 closed }\n") ==
        "spec.align:10:3: error: physical model 'm' declares its arithmetic "
        "twice [E003]\n"
        "  arithmetic unsigned 8 closed }\n"
        "  ^~~~~~~~~~~~~~~~~~~~~\n");
}

TEST_CASE("physical analysis: machine arithmetic needs integers [E014]") {
  CHECK(Diagnose("physical m { register computes half on d arithmetic "
                 "unsigned 8 closed }\n") ==
        "spec.align:4:25: error: division is not modelled in unsigned 8-bit "
        "arithmetic [E014]\n"
        "loss half(x: L, f: F) = f / 2\n"
        "                        ^~~~~\n");
  CHECK(Diagnose("physical m { register computes t on d arithmetic "
                 "unsigned 8 closed }\n") ==
        "spec.align:9:32: error: loss 't' has the entry 0.5 at (one, 0), "
        "which unsigned 8-bit arithmetic cannot hold [E014]\n"
        "physical m { register computes t on d arithmetic unsigned 8 closed }\n"
        "                               ^\n"
        "help: machine arithmetic models integer code: scale the loss to "
        "whole numbers\n");
  CHECK(Diagnose("physical m { register computes p on frac arithmetic "
                 "unsigned 8 closed }\n") ==
        "spec.align:9:37: error: data 'frac' weighs one by 0.5, but "
        "an unsigned 8-bit register sums whole weights [E014]\n"
        "physical m { register computes p on frac arithmetic unsigned 8 "
        "closed }\n"
        "                                    ^~~~\n"
        "help: give the data whole-number weights\n");
  CHECK(Diagnose("physical m { register computes p on d arithmetic unsigned 8 "
                 "channel w: register := 0.5 }\n") ==
        "spec.align:9:84: error: 0.5 is not a whole number; unsigned 8-bit "
        "arithmetic holds integers only [E014]\n"
        "physical m { register computes p on d arithmetic unsigned 8 channel "
        "w: register := 0.5 }\n"
        "                                                                     "
        "              ^~~\n");
}

TEST_CASE("physical analysis: thresholds outside the register [E015]") {
  CHECK(
      Diagnose("physical m { register computes p on d arithmetic unsigned 4 "
               "closed }\n"
               "claim c: p aligned_with g as physical_only via m below 16\n") ==
      "spec.align:10:56: error: threshold 16 is outside the range of the "
      "register of 'm' [E015]\n"
      "claim c: p aligned_with g as physical_only via m below 16\n"
      "                                                       ^~\n"
      "note: an unsigned 4-bit register holds 0 to 15\n");
  CHECK(
      Diagnose("physical m { register computes p on d arithmetic signed 4 "
               "closed }\n"
               "claim c: p aligned_with g as physical_only via m below -9\n") ==
      "spec.align:10:56: error: threshold -9 is outside the range of the "
      "register of 'm' [E015]\n"
      "claim c: p aligned_with g as physical_only via m below -9\n"
      "                                                       ^~\n"
      "note: a signed 4-bit register holds -8 to 7\n");
  CHECK(
      Diagnose("physical m { register computes p on d arithmetic signed 4 "
               "closed }\n"
               "claim c: p aligned_with g as physical_only via m below -8\n") ==
      "");
}

TEST_CASE("physical analysis: channels on undeclared things [E002, E004]") {
  CHECK(Diagnose("physical m { register computes p on d\n"
                 "  channel s: sensor(x, y) := 0 }\n") ==
        "spec.align:10:14: error: 'sensor' takes 1 argument, got 2 [E004]\n"
        "  channel s: sensor(x, y) := 0 }\n"
        "             ^~~~~~~~~~~~\n");
  CHECK(Diagnose("physical m { register computes p on d\n"
                 "  channel s: labels(x) := 0 }\n") ==
        "spec.align:10:14: error: undefined channel target 'labels' [E002]\n"
        "  channel s: labels(x) := 0 }\n"
        "             ^~~~~~~~~\n"
        "help: a channel writes `register`, a fn's labels or a loss\n");
  CHECK(Diagnose("physical m { register computes p on d\n"
                 "  channel s: register := unknown_thing }\n") ==
        "spec.align:10:26: error: undefined name 'unknown_thing' [E002]\n"
        "  channel s: register := unknown_thing }\n"
        "                         ^~~~~~~~~~~~~\n");
  CHECK(Diagnose("physical m { register computes p on d\n"
                 "  implemented nothing(x) := 0  closed }\n") ==
        "spec.align:10:15: error: undefined channel target 'nothing' [E002]\n"
        "  implemented nothing(x) := 0  closed }\n"
        "              ^~~~~~~~~~\n"
        "help: a channel writes `register`, a fn's labels or a loss\n");
}

}  // namespace
}  // namespace aligncheck

namespace aligncheck {
namespace {

TEST_CASE("physical analysis: a broken register loss is reported once") {
  std::string diags;
  testing::LoadSpec(R"(domain L = {one}
loss broken(x: L) = 1
data d = L
physical m { register computes broken on d  arithmetic unsigned 8  closed }
)",
                    &diags);
  CHECK(diags ==
        "spec.align:2:6: error: loss 'broken' must take two parameters (x: X, "
        "y: Y), or three over an mdp (s: S, a: A, s2: S), got 1 [E004]\n"
        "loss broken(x: L) = 1\n"
        "     ^~~~~~\n");
}

}  // namespace
}  // namespace aligncheck
