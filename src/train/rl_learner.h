// Toy reinforcement learners over a finite MDP: tabular Q-learning with
// epsilon-greedy exploration, and REINFORCE on tabular softmax logits.
// They learn from sampled episodes, as real RL does, but deterministically:
// IEEE doubles, one splitmix64(seed) stream (train/splitmix.h), and this
// exact order of draws and updates, so a run is identical on every machine.
//
// One episode (both learners):
//   s0 ~ start: u = Unit(), the first state (in state order) whose
//       cumulative start probability exceeds u (the last positive one if
//       rounding leaves u above them all).
//   for t = 0 .. horizon-1, while s_t is not terminal:
//     Q-learning: u = Unit(); u < epsilon: explore, a = floor(Unit() * A)
//       (clamped to A-1); otherwise a = Greedy(s_t).
//     REINFORCE: a ~ softmax(theta[s_t]) (row maximum subtracted, sums in
//       action order), drawn like s0 with one Unit().
//     s_{t+1} ~ P(. | s_t, a): one Unit(), successors in their listed order;
//       r_t = r(s_t, a, s_{t+1}).
//     Q-learning updates at once: target = r_t + g * max_b Q(s_{t+1}, b)
//       (0 instead of the max at a terminal s_{t+1}; the horizon is a time
//       limit, not a terminal, so a truncated run still bootstraps), then
//       Q(s_t, a) += lr * (target - Q(s_t, a)).
//   REINFORCE, after the episode: G_t = r_t + g G_{t+1} (backwards from
//     G_T = 0), then for t = 0 .. T-1 and every action b in order:
//     theta(s_t, b) += lr * g^t * G_t * ([b == a_t] - p_t(b)), with p_t the
//     probabilities a_t was drawn from.
// Initial values: `init zero` (the default) or `init random`: 0.01 times a
// standard normal per (s, a) in state-major order, drawn before the first
// episode. The learned policy is Greedy at every state: the action with the
// highest value, the lowest action index among values tied within
// kTieTolerance * max(1, |best|) (train/learner.h).
#ifndef ALIGNCHECK_TRAIN_RL_LEARNER_H_
#define ALIGNCHECK_TRAIN_RL_LEARNER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace aligncheck {

/// A finite MDP with a reward, in floating point. Choice c = s * actions +
/// a has the transitions begin[c] .. begin[c + 1] - 1.
struct RlProblem {
  size_t states = 0;
  size_t actions = 0;
  double discount = 0.9;
  std::vector<double> start;    // probability per state (training start)
  std::vector<bool> terminal;   // per state
  std::vector<uint32_t> begin;  // per choice, size states * actions + 1
  std::vector<uint32_t> next;   // successor per transition
  std::vector<double> prob;     // probability per transition
  std::vector<double> reward;   // r(s, a, s2) per transition, maximized
};

struct RlSetup {
  enum class Kind { kQLearning, kReinforce };
  Kind kind = Kind::kQLearning;
  bool random_init = false;
  double epsilon = 0.1;  // Q-learning only
  double lr = 0.1;
  int64_t episodes = 1;
  int64_t horizon = 1;
};

/// What one run learned.
struct RlRun {
  /// Q(s, a) or theta(s, a) at s * actions + a.
  std::vector<double> values;
  /// Per state, how often a run was at it (terminal positions included).
  std::vector<uint64_t> visits;
};

/// Returns the initial table for `seed` (consumes the same draws Train does).
std::vector<double> InitialTable(const RlProblem& p, const RlSetup& s,
                                 uint64_t seed);

/// Runs `s.episodes` episodes from the seed; returns the final table.
RlRun TrainRl(const RlProblem& p, const RlSetup& s, uint64_t seed);

/// Returns the greedy action of every state (terminal states included, where
/// it is unused): highest value, lowest index among tied values.
std::vector<uint32_t> GreedyPolicy(const RlProblem& p,
                                   const std::vector<double>& values);

/// Transitions one episode step takes at most, times episodes and seeds:
/// the work estimate a check compares with its budget.
double RlWork(const RlProblem& p, const RlSetup& s, uint64_t seeds);

}  // namespace aligncheck

#endif  // ALIGNCHECK_TRAIN_RL_LEARNER_H_
