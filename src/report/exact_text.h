// Exact numbers as reports print them: the exact value, and a rounded
// decimal beside it when the exact one does not terminate.
#ifndef ALIGNCHECK_REPORT_EXACT_TEXT_H_
#define ALIGNCHECK_REPORT_EXACT_TEXT_H_

#include <cstddef>
#include <string>

#include "util/rational.h"

namespace aligncheck {

/// `q` rounded to four places, halves away from zero: "0.3333", "-2.6667".
std::string Decimal(const Rational& q);

/// Whether `q` has a terminating decimal expansion.
bool Terminates(const Rational& q);

/// Exact values longer than this are shown rounded, with their length.
inline constexpr size_t kLongExact = 40;

/// "0.75", "5", or for a non-terminating value "1/3 (~0.3333)"; an exact
/// value of more than kLongExact characters (long discounted sums) as
/// "~1.3808 (exact: 412 digits, in --format json)".
std::string ExactAndDecimal(const Rational& q);

}  // namespace aligncheck

#endif  // ALIGNCHECK_REPORT_EXACT_TEXT_H_
