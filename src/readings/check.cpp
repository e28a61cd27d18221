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

}  // namespace aligncheck
