// Readable counts: exact below 10^15, by magnitude above.
#include "util/readable_count.h"

#include <fmt/format.h>

namespace aligncheck {
namespace {

BigInt PowerOfTen(unsigned long e) {
  BigInt p;
  mpz_ui_pow_ui(p.get_mpz_t(), 10, e);
  return p;
}

}  // namespace

bool IsExactCount(const BigInt& n) {
  return n >= 0 && n < PowerOfTen(kExactCountDigits);
}

std::string FormatCount(const BigInt& n) {
  if (n < 0 || IsExactCount(n)) return FormatBigInt(n);
  // sizeinbase may be one too large; fix it to the true digit count.
  size_t digits = mpz_sizeinbase(n.get_mpz_t(), 10);
  if (n < PowerOfTen(digits - 1)) --digits;
  // Three leading digits, rounded to two.
  BigInt lead = n / PowerOfTen(digits - 3);
  unsigned long two = (lead.get_ui() + 5) / 10;
  size_t exponent = digits - 1;
  if (two == 100) {
    two = 10;
    ++exponent;
  }
  return fmt::format("about {}.{} x 10^{}", two / 10, two % 10, exponent);
}

}  // namespace aligncheck
