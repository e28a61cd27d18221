// Truncated count polynomials multiplied as a product tree.
#include "solve/count_poly.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace aligncheck {
namespace {

// A polynomial with nonnegative coefficients, truncated, and a bound:
// every coefficient of the untruncated polynomial is below 2^bound_bits.
struct Poly {
  std::vector<BigInt> coef;
  size_t bound_bits = 0;
};

size_t BitLength(unsigned long v) {
  size_t bits = 0;
  for (; v != 0; v >>= 1) ++bits;
  return bits;
}

// Returns b with v <= 2^b, so that v^k <= 2^(k b).
size_t BitsPerFactor(unsigned long v) { return v == 0 ? 0 : BitLength(v - 1); }

// (f + t z)^k, coefficients below z^degrees.
Poly BinomialPower(unsigned long t, unsigned long f, size_t k, size_t degrees) {
  Poly p;
  p.bound_bits = k * BitsPerFactor(t + f) + 1;  // (t + f)^k < 2^bound_bits
  p.coef.assign(std::min(k + 1, degrees), BigInt(0));
  if (p.coef.empty()) return p;
  if (f == 0) {
    if (k < degrees) mpz_ui_pow_ui(p.coef[k].get_mpz_t(), t, k);
    return p;
  }
  mpz_ui_pow_ui(p.coef[0].get_mpz_t(), f, k);
  if (t == 0) return p;
  // C(k, j+1) t^(j+1) f^(k-j-1) = C(k, j) t^j f^(k-j) * (k-j) t / ((j+1) f),
  // and the division is exact.
  BigInt divisor;
  for (size_t j = 0; j + 1 < p.coef.size(); ++j) {
    BigInt& next = p.coef[j + 1];
    mpz_mul_ui(next.get_mpz_t(), p.coef[j].get_mpz_t(), k - j);
    mpz_mul_ui(next.get_mpz_t(), next.get_mpz_t(), t);
    mpz_set_ui(divisor.get_mpz_t(), f);
    mpz_mul_ui(divisor.get_mpz_t(), divisor.get_mpz_t(), j + 1);
    mpz_divexact(next.get_mpz_t(), next.get_mpz_t(), divisor.get_mpz_t());
  }
  return p;
}

// The coefficients laid out in slots of `limbs` limbs: one big integer.
BigInt Pack(const std::vector<BigInt>& coef, size_t limbs) {
  BigInt packed;
  const size_t size = coef.size() * limbs;
  if (size == 0) return packed;
  mp_limb_t* out = mpz_limbs_write(packed.get_mpz_t(), size);
  std::fill(out, out + size, mp_limb_t{0});
  for (size_t i = 0; i < coef.size(); ++i) {
    const mpz_srcptr c = coef[i].get_mpz_t();
    const mp_limb_t* in = mpz_limbs_read(c);
    std::copy(in, in + mpz_size(c), out + i * limbs);
  }
  mpz_limbs_finish(packed.get_mpz_t(), static_cast<mp_size_t>(size));
  return packed;
}

void Unpack(const BigInt& packed, size_t limbs, std::vector<BigInt>* coef) {
  const mpz_srcptr p = packed.get_mpz_t();
  const size_t size = mpz_size(p);
  const mp_limb_t* in = mpz_limbs_read(p);
  for (size_t i = 0; i < coef->size(); ++i) {
    const size_t start = i * limbs;
    const size_t n = start >= size ? 0 : std::min(limbs, size - start);
    mpz_ptr c = (*coef)[i].get_mpz_t();
    if (n == 0) {
      mpz_set_ui(c, 0);
      continue;
    }
    mp_limb_t* out = mpz_limbs_write(c, static_cast<mp_size_t>(n));
    std::copy(in + start, in + start + n, out);
    mpz_limbs_finish(c, static_cast<mp_size_t>(n));
  }
}

Poly Multiply(const Poly& a, const Poly& b, size_t degrees) {
  Poly r;
  r.bound_bits = a.bound_bits + b.bound_bits;
  if (a.coef.empty() || b.coef.empty()) return r;
  r.coef.assign(std::min(a.coef.size() + b.coef.size() - 1, degrees),
                BigInt(0));
  if (a.coef.size() == 1 || b.coef.size() == 1) {
    const Poly& scalar = a.coef.size() == 1 ? a : b;
    const Poly& other = a.coef.size() == 1 ? b : a;
    for (size_t i = 0; i < r.coef.size(); ++i) {
      r.coef[i] = other.coef[i] * scalar.coef[0];
    }
    return r;
  }
  // Every product coefficient is below 2^bound_bits, so slots that wide
  // never carry into each other.
  const size_t limbs = (r.bound_bits + GMP_NUMB_BITS - 1) / GMP_NUMB_BITS;
  BigInt product = Pack(a.coef, limbs) * Pack(b.coef, limbs);
  Unpack(product, limbs, &r.coef);
  return r;
}

// Bits of the packed operands at the root of the product tree.
size_t RootBits(const std::vector<TruthSplit>& splits, size_t degrees) {
  size_t bound = 0;
  for (const TruthSplit& s : splits) bound += BitsPerFactor(s.first + s.second);
  return degrees * (bound + 1);
}

}  // namespace

