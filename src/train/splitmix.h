// splitmix64: the one random generator of the toy learners. Its output is
// fixed by its definition, so training runs are identical on every machine
// (nothing depends on the standard library's engines or distributions).
#ifndef ALIGNCHECK_TRAIN_SPLITMIX_H_
#define ALIGNCHECK_TRAIN_SPLITMIX_H_

#include <cmath>
#include <cstdint>

namespace aligncheck {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in (0, 1]: never 0, so a logarithm of it is finite.
  double Uniform() {
    return static_cast<double>((Next() >> 11) + 1) * 0x1.0p-53;
  }
  /// Uniform in [0, 1): the top 53 bits of one draw.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  /// A standard normal by Box-Muller from two Uniform() draws.
  double Normal() {
    double u1 = Uniform();
    double u2 = Uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
  }

 private:
  uint64_t state_;
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_TRAIN_SPLITMIX_H_
