// What a story check attaches to a Verdict: each rationale component's
// verdict, and the assumptions the story states without checking.
#ifndef ALIGNCHECK_READINGS_TRAINED_STORY_EVIDENCE_H_
#define ALIGNCHECK_READINGS_TRAINED_STORY_EVIDENCE_H_

#include <string>
#include <vector>

#include "analysis/model.h"

namespace aligncheck {

/// One rationale component of a story and its verdict.
struct StoryComponent {
  std::string claim;
  std::string verdict;  // "holds", "fails", "supported", ...; "unchecked"
  bool ok = false;      // the component supports the story
  std::string about;    // the goal it is about, when not the story's
  /// With `about`: "implies G", "does not imply G" or "may or may not
  /// imply G" (undecided).
  std::string about_relation;
  int claim_index = -1;   // into Model::claims; -1 when unchecked
  Policy counterexample;  // a policy that makes it fail, when it has one
};

struct StoryEvidence {
  std::vector<StoryComponent> components;
  std::vector<std::string> desirability;
  std::vector<std::string> assumptions;
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_TRAINED_STORY_EVIDENCE_H_
