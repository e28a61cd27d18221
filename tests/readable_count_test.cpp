// Tests of readable counts: exact below 10^15, by magnitude above.
#include "util/readable_count.h"

#include <doctest/doctest.h>

namespace aligncheck {
namespace {

TEST_CASE("readable counts: exact below 10^15, two digits above") {
  CHECK(FormatCount(BigInt(0)) == "0");
  CHECK(FormatCount(BigInt("999999999999999")) == "999999999999999");
  CHECK(FormatCount(BigInt("1000000000000000")) == "about 1.0 x 10^15");
  CHECK(FormatCount(BigInt("1549999999999999")) == "about 1.5 x 10^15");
  CHECK(FormatCount(BigInt("1550000000000000")) == "about 1.6 x 10^15");
  CHECK(FormatCount(BigInt("9960000000000000")) == "about 1.0 x 10^16");
  BigInt big;
  mpz_ui_pow_ui(big.get_mpz_t(), 3, 3000);  // 2.3108... x 10^1431
  CHECK(FormatCount(big) == "about 2.3 x 10^1431");
  CHECK(IsExactCount(BigInt(12)));
  CHECK_FALSE(IsExactCount(big));
}

}  // namespace
}  // namespace aligncheck
