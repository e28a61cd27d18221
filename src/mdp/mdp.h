// Finite MDPs as plain values: states, actions, exact transition
// probabilities, rewards, discount, start distribution and terminal states.
//
// Semantics (DESIGN "Sequential decisions: finite MDPs"): a run starts in a
// state drawn from the start distribution; at a non-terminal state s the
// policy picks pi(s) and the run moves to s2 with probability P(s2 | s, a),
// collecting reward r(s, a, s2) discounted by g^t. A run ends when it enters a
// terminal state: the reward of that transition is paid, nothing after.
// Successors of terminal states are ignored. Policies are stationary and
// deterministic, one action per state; the entry of a terminal state is
// ignored.
#ifndef ALIGNCHECK_MDP_MDP_H_
#define ALIGNCHECK_MDP_MDP_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "util/rational.h"

namespace aligncheck {

using Policy = std::vector<uint32_t>;  // state -> action

/// One outcome of choosing action a in state s.
struct Successor {
  uint32_t state = 0;
  Rational prob;
};

/// The structure of an MDP, independent of any reward. Choices are indexed
/// c = s * actions + a; the successors of choice c are
/// succ[begin[c]] .. succ[begin[c + 1] - 1], and a transition is such an
/// index k.
struct Mdp {
  size_t states = 0;
  size_t actions = 0;
  Rational discount;               // 0 < g < 1
  std::vector<Rational> start;     // weight per state, sums to 1 once valid
  std::vector<bool> terminal;      // per state
  std::vector<uint32_t> begin;     // per choice, size states * actions + 1
  std::vector<Successor> succ;     // per transition
  std::vector<std::string> state_names;   // optional, for messages
  std::vector<std::string> action_names;  // optional, for messages

  size_t Choice(size_t s, size_t a) const { return s * actions + a; }
  size_t choices() const { return states * actions; }
  std::string StateName(size_t s) const;
  std::string ActionName(size_t a) const;
};

/// A reward per transition (s, a, s2), aligned with Mdp::succ.
struct Reward {
  std::vector<Rational> value;
};

/// Builds an Mdp choice by choice, in any order.
class MdpBuilder {
 public:
  MdpBuilder(size_t states, size_t actions);
  void SetDiscount(const Rational& g) { discount_ = g; }
  /// Start weights need not sum to 1: Build normalizes them.
  void SetStartWeight(uint32_t s, const Rational& w);
  void SetTerminal(uint32_t s, bool terminal = true);
  void SetSuccessors(uint32_t s, uint32_t a, std::vector<Successor> outcomes);
  /// A deterministic move: one successor with probability 1.
  void SetNext(uint32_t s, uint32_t a, uint32_t s2);
  void SetNames(std::vector<std::string> states,
                std::vector<std::string> actions);
  /// Returns the Mdp, or the first problem ValidateMdp finds (after
  /// normalizing the start weights when their sum is positive).
  Mdp Build(std::string* error) const;

 private:
  size_t states_, actions_;
  Rational discount_;
  std::vector<Rational> start_;
  std::vector<bool> terminal_;
  std::vector<std::vector<Successor>> outcomes_;
  std::vector<std::string> state_names_, action_names_;
};

/// Returns "" when `m` is well formed, otherwise a lowercase message naming
/// the first problem: a discount outside (0, 1), a start weight that is
/// negative or weights that do not sum to 1, a non-terminal choice without
/// successors, a successor out of range, a probability that is not positive,
/// probabilities of one choice that do not sum to 1.
std::string ValidateMdp(const Mdp& m);

/// Returns "" when `pi` names an action of `m` at every non-terminal state.
std::string ValidatePolicy(const Mdp& m, const Policy& pi);

/// Returns "" when `r` fits `m` (one value per transition).
std::string ValidateReward(const Mdp& m, const Reward& r);

/// Returns the reward r(s, a) paid on every successor of (s, a).
Reward RewardOfStateAction(
    const Mdp& m, const std::function<Rational(uint32_t, uint32_t)>& r);

/// Returns the reward r(s, a, s2).
Reward RewardOfTransition(
    const Mdp& m,
    const std::function<Rational(uint32_t, uint32_t, uint32_t)>& r);

/// Returns -r: a loss is minimized, that is, -loss is maximized.
Reward Negated(const Reward& r);

/// True when every choice has exactly one successor.
bool IsDeterministic(const Mdp& m);

/// Per choice, whether a policy may take it: the MDP restricted to some
/// actions (e.g. the optimal ones). Size m.choices(); a non-terminal state
/// must keep at least one allowed action.
using ActionMask = std::vector<bool>;

/// Every action allowed.
ActionMask AllActions(const Mdp& m);

/// Returns the states reached with positive probability by `pi` from the
/// start distribution (terminal states included when entered).
std::vector<bool> ReachedStates(const Mdp& m, const Policy& pi);

/// A sentinel action for a state a partial policy leaves unassigned.
inline constexpr uint32_t kNoAction = UINT32_MAX;

}  // namespace aligncheck

#endif  // ALIGNCHECK_MDP_MDP_H_
