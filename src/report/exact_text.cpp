// Exact numbers with a rounded decimal beside them.
#include "report/exact_text.h"

namespace aligncheck {

std::string Decimal(const Rational& q) {
  constexpr unsigned long kPlaces = 4;
  BigInt scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, kPlaces);
  BigInt num = q.get_num();
  bool negative = num < 0;
  if (negative) num = -num;
  // round(|q| * 10^4), halves away from zero
  BigInt r = (2 * num * scale + q.get_den()) / (2 * q.get_den());
  std::string digits = r.get_str();
  if (digits.size() <= kPlaces)
    digits.insert(0, kPlaces - digits.size() + 1, '0');
  std::string out = digits.substr(0, digits.size() - kPlaces) + "." +
                    digits.substr(digits.size() - kPlaces);
  return (negative && r != 0 ? "-" : "") + out;
}

bool Terminates(const Rational& q) {
  BigInt den = q.get_den();
  mpz_remove(den.get_mpz_t(), den.get_mpz_t(), BigInt(2).get_mpz_t());
  mpz_remove(den.get_mpz_t(), den.get_mpz_t(), BigInt(5).get_mpz_t());
  return den == 1;
}

std::string ExactAndDecimal(const Rational& q) {
  std::string exact = FormatRational(q);
  if (exact.size() > kLongExact) {
    size_t digits = 0;
    for (char c : exact) digits += c >= '0' && c <= '9';
    return "~" + Decimal(q) + " (exact: " + std::to_string(digits) +
           " digits, in --format json)";
  }
  if (Terminates(q)) return exact;
  return exact + " (~" + Decimal(q) + ")";
}

}  // namespace aligncheck
