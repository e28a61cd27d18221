// The common decimal literal ("0.25", "-3", "1e-3") read without GMP: at
// most 18 significant digits, so its digits fit an int64. The fast path of
// number literals and of table entries; anything else defers to the exact
// general parser.
#ifndef ALIGNCHECK_UTIL_SMALL_DECIMAL_H_
#define ALIGNCHECK_UTIL_SMALL_DECIMAL_H_

#include <cstdint>
#include <string_view>

namespace aligncheck {

/// 10^0 .. 10^18, every power of ten an int64 holds.
inline constexpr int64_t kPowersOfTen[] = {
    1LL,
    10LL,
    100LL,
    1000LL,
    10000LL,
    100000LL,
    1000000LL,
    10000000LL,
    100000000LL,
    1000000000LL,
    10000000000LL,
    100000000000LL,
    1000000000000LL,
    10000000000000LL,
    100000000000000LL,
    1000000000000000LL,
    10000000000000000LL,
    100000000000000000LL,
    1000000000000000000LL,
};

/// value = digits * 10^exponent10, with `significant` digits in `digits`
/// (leading zeros not counted).
struct SmallDecimal {
  int64_t digits = 0;
  int significant = 0;
  int exponent10 = 0;
};

/// Reads `text` ([+-]digits[.digits][(e|E)[+-]digits], the syntax of
/// ParseDecimal). Returns false when it is not of that form, has more than
/// 18 significant digits or an exponent past 1000: the caller defers to the
/// general parser, which also reports what is malformed.
bool ScanSmallDecimal(std::string_view text, SmallDecimal* out);

}  // namespace aligncheck

#endif  // ALIGNCHECK_UTIL_SMALL_DECIMAL_H_
