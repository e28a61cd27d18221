// The shape of a goal as the engines see it: which subterms apply the
// policy, the goal split into conjuncts, and per-input count atoms.
#ifndef ALIGNCHECK_SOLVE_GOAL_SHAPE_H_
#define ALIGNCHECK_SOLVE_GOAL_SHAPE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/model.h"

namespace aligncheck {

/// Returns whether `e` applies the policy anywhere.
bool UsesPolicy(const RExpr& e);

/// Returns whether every policy application in `e` is exactly pi(v) for the
/// variable in `slot`, and nothing in `e` rebinds `slot`.
bool PolicyOnlyAt(const RExpr& e, int slot);

/// Returns whether `op` is one of == != < <= > >=.
bool IsComparison(ast::Op op);

/// Returns op' with (a op b) == (b op' a).
ast::Op MirrorComparison(ast::Op op);

/// A closed formula with a polarity: it means `negated ? not *expr : *expr`.
struct Conjunct {
  const RExpr* expr = nullptr;
  bool negated = false;
};

/// Appends the conjuncts of (negated ? not e : e) to `out`, pushing `not`
/// through not/and/or/implies: the formula holds iff every conjunct holds.
void SplitConjuncts(const RExpr& e, bool negated, std::vector<Conjunct>* out);

/// A conjunct that says "the number of inputs x with P(x, pi(x)) lies in a
/// set": forall, exists and (count x in X: P) op K, either polarity.
struct CountAtom {
  const RExpr* pred = nullptr;  // P, with x in `slot`
  int slot = -1;
  std::vector<char> good;  // good[c], c = 0..|X|: the atom holds at count c
  /// The atom is "forall x: P" (per-input breaks are meaningful).
  bool is_forall = false;
};

struct ConjunctShape {
  enum class Kind { kConstant, kCount, kOther };
  Kind kind = Kind::kOther;
  bool constant = false;  // kConstant: the conjunct's truth value
  CountAtom atom;         // kCount
  std::string error;      // evaluation error of a constant part
};

/// Classifies one conjunct of `goal`. Constant parts (pi-free) are evaluated
/// exactly; an evaluation error is returned in `error`.
ConjunctShape ClassifyConjunct(const Model& model, const Goal& goal,
                               const Conjunct& c);

/// Returns, per input, 1 where `policy` breaks the goal at that input and 0
/// where it meets it, when every conjunct of the goal is a forall or exists
/// over X (either polarity) of a predicate P(x, pi(x)): x breaks a positive
/// quantifier where P is false and a negated one where P is true. Otherwise
/// (counts, cross-input goals) -1 for every input.
std::vector<int8_t> ComputeBreaks(const Model& model, const Goal& goal,
                                  const Policy& policy);

}  // namespace aligncheck

#endif  // ALIGNCHECK_SOLVE_GOAL_SHAPE_H_
