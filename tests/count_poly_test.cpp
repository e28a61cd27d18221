// Tests of the truncated count polynomials against the quadratic reference.
#include "solve/count_poly.h"

#include <doctest/doctest.h>

#include <random>

namespace aligncheck {
namespace {

// The census's former count polynomial, one input at a time: the reference.
BigInt ReferenceGood(const std::vector<TruthSplit>& splits,
                     const std::vector<char>& good) {
  const size_t n = splits.size();
  std::vector<BigInt> coef(n + 1, BigInt(0));
  coef[0] = 1;
  for (size_t x = 0; x < n; ++x) {
    const unsigned long t = splits[x].first, f = splits[x].second;
    for (size_t c = x + 2; c-- > 0;) {
      BigInt next = coef[c] * f;
      if (c > 0) next += coef[c - 1] * t;
      coef[c] = next;
    }
  }
  BigInt sum = 0;
  for (size_t c = 0; c <= n; ++c) {
    if (good[c]) sum += coef[c];
  }
  return sum;
}

TEST_CASE("count polynomial: agrees with the reference on random splits") {
  std::mt19937 rng(16);
  auto pick = [&](unsigned lo, unsigned hi) {
    return std::uniform_int_distribution<unsigned>(lo, hi)(rng);
  };
  for (int round = 0; round < 3000; ++round) {
    CAPTURE(round);
    const size_t n = pick(0, round < 2000 ? 12 : 90);
    // Few distinct splits, as in tied tables; sometimes big option counts
    // so that coefficients span several limbs.
    const unsigned hi = pick(0, 3) == 0 ? 5000000 : 4;
    std::vector<TruthSplit> splits;
    for (size_t x = 0; x < n; ++x) {
      splits.emplace_back(pick(0, hi), pick(0, hi));
      if (pick(0, 9) == 0) splits.back() = {0, pick(1, 3)};
      if (pick(0, 9) == 0) splits.back() = {pick(1, 3), 0};
    }
    std::vector<char> good(n + 1, 0);
    switch (pick(0, 4)) {
      case 0: {  // count >= K
        size_t k = pick(0, static_cast<unsigned>(n) + 1);
        for (size_t c = k; c <= n; ++c) good[c] = 1;
        break;
      }
      case 1: {  // count <= K
        size_t k = pick(0, static_cast<unsigned>(n));
        for (size_t c = 0; c <= k; ++c) good[c] = 1;
        break;
      }
      case 2:  // count == K
        good[pick(0, static_cast<unsigned>(n))] = 1;
        break;
      case 3:  // count != K
        good.assign(n + 1, 1);
        good[pick(0, static_cast<unsigned>(n))] = 0;
        break;
      default:
        for (char& g : good) g = pick(0, 1);
    }
    TruthCount got = CountByTruth(splits, good, size_t{1} << 30);
    REQUIRE(got.counted);
    CHECK(got.good == ReferenceGood(splits, good));
    BigInt total = 1;
    for (const TruthSplit& s : splits) total *= s.first + s.second;
    CHECK(got.total == total);
  }
}

TEST_CASE("count polynomial: low coefficients match the reference") {
  std::vector<TruthSplit> splits{{1, 2}, {1, 2}, {3, 0}, {0, 5}, {2, 2}};
  std::vector<BigInt> low = LowCoefficients(splits, 10);
  REQUIRE(low.size() == 6);
  for (size_t c = 0; c < low.size(); ++c) {
    std::vector<char> only(splits.size() + 1, 0);
    only[c] = 1;
    CHECK(low[c] == ReferenceGood(splits, only));
  }
}

TEST_CASE("count polynomial: past the size limit it says so") {
  std::vector<TruthSplit> splits(2000, TruthSplit{50, 50});
  std::vector<char> good(2001, 0);
  for (size_t c = 900; c <= 2000; ++c) good[c] = 1;
  TruthCount got = CountByTruth(splits, good, 100000);
  CHECK_FALSE(got.counted);
  CHECK(got.why.find("more than the limit of 100000 bits") !=
        std::string::npos);
}

TEST_CASE("count polynomial: a threshold far from the middle stays cheap") {
  // 20,000 inputs of ten options: the count has 20,000 digits, but
  // "count >= 500" needs only 500 coefficients.
  std::vector<TruthSplit> splits(20000, TruthSplit{1, 9});
  std::vector<char> good(20001, 1);
  for (size_t c = 0; c < 500; ++c) good[c] = 0;
  TruthCount got = CountByTruth(splits, good, size_t{1} << 26);
  REQUIRE(got.counted);
  CHECK(got.good < got.total);
  BigInt ten_to_20000;
  mpz_ui_pow_ui(ten_to_20000.get_mpz_t(), 10, 20000);
  CHECK(got.total == ten_to_20000);
}

TEST_CASE("product of factors") {
  CHECK(ProductOf({}) == 1);
  CHECK(ProductOf({7}) == 7);
  CHECK(ProductOf({2, 3, 5, 7, 11}) == 2310);
  CHECK(ProductOf({4, 0, 9}) == 0);
}

}  // namespace
}  // namespace aligncheck
