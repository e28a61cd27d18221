// The table of readings the engine knows: one row per kind of claim, with
// the name reports print and the check that decides it. CheckClaim
// dispatches through it; a new reading is a folder under readings/ and a
// row here (and, when claims name it after `as`, a row in
// parse/claim_words.cpp and its grammar word).
#ifndef ALIGNCHECK_READINGS_READINGS_H_
#define ALIGNCHECK_READINGS_READINGS_H_

#include <vector>

#include "analysis/model.h"
#include "readings/verdict.h"
#include "solve/engine_options.h"

namespace aligncheck {

struct ReadingEngine {
  Claim::Reading reading;
  /// As reports print it ("operationalization" in JSON):
  /// "idealized_minimizer", "physical_only", "trained_outcome", "agent",
  /// "story", "relation".
  const char* name;
  /// Decides a claim of this reading. May throw (CheckClaim catches).
  Verdict (*check)(const Model& model, const Claim& claim,
                   const EngineOptions& options);
};

/// Every reading, one row each.
const std::vector<ReadingEngine>& ReadingEngines();

/// The row of `reading` (every enumerator has one).
const ReadingEngine& EngineFor(Claim::Reading reading);

/// EngineFor(reading).name.
const char* ReadingName(Claim::Reading reading);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_READINGS_H_
