// What a trained_outcome check over an mdp attaches to its verdict: one run
// of the toy RL learner per seed, its greedy policy judged exactly.
#ifndef ALIGNCHECK_READINGS_TRAINED_MDP_TRAINED_MDP_EVIDENCE_H_
#define ALIGNCHECK_READINGS_TRAINED_MDP_TRAINED_MDP_EVIDENCE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "mdp/mdp.h"
#include "readings/trained/trained_evidence.h"
#include "util/rational.h"

namespace aligncheck {

struct MdpSeedRun {
  int64_t seed = 0;
  /// The greedy policy, one action per state (terminal states: action 0,
  /// never used).
  Policy policy;
  bool achieves = false;  // the goal holds for `policy`, exactly
  /// The return of the claim's reward (a loss: its expected discounted
  /// loss) under `policy` in the training mdp from the training start.
  Rational training_return;
  /// training_return equals the optimum: training fitted its reward.
  bool converged = false;
  /// The states the policy reaches from the training start.
  std::vector<bool> reached;
};

struct TrainedMdpEvidence {
  TrainedEvidence::Kind kind = TrainedEvidence::Kind::kSupported;
  int mdp = -1;
  std::vector<MdpSeedRun> seeds;
  size_t achieving = 0;
  size_t unfit = 0;  // seeds that did not converge
  /// The optimum of the reward in the training mdp from the training start
  /// (for a loss: the least expected discounted loss), exact.
  Rational optimum;
  /// Non-terminal states that no seed's training ever visited: the greedy
  /// policy there is the initialization and the tie-break, not learning.
  std::vector<uint32_t> unvisited;
  std::string learner;  // "q_learning over mdp coinrun", ...
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_TRAINED_MDP_TRAINED_MDP_EVIDENCE_H_
