// Exact solution of sparse fixed-point systems x = c + W x, as policy
// evaluation and reachability probabilities need them.
//
// The system is split into strongly connected components of the graph
// "x_i mentions x_j", solved sinks first, so each component sees the values
// it depends on as constants. A component of one variable costs one
// division; a larger one is eliminated in place (each row has its earlier
// variables substituted away, then back substitution), so a cycle of length
// L costs O(L) and a banded component O(n * band^2). When a component has
// 48 variables or more, the whole system goes to p-adic lifting instead
// (lifting_solve.h), whose answer is checked exactly; elimination remains
// the fallback. Every step is exact.
#ifndef ALIGNCHECK_MDP_LINEAR_SYSTEM_H_
#define ALIGNCHECK_MDP_LINEAR_SYSTEM_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "util/rational.h"

namespace aligncheck {

/// x_i = constant[i] + sum_k weight[k] x_{var[k]} for k in
/// begin[i] .. begin[i + 1] - 1.
struct LinearSystem {
  std::vector<Rational> constant;
  std::vector<uint32_t> begin;
  std::vector<uint32_t> var;
  std::vector<Rational> weight;

  size_t size() const { return constant.size(); }
  /// Appends the next variable's row: its constant, then AddTerm calls.
  void AddRow(const Rational& c) {
    begin.push_back(static_cast<uint32_t>(var.size()));
    constant.push_back(c);
  }
  void AddTerm(uint32_t j, const Rational& w) {
    var.push_back(j);
    weight.push_back(w);
  }
  /// Closes the last row; call once after the last AddRow/AddTerm.
  void Finish() { begin.push_back(static_cast<uint32_t>(var.size())); }
};

/// Returns the strongly connected components of the graph with edges
/// i -> var[k] (k in row i), sinks first (reverse topological order).
std::vector<std::vector<uint32_t>> StronglyConnectedComponents(
    size_t n, const std::vector<uint32_t>& begin,
    const std::vector<uint32_t>& target);

/// Solves `sys` exactly into `x`. Returns false when it is singular (then
/// `x` is unspecified). REQUIRES: sys.Finish() was called.
bool SolveLinearSystem(const LinearSystem& sys, std::vector<Rational>* x);

}  // namespace aligncheck

#endif  // ALIGNCHECK_MDP_LINEAR_SYSTEM_H_
