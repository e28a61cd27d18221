// Exact decimal parsing and printing for rationals.
#include "util/rational.h"

#include <cctype>
#include <cstdint>
#include <numeric>

#include "util/small_decimal.h"

namespace aligncheck {

namespace {

// The common literal with a small exponent: numerator and denominator are
// int64, so no strings or big powers are needed. Returns false to defer to
// the general path (which also rejects what is malformed).
bool ParseSmallDecimal(std::string_view text, Rational& out) {
  SmallDecimal d;
  if (!ScanSmallDecimal(text, &d)) return false;
  int64_t digits = d.digits;
  const int significant = d.significant;
  const int scale = d.exponent10;
  if (scale >= 0) {
    if (significant + scale > 18) return false;
    mpq_set_si(out.get_mpq_t(), static_cast<long>(digits * kPowersOfTen[scale]),
               1);
    return true;
  }
  if (-scale > 18) return false;
  // Reduce in int64 arithmetic: cheaper than mpq_canonicalize.
  int64_t den = kPowersOfTen[-scale];
  int64_t g = std::gcd(digits < 0 ? -digits : digits, den);
  if (g > 1) {
    digits /= g;
    den /= g;
  }
  mpq_set_si(out.get_mpq_t(), static_cast<long>(digits),
             static_cast<unsigned long>(den));
  return true;
}

}  // namespace

std::optional<Rational> ParseDecimalSlow(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  std::string digits;
  size_t fraction_digits = 0;
  bool seen_digit = false;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    digits += text[i++];
    seen_digit = true;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() &&
           std::isdigit(static_cast<unsigned char>(text[i]))) {
      digits += text[i++];
      ++fraction_digits;
      seen_digit = true;
    }
  }
  if (!seen_digit) return std::nullopt;
  long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
      exp_negative = text[i] == '-';
      ++i;
    }
    bool exp_digit = false;
    while (i < text.size() &&
           std::isdigit(static_cast<unsigned char>(text[i]))) {
      // Exponents beyond a few thousand digits are not decimals anyone means.
      if (exponent > 100000) return std::nullopt;
      exponent = exponent * 10 + (text[i++] - '0');
      exp_digit = true;
    }
    if (!exp_digit) return std::nullopt;
    if (exp_negative) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;
  // Strip leading zeros: mpz does not need them and base detection must stay 10.
  size_t first = digits.find_first_not_of('0');
  digits = first == std::string::npos ? "0" : digits.substr(first);
  BigInt numerator(digits, 10);
  long scale = exponent - static_cast<long>(fraction_digits);
  BigInt power;
  mpz_ui_pow_ui(power.get_mpz_t(), 10, static_cast<unsigned long>(scale < 0 ? -scale : scale));
  Rational result;
  if (scale >= 0) {
    result = Rational(numerator * power);
  } else {
    result = Rational(numerator, power);
  }
  result.canonicalize();
  if (negative) result = -result;
  return result;
}

std::optional<Rational> ParseDecimal(std::string_view text) {
  Rational fast;
  if (ParseSmallDecimal(text, fast)) return fast;
  return ParseDecimalSlow(text);
}

bool ParseDecimalTo(std::string_view text, Rational& out) {
  if (ParseSmallDecimal(text, out)) return true;
  std::optional<Rational> slow = ParseDecimalSlow(text);
  if (!slow) return false;
  out = std::move(*slow);
  return true;
}

std::string FormatRational(const Rational& q) {
  BigInt den = q.get_den();
  // A reduced fraction terminates in decimal iff its denominator is 2^a 5^b.
  unsigned long twos = mpz_remove(den.get_mpz_t(), den.get_mpz_t(),
                                  BigInt(2).get_mpz_t());
  unsigned long fives = mpz_remove(den.get_mpz_t(), den.get_mpz_t(),
                                   BigInt(5).get_mpz_t());
  if (den != 1) return q.get_str();
  unsigned long places = twos > fives ? twos : fives;
  if (places == 0) return q.get_num().get_str();
  BigInt power;
  mpz_ui_pow_ui(power.get_mpz_t(), 10, places);
  BigInt scaled = q.get_num() * power / q.get_den();
  bool negative = scaled < 0;
  if (negative) scaled = -scaled;
  std::string digits = scaled.get_str();
  if (digits.size() <= places) digits.insert(0, places - digits.size() + 1, '0');
  std::string out = digits.substr(0, digits.size() - places) + "." +
                    digits.substr(digits.size() - places);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return negative ? "-" + out : out;
}

std::string FormatBigInt(const BigInt& n) { return n.get_str(); }

std::optional<Rational> ParseDecimalOrFraction(std::string_view text) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return ParseDecimal(text);
  std::string_view den_text = text.substr(slash + 1);
  if (den_text.empty() || den_text[0] == '-' || den_text[0] == '+') {
    return std::nullopt;
  }
  std::optional<Rational> num = ParseDecimal(text.substr(0, slash));
  std::optional<Rational> den = ParseDecimal(den_text);
  if (!num || !den || *den == 0) return std::nullopt;
  Rational q = *num / *den;
  q.canonicalize();
  return q;
}

}  // namespace aligncheck
