// The register reading of one behaviour recomputed with the reference
// evaluator on a copy of the model whose tables are rewritten by the
// behaviour's overrides: the independent re-check of exact counterexamples.
#ifndef ALIGNCHECK_READINGS_PHYSICAL_REFERENCE_READING_H_
#define ALIGNCHECK_READINGS_PHYSICAL_REFERENCE_READING_H_

#include <cstdint>
#include <optional>
#include <string>

#include "analysis/model.h"
#include "readings/physical/physical_evidence.h"

namespace aligncheck {

/// Rewriting stops (nullopt with an empty error) past this many table
/// entries evaluated.
inline constexpr uint64_t kMaxReferenceEntries = 2'000'000;

/// Returns the exact reading of `b` in `physical` (which must use exact
/// arithmetic): overridden fns and losses get new tables, every loss
/// written as an expression is re-materialized in call order, and the
/// reading is the expected loss of the graded outputs. On an evaluation
/// error returns nullopt and sets *error; past the size bound returns
/// nullopt with *error empty.
std::optional<Rational> ReferenceReading(const Model& model,
                                         const PhysicalModel& physical,
                                         const Behaviour& b,
                                         std::string* error);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_PHYSICAL_REFERENCE_READING_H_
