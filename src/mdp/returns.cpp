// Exact discounted returns through the shared choice-system optimizer.
#include "mdp/returns.h"

#include "mdp/linear_system.h"

namespace aligncheck {

namespace {

// The return objective over the allowed choices: terminal states are fixed
// at 0, so a transition entering one pays its reward and nothing after.
ChoiceSystem ReturnSystem(const Mdp& m, const Reward& r,
                          const ActionMask& allowed) {
  ChoiceSystem sys;
  Rational expected, w;
  for (size_t s = 0; s < m.states; ++s) {
    if (m.terminal[s]) {
      sys.AddFixedState(0);
      continue;
    }
    sys.AddState();
    for (size_t a = 0; a < m.actions; ++a) {
      size_t c = m.Choice(s, a);
      if (!allowed[c]) continue;
      expected = 0;
      for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
        w = m.succ[k].prob * r.value[k];
        expected += w;
      }
      sys.AddChoice(static_cast<uint32_t>(a), expected);
      for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
        if (m.terminal[m.succ[k].state]) continue;
        sys.AddTerm(m.succ[k].state, m.discount * m.succ[k].prob);
      }
    }
  }
  sys.Finish();
  return sys;
}

Policy PolicyOf(const ChoiceSystem& sys, const ChoiceSolution& sol) {
  Policy pi(sys.states(), 0);
  for (size_t s = 0; s < sys.states(); ++s) {
    if (sol.choice[s] != UINT32_MAX) pi[s] = sys.choice_action[sol.choice[s]];
  }
  return pi;
}

}  // namespace

std::vector<Rational> PolicyValues(const Mdp& m, const Reward& r,
                                   const Policy& pi) {
  LinearSystem lin;
  lin.constant.reserve(m.states);
  Rational t;
  for (size_t s = 0; s < m.states; ++s) {
    if (m.terminal[s]) {
      lin.AddRow(0);
      continue;
    }
    size_t c = m.Choice(s, pi[s]);
    lin.AddRow(0);
    for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
      t = m.succ[k].prob * r.value[k];
      lin.constant.back() += t;
      if (!m.terminal[m.succ[k].state]) {
        lin.AddTerm(m.succ[k].state, m.discount * m.succ[k].prob);
      }
    }
  }
  lin.Finish();
  std::vector<Rational> v;
  SolveLinearSystem(lin, &v);  // never singular: 0 < g < 1
  return v;
}

Rational FromStart(const Mdp& m, const std::vector<Rational>& v) {
  Rational sum = 0, t;
  for (size_t s = 0; s < m.states; ++s) {
    if (m.start[s] == 0) continue;
    t = m.start[s] * v[s];
    sum += t;
  }
  return sum;
}

std::vector<Rational> QValues(const Mdp& m, const Reward& r,
                              const std::vector<Rational>& v) {
  std::vector<Rational> q(m.choices());
  Rational t;
  for (size_t s = 0; s < m.states; ++s) {
    if (m.terminal[s]) continue;
    for (size_t a = 0; a < m.actions; ++a) {
      size_t c = m.Choice(s, a);
      for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
        t = m.discount * v[m.succ[k].state];
        t += r.value[k];
        t *= m.succ[k].prob;
        q[c] += t;
      }
    }
  }
  return q;
}

Optimum OptimalValues(const Mdp& m, const Reward& r, const ActionMask& allowed) {
  Optimum out;
  ChoiceSystem sys = ReturnSystem(m, r, allowed);
  ChoiceSolution sol = SolveChoiceSystem(sys, Sense::kMax, true);
  if (!sol.ok) {
    out.error = sol.error;
    return out;
  }
  out.v = std::move(sol.value);
  // Q* of allowed choices comes with the solution; the others are computed.
  out.q.resize(m.choices());
  Rational t;
  size_t next_choice = 0;
  for (size_t s = 0; s < m.states; ++s) {
    if (m.terminal[s]) continue;
    for (size_t a = 0; a < m.actions; ++a) {
      size_t c = m.Choice(s, a);
      if (allowed[c]) {
        out.q[c] = std::move(sol.choice_value[next_choice++]);
        continue;
      }
      for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
        t = m.discount * out.v[m.succ[k].state];
        t += r.value[k];
        t *= m.succ[k].prob;
        out.q[c] += t;
      }
    }
  }
  out.optimal.assign(m.choices(), false);
  for (size_t s = 0; s < m.states; ++s) {
    if (m.terminal[s]) continue;
    for (size_t a = 0; a < m.actions; ++a) {
      size_t c = m.Choice(s, a);
      out.optimal[c] = allowed[c] && out.q[c] == out.v[s];
    }
  }
  out.policy = PolicyOf(sys, sol);
  out.start_value = FromStart(m, out.v);
  out.improvement_rounds = sol.improvement_rounds;
  out.ok = true;
  return out;
}

Extreme ExtremeReturn(const Mdp& m, const Reward& r, const ActionMask& allowed,
                      Sense sense) {
  Extreme out;
  ChoiceSystem sys = ReturnSystem(m, r, allowed);
  ChoiceSolution sol = SolveChoiceSystem(sys, sense);
  if (!sol.ok) {
    out.reason = sol.error;
    return out;
  }
  out.status = Extreme::Status::kExact;
  out.per_state = std::move(sol.value);
  out.policy = PolicyOf(sys, sol);
  out.value = FromStart(m, out.per_state);
  return out;
}

}  // namespace aligncheck
