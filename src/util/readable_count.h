// Counts of policies as people read them: exact while small, by magnitude
// once the digits stop meaning anything ("about 1.5 x 10^1502").
#ifndef ALIGNCHECK_UTIL_READABLE_COUNT_H_
#define ALIGNCHECK_UTIL_READABLE_COUNT_H_

#include <string>

#include "util/rational.h"

namespace aligncheck {

/// Counts below 10^kExactCountDigits are printed exactly. Below that bound a
/// count is also an exact JSON number in every parser (it is under 2^53).
inline constexpr int kExactCountDigits = 15;

/// Returns whether `n` is printed exactly (0 <= n < 10^kExactCountDigits).
bool IsExactCount(const BigInt& n);

/// Returns `n` in decimal when IsExactCount(n), otherwise "about d.d x 10^e"
/// (two significant digits, rounded to nearest).
std::string FormatCount(const BigInt& n);

}  // namespace aligncheck

#endif  // ALIGNCHECK_UTIL_READABLE_COUNT_H_
