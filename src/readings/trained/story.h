// Training stories (Hubinger): a training goal and a rationale, the claims
// that are supposed to make the loss produce that goal. The story holds
// when every rationale claim does; what it cannot check (why the goal is
// desirable, other premises) is carried along as stated assumptions.
#ifndef ALIGNCHECK_READINGS_TRAINED_STORY_H_
#define ALIGNCHECK_READINGS_TRAINED_STORY_H_

#include "analysis/model.h"
#include "solve/engine_options.h"
#include "readings/verdict.h"

namespace aligncheck {

/// Checks the story behind `claim`. REQUIRES: claim.reading == kStory.
Verdict CheckStory(const Model& model, const Claim& claim,
                   const EngineOptions& options);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_TRAINED_STORY_H_
