// Whether a rationale claim's goal entails a story's goal: a rationale about
// a weaker or unrelated goal says nothing about the story's.
#ifndef ALIGNCHECK_READINGS_TRAINED_GOAL_ENTAILMENT_H_
#define ALIGNCHECK_READINGS_TRAINED_GOAL_ENTAILMENT_H_

#include <string>

#include "analysis/model.h"
#include "solve/engine_options.h"

namespace aligncheck {

struct Entailment {
  enum class Kind { kEntails, kDoesNot, kUndecided };
  Kind kind = Kind::kUndecided;
  std::string reason;  // kDoesNot, kUndecided: why, in a few words
  Policy witness;      // kDoesNot: a policy that meets `from`, not `to`
};

/// Decides exactly whether every policy meeting goal `from` meets goal `to`
/// (the idealized engine on "from implies to" with an all-zero loss, so
/// that every policy counts). Goals over different policy types never
/// entail each other. Never throws.
Entailment GoalEntails(const Model& model, int from, int to,
                       const EngineOptions& options);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_TRAINED_GOAL_ENTAILMENT_H_
