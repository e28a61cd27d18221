// Exact comparisons of rationals without GMP calls when both are small.
//
// Loss tables hold numbers like 3.7 = 37/10: numerators and denominators of
// one limb, far below 2^32. Then a/b < c/d is a*d < c*b in 64-bit integers,
// exactly, with no call into GMP; anything larger falls back to mpq_cmp.
// Tests compare both paths on random and boundary values.
#ifndef ALIGNCHECK_UTIL_SMALL_RATIONAL_H_
#define ALIGNCHECK_UTIL_SMALL_RATIONAL_H_

#include <cstdint>

#include "util/rational.h"

namespace aligncheck {

/// Returns |num| and den of `q` when both are at most 2^32 - 1.
inline bool SmallParts(const Rational& q, uint64_t* num, uint64_t* den) {
  mpz_srcptr n = mpq_numref(q.get_mpq_t());
  mpz_srcptr d = mpq_denref(q.get_mpq_t());
  if (mpz_size(n) > 1 || mpz_size(d) != 1) return false;
  *num = mpz_getlimbn(n, 0);  // 0 when n is 0
  *den = mpz_getlimbn(d, 0);
  return *num <= UINT32_MAX && *den <= UINT32_MAX;
}

/// Returns the sign of a - b, exactly. `fast` reports whether the 64-bit
/// path decided it (for tests).
inline int CompareRationals(const Rational& a, const Rational& b,
                            bool* fast = nullptr) {
  uint64_t an, ad, bn, bd;
  if (SmallParts(a, &an, &ad) && SmallParts(b, &bn, &bd)) {
    if (fast) *fast = true;
    const int sa = mpq_sgn(a.get_mpq_t()), sb = mpq_sgn(b.get_mpq_t());
    if (sa != sb) return sa < sb ? -1 : 1;
    // Same sign: compare magnitudes |a| ? |b| as an*bd ? bn*ad (< 2^64).
    const uint64_t left = an * bd, right = bn * ad;
    const int magnitude = left < right ? -1 : (left > right ? 1 : 0);
    return sa >= 0 ? magnitude : -magnitude;
  }
  if (fast) *fast = false;
  const int c = mpq_cmp(a.get_mpq_t(), b.get_mpq_t());
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

inline bool RationalLess(const Rational& a, const Rational& b) {
  return CompareRationals(a, b) < 0;
}

inline bool RationalEqual(const Rational& a, const Rational& b) {
  return CompareRationals(a, b) == 0;
}

}  // namespace aligncheck

#endif  // ALIGNCHECK_UTIL_SMALL_RATIONAL_H_
