// Exact sparse fixed-point solving by strongly connected components.
#include "mdp/linear_system.h"

#include "mdp/lifting_solve.h"

#include <algorithm>
#include <map>
#include <utility>

namespace aligncheck {

std::vector<std::vector<uint32_t>> StronglyConnectedComponents(
    size_t n, const std::vector<uint32_t>& begin,
    const std::vector<uint32_t>& target) {
  // Tarjan's algorithm with an explicit stack: 10^5 states would overflow
  // the call stack.
  constexpr uint32_t kUnseen = UINT32_MAX;
  std::vector<uint32_t> index(n, kUnseen), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<uint32_t> stack;
  std::vector<std::pair<uint32_t, uint32_t>> frames;  // (node, next edge)
  std::vector<std::vector<uint32_t>> components;
  uint32_t counter = 0;
  for (uint32_t root = 0; root < n; ++root) {
    if (index[root] != kUnseen) continue;
    frames.push_back({root, begin[root]});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      auto& [v, edge] = frames.back();
      if (edge < begin[v + 1]) {
        uint32_t w = target[edge++];
        if (index[w] == kUnseen) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          frames.push_back({w, begin[w]});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      uint32_t done = v;
      frames.pop_back();
      if (!frames.empty()) {
        uint32_t parent = frames.back().first;
        low[parent] = std::min(low[parent], low[done]);
      }
      if (low[done] == index[done]) {
        std::vector<uint32_t> component;
        uint32_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          component.push_back(w);
        } while (w != done);
        components.push_back(std::move(component));
      }
    }
  }
  return components;
}

namespace {

constexpr size_t kLiftingThreshold = 48;

// Solves one component of more than one variable. `local` maps a variable
// of the component to its position; values outside it are final in `x`.
bool SolveComponent(const LinearSystem& sys,
                    const std::vector<uint32_t>& component,
                    std::vector<uint32_t>& local, std::vector<Rational>& x) {
  const size_t m = component.size();
  for (size_t i = 0; i < m; ++i) local[component[i]] = static_cast<uint32_t>(i);
  // Row i after elimination: x_i = rest_constant[i] + sum rest[i] (j > i).
  std::vector<Rational> rest_constant(m);
  std::vector<std::vector<std::pair<uint32_t, Rational>>> rest(m);
  std::map<uint32_t, Rational> row;
  Rational t;
  for (size_t i = 0; i < m; ++i) {
    uint32_t v = component[i];
    Rational c = sys.constant[v];
    row.clear();
    for (uint32_t k = sys.begin[v]; k < sys.begin[v + 1]; ++k) {
      uint32_t j = sys.var[k];
      uint32_t lj = local[j];
      if (lj < m && component[lj] == j) {
        row[lj] += sys.weight[k];
      } else {
        t = sys.weight[k] * x[j];
        c += t;
      }
    }
    // Substitute earlier rows until only x_i and later variables remain.
    while (!row.empty() && row.begin()->first < i) {
      auto first = row.begin();
      uint32_t j = first->first;
      Rational a = std::move(first->second);
      row.erase(first);
      if (a == 0) continue;
      t = a * rest_constant[j];
      c += t;
      for (const auto& [l, e] : rest[j]) {
        t = a * e;
        row[l] += t;
      }
    }
    Rational pivot = 1;
    auto self = row.find(static_cast<uint32_t>(i));
    if (self != row.end()) {
      pivot -= self->second;
      row.erase(self);
    }
    if (pivot == 0) return false;
    rest_constant[i] = c / pivot;
    rest[i].reserve(row.size());
    for (auto& [l, e] : row) {
      if (e != 0) rest[i].push_back({l, e / pivot});
    }
  }
  for (size_t i = m; i-- > 0;) {
    Rational value = rest_constant[i];
    for (const auto& [l, e] : rest[i]) {
      t = e * x[component[l]];
      value += t;
    }
    x[component[i]] = std::move(value);
  }
  return true;
}

}  // namespace

bool SolveLinearSystem(const LinearSystem& sys, std::vector<Rational>* x) {
  const size_t n = sys.size();
  x->assign(n, Rational(0));
  std::vector<std::vector<uint32_t>> components =
      StronglyConnectedComponents(n, sys.begin, sys.var);
  // A large coupled component is solved as a whole by p-adic lifting, whose
  // cost grows with the size of the answer rather than with the cube of it.
  size_t largest = 0;
  for (const std::vector<uint32_t>& component : components) {
    largest = std::max(largest, component.size());
  }
  if (largest >= kLiftingThreshold) {
    SharedDenominator shared;
    if (SolveByLifting(sys, &shared)) {
      for (size_t i = 0; i < n; ++i) {
        Rational& v = (*x)[i];
        v.get_num() = std::move(shared.numerator[i]);
        v.get_den() = shared.denominator;
        v.canonicalize();
      }
      return true;
    }
  }
  std::vector<uint32_t> local(n, UINT32_MAX);
  Rational t;
  for (const std::vector<uint32_t>& component : components) {
    if (component.size() > 1) {
      if (!SolveComponent(sys, component, local, *x)) return false;
      continue;
    }
    // One variable: x_v (1 - w_vv) = c + the terms already solved.
    uint32_t v = component[0];
    Rational c = sys.constant[v];
    Rational pivot = 1;
    for (uint32_t k = sys.begin[v]; k < sys.begin[v + 1]; ++k) {
      if (sys.var[k] == v) {
        pivot -= sys.weight[k];
      } else {
        t = sys.weight[k] * (*x)[sys.var[k]];
        c += t;
      }
    }
    if (pivot == 0) return false;
    if (pivot != 1) c /= pivot;
    (*x)[v] = std::move(c);
  }
  return true;
}

}  // namespace aligncheck
