// An independent computation of a machine-arithmetic register reading with
// Z3 bit-vectors: the check behind every machine-arithmetic verdict.
#ifndef ALIGNCHECK_READINGS_PHYSICAL_MACHINE_Z3_H_
#define ALIGNCHECK_READINGS_PHYSICAL_MACHINE_Z3_H_

#include <optional>
#include <string>
#include <vector>

#include "analysis/model.h"

namespace aligncheck {

/// Returns the reading of the behaviour (`policy`, `channels`) of
/// `physical` (which must declare machine arithmetic), built as one Z3
/// bit-vector term of the register's width and simplified to a numeral,
/// read as signed or unsigned as declared. On failure returns nullopt and
/// sets *error. May throw z3::exception.
std::optional<BigInt> Z3MachineReading(const Model& model,
                                       const PhysicalModel& physical,
                                       const std::vector<int>& channels,
                                       const Policy& policy,
                                       std::string* error);

}  // namespace aligncheck

#endif  // ALIGNCHECK_READINGS_PHYSICAL_MACHINE_Z3_H_
