// Z3 bit-vector search over the behaviours of a machine-arithmetic register
// under one channel subset: the path for models too large to enumerate.
//
// Encoding: one-hot Booleans b[x][y] (a clause and `atmost 1` per input);
// the reading is the W-bit sum over inputs of the selected contribution
// w(x) * term(x, y), compared with floor(T) by bvule / bvsle; the goal's
// violation is stated over per-input count atoms (forall, exists and count
// comparisons of a predicate P(x, pi(x))), as the count of inputs whose
// selected output satisfies P lying outside the atom's set.
#ifndef ALIGNCHECK_READINGS_PHYSICAL_MACHINE_SEARCH_H_
#define ALIGNCHECK_READINGS_PHYSICAL_MACHINE_SEARCH_H_

#include <string>
#include <vector>

#include "analysis/model.h"
#include "solve/engine_options.h"
#include "solve/goal_shape.h"
#include "readings/physical/register_eval.h"

namespace aligncheck {

struct MachineSearch {
  enum class Kind { kFound, kNone, kUnknown };
  Kind kind = Kind::kUnknown;
  Policy policy;       // kFound
  std::string reason;  // kUnknown
};

/// Searches for a policy whose reading under `comp` (built, machine
/// arithmetic) is at most `bound` and that makes one of `atoms` false; with
/// no atoms, for any policy reading at most `bound`. When `dump_path` is
/// non-empty the query is written there as SMT-LIB 2 first. Never throws.
MachineSearch SearchMachineBehaviour(const Model& model, const Goal& goal,
                                     const RegisterComputation& comp,
                                     const Rational& bound,
                                     const std::vector<CountAtom>& atoms,
                                     const EngineOptions& options,
                                     const std::string& dump_path = "");

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_PHYSICAL_MACHINE_SEARCH_H_
