// Dispatch from a claim's reading to its engine (the table in
// readings.cpp), and the exception boundary.
#include "readings/check.h"

#include <z3++.h>

#include <exception>
#include <string>

#include "readings/idealized/idealized.h"
#include "readings/readings.h"

namespace aligncheck {

namespace {

// The exception boundary of every engine: solver errors, memory and
// internal errors become an UNKNOWN verdict with the reason.
template <typename Fn>
Verdict Guarded(Fn&& check) {
  try {
    return check();
  } catch (const z3::exception& e) {
    return UnknownVerdict(std::string("solver error: ") + e.msg());
  } catch (const std::bad_alloc&) {
    return UnknownVerdict("out of memory");
  } catch (const std::exception& e) {
    return UnknownVerdict(std::string("internal: ") + e.what());
  } catch (...) {
    return UnknownVerdict("internal: unexpected error");
  }
}

}  // namespace

Verdict CheckClaim(const Model& model, const Claim& claim,
                   const EngineOptions& options) {
  return Guarded(
      [&] { return EngineFor(claim.reading).check(model, claim, options); });
}

Verdict CheckIdealizedQuestion(const IdealizedProblem& problem,
                               const EngineOptions& options) {
  return Guarded([&] { return CheckIdealized(problem, options); });
}

Verdict CheckForEveryPolicy(const Model& context, const Goal& goal,
                            const EngineOptions& options) {
  size_t n = context.domains[goal.input].size();
  size_t m = context.domains[goal.output].size();
  Loss zero;
  zero.name = "zero";
  zero.input = goal.input;
  zero.output = goal.output;
  zero.table.assign(n * m, Rational(0));
  Data uniform;
  uniform.name = "uniform";
  uniform.domain = goal.input;
  uniform.weights.assign(n, Rational(1));
  uniform.total = Rational(static_cast<long>(n));
  IdealizedProblem problem;
  problem.context = &context;
  problem.loss = &zero;
  problem.data = &uniform;
  problem.goal = &goal;
  problem.name = goal.name;
  EngineOptions quiet = options;
  quiet.dump_smt2_dir.clear();
  return CheckIdealizedQuestion(problem, quiet);
}

}  // namespace aligncheck
