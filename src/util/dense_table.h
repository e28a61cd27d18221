// A dense table of exact numbers without one GMP number per entry.
//
// Loss tables are mostly decimals of few digits ("3.7", "-0.25"). Each entry
// is kept as an int64 numerator over one power of ten common to the table
// (8 bytes, no allocation); an entry that does not fit (too many digits, a
// fraction like 1/3, a scale past kMaxScale) is kept exactly as a Rational
// on the side. Comparisons and row minima on int64 numerators are exact:
// all of them share the denominator, so a < b iff their numerators are.
#ifndef ALIGNCHECK_UTIL_DENSE_TABLE_H_
#define ALIGNCHECK_UTIL_DENSE_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/rational.h"

namespace aligncheck {

class DenseTable {
 public:
  /// The most decimal places the common denominator holds (10^9): one
  /// entry with more stays exact on the side instead of shrinking the range
  /// of every other entry.
  static constexpr int kMaxScale = 9;

  DenseTable() = default;
  /// `size` entries, all 0.
  explicit DenseTable(size_t size) : num_(size, 0) {}

  /// Resets to `size` entries equal to `value`.
  void assign(size_t size, const Rational& value);
  size_t size() const { return num_.size(); }
  bool empty() const { return num_.empty(); }

  /// Entry i, exactly.
  Rational operator[](size_t i) const { return Get(i); }
  Rational Get(size_t i) const;
  double GetDouble(size_t i) const;
  void Set(size_t i, const Rational& value);
  /// Parses a decimal literal (ParseDecimal's syntax) into entry i; returns
  /// false, leaving entry i unchanged, when `text` is not one.
  bool SetDecimal(size_t i, std::string_view text);

  /// The sign of entry i - entry j, exactly.
  /// Inline on the int64 numerators; entries kept aside go out of line.
  int Compare(size_t i, size_t j) const {
    if (IsBig(i) || IsBig(j)) return CompareBig(i, j);
    return num_[i] < num_[j] ? -1 : (num_[i] > num_[j] ? 1 : 0);
  }
  /// The sign of entry i - v, exactly.
  int Compare(size_t i, const Rational& v) const;
  bool Equal(size_t i, size_t j) const {
    if (IsBig(i) || IsBig(j)) return CompareBig(i, j) == 0;
    return num_[i] == num_[j];
  }
  /// The first index of a minimum among entries [begin, end); begin < end.
  size_t Argmin(size_t begin, size_t end) const {
    if (!big_.empty()) return ArgminBig(begin, end);
    size_t arg = begin;
    for (size_t i = begin + 1; i < end; ++i) {
      if (num_[i] < num_[arg]) arg = i;
    }
    return arg;
  }
  /// For each row of `width` entries (width > 0, size a multiple of it): the
  /// offset in the row of its first minimum and of its first maximum, found
  /// in one pass over the table.
  void RowExtremes(size_t width, std::vector<uint32_t>* lo,
                   std::vector<uint32_t>* hi) const;
  /// Replaces every entry v by -v.
  void Negate();

  /// For tests and benchmarks: the common scale and the entries kept aside.
  int scale() const { return scale_; }
  size_t big_count() const { return big_.size(); }

  bool operator==(const DenseTable& other) const;

 private:
  // Marks an entry kept in big_; never a stored numerator, so every stored
  // numerator can be negated.
  static constexpr int64_t kBig = INT64_MIN;

  bool IsBig(size_t i) const { return num_[i] == kBig; }
  // The exact paths when an entry is kept in big_.
  int CompareBig(size_t i, size_t j) const;
  size_t ArgminBig(size_t begin, size_t end) const;
  void StoreScaled(size_t i, int64_t numerator, int scale);
  void StoreBig(size_t i, const Rational& value);
  // Raises the common scale to `scale`, moving entries that overflow aside.
  void Rescale(int scale);

  std::vector<int64_t> num_;
  int scale_ = 0;  // entries are num_[i] / 10^scale_
  std::unordered_map<size_t, Rational> big_;
};

}  // namespace aligncheck

#endif  // ALIGNCHECK_UTIL_DENSE_TABLE_H_
