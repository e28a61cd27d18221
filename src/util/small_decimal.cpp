#include "util/small_decimal.h"

namespace aligncheck {

bool ScanSmallDecimal(std::string_view text, SmallDecimal* out) {
  size_t i = 0;
  const size_t n = text.size();
  bool negative = false;
  if (i < n && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  int64_t digits = 0;
  int significant = 0;
  int fraction_digits = 0;
  bool seen_digit = false;
  auto take = [&](char c) {
    seen_digit = true;
    if (digits == 0 && c == '0') return true;  // leading zeros are free
    if (++significant > 18) return false;
    digits = digits * 10 + (c - '0');
    return true;
  };
  while (i < n && text[i] >= '0' && text[i] <= '9') {
    if (!take(text[i++])) return false;
  }
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && text[i] >= '0' && text[i] <= '9') {
      if (!take(text[i++])) return false;
      ++fraction_digits;
    }
  }
  if (!seen_digit) return false;
  int exponent = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < n && (text[i] == '-' || text[i] == '+')) {
      exp_negative = text[i] == '-';
      ++i;
    }
    bool exp_digit = false;
    while (i < n && text[i] >= '0' && text[i] <= '9') {
      if (exponent > 1000) return false;
      exponent = exponent * 10 + (text[i++] - '0');
      exp_digit = true;
    }
    if (!exp_digit) return false;
    if (exp_negative) exponent = -exponent;
  }
  if (i != n) return false;
  out->digits = negative ? -digits : digits;
  out->significant = significant;
  out->exponent10 = exponent - fraction_digits;
  return true;
}

}  // namespace aligncheck
