// Bounded reachability over stationary policies.
#include "mdp/bounded_goal.h"

#include <algorithm>
#include <utility>

#include "mdp/linear_system.h"

namespace aligncheck {

std::vector<Rational> BoundedProbabilities(const Mdp& m, const Policy& pi,
                                           const PositionPredicate& f,
                                           uint64_t k) {
  std::vector<bool> holds(m.states);
  std::vector<Rational> x(m.states), y(m.states);
  for (uint32_t s = 0; s < m.states; ++s) {
    holds[s] = f.At(m, s, pi[s]);
    x[s] = holds[s] ? 1 : 0;
  }
  Rational t;
  for (uint64_t step = 1; step <= k; ++step) {
    for (uint32_t s = 0; s < m.states; ++s) {
      if (holds[s] || m.terminal[s]) {
        y[s] = x[s];
        continue;
      }
      y[s] = 0;
      size_t c = m.Choice(s, pi[s]);
      for (uint32_t j = m.begin[c]; j < m.begin[c + 1]; ++j) {
        t = m.succ[j].prob * x[m.succ[j].state];
        y[s] += t;
      }
    }
    if (y == x) break;  // a fixed point stays one
    std::swap(x, y);
  }
  return x;
}

namespace {

uint32_t NextState(const Mdp& m, uint32_t s, uint32_t a) {
  return m.succ[m.begin[m.Choice(s, a)]].state;
}

Extreme Decided(const Mdp& m, const ActionMask& allowed, const Policy& partial,
                int value) {
  Extreme out;
  out.status = Extreme::Status::kExact;
  out.value = value;
  out.policy = CompletePolicy(m, allowed, partial);
  return out;
}

// Deterministic, one start: is F within k transitions along some path?
Extreme MaxDeterministic(const Mdp& m, const ActionMask& allowed,
                         const PositionPredicate& f, uint64_t k,
                         uint32_t start) {
  std::vector<uint64_t> dist(m.states, UINT64_MAX);
  std::vector<uint32_t> parent(m.states), parent_action(m.states);
  std::vector<uint32_t> queue{start};
  dist[start] = 0;
  Policy partial(m.states, kNoAction);
  for (size_t head = 0; head < queue.size(); ++head) {
    uint32_t s = queue[head];
    bool found = m.terminal[s] && f.at_terminal[s];
    for (uint32_t a = 0; a < m.actions && !found && !m.terminal[s]; ++a) {
      if (allowed[m.Choice(s, a)] && f.at_choice[m.Choice(s, a)]) {
        partial[s] = a;
        found = true;
      }
    }
    if (found) {
      for (uint32_t t = s; t != start; t = parent[t]) {
        partial[parent[t]] = parent_action[t];
      }
      return Decided(m, allowed, partial, 1);
    }
    if (m.terminal[s] || dist[s] >= k) continue;
    for (uint32_t a = 0; a < m.actions; ++a) {
      if (!allowed[m.Choice(s, a)]) continue;
      uint32_t t = NextState(m, s, a);
      if (dist[t] != UINT64_MAX) continue;
      dist[t] = dist[s] + 1;
      parent[t] = s;
      parent_action[t] = a;
      queue.push_back(t);
    }
  }
  return Decided(m, allowed, partial, 0);
}

// Deterministic, one start: can a stationary run avoid F at positions 0..k?
Extreme MinDeterministic(const Mdp& m, const ActionMask& allowed,
                         const PositionPredicate& f, uint64_t k,
                         uint32_t start) {
  auto safe = [&](uint32_t s, uint32_t a) {
    size_t c = m.Choice(s, a);
    return allowed[c] && !f.at_choice[c];
  };
  std::vector<uint32_t> parent(m.states, kNoAction), parent_action(m.states);
  std::vector<uint32_t> local(m.states, kNoAction);
  std::vector<uint32_t> order{start};  // the F-avoiding reachable subgraph
  local[start] = 0;
  Policy partial(m.states, kNoAction);
  auto path_to = [&](uint32_t t) {
    for (; t != start; t = parent[t]) partial[parent[t]] = parent_action[t];
  };
  for (size_t head = 0; head < order.size(); ++head) {
    uint32_t s = order[head];
    if (m.terminal[s]) {
      if (!f.at_terminal[s]) {  // the run ends before F can happen
        path_to(s);
        return Decided(m, allowed, partial, 0);
      }
      continue;
    }
    for (uint32_t a = 0; a < m.actions; ++a) {
      if (!safe(s, a)) continue;
      uint32_t t = NextState(m, s, a);
      if (local[t] != kNoAction) continue;
      local[t] = static_cast<uint32_t>(order.size());
      parent[t] = s;
      parent_action[t] = a;
      order.push_back(t);
    }
  }
  // The subgraph's edges, in local indices.
  std::vector<uint32_t> begin{0}, target, edge_action;
  for (uint32_t s : order) {
    for (uint32_t a = 0; a < m.actions && !m.terminal[s]; ++a) {
      if (!safe(s, a)) continue;
      target.push_back(local[NextState(m, s, a)]);
      edge_action.push_back(a);
    }
    begin.push_back(static_cast<uint32_t>(target.size()));
  }
  std::vector<std::vector<uint32_t>> components =
      StronglyConnectedComponents(order.size(), begin, target);
  for (const std::vector<uint32_t>& component : components) {
    uint32_t u = component[0];
    bool self_loop = false;
    for (uint32_t e = begin[u]; e < begin[u + 1]; ++e) self_loop |= target[e] == u;
    if (component.size() == 1 && !self_loop) continue;
    // A cycle through u inside the component, found by breadth-first search.
    std::vector<bool> inside(order.size(), false);
    for (uint32_t v : component) inside[v] = true;
    std::vector<uint32_t> from(order.size(), kNoAction), via(order.size());
    std::vector<uint32_t> queue{u};
    uint32_t closing = kNoAction, closing_action = 0;
    for (size_t head = 0; head < queue.size() && closing == kNoAction; ++head) {
      uint32_t v = queue[head];
      for (uint32_t e = begin[v]; e < begin[v + 1]; ++e) {
        uint32_t w = target[e];
        if (w == u) {
          closing = v;
          closing_action = edge_action[e];
          break;
        }
        if (!inside[w] || from[w] != kNoAction) continue;
        from[w] = v;
        via[w] = edge_action[e];
        queue.push_back(w);
      }
    }
    std::vector<bool> on_cycle(m.states, false);
    partial[order[closing]] = closing_action;
    on_cycle[order[closing]] = true;
    for (uint32_t v = closing; v != u; v = from[v]) {
      partial[order[from[v]]] = via[v];
      on_cycle[order[from[v]]] = true;
    }
    // The stem: the search-tree path from the start up to its first state
    // on the cycle.
    std::vector<uint32_t> stem;
    for (uint32_t t = order[u]; t != start; t = parent[t]) stem.push_back(t);
    stem.push_back(start);
    std::reverse(stem.begin(), stem.end());
    for (size_t i = 0; i + 1 < stem.size() && !on_cycle[stem[i]]; ++i) {
      partial[stem[i]] = parent_action[stem[i + 1]];
    }
    return Decided(m, allowed, partial, 0);
  }
  // Acyclic: the longest run of F-free positions, sinks first.
  std::vector<uint64_t> longest(order.size(), 0);
  for (const std::vector<uint32_t>& component : components) {
    uint32_t v = component[0];
    uint32_t s = order[v];
    for (uint32_t e = begin[v]; e < begin[v + 1]; ++e) {
      if (1 + longest[target[e]] > longest[v]) {
        longest[v] = 1 + longest[target[e]];
        partial[s] = edge_action[e];
      }
    }
    // A state with no F-free choice, or an F terminal: 0 positions.
  }
  return Decided(m, allowed, partial, longest[0] > k ? 0 : 1);
}

Extreme EnumerateBounded(const Mdp& m, const ActionMask& allowed,
                         const PositionPredicate& f, uint64_t k, Sense sense,
                         const SearchBudget& budget) {
  Extreme out;
  bool any = false;
  PolicySearchOutcome search = EnumeratePolicyClasses(
      m, allowed, budget, [&](const PolicyClass& cls) {
        Policy pi = CompletePolicy(m, allowed, cls.policy);
        Rational p = FromStart(m, BoundedProbabilities(m, pi, f, k));
        if (!any || (sense == Sense::kMax ? p > out.value : p < out.value)) {
          any = true;
          out.value = p;
          out.policy = std::move(pi);
        }
        return true;
      });
  if (!search.complete) {
    out.reason = "bounded goal over " + search.reason +
                 "; stationary policies are not enumerated beyond that";
    return out;
  }
  out.status = Extreme::Status::kExact;
  return out;
}

}  // namespace

Extreme ExtremeBounded(const Mdp& m, const ActionMask& allowed,
                       const PositionPredicate& f, uint64_t k, Sense sense,
                       const SearchBudget& budget) {
  uint32_t start = kNoAction;
  size_t starts = 0;
  for (uint32_t s = 0; s < m.states; ++s) {
    if (m.start[s] > 0) {
      start = s;
      ++starts;
    }
  }
  if (starts == 1 && IsDeterministic(m)) {
    return sense == Sense::kMax ? MaxDeterministic(m, allowed, f, k, start)
                                : MinDeterministic(m, allowed, f, k, start);
  }
  return EnumerateBounded(m, allowed, f, k, sense, budget);
}

}  // namespace aligncheck
