// Exact decimals: the fast path of ParseDecimal agrees with the general one.
#include "util/rational.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "util/small_rational.h"

namespace aligncheck {
namespace {

void ExpectSame(const std::string& text) {
  std::optional<Rational> fast = ParseDecimal(text);
  std::optional<Rational> slow = ParseDecimalSlow(text);
  INFO("literal: '" << text << "'");
  REQUIRE(fast.has_value() == slow.has_value());
  Rational into(7);
  CHECK(ParseDecimalTo(text, into) == slow.has_value());
  if (slow) CHECK(into == *slow);
  if (fast) {
    CHECK(*fast == *slow);
    // Canonical form, so == and printing behave.
    CHECK(mpz_cmp_ui(mpz_class(fast->get_den()).get_mpz_t(), 0) > 0);
    Rational copy = *fast;
    copy.canonicalize();
    CHECK(copy.get_num() == fast->get_num());
    CHECK(copy.get_den() == fast->get_den());
  }
}

TEST_CASE("rational: parse decimal literals exactly") {
  CHECK(*ParseDecimal("0.25") == Rational(1, 4));
  CHECK(*ParseDecimal("-3") == -3);
  CHECK(*ParseDecimal("1e-3") == Rational(1, 1000));
  CHECK(*ParseDecimal("2.5E2") == 250);
  CHECK(*ParseDecimal("+7.50") == Rational(15, 2));
  CHECK(*ParseDecimal("123456789012345678") ==
        Rational(mpz_class("123456789012345678")));
  CHECK(*ParseDecimal("1234567890123456789012") ==
        Rational(mpz_class("1234567890123456789012")));
  CHECK(*ParseDecimal("0.0000000000000000000001") ==
        Rational(mpz_class(1), mpz_class("10000000000000000000000")));
  CHECK_FALSE(ParseDecimal(""));
  CHECK_FALSE(ParseDecimal("."));
  CHECK_FALSE(ParseDecimal("-"));
  CHECK_FALSE(ParseDecimal("1e"));
  CHECK_FALSE(ParseDecimal("1x"));
  CHECK_FALSE(ParseDecimal("abc"));
}

TEST_CASE("rational: fast path agrees with the general path") {
  const char* fixed[] = {"0",
                         "-0",
                         "00",
                         "0.0",
                         "1.",
                         "-1.",
                         ".5",
                         "-.5",
                         "007.0700",
                         "999999999999999999",
                         "9999999999999999999",
                         "1000000000000000000",
                         "100000000000000000",
                         "0.999999999999999999",
                         "0.9999999999999999999",
                         "1e18",
                         "1e17",
                         "1e19",
                         "1.5e17",
                         "1.5e18",
                         "5e-18",
                         "5e-19",
                         "5e-20",
                         "123.456e-7",
                         "123.456e+7",
                         "1E+0",
                         "0e999",
                         "0e1001",
                         "1e-1001",
                         "-922337203685477580",
                         "-9223372036854775808",
                         "9223372036854775807",
                         "18446744073709551615",
                         "1e",
                         "1e+",
                         "--1",
                         "+-1",
                         "1..2",
                         "1.2.3",
                         "1e2.5",
                         " 1",
                         "1 ",
                         "",
                         "+",
                         "e5",
                         "0x10",
                         "1_000"};
  for (const char* text : fixed) ExpectSame(text);

  std::mt19937 rng(12345);
  const std::string alphabet = "0123456789";
  auto digits = [&](int max) {
    std::string s;
    int n = std::uniform_int_distribution<int>(0, max)(rng);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % 10];
    return s;
  };
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    switch (rng() % 4) {
      case 0:
        s += "-";
        break;
      case 1:
        s += "+";
        break;
      default:
        break;
    }
    s += digits(12);
    if (rng() % 2) s += "." + digits(12);
    if (rng() % 3 == 0) {
      s += (rng() % 2) ? "e" : "E";
      switch (rng() % 3) {
        case 0:
          s += "-";
          break;
        case 1:
          s += "+";
          break;
        default:
          break;
      }
      s += digits(2);
    }
    if (rng() % 50 == 0) s += "x";  // malformed tail
    ExpectSame(s);
  }
}

}  // namespace
}  // namespace aligncheck

namespace aligncheck {
namespace {

TEST_CASE("rational: fast and general paths agree on table-like literals") {
  std::vector<std::string> literals;
  for (int i = 0; i < 200000; ++i) {
    literals.push_back(std::to_string(i % 1000) + "." + std::to_string(i % 10) +
                       "5");
  }
  for (const std::string& s : literals) {
    REQUIRE(ParseDecimal(s));
    CHECK(*ParseDecimal(s) == *ParseDecimalSlow(s));
  }
}

}  // namespace
}  // namespace aligncheck

namespace aligncheck {
namespace {

TEST_CASE("small rationals: the 64-bit comparison agrees with mpq_cmp") {
  std::mt19937_64 rng(16);
  const long edges[] = {
      0,           1,           -1,           2,           7,      10,
      4294967295L, 4294967296L, -4294967295L, 2147483647L, 100000, -99};
  std::vector<Rational> values;
  for (long n : edges) {
    for (long d : {1L, 2L, 3L, 10L, 4294967295L, 4294967296L}) {
      values.push_back(Rational(n, d));
      values.back().canonicalize();
    }
  }
  for (int i = 0; i < 400; ++i) {
    long n = static_cast<long>(rng() % 200) - 100;
    long d = static_cast<long>(rng() % 20) + 1;
    values.push_back(Rational(n, d));
    values.back().canonicalize();
  }
  values.push_back(Rational("123456789012345678901234567890/7"));
  values.push_back(Rational("-5/123456789012345678901"));
  size_t fast_count = 0;
  for (const Rational& a : values) {
    for (const Rational& b : values) {
      bool fast = false;
      int got = CompareRationals(a, b, &fast);
      int c = mpq_cmp(a.get_mpq_t(), b.get_mpq_t());
      CHECK(got == (c < 0 ? -1 : (c > 0 ? 1 : 0)));
      CHECK(RationalLess(a, b) == (a < b));
      CHECK(RationalEqual(a, b) == (a == b));
      fast_count += fast ? 1 : 0;
    }
  }
  CHECK(fast_count > values.size() * values.size() / 2);
}

}  // namespace
}  // namespace aligncheck

namespace aligncheck {
namespace {

TEST_CASE("fractions where the grammar allows them") {
  CHECK(*ParseDecimalOrFraction("1/3") == Rational(1, 3));
  CHECK(*ParseDecimalOrFraction("2/4") == Rational(1, 2));
  CHECK(*ParseDecimalOrFraction("0.5/1.5") == Rational(1, 3));
  CHECK(*ParseDecimalOrFraction("-1/3") == Rational(-1, 3));
  CHECK(*ParseDecimalOrFraction("0.25") == Rational(1, 4));
  CHECK_FALSE(ParseDecimalOrFraction("1/0"));
  CHECK_FALSE(ParseDecimalOrFraction("1/"));
  CHECK_FALSE(ParseDecimalOrFraction("/3"));
  CHECK_FALSE(ParseDecimalOrFraction("1/-3"));
  CHECK_FALSE(ParseDecimalOrFraction("1/3/4"));
}

}  // namespace
}  // namespace aligncheck
