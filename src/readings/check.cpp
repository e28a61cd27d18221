// Dispatch from a claim's reading to its engine, and the exception boundary.
#include "readings/check.h"

#include <z3++.h>

#include <exception>
#include <string>

#include "readings/agents/agent.h"
#include "solve/census.h"
#include "readings/idealized/hypothesis_class.h"
#include "readings/idealized/idealized.h"
#include "readings/physical/physical.h"
#include "readings/trained/story.h"
#include "readings/trained/trained.h"

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

Verdict Dispatch(const Model& model, const Claim& claim,
                 const EngineOptions& options) {
  switch (claim.reading) {
    case Claim::Reading::kIdealized: {
      if (!claim.hypothesis_features.empty()) {
        return CheckLinearClass(model, claim, options);
      }
      if (!claim.hypothesis.empty()) {
        return UnknownVerdict("hypothesis class '" + claim.hypothesis +
                              "' is not supported by this engine yet");
      }
      Verdict v = CheckIdealized(model, claim, options);
      if (v.minimizers) v.census = TakeCensus(model, claim, options);
      return v;
    }
    case Claim::Reading::kTrained:
      return CheckTrained(model, claim, options);
    case Claim::Reading::kStory:
      return CheckStory(model, claim, options);
    case Claim::Reading::kPhysical:
      return CheckPhysical(model, claim, options);
    case Claim::Reading::kAgent:
      return CheckAgent(model, claim, options);
  }
  return UnknownVerdict("engine not available yet");
}

}  // namespace

Verdict CheckClaim(const Model& model, const Claim& claim,
                   const EngineOptions& options) {
  return Guarded([&] { return Dispatch(model, claim, options); });
}

Verdict CheckIdealizedQuestion(const IdealizedProblem& problem,
                               const EngineOptions& options) {
  return Guarded([&] { return CheckIdealized(problem, options); });
}

}  // namespace aligncheck
