// Building and validating MDP values.
#include "mdp/mdp.h"

#include <utility>

namespace aligncheck {

std::string Mdp::StateName(size_t s) const {
  if (s < state_names.size()) return state_names[s];
  return "s" + std::to_string(s);
}

std::string Mdp::ActionName(size_t a) const {
  if (a < action_names.size()) return action_names[a];
  return "a" + std::to_string(a);
}

MdpBuilder::MdpBuilder(size_t states, size_t actions)
    : states_(states),
      actions_(actions),
      start_(states),
      terminal_(states, false),
      outcomes_(states * actions) {}

void MdpBuilder::SetStartWeight(uint32_t s, const Rational& w) {
  if (s < states_) start_[s] = w;
}

void MdpBuilder::SetTerminal(uint32_t s, bool terminal) {
  if (s < states_) terminal_[s] = terminal;
}

void MdpBuilder::SetSuccessors(uint32_t s, uint32_t a,
                               std::vector<Successor> outcomes) {
  if (s < states_ && a < actions_) {
    outcomes_[s * actions_ + a] = std::move(outcomes);
  }
}

void MdpBuilder::SetNext(uint32_t s, uint32_t a, uint32_t s2) {
  SetSuccessors(s, a, {Successor{s2, Rational(1)}});
}

void MdpBuilder::SetNames(std::vector<std::string> states,
                          std::vector<std::string> actions) {
  state_names_ = std::move(states);
  action_names_ = std::move(actions);
}

Mdp MdpBuilder::Build(std::string* error) const {
  Mdp m;
  m.states = states_;
  m.actions = actions_;
  // Callers may hand over fractions like mpq_class(2, 4): every comparison
  // below needs canonical form.
  m.discount = discount_;
  m.discount.canonicalize();
  m.start = start_;
  for (Rational& w : m.start) w.canonicalize();
  Rational total = 0;
  for (const Rational& w : start_) total += w;
  if (total > 0) {
    for (Rational& w : m.start) w /= total;
  }
  m.terminal = terminal_;
  m.begin.reserve(outcomes_.size() + 1);
  m.begin.push_back(0);
  for (const std::vector<Successor>& out : outcomes_) {
    for (Successor o : out) {
      o.prob.canonicalize();
      m.succ.push_back(std::move(o));
    }
    m.begin.push_back(static_cast<uint32_t>(m.succ.size()));
  }
  m.state_names = state_names_;
  m.action_names = action_names_;
  std::string problem = ValidateMdp(m);
  if (error != nullptr) *error = problem;
  return m;
}

std::string ValidateMdp(const Mdp& m) {
  if (m.states == 0) return "an mdp needs at least one state";
  if (m.actions == 0) return "an mdp needs at least one action";
  if (m.discount <= 0 || m.discount >= 1) {
    return "discount " + FormatRational(m.discount) +
           " is outside (0, 1)";
  }
  if (m.start.size() != m.states || m.terminal.size() != m.states ||
      m.begin.size() != m.choices() + 1 || m.begin.back() != m.succ.size()) {
    return "mdp tables do not match its state and action counts";
  }
  Rational total = 0;
  for (size_t s = 0; s < m.states; ++s) {
    if (m.start[s] < 0) {
      return "start weight of " + m.StateName(s) + " is negative";
    }
    total += m.start[s];
  }
  if (total != 1) return "start weights sum to " + FormatRational(total);
  for (size_t s = 0; s < m.states; ++s) {
    if (m.terminal[s]) continue;
    for (size_t a = 0; a < m.actions; ++a) {
      size_t c = m.Choice(s, a);
      std::string where = "next(" + m.StateName(s) + ", " + m.ActionName(a) + ")";
      if (m.begin[c] > m.begin[c + 1]) return "mdp tables are out of order";
      if (m.begin[c] == m.begin[c + 1]) return where + " has no successor";
      Rational sum = 0;
      for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
        const Successor& o = m.succ[k];
        if (o.state >= m.states) return where + " leaves the state domain";
        if (o.prob <= 0) {
          return where + " gives probability " + FormatRational(o.prob) +
                 " to " + m.StateName(o.state) + "; it must be positive";
        }
        sum += o.prob;
      }
      if (sum != 1) {
        return "probabilities of " + where + " sum to " + FormatRational(sum);
      }
    }
  }
  return "";
}

std::string ValidatePolicy(const Mdp& m, const Policy& pi) {
  if (pi.size() != m.states) {
    return "policy has " + std::to_string(pi.size()) + " entries for " +
           std::to_string(m.states) + " states";
  }
  for (size_t s = 0; s < m.states; ++s) {
    if (!m.terminal[s] && pi[s] >= m.actions) {
      return "policy has no action at " + m.StateName(s);
    }
  }
  return "";
}

std::string ValidateReward(const Mdp& m, const Reward& r) {
  if (r.value.size() != m.succ.size()) {
    return "reward has " + std::to_string(r.value.size()) +
           " values for " + std::to_string(m.succ.size()) + " transitions";
  }
  return "";
}

Reward RewardOfStateAction(
    const Mdp& m, const std::function<Rational(uint32_t, uint32_t)>& r) {
  Reward out;
  out.value.resize(m.succ.size());
  for (size_t s = 0; s < m.states; ++s) {
    for (size_t a = 0; a < m.actions; ++a) {
      size_t c = m.Choice(s, a);
      if (m.begin[c] == m.begin[c + 1]) continue;
      Rational v = r(static_cast<uint32_t>(s), static_cast<uint32_t>(a));
      v.canonicalize();
      for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) out.value[k] = v;
    }
  }
  return out;
}

Reward RewardOfTransition(
    const Mdp& m,
    const std::function<Rational(uint32_t, uint32_t, uint32_t)>& r) {
  Reward out;
  out.value.resize(m.succ.size());
  for (size_t s = 0; s < m.states; ++s) {
    for (size_t a = 0; a < m.actions; ++a) {
      size_t c = m.Choice(s, a);
      for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
        out.value[k] = r(static_cast<uint32_t>(s), static_cast<uint32_t>(a),
                         m.succ[k].state);
        out.value[k].canonicalize();
      }
    }
  }
  return out;
}

Reward Negated(const Reward& r) {
  Reward out = r;
  for (Rational& v : out.value) v = -v;
  return out;
}

bool IsDeterministic(const Mdp& m) {
  for (size_t c = 0; c < m.choices(); ++c) {
    if (m.begin[c + 1] - m.begin[c] > 1) return false;
  }
  return true;
}

ActionMask AllActions(const Mdp& m) { return ActionMask(m.choices(), true); }

std::vector<bool> ReachedStates(const Mdp& m, const Policy& pi) {
  std::vector<bool> reached(m.states, false);
  std::vector<uint32_t> stack;
  for (size_t s = 0; s < m.states; ++s) {
    if (m.start[s] > 0) {
      reached[s] = true;
      stack.push_back(static_cast<uint32_t>(s));
    }
  }
  while (!stack.empty()) {
    uint32_t s = stack.back();
    stack.pop_back();
    if (m.terminal[s]) continue;
    size_t c = m.Choice(s, pi[s]);
    for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
      uint32_t t = m.succ[k].state;
      if (!reached[t]) {
        reached[t] = true;
        stack.push_back(t);
      }
    }
  }
  return reached;
}

}  // namespace aligncheck
