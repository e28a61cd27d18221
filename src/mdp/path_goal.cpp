// Run properties: unbounded ones through the choice-system optimizer,
// bounded ones by dynamic programming, lassos or enumeration.
#include "mdp/path_goal.h"

#include <utility>

#include "mdp/bounded_goal.h"

namespace aligncheck {

PositionPredicate PositionPredicate::Of(
    const Mdp& m,
    const std::function<bool(uint32_t, std::optional<uint32_t>)>& f) {
  PositionPredicate p;
  p.at_choice.assign(m.choices(), false);
  p.at_terminal.assign(m.states, false);
  for (uint32_t s = 0; s < m.states; ++s) {
    p.at_terminal[s] = f(s, std::nullopt);
    for (uint32_t a = 0; a < m.actions; ++a) {
      p.at_choice[m.Choice(s, a)] = f(s, a);
    }
  }
  return p;
}

PositionPredicate PositionPredicate::Constant(const Mdp& m, bool value) {
  return PositionPredicate{std::vector<bool>(m.choices(), value),
                           std::vector<bool>(m.states, value)};
}

PositionPredicate PositionPredicate::Negated() const {
  PositionPredicate p = *this;
  p.at_choice.flip();
  p.at_terminal.flip();
  return p;
}

PathFormula PathFormula::Eventually(PositionPredicate f) {
  PathFormula phi;
  phi.kind = Kind::kEventually;
  phi.f = std::move(f);
  return phi;
}

PathFormula PathFormula::Always(PositionPredicate f) {
  PathFormula phi = Eventually(std::move(f));
  phi.kind = Kind::kAlways;
  return phi;
}

PathFormula PathFormula::Until(PositionPredicate f, PositionPredicate f2) {
  PathFormula phi = Eventually(std::move(f));
  phi.kind = Kind::kUntil;
  phi.f2 = std::move(f2);
  return phi;
}

PathFormula PathFormula::EventuallyWithin(uint64_t k, PositionPredicate f) {
  PathFormula phi = Eventually(std::move(f));
  phi.kind = Kind::kEventuallyWithin;
  phi.bound = k;
  return phi;
}

namespace {

enum class Step { kGoal, kFail, kContinue };

Step StepOf(const PositionPredicate& f, const PositionPredicate& f2, size_t c) {
  if (f2.at_choice[c]) return Step::kGoal;
  if (!f.at_choice[c]) return Step::kFail;
  return Step::kContinue;
}

// States from which some allowed policy reaches the goal with positive
// probability (for the maximum; the others are fixed at 0).
std::vector<bool> CanSucceed(const Mdp& m, const ActionMask& allowed,
                             const PositionPredicate& f,
                             const PositionPredicate& f2) {
  std::vector<bool> can(m.states, false);
  std::vector<std::vector<uint32_t>> preds(m.states);
  std::vector<uint32_t> queue;
  for (uint32_t s = 0; s < m.states; ++s) {
    if (m.terminal[s]) {
      if (f2.at_terminal[s]) can[s] = true;
    } else {
      for (uint32_t a = 0; a < m.actions; ++a) {
        size_t c = m.Choice(s, a);
        if (!allowed[c]) continue;
        Step step = StepOf(f, f2, c);
        if (step == Step::kGoal) can[s] = true;
        if (step != Step::kContinue) continue;
        for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
          preds[m.succ[k].state].push_back(s);
        }
      }
    }
    if (can[s]) queue.push_back(s);
  }
  while (!queue.empty()) {
    uint32_t t = queue.back();
    queue.pop_back();
    for (uint32_t s : preds[t]) {
      if (!can[s]) {
        can[s] = true;
        queue.push_back(s);
      }
    }
  }
  return can;
}

// States where some allowed policy surely never succeeds (for the minimum;
// fixed at 0), each with an action that keeps it so (kNoAction where none).
std::vector<uint32_t> AvoidingActions(const Mdp& m, const ActionMask& allowed,
                                      const PositionPredicate& f,
                                      const PositionPredicate& f2,
                                      std::vector<bool>* avoid) {
  avoid->assign(m.states, true);
  std::vector<uint32_t> outside(m.choices(), 0);  // successors not avoiding
  std::vector<uint32_t> good(m.states, 0);        // choices that still avoid
  std::vector<std::vector<uint32_t>> preds(m.states);  // continue choices
  std::vector<uint32_t> queue;
  for (uint32_t s = 0; s < m.states; ++s) {
    if (m.terminal[s]) {
      if (f2.at_terminal[s]) {
        (*avoid)[s] = false;
        queue.push_back(s);
      }
      continue;
    }
    for (uint32_t a = 0; a < m.actions; ++a) {
      size_t c = m.Choice(s, a);
      if (!allowed[c]) continue;
      Step step = StepOf(f, f2, c);
      if (step == Step::kGoal) continue;
      ++good[s];
      if (step == Step::kFail) continue;
      for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
        preds[m.succ[k].state].push_back(static_cast<uint32_t>(c));
      }
    }
    if (good[s] == 0) {
      (*avoid)[s] = false;
      queue.push_back(s);
    }
  }
  while (!queue.empty()) {
    uint32_t t = queue.back();
    queue.pop_back();
    for (uint32_t c : preds[t]) {
      if (outside[c]++ != 0) continue;
      uint32_t s = static_cast<uint32_t>(c / m.actions);
      if ((*avoid)[s] && --good[s] == 0) {
        (*avoid)[s] = false;
        queue.push_back(s);
      }
    }
  }
  std::vector<uint32_t> action(m.states, kNoAction);
  for (uint32_t s = 0; s < m.states; ++s) {
    if (!(*avoid)[s] || m.terminal[s]) continue;
    for (uint32_t a = 0; a < m.actions && action[s] == kNoAction; ++a) {
      size_t c = m.Choice(s, a);
      if (!allowed[c]) continue;
      Step step = StepOf(f, f2, c);
      if (step == Step::kFail || (step == Step::kContinue && outside[c] == 0)) {
        action[s] = a;
      }
    }
  }
  return action;
}

