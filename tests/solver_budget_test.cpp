// Tests for engine/solver_budget: the one mapping of Z3's "unknown" to a
// reason, and the memory watcher that interrupts a query past the limit.
#include "solve/solver_budget.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace aligncheck;

namespace {

// Pigeonhole: n + 1 pigeons in n holes. Unsat, and hard for CDCL, so the
// query runs long enough (seconds for n = 9) for a limit to stop it.
void AddPigeonhole(z3::context& ctx, z3::solver& s, int n) {
  std::vector<std::vector<z3::expr>> in(n + 1);
  for (int p = 0; p <= n; ++p) {
    z3::expr_vector some(ctx);
    for (int h = 0; h < n; ++h) {
      std::string name = "p" + std::to_string(p) + "h" + std::to_string(h);
      in[p].push_back(ctx.bool_const(name.c_str()));
      some.push_back(in[p].back());
    }
    s.add(z3::mk_or(some));
  }
  for (int h = 0; h < n; ++h) {
    for (int p = 0; p <= n; ++p) {
      for (int q = p + 1; q <= n; ++q) s.add(!in[p][h] || !in[q][h]);
    }
  }
}

}  // namespace

TEST_CASE("solver budget: Z3's reasons map to the limit that was hit") {
  z3::context ctx;
  EngineOptions options;
  options.rlimit = 1234;
  options.timeout_ms = 5000;
  options.max_memory_mb = 0;
  SolverBudget budget(ctx, options);
  CHECK(budget.UnknownReason("resource limits reached") ==
        "solver resource limit reached (rlimit 1234)");
  CHECK(budget.UnknownReason("(resource limits reached)") ==
        "solver resource limit reached (rlimit 1234)");
  CHECK(budget.UnknownReason("timeout") == "solver timeout (5000 ms)");
  // Z3 says "canceled" for an exhausted rlimit too; a query that did not
  // run for the timeout hit the rlimit.
  CHECK(budget.UnknownReason("canceled") ==
        "solver resource limit reached (rlimit 1234)");
  CHECK(budget.UnknownReason("max. memory exceeded") ==
        "solver memory limit reached (0 MB, --max-memory)");
  CHECK(budget.UnknownReason("memout") ==
        "solver memory limit reached (0 MB, --max-memory)");
  CHECK(budget.UnknownReason("incomplete quantifiers") ==
        "solver returned unknown: incomplete quantifiers");
  CHECK(budget.ErrorReason(z3::exception("out of memory")) ==
        "solver memory limit reached (0 MB, --max-memory)");
  CHECK(budget.ErrorReason(z3::exception("invalid argument")) ==
        "solver error: invalid argument");
  CHECK_FALSE(budget.memory_exceeded());
}

TEST_CASE("solver budget: the rlimit stops a hard query with its reason") {
  z3::context ctx;
  EngineOptions options;
  options.rlimit = 10'000;
  SolverBudget budget(ctx, options);
  z3::solver s(ctx);
  budget.Configure(s);
  AddPigeonhole(ctx, s, 9);
  REQUIRE(budget.Check(s) == z3::unknown);
  CHECK(budget.UnknownReason(s.reason_unknown()) ==
        "solver resource limit reached (rlimit 10000)");
}

TEST_CASE("solver budget: the timeout stops a hard query with its reason") {
  z3::context ctx;
  EngineOptions options;
  options.rlimit = 0;
  options.timeout_ms = 50;
  SolverBudget budget(ctx, options);
  z3::solver s(ctx);
  budget.Configure(s);
  AddPigeonhole(ctx, s, 10);
  REQUIRE(budget.Check(s) == z3::unknown);
  CHECK(budget.UnknownReason(s.reason_unknown()) == "solver timeout (50 ms)");
}

TEST_CASE("solver budget: past the memory limit a query is interrupted") {
  z3::context ctx;
  EngineOptions options;
  options.rlimit = 0;
  options.timeout_ms = 60'000;
  // Z3 holds more than 1 MiB as soon as a solver exists, so the watcher
  // interrupts at its first look.
  options.max_memory_mb = 1;
  SolverBudget budget(ctx, options);
  z3::solver s(ctx);
  budget.Configure(s);
  AddPigeonhole(ctx, s, 9);
  REQUIRE(budget.Check(s) == z3::unknown);
  CHECK(budget.memory_exceeded());
  CHECK(budget.UnknownReason(s.reason_unknown()) ==
        "solver memory limit reached (1 MB, --max-memory)");
}

TEST_CASE("solver budget: within the memory limit nothing is interrupted") {
  z3::context ctx;
  EngineOptions options;  // the default limit, 4096 MiB
  SolverBudget budget(ctx, options);
  z3::solver s(ctx);
  budget.Configure(s);
  AddPigeonhole(ctx, s, 4);
  CHECK(budget.Check(s) == z3::unsat);
  CHECK_FALSE(budget.memory_exceeded());
}
