// One optimizer for every objective over stationary deterministic policies:
// discounted returns and reachability probabilities both take the form
//   x_s = opt over choices c of s of ( constant[c] + sum weight * x_t ),
// with some states fixed to a known value (terminal states, states whose
// probability a graph argument already decided).
//
// Floating-point value iteration proposes a policy; exact policy iteration
// decides. A policy is "proper" when from every state its chain reaches,
// with probability 1, a choice whose weights to unfixed states sum to less
// than 1 (a discount, a fixed state, a goal); then its values solve a
// nonsingular exact system. The proposal is repaired to be proper, and
// switching only on strict exact improvement keeps it proper (a closed class
// the switch created would contain an unswitched state of the old proper
// policy). The result is optimal when no choice improves on the values
// exactly: for discounted systems and for minimum reachability (every
// policy proper once the probability-0 states are fixed) the fixed point is
// unique; for maximum reachability the values of a policy that no choice
// improves on are an upper bound of the least fixed point, hence equal.
#ifndef ALIGNCHECK_MDP_CHOICE_SYSTEM_H_
#define ALIGNCHECK_MDP_CHOICE_SYSTEM_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "util/rational.h"

namespace aligncheck {

enum class Sense { kMax, kMin };

struct ChoiceSystem {
  std::vector<bool> fixed;             // per state
  std::vector<Rational> fixed_value;   // per state, when fixed
  std::vector<uint32_t> choice_begin;  // per state, size states + 1
  std::vector<uint32_t> choice_action; // per choice: the MDP action it is
  std::vector<Rational> constant;      // per choice
  std::vector<uint32_t> term_begin;    // per choice, size choices + 1
  std::vector<uint32_t> term_state;
  std::vector<Rational> term_weight;

  size_t states() const { return fixed.size(); }
  size_t choices() const { return constant.size(); }

  /// Building, state by state in order: AddFixedState or AddState followed
  /// by its AddChoice/AddTerm calls; Finish once at the end.
  void AddFixedState(const Rational& v);
  void AddState();
  void AddChoice(uint32_t action, const Rational& c);
  void AddTerm(uint32_t t, const Rational& w);
  void Finish();
};

struct ChoiceSolution {
  bool ok = false;
  std::string error;                 // when !ok
  std::vector<Rational> value;       // per state, optimal
  std::vector<Rational> choice_value;// per choice, when asked for
  std::vector<uint32_t> choice;      // per state: an optimal choice index
                                     // (UINT32_MAX for fixed states)
  int improvement_rounds = 0;        // exact policy-improvement steps taken
};

/// Returns the optimal values and an optimal, proper policy, and the value
/// of every choice when `choice_values` (reducing them costs a gcd each).
/// Fails (ok = false) when a state can reach no leaking choice under any
/// policy (the caller must fix such states first).
ChoiceSolution SolveChoiceSystem(const ChoiceSystem& sys, Sense sense,
                                 bool choice_values = false);

/// Evaluates the policy `choice` (choice index per unfixed state) exactly.
/// Returns false when its system is singular.
bool EvaluateChoices(const ChoiceSystem& sys,
                     const std::vector<uint32_t>& choice,
                     std::vector<Rational>* value);

}  // namespace aligncheck

#endif  // ALIGNCHECK_MDP_CHOICE_SYSTEM_H_