Extreme ExtremeUntil(const Mdp& m, const ActionMask& allowed,
                     const PositionPredicate& f, const PositionPredicate& f2,
                     Sense sense) {
  std::vector<bool> zero(m.states, false);
  std::vector<uint32_t> zero_action(m.states, kNoAction);
  if (sense == Sense::kMax) {
    std::vector<bool> can = CanSucceed(m, allowed, f, f2);
    for (uint32_t s = 0; s < m.states; ++s) zero[s] = !can[s];
  } else {
    zero_action = AvoidingActions(m, allowed, f, f2, &zero);
  }
  ChoiceSystem sys;
  for (uint32_t s = 0; s < m.states; ++s) {
    if (m.terminal[s]) {
      sys.AddFixedState(f2.at_terminal[s] ? 1 : 0);
      continue;
    }
    if (zero[s]) {
      sys.AddFixedState(0);
      continue;
    }
    sys.AddState();
    for (uint32_t a = 0; a < m.actions; ++a) {
      size_t c = m.Choice(s, a);
      if (!allowed[c]) continue;
      Step step = StepOf(f, f2, c);
      sys.AddChoice(a, step == Step::kGoal ? 1 : 0);
      if (step != Step::kContinue) continue;
      for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
        sys.AddTerm(m.succ[k].state, m.succ[k].prob);
      }
    }
  }
  sys.Finish();
  Extreme out;
  ChoiceSolution sol = SolveChoiceSystem(sys, sense);
  if (!sol.ok) {
    out.reason = sol.error;
    return out;
  }
  Policy partial(m.states, kNoAction);
  for (uint32_t s = 0; s < m.states; ++s) {
    if (sol.choice[s] != UINT32_MAX) {
      partial[s] = sys.choice_action[sol.choice[s]];
    } else if (!m.terminal[s]) {
      partial[s] = zero_action[s];
    }
  }
  out.status = Extreme::Status::kExact;
  out.policy = CompletePolicy(m, allowed, partial);
  out.per_state = std::move(sol.value);
  out.value = FromStart(m, out.per_state);
  return out;
}

Sense Opposite(Sense s) { return s == Sense::kMax ? Sense::kMin : Sense::kMax; }

ActionMask OnlyPolicy(const Mdp& m, const Policy& pi) {
  ActionMask mask(m.choices(), false);
  for (size_t s = 0; s < m.states; ++s) {
    if (!m.terminal[s]) mask[m.Choice(s, pi[s])] = true;
  }
  return mask;
}

}  // namespace

std::vector<Rational> PathProbabilities(const Mdp& m, const Policy& pi,
                                        const PathFormula& phi) {
  if (phi.kind == PathFormula::Kind::kEventuallyWithin) {
    return BoundedProbabilities(m, pi, phi.f, phi.bound);
  }
  // With one allowed action per state the extreme is the policy's value.
  return ExtremePathProbability(m, OnlyPolicy(m, pi), phi, Sense::kMax)
      .per_state;
}

Rational PathProbability(const Mdp& m, const Policy& pi,
                         const PathFormula& phi) {
  return FromStart(m, PathProbabilities(m, pi, phi));
}

Extreme ExtremePathProbability(const Mdp& m, const ActionMask& allowed,
                               const PathFormula& phi, Sense sense,
                               const SearchBudget& budget) {
  PositionPredicate always_true = PositionPredicate::Constant(m, true);
  switch (phi.kind) {
    case PathFormula::Kind::kEventually:
      return ExtremeUntil(m, allowed, always_true, phi.f, sense);
    case PathFormula::Kind::kUntil:
      return ExtremeUntil(m, allowed, phi.f, phi.f2, sense);
    case PathFormula::Kind::kAlways: {
      // always F = not eventually not F.
      Extreme e = ExtremeUntil(m, allowed, always_true, phi.f.Negated(),
                               Opposite(sense));
      e.value = 1 - e.value;
      for (Rational& v : e.per_state) v = 1 - v;
      return e;
    }
    case PathFormula::Kind::kEventuallyWithin:
      return ExtremeBounded(m, allowed, phi.f, phi.bound, sense, budget);
  }
  return Extreme{};
}

}  // namespace aligncheck
