// The int64 decimal scanner: whatever it accepts means what ParseDecimal
// reads, and it declines only what the general parser must decide.
#include "util/small_decimal.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

#include "util/rational.h"

namespace aligncheck {
namespace {

// digits * 10^exponent10 as an exact rational.
Rational ValueOf(const SmallDecimal& d) {
  Rational v(static_cast<long>(d.digits));
  mpz_class ten(10);
  mpz_class power;
  int e = d.exponent10 < 0 ? -d.exponent10 : d.exponent10;
  mpz_pow_ui(power.get_mpz_t(), ten.get_mpz_t(), static_cast<unsigned long>(e));
  return d.exponent10 < 0 ? Rational(v / power) : Rational(v * power);
}

TEST_CASE("small decimals: values, signs and exponents") {
  SmallDecimal d;
  REQUIRE(ScanSmallDecimal("-0.25", &d));
  CHECK(d.digits == -25);
  CHECK(d.exponent10 == -2);
  CHECK(d.significant == 2);
  REQUIRE(ScanSmallDecimal("+3e2", &d));
  CHECK(ValueOf(d) == 300);
  REQUIRE(ScanSmallDecimal("000.0100", &d));
  CHECK(ValueOf(d) == Rational(1, 100));
  CHECK(d.significant == 3);  // "100": leading zeros are free
  REQUIRE(ScanSmallDecimal("999999999999999999", &d));
  CHECK_FALSE(ScanSmallDecimal("1234567890123456789", &d));  // 19 digits
  for (const char* bad : {"", "-", ".", "1.2.3", "1e", "e5", "1x", "1e+"}) {
    CAPTURE(bad);
    CHECK_FALSE(ScanSmallDecimal(bad, &d));
  }
}

TEST_CASE("small decimals agree with ParseDecimal on random literals") {
  std::mt19937 rng(11);
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  int scanned = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    std::string s;
    if (pick(3) == 0) s += pick(2) ? "-" : "+";
    for (int k = pick(12); k > 0; --k) s += static_cast<char>('0' + pick(10));
    if (pick(2)) {
      s += '.';
      for (int k = pick(12); k > 0; --k) s += static_cast<char>('0' + pick(10));
    }
    if (pick(4) == 0) {
      s += pick(2) ? 'e' : 'E';
      if (pick(2)) s += pick(2) ? "-" : "+";
      for (int k = pick(3); k > 0; --k) s += static_cast<char>('0' + pick(10));
    }
    CAPTURE(s);
    SmallDecimal d;
    std::optional<Rational> exact = ParseDecimal(s);
    if (ScanSmallDecimal(s, &d)) {
      ++scanned;
      REQUIRE(exact);
      CHECK(ValueOf(d) == *exact);
    }
  }
  CHECK(scanned > 5000);  // the fast path is the common case
}

}  // namespace
}  // namespace aligncheck
