// Exact rational and big-integer arithmetic: every verdict rests on these.
#ifndef ALIGNCHECK_UTIL_RATIONAL_H_
#define ALIGNCHECK_UTIL_RATIONAL_H_

#include <gmpxx.h>

#include <optional>
#include <string>
#include <string_view>

namespace aligncheck {

using Rational = mpq_class;
using BigInt = mpz_class;

/// Parses a decimal literal ("5", "-0.25", "1e-3", "2.5E2") exactly.
/// Returns nullopt if `text` is not such a literal.
std::optional<Rational> ParseDecimal(std::string_view text);

/// As ParseDecimal, but writes into `out` (reusing its storage) and returns
/// whether `text` was a decimal literal; `out` is unspecified when not.
bool ParseDecimalTo(std::string_view text, Rational& out);

/// ParseDecimal, or an exact fraction of two decimals ("1/3", "0.5/3"),
/// where the grammar allows one (mdp weights and probabilities). A zero
/// denominator is not a number.
std::optional<Rational> ParseDecimalOrFraction(std::string_view text);

/// ParseDecimal without its fast path for small literals: the reference the
/// fast path is tested against.
std::optional<Rational> ParseDecimalSlow(std::string_view text);

/// Formats `q` as a terminating decimal when it has one ("0.25", "-3"),
/// otherwise as a reduced fraction ("1/3").
std::string FormatRational(const Rational& q);

/// Formats a big integer in decimal.
std::string FormatBigInt(const BigInt& n);

}  // namespace aligncheck

#endif  // ALIGNCHECK_UTIL_RATIONAL_H_