BigInt ProductOf(const std::vector<unsigned long>& factors) {
  if (factors.empty()) return BigInt(1);
  std::vector<BigInt> level(factors.begin(), factors.end());
  while (level.size() > 1) {
    size_t half = 0;
    for (size_t i = 0; i < level.size(); i += 2) {
      if (i + 1 < level.size()) {
        level[half++] = level[i] * level[i + 1];
      } else {
        level[half++] = std::move(level[i]);
      }
    }
    level.resize(half);
  }
  return level[0];
}

std::vector<BigInt> LowCoefficients(const std::vector<TruthSplit>& splits,
                                    size_t degrees) {
  if (degrees == 0) return {};
  std::map<TruthSplit, size_t> groups;
  for (const TruthSplit& s : splits) ++groups[s];
  std::vector<Poly> level;
  level.reserve(groups.size());
  for (const auto& [split, k] : groups) {
    level.push_back(BinomialPower(split.first, split.second, k, degrees));
  }
  if (level.empty()) {
    Poly one;
    one.coef.push_back(BigInt(1));
    level.push_back(std::move(one));
  }
  while (level.size() > 1) {
    size_t half = 0;
    for (size_t i = 0; i < level.size(); i += 2) {
      if (i + 1 < level.size()) {
        level[half++] = Multiply(level[i], level[i + 1], degrees);
      } else {
        level[half++] = std::move(level[i]);
      }
    }
    level.resize(half);
  }
  std::vector<BigInt> out = std::move(level[0].coef);
  out.resize(std::min(degrees, splits.size() + 1), BigInt(0));
  return out;
}

TruthCount CountByTruth(const std::vector<TruthSplit>& splits,
                        const std::vector<char>& good, size_t max_bits) {
  TruthCount result;
  const size_t n = splits.size();
  std::vector<unsigned long> sizes;
  sizes.reserve(n);
  for (const TruthSplit& s : splits) sizes.push_back(s.first + s.second);
  result.total = ProductOf(sizes);
  // Sum whichever side (accepted or rejected counts) needs fewer
  // coefficients next to the ends: c < low from the bottom, c > n - high
  // from the top (the polynomial with t and f swapped).
  size_t best_low = 0, best_high = 0, best_cost = 0;
  bool sum_good = true;
  for (int side = 0; side < 2; ++side) {
    const char want = side == 0 ? 1 : 0;
    std::vector<size_t> members;
    for (size_t c = 0; c <= n; ++c) {
      if ((good[c] != 0) == (want != 0)) members.push_back(c);
    }
    for (size_t i = 0; i <= members.size(); ++i) {
      size_t low = i > 0 ? members[i - 1] + 1 : 0;
      size_t high = i < members.size() ? n - members[i] + 1 : 0;
      if ((side == 0 && i == 0) || low + high < best_cost) {
        best_low = low;
        best_high = high;
        best_cost = low + high;
        sum_good = side == 0;
      }
    }
  }
  const size_t bits = RootBits(splits, best_low) + RootBits(splits, best_high);
  if (bits > max_bits) {
    result.why = fmt::format(
        "the count polynomial needs {} coefficients of up to {} bits, more "
        "than the limit of {} bits",
        best_cost, mpz_sizeinbase(result.total.get_mpz_t(), 2), max_bits);
    return result;
  }
  std::vector<BigInt> low = LowCoefficients(splits, best_low);
  std::vector<TruthSplit> swapped;
  if (best_high > 0) {
    swapped.reserve(n);
    for (const TruthSplit& s : splits) swapped.emplace_back(s.second, s.first);
  }
  std::vector<BigInt> high = LowCoefficients(swapped, best_high);
  BigInt sum = 0;
  for (size_t c = 0; c <= n; ++c) {
    if ((good[c] != 0) != sum_good) continue;
    if (c < low.size()) {
      sum += low[c];
    } else if (n - c < high.size()) {
      sum += high[n - c];
    }
  }
  result.good = sum_good ? sum : result.total - sum;
  result.counted = true;
  return result;
}

}  // namespace aligncheck
