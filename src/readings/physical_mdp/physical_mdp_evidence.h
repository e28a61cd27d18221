// What the physical reading over an mdp reports: per channel subset the
// best observed return, and for a failure the behaviour (policy and
// channels), its observed and true returns and its run.
#ifndef ALIGNCHECK_READINGS_PHYSICAL_MDP_PHYSICAL_MDP_EVIDENCE_H_
#define ALIGNCHECK_READINGS_PHYSICAL_MDP_PHYSICAL_MDP_EVIDENCE_H_

#include <optional>
#include <vector>

#include "readings/mdp/mdp_evidence.h"
#include "util/rational.h"

namespace aligncheck {

/// The best observed return of the behaviours that use one channel subset.
struct ObservedOptimum {
  std::vector<int> channels;  // indices into PhysicalModel::channels
  Rational best;              // as written: a loss's least value
};

struct PhysicalMdpEvidence {
  /// The physical model (-1 for an agent that cares about predictions),
  /// the mdp, and the reward or loss whose return is observed or predicted.
  int model = -1;
  int mdp = -1;
  int reward = -1;
  bool agent = false;
  /// The values are a loss's: lower is better, `below T`.
  bool loss_sense = false;
  /// The threshold of a physical_only claim, or the agent's optimum.
  Rational bound;
  /// Per channel subset (all subsets, in order of size).
  std::vector<ObservedOptimum> optima;
  /// No behaviour reaches the bound: the claim holds vacuously.
  bool unreachable = false;
  /// Behaviours reaching the bound, summed over the subsets, when every
  /// subset's count finished.
  bool counted = false;
  BigInt reaching;
  // kFails: the behaviour, re-checked.
  std::vector<int> channels;         // the subset it uses
  std::vector<int> channels_acting;  // those acting on a transition it takes
  Rational observed;                 // its observed return
  Rational honest;                   // the same policy's return of `reward`
  /// The policy, its reached states, run and goal values (optimal_actions
  /// are those of the observed reward).
  std::optional<MdpEvidence> run;
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_PHYSICAL_MDP_PHYSICAL_MDP_EVIDENCE_H_
