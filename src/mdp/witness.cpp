// Runs and violating paths of one policy.
#include "mdp/witness.h"

#include <algorithm>
#include <queue>
#include <utility>

namespace aligncheck {

Lasso RunLasso(const Mdp& m, const Policy& pi, uint32_t start) {
  Lasso out;
  std::vector<uint32_t> position(m.states, kNoAction);
  std::vector<uint32_t> run;
  uint32_t s = start;
  while (position[s] == kNoAction) {
    position[s] = static_cast<uint32_t>(run.size());
    run.push_back(s);
    if (m.terminal[s]) {
      out.prefix = std::move(run);
      return out;
    }
    s = m.succ[m.begin[m.Choice(s, pi[s])]].state;
  }
  out.prefix.assign(run.begin(), run.begin() + position[s]);
  out.cycle.assign(run.begin() + position[s], run.end());
  return out;
}

WitnessPath MostProbablePath(const Mdp& m, const Policy& pi,
                             const PositionPredicate& through,
                             const PositionPredicate& target) {
  std::vector<Rational> best(m.states);
  std::vector<bool> seen(m.states, false), done(m.states, false);
  std::vector<uint32_t> parent(m.states, kNoAction);
  using Entry = std::pair<Rational, uint32_t>;
  std::priority_queue<Entry> queue;  // the most probable first
  for (uint32_t s = 0; s < m.states; ++s) {
    if (m.start[s] == 0) continue;
    best[s] = m.start[s];
    seen[s] = true;
    queue.push({best[s], s});
  }
  WitnessPath out;
  Rational p;
  while (!queue.empty()) {
    uint32_t s = queue.top().second;
    queue.pop();
    if (done[s]) continue;
    done[s] = true;
    if (target.At(m, s, pi[s])) {
      out.found = true;
      out.probability = best[s];
      for (uint32_t t = s; t != kNoAction; t = parent[t]) out.states.push_back(t);
      std::reverse(out.states.begin(), out.states.end());
      return out;
    }
    if (m.terminal[s] || !through.At(m, s, pi[s])) continue;
    size_t c = m.Choice(s, pi[s]);
    for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
      uint32_t t = m.succ[k].state;
      if (done[t]) continue;
      p = best[s] * m.succ[k].prob;
      if (!seen[t] || p > best[t]) {
        seen[t] = true;
        best[t] = p;
        parent[t] = s;
        queue.push({p, t});
      }
    }
  }
  return out;
}

namespace {

// States from which a run of pi can still meet F2 through F positions.
std::vector<bool> CanStillSucceed(const Mdp& m, const Policy& pi,
                                  const PositionPredicate& f,
                                  const PositionPredicate& f2) {
  std::vector<bool> can(m.states, false);
  std::vector<std::vector<uint32_t>> preds(m.states);
  std::vector<uint32_t> queue;
  for (uint32_t s = 0; s < m.states; ++s) {
    if (f2.At(m, s, pi[s])) {
      can[s] = true;
      queue.push_back(s);
    } else if (!m.terminal[s] && f.At(m, s, pi[s])) {
      size_t c = m.Choice(s, pi[s]);
      for (uint32_t k = m.begin[c]; k < m.begin[c + 1]; ++k) {
        preds[m.succ[k].state].push_back(s);
      }
    }
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

}  // namespace

WitnessPath ViolatingPath(const Mdp& m, const Policy& pi,
                          const PathFormula& phi) {
  switch (phi.kind) {
    case PathFormula::Kind::kAlways:
      return MostProbablePath(m, pi, phi.f, phi.f.Negated());
    case PathFormula::Kind::kEventually:
    case PathFormula::Kind::kUntil: {
      bool until = phi.kind == PathFormula::Kind::kUntil;
      PositionPredicate f = until ? phi.f : PositionPredicate::Constant(m, true);
      const PositionPredicate& f2 = until ? phi.f2 : phi.f;
      std::vector<bool> can = CanStillSucceed(m, pi, f, f2);
      PositionPredicate through = f, target = f2.Negated();
      for (uint32_t s = 0; s < m.states; ++s) {
        if (m.terminal[s]) {
          through.at_terminal[s] = through.at_terminal[s] && !f2.at_terminal[s];
          continue;
        }
        for (uint32_t a = 0; a < m.actions; ++a) {
          size_t c = m.Choice(s, a);
          through.at_choice[c] = f.at_choice[c] && !f2.at_choice[c];
          target.at_choice[c] = !f2.at_choice[c] && (!f.at_choice[c] || !can[s]);
        }
      }
      return MostProbablePath(m, pi, through, target);
    }
    case PathFormula::Kind::kEventuallyWithin:
      break;
  }
  return WitnessPath{};
}

}  // namespace aligncheck
