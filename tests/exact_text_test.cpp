// Unit tests of exact numbers in reports: decimals only when the exact
// value does not terminate, rounded halves away from zero.
#include "report/exact_text.h"

#include <doctest/doctest.h>

namespace aligncheck {
namespace {

TEST_CASE("exact text: exact values, decimals when they do not end") {
  CHECK(ExactAndDecimal(Rational(1, 3)) == "1/3 (~0.3333)");
  CHECK(ExactAndDecimal(Rational(-2, 3)) == "-2/3 (~-0.6667)");
  CHECK(ExactAndDecimal(Rational(3, 4)) == "0.75");
  CHECK(ExactAndDecimal(Rational(5)) == "5");
  CHECK(ExactAndDecimal(Rational(1, 30000)) == "1/30000 (~0.0000)");
}

TEST_CASE("exact text: long exact values are shown rounded") {
  Rational q(BigInt("123456789012345678901234567890123456789012345"),
             BigInt("100000000000000000000000000000000000000000000"));
  CHECK(ExactAndDecimal(q) == "~1.2346 (exact: 45 digits, in --format json)");
}

TEST_CASE("exact text: rounding and termination") {
  CHECK(Decimal(Rational(1, 8)) == "0.1250");
  CHECK(Decimal(Rational(-1, 20000)) == "-0.0001");  // a half, away from 0
  CHECK(Decimal(Rational(-1, 30000)) == "0.0000");
  CHECK(Terminates(Rational(7, 40)));
  CHECK_FALSE(Terminates(Rational(1, 3)));
}

}  // namespace
}  // namespace aligncheck
